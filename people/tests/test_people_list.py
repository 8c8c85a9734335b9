"""The people list read as a statement (people_page with no words) shows the same page, in
the same order, with the same total, as the search's own query for every filter a list
offers, for every kind of viewer."""

import pytest

from people.models import Person
from people.selectors import people_page, person_search
from rapport.lib.paging import page_of
from rapport.testing.factories import PersonFactory

SIZE = 4


@pytest.fixture
def service(team, other_team):
    """Eleven people over two teams, some in both, some discharged, names that tie."""
    made = []
    for n in range(11):
        teams = [team] if n % 3 else [team, other_team]
        if n % 4 == 0:
            teams = [other_team]
        made.append(
            PersonFactory(
                teams=teams,
                preferred_name=["Ana", "Bo", "Ana", "Cy"][n % 4],
                legal_family_name=f"Family {10 - n}",
                status=Person.Status.DISCHARGED if n % 5 == 0 else Person.Status.ACTIVE,
            )
        )
    return made


@pytest.mark.parametrize("viewer", ["worker", "outsider", "leader", "administrator"])
@pytest.mark.parametrize("status", ["active", "discharged", "all"])
@pytest.mark.parametrize("number", ["1", "2", "3", "9", "not a number"])
def test_the_list_is_the_searchs_page(request, service, team, other_team, viewer, status, number) -> None:
    user = request.getfixturevalue(viewer)
    for chosen in (None, team, other_team):
        expected = page_of(person_search(user=user, status=status, team=chosen), number, SIZE)
        shown = people_page(user=user, query="", status=status, team=chosen, number=number, size=SIZE)
        assert [p.pk for p in shown] == [p.pk for p in expected]
        assert (shown.number, shown.paginator.count) == (expected.number, expected.paginator.count)
        assert all(p.team_list is not None for p in shown)  # each line's teams, already read


def test_a_worker_sees_only_their_teams_people(service, worker, team) -> None:
    shown = people_page(user=worker, query="", status="all", team=None, number="1", size=50)
    assert {p.pk for p in shown} == {p.pk for p in service if team in p.teams.all()}

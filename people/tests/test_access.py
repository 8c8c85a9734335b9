import pytest
from django.http import Http404

from accounts.models import User
from people.access import access_person, leads_any_team_of, people_visible_to
from rapport.testing.factories import PersonFactory, TeamFactory, UserFactory


def test_a_worker_sees_the_people_of_their_teams_only(worker, person, other_person) -> None:
    assert list(people_visible_to(worker)) == [person]


def test_a_worker_of_another_team_gets_404(outsider, person) -> None:
    with pytest.raises(Http404):
        access_person(outsider, person.pk)


def test_a_team_leader_sees_the_teams_they_lead(leader, person, other_person) -> None:
    assert list(people_visible_to(leader)) == [person]


def test_an_administrator_sees_everyone(administrator, person, other_person) -> None:
    assert set(people_visible_to(administrator)) == {person, other_person}


def test_a_person_in_two_teams_is_seen_by_both_once(worker, outsider, team, other_team) -> None:
    shared = PersonFactory(teams=[team, other_team])
    assert list(people_visible_to(worker)) == [shared]
    assert list(people_visible_to(outsider)) == [shared]


def test_someone_who_can_no_longer_log_in_sees_no_one(worker, person) -> None:
    worker.is_active = False
    worker.save()
    assert not people_visible_to(worker).exists()


def test_a_worker_in_no_team_sees_no_one(db, person) -> None:
    assert not people_visible_to(UserFactory(username="newstarter")).exists()


def test_only_leaders_of_the_persons_team_oversee_the_record(worker, leader, administrator, person) -> None:
    assert leads_any_team_of(leader, person)
    assert leads_any_team_of(administrator, person)
    assert not leads_any_team_of(worker, person)
    other_leader = UserFactory(username="lead2", role=User.Role.LEADER, teams=[TeamFactory(name="Elsewhere")])
    assert not leads_any_team_of(other_leader, person)

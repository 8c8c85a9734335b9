"""The access rule: which staff may see which person. Written once; everything uses it.

A worker sees the people of the teams they belong to, a team leader those of the
teams they lead (also memberships), an administrator everyone. Anything else is a 404,
so a record's existence is not revealed to those outside its teams.
"""

from functools import partial
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import Team, User
from audit.models import AuditEvent
from audit.services import audit_record
from people.models import Person
from rapport.lib.lookups import IdList
from rapport.lib.requests import StaffRequest
from rapport.lib.statements import ForViewer, Slot, Statement


def people_visible_to(user: User) -> QuerySet[Person]:
    return Person.objects.filter(about_someone_visible_to(user, "pk"))


def about_someone_visible_to(user: User, person_field: str = "person") -> Q:
    """The access rule as a condition on any record that names a person in `person_field`:
    "this user may see that person", without first loading the people: the database reads
    the people of the user's teams from the team index and uses them either to drive the
    query (a team's lists) or to check the few rows already chosen (one owner's open work)."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_administrator:
        return Q(**{f"{person_field}__isnull": False})
    return in_teams(Team.objects.of(user).values("pk"), person_field)


def in_teams(team_ids: Any, person_field: str = "person") -> Q:
    """The condition "the person in `person_field` is supported by one of these teams" (team
    ids, or a query of them). The people of a team come from the team index: the list a
    team's pages start from, as the service grows by teams."""
    supported = Person.teams.through.objects.filter(team_id__in=team_ids).values("person_id")
    return Q(**{f"{person_field}__in": supported})


def supported_by(team_ids: list[int]) -> list[int]:
    """The ids of the people these teams support, read once from the team index: a team's
    lists then read each history table through its person index for these few hundred
    people. Given the subquery instead, PostgreSQL at 20,000 people scanned all half a
    million consent decisions to find a leader's few thousand, and walked every open
    commitment of the service to find their teams' overdue work."""
    return _SUPPORTED.rows(teams=team_ids)


_SUPPORTED = Statement(
    lambda: (
        Person.teams.through.objects.filter(team_id__one_of=Slot("teams", IdList()))
        .order_by()
        .values_list("person_id", flat=True)
        .distinct()
    )
)


def access_person(user: User, person_id: int, *, related: tuple[str, ...] = ()) -> Person:
    """Load one person for this member of staff, or 404 (with `related` rows joined in)."""
    statement = _ONE_PERSON.get(related)
    if statement is None:
        statement = _ONE_PERSON.setdefault(related, ForViewer(partial(_one_person, related)))
    found = statement.rows(user, person=person_id)
    if not found:
        raise Http404("No such person")
    return found[0]


def _one_person(related: tuple[str, ...], viewer: User) -> QuerySet[Person]:
    return people_visible_to(viewer).select_related(*related).filter(pk=Slot("person"))


# One statement per set of related rows a page joins in (rapport.lib.statements).
_ONE_PERSON: dict[tuple[str, ...], ForViewer[Person]] = {}


def leads_any_team_of(user: User, person: Person) -> bool:
    """Team leaders of one of the person's teams (and administrators) oversee the record."""
    if user.is_administrator:
        return True
    if user.role != User.Role.LEADER:
        return False
    return Team.objects.led_by(user).filter(people=person).exists()


def open_person(request: StaffRequest, person_id: int, *, page: str, related: tuple[str, ...] = ()) -> Person:
    """Load a person for a page and record that this member of staff looked."""
    person = access_person(request.user, person_id, related=related)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.VIEW,
        obj=person,
        person_id=person.pk,
        summary=f"Viewed {page}",
        request=request,
    )
    return person

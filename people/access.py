"""The access rule: which staff may see which person. Written once; everything uses it.

A worker sees the people of the teams they belong to, a team leader those of the
teams they lead (also memberships), an administrator everyone. Anything else is a 404,
so a record's existence is not revealed to those outside its teams.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from accounts.models import Team, User
from audit.models import AuditEvent
from audit.services import audit_record
from people.models import Person
from rapport.lib.requests import StaffRequest


def people_visible_to(user: User) -> QuerySet[Person]:
    if not user.is_authenticated or not user.is_active:
        return Person.objects.none()
    if user.is_administrator:
        return Person.objects.all()
    shares_team = Person.teams.through.objects.filter(
        person_id=OuterRef("pk"), team__in=Team.objects.of(user)
    )
    return Person.objects.filter(Exists(shares_team))


def access_person(user: User, person_id: int) -> Person:
    """Load one person for this member of staff, or 404."""
    try:
        return people_visible_to(user).get(pk=person_id)
    except Person.DoesNotExist:
        raise Http404("No such person") from None


def leads_any_team_of(user: User, person: Person) -> bool:
    """Team leaders of one of the person's teams (and administrators) oversee the record."""
    if user.is_administrator:
        return True
    if user.role != User.Role.LEADER:
        return False
    return Team.objects.led_by(user).filter(people=person).exists()


def open_person(request: StaffRequest, person_id: int, *, page: str) -> Person:
    """Load a person for a page and record that this member of staff looked."""
    person = access_person(request.user, person_id)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.VIEW,
        obj=person,
        person_id=person.pk,
        summary=f"Viewed {page}",
        request=request,
    )
    return person

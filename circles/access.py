"""Who may see which contact, following the person access rule.

Practitioners and partner contacts form a professional directory every member of staff
may use. A family member or carer is personal data: visible only to staff who can see
at least one person in whose circle they stand.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record
from circles.models import Contact, Relationship
from people.access import about_someone_visible_to
from people.models import Person
from rapport.lib.requests import StaffRequest

DIRECTORY = [kind for kind in Contact.Kind.values if kind != Contact.Kind.FAMILY]


def contacts_visible_to(user: User) -> QuerySet[Contact]:
    """The shared directory of practitioners and partner contacts, and the family and
    carers in the circles of the user's people."""
    sides = _sides(user)
    if not sides:
        return Contact.objects.none()
    if len(sides) == 1:
        return Contact.objects.filter(sides[0])
    return Contact.objects.filter(sides[0] | sides[1])


def contact_sides(user: User) -> list[QuerySet[Contact]]:
    """The same contacts as `contacts_visible_to`, as lists that never overlap, each read
    from its own index: a long list is counted side by side (see CountedUpTo). Counted as
    one, SQLite walked every family member of the service (36,000 at 20,000 people) to
    find the few in the user's circles."""
    return [Contact.objects.filter(side) for side in _sides(user)]


def _sides(user: User) -> list[Q]:
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_administrator:
        return [Q()]
    # The contacts in the circles of the user's people, read once (not checked contact by
    # contact), beside the directory, named by its kinds (not as "not family") so that
    # each side has an index to be read from.
    in_circles = Relationship.objects.filter(about_someone_visible_to(user), contact__isnull=False)
    family = Q(kind=Contact.Kind.FAMILY, pk__in=in_circles.values("contact_id"))
    return [Q(kind__in=DIRECTORY), family]


def access_contact(user: User, contact_id: int) -> Contact:
    try:
        return contacts_visible_to(user).select_related("organisation").get(pk=contact_id)
    except Contact.DoesNotExist:
        raise Http404("No such contact") from None


def open_contact(request: StaffRequest, contact_id: int, *, page: str) -> Contact:
    contact = access_contact(request.user, contact_id)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.VIEW,
        obj=contact,
        summary=f"Viewed contact {page}",
        request=request,
    )
    return contact


def relationship_of(person: Person, relationship_id: int) -> Relationship:
    """One relationship in the circle of a person already loaded through the access rule."""
    try:
        return person.relationships.select_related("contact", "organisation").get(pk=relationship_id)
    except Relationship.DoesNotExist:
        raise Http404("No such relationship") from None

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


def contacts_visible_to(user: User) -> QuerySet[Contact]:
    if not user.is_authenticated or not user.is_active:
        return Contact.objects.none()
    if user.is_administrator:
        return Contact.objects.all()
    # The contacts in the circles of the user's people, read once (not checked contact by
    # contact), beside the shared directory of practitioners and partner contacts.
    in_circles = Relationship.objects.filter(about_someone_visible_to(user), contact__isnull=False)
    return Contact.objects.filter(~Q(kind=Contact.Kind.FAMILY) | Q(pk__in=in_circles.values("contact_id")))


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

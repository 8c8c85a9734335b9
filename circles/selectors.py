"""Reads of circles, always within what the access rule allows."""

import re
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Replace
from django.utils import timezone

from accounts.models import User
from circles.access import contact_sides, contacts_visible_to
from circles.models import Contact, Organisation, Relationship
from people.access import about_someone_visible_to
from people.models import Person
from rapport.lib.search_text import matching_words
from rapport.lib.statements import Slot, Statement, known_as


@dataclass
class Circle:
    groups: dict[str, list[Relationship]] = field(default_factory=dict)
    past: list[Relationship] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(self.groups.values()) and not self.past


CIRCLE = Statement(
    lambda: (
        Relationship.objects.filter(person_id=Slot("person"))
        .select_related("contact__organisation", "organisation")
        .order_by("-is_key_contact", "role", "id")
    )
)


def circle_from(person: Person, relationships: list[Relationship]) -> Circle:
    """Current relationships by group (family, practitioners, partners), then past ones,
    from CIRCLE's rows (read with a page's other reads)."""
    today = timezone.localdate()
    circle = Circle(groups={value: [] for value in Relationship.Group.values})
    known_as(relationships, person=person)
    for rel in relationships:
        if rel.ended_on is not None and rel.ended_on < today:
            circle.past.append(rel)
        else:
            circle.groups[rel.group].append(rel)
    return circle


_PHONE_LIKE = re.compile(r"^\+?[\d\s()-]{6,}$")


def _phone_digits(query: str) -> str:
    """What someone types for a UK number, as the digits stored (spaces and dashes ignored)."""
    digits = re.sub(r"\D", "", query)
    return "0" + digits[2:] if query.strip().startswith("+44") or digits.startswith("44") else digits


def contact_search(*, user: User, query: str = "", kind: str = "") -> QuerySet[Contact]:
    """Contacts by any part of a name, profession or organisation, by phone number however it
    is spaced, or by email address."""
    return _narrowed(contacts_visible_to(user), query, kind)


def contact_search_sides(*, user: User, query: str = "", kind: str = "") -> list[QuerySet[Contact]]:
    """The same search on each side of what the user may see, to count it (contact_sides)."""
    return [_narrowed(side, query, kind) for side in contact_sides(user)]


def _narrowed(contacts: QuerySet[Contact], query: str, kind: str) -> QuerySet[Contact]:
    if kind:
        contacts = contacts.filter(kind=kind)
    if _PHONE_LIKE.match(query.strip()):
        stored = Replace(
            Replace(Replace("phone", Value(" "), Value("")), Value("-"), Value("")), Value("+44"), Value("0")
        )
        return (
            contacts.annotate(phone_digits=stored)
            .filter(phone_digits__contains=_phone_digits(query))
            .select_related("organisation")
        )
    for word in matching_words(query):
        contacts = contacts.filter(
            Q(search_text__contains=word) | Q(organisation__search_text__contains=word)
        )
    return contacts.select_related("organisation")


def organisation_search(*, query: str = "", kind: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.all()
    if kind:
        organisations = organisations.filter(kind=kind)
    for word in matching_words(query):
        organisations = organisations.filter(Q(search_text__contains=word) | Q(ods_code__iexact=word))
    return organisations


FOUND_SHOWN = 10


def organisations_found(query: str) -> list[Organisation]:
    """What a search as you type offers from the directory: the first ten by name, once two
    letters are typed (a contact's organisation, a meeting's partners)."""
    if len(query) < 2:
        return []
    return list(organisation_search(query=query).order_by("name")[:FOUND_SHOWN])


CIRCLES_SHOWN = 50  # a GP practice may stand in thousands of circles: the page shows the first


def circles_of_contact(*, user: User, contact: Contact) -> list[Relationship]:
    """The circles this contact stands in, limited to people the user may see (at most
    CIRCLES_SHOWN, by name)."""
    return list(
        contact.relationships.filter(about_someone_visible_to(user))
        .select_related("person")
        .order_by("person__preferred_name", "id")[:CIRCLES_SHOWN]
    )


def circles_of_organisation(*, user: User, organisation: Organisation) -> list[Relationship]:
    return list(
        organisation.relationships.filter(about_someone_visible_to(user))
        .select_related("person")
        .order_by("person__preferred_name", "id")[:CIRCLES_SHOWN]
    )

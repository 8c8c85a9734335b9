"""Agreed contact frequency: when keeping in touch has lapsed."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import F, Q
from django.utils import timezone

from accounts.models import User
from circles.models import Relationship, RelationshipQuerySet
from people.access import people_visible_to
from people.models import Person
from rapport.lib.columns import party
from rapport.lib.in_order import in_order


@dataclass
class Lapsed:
    relationship: Relationship
    last_contact: date | None
    days_overdue: int


def days_overdue(every_days: int, last_contact: date | None, started_on: date, today: date) -> int:
    """Days past the agreed rhythm (0 if not lapsed). With no contact yet, the clock
    starts when the relationship did."""
    reference = last_contact or started_on
    return max(0, (today - reference).days - every_days)


def lapsed_condition(today: date) -> Q:
    """The same rule as a query on relationships annotated with `last_contact`."""
    condition = Q()
    for every in Relationship.Frequency.values:
        cutoff = today - timedelta(days=every)
        start_of_cutoff = timezone.make_aware(datetime.combine(cutoff, time.min))
        condition |= Q(contact_every_days=every) & (
            Q(last_contact__lt=start_of_cutoff) | Q(last_contact__isnull=True, started_on__lt=cutoff)
        )
    return condition


def lapsed_relationships(user: User, today: date) -> RelationshipQuerySet:
    """Current relationships of people this user may see (those receiving support) whose
    agreed contact has not happened on time, longest since contact first. Reads the last
    contact kept on each relationship (interactions.services), so the cost does not grow with
    years of history."""
    return (
        Relationship.objects.current(today)
        # The people first (theirs, still supported), then their relationships by the person
        # index: with the status as a join on every relationship, SQLite walked every active
        # person of the service (26 ms at 20,000 people, growing with the service).
        .filter(person__in=people_visible_to(user).filter(status=Person.Status.ACTIVE))
        .filter(contact_every_days__isnull=False)
        .annotate(last_contact=F("last_contact_at"))
        .filter(lapsed_condition(today))
        .order_by(F("last_contact").asc(nulls_first=True), "started_on", "pk")
    )


def lapsed_rows(ids: list[int], today: date) -> list[Lapsed]:
    """These lapsed relationships, in this order, with their people and parties. Choosing the
    few ids first and joining only them keeps the database from joining every lapsed
    relationship of a large service to its contacts before it sorts."""
    found = Relationship.objects.select_related("person", "contact", "organisation").only(
        "person_id",
        "person__preferred_name",
        "contact_every_days",
        "last_contact_at",
        "started_on",
        *party(),
    )
    return [as_lapsed(relationship, today) for relationship in in_order(found, ids)]


def as_lapsed(relationship: Relationship, today: date) -> Lapsed:
    last_contact = relationship.last_contact_at
    last_day = timezone.localdate(last_contact) if last_contact else None
    every = relationship.contact_every_days or 0
    return Lapsed(relationship, last_day, days_overdue(every, last_day, relationship.started_on, today))

"""Agreed contact frequency: when keeping in touch has lapsed."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import DateField, DateTimeField, F, Q
from django.utils import timezone

from accounts.models import User
from circles.models import Relationship, RelationshipQuerySet
from people.access import about_someone_visible_to, people_visible_to
from people.models import Person
from rapport.lib.columns import party
from rapport.lib.lookups import IdList
from rapport.lib.statements import Slot, Statement, by_id


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


def cutoffs(today: date) -> dict[str, Any]:
    """For each agreed rhythm, the day (`on_7`) and the moment (`at_7`) before which a
    contact, or a relationship's start, leaves it lapsed on `today`."""
    limits: dict[str, Any] = {}
    for every in Relationship.Frequency.values:
        cutoff = today - timedelta(days=every)
        limits[f"on_{every}"] = cutoff
        limits[f"at_{every}"] = timezone.make_aware(datetime.combine(cutoff, time.min))
    return limits


# The same cutoffs as a statement's slots, filled in from `cutoffs(today)` on each run.
CUTOFF_SLOTS = {
    name: Slot(name, DateTimeField() if name.startswith("at_") else DateField())
    for name in cutoffs(date(2000, 1, 1))
}


def lapsed_condition(limits: Mapping[str, Any]) -> Q:
    """The same rule as a query on relationships. One term for each rhythm and each way of
    being late (a last contact too long ago, or none yet since a start too long ago): each is
    one range of the rhythm index, so the database can read the lapsed of a whole service
    straight from it."""
    condition = Q()
    for every in Relationship.Frequency.values:
        condition |= Q(contact_every_days=every, last_contact_at__lt=limits[f"at_{every}"])
        condition |= Q(
            contact_every_days=every, last_contact_at__isnull=True, started_on__lt=limits[f"on_{every}"]
        )
    return condition


def lapsed_relationships(
    user: User, today: Any, limits: Mapping[str, Any] | None = None
) -> RelationshipQuerySet:
    """Current relationships of people this user may see (those receiving support) whose
    agreed contact has not happened on time, longest since contact first. Reads the last
    contact kept on each relationship (interactions.services), so the cost does not grow with
    years of history."""
    lapsed = lapsed_condition(cutoffs(today) if limits is None else limits)
    current = Relationship.objects.current(today).filter(contact_every_days__isnull=False)
    if user.is_administrator:
        # Everyone's: the lapsed read from the rhythm index, one range for each term of the
        # rule (1,600 of 27,000 rhythms at 20,000 people), then their people. Starting from
        # the people, SQLite walked every relationship of the service: 50 ms for the list and
        # 50 more for its count.
        chosen = current.filter(lapsed).filter(
            about_someone_visible_to(user), person__status=Person.Status.ACTIVE
        )
    else:
        # The people first (theirs, still supported), then their relationships by the person
        # index: with the status as a join on every relationship, SQLite walked every active
        # person of the service (26 ms at 20,000 people, growing with the service); from the
        # rhythm index, every lapsed relationship of the service.
        chosen = current.filter(
            person__in=people_visible_to(user).filter(status=Person.Status.ACTIVE)
        ).filter(lapsed)
    return chosen.annotate(last_contact=F("last_contact_at")).order_by(
        F("last_contact").asc(nulls_first=True), "started_on", "pk"
    )


LAPSED_ROWS = Statement(
    lambda: (
        Relationship.objects.select_related("person", "contact", "organisation")
        .only(
            "person_id",
            "person__preferred_name",
            "contact_every_days",
            "last_contact_at",
            "started_on",
            *party(),
        )
        .filter(pk__one_of=Slot("ids", IdList()))
    )
)


def lapsed_rows(ids: list[int], today: date) -> list[Lapsed]:
    """These lapsed relationships, in this order, with their people and parties. Choosing the
    few ids first and joining only them keeps the database from joining every lapsed
    relationship of a large service to its contacts before it sorts."""
    found = by_id(LAPSED_ROWS, ids)
    return [as_lapsed(found[pk], today) for pk in ids if pk in found]


def as_lapsed(relationship: Relationship, today: date) -> Lapsed:
    last_contact = relationship.last_contact_at
    last_day = timezone.localdate(last_contact) if last_contact else None
    every = relationship.contact_every_days or 0
    return Lapsed(relationship, last_day, days_overdue(every, last_day, relationship.started_on, today))

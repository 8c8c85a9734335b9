"""Agreed contact frequency: when keeping in touch has lapsed."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from circles.models import Relationship


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

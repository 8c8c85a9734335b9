"""Working days: weekdays that are not bank holidays or days the service is closed."""

from datetime import date, timedelta
from functools import cache

import holidays
from django.conf import settings


@cache
def _closed_days(year: int, region: str, extra: tuple[date, ...]) -> frozenset[date]:
    days = set(holidays.country_holidays("GB", subdiv=region, years=year))
    return frozenset(days | {day for day in extra if day.year == year})


def is_working_day(day: date) -> bool:
    if day.weekday() >= 5:
        return False
    closed = _closed_days(
        day.year, settings.RAPPORT_HOLIDAY_REGION, tuple(settings.RAPPORT_EXTRA_CLOSED_DAYS)
    )
    return day not in closed


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after `start` (the start day itself never counts)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    while days:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (negative if `end` is earlier).

    Counted by weeks, not day by day: a deadline missed years ago (a complaint on My day)
    would otherwise cost a step for every day since."""
    if end < start:
        return -working_days_between(end, start)
    weeks, rest = divmod((end - start).days, 7)
    weekdays = 5 * weeks + sum(1 for n in range(1, rest + 1) if (start + timedelta(days=n)).weekday() < 5)
    extra = tuple(settings.RAPPORT_EXTRA_CLOSED_DAYS)
    closed = sum(
        1
        for year in range(start.year, end.year + 1)
        for day in _closed_days(year, settings.RAPPORT_HOLIDAY_REGION, extra)
        if start < day <= end and day.weekday() < 5
    )
    return weekdays - closed

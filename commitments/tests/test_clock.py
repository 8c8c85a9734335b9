from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commitments.clock import add_working_days, is_working_day, working_days_between


def test_weekends_and_bank_holidays_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 12, 25))  # Christmas Day
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day, observed on the Monday
    assert is_working_day(date(2026, 12, 29))


def test_a_complaint_received_before_christmas() -> None:
    # Received Wednesday 23 December 2026: 3 working days are 24, 29 and 30 December.
    assert add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 30)


def test_twenty_working_days_over_easter() -> None:
    # Good Friday 3 April and Easter Monday 6 April 2026 do not count.
    assert add_working_days(date(2026, 3, 30), 20) == date(2026, 4, 29)


def test_wales_and_scotland_differ(settings) -> None:
    settings.RAPPORT_HOLIDAY_REGION = "SCT"
    assert not is_working_day(date(2027, 1, 4))  # 2 January holiday, observed on Monday 4th
    settings.RAPPORT_HOLIDAY_REGION = "WLS"
    assert is_working_day(date(2027, 1, 4))


def test_extra_closed_days_are_configurable(settings) -> None:
    settings.RAPPORT_EXTRA_CLOSED_DAYS = [date(2026, 12, 24)]
    assert not is_working_day(date(2026, 12, 24))
    assert add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 29)


def test_a_badly_written_closed_day_stops_with_a_message(monkeypatch) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from rapport.lib.env import env_dates

    monkeypatch.setenv("X_DAYS", "2026-12-24, 24/12/2026")
    with pytest.raises(ImproperlyConfigured, match="YYYY-MM-DD"):
        env_dates("X_DAYS")


days = st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31))


@given(days, st.integers(0, 60))
def test_adding_then_counting_gives_back_the_same_number(start: date, n: int) -> None:
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    assert n == 0 or is_working_day(end)


@given(days, st.integers(1, 60))
def test_the_deadline_is_never_sooner_than_calendar_days(start: date, n: int) -> None:
    assert add_working_days(start, n) >= start + timedelta(days=n)


@given(days, st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31)))
def test_counting_by_weeks_is_counting_day_by_day(start: date, end: date) -> None:
    low, high = min(start, end), max(start, end)
    one_by_one = sum(1 for n in range(1, (high - low).days + 1) if is_working_day(low + timedelta(days=n)))
    assert working_days_between(start, end) == (one_by_one if end >= start else -one_by_one)


def test_counting_by_weeks_minds_extra_closed_days(settings) -> None:
    settings.RAPPORT_EXTRA_CLOSED_DAYS = [date(2026, 12, 24), date(2026, 12, 26)]  # a Thursday, a Saturday
    assert working_days_between(date(2026, 12, 23), date(2026, 12, 31)) == 3  # 29, 30, 31

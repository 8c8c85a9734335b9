from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from circles.cadence import days_overdue

TODAY = date(2026, 11, 24)


def test_a_weekly_call_nine_days_ago_is_two_days_over() -> None:
    assert days_overdue(7, TODAY - timedelta(days=9), date(2020, 1, 1), TODAY) == 2


def test_a_weekly_call_seven_days_ago_is_on_time() -> None:
    assert days_overdue(7, TODAY - timedelta(days=7), date(2020, 1, 1), TODAY) == 0


def test_with_no_contact_the_clock_starts_with_the_relationship() -> None:
    assert days_overdue(14, None, TODAY - timedelta(days=20), TODAY) == 6
    assert days_overdue(14, None, TODAY - timedelta(days=3), TODAY) == 0


@given(st.sampled_from([7, 14, 28, 91]), st.integers(0, 400))
def test_lapsed_exactly_when_the_gap_exceeds_the_rhythm(every: int, gap: int) -> None:
    over = days_overdue(every, TODAY - timedelta(days=gap), date(2000, 1, 1), TODAY)
    assert (over > 0) == (gap > every)
    assert over == max(0, gap - every)

from datetime import date

from feedback.clocks import Clock, deadlines


def test_a_complaint_gets_three_and_twenty_working_days() -> None:
    # Received Friday 27 November 2026.
    # 20 working days skip Christmas Day and Boxing Day (observed Monday 28th).
    assert deadlines("complaint", date(2026, 11, 27)) == (date(2026, 12, 2), date(2026, 12, 29))


def test_the_clocks_are_configurable(settings) -> None:
    settings.RAPPORT_COMPLAINT_ACKNOWLEDGE_DAYS = 2
    settings.RAPPORT_COMPLAINT_RESPOND_DAYS = 10
    assert deadlines("complaint", date(2026, 11, 27)) == (date(2026, 12, 1), date(2026, 12, 11))


def test_concerns_have_one_clock_and_compliments_none() -> None:
    assert deadlines("concern", date(2026, 11, 27)) == (None, date(2026, 12, 11))
    assert deadlines("compliment", date(2026, 11, 27)) == (None, None)


def test_clock_states() -> None:
    due = date(2026, 12, 2)
    assert Clock("Acknowledge", due, None, date(2026, 11, 30)).state == "running"
    assert Clock("Acknowledge", due, None, date(2026, 11, 30)).working_days_left == 2
    assert Clock("Acknowledge", due, None, due).state == "due today"
    assert Clock("Acknowledge", due, None, date(2026, 12, 3)).state == "overdue"
    assert Clock("Acknowledge", due, date(2026, 12, 1), date(2026, 12, 10)).state == "met"
    assert Clock("Acknowledge", due, date(2026, 12, 4), date(2026, 12, 10)).state == "met late"

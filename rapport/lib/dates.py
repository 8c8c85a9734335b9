"""One way of writing a date everywhere, as GOV.UK does: "4 Sep 1984" (no leading zero,
short month, full year). Templates use the same with `|date:"j M Y"`."""

from datetime import date


def day(when: date) -> str:
    return f"{when.day} {when:%b %Y}"

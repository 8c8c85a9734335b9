"""`|date` as Django's, writing the house formats ("4 Sep 1984", "4 Sep 1984, 14:30") directly.

Loaded as a template builtin after Django's own filters (settings.TEMPLATES), so every
`|date` in every template is this one. Django's filter looks the format up among the locale's
formats, splits it with a regular expression, and builds lazily translated month names on
every call: about 40 to 80 microseconds a date on the benchmark machine. A list of 25 people,
My day and the timeline each show dozens of dates, so that was a few milliseconds a page.

A format made only of the codes below, spaces and punctuation is split once and remembered;
each date is then a handful of attribute reads. The names of months and days are written
here in English, so this way is taken only while the active language is one whose names
Django gives as these (the tests compare every month and day with Django's own). Anything
else (another language, a format naming a locale setting, another code, an escaped letter,
a value that is not exactly a date or a datetime) goes through Django's filter, unchanged.
The value has already been moved to the current time zone by the template engine, as for
Django's (`expects_localtime`).
"""

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from django import template
from django.template.defaultfilters import date as djangos_date
from django.utils.dateformat import re_formatchars
from django.utils.translation import get_language

register = template.Library()

MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENGLISH = frozenset({"en", "en-gb", "en-us"})

Part = Callable[[Any], str]  # of a date, or of a datetime for a time code
# Django's meaning of each code (django.utils.dateformat), for the codes the house formats use.
DAY_CODES: dict[str, Part] = {
    "j": lambda d: str(d.day),
    "M": lambda d: MONTHS_SHORT[d.month - 1],
    "Y": lambda d: f"{d.year:04d}",
    "l": lambda d: WEEKDAYS[d.weekday()],
}
TIME_CODES: dict[str, Part] = {
    "H": lambda d: f"{d.hour:02d}",
    "i": lambda d: f"{d.minute:02d}",
    "s": lambda d: f"{d.second:02d}",
}


@lru_cache(maxsize=64)
def compiled(format_string: str) -> tuple[tuple[Part | str, ...], bool] | None:
    """The format as literal text and codes, and whether it shows a time; None when any part
    of it is not written here (Django's filter then does the whole date)."""
    if "\\" in format_string or format_string.isupper():  # escapes; a locale setting's name
        return None
    parts: list[Part | str] = []
    shows_time = False
    for n, piece in enumerate(re_formatchars.split(format_string)):
        if not n % 2:
            if piece:
                parts.append(piece)
        elif piece in DAY_CODES:
            parts.append(DAY_CODES[piece])
        elif piece in TIME_CODES:
            parts.append(TIME_CODES[piece])
            shows_time = True
        else:
            return None
    return tuple(parts), shows_time


def date_filter(value: Any, arg: Any = None) -> str:
    kind = type(value)
    if (kind is datetime or kind is date) and isinstance(arg, str) and get_language() in ENGLISH:
        found = compiled(arg)
        if found is not None and (kind is datetime or not found[1]):
            return "".join(part if isinstance(part, str) else part(value) for part in found[0])
    return str(djangos_date(value, arg))


register.filter("date", date_filter, expects_localtime=True, is_safe=False)

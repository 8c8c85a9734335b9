"""Every `|date` writes exactly what Django's own filter writes (rapport/lib/date_filter.py):
for any date and moment, in every house format and any mix of the codes written directly,
and through Django's own way for everything else (another language, another code, an
escaped letter, a locale setting's name, values that are not dates)."""

from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.template.defaultfilters import date as djangos_date
from django.test import override_settings
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from rapport.lib.date_filter import DAY_CODES, TIME_CODES, compiled, date_filter
from rapport.tests.test_one_date_style import HOUSE_FORMATS

LONDON = ZoneInfo("Europe/London")
moments = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 30))
days = st.dates()
codes = st.sampled_from(sorted(DAY_CODES) + sorted(TIME_CODES))
literals = st.sampled_from([" ", ", ", ":", "-", "/", ".", " | "])  # no letters: those are codes
formats = st.lists(st.one_of(codes, literals), min_size=1, max_size=8).map("".join)


@pytest.fixture
def translations() -> Iterator[None]:
    """Django's translation machinery, which Rapport runs without (settings.USE_I18N): on, so
    that another language can be tried. Django picks it once per process, on first use
    (django.utils.translation.Trans), so the choice is forgotten before and after."""
    with override_settings(USE_I18N=True):
        translation._trans.__dict__.clear()  # type: ignore[attr-defined]
        try:
            yield
        finally:
            translation._trans.__dict__.clear()  # type: ignore[attr-defined]


def test_every_date_in_a_template_goes_through_this_filter() -> None:
    template = engines["django"].from_string("{{ when|date:'j M Y' }}")
    node = template.template.nodelist[0]
    assert node.filter_expression.filters[0][0] is date_filter


def test_every_house_format_is_written_directly() -> None:
    assert all(compiled(f) is not None for f in HOUSE_FORMATS)


@given(moments, st.sampled_from(sorted(HOUSE_FORMATS)))
def test_a_moment_in_a_house_format_is_written_as_django_writes_it(when: datetime, fmt: str) -> None:
    assert date_filter(when, fmt) == djangos_date(when, fmt)


@given(moments, formats)
def test_any_mix_of_the_codes_is_written_as_django_writes_it(when: datetime, fmt: str) -> None:
    assert date_filter(when, fmt) == djangos_date(when, fmt)


@given(days, formats.filter(lambda f: not set(f) & set(TIME_CODES)))
def test_a_day_is_written_as_django_writes_it(day: date, fmt: str) -> None:
    assert date_filter(day, fmt) == djangos_date(day, fmt)


@pytest.mark.parametrize("language", ["en", "en-gb", "en-us"])
@pytest.mark.usefixtures("translations")
def test_every_month_and_weekday_is_named_as_in_django_in_each_english(language: str) -> None:
    with translation.override(language):
        for month in range(1, 13):
            for day_of_month in range(1, 8):  # seven days in a row: every weekday
                when = datetime(2026, month, day_of_month, 9, 5, 7)
                for fmt in HOUSE_FORMATS:
                    assert date_filter(when, fmt) == djangos_date(when, fmt)


@pytest.mark.parametrize(
    "value, fmt",
    [
        (datetime(2026, 3, 4, 14, 30), "D j M"),  # a code not written here
        (datetime(2026, 3, 4, 14, 30), r"\j j M"),  # an escaped letter
        (datetime(2026, 3, 4, 14, 30), "DATETIME_FORMAT"),  # a locale's setting
        (datetime(2026, 3, 4, 14, 30), None),  # the locale's date format
        (date(2026, 3, 4), "j M Y"),
        (None, "j M Y"),
        ("", "j M Y"),
        ("4 March", "j M Y"),  # not a date: Django writes nothing
        (datetime(2026, 3, 4, 14, 30, tzinfo=UTC), "j M Y, H:i"),  # as given, not moved
    ],
)
def test_anything_else_is_written_by_django(value: object, fmt: str | None) -> None:
    assert date_filter(value, fmt) == djangos_date(value, fmt)


def test_a_time_of_a_day_alone_is_refused_as_django_refuses_it() -> None:
    with pytest.raises(TypeError):
        djangos_date(date(2026, 3, 4), "H:i")
    with pytest.raises(TypeError):
        date_filter(date(2026, 3, 4), "H:i")


@pytest.mark.usefixtures("translations")
def test_another_language_names_its_own_months() -> None:
    when = datetime(2026, 2, 4, 14, 30)
    with translation.override("fr"):
        assert date_filter(when, "j M Y") == djangos_date(when, "j M Y") != "4 Feb 2026"


def test_a_template_shows_the_moment_in_london() -> None:
    summer_evening = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
    with timezone.override(LONDON):
        shown = engines["django"].from_string("{{ when|date:'j M Y, H:i' }}").render({"when": summer_evening})
    assert shown == "2 Jul 2026, 00:30"

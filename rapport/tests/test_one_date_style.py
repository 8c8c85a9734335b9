"""One date style everywhere, GOV.UK's "4 Sep 1984" (issue 9, item 11): every format a
template names is one of the house formats, and no page shows a date written another way."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from people.models import Person
from rapport.lib.dates import day
from rapport.testing.long_words import seed_full_circle
from rapport.testing.urlwalk import fill, project_patterns

# "4 Sep 1984", with the weekday where a page heads a day, and the time where it matters.
HOUSE_FORMATS = {"j M Y", "j M Y, H:i", "j M Y, H:i:s", "l j M Y", "l j M Y, H:i", "H:i"}
# The machine-readable moment of a <time> element (ISO 8601, read by software, never shown).
MACHINE_DATETIME = re.compile(r"""datetime=["']\{\{[^}]*\|date:["']c["']\s*\}\}["']""")
NAMED_FORMAT = re.compile(r"""(?:\|(?:date|time):|\{%\s*now\s+)["']([^"']*)["']""")
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
OTHER_STYLES = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b"  # ISO 1984-09-04
    rf"|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"  # 04/09/1984
    r"|\b[ap]\.m\."  # Django's "2:30 p.m." (times the product writes are "14:30")
    rf"|\b0\d {MONTH}\b"  # 04 Sep
    rf"|\b{MONTH}\.? \d{{1,2}}, \d{{4}}"  # Sep. 4, 1984
    r"|\b(?:January|February|March|April|June|July|August|September|October|November|December) \d{4}\b"
)
ROOT = Path(settings.BASE_DIR)


def templates() -> list[Path]:
    return [p for p in ROOT.rglob("*.html") if not {".venv", "node_modules", "staticfiles"} & set(p.parts)]


def test_templates_name_only_house_formats() -> None:
    named = {
        (str(p.relative_to(ROOT)), f)
        for p in templates()
        for f in NAMED_FORMAT.findall(MACHINE_DATETIME.sub("", p.read_text()))
    }
    assert len(named) > 20
    assert {(p, f) for p, f in named if f not in HOUSE_FORMATS} == set()


def test_the_house_style_and_the_check_agree() -> None:
    from datetime import date

    assert day(date(1984, 9, 4)) == "4 Sep 1984" and not OTHER_STYLES.search("4 Sep 1984, 14:30")
    for other in ["1984-09-04", "04/09/1984", "2:30 p.m.", "04 Sep 1984", "Sep. 4, 1984", "September 1984"]:
        assert OTHER_STYLES.search(other), other


class VisibleText(HTMLParser):
    """The words a reader sees: text outside scripts, styles and text boxes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style", "textarea")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style", "textarea")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


@pytest.mark.parametrize("who", ["worker", "leader", "administrator"])
def test_no_page_shows_a_date_another_way(who, worker, leader, administrator, person: Person) -> None:
    values = seed_full_circle(person, worker, leader)
    client = Client()
    client.force_login({"worker": worker, "leader": leader, "administrator": administrator}[who])
    seen, wrong = 0, {}
    for name, route, _ in project_patterns():
        if name in ("logout", "reminders:feed"):
            continue
        response = client.get(fill(route, values))
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        seen += 1
        parser = VisibleText()
        parser.feed(response.content.decode())
        found = OTHER_STYLES.findall(" ".join(parser.parts))
        if found:
            wrong[name] = found
    assert seen > 40 and wrong == {}

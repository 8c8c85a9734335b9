"""A name in a right-to-left script is isolated with dir="auto" (or <bdi>, which is
dir="auto" by default) wherever a page shows it (issue 9, item 11), so "Back to زينب" or
"Zainab (Son), 4 Sep" never has its words and punctuation reordered."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from accounts.models import Team, User
from circles.models import Contact, Organisation
from people.models import Person
from rapport.testing.long_words import seed_full_circle
from rapport.testing.urlwalk import fill, project_patterns

RTL = "\u0632\u064a\u0646\u0628"  # Zainab, in Arabic script
NOT_PAGES = {"logout", "reminders:feed", "share_packs:fhir", "consent:subject_access"}
REBUILDING: set[str] = set()
REBUILDING_PARTS: set[str] = set()
# Text a browser shows without markup inside: the title, a select's options, a text box.
PLAIN_TEXT = {"title", "option", "textarea", "script"}
VOID = {"br", "input", "img", "meta", "link", "hr", "col", "source", "wbr"}


class UnisolatedNames(HTMLParser):
    """Each text holding the name whose own element is not isolated."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if RTL not in data or not self.stack:
            return
        if any(attrs.get("id") in REBUILDING_PARTS for _, attrs in self.stack):
            return
        tag, attrs = self.stack[-1]
        if tag not in PLAIN_TEXT and tag != "bdi" and attrs.get("dir") != "auto":
            self.found.append(f"<{tag}>{data.strip()[:50]}")


def unisolated(html: str) -> list[str]:
    parser = UnisolatedNames()
    parser.feed(html)
    return parser.found


def test_the_check_finds_a_bare_name() -> None:
    assert unisolated(f"<p>Back to {RTL}</p><p>Back to <bdi>{RTL}</bdi></p><a dir=auto>{RTL}</a>") == [
        f"<p>Back to {RTL}"
    ]


@pytest.mark.parametrize("who", ["worker", "leader", "administrator"])
def test_every_name_is_isolated(who, worker, leader, administrator, person: Person) -> None:
    values = seed_full_circle(person, worker, leader)
    Person.objects.update(preferred_name=RTL, legal_given_names=RTL, legal_family_name=RTL)
    Contact.objects.update(given_name=RTL, family_name=RTL)
    Organisation.objects.update(name=RTL)
    User.objects.update(first_name=RTL, last_name=RTL)
    Team.objects.update(name=RTL)
    client = Client()
    client.force_login({"worker": worker, "leader": leader, "administrator": administrator}[who])
    seen, found = 0, {}
    for name, route, _ in project_patterns():
        if name in NOT_PAGES | REBUILDING:
            continue
        response = client.get(fill(route, values))
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            seen += 1
            if bare := unisolated(response.content.decode()):
                found[name] = bare
    assert seen > 40
    assert found == {}, "\n".join(f"{page}: {bare}" for page, bare in found.items())

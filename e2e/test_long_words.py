"""A long unbroken word never makes a page wider than the screen (issue 9, item 11).

Every free-text field of every model holds a 250-character word (an email-like string, or
as long as the field allows); every page a worker and a leader can open about the person is
visited at 360x740 and 1280x800. A table in a named region that scrolls inside itself is
fine; the page itself must not scroll sideways.
"""

import pytest
from django.test import Client
from playwright.sync_api import Page

from accounts.models import User
from e2e.conftest import log_in
from people.models import Person
from rapport.testing.long_words import fill_every_free_text_field, seed_full_circle
from rapport.testing.urlwalk import fill, project_patterns

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = [{"width": 360, "height": 740}, {"width": 1280, "height": 800}]
# Pages that are not an HTML page about the person, or that end the session.
NOT_PAGES = {"logout", "reminders:feed", "share_packs:fhir", "consent:subject_access"}
# What sticks out past the right edge, deepest first, to say where the overflow comes from.
WIDEST = """() => {
    const w = window.innerWidth, out = [];
    for (const el of document.querySelectorAll('body *')) {
        if (el.closest('[role=region]')) continue;
        const r = el.getBoundingClientRect();
        const name = e => e ? e.tagName.toLowerCase() + '.' + String(e.className).replace(/ /g, '.') : '';
        const leaf = !el.querySelector('*:not(br)');
        if (r.right > w + 1 && leaf) out.push(name(el) + ' in ' + name(el.parentElement));
    }
    return out.slice(0, 5);
}"""


def html_pages(user: User, values: dict[str, object]) -> list[str]:
    """Every page of the project this user may open, as the test client sees it."""
    client = Client()
    client.force_login(user)
    paths = []
    for name, route, _ in project_patterns():
        if name in NOT_PAGES:
            continue
        path = fill(route, values)
        response = client.get(path)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            paths.append(path)
    return paths


def overflowing(page: Page, base: str, paths: list[str]) -> list[str]:
    wide = []
    for path in paths:
        page.set_viewport_size(VIEWPORTS[0])
        page.goto(base + path)
        for viewport in VIEWPORTS:
            page.set_viewport_size(viewport)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > viewport["width"]:
                wide.append(f"{path} at {viewport['width']}: {width}px {page.evaluate(WIDEST)}")
    return wide


@pytest.mark.parametrize("who", ["worker", "leader", "administrator"])
def test_no_page_is_wider_than_the_screen(
    live_server, page: Page, who, worker, leader, administrator, person: Person
) -> None:
    values = seed_full_circle(person, worker, leader)
    filled = fill_every_free_text_field()
    assert {"people.Person.preferred_name", "circles.Contact.email", "meetings.Decision.text"} <= set(filled)
    user = {"worker": worker, "leader": leader, "administrator": administrator}[who]
    paths = html_pages(user, values)
    assert len(paths) > 40, paths
    log_in(page, live_server.url, user.username)
    # The words reach the page: without the wrapping rules the person page overflows.
    page.set_viewport_size(VIEWPORTS[0])
    page.goto(f"{live_server.url}/people/{person.pk}/")
    page.evaluate("for (const e of document.querySelectorAll('*')) e.style.overflowWrap = 'normal'")
    assert page.evaluate("document.documentElement.scrollWidth") > VIEWPORTS[0]["width"]
    assert overflowing(page, live_server.url, paths) == []

"""Logging a conversation on a phone between visits: from My day, in a handful of taps and
one typed note, the rest filled by sensible defaults (issue 9, item 3)."""

import time

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import log_in
from interactions.models import Interaction
from rapport.testing.factories import CommitmentFactory

pytestmark = pytest.mark.django_db(transaction=True)
NOTE = "Said the new evening routine helps; sleeping better this week."  # about 60 characters


def test_a_conversation_in_four_taps_and_one_note(
    live_server, page: Page, worker, person, console_errors
) -> None:
    CommitmentFactory(person=person, owner=worker, title="Ask how the nights are")
    page.set_viewport_size({"width": 360, "height": 740})
    base = live_server.url
    log_in(page, base, "worker")
    taps, fields = 0, 0
    started = time.monotonic()

    page.get_by_role("link", name=person.preferred_name).first.click()
    taps += 1
    page.get_by_role("link", name="Log a conversation").first.click()
    taps += 1
    expect(page.locator("#id_with_whom")).to_have_value("person")
    expect(page.locator("#id_channel")).to_have_value("in_person")
    note = page.get_by_label("What was said")
    note.click()
    taps += 1
    note.press_sequentially(NOTE, delay=20)
    fields += 1
    page.get_by_role("button", name="Save conversation").click()
    taps += 1
    expect(page.get_by_role("status")).to_be_visible()
    took = time.monotonic() - started

    saved = Interaction.objects.get(person=person)
    assert saved.summary == NOTE and saved.with_kind == "person" and saved.channel == "in_person"
    assert (taps, fields) == (4, 1)
    assert took < 45, took  # a person typing at ten characters a second would still make it

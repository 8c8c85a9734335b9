"""After a refused form, focus is on the error summary and the title starts "Error:" (issue 9,
item 11). rapport/tests/test_forms_walk.py checks every form's answer; this checks, in a
browser, that js/errors.js moves the focus on a few forms of each shape."""

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import log_in
from rapport.testing.factories import FeedbackFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_focus_moves_to_the_error_summary(live_server, page: Page, worker, person) -> None:
    """No console check here: the complaint's forms answer a refusal with 400, which Chromium logs."""
    complaint = FeedbackFactory(person=person, handler=worker)
    base = live_server.url
    log_in(page, base, "worker")
    for path, button, clear in [
        ("/people/new/", "Add person", None),  # one form, named `form`
        (f"/people/{person.pk}/circle/add/family/", "Add to circle", None),  # three forms, one summary
        (f"/people/{person.pk}/feedback/{complaint.pk}/", "Record acknowledgement", "Acknowledged on"),
    ]:
        page.goto(base + path)
        if clear:
            page.get_by_label(clear).fill("")
        page.get_by_role("button", name=button).click()
        expect(page).to_have_title(re.compile(r"^Error: "))
        expect(page.locator("#form-problems")).to_be_focused()

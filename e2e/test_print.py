"""The person summary prints on A4 marked confidential, with who printed it and when, and
without the controls that only make sense on a screen."""

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_person_page_prints_without_controls(
    live_server, page: Page, worker, person, console_errors
) -> None:
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/{person.pk}/")
    confidential = page.get_by_text("Confidential. Printed by")
    expect(confidential).to_be_hidden()
    page.emulate_media(media="print")
    expect(confidential).to_be_visible()
    expect(confidential).to_contain_text(worker.display_name)
    for control in (".record-menu", ".top", ".item-actions"):
        for element in page.locator(control).all():
            expect(element).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.get_by_role("link", name="Log a conversation").first).to_be_visible()

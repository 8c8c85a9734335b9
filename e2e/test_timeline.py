"""One timeline per person, on a phone and a desktop: every kind of record in one order,
narrowed by kind and by someone in the circle; a share pack reopened, printed again and
downloaded again as FHIR from the consent page."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, log_in
from rapport.testing.records import history_of_every_kind

pytestmark = pytest.mark.django_db(transaction=True)
LONG_WORD = "w" * 250


def _kinds(page: Page) -> list[str]:
    return page.locator(".timeline .entry .badge").all_inner_texts()


def _check(page: Page) -> None:
    assert_accessible(page)
    assert_fits_phone(page)


@pytest.mark.parametrize("size", [(360, 740), (1280, 800)])
def test_a_worker_reads_the_timeline_filters_it_and_reopens_a_share_pack(
    live_server, page: Page, worker, person, console_errors, size
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    pack = history_of_every_kind(
        person, worker, newest=timezone.now() - timedelta(hours=1), words=LONG_WORD
    ).pack
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/{person.pk}/")
    page.get_by_role("link", name="Timeline: everything recorded, newest first").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Timeline: {person.preferred_name}")
    assert _kinds(page) == [
        "Conversation",
        "Change noticed",
        "Done",
        "Owed",
        "Compliment",
        "Meeting",
        "Thanks",
        "Signposting",
        "Share pack",
        "Shared",
        "Consent",
    ]
    _check(page)

    page.get_by_text("Filter the timeline").click()
    page.get_by_label("Share packs", exact=True).check()
    page.get_by_label("Meetings", exact=True).check()
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.locator(".timeline .entry")).to_have_count(2)
    assert _kinds(page) == ["Meeting", "Share pack"]
    _check(page)

    expect(page.get_by_text("Filter the timeline: Meetings; Share packs")).to_be_visible()
    page.get_by_text("Filter the timeline").click()
    page.get_by_label("Share packs", exact=True).uncheck()
    page.get_by_label("Meetings", exact=True).uncheck()
    page.get_by_label("With or about someone in the circle").select_option(label="Joan Hughes (Daughter)")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.get_by_text("6 records match the filter")).to_be_visible()
    assert _kinds(page) == ["Conversation", "Done", "Owed", "Compliment", "Thanks", "Signposting"]
    _check(page)

    page.goto(f"{base}/people/{person.pk}/consent/")
    packs = page.get_by_role("region", name="Share packs sent")
    expect(packs).to_contain_text("Brookside Surgery")
    _check(page)
    packs.get_by_role("link", name=re.compile("^Open")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Information shared about")
    assert page.evaluate("window.printed || 0") == 0, "opening a pack must not print it"
    _check(page)

    page.go_back()
    page.get_by_role("region", name="Share packs sent").get_by_role("link", name=re.compile("^Print")).click()
    page.wait_for_url(re.compile(rf"/share-packs/{pack.pk}/\?print=1$"))
    page.wait_for_function("window.printed === 1")

    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("region", name="Share packs sent").get_by_role(
            "link", name=re.compile("^Download FHIR")
        ).click()
    assert download.value.suggested_filename == f"share-pack-{pack.pk}.json"
    assert json.loads(Path(download.value.path()).read_text())["resourceType"] == "Bundle"

"""Promises kept: a call-back promised today is on My day tomorrow."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, log_in
from rapport.testing.factories import RelationshipFactory

pytestmark = pytest.mark.django_db(transaction=True)
LONDON = ZoneInfo("Europe/London")


def test_a_promised_call_back_is_due_the_next_day(
    live_server, page: Page, worker, person, console_errors
) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    daughter = RelationshipFactory(
        person=person,
        role="Daughter",
        contact__given_name="Joan",
        contact__family_name="Hughes",
        contact_every_days=7,
    )
    monday = datetime(2026, 11, 23, 10, 30, tzinfo=LONDON)
    base = live_server.url
    with time_machine.travel(monday, tick=True):
        log_in(page, base, "worker")
        page.goto(f"{base}/people/{person.pk}/")
        page.get_by_role("link", name=f"Log a conversation with {daughter.contact}").click()
        expect(page.get_by_label(re.compile("^With"))).to_have_value(f"rel:{daughter.pk}")
        page.get_by_label("Channel").select_option(label="Phone")
        page.get_by_label("What was said").fill(
            "Joan rang to ask about the GP visit. Explained it is on Thursday."
        )
        page.get_by_label("Checked they understood").check()
        page.get_by_label("What did you promise?").fill("Ring Joan back after the GP visit")
        expect(page.get_by_label("Promised by")).to_have_value("2026-11-24")
        assert_accessible(page)
        assert_fits_phone(page)
        page.get_by_role("button", name="Save conversation").click()
        expect(page.get_by_role("status")).to_contain_text("logged")
        expect(page.get_by_role("region", name="Owed")).to_contain_text("Ring Joan back after the GP visit")

    with time_machine.travel(monday + timedelta(days=1), tick=True):
        log_in(page, base, "worker")  # yesterday's log-in lasted one shift
        due = page.get_by_role("region", name="Due today")
        expect(due).to_contain_text("Ring Joan back after the GP visit")
        expect(due).to_contain_text(f"Promise to {daughter.contact} (Daughter)")
        assert_accessible(page)
        assert_fits_phone(page)
        due.get_by_role("link", name="Close: Ring Joan back after the GP visit").click()
        page.get_by_label("Outcome").fill("Rang Joan back; she had already heard from the GP.")
        page.get_by_label("Nothing about the person was shared").check()  # the consent gate asks
        page.get_by_role("button", name="Close it").click()
        expect(page).to_have_url(f"{base}/")
        expect(page.get_by_role("region", name="Due today")).to_have_count(0)

    with time_machine.travel(monday + timedelta(days=9), tick=True):
        log_in(page, base, "worker")
        expect(page.get_by_role("region", name="Keeping in touch")).to_contain_text("2 days over")

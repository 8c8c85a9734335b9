"""A complaint is logged and its acknowledgement clock runs down on My day."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, log_in, record
from rapport.testing.factories import RelationshipFactory

pytestmark = pytest.mark.django_db(transaction=True)
LONDON = ZoneInfo("Europe/London")


def test_the_acknowledgement_clock(live_server, page: Page, worker, person, console_errors) -> None:
    son = RelationshipFactory(
        person=person, role="Son", contact__given_name="Raj", contact__family_name="Hughes"
    )
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=LONDON)
    base = live_server.url
    with time_machine.travel(friday, tick=True):
        log_in(page, base, "worker")
        page.goto(f"{base}/people/{person.pk}/")
        record(page, "A compliment, concern or complaint")
        page.get_by_label("Complaint").check()
        page.get_by_label(re.compile(r"^From")).select_option(label=f"{son.contact} (Son)")
        page.get_by_label("What it is about").fill("Mum's lunch visit was missed on Wednesday.")
        assert_accessible(page)
        page.get_by_role("button", name="Log it").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Complaint from {son.contact} (Son)")
        expect(page.get_by_text("Acknowledge: by 2 Dec 2026 (3 working days)")).to_be_visible()
        expect(page.get_by_text("Respond: by 29 Dec 2026")).to_be_visible()
        assert_accessible(page)

    with time_machine.travel(friday + timedelta(days=5), tick=True):  # Wednesday 2 December
        log_in(page, base, "worker")
        mine = page.get_by_role("region", name="Complaints and concerns I am handling")
        expect(mine).to_contain_text("Acknowledge: due today")
        mine.get_by_role("link", name=f"Complaint from {son.contact} (Son)").click()
        page.get_by_role("button", name="Record acknowledgement").click()
        expect(page.get_by_text("Acknowledge: done 2 Dec 2026, on time")).to_be_visible()

    with time_machine.travel(friday + timedelta(days=40), tick=True):
        log_in(page, base, "worker")
        expect(page.get_by_role("region", name="Complaints and concerns I am handling")).to_contain_text(
            "Respond: overdue since 29 Dec 2026"
        )

"""Mrs Hughes lets her son hear care updates but not health news; the override is reviewed."""

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, log_in, log_out, record
from rapport.testing.factories import RelationshipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_consent_is_enforced_and_the_override_reviewed(
    live_server, page: Page, worker, leader, person, console_errors
) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    son = RelationshipFactory(
        person=person, role="Son", contact__given_name="Raj", contact__family_name="Hughes"
    )
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/{person.pk}/")
    record(page, "A consent decision")

    for topic, decision in [("Care updates", "Agreed"), ("Health", "Refused")]:
        page.get_by_role("link", name="Record a decision").click()
        page.get_by_label(re.compile("^Who may")).select_option(label=f"{son.contact} (Son)")
        page.get_by_label(topic, exact=True).check()
        page.get_by_label(decision, exact=True).check()
        page.get_by_label(re.compile("^How it was obtained")).select_option(
            label="Said so in person or by phone"
        )
        page.get_by_role("button", name="Save decision").click()
        expect(page.get_by_role("status")).to_contain_text("Recorded")
    grid = page.get_by_role("region", name="Consent by recipient and topic (scrolls sideways)")
    row = grid.get_by_role("row").filter(has_text=str(son.contact))
    expect(row).to_contain_text("Agreed")
    expect(row).to_contain_text("Refused")
    assert_accessible(page)
    assert_fits_phone(page)

    page.goto(f"{base}/people/{person.pk}/")
    page.get_by_role("link", name=f"Log a conversation with {son.contact}").click()
    page.get_by_label("What was said").fill("Raj asked how Mum is and about her new tablets.")
    page.get_by_label("Care updates").check()
    page.get_by_label("Health", exact=True).check()
    page.get_by_role("button", name="Save conversation").click()
    problem = page.get_by_role("alert")
    expect(problem).to_contain_text("Health: Sharing health with them was refused")
    expect(problem).to_contain_text("safety override")
    assert_accessible(page)

    page.get_by_label("Health", exact=True).uncheck()
    page.get_by_role("button", name="Save conversation").click()
    expect(page.get_by_role("status")).to_contain_text("logged")

    page.get_by_role("link", name=f"Log a conversation with {son.contact}").click()
    page.get_by_label("What was said").fill(
        "Told Raj about the blood thinner: he gives her tablets at weekends."
    )
    page.get_by_label("Health", exact=True).check()
    page.get_by_text("Someone's safety is at risk", exact=True).click()
    page.get_by_label("Someone's safety is at risk: share without consent").check()
    page.get_by_label("Why someone's safety is at risk").fill(
        "Raj gives her tablets at weekends; a wrong dose could cause a bleed."
    )
    page.get_by_label("Lawful basis").select_option(value="vital_interests")
    page.get_by_role("button", name="Save conversation").click()
    override = page.get_by_role("note").filter(has_text="Shared without consent")
    expect(override).to_be_visible()
    expect(override).to_contain_text("Team leader review pending")

    log_out(page)
    log_in(page, base, "leader")
    expect(page.get_by_role("main")).to_contain_text("Review the safety override: health shared with")

"""A multi-agency meeting: two decisions, an action that lands on its owner's My day."""

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, log_in, log_out, record
from rapport.testing.factories import ContactFactory, PersonFactory, RelationshipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_meeting_and_its_action(
    live_server, page: Page, worker, teammate, person, team, console_errors
) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    PersonFactory(preferred_name="Ivy", legal_given_names="Ivy", legal_family_name="Stone", teams=[team])
    nurse = ContactFactory(
        kind="practitioner", given_name="Sue", family_name="Ward", profession="District nurse"
    )
    RelationshipFactory(person=person, contact=nurse, group="practitioner", role="District nurse")
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/{person.pk}/")
    record(page, "A meeting")
    page.get_by_label(re.compile("^Type")).select_option(label="Multi-agency meeting")
    page.get_by_label(re.compile("^Title")).fill("Planning Peggy's return home")
    expect(page.get_by_label("Peggy (Margaret Rose Hughes)")).to_be_checked()
    page.get_by_label("Sue Ward, District nurse").check()
    page.get_by_label("Tom Mate").check()
    page.get_by_role("group", name="Decision 1").get_by_label("Decision").fill("Peggy goes home on Friday")
    page.get_by_role("button", name="Add another decision").click()
    page.get_by_role("group", name="Decision 2").get_by_label("Decision").fill(
        "A key safe is fitted before then"
    )
    action = page.get_by_role("group", name="Action 1")
    action.get_by_label("Action").fill("Order the key safe")
    action.get_by_label("Who").select_option(label="Tom Mate")
    # "About" offers the people discussed, and follows who is ticked.
    about = action.get_by_label("About")
    expect(about.locator("option")).to_have_text(["No one in particular", "Peggy"])
    page.get_by_label("Add someone").fill("Ivy")
    page.get_by_label("Ivy (Ivy Stone)").check()
    expect(about.locator("option")).to_have_text(["No one in particular", "Peggy", "Ivy"])
    page.get_by_label("Ivy (Ivy Stone)").uncheck()
    expect(about.locator("option")).to_have_text(["No one in particular", "Peggy"])
    about.select_option(label="Peggy")
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("button", name="Save meeting", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Planning Peggy's return home")
    decisions = page.get_by_role("region", name="Decisions")
    expect(decisions.get_by_role("listitem")).to_have_count(2)
    expect(page.get_by_role("region", name="Actions", exact=True)).to_contain_text("Order the key safe")
    assert_accessible(page)

    log_out(page)
    log_in(page, base, "teammate")
    expect(page.get_by_role("region", name="Coming up this week")).to_contain_text("Order the key safe")
    expect(page.get_by_role("region", name="Coming up this week")).to_contain_text(
        "Planning Peggy's return home"
    )

"""A practitioner joins a circle, linked to their surgery found by searching the directory
(which the form never lists whole); the link shows again on the contact's edit page."""

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, log_in
from rapport.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_district_nurse_linked_to_her_surgery(
    live_server, page: Page, worker, person, console_errors
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    OrganisationFactory(name="Brookside Surgery", kind="gp")
    for n in range(30):
        OrganisationFactory(name=f"Elm Pharmacy {n}", kind="pharmacy")
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/{person.pk}/circle/add/practitioner/")
    organisation = page.get_by_role("group", name="Organisation")
    expect(organisation.get_by_label("Not linked to an organisation")).to_be_checked()
    expect(page.get_by_text("Elm Pharmacy 1")).to_have_count(0)
    page.get_by_label(re.compile("^First name")).fill("Sue")
    page.get_by_label(re.compile("^Surname")).fill("Ward")
    page.get_by_label(re.compile("^Profession")).first.fill("District nurse")
    page.get_by_label(re.compile("^Phone")).first.fill("07700 900123")
    organisation.get_by_label("Find their organisation").fill("brook")
    surgery = organisation.get_by_label(re.compile("^Brookside Surgery"))
    surgery.check()
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_label(re.compile("^Role")).fill("District nurse")
    page.get_by_role("button", name="Add to circle").click()
    expect(page.get_by_role("status").or_(page.get_by_role("alert")).first).to_contain_text("Sue Ward")

    page.goto(f"{base}/contacts/")
    page.get_by_role("link", name=re.compile("Sue Ward")).first.click()
    page.get_by_role("link", name=re.compile("^Edit")).first.click()
    expect(
        page.get_by_role("group", name="Organisation").get_by_label(re.compile("^Brookside Surgery"))
    ).to_be_checked()
    assert_accessible(page)

"""Phone first (issue 9): a one-row header with a Menu button, and a person page whose first
screen holds what a care worker needs before they speak to someone."""

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, log_in, log_out
from rapport.testing.factories import ContactFactory, RelationshipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_header_is_one_row_on_a_phone(live_server, page: Page, worker, console_errors) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    base = live_server.url
    log_in(page, base, "worker")
    header = page.locator("header.top").bounding_box()
    assert header is not None and header["height"] <= 64, header
    nav = page.get_by_role("navigation", name="Main")
    menu = page.get_by_role("button", name="Menu")
    expect(nav).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="People", exact=True)).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()
    log_out(page)  # through the account button
    expect(page).to_have_url(f"{base}/accounts/login/")

    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, base, "worker")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="People", exact=True)
    ).to_be_visible()


def test_the_person_page_first_screen(live_server, page: Page, worker, person, console_errors) -> None:
    person.communication_needs = "Uses British Sign Language; book an interpreter for reviews."
    person.what_matters = "Feeding the birds every morning."
    person.save()
    daughter = ContactFactory(given_name="Layla", family_name="Haddad", phone="07700 900123")
    RelationshipFactory(
        person=person, contact=daughter, role="Daughter", is_key_contact=True, next_of_kin=True
    )
    page.set_viewport_size({"width": 360, "height": 740})
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/{person.pk}/")

    def on_first_screen(locator) -> bool:
        box = locator.bounding_box()
        return box is not None and box["y"] + box["height"] <= 740

    assert on_first_screen(page.get_by_role("heading", level=1))
    assert on_first_screen(page.get_by_role("note", name="Communication needs"))
    expect(page.get_by_role("note", name="Communication needs")).to_contain_text("British Sign Language")
    assert on_first_screen(page.get_by_role("link", name="Log a conversation").first)
    assert on_first_screen(page.get_by_text("Feeding the birds every morning.").first)
    assert on_first_screen(page.get_by_role("link", name="07700 900123"))
    expect(page.get_by_role("link", name="Discharge")).not_to_be_in_viewport()

    page.get_by_text("Record…").click()
    expect(page.locator(".menu-list").get_by_role("link")).to_have_count(8)
    for target in page.locator(".item-actions .act, .menu-list a").all():
        box = target.bounding_box()
        if box is not None:
            assert box["height"] >= 44, (target.inner_text(), box)
    assert_accessible(page)
    assert_fits_phone(page)

"""The path a care worker takes to set up a new person's circle, on a phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, go_to, log_in, log_out
from people.models import Person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size({"width": 360, "height": 780})
    return page


def test_a_worker_builds_a_circle_and_another_team_cannot_see_it(
    live_server, phone: Page, worker, outsider, console_errors
) -> None:
    page, base = phone, live_server.url
    page.goto(f"{base}/accounts/login/")
    assert_accessible(page)
    log_in(page, base, "worker")
    assert_accessible(page)
    assert_fits_phone(page)

    # Add a person.
    go_to(page, "People")
    page.get_by_role("link", name="Add a person").click()
    page.get_by_label("Preferred name").fill("Dot")
    page.get_by_label("Legal first and middle names").fill("Dorothy May")
    page.get_by_label("Legal surname").fill("Pemberton")
    page.get_by_label("NHS number").fill("943 476 5918")  # a typo in the check digit
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_role("alert")).to_contain_text("last digit does not match")
    assert_accessible(page)
    expect(page.get_by_label("Preferred name")).to_have_value("Dot")  # nothing typed is lost
    page.get_by_label("NHS number").fill("943 476 5919")
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dot")
    person = Person.objects.get(nhs_number="9434765919")
    assert_accessible(page)
    assert_fits_phone(page)

    # Her mother, with Lasting Power of Attorney for health and welfare.
    page.get_by_role("link", name="Add family or carer").click()
    page.get_by_label("Title").fill("Mrs")
    page.get_by_label("First name").fill("Edith")
    page.get_by_label("Surname").fill("Pemberton")
    page.get_by_label("Likes to be called").fill("Mrs Pemberton")
    page.get_by_label("Phone").fill("07700 900461")
    page.get_by_label("Role for this person").fill("Mother")
    page.get_by_label("Lasting Power of Attorney for health and welfare").check()
    page.get_by_label("Key contact").check()
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("button", name="Add to circle").click()
    expect(page.get_by_role("status")).to_contain_text("Mrs Edith Pemberton is now in Dot's circle")

    # Her GP practice.
    page.get_by_role("link", name="Add organisation").click()
    page.get_by_label(re.compile(r"^Name")).fill("Brookside Medical Practice")
    page.get_by_label("Type").select_option(label="GP surgery")
    page.get_by_label("ODS code").fill("Y02494")
    page.get_by_label("Agreed secure channel").select_option(label="Secure email")
    page.get_by_label("Role for this person").fill("GP practice")
    page.get_by_role("button", name="Add to circle").click()
    expect(page.get_by_role("status")).to_contain_text("Brookside Medical Practice is now in")

    # Find her by typing part of her preferred name: the list answers as you type.
    go_to(page, "People")
    page.get_by_label("Find a person").press_sequentially("Do", delay=50)
    results = page.locator("#results")
    expect(page.locator("#results-count")).to_have_text("1 person matching “Do”")
    expect(page).to_have_url(re.compile(r"q=Do"))
    assert_accessible(page)
    results.get_by_role("link", name="Dot").click()

    # Both are on her page, in their groups.
    family = page.get_by_role("list", name="Family, parents and carers")
    expect(family).to_contain_text("Mrs Pemberton")
    expect(family).to_contain_text("Lasting Power of Attorney for health and welfare")
    expect(page.get_by_role("list", name="External partners")).to_contain_text("Brookside Medical Practice")
    assert_accessible(page)

    # A worker of another team gets a 404 for the same page.
    log_out(page)
    log_in(page, base, "outsider")
    response = page.goto(f"{base}/people/{person.pk}/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_accessible(page)
    console_errors.clear()  # the browser logs the 404 itself as a console error

"""A fall is recorded, and the GP and key worker are owed an update."""

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, go_to, log_in, record
from rapport.testing.factories import ContactFactory, RelationshipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_fall_makes_updates_owed_to_the_gp_and_key_worker(
    live_server, page: Page, worker, teammate, person, console_errors
) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    person.key_worker = teammate
    person.save()
    gp = ContactFactory(
        kind="practitioner", title="Dr", given_name="Amir", family_name="Shah", profession="GP"
    )
    RelationshipFactory(person=person, contact=gp, group="practitioner", role="GP")
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/{person.pk}/")
    record(page, "A change in needs")
    page.get_by_label("What has changed").select_option(label="A fall or mobility")
    page.get_by_label("Significant: tell people today").check()
    page.get_by_label("What you noticed").fill("Found on the floor by the bed at 7am; bruised left hip.")
    page.get_by_label("What you have done so far").fill(
        "Checked for injuries, helped up, called the nurse line."
    )
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("button", name="Record change").click()

    expect(page.get_by_role("status")).to_contain_text("2 updates owed")
    told = page.get_by_role("region", name="Who needs to know")
    expect(told).to_contain_text("Tell Dr Amir Shah (GP) about the change in a fall or mobility")
    expect(told).to_contain_text("Tell Tom Mate about the change in a fall or mobility")
    assert_accessible(page)

    go_to(page, "My day")
    expect(page.get_by_role("region", name="Due today")).to_contain_text("Tell Dr Amir Shah (GP)")

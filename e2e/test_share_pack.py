"""A share pack for the GP practice: only what was ticked and agreed leaves, as a valid FHIR Bundle."""

import re

import pytest
from fhir.resources.R4B.bundle import Bundle
from playwright.sync_api import Page, expect

from consent.models import ConsentRecord, Topic
from e2e.conftest import assert_accessible, assert_fits_phone, log_in, record
from rapport.testing.factories import ChangeFactory, OrganisationFactory, RelationshipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_share_pack_for_the_gp_practice(live_server, page: Page, worker, person, console_errors) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    practice = RelationshipFactory(
        person=person,
        contact=None,
        organisation=OrganisationFactory(name="Brookside Surgery"),
        group="partner",
        role="GP practice",
    )
    ConsentRecord.objects.create(
        person=person,
        recipient=practice,
        topic=Topic.objects.get(code="incidents"),
        decision="given",
        how="written",
        recorded_by=worker,
    )
    ChangeFactory(person=person, area="fall", description="Found on the floor by the bed at 7am.")
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/{person.pk}/")
    record(page, "A share pack")
    page.get_by_label(re.compile("^Share with")).select_option(label="Brookside Surgery (GP practice)")
    page.get_by_label(re.compile("^Why you are sharing")).fill("Referral to the falls clinic")
    page.get_by_label(re.compile("^Sent by")).select_option(label="Secure email")
    page.get_by_label("Changes noticed in the last 90 days").check()
    page.get_by_role("button", name="Show what will be shared").click()
    expect(page.get_by_role("region", name="Changes noticed in the last 90 days")).to_contain_text(
        "Found on the floor by the bed at 7am."
    )
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("button", name="Record as sent").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Information shared about")
    assert_accessible(page)

    href = page.get_by_role("link", name="FHIR R4 Bundle (JSON)").get_attribute("href")
    response = page.request.get(f"{base}{href}")
    bundle = Bundle.model_validate_json(response.body())
    assert [entry.resource.__resource_type__ for entry in bundle.entry] == ["Observation"]

"""axe-core on the main pages, at phone and desktop widths."""

import pytest
from playwright.sync_api import Page

from consent.models import SharePack
from e2e.conftest import assert_accessible, assert_fits_phone, log_in
from rapport.testing.factories import (
    ChangeFactory,
    CommitmentFactory,
    ContactFactory,
    FeedbackFactory,
    InteractionFactory,
    MeetingFactory,
    OrganisationFactory,
    RelationshipFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [360, 1280])
def test_main_pages(live_server, page: Page, leader, person, console_errors, width) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    gp = OrganisationFactory(name="Brookside Surgery")
    RelationshipFactory(person=person, role="Son", is_key_contact=True, lpa_property_finance=True)
    RelationshipFactory(person=person, contact=None, organisation=gp, group="partner", role="GP")
    rel = RelationshipFactory(
        person=person,
        role="District nurse",
        group="practitioner",
        contact=ContactFactory(kind="practitioner", profession="District nurse", organisation=gp),
    )
    owed = CommitmentFactory(person=person, owner=leader, title="Ring the district nurse")
    InteractionFactory(
        person=person, staff=leader, with_kind="circle", relationship=rel, summary="Talked about dressings"
    )
    change = ChangeFactory(person=person, recorded_by=leader)
    complaint = FeedbackFactory(person=person, handler=leader)
    meeting = MeetingFactory(team=person.teams.get(), people=[person], recorded_by=leader)
    meeting.staff.add(leader)
    service = ServiceFactory()
    pack = SharePack.objects.create(
        person=person, recipient=rel, purpose="Dressings plan", content={}, bundle={}, by=leader
    )
    base = live_server.url
    log_in(page, base, "leader")
    for path in [
        "/",
        f"/people/{person.pk}/timeline/",
        "/overview/",
        "/work/",
        "/work/?scope=teams&section=overdue",
        "/keeping-in-touch/",
        f"/people/{person.pk}/consent/",
        f"/people/{person.pk}/consent/{rel.pk}/",
        f"/people/{person.pk}/share-packs/{pack.pk}/",
        f"/people/{person.pk}/conversations/new/",
        f"/people/{person.pk}/commitments/new/",
        f"/commitments/{owed.pk}/close/",
        f"/commitments/{owed.pk}/hand-over/",
        f"/people/{person.pk}/changes/new/",
        f"/people/{person.pk}/changes/{change.pk}/",
        f"/people/{person.pk}/feedback/new/",
        f"/people/{person.pk}/feedback/{complaint.pk}/",
        "/feedback/",
        "/meetings/",
        "/meetings/new/",
        f"/meetings/{meeting.pk}/",
        f"/meetings/{meeting.pk}/correct/",
        f"/meetings/{meeting.pk}/late-action/",
        f"/people/{person.pk}/thanks/new/",
        "/colleagues/",
        f"/colleagues/{leader.pk}/",
        "/services/",
        f"/services/{service.pk}/",
        f"/people/{person.pk}/signpost/",
        "/me/reminders/",
        "/people/",
        f"/people/{person.pk}/",
        f"/people/{person.pk}/edit/",
        f"/people/{person.pk}/history/",
        f"/people/{person.pk}/access-log/",
        f"/people/{person.pk}/discharge/",
        f"/people/{person.pk}/circle/add/practitioner/",
        f"/people/{person.pk}/circle/{rel.pk}/edit/",
        f"/people/{person.pk}/circle/{rel.pk}/end/",
        "/people/new/",
        "/contacts/",
        f"/contacts/{rel.contact_id}/",
        "/organisations/",
        f"/organisations/{gp.pk}/",
        "/accounts/security/",
        "/accounts/password/",
        "/accounts/mfa/setup/",
    ]:
        page.goto(base + path)
        assert_accessible(page)
        if width == 360:
            assert_fits_phone(page)


def test_admin_pages(live_server, page: Page, administrator, team, console_errors) -> None:
    base = live_server.url
    log_in(page, base, administrator.username)
    for path in [
        "/staff/",
        "/staff/new/",
        "/teams/",
        f"/teams/{team.pk}/",
        "/staff/security/",
        "/audit/check/",
        "/people/duplicates/",
        "/consent-topics/",
        "/people/new/",  # with "Show these teams' staff"
        "/meetings/new/",  # with "Show this team's staff"
    ]:
        page.goto(base + path)
        assert_accessible(page)


def test_signed_out_pages(live_server, page: Page, console_errors) -> None:
    base = live_server.url
    for path in ["/accounts/login/", "/accounts/password/reset/", "/accounts/password/reset/sent/"]:
        page.goto(base + path)
        assert_accessible(page)

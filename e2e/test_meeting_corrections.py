"""Issue 9, item 9: a partner organisation attends, four actions through "Add another action"
(in the page, no round trip), then a correction with its reason and the earlier version
readable; on a phone and a desktop, with a 250-character word in every free-text field."""

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, assert_fits_phone, log_in
from rapport.testing.factories import OrganisationFactory, RelationshipFactory

pytestmark = pytest.mark.django_db(transaction=True)

LONG = "W" * 250


@pytest.mark.parametrize("size", [(360, 740), (1280, 800)], ids=["phone", "desktop"])
def test_record_a_meeting_then_correct_it(
    live_server, page: Page, worker, teammate, person, console_errors, size
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    surgery = OrganisationFactory(name="Brookside Surgery")
    RelationshipFactory(person=person, organisation=surgery, contact=None, role="GP practice")
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/meetings/new/?person={person.pk}")
    page.get_by_label(re.compile("^Type")).select_option(label="Multi-agency meeting")
    page.get_by_label(re.compile("^Title")).fill("Planning Peggy's return home " + LONG[:120])
    page.get_by_label(re.compile("^Where")).fill(LONG[:160])
    page.get_by_label("Brookside Surgery (GP surgery)").check()
    page.get_by_label("Notes").fill(LONG)
    page.get_by_role("group", name="Decision 1").get_by_label("Decision").fill(LONG)
    page.get_by_role("button", name="Add another decision").click()
    page.get_by_role("group", name="Decision 2").get_by_label("Decision").fill("A key safe is fitted first")
    for n in range(1, 5):
        if n > 1:
            page.get_by_role("button", name="Add another action").click()
        row = page.get_by_role("group", name=f"Action {n}")
        if n > 1:
            expect(row.get_by_label("Action")).to_be_focused()
        row.get_by_label("Action").fill(f"Action number {n} " + (LONG[:180] if n == 1 else ""))
        row.get_by_label("Who").select_option(label="Tom Mate")
    expect(page).to_have_url(re.compile(r"/meetings/new/"))  # added in the page, nothing sent
    expect(page.get_by_role("group", name="Action 1").get_by_label("Action")).to_have_value(
        re.compile("^Action number 1")
    )
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("button", name="Save meeting", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Planning Peggy's return home")
    expect(page.get_by_role("region", name="Who")).to_contain_text("Brookside Surgery")
    actions = page.get_by_role("region", name="Actions", exact=True)
    expect(actions.get_by_role("row")).to_have_count(5)  # the head and four actions
    expect(page.get_by_role("region", name="Decisions").get_by_role("listitem")).to_have_count(2)
    assert_accessible(page)
    assert_fits_phone(page)

    page.get_by_role("link", name="Correct this record").click()
    page.get_by_label("Why is this record being corrected?").fill("The title left out the date. " + LONG)
    page.get_by_label(re.compile("^Title")).fill("Planning Peggy's return home on Friday")
    page.get_by_role("group", name="Decision 2").get_by_label("Decision").fill("")
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("button", name="Save the correction", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Planning Peggy's return home on Friday")
    expect(page.get_by_role("note")).to_contain_text("This record was corrected on")
    expect(page.get_by_role("note")).to_contain_text("The title left out the date.")
    expect(page.get_by_role("region", name="Decisions").get_by_role("listitem")).to_have_count(1)
    versions = page.get_by_role("region", name="Versions")
    first = versions.locator("details", has_text="Version 1: recorded")
    first.locator("summary").click()
    expect(first).to_contain_text("A key safe is fitted first")  # struck out now, kept then
    expect(first).to_contain_text("Brookside Surgery")
    assert_accessible(page)
    assert_fits_phone(page)
    page.emulate_media(media="print")
    expect(versions).to_be_hidden()
    expect(page.get_by_role("link", name="Correct this record")).to_be_hidden()
    expect(page.get_by_role("note")).to_be_visible()


def test_add_another_action_without_javascript(live_server, browser, worker, team, console_errors) -> None:
    """The button sends the form; the page comes back with one more row and nothing lost."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/meetings/new/")
    page.get_by_label(re.compile("^Title")).fill("Rota for the holidays")
    page.get_by_role("group", name="Action 1").get_by_label("Action").fill("Ask Tom about Christmas")
    page.get_by_role("button", name="Add another action").click()
    expect(page.get_by_role("group", name="Action 2")).to_be_visible()
    expect(page.get_by_label(re.compile("^Title"))).to_have_value("Rota for the holidays")
    expect(page.get_by_role("group", name="Action 1").get_by_label("Action")).to_have_value(
        "Ask Tom about Christmas"
    )
    expect(page.get_by_text("There is a problem")).to_have_count(0)
    # No axe or width check here: both run scripts in the page, which this context forbids
    # (the same page with scripts is checked above).
    context.close()


def test_an_administrator_shows_the_chosen_teams_staff(
    live_server, page: Page, administrator, worker, teammate, outsider, team, console_errors
) -> None:
    """The lists of staff hold the team chosen, not the whole provider's: the button brings
    them, keeps what was typed, and leaves the reader at the list it filled."""
    page.set_viewport_size({"width": 360, "height": 740})
    base = live_server.url
    log_in(page, base, "administrator")
    page.goto(f"{base}/meetings/new/")
    page.get_by_label(re.compile("^Title")).fill("Rota for the holidays")
    page.get_by_label(re.compile("^Team")).select_option(label="Willow House")
    staff = page.get_by_role("group", name=re.compile("^Staff attending"))
    expect(staff.get_by_role("checkbox")).to_have_count(0)
    page.get_by_role("button", name=re.compile("^Show this team.s staff$")).click()
    expect(page).to_have_url(re.compile(r"#staff-section$"))
    expect(staff.get_by_role("checkbox")).to_have_count(2)
    expect(staff.get_by_label("Tom Mate")).to_be_visible()
    expect(staff.get_by_label("Olly Outside")).to_have_count(0)
    expect(page.get_by_label(re.compile("^Title"))).to_have_value("Rota for the holidays")
    expect(page.get_by_text("There is a problem")).to_have_count(0)
    assert_accessible(page)
    assert_fits_phone(page)
    staff.get_by_label("Tom Mate").check()
    row = page.get_by_role("group", name="Action 1")
    row.get_by_label("Action").fill("Send the rota")
    row.get_by_label("Who").select_option(label="Wendy Worker")
    row.get_by_label("By").fill("2030-01-31")
    page.get_by_label(re.compile("^Type")).select_option(label="Team meeting")
    page.get_by_role("button", name="Save meeting", exact=True).click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))  # not carrying "#staff-section"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rota for the holidays")
    expect(page.get_by_role("region", name="Who")).to_contain_text("Tom Mate")

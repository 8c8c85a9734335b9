"""Trust in the browser: two-step sign-in for a team leader, Back then Save saves once, and
after log-out the Back button shows nothing about a person."""

import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from e2e.conftest import PASSWORD, assert_accessible, assert_fits_phone, log_in, log_out
from interactions.models import Interaction

pytestmark = pytest.mark.django_db(transaction=True)
LONDON = ZoneInfo("Europe/London")


def _code(device: TOTPDevice, later: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + later * device.step
    return f"{totp.token():06d}"


def _password_step(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_leader_sets_up_and_then_uses_two_step_sign_in(
    live_server, page: Page, leader, settings, console_errors
) -> None:
    settings.RAPPORT_MFA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    page.set_viewport_size({"width": 360, "height": 780})
    base = live_server.url
    _password_step(page, base, "leader")
    expect(page.get_by_role("heading", name="Set up two-step verification")).to_be_visible()
    expect(page.locator(".qr svg")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("alert")).to_contain_text("does not match")
    expect(page).to_have_title(re.compile("^Error:"))
    page.get_by_label("Code").fill(_code(TOTPDevice.objects.get(user=leader)))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.locator(".codes li")).to_have_count(10)
    page.get_by_role("link", name=re.compile("continue")).click()
    expect(page).to_have_url(f"{base}/")
    log_out(page)

    _password_step(page, base, "leader")
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Code").fill("123456")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("not right")
    page.get_by_label("Code").fill(_code(TOTPDevice.objects.get(user=leader), later=1))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{base}/")


def test_back_then_save_again_saves_once(live_server, page: Page, worker, person, console_errors) -> None:
    # A fixed, slowly ticking clock: the form's "when" default stays the same minute.
    with time_machine.travel(datetime(2026, 11, 24, 10, 0, 5, tzinfo=LONDON), tick=True):
        base = live_server.url
        log_in(page, base, "worker")
        page.goto(f"{base}/people/{person.pk}/conversations/new/")
        page.get_by_label(re.compile("^With")).select_option(value="person")
        page.get_by_label("What was said").fill("Peggy asked about the garden party; she wants to go.")
        page.get_by_role("button", name="Save conversation").click()
        expect(page.get_by_role("status")).to_contain_text("logged")
        page.go_back()
        if not page.get_by_label("What was said").input_value():  # the browser may not keep what was typed
            page.get_by_label(re.compile("^With")).select_option(value="person")
            page.get_by_label("What was said").fill("Peggy asked about the garden party; she wants to go.")
        page.get_by_role("button", name="Save conversation").click()
        expect(page.get_by_role("status")).to_contain_text("already saved")
        assert Interaction.objects.filter(person=person).count() == 1


def test_after_log_out_back_shows_nothing_about_the_person(live_server, page: Page, worker, person) -> None:
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/?q=Peg")
    page.get_by_role("link", name="Peggy").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Peggy")
    log_out(page)
    # Wait for the log-out to finish: Clear-Site-Data makes Chromium settle the page anew.
    expect(page).to_have_url(re.compile("/accounts/login/"))
    page.wait_for_load_state()
    page.go_back()
    expect(page).to_have_url(re.compile("/accounts/login/"))
    assert "Hughes" not in page.content()
    stored = page.evaluate("JSON.stringify(Object.assign({}, sessionStorage, localStorage))")
    assert "Hughes" not in stored and "Peggy" not in stored


def test_a_long_unbroken_word_never_widens_the_page(live_server, page: Page, worker, person) -> None:
    """An email address or a pasted link with no spaces, in every free-text field of a person."""
    word = "x" * 250
    for field in ("preferred_name", "legal_family_name", "what_matters", "communication_needs", "pronouns"):
        setattr(person, field, word[: person._meta.get_field(field).max_length or 250])
    person.save()
    page.set_viewport_size({"width": 360, "height": 780})
    base = live_server.url
    log_in(page, base, "worker")
    for path in [
        f"/people/{person.pk}/",
        "/people/",
        f"/people/{person.pk}/edit/",
        f"/people/{person.pk}/history/",
    ]:
        page.goto(base + path)
        assert_fits_phone(page)


def test_search_as_you_type_announces_only_the_count(live_server, page: Page, worker, person) -> None:
    base = live_server.url
    log_in(page, base, "worker")
    page.goto(f"{base}/people/")
    search = page.get_by_label("Find a person")
    expect(search).to_be_focused()
    search.press_sequentially("peg")
    status = page.get_by_role("status")
    expect(status).to_have_text("1 person matching “peg”")
    expect(page.locator("#results .title")).to_have_text(["Peggy"])


def test_an_administrator_checks_the_audit_trail_and_follows_the_check(
    live_server, page: Page, administrator, worker, person, console_errors
) -> None:
    """The check runs in the background: the page starts it, follows it while it runs
    (htmx, every few seconds) and says when it ends, without a reload."""
    from audit.checks import run_check
    from audit.models import ChainCheck
    from audit.services import audit_record

    for n in range(3):
        audit_record(actor=worker, action="view", obj=person, person_id=person.pk, summary=f"Viewed {n}")
    page.set_viewport_size({"width": 360, "height": 780})
    base = live_server.url
    log_in(page, base, administrator.username)
    page.goto(f"{base}/audit/check/")
    expect(page.get_by_text("has not been checked here yet")).to_be_visible()
    page.get_by_role("button", name="Check the whole trail now").click()
    expect(page.get_by_role("status").filter(has_text="The check has started")).to_be_visible()
    expect(page.get_by_text("The audit trail was intact")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)

    waiting = ChainCheck.objects.create(asked_by=administrator)
    page.reload()
    expect(page.get_by_text("A check is waiting to start")).to_be_visible()
    expect(page.get_by_role("button", name="Check the whole trail now")).to_have_count(0)
    assert_accessible(page)
    # A keyboard user on "Refresh" keeps their place while the page updates itself.
    page.get_by_role("link", name="Refresh").focus()
    # The next poll's swap, settled (htmx puts focus back during the swap, before this event).
    settled = (
        "() => new Promise(done => document.body.addEventListener('htmx:afterSettle', done, {once: true}))"
    )
    page.evaluate(settled)
    assert page.evaluate("document.activeElement.id") == "check-refresh"
    run_check(waiting.pk)
    expect(page.locator("#check-announce")).to_have_text(
        "The check has finished: the audit trail is intact.", timeout=10_000
    )
    expect(page.get_by_role("button", name="Check the whole trail now")).to_be_visible()

"""Two-step verification: required for team leaders and administrators, open to everyone,
and for everyone when an administrator says so; wrong codes count towards the lock-out."""

import re
import time

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SitePolicy
from audit.models import AuditEvent

pytestmark = pytest.mark.usefixtures("mfa_on")
GOOD = "correct-horse-battery"


@pytest.fixture
def mfa_on(settings) -> None:
    settings.RAPPORT_MFA = True
    # django-otp also slows a device after a wrong code (1 s, 2 s, 4 s…); the lock-out is
    # what these tests check, so that delay is off here.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def _code(device: TOTPDevice, later: int = 0) -> str:
    """The app's code now, or `later` steps on (a code is accepted once, so a second sign-in
    within the same 30 seconds uses the next step's code, which the device tolerates)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + later * device.step
    return f"{totp.token():06d}"


def _sign_in(client, username: str):
    return client.post(reverse("login"), {"username": username, "password": GOOD})


def _set_up(client) -> list[str]:
    client.get(reverse("accounts:mfa_setup"))
    device = TOTPDevice.objects.get(confirmed=False)
    page = client.post(reverse("accounts:mfa_setup"), {"code": _code(device), "next": "/"})
    return re.findall(r"<code>(\w+)</code>", page.content.decode())


def test_a_leader_without_an_authenticator_sets_one_up_before_anything_else(client, leader) -> None:
    _sign_in(client, "leader")
    response = client.get(reverse("people:list"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:mfa_setup"))
    setup = client.get(response.url).content.decode()
    assert "<svg" in setup and "type this key" in setup
    codes = _set_up(client)
    assert len(codes) == 10
    assert client.get(reverse("people:list")).status_code == 200
    assert AuditEvent.objects.filter(summary="Turned on two-step verification", actor=leader).exists()


def test_a_wrong_setup_code_is_refused(client, leader) -> None:
    _sign_in(client, "leader")
    client.get(reverse("accounts:mfa_setup"))
    page = client.post(reverse("accounts:mfa_setup"), {"code": "000000"})
    assert "does not match" in page.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_with_an_authenticator_sign_in_asks_for_the_code(client, leader) -> None:
    _sign_in(client, "leader")
    recovery = _set_up(client)
    client.post(reverse("logout"))
    _sign_in(client, "leader")
    asked = client.get(reverse("people:list"))
    assert asked.url.startswith(reverse("accounts:mfa_verify"))
    wrong = client.post(reverse("accounts:mfa_verify"), {"code": "123456", "next": "/people/"})
    assert "not right" in wrong.content.decode()
    assert AccessAttempt.objects.get(username="leader").failures_since_start == 1
    device = TOTPDevice.objects.get(user=leader)
    ok = client.post(reverse("accounts:mfa_verify"), {"code": _code(device, later=1), "next": "/people/"})
    assert ok.status_code == 302 and ok.url == "/people/"
    assert client.get(reverse("people:list")).status_code == 200
    client.post(reverse("logout"))
    _sign_in(client, "leader")
    assert client.post(reverse("accounts:mfa_verify"), {"code": recovery[0]}).status_code == 302
    client.post(reverse("logout"))
    _sign_in(client, "leader")
    again = client.post(reverse("accounts:mfa_verify"), {"code": recovery[0]})  # used up
    assert "not right" in again.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_wrong_codes_lock_the_account(client, leader) -> None:
    _sign_in(client, "leader")
    _set_up(client)
    client.post(reverse("logout"))
    _sign_in(client, "leader")
    for _ in range(3):
        response = client.post(reverse("accounts:mfa_verify"), {"code": "999999"})
    assert response.status_code == 429
    assert client.get(reverse("people:list")).status_code == 302  # signed out
    assert _sign_in(client, "leader").status_code == 429


def test_a_worker_is_not_asked_unless_the_policy_says_so(client, worker, administrator) -> None:
    _sign_in(client, "worker")
    assert client.get(reverse("people:list")).status_code == 200
    SitePolicy.objects.update_or_create(pk=1, defaults={"mfa_for_everyone": True})
    client.post(reverse("logout"))
    _sign_in(client, "worker")
    assert client.get(reverse("people:list")).url.startswith(reverse("accounts:mfa_setup"))


def test_the_administrator_sets_the_policy_on_the_record(client, administrator) -> None:
    _sign_in(client, "administrator")
    _set_up(client)
    client.post(reverse("accounts:policy"), {"mfa_for_everyone": "on"})
    assert SitePolicy.current().mfa_for_everyone
    assert AuditEvent.objects.filter(summary="Changed the security policy", actor=administrator).exists()


def test_anyone_may_turn_it_on_and_a_worker_off(client, worker) -> None:
    _sign_in(client, "worker")
    _set_up(client)
    assert "<strong>On.</strong>" in client.get(reverse("accounts:security")).content.decode()
    client.post(reverse("accounts:security"), {"action": "off"})
    assert not TOTPDevice.objects.filter(user=worker).exists()


def test_a_leader_cannot_turn_it_off(client, leader) -> None:
    _sign_in(client, "leader")
    _set_up(client)
    client.post(reverse("accounts:security"), {"action": "off"})
    assert TOTPDevice.objects.filter(user=leader, confirmed=True).exists()


def test_staff_change_their_own_password(client, worker) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("password_change"),
        {"old_password": GOOD, "new_password1": "Winter2026!", "new_password2": "Winter2026!"},
    )
    assert "first things an attacker tries" in response.content.decode()
    client.post(
        reverse("password_change"),
        {
            "old_password": GOOD,
            "new_password1": "kettle meadow saxophone",
            "new_password2": "kettle meadow saxophone",
        },
    )
    worker.refresh_from_db()
    assert worker.check_password("kettle meadow saxophone")


def test_a_password_alone_cannot_replace_the_authenticator(client, leader) -> None:
    """Someone who has only the password must not set up their own authenticator instead."""
    _sign_in(client, "leader")
    _set_up(client)
    first = TOTPDevice.objects.get(user=leader, confirmed=True)
    client.post(reverse("logout"))
    _sign_in(client, "leader")
    response = client.get(reverse("accounts:mfa_setup"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:mfa_verify"))
    client.post(reverse("accounts:mfa_setup"), {"code": "123456"})
    assert list(TOTPDevice.objects.filter(user=leader, confirmed=True)) == [first]
    assert client.get(reverse("people:list")).status_code == 302

"""Two-step verification (TOTP from an authenticator app, with recovery codes), by django-otp.

Team leaders and administrators must use it whenever RAPPORT_MFA is on (the default in
production: the NHS Data Security and Protection Toolkit expects multi-factor
authentication for access to care records); an administrator can require it of everyone;
anyone may turn it on for themself. A wrong code counts towards the same lock-out as a
wrong password.
"""

import base64

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SitePolicy, User
from audit.models import AuditEvent
from audit.services import audit_record

RECOVERY_CODES = 10


def is_required_for(user: User) -> bool:
    if not settings.RAPPORT_MFA:
        return False
    return (
        user.role in (User.Role.LEADER, User.Role.ADMIN)
        or user.is_superuser
        or SitePolicy.current().mfa_for_everyone
    )


def has_device(user: User) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def pending_authenticator(user: User) -> TOTPDevice:
    """The authenticator being set up: made once, shown until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def secret_of(device: TOTPDevice) -> str:
    """The key in the base32 form authenticator apps accept when typed in."""
    return base64.b32encode(device.bin_key).decode()


def qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, title="QR code for your authenticator app"
    )


@transaction.atomic
def confirm_authenticator(
    *, request: HttpRequest, user: User, device: TOTPDevice, code: str
) -> list[str] | None:
    """Turn the authenticator on if the code is right: returns new recovery codes (shown once)."""
    if not device.verify_token(code.replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()  # one authenticator at a time
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    otp_login(request, device)
    audit_record(
        actor=user,
        action=AuditEvent.Action.UPDATE,
        obj=user,
        summary="Turned on two-step verification",
        request=request,
    )
    return codes


def new_recovery_codes(user: User) -> list[str]:
    static, _ = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


def verify(*, request: HttpRequest, user: User, code: str) -> bool:
    """Check a code from the app or a recovery code. A wrong one is a failed log-in for
    django-axes, which locks the account as it does for wrong passwords."""
    device = match_token(user, code.replace(" ", ""))
    if device is not None:
        otp_login(request, device)
        return True
    user_login_failed.send(sender=__name__, credentials={"username": user.username}, request=request)
    return False


def is_locked_out(request: HttpRequest, user: User) -> bool:
    return AxesProxyHandler.is_locked(request, credentials={"username": user.username})


@transaction.atomic
def turn_off(*, request: HttpRequest, user: User) -> None:
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    audit_record(
        actor=user,
        action=AuditEvent.Action.UPDATE,
        obj=user,
        summary="Turned off two-step verification",
        request=request,
    )

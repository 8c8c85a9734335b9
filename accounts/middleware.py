"""Ask for the second step before anything else, where it applies (accounts/mfa.py).
With RAPPORT_MFA off (the `make run` demo) no one is asked."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from accounts import mfa

Handler = Callable[[HttpRequest], HttpResponse]
_SETTLED = "rapport_mfa_settled"  # this session needs no second step (no device, not required)
_EXEMPT = ("/accounts/mfa/", "/accounts/logout/", "/accounts/login/", "/static/")


def second_step_first(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.RAPPORT_MFA
            and user.is_authenticated
            and not request.session.get(_SETTLED)
            and not user.is_verified()  # type: ignore[attr-defined]  # django-otp's middleware adds it
            and not request.path.startswith(_EXEMPT)
        ):
            if mfa.has_device(user):
                step = "accounts:mfa_verify"
            elif mfa.is_required_for(user):
                step = "accounts:mfa_setup"
            else:
                request.session[_SETTLED] = True
                return get_response(request)
            return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return get_response(request)

    return middleware


def settle_again_at_sign_in(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """A new sign-in decides afresh (the role or the policy may have changed since)."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(_SETTLED, None)

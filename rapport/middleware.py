"""Request and response hygiene that every page shares.

- Input a browser never sends (a body declared in another charset, a NUL byte) is refused
  with a plain 400 before any form or query sees it.
- A shared device left signed in is signed out after RAPPORT_IDLE_MINUTES idle.
- The signed-in user is taken out of its lazy wrappers once per request (see `user_in_hand`).
- Pages for signed-in staff name people: browsers and proxies must not keep them
  (`no-store`), so the Back button after log-out shows nothing.
"""

import time
from collections.abc import Callable
from email.message import Message

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.functional import LazyObject, empty

Handler = Callable[[HttpRequest], HttpResponse]
_ACCEPTED_CHARSETS = {"utf-8", "utf8", "us-ascii", "ascii"}
_LAST_SEEN = "rapport_last_seen"


def _declared_charset(content_type: str) -> str | None:
    if "charset" not in content_type.lower():  # most requests: nothing to parse
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return str(charset).strip().lower() if isinstance(charset, str) else None


def _refusal(reason: str) -> HttpResponse:
    return HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")


def refuse_undecodable_input(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        charset = _declared_charset(request.META.get("CONTENT_TYPE", ""))
        if charset is not None and charset not in _ACCEPTED_CHARSETS:
            return _refusal("Rapport accepts forms in UTF-8 only. Nothing was saved.")
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            return _refusal("The address contains a character that is not allowed. Nothing was saved.")
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            try:
                values = [v for key in request.POST for v in [key, *request.POST.getlist(key)]]
            except (UnicodeDecodeError, ValueError):
                return _refusal("The form could not be read. Nothing was saved.")
            if any("\x00" in v for v in values):
                return _refusal("The form contains a character that is not allowed. Nothing was saved.")
        return get_response(request)

    return middleware


def user_in_hand(get_response: Handler) -> Handler:
    """The user Django's and django-otp's middleware wrap lazily, unwrapped once.

    `request.user` reaches a view as a lazy object inside another: every attribute a page
    reads from it (a few hundred on My day, through the views, selectors and templates) goes
    through both wrappers and raises and catches an AttributeError on the way. Every page
    but the sign-in ones needs the user anyway (LoginRequiredMiddleware asks whether they
    are signed in), so it is worked out here, once, and the user itself is kept. Installed
    after django-otp's middleware, so the user already carries `is_verified`.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        while isinstance(user, LazyObject):
            if user._wrapped is empty:
                user._setup()
            user = user._wrapped
        request.user = user
        return get_response(request)

    return middleware


def start_idle_clock(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[_LAST_SEEN] = int(time.time())


def idle_seconds_left(request: HttpRequest) -> int:
    """Seconds until this session is signed out for want of use (counted from the last
    minute it was seen)."""
    last_seen = request.session.get(_LAST_SEEN)
    seen = last_seen if isinstance(last_seen, int) else int(time.time())
    return max(0, seen + settings.RAPPORT_IDLE_MINUTES * 60 - int(time.time()))


def sign_out_when_idle(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(_LAST_SEEN)
            if isinstance(last_seen, int) and now - last_seen > settings.RAPPORT_IDLE_MINUTES * 60:
                logout(request)
                messages.info(request, "You were signed out after a time without use. Sign in again.")
                return redirect(settings.LOGIN_URL)
            # Written at most once a minute, so an ordinary click does not save the session.
            if not isinstance(last_seen, int) or now - last_seen >= 60:
                request.session[_LAST_SEEN] = now
        return get_response(request)

    return middleware


def keep_personal_pages_out_of_caches(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if request.user.is_authenticated or response.status_code >= 400:
            response["Cache-Control"] = "no-store, private"
            response["Pragma"] = "no-cache"
        return response

    return middleware

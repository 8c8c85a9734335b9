"""Signing in and out on devices that care workers share."""

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.views.decorators.http import require_GET

from accounts.forms import LoginForm
from rapport.lib.requests import StaffRequest
from rapport.middleware import idle_seconds_left


class SignInView(auth_views.LoginView):
    authentication_form = LoginForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # Opening the log-in page when signed in goes home; posting it signs in afresh.
        self.redirect_authenticated_user = request.method != "POST"
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        # Django keeps the session key when the same user signs in again; a new key every
        # time means a session id seen before sign-in is never a signed-in one.
        self.request.session.cycle_key()
        return super().form_valid(form)


class SignOutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        # Nothing about a person stays readable in the browser after log-out: cached pages,
        # htmx's history snapshots in sessionStorage, anything in local storage.
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


@require_GET
def session_check(request: StaffRequest) -> JsonResponse:
    """Whether this device is still signed in, and how long it may stay idle: a page can warn
    before the idle sign-out. It reads nothing about anyone, only the session and its user,
    so it is also the benchmark's floor: the least any signed-in page costs."""
    left = idle_seconds_left(request)
    return JsonResponse({"signed_in": True, "name": request.user.get_short_name(), "idle_seconds_left": left})

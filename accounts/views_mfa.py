"""Two-step verification pages: set up, verify at sign-in, manage on one's own account."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from accounts import mfa
from accounts.models import SitePolicy
from accounts.services import policy_save
from rapport.lib.requests import StaffRequest
from rapport.lib.roles import administrator_required


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PolicyForm(forms.ModelForm[SitePolicy]):
    class Meta:
        model = SitePolicy
        fields = ["mfa_for_everyone"]


def _next(request: StaffRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if safe and target.startswith("/") else "/"


@require_http_methods(["GET", "POST"])
def mfa_setup(request: StaffRequest) -> HttpResponse:
    # Someone holding only the password must not replace the authenticator: with one already
    # set up, the code from it comes first.
    if mfa.has_device(request.user) and not request.user.is_verified():  # type: ignore[attr-defined]
        return redirect(f"{reverse('accounts:mfa_verify')}?{urlencode({'next': request.get_full_path()})}")
    device = mfa.pending_authenticator(request.user)
    form = CodeForm(request.POST or None)
    form.fields["code"].help_text = "The 6-digit code your authenticator app shows for Rapport."
    if request.method == "POST" and form.is_valid():
        codes = mfa.confirm_authenticator(
            request=request, user=request.user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            return render(
                request, "accounts/mfa_recovery_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error(
            "code", "That code does not match. Check your phone's clock, then try the newest code."
        )
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "qr": mfa.qr_svg(device),
            "secret": mfa.secret_of(device),
            "next": _next(request),
            "required": mfa.is_required_for(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def mfa_verify(request: StaffRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mfa.verify(request=request, user=request.user, code=form.cleaned_data["code"]):
            return redirect(_next(request))
        if mfa.is_locked_out(request, request.user):
            logout(request)
            return render(request, "registration/locked_out.html", status=429)
        form.add_error("code", "That code is not right. Try the newest code, or a recovery code.")
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": _next(request)})


@require_http_methods(["GET", "POST"])
def my_security(request: StaffRequest) -> HttpResponse:
    """Turn two-step verification on or off, and make new recovery codes."""
    user = request.user
    if request.method == "POST":
        if request.POST.get("action") == "recovery" and mfa.has_device(user):
            return render(
                request,
                "accounts/mfa_recovery_codes.html",
                {"codes": mfa.new_recovery_codes(user), "next": "/accounts/security/"},
            )
        if request.POST.get("action") == "off":
            if mfa.is_required_for(user):
                messages.error(request, "Your role needs two-step verification, so it stays on.")
            else:
                mfa.turn_off(request=request, user=user)
                messages.success(request, "Two-step verification is off.")
        return redirect("accounts:security")
    return render(
        request,
        "accounts/my_security.html",
        {"has_device": mfa.has_device(user), "required": mfa.is_required_for(user)},
    )


@require_http_methods(["GET", "POST"])
@administrator_required
def security_policy(request: StaffRequest) -> HttpResponse:
    policy = SitePolicy.current()
    form = PolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        policy_save(actor=request.user, policy=form.save(commit=False), request=request)
        messages.success(request, "Security policy saved.")
        return redirect("accounts:policy")
    return render(request, "accounts/security_policy.html", {"form": form})

"""The administrators' check of the audit trail: ask for one, follow it, read what it found."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from audit.checks import STALLED_AFTER, ask_for_check, newest, stalled
from rapport.lib.requests import StaffRequest
from rapport.lib.roles import administrator_required


@require_http_methods(["GET", "POST"])
@administrator_required
def chain_check(request: StaffRequest) -> HttpResponse:
    if request.method == "POST":
        _, started = ask_for_check(actor=request.user, request=request)
        if started:
            messages.success(
                request, "The check has started. It runs in the background: you can leave this page."
            )
        else:
            messages.info(request, "A check is already under way, so no second one was started.")
        return redirect("audit:check")
    under_way, ended = newest()
    context = {
        "under_way": under_way,
        "stalled": under_way is not None and stalled(under_way),
        "stalled_minutes": int(STALLED_AFTER.total_seconds() // 60),
        "ended": ended,
        # A poll that finds the check over says so once, in the page's live region.
        "announce": bool(request.htmx) and under_way is None,
    }
    if request.htmx:
        return render(request, "audit/chain_check.html#status", context)
    return render(request, "audit/chain_check.html", context)

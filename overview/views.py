"""The team leader's overview: what needs a leader's attention across the teams they lead."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.models import Team
from audit.services import audit_shown
from overview.selectors import overview
from rapport.lib.requests import StaffRequest


@require_GET
def overview_page(request: StaffRequest) -> HttpResponse:
    teams = list(Team.objects.led_by(request.user))
    if not teams:
        raise PermissionDenied("The overview is for team leaders, of the teams they lead.")
    view = overview(request.user, teams)
    audit_shown(
        actor=request.user,
        people=view.people_named(),
        summary="Shown on the leader's overview",
        request=request,
    )
    return render(request, "overview/overview.html", {"view": view, "today": view.today})

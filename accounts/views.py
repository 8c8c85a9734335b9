"""Administrators manage staff and teams here; no everyday task needs the Django admin."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from accounts.forms import StaffForm, TeamForm
from accounts.models import Team, User
from accounts.selectors import staff_search
from accounts.services import staff_save, team_save
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest
from rapport.lib.roles import administrator_required


@require_GET
@administrator_required
def staff_list(request: StaffRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    page = page_of(staff_search(query), request.GET.get("page"), settings.PAGE_SIZE)
    template = "accounts/staff_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    return render(request, template, {"page": page, "query": query})


@require_http_methods(["GET", "POST"])
@administrator_required
def staff_edit(request: StaffRequest, user_id: int | None = None) -> HttpResponse:
    member = get_object_or_404(User, pk=user_id) if user_id else User()
    form = StaffForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        if member.pk == request.user.pk and not form.cleaned_data["is_active"]:
            form.add_error("is_active", "You cannot stop your own log-in.")
        else:
            staff_save(
                actor=request.user,
                user=form.save(commit=False),
                member_of=form.cleaned_data["member_of"],
                leads=form.cleaned_data["leads"],
                request=request,
            )
            invited = " They have been emailed a link to set their password." if not user_id else ""
            messages.success(
                request, format_html("<bdi>{}</bdi> has been saved.{}", form.instance.display_name, invited)
            )
            return redirect("accounts:staff")
    return render(request, "accounts/staff_form.html", {"form": form, "member": member})


@require_GET
@administrator_required
def team_list(request: StaffRequest) -> HttpResponse:
    teams = Team.objects.annotate(
        staff_count=Count("memberships", distinct=True),
        people_count=Count("people", distinct=True),
    )
    return render(request, "accounts/team_list.html", {"teams": teams})


@require_http_methods(["GET", "POST"])
@administrator_required
def team_edit(request: StaffRequest, team_id: int | None = None) -> HttpResponse:
    team = get_object_or_404(Team, pk=team_id) if team_id else Team()
    form = TeamForm(request.POST or None, instance=team)
    if request.method == "POST" and form.is_valid():
        team_save(actor=request.user, team=form.save(commit=False), request=request)
        messages.success(request, format_html("<bdi>{}</bdi> has been saved.", form.instance.name))
        return redirect("accounts:teams")
    return render(request, "accounts/team_form.html", {"form": form, "team": team})

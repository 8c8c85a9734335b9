"""Open work, a page at a time: one's own, a colleague's (for the leader of their team), or
everything in the teams one leads; filtered to a section of My day."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.models import Team, User
from audit.services import audit_shown
from commitments.selectors import as_lines
from commitments.work import Section, in_order, open_work, section_filter
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest


class WorkFilterForm(forms.Form):
    section = forms.ChoiceField(label="Show", choices=Section.choices, required=False)
    owner = forms.ModelChoiceField(label="Whose", queryset=User.objects.none(), required=False)
    scope = forms.ChoiceField(
        label="Scope", choices=[("mine", "Mine"), ("teams", "Everything in the teams I lead")], required=False
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        led = Team.objects.led_by(user)
        colleagues = User.objects.filter(Q(pk=user.pk) | Q(memberships__team__in=led)).distinct()
        if user.is_administrator:
            colleagues = User.objects.filter(is_active=True)
        self.fields["owner"].queryset = colleagues.order_by("first_name", "last_name")  # type: ignore[attr-defined]


@require_GET
def work_list(request: StaffRequest) -> HttpResponse:
    form = WorkFilterForm(request.GET, user=request.user)
    if not form.is_valid():
        messages.error(request, "That list could not be shown as asked, so here is your own open work.")
        form = WorkFilterForm({}, user=request.user)
        form.is_valid()
    data = form.cleaned_data
    section = Section(data.get("section") or Section.ALL)
    owner: User | None = data.get("owner")
    teams = list(Team.objects.led_by(request.user)) if data.get("scope") == "teams" and not owner else None
    if owner is None and teams is None:
        owner = request.user
    work = open_work(request.user, owner=owner, teams=teams).filter(
        section_filter(section, timezone.localdate())
    )
    page = page_of(as_lines(in_order(work)), request.GET.get("page"), settings.PAGE_SIZE)
    audit_shown(
        actor=request.user,
        people=[c.person_id for c in page if c.person_id],
        summary="Shown on a list of open work",
        request=request,
    )
    if owner is not None:
        whose = "Your open work" if owner == request.user else f"Open work of {owner}"
    else:
        whose = "Open work in " + (", ".join(t.name for t in teams or []) or "the teams you lead")
    context = {
        "page": page,
        "section": section,
        "sections": Section.choices,
        "whose": whose,
        "owner": owner,
        "today": timezone.localdate(),
    }
    return render(request, "commitments/work_list.html", context)

"""Correcting a meeting record, and adding an action agreed but not written down at the time."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from meetings.access import access_meeting, may_correct
from meetings.correction_forms import CorrectionForm, LateActionForm
from meetings.corrections import DecisionRow, meeting_add_late_action, meeting_correct
from meetings.forms import MAX_DECISIONS, DecisionFormSet, chosen, contacts_of, organisations_of
from meetings.models import Meeting
from meetings.rows import with_added_row
from rapport.lib.concurrency import Conflict, save_or_conflict
from rapport.lib.editing import shown_without_errors
from rapport.lib.requests import StaffRequest


def _refused(request: StaffRequest, meeting: Meeting) -> HttpResponse:
    messages.error(
        request,
        format_html(
            "Only the person who recorded this meeting or a leader of <bdi>{}</bdi> can change the "
            "record. Ask one of them if something needs correcting.",
            meeting.team,
        ),
    )
    return redirect("meetings:detail", meeting_id=meeting.pk)


@require_http_methods(["GET", "POST"])
def meeting_correct_view(request: StaffRequest, meeting_id: int) -> HttpResponse:
    meeting = access_meeting(request.user, meeting_id)
    if not may_correct(request.user, meeting):
        return _refused(request, meeting)
    standing = list(meeting.decisions.standing())
    people = list(meeting.people.all())
    added = with_added_row(request, {"decisions": MAX_DECISIONS})
    data = added if added is not None else (request.POST or None)
    form = CorrectionForm(data, instance=meeting, user=request.user)
    decisions = DecisionFormSet(
        data, prefix="decisions", initial=[{"text": d.text, "decision": d.pk} for d in standing]
    )
    conflict: Conflict | None = None
    if added is not None:
        shown_without_errors(form, decisions)
    elif request.method == "POST" and form.is_valid() and decisions.is_valid():
        rows = [DecisionRow(d.get("decision"), d.get("text", "")) for d in decisions.cleaned_data]
        try:
            conflict = save_or_conflict(
                form,
                lambda: meeting_correct(
                    actor=request.user,
                    meeting=form.instance,
                    changed=form.changed_data,
                    staff=form.cleaned_data["staff"],
                    contacts=form.cleaned_data["contacts"],
                    organisations=form.cleaned_data["organisations"],
                    decisions=rows,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data["version"],
                    request=request,
                ),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            if conflict is None:
                messages.success(request, "Record corrected. The earlier version is kept under Versions.")
                return redirect("meetings:detail", meeting_id=meeting.pk)
    chosen_organisations = chosen(form, "organisations")
    return render(
        request,
        "meetings/meeting_correct.html",
        {
            "meeting": meeting,
            "form": form,
            "decisions": decisions,
            "conflict": conflict,
            "contacts": sorted(
                {*contacts_of(people), *meeting.contacts.all()}, key=lambda c: (c.kind, c.family_name, c.pk)
            ),
            "organisations": sorted(
                {*organisations_of(people), *meeting.organisations.all()}, key=lambda o: (o.name, o.pk)
            ),
            "chosen_contacts": chosen(form, "contacts"),
            "chosen_organisations": chosen_organisations,
        },
    )


@require_http_methods(["GET", "POST"])
def late_action_add(request: StaffRequest, meeting_id: int) -> HttpResponse:
    meeting = access_meeting(request.user, meeting_id)
    if not may_correct(request.user, meeting):
        return _refused(request, meeting)
    form = LateActionForm(request.POST or None, user=request.user, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_add_late_action(
                actor=request.user,
                meeting=meeting,
                action=form.cleaned_data,
                why=form.cleaned_data["why"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Action added. It is on its owner's list.")
            return redirect("meetings:detail", meeting_id=meeting.pk)
    return render(request, "meetings/late_action_form.html", {"meeting": meeting, "form": form})

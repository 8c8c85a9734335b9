"""Meeting pages: record one, read (and print) it, list them, find people to discuss."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from audit.models import AuditEvent
from audit.services import audit_record, audit_shown
from commitments.selectors import with_parties
from meetings.access import access_meeting, meetings_visible_to
from meetings.forms import ActionFormSet, MeetingForm, contacts_of
from meetings.services import meeting_record
from people.access import people_visible_to
from people.models import Person
from people.selectors import person_search
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest


def _chosen_people(request: StaffRequest) -> list[Person]:
    """People ticked on the form: those posted, or the one the link came from."""
    raw = request.POST.getlist("people") if request.method == "POST" else request.GET.getlist("person")
    ids = [int(v) for v in raw if v.isdigit()]
    return list(people_visible_to(request.user).filter(pk__in=ids)) if ids else []


@require_http_methods(["GET", "POST"])
def meeting_create(request: StaffRequest) -> HttpResponse:
    people = _chosen_people(request)
    preset = {"people": people, **{k: request.GET[k] for k in ("kind", "supervisee") if k in request.GET}}
    if preset.get("kind") == "supervision":
        preset["title"] = "Supervision"
    form = MeetingForm(request.POST or None, user=request.user, initial=preset)
    actions = ActionFormSet(request.POST or None, form_kwargs={"user": request.user}, prefix="actions")
    if request.method == "POST" and form.is_valid() and actions.is_valid():
        try:
            with transaction.atomic():
                meeting = meeting_record(
                    actor=request.user,
                    meeting=form.save(commit=False),
                    people=form.cleaned_data["people"],
                    staff=form.cleaned_data["staff"],
                    contacts=form.cleaned_data["contacts"],
                    decisions=form.decision_lines(),
                    actions=[a for a in actions.cleaned_data if a.get("title")],
                    request=request,
                )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Meeting recorded.")
            return redirect("meetings:detail", meeting_id=meeting.pk)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "actions": actions, "people": people, "contacts": contacts_of(people)},
    )


@require_GET
def meeting_detail(request: StaffRequest, meeting_id: int) -> HttpResponse:
    meeting = access_meeting(request.user, meeting_id)
    people = list(meeting.people.all())
    for person in people:
        audit_record(
            actor=request.user,
            action=AuditEvent.Action.VIEW,
            obj=meeting,
            person_id=person.pk,
            summary=f"Viewed the record of {meeting}",
            request=request,
        )
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "people": people,
            "staff": list(meeting.staff.all()),
            "contacts": list(meeting.contacts.select_related("organisation")),
            "decisions": list(meeting.decisions.all()),
            "actions": list(with_parties(meeting.actions.all()).order_by("due_on", "id")),
            "today": timezone.localdate(),
        },
    )


@require_GET
def meeting_list(request: StaffRequest) -> HttpResponse:
    meetings = meetings_visible_to(request.user).select_related("team").prefetch_related("people")
    page = page_of(meetings, request.GET.get("page"), settings.PAGE_SIZE)
    return render(request, "meetings/meeting_list.html", {"page": page})


@require_GET
def people_pick(request: StaffRequest) -> HttpResponse:
    """Search-as-you-type for people to add to a meeting (htmx answer)."""
    query = request.GET.get("q", "").strip()[:80]
    found = list(person_search(user=request.user, query=query)[:10]) if len(query) >= 2 else []
    audit_shown(
        actor=request.user,
        people=found,
        summary=f"Shown when finding people for a meeting: “{query}”",
        request=request,
    )
    return render(request, "meetings/_people_pick.html", {"found": found, "query": query})

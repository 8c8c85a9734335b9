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
from circles.models import Organisation
from circles.selectors import organisation_search, organisations_found
from commitments.selectors import with_parties
from meetings.access import access_meeting, may_correct, meetings_visible_to
from meetings.forms import (
    MAX_ACTIONS,
    MAX_DECISIONS,
    ActionFormSet,
    DecisionFormSet,
    MeetingForm,
    chosen,
    contacts_of,
    decision_texts,
    organisations_of,
)
from meetings.rows import with_added_row
from meetings.services import meeting_record
from meetings.versions import versions_of
from people.access import people_visible_to
from people.models import Person
from people.selectors import person_search
from rapport.lib.editing import asks_to_show_again, shown_without_errors
from rapport.lib.ids import ids_among
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest


def _chosen_people(request: StaffRequest) -> list[Person]:
    """People ticked on the form: those posted, or the one the link came from."""
    raw = request.POST.getlist("people") if request.method == "POST" else request.GET.getlist("person")
    ids = ids_among(raw)
    return list(people_visible_to(request.user).filter(pk__in=sorted(ids))) if ids else []


@require_http_methods(["GET", "POST"])
def meeting_create(request: StaffRequest) -> HttpResponse:
    people = _chosen_people(request)
    preset = {"people": people, **{k: request.GET[k] for k in ("kind", "supervisee") if k in request.GET}}
    if preset.get("kind") == "supervision":
        preset["title"] = "Supervision"
    added = with_added_row(request, {"decisions": MAX_DECISIONS, "actions": MAX_ACTIONS})
    data = added if added is not None else (request.POST or None)
    form = MeetingForm(data, user=request.user, initial=preset)
    decisions = DecisionFormSet(data, prefix="decisions")
    actions = ActionFormSet(
        data,
        form_kwargs={"user": request.user, "discussed": people, "team": form.team_chosen},
        prefix="actions",
    )
    if added is not None or asks_to_show_again(request):
        shown_without_errors(form, decisions, actions)
    elif request.method == "POST" and form.is_valid() and decisions.is_valid() and actions.is_valid():
        try:
            with transaction.atomic():
                meeting = meeting_record(
                    actor=request.user,
                    meeting=form.save(commit=False),
                    people=form.cleaned_data["people"],
                    staff=form.cleaned_data["staff"],
                    contacts=form.cleaned_data["contacts"],
                    organisations=form.cleaned_data["organisations"],
                    decisions=decision_texts(decisions),
                    actions=[a for a in actions.cleaned_data if a.get("title")],
                    request=request,
                )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Meeting recorded.")
            return redirect("meetings:detail", meeting_id=meeting.pk)
    contacts = contacts_of(people)
    return render(
        request,
        "meetings/meeting_form.html",
        {
            "form": form,
            "decisions": decisions,
            "actions": actions,
            "people": people,
            "contacts": contacts,
            "organisations": _organisations_shown(form, people),
            "chosen_contacts": chosen(form, "contacts"),
            "chosen_organisations": chosen(form, "organisations"),
        },
    )


def _organisations_shown(form: MeetingForm, people: list[Person]) -> list[Organisation]:
    """Those in the circles of the people discussed, and any already ticked (found by search)."""
    ticked = list(organisation_search().filter(pk__in=chosen(form, "organisations")))
    return sorted({*organisations_of(people), *ticked}, key=lambda o: (o.name, o.pk))


@require_GET
def meeting_detail(request: StaffRequest, meeting_id: int) -> HttpResponse:
    meeting = access_meeting(request.user, meeting_id)
    people = list(meeting.people.all())
    versions = versions_of(meeting)
    corrections = [v for v in versions if v.is_correction]
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
            "organisations": list(meeting.organisations.all()),
            "decisions": list(meeting.decisions.standing()),
            "actions": list(with_parties(meeting.actions.all()).order_by("due_on", "id")),
            "today": timezone.localdate(),
            "versions": versions[::-1] if corrections else [],
            "last_correction": corrections[-1] if corrections else None,
            "corrections": len(corrections),
            "may_correct": may_correct(request.user, meeting),
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


@require_GET
def organisations_pick(request: StaffRequest) -> HttpResponse:
    """Search-as-you-type for partner organisations attending (htmx answer). The directory
    is open to all staff and names no one supported, so nothing is audited here."""
    query = request.GET.get("organisations_q", "").strip()[:80]
    found = organisations_found(query)
    return render(request, "meetings/_organisations_pick.html", {"found": found, "query": query})

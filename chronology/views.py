"""One timeline per person: everything recorded about them, newest first."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from chronology.forms import TimelineFilterForm
from chronology.selectors import entries_for, timeline_rows, whole_timeline
from circles.counterparts import current_circle
from people.access import open_person
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest

PER_PAGE = 20  # a phone's few screens; older entries are a page away


@require_GET
def timeline(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="timeline")
    circle = current_circle(person)
    asked = TimelineFilterForm(request.GET, circle=circle)
    asked.is_valid()
    # A value that is not a choice (an unknown kind, someone else's relationship, not a
    # number) is dropped with a word to say so; the rest of the filter still applies.
    chosen = asked.cleaned_data
    kinds = chosen.get("kind") or []
    member = int(chosen["member"]) if chosen.get("member") else None
    filtered = bool(kinds or member)
    rows = (
        timeline_rows(person, request.user, kinds=kinds, member=member)
        if filtered
        else whole_timeline(person, request.user)
    )
    page = page_of(rows, request.GET.get("page"), PER_PAGE)
    context = {
        "person": person,
        "form": TimelineFilterForm(initial={"kind": kinds, "member": member or ""}, circle=circle),
        "ignored": bool(asked.errors),
        "filtered": filtered,
        "page": page,
        "entries": entries_for(person, list(page)),
    }
    return render(request, "chronology/timeline.html", context)

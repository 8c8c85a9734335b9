"""Recording a change, and seeing who has been told."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from changes.forms import ChangeForm
from changes.models import Change
from changes.services import change_record
from commitments.selectors import with_parties
from people.access import open_person
from rapport.lib.requests import StaffRequest


@require_http_methods(["GET", "POST"])
def change_create(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="record a change form")
    form = ChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        change = form.save(commit=False)
        change.person = person
        updates = change_record(actor=request.user, change=change, request=request)
        messages.success(
            request,
            f"Change recorded. {len(updates)} update{'s' if len(updates) != 1 else ''} owed."
            if updates
            else "Change recorded. No one else in the circle needs telling.",
        )
        return redirect("changes:detail", person_id=person.pk, change_id=change.pk)
    return render(request, "changes/change_form.html", {"person": person, "form": form})


@require_GET
def change_detail(request: StaffRequest, person_id: int, change_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="change")
    try:
        change = person.changes.select_related("recorded_by").get(pk=change_id)
    except Change.DoesNotExist:
        raise Http404("No such change") from None
    updates = list(with_parties(change.updates_owed.all()).order_by("id"))
    return render(
        request,
        "changes/change_detail.html",
        {"person": person, "change": change, "updates": updates, "today": timezone.localdate()},
    )

"""The consent page of a person, and recording a decision."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from consent.forms import ConsentForm
from consent.selectors import consent_matrix, history_for, sharing_log
from consent.services import consent_record
from people.access import open_person
from rapport.lib.requests import StaffRequest


@require_GET
def consent_page(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="consent")
    topics, rows = consent_matrix(person)
    return render(
        request,
        "consent/consent_page.html",
        {
            "person": person,
            "topics": topics,
            "rows": rows,
            "history": history_for(person),
            "shared": sharing_log(person),
        },
    )


@require_http_methods(["GET", "POST"])
def consent_create(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="record consent form")
    initial: dict[str, object] = {"recipient": request.GET.get("recipient", "")}
    if "topic" in request.GET:
        initial["topics"] = request.GET.getlist("topic")
    form = ConsentForm(request.POST or None, person=person, initial=initial)
    if request.method == "POST" and form.is_valid():
        records = consent_record(
            actor=request.user,
            person=person,
            recipient=form.recipient,
            topics=form.cleaned_data["topics"],
            template=form.save(commit=False),
            request=request,
        )
        decision = records[0].get_decision_display().lower()
        messages.success(
            request, f"Recorded: {decision} for {len(records)} topic{'s' if len(records) > 1 else ''}."
        )
        return redirect("consent:page", person_id=person.pk)
    return render(request, "consent/consent_form.html", {"person": person, "form": form})

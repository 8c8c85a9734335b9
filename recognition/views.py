"""Thanks from a person's page; recognition on a colleague's page."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from people.access import open_person
from rapport.lib.requests import StaffRequest
from recognition.access import access_colleague, colleagues_of
from recognition.forms import RecognitionForm, ThanksForm
from recognition.models import Recognition
from recognition.services import recognition_give


@require_http_methods(["GET", "POST"])
def thanks_create(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="thanks form")
    form = ThanksForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        thanks = form.save(commit=False)
        thanks.kind = Recognition.Kind.THANKS
        thanks.person = person
        thanks.relationship = form.cleaned_data["to"].relationship
        recognition_give(actor=request.user, recognition=thanks, request=request)
        messages.success(request, f"Thanks to {thanks.recipient} recorded.")
        return redirect("people:detail", person_id=person.pk)
    return render(request, "recognition/thanks_form.html", {"person": person, "form": form})


@require_GET
def colleague_list(request: StaffRequest) -> HttpResponse:
    colleagues = colleagues_of(request.user).order_by("first_name", "last_name")
    return render(request, "recognition/colleague_list.html", {"colleagues": colleagues})


@require_GET
def colleague_detail(request: StaffRequest, colleague_id: int) -> HttpResponse:
    colleague = access_colleague(request.user, colleague_id)
    received = colleague.recognitions_received.select_related("given_by")[:50]
    return render(
        request,
        "recognition/colleague_detail.html",
        {"colleague": colleague, "received": received, "teams": list(colleague.teams.all())},
    )


@require_http_methods(["GET", "POST"])
def recognition_create(request: StaffRequest, colleague_id: int) -> HttpResponse:
    colleague = access_colleague(request.user, colleague_id)
    form = RecognitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if colleague == request.user:
            form.add_error(None, "Recognition is for someone else's work.")
        else:
            recognition = form.save(commit=False)
            recognition.kind = Recognition.Kind.COLLEAGUE
            recognition.colleague = colleague
            recognition_give(actor=request.user, recognition=recognition, request=request)
            messages.success(request, f"Recognition for {colleague} recorded.")
            return redirect("recognition:colleague", colleague_id=colleague.pk)
    return render(request, "recognition/recognition_form.html", {"colleague": colleague, "form": form})

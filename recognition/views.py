"""Thanks from a person's page; recognition on a colleague's page."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import Team
from commitments.selectors import as_lines
from commitments.work import in_order, open_work
from meetings.supervision import my_next_supervision
from people.access import open_person
from rapport.lib.requests import StaffRequest
from recognition.access import access_colleague, colleagues_of
from recognition.forms import RecognitionForm, ThanksForm
from recognition.models import Recognition
from recognition.services import recognition_give

WORK_SHOWN = 5


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
        messages.success(request, format_html("Thanks to <bdi>{}</bdi> recorded.", thanks.recipient))
        return redirect("person:page", person_id=person.pk)
    return render(request, "recognition/thanks_form.html", {"person": person, "form": form})


@require_GET
def colleague_list(request: StaffRequest) -> HttpResponse:
    colleagues = colleagues_of(request.user).order_by("first_name", "last_name")
    return render(request, "recognition/colleague_list.html", {"colleagues": colleagues})


@require_GET
def colleague_detail(request: StaffRequest, colleague_id: int) -> HttpResponse:
    colleague = access_colleague(request.user, colleague_id)
    received = colleague.recognitions_received.select_related("given_by")[:50]
    context = {"colleague": colleague, "received": received, "teams": list(colleague.teams.all())}
    leads = Team.objects.led_by(request.user).filter(memberships__user=colleague).exists()
    if colleague == request.user or leads:
        # Their open work and supervision: for themself and the leaders of their teams. Only
        # work about people the viewer may see is listed.
        today = timezone.localdate()
        work = open_work(request.user, owner=colleague)
        context |= {
            "work": list(as_lines(in_order(work))[:WORK_SHOWN]),
            "work_count": work.count(),
            "supervision": my_next_supervision(colleague, today),
            "today": today,
        }
    return render(request, "recognition/colleague_detail.html", context)


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
            messages.success(request, format_html("Recognition for <bdi>{}</bdi> recorded.", colleague))
            return redirect("recognition:colleague", colleague_id=colleague.pk)
    return render(request, "recognition/recognition_form.html", {"colleague": colleague, "form": form})

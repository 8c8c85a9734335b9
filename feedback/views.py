"""Feedback pages: log, acknowledge, answer; and the team's open complaints."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from consent.sharing import ShareRefused
from feedback import selectors, services
from feedback.clocks import clocks_for
from feedback.forms import AcknowledgeForm, CloseFeedbackForm, FeedbackForm
from feedback.models import Feedback
from people.access import open_person
from people.models import Person
from rapport.lib.concurrency import STALE_MESSAGE, StaleRecord
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest


def _feedback_of(person: Person, feedback_id: int) -> Feedback:
    try:
        return selectors.with_parties(person.feedback.all()).get(pk=feedback_id)
    except Feedback.DoesNotExist:
        raise Http404("No such feedback") from None


@require_http_methods(["GET", "POST"])
def feedback_create(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="log feedback form")
    form = FeedbackForm(request.POST or None, person=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        feedback = form.save(commit=False)
        feedback.person = person
        services.feedback_log(actor=request.user, feedback=feedback, request=request)
        messages.success(request, f"{feedback.get_kind_display()} logged.")
        return redirect("feedback:detail", person_id=person.pk, feedback_id=feedback.pk)
    return render(request, "feedback/feedback_form.html", {"person": person, "form": form})


@require_GET
def feedback_detail(request: StaffRequest, person_id: int, feedback_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="feedback")
    feedback = _feedback_of(person, feedback_id)
    return _render_detail(request, person, feedback)


def _render_detail(
    request: StaffRequest,
    person: Person,
    feedback: Feedback,
    acknowledge: AcknowledgeForm | None = None,
    close: CloseFeedbackForm | None = None,
) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "feedback/feedback_detail.html",
        {
            "person": person,
            "feedback": feedback,
            "clocks": clocks_for(feedback, today),
            "acknowledge": acknowledge or AcknowledgeForm(feedback=feedback),
            "close": close or CloseFeedbackForm(feedback=feedback),
        },
        status=400 if (acknowledge or close) else 200,
    )


@require_http_methods(["GET", "POST"])
def feedback_acknowledge(request: StaffRequest, person_id: int, feedback_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="acknowledge feedback")
    feedback = _feedback_of(person, feedback_id)
    if request.method == "GET":
        return redirect("feedback:detail", person_id=person.pk, feedback_id=feedback.pk)
    form = AcknowledgeForm(request.POST, feedback=feedback)
    if form.is_valid():
        try:
            services.feedback_acknowledge(
                actor=request.user,
                feedback=feedback,
                on=form.cleaned_data["acknowledged_on"],
                expected_version=form.cleaned_data["version"],
                request=request,
            )
        except StaleRecord:
            messages.error(request, STALE_MESSAGE)
        else:
            messages.success(request, "Acknowledgement recorded.")
        return redirect("feedback:detail", person_id=person.pk, feedback_id=feedback.pk)
    return _render_detail(request, person, feedback, acknowledge=form)


@require_http_methods(["GET", "POST"])
def feedback_close(request: StaffRequest, person_id: int, feedback_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="close feedback")
    feedback = _feedback_of(person, feedback_id)
    if request.method == "GET" or not feedback.is_open:
        messages.info(request, "This is already closed.")
        return redirect("feedback:detail", person_id=person.pk, feedback_id=feedback.pk)
    form = CloseFeedbackForm(request.POST, feedback=feedback)
    if form.is_valid():
        try:
            services.feedback_close(
                actor=request.user,
                feedback=feedback,
                on=form.cleaned_data["responded_on"],
                outcome=form.cleaned_data["outcome"],
                learning=form.cleaned_data["learning"],
                expected_version=form.cleaned_data["version"],
                topics=form.topics_shared,
                override=form.safety_override,
                request=request,
            )
        except ShareRefused as refused:
            feedback.refresh_from_db()  # nothing was saved; show it as it still is
            form.explain_refusal(refused)
            return _render_detail(request, person, feedback, close=form)
        except StaleRecord:
            messages.error(request, STALE_MESSAGE)
        else:
            messages.success(request, "Answered and closed.")
        return redirect("feedback:detail", person_id=person.pk, feedback_id=feedback.pk)
    return _render_detail(request, person, feedback, close=form)


@require_GET
def feedback_team(request: StaffRequest) -> HttpResponse:
    """Open complaints and concerns across the user's teams, with their clocks."""
    today = timezone.localdate()
    page = page_of(
        selectors.open_feedback(request.user),
        request.GET.get("page"),
        settings.PAGE_SIZE,
        load=selectors.with_parties,
    )
    return render(
        request,
        "feedback/feedback_team.html",
        {"page": page, "rows": selectors.with_clocks(list(page), today), "today": today},
    )

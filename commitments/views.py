"""Commitment pages: add, hand over, close. Thin: access rule, form, service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from commitments import services
from commitments.access import access_commitment
from commitments.forms import CloseForm, CommitmentForm, ReassignForm
from commitments.models import Commitment
from consent.sharing import ShareRefused, warn_if_agreement_lapsed
from people.access import open_person
from rapport.lib.concurrency import apply_or_explain
from rapport.lib.dates import day
from rapport.lib.navigation import back_or
from rapport.lib.requests import StaffRequest


def _open_commitment(request: StaffRequest, commitment_id: int, page: str) -> Commitment:
    """Load through the access rule and record the look against the person, if any."""
    commitment = access_commitment(request.user, commitment_id)
    if commitment.person_id is not None:
        open_person(request, commitment.person_id, page=page)
    return commitment


def _home_of(commitment: Commitment) -> str:
    if commitment.person_id is not None:
        return reverse("person:page", args=[commitment.person_id])
    if commitment.meeting_id is not None:
        return reverse("meetings:detail", args=[commitment.meeting_id])
    return reverse("home")


@require_http_methods(["GET", "POST"])
def commitment_create(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="new commitment form")
    form = CommitmentForm(request.POST or None, person=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        commitment = form.save(commit=False)
        commitment.person = person
        try:
            services.commitment_create(actor=request.user, commitment=commitment, request=request)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                format_html("Added for <bdi>{}</bdi>, due {}.", commitment.owner, day(commitment.due_on)),
            )
            return back_or(request, reverse("person:page", args=[person.pk]))
    return render(request, "commitments/commitment_form.html", {"person": person, "form": form})


@require_http_methods(["GET", "POST"])
def commitment_close(request: StaffRequest, commitment_id: int) -> HttpResponse:
    commitment = _open_commitment(request, commitment_id, "close commitment form")
    if not commitment.is_open:
        messages.info(request, "This is already closed.")
        return back_or(request, _home_of(commitment))
    form = CloseForm(request.POST or None, initial={"version": commitment.version}, commitment=commitment)
    try:
        closed = (
            request.method == "POST"
            and form.is_valid()
            and apply_or_explain(
                form,
                lambda: services.commitment_close(
                    actor=request.user,
                    commitment=commitment,
                    status=form.cleaned_data["status"],
                    outcome=form.cleaned_data["outcome"],
                    expected_version=form.cleaned_data["version"],
                    override=form.safety_override,
                    topics=form.topics_shared,
                    request=request,
                ),
            )
        )
    except ShareRefused as refused:
        closed = False
        commitment.refresh_from_db()  # nothing was saved; show it as it still is
        form.explain_refusal(refused)
    if closed:
        messages.success(request, f"Closed: {commitment.title}")
        warn_if_agreement_lapsed(request, commitment.disclosures.all())
        return back_or(request, _home_of(commitment))
    return render(
        request,
        "commitments/commitment_close.html",
        {"commitment": commitment, "form": form, "back": _home_of(commitment)},
    )


@require_http_methods(["GET", "POST"])
def commitment_reassign(request: StaffRequest, commitment_id: int) -> HttpResponse:
    commitment = _open_commitment(request, commitment_id, "hand over commitment form")
    if not commitment.is_open:
        messages.info(request, "This is already closed.")
        return back_or(request, _home_of(commitment))
    form = ReassignForm(request.POST or None, commitment=commitment)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_or_explain(
            form,
            lambda: services.commitment_reassign(
                actor=request.user,
                commitment=commitment,
                owner=form.cleaned_data["owner"],
                due_on=form.cleaned_data["due_on"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
                request=request,
            ),
        )
    ):
        messages.success(
            request, format_html("Now with <bdi>{}</bdi>, due {}.", commitment.owner, day(commitment.due_on))
        )
        return back_or(request, _home_of(commitment))
    return render(
        request,
        "commitments/commitment_reassign.html",
        {"commitment": commitment, "form": form, "back": _home_of(commitment)},
    )

"""The consent page of a person, and recording a decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from audit.models import AuditEvent
from audit.services import audit_record
from circles.access import relationship_of
from consent.forms import ConsentForm, RecipientDecisionsForm
from consent.models import Topic
from consent.selectors import (
    LOG_SHOWN,
    PACKS_SHOWN,
    consent_matrix,
    facts_for,
    history_for,
    pack_links,
    packs_sent,
    sharing_log,
    verdict_for,
)
from consent.services import consent_record, consent_record_each
from consent.subject_access import export_zip
from people.access import leads_any_team_of, open_person
from rapport.lib.requests import StaffRequest


@require_http_methods(["GET", "POST"])
def subject_access(request: StaffRequest, person_id: int) -> HttpResponse:
    """A team leader prepares the person's own copy of their records."""
    person = open_person(request, person_id, page="subject access page")
    if not leads_any_team_of(request.user, person):
        raise PermissionDenied("Only team leaders of this person's teams can export their records.")
    if request.method == "GET":
        return render(request, "consent/subject_access.html", {"person": person})
    archive = export_zip(person, requested_by=request.user.display_name)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        obj=person,
        person_id=person.pk,
        summary="Exported everything held (subject access request)",
        request=request,
    )
    response = HttpResponse(archive, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="records-{person.pk}-{stamp}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def consent_page(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="consent")
    topics, rows = consent_matrix(person)
    packs = packs_sent(person)
    history, shared = history_for(person), sharing_log(person)
    return render(
        request,
        "consent/consent_page.html",
        {
            "person": person,
            "topics": topics,
            "rows": rows,
            "history": history[:LOG_SHOWN],
            "more_history": len(history) > LOG_SHOWN,
            "shared": shared[:LOG_SHOWN],
            "more_shared": len(shared) > LOG_SHOWN,
            "packs": [(pack, pack_links(pack)) for pack in packs[:PACKS_SHOWN]],
            "more_packs": len(packs) > PACKS_SHOWN,
        },
    )


@require_http_methods(["GET", "POST"])
def consent_decide(request: StaffRequest, person_id: int, relationship_id: int) -> HttpResponse:
    """Every topic for one recipient in one form."""
    person = open_person(request, person_id, page="consent decisions form")
    recipient = relationship_of(person, relationship_id)
    if not recipient.is_current:
        messages.info(
            request, format_html("<bdi>{}</bdi> is no longer in the current circle.", recipient.party)
        )
        return redirect("consent:page", person_id=person.pk)
    facts = facts_for(person)
    verdicts = {
        topic.pk: verdict_for(person, recipient, topic, facts=facts).decision
        for topic in Topic.objects.filter(is_active=True)
    }
    form = RecipientDecisionsForm(request.POST or None, person=person, recipient=recipient, verdicts=verdicts)
    if request.method == "POST" and form.is_valid():
        records = consent_record_each(
            actor=request.user,
            person=person,
            recipient=recipient,
            decisions=form.decisions(),
            template=form.save(commit=False),
            request=request,
        )
        summary = "; ".join(f"{r.topic.name}: {r.get_decision_display().lower()}" for r in records)
        messages.success(request, format_html("Recorded for <bdi>{}</bdi>: {}.", recipient.party, summary))
        return redirect("consent:page", person_id=person.pk)
    context = {"person": person, "recipient": recipient, "form": form}
    return render(request, "consent/consent_decide.html", context)


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

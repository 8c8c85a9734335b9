"""Feedback: received, acknowledged, answered, each step audited."""

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record, audited_create
from feedback.clocks import deadlines
from feedback.models import Feedback
from rapport.lib.concurrency import save_if_unchanged

if TYPE_CHECKING:
    from consent.models import Topic
    from consent.sharing import Override


@transaction.atomic
def feedback_log(*, actor: User, feedback: Feedback, request: HttpRequest | None = None) -> Feedback:
    feedback.recorded_by = actor
    feedback.acknowledge_by, feedback.respond_by = deadlines(feedback.kind, feedback.received_on)
    return audited_create(
        actor=actor, record=feedback, summary=f"{feedback.get_kind_display()} received", request=request
    )


@transaction.atomic
def feedback_acknowledge(
    *, actor: User, feedback: Feedback, on: date, expected_version: int, request: HttpRequest | None = None
) -> Feedback:
    feedback.acknowledged_on = on
    save_if_unchanged(feedback, expected_version=expected_version, fields=["acknowledged_on"])
    _audit(actor, feedback, AuditEvent.Action.UPDATE, f"{feedback.get_kind_display()} acknowledged", request)
    return feedback


@transaction.atomic
def feedback_close(
    *,
    actor: User,
    feedback: Feedback,
    on: date,
    outcome: str,
    learning: str,
    expected_version: int,
    topics: "Iterable[Topic]" = (),
    override: "Override | None" = None,
    request: HttpRequest | None = None,
) -> Feedback:
    """Answer and close. An answer to someone in the circle records what it shared about the
    person, through the consent gate (ShareRefused changes nothing)."""
    feedback.responded_on = on
    feedback.outcome = outcome
    feedback.learning = learning
    feedback.status = Feedback.Status.CLOSED
    if feedback.acknowledge_by and not feedback.acknowledged_on:
        feedback.acknowledged_on = on  # the answer acknowledges it too
    save_if_unchanged(
        feedback,
        expected_version=expected_version,
        fields=["responded_on", "outcome", "learning", "status", "acknowledged_on"],
    )
    topics = list(topics)
    if topics and feedback.from_relationship is not None:
        from consent.sharing import share

        share(
            actor=actor,
            person=feedback.person,
            recipient=feedback.from_relationship,
            topics=topics,
            override=override,
            feedback_id=feedback.pk,
            request=request,
        )
    _audit(
        actor,
        feedback,
        AuditEvent.Action.UPDATE,
        f"{feedback.get_kind_display()} answered and closed",
        request,
    )
    return feedback


def _audit(actor: User, feedback: Feedback, action: str, summary: str, request: HttpRequest | None) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=feedback,
        person_id=feedback.person_id,
        summary=summary,
        request=request,
    )

"""The follow-up work consent hands over (see consent.follow_up), kept as commitments.
Registered in CommitmentsConfig.ready(); consent calls it inside its own transaction."""

from datetime import date

from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record
from commitments.models import Commitment
from commitments.services import commitment_create
from consent.models import ConsentRecord, SafetyOverride
from rapport.lib.dates import day


class CommitmentsKeeper:
    def open_override_review(
        self,
        *,
        actor: User,
        safety: SafetyOverride,
        title: str,
        owner: User,
        due_on: date,
        request: HttpRequest | None,
    ) -> None:
        """An action for the reviewer, with the override's reason as its details."""
        safety.review = commitment_create(
            actor=actor,
            commitment=Commitment(
                person=safety.person,
                kind=Commitment.Kind.ACTION,
                title=title,
                details=safety.reason,
                owner=owner,
                due_on=due_on,
            ),
            request=request,
        )

    def cancel_updates_owed(self, *, actor: User, record: ConsentRecord, request: HttpRequest | None) -> None:
        """Updates owed to someone can no longer be given once they may not be told."""
        topic = record.topic
        pending = (
            Commitment.objects.open()
            .select_for_update()
            .filter(
                person=record.person,
                owed_to_relationship=record.recipient,
                topic=topic,
                kind=Commitment.Kind.UPDATE,
            )
        )
        for commitment in pending:
            commitment.status = Commitment.Status.CANCELLED
            commitment.outcome = (
                f"Cancelled: consent to share {topic.name.lower()} was {record.decision} "
                f"on {day(record.decided_on)}."
            )
            commitment.closed_at = timezone.now()
            commitment.closed_by = actor
            commitment.version += 1
            commitment.save(update_fields=["status", "outcome", "closed_at", "closed_by", "version"])
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                obj=commitment,
                person_id=record.person_id,
                summary=f"Update cancelled after consent {record.decision}: {commitment.title}",
                request=request,
            )

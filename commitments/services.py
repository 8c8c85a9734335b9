"""Creating, handing over and closing commitments, each with its audit event."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record, audited_create
from commitments.models import Commitment
from consent.models import Topic
from consent.sharing import Override, share
from people.access import people_visible_to
from rapport.lib.concurrency import save_if_unchanged
from rapport.lib.dates import day


def _check_owner_can_see(owner: User, commitment: Commitment) -> None:
    if commitment.person_id is None:
        return
    if not people_visible_to(owner).filter(pk=commitment.person_id).exists():
        raise ValidationError({"owner": f"{owner} does not work with {commitment.person}."})


@transaction.atomic
def commitment_create(
    *, actor: User, commitment: Commitment, request: HttpRequest | None = None
) -> Commitment:
    commitment.created_by = actor
    _check_owner_can_see(commitment.owner, commitment)
    return audited_create(
        actor=actor,
        record=commitment,
        summary=f"{commitment.get_kind_display()} for {commitment.owner}: {commitment.title}",
        request=request,
    )


@transaction.atomic
def commitment_close(
    *,
    actor: User,
    commitment: Commitment,
    status: str,
    outcome: str,
    expected_version: int,
    override: Override | None = None,
    topics: Iterable[Topic] = (),
    request: HttpRequest | None = None,
) -> Commitment:
    """Close with an outcome. Done, a commitment owed to someone in the circle records what
    was shared with them (an update owed, its own topic), which consent must allow at this
    moment (or a safety override): ShareRefused changes nothing."""
    if status not in (Commitment.Status.DONE, Commitment.Status.CANCELLED):
        raise ValidationError("A commitment closes as done or cancelled.")
    if not outcome.strip():
        raise ValidationError({"outcome": "Say what happened."})
    commitment.status = status
    commitment.outcome = outcome
    commitment.closed_at = timezone.now()
    commitment.closed_by = actor
    save_if_unchanged(
        commitment,
        expected_version=expected_version,
        fields=["status", "outcome", "closed_at", "closed_by"],
    )
    shared = [commitment.topic] if commitment.topic is not None else list(topics)
    if (
        status == Commitment.Status.DONE
        and commitment.is_owed_outward
        and shared
        and commitment.owed_to_relationship is not None
        and commitment.person is not None
    ):
        share(
            actor=actor,
            person=commitment.person,
            recipient=commitment.owed_to_relationship,
            topics=shared,
            override=override,
            commitment_id=commitment.pk,
            request=request,
        )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=commitment,
        person_id=commitment.person_id,
        summary=f"{commitment.get_status_display()}: {commitment.title}",
        request=request,
    )
    return commitment


@transaction.atomic
def commitment_reassign(
    *,
    actor: User,
    commitment: Commitment,
    owner: User,
    due_on: date,
    note: str,
    expected_version: int,
    request: HttpRequest | None = None,
) -> Commitment:
    previous = commitment.owner
    commitment.owner = owner
    commitment.due_on = due_on
    _check_owner_can_see(owner, commitment)
    save_if_unchanged(commitment, expected_version=expected_version, fields=["owner", "due_on"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=commitment,
        person_id=commitment.person_id,
        summary=f"Handed from {previous} to {owner}, due {day(due_on)}: {commitment.title}",
        reason=note,
        request=request,
    )
    return commitment

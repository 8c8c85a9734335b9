"""Changing a meeting record after it was saved: a correction, or an action agreed but not
written down at the time. Nothing is deleted: the earlier version stays readable
(meetings.versions), a struck-out decision is kept, and each change says why."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record, audited_update
from circles.models import Contact, Organisation
from commitments.models import Commitment
from meetings.models import Decision, Meeting
from meetings.services import action_create, check_everyone_belongs
from meetings.versions import keep_version


@dataclass(frozen=True)
class DecisionRow:
    """One row of the corrected decisions: an existing decision (by id) or a new one; an
    existing decision left empty is struck out."""

    decision_id: int | None
    text: str


def _decision_changes(
    meeting: Meeting, rows: list[DecisionRow]
) -> tuple[list[Decision], list[Decision], list[Decision]]:
    """(changed or renumbered, new, struck out). A row naming a decision this meeting does
    not have (a forged or stale form) is refused, not ignored."""
    standing = {d.pk: d for d in meeting.decisions.standing()}
    unknown = [r.decision_id for r in rows if r.decision_id is not None and r.decision_id not in standing]
    if unknown:
        raise ValidationError(
            "One of the decisions on this form is not on this record any more. Start the correction again."
        )
    changed, new = [], []
    position = 0
    named = {r.decision_id for r in rows if r.decision_id is not None}
    for row in rows:
        text = row.text.strip()
        if not text:
            continue
        position += 1
        if row.decision_id is None:
            new.append(Decision(meeting=meeting, text=text, position=position))
            continue
        decision = standing[row.decision_id]
        if (decision.text, decision.position) != (text, position):
            decision.text, decision.position = text, position
            changed.append(decision)
    struck = [d for pk, d in standing.items() if pk not in named or not _text_of(rows, pk)]
    return changed, new, struck


def _text_of(rows: list[DecisionRow], decision_id: int) -> str:
    return next((r.text.strip() for r in rows if r.decision_id == decision_id), "")


def _keep_unversioned_decisions(meeting: Meeting) -> None:
    """Decisions written before they had history (bulk inserts) get their first history row
    now, dated at the recording, so the earlier version still shows their first words."""
    history = Decision.history.model.objects.filter(meeting_id=meeting.pk).values("id")
    bare = list(meeting.decisions.exclude(pk__in=history))
    if bare:
        Decision.history.bulk_history_create(bare, default_date=meeting.created_at)


@transaction.atomic
def meeting_correct(
    *,
    actor: User,
    meeting: Meeting,
    changed: list[str],
    staff: Iterable[User],
    contacts: Iterable[Contact],
    organisations: Iterable[Organisation],
    decisions: list[DecisionRow],
    reason: str,
    expected_version: int,
    request: HttpRequest | None = None,
) -> Meeting:
    """Correct the record: fields already set on `meeting` by the form, attendees and
    decisions. Raises StaleRecord if someone corrected it since the form was opened, and
    ValidationError if there is no reason or nothing to change. The caller has checked
    meetings.access.may_correct."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the record is being corrected."})
    _keep_unversioned_decisions(meeting)
    edited, new, struck = _decision_changes(meeting, decisions)
    fields = [f for f in changed if f not in ("reason", "version")]
    if not (fields or edited or new or struck):
        raise ValidationError("Nothing on the form differs from the record, so there is nothing to correct.")
    meeting.skip_history_when_saving = True  # type: ignore[attr-defined]
    audited_update(
        actor=actor,
        record=meeting,
        changed=fields,
        expected_version=expected_version,
        summary=f"Corrected the record of {meeting}",
        reason=reason,
        request=request,
    )
    meeting.staff.set(staff)
    meeting.contacts.set(contacts)
    meeting.organisations.set(organisations)
    now = timezone.now()
    for decision in struck:
        decision.struck_out_at = now
        decision.save(update_fields=["struck_out_at"])
    for decision in edited:
        decision.save(update_fields=["text", "position"])
    for decision in new:
        decision.save()
    keep_version(meeting, actor=actor, reason=reason)
    for person_id in meeting.people.values_list("pk", flat=True):
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=meeting,
            person_id=person_id,
            summary=f"Corrected the record of {meeting}",
            reason=reason,
            request=request,
        )
    return meeting


@transaction.atomic
def meeting_add_late_action(
    *,
    actor: User,
    meeting: Meeting,
    action: dict[str, Any],
    why: str,
    request: HttpRequest | None = None,
) -> Commitment:
    """An action agreed at the meeting but not written down then: it lands on its owner's
    day like any other, and says when and why it was added."""
    why = why.strip()
    if not why:
        raise ValidationError({"why": "Say why this action is added after the meeting."})
    check_everyone_belongs(meeting, list(meeting.people.all()), [action])
    commitment = action_create(
        actor=actor,
        meeting=meeting,
        action=action,
        details=f"Added after the meeting: {why}",
        request=request,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=meeting,
        person_id=commitment.person_id,
        summary=f"Added a late action to {meeting}: {commitment.title}",
        reason=why,
        request=request,
    )
    return commitment

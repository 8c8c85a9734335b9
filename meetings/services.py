"""Recording a meeting with its decisions and actions, as one change; corrections and late
actions are in meetings.corrections."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record
from circles.models import Contact, Organisation
from commitments.models import Commitment
from commitments.services import commitment_create
from meetings.models import Decision, Meeting
from meetings.versions import keep_version
from people.models import Person


def check_everyone_belongs(meeting: Meeting, people: list[Person], actions: list[dict[str, Any]]) -> None:
    """Everyone who may read a meeting must be allowed to read about each person it names:
    so the people discussed are people the meeting's team supports, and each action is
    about one of them."""
    supported = set(meeting.team.people.filter(pk__in=[p.pk for p in people]).values_list("pk", flat=True))
    problems = [
        f"{p.preferred_name} is not supported by {meeting.team}. Record this meeting under a team that "
        "supports everyone discussed, or record a separate meeting for them."
        for p in people
        if p.pk not in supported
    ]
    discussed = {p.pk for p in people}
    problems += [
        f"The action “{a['title']}” is about {a['about'].preferred_name}, who is not among the people "
        "discussed. Add them to the people discussed, or choose “No one in particular”."
        for a in actions
        if a.get("about") is not None and a["about"].pk not in discussed
    ]
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def meeting_record(
    *,
    actor: User,
    meeting: Meeting,
    people: Iterable[Person],
    staff: Iterable[User],
    contacts: Iterable[Contact],
    organisations: Iterable[Organisation] = (),
    decisions: list[str],
    actions: list[dict[str, Any]],
    request: HttpRequest | None = None,
) -> Meeting:
    meeting.recorded_by = actor
    meeting.full_clean(exclude=["people", "staff", "contacts"])
    check_everyone_belongs(meeting, list(people), actions)
    meeting.skip_history_when_saving = True  # type: ignore[attr-defined]
    meeting.save()
    meeting.people.set(people)
    meeting.staff.set(staff)
    meeting.contacts.set(contacts)
    meeting.organisations.set(organisations)
    for n, text in enumerate(decisions, start=1):
        Decision.objects.create(meeting=meeting, text=text, position=n)
    keep_version(meeting, actor=actor, first=True)
    for action in actions:
        action_create(actor=actor, meeting=meeting, action=action, request=request)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=meeting,
        summary=f"Recorded {meeting}",
        request=request,
    )
    for person in meeting.people.all():
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=meeting,
            person_id=person.pk,
            summary=f"Discussed at {meeting.get_kind_display().lower()}: {meeting}",
            request=request,
        )
    return meeting


def action_create(
    *,
    actor: User,
    meeting: Meeting,
    action: dict[str, Any],
    details: str = "",
    request: HttpRequest | None = None,
) -> Commitment:
    """An agreed action lands on its owner's day as a commitment of the meeting: the same
    path whether agreed at the meeting or added late."""
    return commitment_create(
        actor=actor,
        commitment=Commitment(
            person=action.get("about"),
            kind=Commitment.Kind.ACTION,
            title=action["title"],
            details=details,
            owner=action["owner"],
            due_on=action["due_on"],
            meeting=meeting,
        ),
        request=request,
    )

"""Recording a change and the updates it makes owed, as one change."""

from datetime import date

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from audit.services import audited_create
from changes.models import Change
from changes.rules import TOPIC_OF_AREA, Recipient, tell_by, who_needs_to_know
from circles.counterparts import current_circle
from commitments.models import Commitment
from commitments.services import commitment_create
from consent.models import Topic
from consent.rules import Fact
from consent.selectors import facts_for, verdict_for


@transaction.atomic
def change_record(*, actor: User, change: Change, request: HttpRequest | None = None) -> list[Commitment]:
    """Save the change and create an 'update owed' for each person who needs to know."""
    change.recorded_by = actor
    audited_create(
        actor=actor,
        record=change,
        summary=f"Recorded a change: {change.get_area_display().lower()} ({change.significance})",
        request=request,
    )
    person = change.person
    recipients = who_needs_to_know(
        area=change.area,
        significance=change.significance,
        circle=current_circle(person),
        key_worker=person.key_worker,
        recorded_by=actor,
    )
    topic = Topic.objects.filter(code=TOPIC_OF_AREA[change.area]).first()
    return [
        commitment_create(actor=actor, commitment=update, request=request)
        for update in updates_owed(change, recipients, actor, topic, facts_for(person))
    ]


def updates_owed(
    change: Change, recipients: list[Recipient], owner: User, topic: Topic | None, facts: list[Fact]
) -> list[Commitment]:
    """One unsaved update per recipient, flagged where consent does not yet allow telling them."""
    due = tell_by(change.significance, timezone.localtime(change.observed_at).date())
    now = timezone.now()
    updates = []
    for recipient in recipients:
        update = update_for(change, recipient, owner, due, topic)
        if recipient.relationship is not None and topic is not None:
            verdict = verdict_for(change.person, recipient.relationship, topic, at=now, facts=facts)
            update.needs_consent_check = not verdict.allowed
        updates.append(update)
    return updates


def update_for(
    change: Change, recipient: Recipient, owner: User, due: date, topic: Topic | None = None
) -> Commitment:
    return Commitment(
        person=change.person,
        kind=Commitment.Kind.UPDATE,
        title=f"Tell {recipient.name} about the change in {change.get_area_display().lower()}",
        details=change.description,
        owner=owner,
        due_on=due,
        owed_to_relationship=recipient.relationship,
        owed_to_staff=recipient.staff,
        needs_consent_check=recipient.relationship is not None,
        topic=topic,
        change=change,
    )

"""Logging a conversation, and what was promised in it, as one change."""

from collections.abc import Iterable
from datetime import date, datetime

from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest

from accounts.models import User
from audit.services import audited_create
from circles.counterparts import Counterpart
from circles.models import Relationship
from commitments.models import Commitment
from commitments.services import commitment_create
from consent.models import Topic
from consent.sharing import Override, share
from interactions.models import Interaction


def note_last_contact(relationship_id: int, when: datetime) -> None:
    """Move the relationship's last contact forward (never back: a conversation logged late
    for last week does not hide this morning's), in the conversation's own transaction."""
    Relationship.objects.filter(pk=relationship_id).filter(
        Q(last_contact_at__isnull=True) | Q(last_contact_at__lt=when)
    ).update(last_contact_at=when)


def record_last_contacts(relationships: QuerySet[Relationship] | None = None) -> int:
    """Set each relationship's last contact from its conversations in one statement (after
    bulk loads such as the demo and benchmark data, which skip `interaction_log`)."""
    latest = Interaction.objects.filter(relationship=OuterRef("pk")).order_by("-occurred_at")
    target = relationships if relationships is not None else Relationship.objects.all()
    return target.update(last_contact_at=Subquery(latest.values("occurred_at")[:1]))


@transaction.atomic
def interaction_log(
    *,
    actor: User,
    interaction: Interaction,
    counterpart: Counterpart,
    promise: str = "",
    promise_due: date | None = None,
    shared: Iterable[Topic] = (),
    override: Override | None = None,
    request: HttpRequest | None = None,
) -> Interaction:
    """Save the conversation, what was shared in it (checked against consent: ShareRefused
    rolls everything back) and what was promised."""
    interaction.staff = actor
    interaction.with_kind = counterpart.kind
    interaction.relationship = counterpart.relationship
    interaction.colleague = counterpart.colleague
    audited_create(
        actor=actor,
        record=interaction,
        summary=f"Logged {interaction.get_channel_display().lower()} with {interaction.counterpart}",
        request=request,
    )
    if counterpart.relationship is not None:
        note_last_contact(counterpart.relationship.pk, interaction.occurred_at)
    shared = list(shared)
    if shared and counterpart.relationship is not None:
        share(
            actor=actor,
            person=interaction.person,
            recipient=counterpart.relationship,
            topics=shared,
            channel=interaction.channel,
            override=override,
            interaction_id=interaction.pk,
            request=request,
        )
    if promise:
        assert promise_due is not None
        commitment_create(
            actor=actor,
            commitment=Commitment(
                person_id=interaction.person_id,
                kind=Commitment.Kind.PROMISE,
                title=promise,
                owner=actor,
                due_on=promise_due,
                owed_to_person=counterpart.kind == "person",
                owed_to_relationship=counterpart.relationship,
                owed_to_staff=counterpart.colleague,
                interaction=interaction,
            ),
            request=request,
        )
    return interaction

"""Recording that information was shared. Every path comes through `share`, which checks
consent at that moment; `Disclosure` refuses to be saved any other way.

The paths that record information leaving the team are listed in `DISCLOSURE_PATHS`; a test
checks it against every record a Disclosure can point to."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import Membership, User
from audit.models import AuditEvent
from audit.services import audit_record
from circles.models import Relationship
from consent.follow_up import keeper
from consent.models import ConsentRecord, Disclosure, SafetyOverride, Topic, through_the_gate
from consent.rules import Verdict
from consent.selectors import facts_for, verdict_for
from people.models import Person
from rapport.lib.bulk import insert_rows
from rapport.lib.dates import day

DISCLOSURE_PATHS = {
    "interactions.Interaction": "a conversation, with what was shared in it",
    "commitments.Commitment": "something owed to someone in the circle, closed as done "
    "(an update owed, an answered request, a referral followed up, a promise kept)",
    "consent.SharePack": "a share pack sent to a practitioner or partner",
    "feedback.Feedback": "a concern or complaint answered to someone in the circle",
}


@dataclass(frozen=True)
class Override:
    reason: str
    lawful_basis: str


class ShareRefused(Exception):
    """Consent does not allow it and no safety override was given; nothing was saved."""

    def __init__(self, refusals: list[tuple[Topic, Verdict]], person: Person) -> None:
        self.refusals = refusals
        self.person = person
        super().__init__("; ".join(f"{t.name}: {v.reason}" for t, v in refusals))

    def explain(self) -> list[str]:
        lines = [f"{topic.name}: {verdict.reason}" for topic, verdict in self.refusals]
        lines.append(
            f"You could ask {self.person.preferred_name} (or whoever decides for them) and record the "
            "decision on the consent page, share only what is agreed, or, if someone's safety is at "
            "risk, use the safety override and give the reason."
        )
        return lines


def warn_if_agreement_lapsed(request: HttpRequest, disclosures: Iterable[Disclosure]) -> None:
    """Sharing under a lapsed agreement is allowed but must not pass unnoticed."""
    lapsed = next((d for d in disclosures if d.agreement_lapsed_on), None)
    if lapsed is not None and lapsed.agreement_lapsed_on is not None:
        messages.warning(
            request,
            f"The data-sharing agreement with this partner lapsed on {day(lapsed.agreement_lapsed_on)}. "
            "The sharing is recorded as such; ask your manager to renew the agreement.",
        )


def _reviewer(person: Person, actor: User) -> User:
    """A team leader of the person's teams reviews every override (the actor if there is none)."""
    leader = (
        Membership.objects.filter(team__people=person, leads=True, user__is_active=True)
        .exclude(user=actor)
        .select_related("user")
        .order_by("user__first_name")
        .first()
    )
    return leader.user if leader else actor


@transaction.atomic
def share(
    *,
    actor: User,
    person: Person,
    recipient: Relationship,
    topics: Iterable[Topic],
    channel: str = "",
    override: Override | None = None,
    interaction_id: int | None = None,
    commitment_id: int | None = None,
    share_pack_id: int | None = None,
    feedback_id: int | None = None,
    request: HttpRequest | None = None,
) -> list[Disclosure]:
    topics = list(topics)
    now = timezone.now()
    facts = facts_for(person)
    verdicts = [(t, verdict_for(person, recipient, t, at=now, facts=facts)) for t in topics]
    refused = [(t, v) for t, v in verdicts if not v.allowed]
    safety: SafetyOverride | None = None
    if refused:
        if override is None or not override.reason.strip():
            raise ShareRefused(refused, person)
        safety = _record_override(actor, person, recipient, [t for t, _ in refused], override, request)
    organisation = recipient.party_organisation
    lapsed = organisation.agreement_lapsed_on(timezone.localdate()) if organisation else None
    disclosures = []
    for topic, verdict in verdicts:
        by_override = not verdict.allowed
        with through_the_gate():
            disclosure = Disclosure.objects.create(
                person=person,
                recipient=recipient,
                topic=topic,
                shared_at=now,
                by=actor,
                channel=channel,
                basis=Disclosure.Basis.OVERRIDE if by_override else Disclosure.Basis.CONSENT,
                consent_id=None if by_override else verdict.record_id,
                override=safety if by_override else None,
                interaction_id=interaction_id,
                commitment_id=commitment_id,
                share_pack_id=share_pack_id,
                feedback_id=feedback_id,
                agreement_lapsed_on=lapsed,
            )
        disclosures.append(disclosure)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=disclosure,
            person_id=person.pk,
            summary=(
                f"Shared {topic.name.lower()} with {recipient.party} "
                f"({disclosure.get_basis_display().lower()})"
            ),
            reason=(override.reason if by_override and override else "")
            + (f" Data-sharing agreement lapsed on {day(lapsed)}." if lapsed else ""),
            request=request,
        )
    return disclosures


def _record_override(
    actor: User,
    person: Person,
    recipient: Relationship,
    topics: list[Topic],
    override: Override,
    request: HttpRequest | None,
) -> SafetyOverride:
    """Every override is reviewed by a team leader: the review is opened, in this transaction,
    by the app that keeps consent's follow-up work (consent.follow_up)."""
    safety = SafetyOverride(
        person=person,
        recipient=recipient,
        reason=override.reason,
        lawful_basis=override.lawful_basis,
        by=actor,
    )
    safety.full_clean(exclude=["review"])
    safety.save()
    names = ", ".join(t.name.lower() for t in topics)
    keeper().open_override_review(
        actor=actor,
        safety=safety,
        title=f"Review the safety override: {names} shared with {recipient.party} without consent",
        owner=_reviewer(person, actor),
        due_on=timezone.localdate() + timedelta(days=1),
        request=request,
    )
    safety.save(update_fields=["review"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=safety,
        person_id=person.pk,
        summary=f"Safety override: shared {names} with {recipient.party} without consent",
        reason=f"{safety.get_lawful_basis_display()}: {override.reason}",
        request=request,
    )
    return safety


PAST_DISCLOSURE_COLUMNS = (
    "id",
    "person",
    "recipient",
    "topic",
    "shared_at",
    "by",
    "channel",
    "basis",
    "consent",
)


def record_past_disclosures(rows: Iterable[tuple[object, ...]]) -> int:
    """Synthetic history (the benchmark's lived-in service): sharing that happened before the
    records begin, in bulk. The gate still holds: each row must rest on a recorded agreement
    of the same person, recipient and topic, or nothing is written."""
    rows = list(rows)
    agreements: dict[object, list[int]] = {
        pk: key
        for pk, *key in ConsentRecord.objects.filter(decision=ConsentRecord.Decision.GIVEN).values_list(
            "pk", "person_id", "recipient_id", "topic_id"
        )
    }
    for row in rows:
        if row[7] != Disclosure.Basis.CONSENT or agreements.get(row[8]) != [row[1], row[2], row[3]]:
            raise ValueError(f"Past sharing {row[0]} does not rest on a recorded agreement.")
    with through_the_gate():
        return insert_rows(Disclosure, PAST_DISCLOSURE_COLUMNS, rows)

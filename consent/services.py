"""Recording consent decisions; a withdrawal or refusal cancels updates still owed (kept by
commitments, through consent.follow_up)."""

from collections.abc import Iterable

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record, audited_save
from circles.models import Relationship
from consent.follow_up import keeper
from consent.models import ConsentRecord, Topic
from people.models import Person


@transaction.atomic
def consent_record(
    *,
    actor: User,
    person: Person,
    recipient: Relationship,
    topics: Iterable[Topic],
    template: ConsentRecord,
    request: HttpRequest | None = None,
) -> list[ConsentRecord]:
    """One record per topic, copied from `template`. Returns them."""
    records = []
    for topic in topics:
        record = ConsentRecord(
            **{
                f.attname: getattr(template, f.attname)
                for f in ConsentRecord._meta.concrete_fields
                if f.attname != "id"
            }
        )
        record.person = person
        record.recipient = recipient
        record.topic = topic
        record.recorded_by = actor
        record.recorded_at = timezone.now()
        record.full_clean()
        record.save()
        records.append(record)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=record,
            person_id=person.pk,
            summary=f"Consent {record.get_decision_display().lower()}: {topic} to {recipient.party}",
            request=request,
        )
        if record.decision != ConsentRecord.Decision.GIVEN:
            keeper().cancel_updates_owed(actor=actor, record=record, request=request)
    return records


@transaction.atomic
def topic_save(*, actor: User, topic: Topic, changed: list[str], request: HttpRequest | None = None) -> Topic:
    """Administrators keep the topic list consent is asked about: every change is on the record."""
    verb = "Added" if topic.pk is None else "Changed"
    return audited_save(
        actor=actor,
        record=topic,
        fields=[f for f in changed if f != "code" or topic.pk is None],  # the code is fixed once used
        summary=f"{verb} consent topic {topic.name}",
        request=request,
    )


@transaction.atomic
def consent_record_each(
    *,
    actor: User,
    person: Person,
    recipient: Relationship,
    decisions: dict[Topic, str],
    template: ConsentRecord,
    request: HttpRequest | None = None,
) -> list[ConsentRecord]:
    """Different decisions about different topics for one recipient, recorded together (all
    or nothing), each as its own audited record."""
    records: list[ConsentRecord] = []
    for decision in ConsentRecord.Decision.values:
        topics = [topic for topic, chosen in decisions.items() if chosen == decision]
        if topics:
            template.decision = decision
            records += consent_record(
                actor=actor,
                person=person,
                recipient=recipient,
                topics=topics,
                template=template,
                request=request,
            )
    return records

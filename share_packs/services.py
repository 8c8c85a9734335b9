"""Sending a share pack: rebuilt at the moment of sending, logged topic by topic."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record
from circles.models import Relationship
from consent.models import SharePack, Topic
from consent.sharing import share
from people.models import Person
from share_packs.contents import build_pack
from share_packs.fhir import bundle_for


@transaction.atomic
def share_pack_send(
    *,
    actor: User,
    person: Person,
    recipient: Relationship,
    purpose: str,
    channel: str,
    sections: list[str],
    request: HttpRequest | None = None,
) -> SharePack:
    pack = build_pack(person, recipient, sections)
    if pack.is_empty:
        raise ValidationError("Nothing in the chosen sections may be shared with them, so nothing was sent.")
    record = SharePack.objects.create(
        person=person,
        recipient=recipient,
        purpose=purpose,
        channel=channel,
        content=pack.sections,
        removed=pack.removed,
        bundle=bundle_for(pack),
        by=actor,
    )
    share(
        actor=actor,
        person=person,
        recipient=recipient,
        topics=Topic.objects.filter(code__in=pack.topics),
        channel=channel,
        share_pack_id=record.pk,
        request=request,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.EXPORT,
        obj=record,
        person_id=person.pk,
        summary=f"Share pack sent to {recipient.party}: {purpose}",
        request=request,
    )
    return record

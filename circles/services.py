"""Changes to circles, contacts and organisations, each with its audit event."""

from datetime import date

from django.db import transaction
from django.http import HttpRequest

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record, audited_create, audited_update
from circles.models import Contact, Organisation, Relationship
from people.models import Person
from rapport.lib.concurrency import save_if_unchanged
from rapport.lib.dates import day


@transaction.atomic
def relationship_add(
    *,
    actor: User,
    person: Person,
    relationship: Relationship,
    party: Contact | Organisation,
    request: HttpRequest | None = None,
) -> Relationship:
    """Put a contact or organisation in a person's circle; a new party is saved first."""
    if party.pk is None:
        audited_create(actor=actor, record=party, summary=f"Added {party} to the directory", request=request)
    relationship.person = person
    if isinstance(party, Organisation):
        relationship.organisation = party
        relationship.group = Relationship.Group.PARTNER
    else:
        relationship.contact = party
        relationship.group = party.kind
    return audited_create(
        actor=actor,
        record=relationship,
        summary=f"Added {party} ({relationship.role}) to the circle",
        request=request,
    )


@transaction.atomic
def relationship_update(
    *,
    actor: User,
    relationship: Relationship,
    changed: list[str],
    expected_version: int,
    request: HttpRequest | None = None,
) -> Relationship:
    audited_update(
        actor=actor,
        record=relationship,
        changed=changed,
        expected_version=expected_version,
        summary=f"Changed {relationship.party} in the circle",
        person_id=relationship.person_id,
        request=request,
    )
    return relationship


@transaction.atomic
def relationship_end(
    *,
    actor: User,
    relationship: Relationship,
    on: date,
    reason: str,
    expected_version: int,
    request: HttpRequest | None = None,
) -> Relationship:
    """Relationships end; they are never deleted, so the record of who was involved stays."""
    relationship.ended_on = on
    relationship.end_reason = reason
    relationship.is_key_contact = False
    save_if_unchanged(
        relationship,
        expected_version=expected_version,
        fields=["ended_on", "end_reason", "is_key_contact"],
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.END,
        obj=relationship,
        person_id=relationship.person_id,
        summary=f"{relationship.party} left the circle on {day(on)}",
        reason=reason,
        request=request,
    )
    return relationship


@transaction.atomic
def directory_entry_create(
    *, actor: User, entry: Contact | Organisation, request: HttpRequest | None = None
) -> Contact | Organisation:
    return audited_create(
        actor=actor, record=entry, summary=f"Added {entry} to the directory", request=request
    )


@transaction.atomic
def directory_entry_update(
    *,
    actor: User,
    entry: Contact | Organisation,
    changed: list[str],
    expected_version: int,
    request: HttpRequest | None = None,
) -> Contact | Organisation:
    audited_update(
        actor=actor,
        record=entry,
        changed=changed,
        expected_version=expected_version,
        summary=f"Changed {entry}",
        request=request,
    )
    return entry

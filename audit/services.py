"""Writing audit events. Callers do this inside the same transaction as the change."""

from typing import Any

from django.db import models
from django.http import HttpRequest

from accounts.models import User
from audit.chain import append
from audit.models import AuditEvent
from rapport.lib.client_address import client_ip
from rapport.lib.concurrency import save_if_unchanged


def audit_record(
    *,
    actor: User,
    action: str,
    obj: models.Model,
    summary: str,
    person_id: int | None = None,
    request: HttpRequest | None = None,
    reason: str = "",
) -> AuditEvent:
    event = AuditEvent(
        actor=actor,
        action=action,
        person_id=person_id,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
        summary=summary[:255],
        reason=reason,
    )
    if request is not None:
        event.path = request.get_full_path()[:255]
        event.ip_address = client_ip(request)
        event.user_agent = request.META.get("HTTP_USER_AGENT", "")[:255]
    return append(event)


def audited_update(
    *,
    actor: User,
    record: Any,
    changed: list[str],
    expected_version: int,
    summary: str,
    person_id: int | None = None,
    request: HttpRequest | None = None,
    reason: str = "",
) -> None:
    """Save the changed fields of a versioned record unless someone saved first
    (StaleRecord), with its audit event. Call inside transaction.atomic().

    `changed` may name form-only or many-to-many fields; only the record's own stored
    fields are saved here (the caller sets many-to-many relations itself)."""
    stored = {f.name for f in record._meta.concrete_fields}
    fields = [f for f in changed if f in stored and f != "version"]
    save_if_unchanged(record, expected_version=expected_version, fields=fields)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=record,
        person_id=person_id,
        summary=summary,
        request=request,
        reason=reason,
    )


def audited_create(
    *,
    actor: User,
    record: Any,
    summary: str,
    person_id: int | None = None,
    request: HttpRequest | None = None,
    exclude: list[str] | None = None,
) -> Any:
    """Validate and save a new record with its audit event, filed under the person it is
    about (its own id for a person). Call inside transaction.atomic()."""
    record.full_clean(exclude=exclude)
    record.save()
    if person_id is None:
        person_id = record.pk if record._meta.label == "people.Person" else getattr(record, "person_id", None)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=record,
        person_id=person_id,
        summary=summary,
        request=request,
    )
    return record

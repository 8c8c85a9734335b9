"""Writing audit events. Callers do this inside the same transaction as the change.

audit is the foundation every app writes to, accounts included (it audits its own writes),
so the actor is typed as the user model `settings.AUTH_USER_MODEL` names, never imported
from accounts: django-stubs resolves its `_User` alias to that model for mypy, and nothing
of it exists at run time."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from audit.chain import append, append_many
from audit.models import AuditEvent
from rapport.lib.client_address import client_ip
from rapport.lib.concurrency import save_if_unchanged

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User


def audit_record(
    *,
    actor: "User",
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
    for name, value in _where(request).items():
        setattr(event, name, value)
    return append(event)


def audit_shown(
    *, actor: "User", people: Iterable[Any], summary: str, request: HttpRequest | None = None
) -> None:
    """Record that a list or search showed these people (their names or NHS numbers) to this
    member of staff: one event per person, so each record's access log shows it, written in
    a fixed number of statements."""
    ids = sorted({getattr(p, "pk", p) for p in people})
    where = _where(request)
    at = timezone.now()  # the one moment the list showed them all
    append_many(
        [
            AuditEvent(
                actor=actor,
                action=AuditEvent.Action.LIST,
                person_id=person_id,
                object_type="person",
                object_id=str(person_id),
                summary=summary[:255],
                at=at,
                **where,
            )
            for person_id in ids
        ]
    )


def _where(request: HttpRequest | None) -> dict[str, Any]:
    if request is None:
        return {}
    return {
        "path": request.get_full_path()[:255],
        "ip_address": client_ip(request),
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:255],
    }


def audited_update(
    *,
    actor: "User",
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
    columns = _columns_of(record, fields)
    before = _stored_values(record, columns)
    save_if_unchanged(record, expected_version=expected_version, fields=fields)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=record,
        person_id=person_id,
        summary=summary,
        request=request,
        reason="\n".join(filter(None, [reason, before_and_after(record, columns, before)])),
    )


def _columns_of(record: Any, fields: Iterable[str]) -> dict[str, str]:
    return {f: record._meta.get_field(f).attname for f in fields}


def _stored_values(record: Any, columns: dict[str, str]) -> dict[str, Any]:
    """What the database holds for these columns now (nothing for a record not yet saved)."""
    if record.pk is None:
        return {}
    return type(record)._default_manager.filter(pk=record.pk).values(*columns.values()).first() or {}


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> str:
    """ "what: old → new" for each entry that changed, as an audit event's detail."""

    def shown(value: Any) -> Any:
        return "—" if value in (None, "") else value

    return "; ".join(
        f"{key}: {shown(before.get(key))} → {shown(value)}"
        for key, value in after.items()
        if before.get(key) != value
    )


def before_and_after(record: Any, columns: dict[str, str], before: dict[str, Any]) -> str:
    """The changed fields of a record, by their labels, from `before` (column values)."""
    kept = {name: column for name, column in columns.items() if name != "updated_at"}
    label = {name: str(record._meta.get_field(name).verbose_name).capitalize() for name in kept}
    return changes_between(
        {label[name]: before.get(column) for name, column in kept.items()},
        {label[name]: getattr(record, column) for name, column in kept.items()},
    )


def audited_save(
    *, actor: "User", record: Any, fields: Iterable[str], summary: str, request: HttpRequest | None = None
) -> Any:
    """Validate and save a record that is not versioned (a team, a consent topic, the security
    policy), with an audit event naming each of `fields` that changed, before and after.
    Call inside transaction.atomic()."""
    new = record.pk is None or not type(record)._default_manager.filter(pk=record.pk).exists()
    columns = _columns_of(record, fields)
    before = {} if new else _stored_values(record, columns)
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE if new else AuditEvent.Action.UPDATE,
        obj=record,
        summary=summary,
        reason=before_and_after(record, columns, before),
        request=request,
    )
    return record


def audited_create(
    *,
    actor: "User",
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

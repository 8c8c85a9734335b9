"""Writing audit events. Callers do this inside the same transaction as the change."""

from django.db import models
from django.http import HttpRequest

from accounts.models import User
from audit.models import AuditEvent


def _client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR is the proxy's address behind gunicorn's proxy; gunicorn's
    # --forwarded-allow-ips makes it the client's, so we trust REMOTE_ADDR alone.
    return request.META.get("REMOTE_ADDR") or None


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
        event.ip_address = _client_ip(request)
        event.user_agent = request.META.get("HTTP_USER_AGENT", "")[:255]
    event.save()
    return event

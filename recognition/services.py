"""Recording thanks and recognition."""

from django.db import transaction
from django.http import HttpRequest

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record
from recognition.models import Recognition


@transaction.atomic
def recognition_give(
    *, actor: User, recognition: Recognition, request: HttpRequest | None = None
) -> Recognition:
    recognition.given_by = actor
    recognition.full_clean()
    recognition.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=recognition,
        person_id=recognition.person_id,
        summary=f"{recognition.get_kind_display()}: {recognition.recipient}",
        request=request,
    )
    return recognition

"""Recording thanks and recognition."""

from django.db import transaction
from django.http import HttpRequest

from accounts.models import User
from audit.services import audited_create
from recognition.models import Recognition


@transaction.atomic
def recognition_give(
    *, actor: User, recognition: Recognition, request: HttpRequest | None = None
) -> Recognition:
    recognition.given_by = actor
    return audited_create(
        actor=actor,
        record=recognition,
        summary=f"{recognition.get_kind_display()}: {recognition.recipient}",
        request=request,
    )

"""Signposting, with an optional follow-up on the worker's day."""

from datetime import date

from django.db import transaction
from django.http import HttpRequest

from accounts.models import User
from audit.services import audited_create
from commitments.models import Commitment
from commitments.services import commitment_create
from signposting.models import Service, Signposting


@transaction.atomic
def signpost(
    *,
    actor: User,
    signposting: Signposting,
    follow_up_on: date | None = None,
    request: HttpRequest | None = None,
) -> Signposting:
    signposting.by = actor
    audited_create(
        actor=actor,
        record=signposting,
        summary=f"Signposted {signposting.to_whom} to {signposting.service}",
        request=request,
    )
    if follow_up_on is not None:
        commitment_create(
            actor=actor,
            commitment=Commitment(
                person=signposting.person,
                kind=Commitment.Kind.PROMISE,
                title=f"Ask whether {signposting.service} helped",
                owner=actor,
                due_on=follow_up_on,
                owed_to_person=signposting.relationship is None,
                owed_to_relationship=signposting.relationship,
            ),
            request=request,
        )
    return signposting


@transaction.atomic
def service_add(*, actor: User, service: Service, request: HttpRequest | None = None) -> Service:
    """A new entry in the shared directory every team signposts from, on the record."""
    return audited_create(
        actor=actor, record=service, summary=f"Added {service} to the services directory", request=request
    )

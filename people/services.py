"""Changes to a person's record. Each is one transaction with its audit event."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.http import HttpRequest

from accounts.models import Team, User
from audit.models import AuditEvent
from audit.services import audit_record, audited_create, audited_update
from people.models import Person
from rapport.lib.concurrency import save_if_unchanged
from rapport.lib.dates import day
from rapport.lib.labels import field_label


def _labels(fields: Iterable[str]) -> str:
    return ", ".join(field_label(Person, f) for f in fields)


@transaction.atomic
def person_create(
    *, actor: User, person: Person, teams: Iterable[Team], request: HttpRequest | None = None
) -> Person:
    audited_create(
        actor=actor,
        record=person,
        summary=f"Added {person.preferred_name}",
        request=request,
        exclude=["teams"],
    )
    person.teams.set(teams)
    return person


@transaction.atomic
def person_update(
    *,
    actor: User,
    person: Person,
    changed: list[str],
    expected_version: int,
    teams: Iterable[Team] | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Person:
    """Save the changed fields unless someone else saved first (raises StaleRecord).
    Nothing is erased: the previous version stays in the history with the reason."""
    person._change_reason = reason  # type: ignore[attr-defined]  # read by django-simple-history
    audited_update(
        actor=actor,
        record=person,
        changed=[*changed, "updated_at"],
        expected_version=expected_version,
        summary=f"Changed {_labels(f for f in changed if f not in ('version', 'change_reason'))}",
        person_id=person.pk,
        request=request,
        reason=reason,
    )
    if "teams" in changed and teams is not None:
        person.teams.set(teams)
    return person


@transaction.atomic
def person_discharge(
    *,
    actor: User,
    person: Person,
    on: date,
    reason: str,
    expected_version: int,
    request: HttpRequest | None = None,
) -> Person:
    person.status = Person.Status.DISCHARGED
    person.discharged_on = on
    person.discharge_reason = reason
    save_if_unchanged(
        person,
        expected_version=expected_version,
        fields=["status", "discharged_on", "discharge_reason", "updated_at"],
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DISCHARGE,
        obj=person,
        person_id=person.pk,
        summary=f"Discharged on {day(on)}",
        reason=reason,
        request=request,
    )
    return person


@transaction.atomic
def person_readmit(
    *,
    actor: User,
    person: Person,
    on: date,
    expected_version: int,
    request: HttpRequest | None = None,
) -> Person:
    """Support starts again; the discharge stays in the record's history."""
    person.status = Person.Status.ACTIVE
    person.admitted_on = on
    person.discharged_on = None
    person.discharge_reason = ""
    save_if_unchanged(
        person,
        expected_version=expected_version,
        fields=["status", "admitted_on", "discharged_on", "discharge_reason", "updated_at"],
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READMIT,
        obj=person,
        person_id=person.pk,
        summary=f"Re-admitted from {day(on)}",
        request=request,
    )
    return person

"""What changed in a person's record, when and by whom, from django-simple-history."""

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from people.models import Person
from rapport.lib.labels import field_label

MAX_VERSIONS = 40


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    at: datetime
    by: str
    what: str
    fields: list[FieldChange]


def _show(value: Any) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def person_changes(person: Person) -> list[Change]:
    """Newest first: each saved version against the one before it."""
    versions = list(
        person.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : MAX_VERSIONS + 1
        ]
    )
    changes = []
    for newer, older in pairwise(versions):
        delta = newer.diff_against(older, excluded_fields=["teams", "updated_at"])
        fields = [
            FieldChange(
                label=field_label(Person, c.field).capitalize(),
                old=_show(c.old),
                new=_show(c.new),
            )
            for c in delta.changes
        ]
        if fields:
            changes.append(Change(newer.history_date, _by(newer), "Changed", fields))
    if versions and len(versions) <= MAX_VERSIONS:
        first = versions[-1]
        changes.append(Change(first.history_date, _by(first), "Record created", []))
    return changes


def _by(record: Any) -> str:
    return str(record.history_user) if record.history_user else "System"

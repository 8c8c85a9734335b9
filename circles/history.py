"""What changed in a person's record and circle, when and by whom.

Built from django-simple-history's stored versions in a fixed number of queries,
whatever the length of the history: versions are read in bulk and compared in Python.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from django.apps import apps
from django.db import models

from accounts.models import Team, User
from circles.models import Contact, Organisation, Relationship
from people.models import Person
from rapport.lib.labels import field_label

MAX_VERSIONS = 60
_SKIP = {"updated_at", "version", "teams"}


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
    # Whom a change in the circle was about, kept apart from `what` so a page can isolate
    # the name (dir="auto") and an export can join them: `summary`.
    who: str = ""

    @property
    def summary(self) -> str:
        return self.who + self.what


def _by(record: Any) -> str:
    return str(record.history_user) if record.history_user else "System"


class _Names:
    """Turns stored ids and codes into what a person reads."""

    def __init__(self, users: dict[int, str]) -> None:
        self.users = users

    def show(self, model: type[models.Model], name: str, value: Any) -> str:
        if value in (None, ""):
            return "—"
        if isinstance(value, bool):
            return "Yes" if value else "No"
        choices = getattr(model._meta.get_field(name), "choices", None)
        if choices:
            return str(dict(choices).get(value, value))
        if name == "key_worker":
            return self.users.get(value, "a former member of staff")
        return str(value)


def _diff(model: type[models.Model], newer: Any, older: Any, names: _Names) -> list[FieldChange]:
    delta = newer.diff_against(older, excluded_fields=_SKIP)
    return [
        FieldChange(
            field_label(model, c.field).capitalize(),
            names.show(model, c.field, c.old),
            names.show(model, c.field, c.new),
        )
        for c in delta.changes
    ]


def _team_changes(versions: list[Any]) -> dict[int, set[str]]:
    """Team names at each stored version of the person."""
    through = apps.get_model("people", "HistoricalPerson_teams")
    rows = through.objects.filter(history__in=[v.history_id for v in versions]).values_list(
        "history_id", "team_id"
    )
    names = dict(Team.objects.values_list("pk", "name"))
    teams: dict[int, set[str]] = defaultdict(set)
    for history_id, team_id in rows:
        teams[history_id].add(names.get(team_id, "a closed team"))
    return teams


def _person_changes(person: Person, names: _Names) -> list[Change]:
    versions = list(
        person.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : MAX_VERSIONS + 1
        ]
    )
    teams = _team_changes(versions)
    changes = []
    for newer, older in pairwise(versions):
        fields = _diff(Person, newer, older, names)
        before, after = teams.get(older.history_id, set()), teams.get(newer.history_id, set())
        if before != after and (before or after):
            fields.append(FieldChange("Teams", ", ".join(sorted(before)), ", ".join(sorted(after))))
        if fields:
            what = (
                f"Details changed: {newer.history_change_reason}"
                if newer.history_change_reason
                else "Details changed"
            )
            changes.append(Change(newer.history_date, _by(newer), what, fields))
    if versions and len(versions) <= MAX_VERSIONS:
        first = versions[-1]
        changes.append(Change(first.history_date, _by(first), "Record created", []))
    return changes


def _parties(versions: Iterable[Any]) -> dict[tuple[str, int], str]:
    contact_ids = {v.contact_id for v in versions if v.contact_id}
    organisation_ids = {v.organisation_id for v in versions if v.organisation_id}
    found = {("c", pk): str(c) for pk, c in Contact.objects.in_bulk(contact_ids).items()}
    found.update({("o", pk): o.name for pk, o in Organisation.objects.in_bulk(organisation_ids).items()})
    return found


def _circle_changes(person: Person, names: _Names) -> list[Change]:
    recent = list(
        Relationship.history.filter(person_id=person.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:MAX_VERSIONS]
    )
    parties = _parties(recent)
    by_relationship: dict[int, list[Any]] = defaultdict(list)
    for version in Relationship.history.filter(id__in={v.id for v in recent}).order_by(
        "history_date", "history_id"
    ):
        by_relationship[version.id].append(version)
    previous = {
        newer.history_id: older
        for versions in by_relationship.values()
        for older, newer in pairwise(versions)
    }
    changes = []
    for version in recent:
        key = ("c", version.contact_id) if version.contact_id else ("o", version.organisation_id)
        who = f"{parties.get(key, 'Someone')} ({version.role})"
        older = previous.get(version.history_id)
        if version.history_type == "+" or older is None:
            changes.append(Change(version.history_date, _by(version), " added to the circle", [], who))
            continue
        fields = _diff(Relationship, version, older, names)
        if fields:
            ended = version.ended_on and not older.ended_on
            what = " left the circle" if ended else ": circle details changed"
            changes.append(Change(version.history_date, _by(version), what, fields, who))
    return changes


def person_changes(person: Person) -> list[Change]:
    """Newest first: the person's details, teams and circle."""
    key_workers = User.objects.filter(pk__in=person.history.values("key_worker"))
    names = _Names({u.pk: u.display_name for u in key_workers})
    changes = _person_changes(person, names) + _circle_changes(person, names)
    return sorted(changes, key=lambda c: c.at, reverse=True)

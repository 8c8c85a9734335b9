"""Choosing a contact's organisation by searching the directory, not from a list of it all.

A select of every partner organisation drew 2,500 options on "Add a practitioner" and on a
contact's edit page at 20,000 people (215,000 Python calls, 57 ms) and grew with the
provider. The widget draws the one already chosen, "Not linked to an organisation", and a
search as you type (circles.views.organisation_choice) that offers ten at most.
"""

from typing import Any

from django import forms

from accounts.selectors import ids_among
from circles.models import Organisation

NOT_LINKED = "Not linked to an organisation"


class OrganisationPicker(forms.Widget):
    template_name = "circles/_organisation_picker.html"
    use_fieldset = True  # a group of choices under one legend, not one labelled control

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        ids = ids_among([value]) if value not in (None, "") else set()
        chosen = Organisation.objects.filter(pk__in=sorted(ids)).first() if ids else None
        context["widget"].update(chosen=chosen, not_linked=NOT_LINKED)
        return context

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name)

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_q" if id_ else id_

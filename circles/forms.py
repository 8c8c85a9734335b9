"""Input schemas for circles, contacts and organisations."""

import re
from collections.abc import Iterator
from datetime import date
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.forms import BoundField
from django.forms.utils import ErrorList

from accounts.models import User
from circles.access import contacts_visible_to
from circles.models import Contact, Organisation, Relationship
from circles.widgets import OrganisationPicker
from people.forms import DateInput
from rapport.lib.concurrency import VersionedFormMixin, version_field
from rapport.lib.dates import day
from rapport.lib.labels import name_the_empty_choice
from rapport.lib.phone import clean_phone

_ODS = re.compile(r"^[A-Z0-9]{3,10}$")

LEGAL_FIELDS = [
    "next_of_kin",
    "lpa_health_welfare",
    "lpa_property_finance",
    "deputy",
    "parental_responsibility",
]


class PhoneFormMixin(forms.Form):
    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""))


class ContactForm(PhoneFormMixin, forms.ModelForm[Contact]):
    class Meta:
        model = Contact
        fields = [
            "title",
            "given_name",
            "family_name",
            "form_of_address",
            "profession",
            "organisation",
            "phone",
            "email",
            "preferred_channel",
            "availability",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["phone"].widget.attrs.update(type="tel", autocomplete="off")
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        name_the_empty_choice(self.fields["preferred_channel"], "No preference recorded")
        if "organisation" in self.fields:
            organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
            # Checked on saving (one row); never listed (circles.widgets).
            organisation.queryset = Organisation.objects.only("id", "name")
            organisation.widget = OrganisationPicker()
            organisation.error_messages["invalid_choice"] = (
                "That organisation is not in the directory: search for it again,"
                " or leave the contact not linked."
            )
        if kind == Contact.Kind.FAMILY:
            del self.fields["profession"]
            del self.fields["organisation"]
        else:
            self.fields["family_name"].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("phone") or data.get("email")) and self.kind != Contact.Kind.FAMILY:
            self.add_error("phone", "Give a phone number or an email address so they can be reached.")
        return data


class ContactEditForm(VersionedFormMixin, ContactForm):
    pass


class OrganisationForm(PhoneFormMixin, forms.ModelForm[Organisation]):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "ods_code",
            "secure_channel",
            "secure_address",
            "phone",
            "address",
            "dsa_scope",
            "dsa_signed_on",
            "dsa_expires_on",
            "notes",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "dsa_scope": forms.Textarea(attrs={"rows": 2}),
            "dsa_signed_on": DateInput(),
            "dsa_expires_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget.attrs["type"] = "tel"
        self.fields["ods_code"].widget.attrs["autocapitalize"] = "characters"
        name_the_empty_choice(self.fields["kind"], "Choose a type")
        name_the_empty_choice(self.fields["secure_channel"], "None agreed yet")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        signed, expires = data.get("dsa_signed_on"), data.get("dsa_expires_on")
        if expires and not signed:
            self.add_error("dsa_signed_on", "Give the date the agreement was signed.")
        if signed and expires and expires <= signed:
            self.add_error("dsa_expires_on", "The agreement must expire after it was signed.")
        return data

    def clean_ods_code(self) -> str:
        code = self.cleaned_data.get("ods_code", "").strip().upper()
        if code and not _ODS.match(code):
            raise forms.ValidationError("An ODS code is 3 to 10 letters and digits, such as Y02494.")
        if code and Organisation.objects.filter(ods_code=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                "An organisation with this ODS code is already in the directory: choose it instead."
            )
        return code


class OrganisationEditForm(VersionedFormMixin, OrganisationForm):
    pass


class RelationshipForm(forms.ModelForm[Relationship]):
    class Meta:
        model = Relationship
        fields = [
            "role",
            *LEGAL_FIELDS,
            "is_key_contact",
            "kept_informed",
            "contact_channel",
            "contact_every_days",
            "started_on",
            "notes",
        ]
        widgets = {"started_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}
        labels = {"notes": "Notes about this relationship"}

    def __init__(self, *args: Any, group: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group
        if group != Relationship.Group.FAMILY:
            for name in LEGAL_FIELDS:
                del self.fields[name]
        name_the_empty_choice(self.fields["contact_channel"], "None agreed")
        name_the_empty_choice(self.fields["contact_every_days"], "No agreed rhythm")

    def clean_started_on(self) -> date:
        started: date = self.cleaned_data["started_on"]
        if self.instance.ended_on and started > self.instance.ended_on:
            raise forms.ValidationError("The start date cannot be after the end date.")
        return started


class RelationshipEditForm(VersionedFormMixin, RelationshipForm):
    pass


class EndRelationshipForm(forms.Form):
    ended_on = forms.DateField(label="Last day in the circle", widget=DateInput())
    reason = forms.CharField(label="Why it ended", max_length=200, required=False)
    version = version_field()

    def __init__(self, *args: Any, relationship: Relationship, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.relationship = relationship
        self.fields["version"].initial = relationship.version

    def clean_ended_on(self) -> date:
        ended: date = self.cleaned_data["ended_on"]
        if ended < self.relationship.started_on:
            raise forms.ValidationError(
                f"It started on {day(self.relationship.started_on)}; choose that day or later."
            )
        return ended


def existing_parties(user: User, group: str) -> QuerySet[Any]:
    """What may be chosen instead of entering someone new."""
    if group == Relationship.Group.PARTNER:
        return Organisation.objects.all()
    return contacts_visible_to(user).filter(kind=group)


class CircleAddition:
    """Adding to a circle: choose someone already known, or enter them once, here."""

    def __init__(self, data: Any, *, user: User, group: str) -> None:
        self.group = group
        self.choice = forms.Form(data, prefix="pick")
        self.choice.fields["existing"] = forms.ModelChoiceField(
            queryset=existing_parties(user, group),
            required=False,
            label="Already known",
            error_messages={"invalid_choice": "That choice is no longer available: search again."},
        )
        self.new: forms.ModelForm[Any]
        if group == Relationship.Group.PARTNER:
            self.new = OrganisationForm(data, prefix="new")
        else:
            self.new = ContactForm(data, prefix="new", kind=group)
        self.relationship = RelationshipForm(data, prefix="rel", group=group)

    @property
    def existing(self) -> Any:
        return self.choice.cleaned_data.get("existing") if self.choice.is_bound else None

    def is_valid(self) -> bool:
        ok = self.choice.is_valid() & self.relationship.is_valid()
        if ok and self.existing is not None:
            return True
        return self.new.is_valid() and ok

    @property
    def forms(self) -> list[forms.BaseForm]:
        return [self.choice, self.new, self.relationship]

    # One error summary for the three forms (includes/form_errors.html reads these), so the
    # page has one summary to focus, not one per form with the same id.
    @property
    def errors(self) -> bool:
        return any(f.errors for f in self.forms)

    def non_field_errors(self) -> ErrorList:
        errors = ErrorList()
        for f in self.forms:
            errors.extend(f.non_field_errors())
        return errors

    def __iter__(self) -> Iterator[BoundField]:
        for f in self.forms:
            yield from f

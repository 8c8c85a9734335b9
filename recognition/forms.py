"""Giving thanks and recognition."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from circles.counterparts import CounterpartField
from people.forms import DateInput
from people.models import Person
from recognition.models import Recognition


class _Given(forms.ModelForm[Recognition]):
    class Meta:
        model = Recognition
        fields = ["given_on", "what_for"]
        widgets = {"given_on": DateInput(), "what_for": forms.Textarea(attrs={"rows": 3})}

    def clean_given_on(self) -> date:
        day: date = self.cleaned_data["given_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("This cannot be in the future.")
        return day


class ThanksForm(_Given):
    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"] = CounterpartField(
            person=person, colleagues=False, include_person=False, label="Thanks to"
        )
        self.order_fields(["to", "given_on", "what_for"])
        self.fields[
            "what_for"
        ].help_text = "What they did, in a sentence: it helps the team say thank you well."

    def clean_to(self) -> Any:
        to = self.cleaned_data["to"]
        if to is None or to.relationship is None:
            raise forms.ValidationError("Choose someone from their circle.")
        return to


class RecognitionForm(_Given):
    pass

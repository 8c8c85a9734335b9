"""Recording an observed change."""

from datetime import datetime, timedelta
from typing import Any, cast

from django import forms
from django.utils import timezone

from changes.models import Change
from interactions.forms import DateTimeInput
from rapport.lib.labels import name_the_empty_choice


class ChangeForm(forms.ModelForm[Change]):
    class Meta:
        model = Change
        fields = ["area", "significance", "observed_at", "description", "action_taken"]
        widgets = {
            "observed_at": DateTimeInput(),
            "significance": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "action_taken": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_the_empty_choice(self.fields["area"], "Choose…")
        significance = cast(forms.ChoiceField, self.fields["significance"])
        significance.choices = Change.Significance.choices  # no empty radio button
        self.fields["observed_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["description"].help_text = "What is different from usual, in plain words."

    def clean_observed_at(self) -> datetime:
        when: datetime = self.cleaned_data["observed_at"]
        if when > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError("A change cannot be noticed in the future.")
        return when

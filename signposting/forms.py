"""The services directory and signposting someone to a service."""

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from circles.counterparts import CounterpartField
from commitments.forms import due_field
from people.forms import DateInput
from people.models import Person
from rapport.lib.concurrency import VersionedFormMixin
from rapport.lib.labels import name_the_empty_choice
from signposting.models import Service, Signposting


class ServiceForm(forms.ModelForm[Service]):
    website = forms.URLField(required=False, assume_scheme="https", help_text="For example www.example.org")

    class Meta:
        model = Service
        fields = ["name", "topic", "helps_with", "how_to_contact", "area", "website", "is_active"]
        widgets = {
            "helps_with": forms.Textarea(attrs={"rows": 3}),
            "how_to_contact": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_the_empty_choice(self.fields["topic"], "Choose…")


class ServiceEditForm(VersionedFormMixin, ServiceForm):
    pass


class SignpostingForm(forms.ModelForm[Signposting]):
    follow_up = forms.BooleanField(label="Follow up to see if it helped", required=False)
    follow_up_on = due_field("Follow up by")

    class Meta:
        model = Signposting
        fields = ["service", "signposted_on", "notes"]
        widgets = {"signposted_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"] = CounterpartField(person=person, colleagues=False, label="Who was signposted")
        service = self.fields["service"]
        service.queryset = Service.objects.filter(is_active=True)  # type: ignore[attr-defined]
        name_the_empty_choice(service, "Choose a service")
        self.fields["follow_up_on"].required = False
        self.fields["follow_up_on"].initial = timezone.localdate() + timedelta(days=14)
        self.order_fields(["to", "service", "signposted_on", "notes", "follow_up", "follow_up_on"])

    def clean_signposted_on(self) -> date:
        day: date = self.cleaned_data["signposted_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("This cannot be in the future.")
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("follow_up"):
            due = data.get("follow_up_on")
            if due is None:
                self.add_error("follow_up_on", "Say when to follow up.")
            elif due < timezone.localdate():
                self.add_error("follow_up_on", "Choose today or a later day.")
        return data

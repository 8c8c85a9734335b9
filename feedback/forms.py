"""Logging feedback, acknowledging a complaint, and closing it with what was learned."""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils import timezone

from accounts.models import User
from circles.counterparts import Counterpart, CounterpartField
from commitments.forms import OwnerField
from consent.forms_sharing import WhatWasSharedMixin
from feedback.models import Feedback
from people.forms import DateInput
from people.models import Person
from rapport.lib.concurrency import version_field


def _not_future(day: date) -> date:
    if day > timezone.localdate():
        raise forms.ValidationError("This cannot be in the future.")
    return day


class FeedbackForm(forms.ModelForm[Feedback]):
    class Meta:
        model = Feedback
        fields = ["kind", "from_name", "received_on", "channel", "about", "handler"]
        widgets = {
            "kind": forms.RadioSelect,
            "received_on": DateInput(),
            "about": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "kind": "Compliment, concern or complaint?",
            "from_name": "Their name, if someone else",
            "handler": "Who will handle it",
        }

    def __init__(self, *args: Any, person: Person, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = cast(forms.ChoiceField, self.fields["kind"])
        kind.choices = Feedback.Kind.choices
        self.fields["from_whom"] = CounterpartField(
            person=person, colleagues=False, other="Someone else", label="From"
        )
        self.fields["handler"] = OwnerField(person=person, label="Who will handle it", initial=user.pk)
        self.order_fields(["kind", "from_whom", "from_name", "received_on", "channel", "about", "handler"])

    def clean_received_on(self) -> date:
        return _not_future(self.cleaned_data["received_on"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        whom = data.get("from_whom")
        if whom and whom.kind == "other" and not data.get("from_name"):
            self.add_error("from_name", "Say who it came from.")
        return data

    def save(self, commit: bool = True) -> Feedback:
        feedback = super().save(commit=False)
        whom: Counterpart = self.cleaned_data["from_whom"]
        feedback.from_person = whom.kind == "person"
        feedback.from_relationship = whom.relationship
        if whom.kind != "other":
            feedback.from_name = ""
        return feedback


class AcknowledgeForm(forms.Form):
    acknowledged_on = forms.DateField(label="Acknowledged on", widget=DateInput())
    version = version_field()

    def __init__(self, *args: Any, feedback: Feedback, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.feedback = feedback
        self.initial.update(acknowledged_on=timezone.localdate(), version=feedback.version)

    def clean_acknowledged_on(self) -> date:
        day = _not_future(self.cleaned_data["acknowledged_on"])
        if day < self.feedback.received_on:
            raise forms.ValidationError("It cannot be acknowledged before it was received.")
        return day


class CloseFeedbackForm(WhatWasSharedMixin, forms.Form):
    responded_on = forms.DateField(label="Answered on", widget=DateInput())
    outcome = forms.CharField(label="Outcome", widget=forms.Textarea(attrs={"rows": 3}))
    learning = forms.CharField(
        label="What we learned",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the team will do differently, or what went well to keep doing.",
    )
    version = version_field()

    def __init__(self, *args: Any, feedback: Feedback, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.feedback = feedback
        self.initial.update(responded_on=timezone.localdate(), version=feedback.version)
        if feedback.kind == Feedback.Kind.COMPLIMENT:
            self.fields["responded_on"].label = "Passed on to the team on"
            self.fields["learning"].required = False
        # An answer to someone in the circle tells them about the person: the consent gate asks.
        answered = feedback.from_relationship if feedback.kind != Feedback.Kind.COMPLIMENT else None
        self.ask_what_was_shared(to=str(answered.party) if answered else None)

    def clean_responded_on(self) -> date:
        day = _not_future(self.cleaned_data["responded_on"])
        if day < self.feedback.received_on:
            raise forms.ValidationError("It cannot be answered before it was received.")
        return day

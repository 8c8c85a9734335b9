"""Input schemas for commitments."""

from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from circles.counterparts import CounterpartField, team_colleagues
from commitments.models import Commitment
from consent.forms_sharing import WhatWasSharedMixin
from people.forms import DateInput
from people.models import Person
from rapport.lib.concurrency import version_field
from rapport.lib.labels import name_the_empty_choice


def due_field(label: str = "Due") -> forms.DateField:
    return forms.DateField(
        label=label, widget=DateInput(), initial=lambda: timezone.localdate() + timedelta(days=1)
    )


def _not_in_the_past(day: date) -> date:
    if day < timezone.localdate():
        raise forms.ValidationError("Choose today or a later day.")
    return day


def possible_owners(commitment: Commitment) -> QuerySet[User]:
    """Staff who can see the person, or for an action about no one, the meeting's team."""
    if commitment.person is not None:
        return OwnerField(person=commitment.person).queryset  # type: ignore[return-value]
    if commitment.meeting is None:
        return User.objects.filter(pk=commitment.owner_id)
    return User.objects.filter(is_active=True, memberships__team_id=commitment.meeting.team_id).distinct()


class OwnerField(forms.ModelChoiceField):
    """Only staff who can see the person may own what is owed to or about them."""

    def __init__(self, *, person: Person, **kwargs: Any) -> None:
        colleagues = [u.pk for u in team_colleagues(person)]
        super().__init__(queryset=User.objects.filter(pk__in=colleagues), **kwargs)


class CommitmentForm(forms.ModelForm[Commitment]):
    class Meta:
        model = Commitment
        fields = ["kind", "title", "owner", "due_on", "details"]
        widgets = {"details": forms.Textarea(attrs={"rows": 3})}
        labels = {"owner": "Who will do it"}

    def __init__(self, *args: Any, person: Person, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owed_to"] = CounterpartField(person=person, allow_none=True, label="Owed to")
        self.fields["owner"] = OwnerField(person=person, label="Who will do it", initial=user.pk)
        self.fields["due_on"] = due_field()
        self.order_fields(["kind", "title", "owed_to", "owner", "due_on", "details"])
        self.fields["title"].widget.attrs["placeholder"] = "e.g. Ring Joan back about the hospital letter"

    def clean_due_on(self) -> date:
        return _not_in_the_past(self.cleaned_data["due_on"])

    def save(self, commit: bool = True) -> Commitment:
        commitment = super().save(commit=False)
        owed = self.cleaned_data.get("owed_to")
        commitment.owed_to_person = bool(owed and owed.kind == "person")
        commitment.owed_to_relationship = owed.relationship if owed else None
        commitment.owed_to_staff = owed.colleague if owed else None
        return commitment


class CloseForm(WhatWasSharedMixin, forms.Form):
    status = forms.ChoiceField(
        label="What happened",
        choices=[(Commitment.Status.DONE, "Done"), (Commitment.Status.CANCELLED, "No longer needed")],
        widget=forms.RadioSelect,
        initial=Commitment.Status.DONE,
    )
    outcome = forms.CharField(
        label="Outcome",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What was done or said, or why it is no longer needed.",
    )
    version = version_field()

    def __init__(self, *args: Any, commitment: Commitment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ask_what_was_shared(
            to=commitment.owed_to if commitment.is_owed_outward else None,
            topic_fixed=commitment.topic_id is not None,
        )
        self.order_fields(["status", "outcome", "shared_topics", "nothing_shared"])

    def sharing_applies(self, data: dict[str, Any]) -> bool:
        return data.get("status") == Commitment.Status.DONE


class ReassignForm(forms.Form):
    owner = forms.ModelChoiceField(label="Who will do it", queryset=User.objects.none())
    due_on = due_field()
    note = forms.CharField(
        label="Handover note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What the new owner needs to know.",
    )
    version = version_field()

    def __init__(self, *args: Any, commitment: Commitment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commitment = commitment
        owner = cast(forms.ModelChoiceField, self.fields["owner"])
        owner.queryset = possible_owners(commitment)
        name_the_empty_choice(owner, "Choose a colleague")
        self.initial.update(owner=commitment.owner_id, due_on=commitment.due_on, version=commitment.version)

    def clean_due_on(self) -> date:
        day: date = self.cleaned_data["due_on"]
        # Overdue work is handed over as it stands (someone went off sick): keeping its
        # due date is allowed; only a new date must not be in the past.
        return day if day == self.commitment.due_on else _not_in_the_past(day)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("owner") == self.commitment.owner and data.get("due_on") == self.commitment.due_on:
            raise forms.ValidationError("Choose a different person or a different due date.")
        return data

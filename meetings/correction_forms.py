"""The forms for correcting a meeting record and adding a late action."""

from typing import Any, cast

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import User
from circles.access import contacts_visible_to
from circles.selectors import organisation_search
from interactions.forms import DateTimeInput
from meetings.forms import ActionForm, staff_offered
from meetings.models import Meeting
from rapport.lib.concurrency import VersionedFormMixin

REASON_HELP = "Everyone who reads the record sees this beside the correction."


def _choosable_or_already_there(choosable: QuerySet[Any], meeting: Meeting, name: str) -> QuerySet[Any]:
    """What this person may choose, and whoever the record already names: a correction
    must not drop an attendee just because the corrector could not have chosen them."""
    current = getattr(meeting, name).values("pk")
    return choosable.model._default_manager.filter(Q(pk__in=choosable.values("pk")) | Q(pk__in=current))


class CorrectionForm(VersionedFormMixin, forms.ModelForm[Meeting]):
    reason = forms.CharField(
        label="Why is this record being corrected?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
        error_messages={"required": "Say why the record is being corrected."},
    )

    class Meta:
        model = Meeting
        # Not the type, team, supervisee or people discussed: those decide who may read the
        # record, and a correction must not move it out of the sight of its readers.
        fields = ["title", "held_at", "location", "staff", "contacts", "organisations", "notes"]
        widgets = {
            "held_at": DateTimeInput(),
            "staff": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meeting = self.instance
        # The form shows minutes: seconds in the stored time must not count as a change.
        self.initial["held_at"] = timezone.localtime(meeting.held_at).replace(second=0, microsecond=0)
        choices = {
            "staff": staff_offered(user, team=meeting.team_id, chosen=self["staff"].value() or []),
            "contacts": contacts_visible_to(user),
            "organisations": organisation_search(),
        }
        for name, choosable in choices.items():
            field = cast(forms.ModelMultipleChoiceField, self.fields[name])
            field.queryset = _choosable_or_already_there(choosable, meeting, name)


class LateActionForm(ActionForm):
    why = forms.CharField(
        label="Why is it added now?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: agreed at the meeting but left out of the notes.",
        error_messages={"required": "Say why this action is added after the meeting."},
    )

    def __init__(self, *args: Any, user: User, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, user=user, discussed=meeting.people.all(), team=meeting.team_id, **kwargs)
        for name, missing in [
            ("title", "Say what is to be done."),
            ("owner", "Say who will do it."),
            ("due_on", "Say by when."),
        ]:
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = missing

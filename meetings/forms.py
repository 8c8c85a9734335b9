"""Recording a meeting: who, about whom, decisions one per line, and actions."""

from datetime import date
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Team, User
from circles.access import contacts_visible_to
from circles.models import Contact, Relationship
from commitments.forms import due_field
from interactions.forms import DateTimeInput
from meetings.models import Meeting
from people.access import people_visible_to
from people.forms import teams_assignable_by
from people.models import Person
from rapport.lib.labels import name_the_empty_choice


def staff_of(teams: QuerySet[Team]) -> QuerySet[User]:
    return User.objects.filter(is_active=True, memberships__team__in=teams).distinct().order_by("first_name")


class MeetingForm(forms.ModelForm[Meeting]):
    decisions = forms.CharField(
        label="Decisions",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One decision per line.",
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title",
            "team",
            "held_at",
            "location",
            "people",
            "staff",
            "contacts",
            "supervisee",
            "notes",
        ]
        widgets = {
            "held_at": DateTimeInput(),
            "staff": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = teams_assignable_by(user)
        cast(forms.ModelChoiceField, self.fields["team"]).queryset = teams
        cast(forms.ModelMultipleChoiceField, self.fields["people"]).queryset = people_visible_to(user)
        cast(forms.ModelMultipleChoiceField, self.fields["contacts"]).queryset = contacts_visible_to(user)
        cast(forms.ModelMultipleChoiceField, self.fields["staff"]).queryset = staff_of(teams)
        supervisee = cast(forms.ModelChoiceField, self.fields["supervisee"])
        supervisee.queryset = staff_of(teams)
        name_the_empty_choice(supervisee, "Not a supervision")
        name_the_empty_choice(self.fields["kind"], "Choose…")
        if len(teams) == 1:
            self.fields["team"].initial = teams[0].pk
        self.fields["held_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["staff"].initial = [user.pk]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Meeting.Kind.SUPERVISION and not data.get("supervisee"):
            self.add_error("supervisee", "Say whose supervision this is.")
        if data.get("supervisee") and data.get("kind") != Meeting.Kind.SUPERVISION:
            self.add_error("supervisee", "Only a supervision has a supervisee.")
        return data

    def decision_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("decisions", "").splitlines() if line.strip()]


class ActionForm(forms.Form):
    title = forms.CharField(label="Action", max_length=200, required=False)
    owner = forms.ModelChoiceField(label="Who", queryset=User.objects.none(), required=False)
    due_on = due_field("By")
    about = forms.ModelChoiceField(label="About", queryset=Person.objects.none(), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["owner"]).queryset = staff_of(teams_assignable_by(user))
        about = cast(forms.ModelChoiceField, self.fields["about"])
        about.queryset = people_visible_to(user)
        name_the_empty_choice(about, "No one in particular")
        name_the_empty_choice(self.fields["owner"], "Choose…")
        self.fields["due_on"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("title"):
            if not data.get("owner"):
                self.add_error("owner", "Say who will do it.")
            due: date | None = data.get("due_on")
            if due is None:
                self.add_error("due_on", "Say by when.")
            elif due < timezone.localdate():
                self.add_error("due_on", "Choose today or a later day.")
        return data


# absolute_max bounds how many forms a posted TOTAL_FORMS can make Django build (its
# default allows a thousand more than max_num: slow pages from one hostile number).
ActionFormSet = forms.formset_factory(ActionForm, extra=3, max_num=20, absolute_max=20, validate_max=True)


def contacts_of(people: list[Person]) -> list[Contact]:
    return list(
        Contact.objects.filter(relationships__in=Relationship.objects.current().filter(person__in=people))
        .distinct()
        .order_by("kind", "family_name")
    )

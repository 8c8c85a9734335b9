"""Recording a meeting: who, about whom, its decisions and actions, as many rows as needed."""

from collections.abc import Iterable
from datetime import date
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.selectors import offers_staff_by_team
from accounts.selectors import staff_offered as offered
from circles.access import contacts_visible_to
from circles.models import Contact, Organisation, Relationship
from circles.selectors import organisation_search
from commitments.forms import due_field
from interactions.forms import DateTimeInput
from meetings.models import Meeting
from people.access import people_visible_to
from people.forms import teams_assignable_by
from people.models import Person
from rapport.lib.ids import ids_among
from rapport.lib.labels import name_the_empty_choice


def staff_offered(user: User, *, team: object = None, chosen: Iterable[object] = ()) -> QuerySet[User]:
    """The staff a meeting's lists offer: the user's own teams', the meeting team's, and
    whoever is already chosen (accounts.selectors.staff_offered says why)."""
    return offered(user, choosable=teams_assignable_by(user), teams=[team], chosen=chosen)


class MeetingForm(forms.ModelForm[Meeting]):
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
            "organisations",
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
        # Partner organisations are a directory every member of staff may use (circles.access).
        cast(forms.ModelMultipleChoiceField, self.fields["organisations"]).queryset = organisation_search()
        if len(teams) == 1:
            self.fields["team"].initial = teams[0].pk
        self.fields["held_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["staff"].initial = [user.pk]
        # Read after the initial values are set: a bound field keeps the first it sees.
        self.team_chosen = self["team"].value()
        staff = cast(forms.ModelMultipleChoiceField, self.fields["staff"])
        staff.queryset = staff_offered(user, team=self.team_chosen, chosen=self["staff"].value() or [])
        supervisee = cast(forms.ModelChoiceField, self.fields["supervisee"])
        supervisee.queryset = staff_offered(user, team=self.team_chosen, chosen=[self["supervisee"].value()])
        name_the_empty_choice(supervisee, "Not a supervision")
        name_the_empty_choice(self.fields["kind"], "Choose…")
        self.staff_follow_team = offers_staff_by_team(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Meeting.Kind.SUPERVISION and not data.get("supervisee"):
            self.add_error("supervisee", "Say whose supervision this is.")
        if data.get("supervisee") and data.get("kind") != Meeting.Kind.SUPERVISION:
            self.add_error("supervisee", "Only a supervision has a supervisee.")
        return data


class DecisionForm(forms.Form):
    text = forms.CharField(
        label="Decision", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # On a correction: which standing decision this row is (checked against the meeting).
    decision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


People = QuerySet[Person] | list[Person]
NOT_DISCUSSED = "Choose someone among the people discussed, or “No one in particular”."


class ActionForm(forms.Form):
    title = forms.CharField(label="Action", max_length=200, required=False)
    owner = forms.ModelChoiceField(label="Who", queryset=User.objects.none(), required=False)
    due_on = due_field("By")
    about = forms.ModelChoiceField(
        label="About",
        queryset=Person.objects.none(),
        required=False,
        error_messages={"invalid_choice": NOT_DISCUSSED},
    )

    def __init__(self, *args: Any, user: User, discussed: People, team: object = None, **kwargs: Any) -> None:
        """`discussed`: the people the meeting discussed, each already one this member of
        staff may see. An action is about one of them (meetings.services checks it too), so
        "About" offers only them: a handful, where every person the user may see was
        thousands of options in each row. `team`: the meeting's, whose staff "Who" offers
        (staff_offered)."""
        super().__init__(*args, **kwargs)
        owner = cast(forms.ModelChoiceField, self.fields["owner"])
        owner.queryset = staff_offered(user, team=team, chosen=[self["owner"].value()])
        about = cast(forms.ModelChoiceField, self.fields["about"])
        if isinstance(discussed, QuerySet):
            about.queryset = discussed
        else:
            about.queryset = Person.objects.filter(pk__in=[p.pk for p in discussed])
        name_the_empty_choice(about, "No one in particular")
        name_the_empty_choice(self.fields["owner"], "Choose…")
        self.fields["due_on"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("title"):
            if not data.get("owner") and not self.has_error("owner"):
                self.add_error("owner", "Say who will do it.")
            due: date | None = data.get("due_on")
            if due is None:
                if not self.has_error("due_on"):
                    self.add_error("due_on", "Say by when.")
            elif due < timezone.localdate():
                self.add_error("due_on", "Choose today or a later day.")
        return data


# absolute_max bounds how many forms a posted TOTAL_FORMS can make Django build (its
# default allows a thousand more than max_num: slow pages from one hostile number).
MAX_ACTIONS = 20
MAX_DECISIONS = 30
ActionFormSet = forms.formset_factory(
    ActionForm, extra=1, max_num=MAX_ACTIONS, absolute_max=MAX_ACTIONS, validate_max=True
)
DecisionFormSet = forms.formset_factory(
    DecisionForm, extra=1, max_num=MAX_DECISIONS, absolute_max=MAX_DECISIONS, validate_max=True
)


def decision_texts(decisions: forms.BaseFormSet[DecisionForm]) -> list[str]:
    return [d["text"].strip() for d in decisions.cleaned_data if d.get("text", "").strip()]


def contacts_of(people: list[Person]) -> list[Contact]:
    return list(
        Contact.objects.filter(relationships__in=Relationship.objects.current().filter(person__in=people))
        .distinct()
        .order_by("kind", "family_name")
    )


def organisations_of(people: list[Person]) -> list[Organisation]:
    """Partner organisations in the circles of the people discussed: the likely attendees."""
    return list(
        Organisation.objects.filter(
            relationships__in=Relationship.objects.current().filter(person__in=people)
        )
        .distinct()
        .order_by("name")
    )


def chosen(form: forms.BaseForm, name: str) -> set[str]:
    """The ids ticked for a many-to-many field, as the strings the checkboxes carry."""
    return {str(pk) for pk in ids_among(form[name].value() or [])}

"""Input schemas for the people pages; every message says what to do next."""

from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Team, User
from accounts.selectors import offers_staff_by_team, staff_offered
from people.access import people_visible_to
from people.models import Person
from people.nhs import normalise_nhs_number
from rapport.lib.concurrency import VersionedFormMixin, version_field
from rapport.lib.dates import day
from rapport.lib.labels import name_the_empty_choice
from rapport.lib.search_text import folded


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def teams_assignable_by(user: User) -> QuerySet[Team]:
    if user.is_administrator:
        return Team.objects.filter(is_active=True)
    return Team.objects.of(user).filter(is_active=True)


class PersonForm(forms.ModelForm[Person]):
    # Wider than the stored 10 digits: people type the spaces printed on NHS letters.
    nhs_number = forms.CharField(label="NHS number", max_length=20, required=False)
    not_a_duplicate = forms.BooleanField(
        label="This is a different person from the one already recorded", required=False
    )

    class Meta:
        model = Person
        fields = [
            "preferred_name",
            "legal_given_names",
            "legal_family_name",
            "pronouns",
            "date_of_birth",
            "nhs_number",
            "first_language",
            "interpreter_needed",
            "communication_needs",
            "what_matters",
            "beliefs_and_culture",
            "routines_and_choices",
            "teams",
            "key_worker",
            "review_date",
        ]
        widgets = {
            "date_of_birth": DateInput(),
            "review_date": DateInput(),
            "teams": forms.CheckboxSelectMultiple,
            "communication_needs": forms.Textarea(attrs={"rows": 3}),
            "what_matters": forms.Textarea(attrs={"rows": 4}),
            "beliefs_and_culture": forms.Textarea(attrs={"rows": 3}),
            "routines_and_choices": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        # The teams as ids, read once: a union of the two querysets was one query of every
        # team's people and members, and the key workers' choices then ran it again twice
        # (about 75 ms at 20,000 people).
        team_ids = set(teams_assignable_by(user).values_list("pk", flat=True))
        supported_by = set(self.instance.teams.values_list("pk", flat=True)) if self.instance.pk else set()
        team_ids |= supported_by
        teams = Team.objects.filter(pk__in=sorted(team_ids))
        cast(forms.ModelMultipleChoiceField, self.fields["teams"]).queryset = teams
        self.fields["teams"].label = "Teams that support them"
        self.fields["teams"].help_text = "The teams that support this person can see the record."
        if not self.instance.pk and len(team_ids) == 1:
            self.fields["teams"].initial = sorted(team_ids)
        # Read after the initial values are set: a bound field keeps the first it sees.
        key_worker = cast(forms.ModelChoiceField, self.fields["key_worker"])
        key_worker.queryset = staff_offered(
            user, choosable=teams, teams=self["teams"].value() or [], chosen=[self["key_worker"].value()]
        )
        self.staff_follow_teams = offers_staff_by_team(user)
        self.fields["key_worker"].help_text = "Must work in one of the person's teams."
        name_the_empty_choice(self.fields["key_worker"], "No key worker yet")
        self.fields["nhs_number"].help_text = "10 digits, for example 943 476 5919."
        self.fields["nhs_number"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        self.fields["preferred_name"].widget.attrs["autocomplete"] = "off"

    def clean_nhs_number(self) -> str:
        digits = normalise_nhs_number(self.cleaned_data.get("nhs_number", ""))
        if digits:
            # Only records this member of staff may see are compared: a record in another
            # team must not be revealed (administrators see possible duplicates instead).
            taken = people_visible_to(self.user).filter(nhs_number=digits).exclude(pk=self.instance.pk)
            if taken.exists():
                raise forms.ValidationError(
                    "Another record already has this NHS number. Search for the person "
                    "before adding them again, or check the number.",
                    code="nhs_duplicate",
                )
        return digits

    def clean_date_of_birth(self) -> date | None:
        born = self.cleaned_data.get("date_of_birth")
        if born is not None:
            if born > timezone.localdate():
                raise forms.ValidationError("The date of birth cannot be in the future.")
            if born.year < 1900:
                raise forms.ValidationError("Check the year: it is before 1900.")
        return born

    def clean_review_date(self) -> date | None:
        review = self.cleaned_data.get("review_date")
        if review is not None and "review_date" in self.changed_data and review < timezone.localdate():
            raise forms.ValidationError("Choose a review date from today onwards.")
        return review

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        teams = data.get("teams")
        if teams is not None and not self.user.is_administrator:
            own = set(teams_assignable_by(self.user).values_list("pk", flat=True))
            if not any(t.pk in own for t in teams):
                self.add_error(
                    "teams",
                    "Keep at least one of your own teams, or you could no longer see this record.",
                )
        key_worker = data.get("key_worker")
        if key_worker is not None and teams and not key_worker.memberships.filter(team__in=teams).exists():
            self.add_error("key_worker", "The key worker must be in one of the chosen teams.")
        self._warn_of_a_namesake(data)
        return data

    def _warn_of_a_namesake(self, data: dict[str, Any]) -> None:
        """A new person with the same names and date of birth as someone this worker can see
        is probably already recorded: say so once, and save on a second, deliberate try.
        Only people the worker may see are compared (no record of another team is revealed)."""
        if self.instance.pk or "not_a_duplicate" not in self.fields or data.get("not_a_duplicate"):
            return
        born = data.get("date_of_birth")
        if born is None or not data.get("legal_family_name"):
            return
        first_name = (data.get("legal_given_names") or "").split()[:1]
        namesake = (
            people_visible_to(self.user)
            .filter(date_of_birth=born, search_text__contains=folded(data["legal_family_name"]))
            .filter(search_text__contains=folded(" ".join(first_name)))
            .first()
        )
        if namesake is not None:
            self.add_error(
                "not_a_duplicate",
                f"{namesake.legal_name}, born {day(born)}, is already supported by your teams. "
                "Open their record instead, or tick this if this is a different person.",
            )


class PersonEditForm(VersionedFormMixin, PersonForm):
    not_a_duplicate = None  # type: ignore[assignment]  # only a new record can duplicate one
    change_reason = forms.CharField(
        label="Why are you changing this?",
        max_length=100,
        help_text="For example: corrected a spelling; new information from the GP. Kept with the history.",
    )


class DischargeForm(forms.Form):
    discharged_on = forms.DateField(label="Date of discharge", widget=DateInput())
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: moved to a nursing home; family now caring; died.",
    )
    version = version_field()

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["discharged_on"].initial = timezone.localdate()
        self.fields["version"].initial = person.version

    def clean_discharged_on(self) -> date:
        discharged: date = self.cleaned_data["discharged_on"]
        if discharged > timezone.localdate():
            raise forms.ValidationError("The discharge date cannot be in the future.")
        if discharged < self.person.admitted_on:
            raise forms.ValidationError(
                f"The discharge date cannot be before admission ({day(self.person.admitted_on)})."
            )
        return discharged


class ReadmitForm(forms.Form):
    admitted_on = forms.DateField(label="Date support starts again", widget=DateInput())
    version = version_field()

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["admitted_on"].initial = timezone.localdate()
        self.fields["version"].initial = person.version

    def clean_admitted_on(self) -> date:
        day: date = self.cleaned_data["admitted_on"]
        if self.person.discharged_on and day < self.person.discharged_on:
            raise forms.ValidationError("Support cannot start again before the discharge date.")
        if day > timezone.localdate() + timedelta(days=365):
            raise forms.ValidationError("Choose a date within the next year.")
        return day


class PersonSearchForm(forms.Form):
    q = forms.CharField(label="Find a person", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Showing",
        required=False,
        choices=[("active", "Receiving support"), ("discharged", "Discharged"), ("all", "Everyone")],
    )
    team = forms.ModelChoiceField(
        label="Team", required=False, queryset=Team.objects.none(), empty_label="All my teams"
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["team"]).queryset = teams_assignable_by(user)
        self.fields["q"].widget.attrs.update(
            type="search", autocomplete="off", placeholder="Any name or NHS number"
        )

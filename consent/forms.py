"""Recording a consent decision for one recipient and one or more topics."""

from datetime import date
from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils import timezone

from circles.counterparts import CounterpartField
from circles.models import Relationship
from consent.models import ConsentRecord, Topic
from people.forms import DateInput
from people.models import Person
from rapport.lib.labels import name_the_empty_choice


class ConsentForm(forms.ModelForm[ConsentRecord]):
    topics = forms.ModelMultipleChoiceField(
        label="Topics this decision covers",
        queryset=Topic.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ConsentRecord
        fields = [
            "decision",
            "how",
            "decided_on",
            "review_on",
            "lacks_capacity",
            "capacity_assessment",
            "best_interests",
            "authority",
            "notes",
        ]
        widgets = {
            "decision": forms.RadioSelect,
            "decided_on": DateInput(),
            "review_on": DateInput(),
            "capacity_assessment": forms.Textarea(attrs={"rows": 3}),
            "best_interests": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient"] = CounterpartField(
            person=person, colleagues=False, include_person=False, label="Who may (or may not) be told"
        )
        cast(forms.ChoiceField, self.fields["decision"]).choices = ConsentRecord.Decision.choices
        authority = cast(forms.ModelChoiceField, self.fields["authority"])
        authority.queryset = person.relationships.filter(
            Q(lpa_health_welfare=True)
            | Q(lpa_property_finance=True)
            | Q(deputy=True)
            | Q(parental_responsibility=True)
        ).select_related("contact")
        name_the_empty_choice(authority, "No one holds legal authority")
        name_the_empty_choice(self.fields["how"], "Choose…")
        self.fields[
            "capacity_assessment"
        ].help_text = "Who assessed capacity for this decision, when, and what they found."
        self.order_fields(["recipient", "topics", "decision", "how", "decided_on", "review_on"])

    def clean_decided_on(self) -> date:
        day: date = self.cleaned_data["decided_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The decision cannot be dated in the future.")
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        review, decided = data.get("review_on"), data.get("decided_on")
        if review and decided and review < decided:
            self.add_error("review_on", "The review cannot be before the decision.")
        if data.get("lacks_capacity"):
            if not data.get("capacity_assessment"):
                self.add_error("capacity_assessment", "Record the capacity assessment for this decision.")
            if not data.get("best_interests") and not data.get("authority"):
                self.add_error(
                    "best_interests",
                    "Record the best-interests decision, or who holds legal authority to decide.",
                )
        if data.get("how") == ConsentRecord.How.AUTHORITY and not data.get("authority"):
            self.add_error("authority", "Say who holds the legal authority.")
        return data

    @property
    def recipient(self) -> Relationship:
        relationship = self.cleaned_data["recipient"].relationship
        assert relationship is not None
        return cast(Relationship, relationship)

    def clean_recipient(self) -> Any:
        chosen = self.cleaned_data["recipient"]
        if chosen is None or chosen.relationship is None:
            raise forms.ValidationError("Choose someone from their circle.")
        return chosen


KEEP = ""


class RecipientDecisionsForm(ConsentForm):
    """Every topic for one recipient at once ("care updates yes, health no"): a decision per
    topic, or leave it as it is, with how and when they were made recorded once."""

    def __init__(
        self, *args: Any, person: Person, recipient: Relationship, verdicts: dict[int, str], **kwargs: Any
    ):
        super().__init__(*args, person=person, **kwargs)
        for name in ("recipient", "topics", "decision"):
            del self.fields[name]
        self.recipient_chosen = recipient
        self.topic_fields: list[tuple[Topic, str]] = []
        for topic in Topic.objects.filter(is_active=True):
            name = f"topic_{topic.pk}"
            now = dict(ConsentRecord.Decision.choices).get(verdicts.get(topic.pk, ""), "not asked yet")
            self.fields[name] = forms.ChoiceField(
                label=topic.name,
                choices=[(KEEP, f"Leave as it is ({now.lower()})"), *ConsentRecord.Decision.choices],
                widget=forms.RadioSelect,
                required=False,
                help_text=topic.description,
            )
            self.topic_fields.append((topic, name))
        self.order_fields([name for _, name in self.topic_fields] + ["how", "decided_on", "review_on"])

    @property
    def recipient(self) -> Relationship:
        return self.recipient_chosen

    @property
    def topic_choices(self) -> list[forms.BoundField]:
        return [self[name] for _, name in self.topic_fields]

    def decisions(self) -> dict[Topic, str]:
        return {
            topic: self.cleaned_data[name] for topic, name in self.topic_fields if self.cleaned_data.get(name)
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not any(data.get(name) for _, name in self.topic_fields):
            raise forms.ValidationError("Choose a decision for at least one topic.")
        return data

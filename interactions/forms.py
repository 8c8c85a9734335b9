"""Logging a conversation, with what was promised in it."""

from datetime import date, datetime, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from circles.counterparts import Counterpart, CounterpartField
from circles.models import Channel
from commitments.forms import due_field
from consent.forms_sharing import SharingFieldsMixin
from interactions.models import Interaction
from people.models import Person


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class InteractionForm(SharingFieldsMixin, forms.ModelForm[Interaction]):
    promise = forms.CharField(
        label="What did you promise?",
        required=False,
        max_length=200,
        help_text="Leave empty if nothing. It goes on your day until it is done.",
    )
    promise_due = due_field("Promised by")

    class Meta:
        model = Interaction
        fields = ["occurred_at", "channel", "summary", "understanding_checked"]
        widgets = {"occurred_at": DateTimeInput(), "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with_whom = CounterpartField(person=person, label="With")
        self.fields["with_whom"] = with_whom
        self._suggest_agreed_channels(with_whom)
        self.fields["occurred_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["promise_due"].required = False
        self.order_fields(
            [
                "with_whom",
                "channel",
                "occurred_at",
                "summary",
                "understanding_checked",
                "shared_topics",
                "override",
                "override_reason",
                "override_basis",
            ]
        )

    def _suggest_agreed_channels(self, with_whom: CounterpartField) -> None:
        """Partners' agreed secure channels, named beside the channel; the channel preset to the
        one most likely: in person with the person themself, the agreed or last-used one
        with someone in the circle."""
        agreed = {}
        for pk, rel in with_whom.circle.items():
            organisation = rel.party_organisation
            if organisation is not None and organisation.secure_channel:
                agreed[pk] = organisation
        if agreed:
            partners = {o.pk: o for o in agreed.values()}.values()
            names = "; ".join(
                f"{o.name}: {o.get_secure_channel_display()}"
                + (f" ({o.secure_address})" if o.secure_address else "")
                for o in partners
            )
            self.fields["channel"].help_text = f"Agreed secure channels — {names}."
        chosen = str(self.initial.get("with_whom", ""))
        if not chosen:  # most conversations are with the person themself
            self.initial["with_whom"] = "person"
            self.fields["channel"].initial = Channel.IN_PERSON
        elif chosen.startswith("rel:") and chosen[4:].isdigit() and int(chosen[4:]) in with_whom.circle:
            rel_id = int(chosen[4:])
            if rel_id in agreed:
                self.fields["channel"].initial = agreed[rel_id].secure_channel
            else:  # the way they last spoke, or the one agreed with them
                last = Interaction.objects.filter(relationship_id=rel_id).order_by("-occurred_at").first()
                rel = with_whom.circle[rel_id]
                self.fields["channel"].initial = (
                    last.channel if last else rel.contact_channel or Channel.PHONE
                )

    def clean_occurred_at(self) -> datetime:
        when: datetime = self.cleaned_data["occurred_at"]
        if when > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError("A conversation cannot be in the future.")
        return when

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        whom = data.get("with_whom")
        if data.get("shared_topics") and whom is not None and whom.kind != "circle":
            self.add_error("shared_topics", "Sharing is recorded for someone in the circle.")
        if data.get("promise"):
            due: date | None = data.get("promise_due")
            if due is None:
                self.add_error("promise_due", "Say when you promised it by.")
            elif due < timezone.localdate():
                self.add_error("promise_due", "Choose today or a later day.")
        return data

    @property
    def counterpart(self) -> Counterpart:
        counterpart: Counterpart = self.cleaned_data["with_whom"]
        return counterpart

"""Choosing what goes into a share pack."""

from typing import Any

from django import forms

from circles.counterparts import CounterpartField
from circles.models import Channel, Relationship
from people.models import Person
from share_packs.contents import SECTIONS


class SharePackForm(forms.Form):
    purpose = forms.CharField(
        label="Why you are sharing", max_length=200, help_text="For example: referral for a falls assessment."
    )
    channel = forms.ChoiceField(label="Sent by", choices=Channel.choices)
    sections = forms.MultipleChoiceField(
        label="What to include",
        choices=[(code, title) for code, (title, _) in SECTIONS.items()],
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick only what they need for this purpose.",
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        recipient = CounterpartField(
            person=person, colleagues=False, include_person=False, label="Share with"
        )
        recipient.circle = {
            pk: rel for pk, rel in recipient.circle.items() if rel.group != Relationship.Group.FAMILY
        }
        recipient.choices = [
            ("", "Choose…"),
            *[(f"rel:{pk}", f"{rel.party} ({rel.role})") for pk, rel in recipient.circle.items()],
        ]
        self.fields["recipient"] = recipient
        self.order_fields(["recipient", "purpose", "channel", "sections"])

    def clean_recipient(self) -> Any:
        chosen = self.cleaned_data["recipient"]
        if chosen is None or chosen.relationship is None:
            raise forms.ValidationError("Choose a practitioner or partner from their circle.")
        return chosen

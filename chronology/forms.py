"""What the timeline can be narrowed to: kinds of record, and one person in the circle."""

from typing import Any

from django import forms

from chronology.kinds import KINDS
from circles.models import Relationship


class TimelineFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label="Kinds of record to show",
        help_text="Tick none to see everything.",
        choices=[(kind.code, kind.name) for kind in KINDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    member = forms.ChoiceField(
        label="With or about someone in the circle",
        help_text="Changes noticed and meetings are about the person, so they are left out.",
        required=False,
    )

    def __init__(self, *args: Any, circle: list[Relationship], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the person's current circle: an id from anyone else's is not a choice, so it
        # is refused here and never reaches a query.
        member = self.fields["member"]
        assert isinstance(member, forms.ChoiceField)
        member.choices = [
            ("", "Anyone"),
            *((str(r.pk), f"{r.party} ({r.role})") for r in circle),
        ]

    def described(self) -> str:
        """What the filter shows, in words: the closed panel says it on a phone."""
        chosen = set(self.initial.get("kind") or [])
        words = [kind.name for kind in KINDS if kind.code in chosen]
        members = dict(self.fields["member"].choices)  # type: ignore[attr-defined]
        if self.initial.get("member"):
            words.append(f"with or about {members[str(self.initial['member'])]}")
        return "; ".join(words)

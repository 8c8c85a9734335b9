"""Who a conversation was with, or a commitment is owed to: the person, someone in
their current circle, or a colleague from one of their teams."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import DateField
from django.utils import timezone

from accounts.models import User
from circles.models import Relationship
from people.models import Person
from rapport.lib.statements import Slot, Statement, known_as


@dataclass(frozen=True)
class Counterpart:
    kind: str  # "person", "circle", "colleague" or "other"
    relationship: Relationship | None = None
    colleague: User | None = None


CURRENT_CIRCLE = Statement(
    lambda: (
        Relationship.objects.filter(person_id=Slot("person"))
        .current(Slot("today", DateField()))
        .select_related("contact", "organisation")
        .order_by("-is_key_contact", "group", "role")
    )
)


def current_circle(person: Person) -> list[Relationship]:
    circle = CURRENT_CIRCLE.rows(person=person.pk, today=timezone.localdate())
    known_as(circle, person=person)
    return circle


def team_colleagues(person: Person) -> list[User]:
    return list(
        User.objects.filter(is_active=True, memberships__team__people=person)
        .distinct()
        .order_by("first_name")
    )


class CounterpartField(forms.ChoiceField):
    def __init__(
        self,
        *,
        person: Person,
        allow_none: bool = False,
        colleagues: bool = True,
        include_person: bool = True,
        other: str = "",
        **kwargs: Any,
    ) -> None:
        self.circle = {rel.pk: rel for rel in current_circle(person)}
        self.colleagues = {user.pk: user for user in team_colleagues(person)} if colleagues else {}
        self.other = other
        self.include_person = include_person
        choices: list[Any] = [("", "No one in particular")] if allow_none else [("", "Choose…")]
        if include_person:
            choices.append(("person", f"{person.preferred_name} themself"))
        if self.circle:
            choices.append(
                ("Their circle", [(f"rel:{pk}", f"{r.party} ({r.role})") for pk, r in self.circle.items()])
            )
        if self.colleagues:
            choices.append(
                ("Colleagues", [(f"staff:{pk}", u.display_name) for pk, u in self.colleagues.items()])
            )
        if other:
            choices.append(("other", other))
        super().__init__(choices=choices, required=not allow_none, **kwargs)

    def to_counterpart(self, value: str) -> Counterpart | None:
        if not value:
            return None
        if value == "person" and self.include_person:
            return Counterpart("person")
        if value == "other" and self.other:
            return Counterpart("other")
        prefix, _, raw = value.partition(":")
        if prefix == "rel" and raw.isdigit() and int(raw) in self.circle:
            return Counterpart("circle", relationship=self.circle[int(raw)])
        if prefix == "staff" and raw.isdigit() and int(raw) in self.colleagues:
            return Counterpart("colleague", colleague=self.colleagues[int(raw)])
        raise forms.ValidationError("Choose someone from the list.")

    def clean(self, value: Any) -> Any:
        return self.to_counterpart(super().clean(value))

"""Reads of conversations; callers have already applied the access rule."""

from typing import Any, cast

from django.db.models import QuerySet

from circles.models import Contact
from commitments.models import Commitment
from interactions.models import Interaction
from people.models import Person
from rapport.lib.columns import party, staff_name
from rapport.lib.lookups import IdList
from rapport.lib.statements import Slot, Statement

LATEST_ON_PERSON_PAGE = 5


def _as_conversations(interactions: QuerySet[Interaction]) -> QuerySet[Interaction]:
    """Only the columns `interactions/_interaction.html` shows (whole related rows were most
    of the cost of the page)."""
    return interactions.select_related(
        "staff", "colleague", "relationship__contact", "relationship__organisation", "person"
    ).only(
        "person_id",
        "person__preferred_name",
        "occurred_at",
        "channel",
        "summary",
        "understanding_checked",
        "with_kind",
        "staff_id",
        "colleague_id",
        "relationship_id",
        *party("relationship"),
        *staff_name("staff"),
        *staff_name("colleague"),
    )


LATEST_CONVERSATIONS = Statement(
    lambda: _as_conversations(Interaction.objects.filter(person_id=Slot("person")))[:LATEST_ON_PERSON_PAGE]
)
PROMISED = Statement(
    lambda: (
        Commitment.objects.filter(interaction_id__one_of=Slot("ids", IdList()))
        .select_related("owner")
        .only("interaction_id", "title", "owner_id", "due_on", "status", *staff_name("owner"))
    )
)


def with_promised(conversations: list[Interaction]) -> list[Interaction]:
    """LATEST_CONVERSATIONS' rows, the few newest for the person page (the timeline has the
    rest), each with what was promised in it (`.promised`)."""
    promised: dict[int, list[Commitment]] = {}
    for commitment in PROMISED.rows(ids=[c.pk for c in conversations]) if conversations else []:
        promised.setdefault(commitment.interaction_id or 0, []).append(commitment)
    for conversation in conversations:
        cast(Any, conversation).promised = promised.get(conversation.pk, [])
    return conversations


def recent_with_contact(contact: Contact, people: QuerySet[Person], limit: int = 20) -> list[Interaction]:
    return list(
        Interaction.objects.filter(relationship__contact=contact, person__in=people)
        .select_related("staff", "person", "relationship__contact")
        .order_by("-occurred_at")[:limit]
    )

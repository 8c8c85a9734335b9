"""Reads of commitments; callers have applied the access rule to the person."""

from django.db.models import QuerySet

from commitments.models import Commitment
from people.models import Person

OWED_ON_PERSON_PAGE = 30


def with_parties(commitments: QuerySet[Commitment]) -> QuerySet[Commitment]:
    return commitments.select_related(
        "person",
        "owner",
        "owed_to_staff",
        "owed_to_relationship__contact",
        "owed_to_relationship__organisation",
        "meeting",
    )


def open_for_person(person: Person) -> list[Commitment]:
    return list(with_parties(person.commitments.open()).order_by("due_on", "id")[:OWED_ON_PERSON_PAGE])

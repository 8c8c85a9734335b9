"""Reads of conversations; callers have already applied the access rule."""

from django.db.models import Prefetch, QuerySet

from circles.models import Contact
from commitments.models import Commitment
from interactions.models import Interaction
from people.models import Person


def conversations_of(person: Person) -> QuerySet[Interaction]:
    """The person's conversations, newest first, with what was promised in each."""
    return person.interactions.select_related(
        "staff", "colleague", "relationship__contact", "relationship__organisation", "person"
    ).prefetch_related(Prefetch("commitments", queryset=Commitment.objects.select_related("owner")))


def recent_with_contact(contact: Contact, people: QuerySet[Person], limit: int = 20) -> list[Interaction]:
    return list(
        Interaction.objects.filter(relationship__contact=contact, person__in=people)
        .select_related("staff", "person", "relationship__contact")
        .order_by("-occurred_at")[:limit]
    )

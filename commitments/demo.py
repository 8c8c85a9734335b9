"""Synthetic follow-through for the demo: conversations and what is owed, some of it late."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from circles.models import Channel, Relationship
from commitments.models import Commitment
from interactions.models import Interaction
from interactions.services import record_last_contacts
from people.models import Person

SUMMARIES = [
    "Asked how the week had gone; said the new carer is kind and on time.",
    "Talked through the hospital letter and what the appointment is for.",
    "Worried about weight loss; agreed to keep a food diary for a week.",
    "Shared that sleep has been better since the evening routine changed.",
    "Asked for help arranging a visit at the weekend.",
    "Discussed the medication change and what side effects to look out for.",
]
PROMISES = [
    "Ring back after the GP visit",
    "Send a copy of the care plan review",
    "Find out about the day centre's Friday club",
    "Book the hearing aid check",
    "Confirm the visit time for Saturday",
]
REQUESTS = [
    "Send the fluid chart for last week",
    "Reply about the OT assessment date",
    "Confirm the new dose",
]


def _keeping_in_touch(
    rng: random.Random, relationships: list[Relationship], workers: dict[int, list[User]], today: date
) -> list[Interaction]:
    """The last call with each contact who has an agreed rhythm: mostly on time, a few late."""
    calls = []
    for rel in relationships:
        if not rel.contact_every_days or not workers.get(rel.person_id):
            continue
        late = rng.random() < 0.08
        gap = (
            rel.contact_every_days + rng.randrange(1, 6) if late else rng.randrange(0, rel.contact_every_days)
        )
        when = datetime.combine(today - timedelta(days=gap), time(rng.randrange(9, 18), 15))
        calls.append(
            Interaction(
                person_id=rel.person_id,
                staff=rng.choice(workers[rel.person_id]),
                with_kind="circle",
                relationship=rel,
                occurred_at=timezone.make_aware(when),
                channel=rel.contact_channel or Channel.PHONE,
                summary="Regular catch-up: shared how the week went.",
                understanding_checked=True,
            )
        )
    return calls


def load_follow_through(
    rng: random.Random,
    people: list[Person],
    workers: dict[int, list[User]],
    relationships: list[Relationship],
    today: date,
) -> dict[str, int]:
    """`workers` maps a person's pk to the care workers of their team."""
    circle: dict[int, list[Relationship]] = {}
    for rel in relationships:
        circle.setdefault(rel.person_id, []).append(rel)
    interactions: list[Interaction] = []
    for person in people:
        staff = workers.get(person.pk) or []
        if not staff:
            continue
        for _ in range(rng.choice([0, 1, 2, 3])):
            options: list[Relationship | None] = [None, *circle.get(person.pk, [])]
            talked_with = rng.choice(options)
            when = timezone.make_aware(
                datetime.combine(today - timedelta(days=rng.randrange(1, 21)), time(rng.randrange(8, 19), 0))
            )
            interactions.append(
                Interaction(
                    person=person,
                    staff=rng.choice(staff),
                    with_kind="circle" if talked_with else "person",
                    relationship=talked_with,
                    occurred_at=when,
                    channel=rng.choice([Channel.PHONE, Channel.IN_PERSON, Channel.EMAIL]),
                    summary=rng.choice(SUMMARIES),
                    understanding_checked=rng.random() < 0.7,
                )
            )
    interactions.extend(_keeping_in_touch(rng, relationships, workers, today))
    interactions = bulk_create_with_history(interactions, Interaction, batch_size=2000)
    record_last_contacts()

    commitments: list[Commitment] = []
    for interaction in interactions:
        if rng.random() < 0.45:
            commitments.append(
                Commitment(
                    person_id=interaction.person_id,
                    kind=Commitment.Kind.PROMISE,
                    title=rng.choice(PROMISES),
                    owner=interaction.staff,
                    created_by=interaction.staff,
                    owed_to_person=interaction.relationship is None,
                    owed_to_relationship=interaction.relationship,
                    interaction=interaction,
                    due_on=today + timedelta(days=rng.randrange(-4, 8)),
                )
            )
    for rel in relationships:
        if (
            rel.group == Relationship.Group.PRACTITIONER
            and rng.random() < 0.12
            and workers.get(rel.person_id)
        ):
            owner = rng.choice(workers[rel.person_id])
            commitments.append(
                Commitment(
                    person_id=rel.person_id,
                    kind=Commitment.Kind.REQUEST,
                    title=rng.choice(REQUESTS),
                    owner=owner,
                    created_by=owner,
                    owed_to_relationship=rel,
                    due_on=today + timedelta(days=rng.randrange(-2, 6)),
                )
            )
    bulk_create_with_history(commitments, Commitment, batch_size=2000)
    return {"conversations": len(interactions), "commitments": len(commitments)}

"""Synthetic feedback for the demo: compliments, concerns, complaints with running clocks."""

import random
from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from accounts.models import User
from circles.models import Relationship
from feedback.clocks import deadlines
from feedback.models import Feedback
from people.models import Person

ABOUT = {
    "compliment": "Thanked the team for the birthday tea; said it was the best in years.",
    "concern": "Worried that Mum is not drinking enough in the afternoons.",
    "complaint": "The evening visit was cut short twice this week.",
}


def load_feedback(
    rng: random.Random,
    people: list[Person],
    workers: dict[int, list[User]],
    relationships: list[Relationship],
    today: date,
) -> dict[str, int]:
    family: dict[int, list[Relationship]] = {}
    for rel in relationships:
        if rel.group == Relationship.Group.FAMILY:
            family.setdefault(rel.person_id, []).append(rel)
    items = []
    for person in people:
        if rng.random() > 0.08 or not workers.get(person.pk) or not family.get(person.pk):
            continue
        kind = rng.choice(["compliment", "concern", "complaint", "complaint"])
        received = today - timedelta(days=rng.randrange(0, 30))
        acknowledge_by, respond_by = deadlines(kind, received)
        handler = rng.choice(workers[person.pk])
        items.append(
            Feedback(
                person=person,
                kind=kind,
                from_relationship=rng.choice(family[person.pk]),
                received_on=received,
                about=ABOUT[kind],
                handler=handler,
                recorded_by=handler,
                acknowledge_by=acknowledge_by,
                respond_by=respond_by,
                acknowledged_on=received + timedelta(days=1)
                if acknowledge_by and rng.random() < 0.7
                else None,
            )
        )
    bulk_create_with_history(items, Feedback, batch_size=1000)
    return {"feedback": len(items)}

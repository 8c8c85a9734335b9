"""Synthetic changes for the demo, with the updates the rules make owed."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from changes.models import Change
from changes.rules import TOPIC_OF_AREA, who_needs_to_know
from changes.services import updates_owed
from circles.models import Relationship
from commitments.models import Commitment
from consent.models import Topic
from consent.selectors import facts_for
from people.models import Person

NOTICED = {
    "fall": "Found sitting on the bathroom floor; no obvious injury but shaken.",
    "mood": "Quieter than usual for several days and not joining the lunch club.",
    "eating": "Leaving most of each meal; clothes looking looser.",
    "memory": "Asked twice in an hour where her husband was; unusual for her.",
    "health": "Coughing at night and more breathless on the stairs.",
}


def load_changes(
    rng: random.Random,
    people: list[Person],
    workers: dict[int, list[User]],
    relationships: list[Relationship],
    today: date,
) -> dict[str, int]:
    circle: dict[int, list[Relationship]] = {}
    for rel in relationships:
        circle.setdefault(rel.person_id, []).append(rel)
    changes: list[Change] = []
    for person in people:
        if rng.random() < 0.1 and workers.get(person.pk):
            area = rng.choice(list(NOTICED))
            noticed = today - timedelta(days=rng.randrange(0, 6))
            changes.append(
                Change(
                    person=person,
                    area=area,
                    significance=rng.choice(["moderate", "moderate", "significant", "minor"]),
                    observed_at=timezone.make_aware(
                        datetime.combine(noticed, time(rng.randrange(7, 20), 30))
                    ),
                    description=NOTICED[area],
                    recorded_by=rng.choice(workers[person.pk]),
                )
            )
    changes = bulk_create_with_history(changes, Change, batch_size=1000)
    topics = {t.code: t for t in Topic.objects.all()}
    updates: list[Commitment] = []
    for change in changes:
        recipients = who_needs_to_know(
            area=change.area,
            significance=change.significance,
            circle=circle.get(change.person_id, []),
            key_worker=change.person.key_worker,
            recorded_by=change.recorded_by,
        )
        topic = topics.get(TOPIC_OF_AREA[change.area])
        for update in updates_owed(change, recipients, change.recorded_by, topic, facts_for(change.person)):
            update.created_by = change.recorded_by
            updates.append(update)
    bulk_create_with_history(updates, Commitment, batch_size=2000)
    return {"changes": len(changes), "updates owed": len(updates)}

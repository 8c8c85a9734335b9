"""Synthetic consent for the demo: most families hear care updates, GP practices health news."""

import random
from datetime import date, timedelta

from accounts.models import User
from circles.models import Relationship
from consent.models import ConsentRecord, Topic


def load_consent(
    rng: random.Random, workers: dict[int, list[User]], relationships: list[Relationship], today: date
) -> dict[str, int]:
    topics = {t.code: t for t in Topic.objects.all()}
    records = []
    for rel in relationships:
        staff = workers.get(rel.person_id)
        if not staff:
            continue
        if rel.group == Relationship.Group.FAMILY and rng.random() < 0.8:
            choices = [
                ("care", "given"),
                ("plans", "given"),
                ("health", rng.choice(["given", "given", "refused"])),
            ]
            if rng.random() < 0.2:
                choices.append(("finances", "refused"))
        elif rel.group == Relationship.Group.PARTNER and rel.role == "GP practice":
            choices = [("health", "given"), ("incidents", "given"), ("care", "given")]
        else:
            continue
        decided = today - timedelta(days=rng.randrange(10, 400))
        for code, decision in choices:
            records.append(
                ConsentRecord(
                    person_id=rel.person_id,
                    recipient=rel,
                    topic=topics[code],
                    decision=decision,
                    how=rng.choice([ConsentRecord.How.VERBAL, ConsentRecord.How.WRITTEN]),
                    decided_on=decided,
                    review_on=decided + timedelta(days=365),
                    recorded_by=rng.choice(staff),
                )
            )
    ConsentRecord.objects.bulk_create(records, batch_size=2000)
    return {"consent decisions": len(records)}

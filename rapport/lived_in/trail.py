"""Consent decisions and the sharing done under them, and the audit trail of every look."""

import random
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from typing import NamedTuple

from audit.chain import GENESIS, link
from audit.models import AuditChainHead, AuditEvent, AuditSeal
from consent.models import ConsentRecord, Disclosure
from consent.sharing import record_past_disclosures
from rapport.lib.bulk import insert_rows, next_id
from rapport.lived_in.service import Clock, PerYear, Service, count, noon, staff_for, years_of

LOOKS = [
    (AuditEvent.Action.VIEW, "person", "Opened the person page"),
    (AuditEvent.Action.VIEW, "person", "Opened the timeline"),
    (AuditEvent.Action.LIST, "person", "Shown in the people list"),
    (AuditEvent.Action.VIEW, "consent", "Opened the consent page"),
    (AuditEvent.Action.CREATE, "interaction", "Logged a conversation"),
    (AuditEvent.Action.UPDATE, "person", "Changed the profile"),
]


def consent_and_sharing(
    rng: random.Random, clock: Clock, service: Service, per_year: PerYear
) -> dict[str, int]:
    """Agreements with practitioners and partners, renewed every other year, and sharing
    under them (through the disclosure gate's bulk door)."""
    first = next_id(ConsentRecord)
    agreements: list[tuple[int, int, int, int, datetime, int]] = []  # id, person, recipient, topic, when, by
    records = []
    pk = first
    for person, since, team, key in service.people:
        partners = [c for c in service.circle.get(person, []) if c[1] != "family"]
        for rel, _group, _channel in partners:
            for topic in rng.sample(service.topics, k=min(2, len(service.topics))):
                decided = since
                while decided < clock.today - timedelta(days=60):
                    by = staff_for(rng, service, team, key)
                    given = rng.random() < 0.85
                    at = noon(decided)
                    records.append(
                        (
                            pk,
                            person,
                            rel,
                            topic,
                            "given" if given else "refused",
                            "verbal",
                            decided,
                            decided + timedelta(days=730),
                            False,
                            "",
                            "",
                            "",
                            by,
                            at,
                        )
                    )
                    if given:
                        agreements.append((pk, person, rel, topic, at, by))
                    pk += 1
                    decided += timedelta(days=730)
    columns = (
        "id",
        "person",
        "recipient",
        "topic",
        "decision",
        "how",
        "decided_on",
        "review_on",
        "lacks_capacity",
    )
    rest = ("capacity_assessment", "best_interests", "notes", "recorded_by", "recorded_at")
    consents = insert_rows(ConsentRecord, (*columns, *rest), records)

    by_person: dict[int, list[tuple[int, int, int, int, datetime, int]]] = defaultdict(list)
    for agreement in agreements:
        by_person[agreement[1]].append(agreement)
    start = next_id(Disclosure)

    def shared() -> Iterator[tuple[object, ...]]:
        pk = start
        for person, since, _team, _key in service.people:
            mine = by_person.get(person)
            if not mine:
                continue
            for _ in range(count(rng, per_year.disclosures, years_of(since, clock.today))):
                consent, _p, rel, topic, at, by = rng.choice(mine)
                when = at + timedelta(days=rng.randrange(1, 700), hours=rng.randrange(8))
                if when.date() >= clock.today:
                    continue
                yield (pk, person, rel, topic, when, by, "phone", "consent", consent)
                pk += 1

    return {"consent decisions": consents, "disclosures": record_past_disclosures(shared())}


class _Event(NamedTuple):
    """What the chain's hash covers (audit.chain.content_of), without building a model for
    each of millions of events (a third of a build's time went there)."""

    seq: int
    at: datetime
    actor_id: int
    action: str
    person_id: int
    object_type: str
    object_id: str
    summary: str
    path: str
    ip_address: str
    user_agent: str
    reason: str


def audit_trail(rng: random.Random, service: Service, per_year: PerYear, today: date) -> int:
    """Looks and edits, day by day in time order, chained after whatever is already there."""
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    seq, previous = (head.seq, head.chain_hash) if head else (0, GENESIS)
    people = sorted(service.people, key=lambda p: p[1])
    starts = [p[1] for p in people]
    earliest = starts[0] if starts else today
    per_person_day = per_year.audit_events / 365.25
    pk = next_id(AuditEvent)

    def events() -> Iterator[tuple[object, ...]]:
        nonlocal seq, previous, pk
        carried = 0.0
        for offset in range((today - earliest).days):
            day = earliest + timedelta(days=offset)
            eligible = bisect_right(starts, day)
            carried += per_person_day * eligible
            n, carried = int(carried), carried - int(carried)
            for second in sorted(rng.randrange(8 * 3600, 19 * 3600) for _ in range(n)):
                person, _since, team, key = people[rng.randrange(eligible)]
                action, object_type, summary = rng.choice(LOOKS)
                at = datetime(
                    day.year, day.month, day.day, second // 3600, second // 60 % 60, second % 60, tzinfo=UTC
                )
                seq += 1
                event = _Event(
                    seq=seq,
                    at=at,
                    actor_id=staff_for(rng, service, team, key),
                    action=action,
                    person_id=person,
                    object_type=object_type,
                    object_id=str(person),
                    summary=summary,
                    path=f"/people/{person}/",
                    ip_address="10.20.0.15",
                    user_agent="Mozilla/5.0 (Linux; Android 14)",
                    reason="",
                )
                previous = link(previous, event)
                yield (
                    pk,
                    at,
                    event.actor_id,
                    action,
                    person,
                    object_type,
                    event.object_id,
                    summary,
                    event.path,
                    event.ip_address,
                    event.user_agent,
                    "",
                    seq,
                    previous,
                )
                pk += 1

    columns: tuple[str, ...] = ("id", "at", "actor", "action", "person", "object_type", "object_id")
    columns += ("summary", "path", "ip_address", "user_agent", "reason", "seq", "chain_hash")
    written, stream = 0, events()
    while chunk := list(islice(stream, 100_000)):
        written += insert_rows(AuditEvent, columns, chunk)
        insert_rows(AuditSeal, ("seq", "chain_hash", "at"), [(row[12], row[13], row[1]) for row in chunk])
    AuditChainHead.objects.update_or_create(pk=1, defaults={"seq": seq, "chain_hash": previous})
    return written

"""What the lived-in history is written around, and the small helpers every part shares."""

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from accounts.models import Membership
from circles.models import Relationship
from consent.models import Topic
from people.models import Person


@dataclass(frozen=True)
class PerYear:
    """What one person's record gains in a year."""

    conversations: float = 30
    commitments: float = 15
    changes: float = 3
    feedback: float = 0.6
    disclosures: float = 6
    audit_events: float = 60


@dataclass
class Service:
    """What the history is written around: people, their teams' staff, their circles."""

    people: Sequence[tuple[int, date, int, int | None]]  # pk, first day of history, team, key worker
    workers: dict[int, list[int]]  # team -> worker ids
    leaders: dict[int, int]  # team -> a leader's id
    circle: dict[int, list[tuple[int, str, str]]]  # person -> (relationship, group, channel)
    topics: list[int]


def read_service(years: int, today: date) -> Service:
    earliest = today - timedelta(days=round(365.25 * years))
    team_of = dict(Person.teams.through.objects.values_list("person_id", "team_id"))
    workers: dict[int, list[int]] = defaultdict(list)
    leaders: dict[int, int] = {}
    for team, user, leads in Membership.objects.values_list("team_id", "user_id", "leads").order_by("pk"):
        if leads:
            leaders.setdefault(team, user)
        else:
            workers[team].append(user)
    people = [
        (pk, max(admitted or earliest, earliest), team_of[pk], key)
        for pk, admitted, key in Person.objects.order_by("pk").values_list(
            "pk", "admitted_on", "key_worker_id"
        )
        if pk in team_of
    ]
    circle: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for pk, person, group, channel in Relationship.objects.order_by("pk").values_list(
        "pk", "person_id", "group", "contact_channel"
    ):
        circle[person].append((pk, group, channel or "phone"))
    topics = list(Topic.objects.filter(is_active=True).order_by("position").values_list("pk", flat=True))
    return Service(people, dict(workers), leaders, dict(circle), topics)


class Clock:
    """Random moments in a person's history, in working hours, in UTC (fast: no zone lookups)."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng, self.today = rng, today

    def moment(self, since: date, until: date | None = None) -> datetime:
        span = max(1, ((until or self.today) - since).days)
        day = since + timedelta(days=self.rng.randrange(span))
        return datetime(
            day.year, day.month, day.day, self.rng.randrange(8, 19), self.rng.randrange(60), tzinfo=UTC
        )


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def count(rng: random.Random, rate: float, years: float) -> int:
    expected = rate * years
    return int(expected) + (1 if rng.random() < expected - int(expected) else 0)


def staff_for(rng: random.Random, service: Service, team: int, key: int | None) -> int:
    workers = service.workers.get(team) or [service.leaders[team]]
    return key if key and rng.random() < 0.6 else rng.choice(workers)


def years_of(since: date, today: date) -> float:
    return max(0, (today - since).days) / 365.25

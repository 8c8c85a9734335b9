"""Conversations, things owed, changes noticed, compliments and concerns: years of them."""

import random
from collections.abc import Iterator
from datetime import timedelta

from changes.models import Change
from commitments.demo import PROMISES, REQUESTS, SUMMARIES
from commitments.models import Commitment
from feedback.models import Feedback
from interactions.models import Interaction
from rapport.lib.bulk import insert_rows, next_id
from rapport.lived_in.service import Clock, PerYear, Service, count, noon, staff_for, years_of

CHANNELS = ["phone", "phone", "in_person", "in_person", "email", "text"]
NOTICED = [
    ("mood", "minor", "Quieter than usual at lunch; said they missed their sister."),
    ("eating", "moderate", "Left most of the evening meal two days running."),
    ("fall", "significant", "Found sitting on the bedroom floor; no injury seen, GP told."),
    ("health", "moderate", "Coughing more at night; temperature normal."),
    ("memory", "minor", "Asked twice what day the hairdresser comes."),
    ("needs", "moderate", "Now needs a second carer to help with the bath."),
]
PRAISE = [
    "Thanked the team for the birthday tea.",
    "Said the new evening carer is patient and kind.",
    "Pleased that calls are always returned the same day.",
]
CONCERNS = [
    "The visit on Tuesday was forty minutes late and nobody rang.",
    "Laundry came back with someone else's cardigan again.",
]


def conversations(rng: random.Random, clock: Clock, service: Service, per_year: PerYear) -> int:
    first = next_id(Interaction)

    def rows() -> Iterator[tuple[object, ...]]:
        pk = first
        for person, since, team, key in service.people:
            circle = service.circle.get(person, [])
            for _ in range(count(rng, per_year.conversations, years_of(since, clock.today))):
                when = clock.moment(since)
                staff = staff_for(rng, service, team, key)
                roll = rng.random()
                if roll < 0.5 and circle:
                    rel, _group, channel = rng.choice(circle)
                    yield (
                        pk,
                        person,
                        staff,
                        "circle",
                        rel,
                        None,
                        when,
                        channel,
                        rng.choice(SUMMARIES),
                        True,
                        when,
                    )
                elif roll < 0.9:
                    yield (
                        pk,
                        person,
                        staff,
                        "person",
                        None,
                        None,
                        when,
                        "in_person",
                        rng.choice(SUMMARIES),
                        True,
                        when,
                    )
                else:
                    colleague = rng.choice(service.workers.get(team) or [staff])
                    yield (
                        pk,
                        person,
                        staff,
                        "colleague",
                        None,
                        colleague,
                        when,
                        "in_person",
                        rng.choice(SUMMARIES),
                        False,
                        when,
                    )
                pk += 1

    columns = ("id", "person", "staff", "with_kind", "relationship", "colleague", "occurred_at", "channel")
    return insert_rows(Interaction, (*columns, "summary", "understanding_checked", "created_at"), rows())


def commitments(rng: random.Random, clock: Clock, service: Service, per_year: PerYear) -> int:
    """Mostly closed long ago; the last month's are still open for about half of them."""
    first = next_id(Commitment)
    recent = clock.today - timedelta(days=30)

    def rows() -> Iterator[tuple[object, ...]]:
        pk = first
        for person, since, team, key in service.people:
            circle = [c for c in service.circle.get(person, []) if c[1] != "partner"]
            for _ in range(count(rng, per_year.commitments, years_of(since, clock.today))):
                created = clock.moment(since)
                due = created.date() + timedelta(days=rng.randrange(1, 21))
                owner = staff_for(rng, service, team, key)
                to_circle = circle and rng.random() < 0.6
                kind = rng.choice(["promise", "update", "request"]) if to_circle else "action"
                title = rng.choice(REQUESTS if kind == "request" else PROMISES)
                # Recent work is often still open; little of it is late (most late work is done).
                is_open = created.date() >= recent and rng.random() < (0.5 if due >= clock.today else 0.08)
                status = "open" if is_open else ("cancelled" if rng.random() < 0.05 else "done")
                closed = None if is_open else created + timedelta(days=rng.randrange(0, 20))
                yield (
                    pk,
                    person,
                    kind,
                    title,
                    "",
                    not to_circle,
                    rng.choice(circle)[0] if to_circle else None,
                    owner,
                    due,
                    status,
                    "" if is_open else "Done and let them know.",
                    False,
                    owner,
                    created,
                    closed,
                    None if is_open else owner,
                    1,
                )
                pk += 1

    columns = ("id", "person", "kind", "title", "details", "owed_to_person", "owed_to_relationship", "owner")
    rest = ("due_on", "status", "outcome", "needs_consent_check", "created_by", "created_at", "closed_at")
    return insert_rows(Commitment, (*columns, *rest, "closed_by", "version"), rows())


def changes(rng: random.Random, clock: Clock, service: Service, per_year: PerYear) -> int:
    first = next_id(Change)

    def rows() -> Iterator[tuple[object, ...]]:
        pk = first
        for person, since, team, key in service.people:
            for _ in range(count(rng, per_year.changes, years_of(since, clock.today))):
                when = clock.moment(since)
                area, significance, description = rng.choice(NOTICED)
                by = staff_for(rng, service, team, key)
                yield (pk, person, area, significance, when, description, "Told the key worker.", by, when)
                pk += 1

    columns = ("id", "person", "area", "significance", "observed_at", "description", "action_taken")
    return insert_rows(Change, (*columns, "recorded_by", "recorded_at"), rows())


def feedback(rng: random.Random, clock: Clock, service: Service, per_year: PerYear) -> int:
    """Compliments, and concerns answered in time, each with what was learned."""
    first = next_id(Feedback)

    def rows() -> Iterator[tuple[object, ...]]:
        pk = first
        for person, since, team, _key in service.people:
            for _ in range(count(rng, per_year.feedback, years_of(since, clock.today))):
                received = clock.moment(since, clock.today - timedelta(days=30)).date()
                handler = service.leaders.get(team) or rng.choice(service.workers[team])
                if rng.random() < 0.6:
                    yield (
                        pk,
                        person,
                        "compliment",
                        True,
                        "",
                        received,
                        "phone",
                        rng.choice(PRAISE),
                        handler,
                        None,
                        None,
                        None,
                        None,
                        "closed",
                        "Passed on to the team.",
                        "",
                        handler,
                        noon(received),
                        1,
                    )
                else:
                    answered = received + timedelta(days=rng.randrange(3, 20))
                    yield (
                        pk,
                        person,
                        "concern",
                        True,
                        "",
                        received,
                        "phone",
                        rng.choice(CONCERNS),
                        handler,
                        received + timedelta(days=3),
                        received + timedelta(days=20),
                        received + timedelta(days=1),
                        answered,
                        "closed",
                        "Apologised and changed the rota.",
                        "Ring ahead whenever a visit will be late.",
                        handler,
                        noon(received),
                        1,
                    )
                pk += 1

    columns = ("id", "person", "kind", "from_person", "from_name", "received_on", "channel", "about")
    rest = ("handler", "acknowledge_by", "respond_by", "acknowledged_on", "responded_on", "status")
    return insert_rows(
        Feedback, (*columns, *rest, "outcome", "learning", "recorded_by", "created_at", "version"), rows()
    )

"""The full keeping-in-touch list behind My day's first few."""

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from circles.cadence import as_lapsed, lapsed_relationships
from circles.models import Relationship
from people.models import Person
from rapport.testing.factories import PersonFactory, RelationshipFactory


def test_every_lapsed_contact_a_page_at_a_time(client, worker, team, other_person) -> None:
    started = timezone.localdate() - timedelta(days=60)
    for n in range(30):
        RelationshipFactory(person=PersonFactory(teams=[team]), role=f"Cousin {n}", contact_every_days=7,
                            started_on=started)  # fmt: skip
    RelationshipFactory(person=other_person, role="Hidden aunt", contact_every_days=7, started_on=started)
    client.force_login(worker)
    home = client.get(reverse("home")).content.decode()
    assert "See all 30" in home
    first = client.get(reverse("circles:lapsed")).content.decode()
    second = client.get(reverse("circles:lapsed"), {"page": 2}).content.decode()
    assert "30 lapsed" in first
    assert first.count("(Cousin ") == 25 and second.count("(Cousin ") == 5
    assert "Hidden aunt" not in first + second


def test_an_administrator_and_a_worker_find_the_lapsed_by_the_same_rule(
    worker, administrator, team, other_team
) -> None:
    """An administrator's list is read another way (from the rhythm index, not from the
    people); both must keep to the rule of days_overdue, at each edge of each rhythm."""
    today = timezone.localdate()
    ours, theirs = PersonFactory(teams=[team]), PersonFactory(teams=[other_team])
    gone = PersonFactory(teams=[team], status=Person.Status.DISCHARGED)
    for every in Relationship.Frequency.values:
        for gap in (every - 1, every, every + 1, every + 30):
            moment = timezone.make_aware(datetime.combine(today - timedelta(days=gap), time(23, 59)))
            for who in (ours, theirs, gone):
                RelationshipFactory(
                    person=who, role=f"Called {gap}", contact_every_days=every, last_contact_at=moment
                )
            RelationshipFactory(
                person=ours,
                role=f"Began {gap}",
                contact_every_days=every,
                started_on=today - timedelta(days=gap),
            )
        RelationshipFactory(
            person=ours,
            role="Ended",
            contact_every_days=every,
            started_on=today - timedelta(days=400),
            ended_on=today - timedelta(days=1),
        )
    RelationshipFactory(person=ours, role="No rhythm", started_on=today - timedelta(days=400))

    def by_rule(people: list[Person]) -> set[int]:
        return {
            r.pk
            for r in Relationship.objects.current(today).filter(person__in=people)
            if r.contact_every_days and as_lapsed(r, today).days_overdue > 0
        }

    everyone = list(lapsed_relationships(administrator, today))
    assert {r.pk for r in everyone} == by_rule([ours, theirs])
    mine = list(lapsed_relationships(worker, today))
    assert {r.pk for r in mine} == by_rule([ours])
    # The same order: longest since contact first, no contact yet before any.
    assert [r.pk for r in everyone if r.person_id == ours.pk] == [r.pk for r in mine]
    assert mine[0].last_contact_at is None and everyone[-1].last_contact_at is not None
    # Each rhythm: called, and begun, one and thirty days over.
    assert len(mine) == len(Relationship.Frequency.values) * 2 * 2

"""What the person page reads about the person alone goes to the database in one round trip
(rapport.lib.together), and comes back shaped as the page shows it."""

from datetime import timedelta

from django.db import connection
from django.utils import timezone

from person_page.selectors import person_page
from rapport.testing.factories import CommitmentFactory, InteractionFactory, RelationshipFactory
from rapport.testing.together import pipelines


def test_the_persons_own_lists_are_read_in_one_round_trip(worker, person) -> None:
    today = timezone.localdate()
    daughter = RelationshipFactory(person=person, role="Daughter", group="family")
    RelationshipFactory(
        person=person,
        role="Old neighbour",
        started_on=today - timedelta(days=400),
        ended_on=today - timedelta(days=30),
    )
    talk = InteractionFactory(person=person, staff=worker, with_kind="circle", relationship=daughter)
    CommitmentFactory(person=person, owner=worker, title="Ring Joan back", interaction=talk)
    with pipelines() as opened:
        shown = person_page(person=person, viewer=worker, today=today)
    assert opened.call_count == (1 if connection.vendor == "postgresql" else 0)
    assert [c.title for c in shown["owed"]] == ["Ring Joan back"]
    assert shown["owed"][0].person is person  # known already: no join, no query
    circle = shown["circle"]
    assert [r.role for r in circle.groups["family"]] == ["Daughter"]
    assert [r.role for r in circle.past] == ["Old neighbour"]
    assert [c.pk for c in shown["conversations"]] == [talk.pk]
    assert [c.title for c in shown["conversations"][0].promised] == ["Ring Joan back"]

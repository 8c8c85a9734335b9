"""Statements read together (rapport/lib/together.py) give exactly what each gives alone, in
one round trip on PostgreSQL, and a query that fails raises as it would alone and leaves the
connection usable."""

import pytest
from django.db import DatabaseError, connection
from django.db.models import F, Value

from accounts.models import User
from changes.models import Change
from people.access import people_visible_to
from people.models import Person
from rapport.lib.statements import ForViewer, Slot, Statement
from rapport.lib.together import read_together
from rapport.testing.factories import ChangeFactory, PersonFactory, UserFactory
from rapport.testing.together import pipelines

CHANGES = Statement(
    lambda: (
        Change.objects.filter(person_id=Slot("person"))
        .select_related("recorded_by")
        .only("person_id", "description", "observed_at", "recorded_by__username")
        .order_by("-observed_at", "-id")[:3]
    )
)
NAMES = Statement(lambda: Person.objects.filter(pk=Slot("person")).values_list("preferred_name", flat=True))
VISIBLE = ForViewer(lambda viewer: people_visible_to(viewer).filter(pk=Slot("person")))
BROKEN = Statement(lambda: Person.objects.filter(pk=Slot("person")).annotate(n=F("pk") / Value(0)))


@pytest.mark.django_db
def test_each_list_is_what_it_is_alone(worker, team, django_assert_num_queries) -> None:
    person, other = PersonFactory(teams=[team]), PersonFactory()
    ChangeFactory.create_batch(4, person=person)
    alone = [
        CHANGES.rows(person=person.pk),
        NAMES.rows(person=person.pk),
        VISIBLE.rows(worker, person=person.pk),
        VISIBLE.rows(worker, person=other.pk),
        NAMES.rows(person=2**70),  # no column holds it: matches nothing, asks nothing
    ]
    with django_assert_num_queries(4):
        together = read_together(
            CHANGES.pending(person=person.pk),
            NAMES.pending(person=person.pk),
            VISIBLE.pending(worker, person=person.pk),
            VISIBLE.pending(worker, person=other.pk),
            NAMES.pending(person=2**70),
        )
    assert together == alone
    assert [len(rows) for rows in together] == [3, 1, 1, 0, 0]
    first = together[0][0]
    with django_assert_num_queries(0):  # the joined row came with it, and only what was asked
        assert first.recorded_by.username
    assert "description" not in first.get_deferred_fields()


@pytest.mark.django_db
def test_on_postgresql_the_queries_go_in_one_round_trip(worker) -> None:
    person = PersonFactory()
    with pipelines() as opened:
        read_together(NAMES.pending(person=person.pk), CHANGES.pending(person=person.pk))
        read_together(NAMES.pending(person=person.pk))  # one query: nothing to gain
    assert opened.call_count == (1 if connection.vendor == "postgresql" else 0)


@pytest.mark.django_db(transaction=True)
def test_a_failing_query_raises_and_the_connection_goes_on() -> None:
    person = PersonFactory()
    if connection.vendor != "postgresql":
        pytest.skip("SQLite divides by zero into NULL")
    with pytest.raises(DatabaseError):
        read_together(NAMES.pending(person=person.pk), BROKEN.pending(person=person.pk))
    assert NAMES.rows(person=person.pk) == [person.preferred_name]
    assert (
        read_together(NAMES.pending(person=person.pk), NAMES.pending(person=person.pk))
        == [[person.preferred_name]] * 2
    )


@pytest.mark.django_db
def test_an_inactive_viewer_reads_nothing_together(team) -> None:
    gone = UserFactory(is_active=False)
    person = PersonFactory(teams=[team])
    assert read_together(VISIBLE.pending(gone, person=person.pk), NAMES.pending(person=person.pk)) == [
        [],
        [person.preferred_name],
    ]
    assert isinstance(gone, User)

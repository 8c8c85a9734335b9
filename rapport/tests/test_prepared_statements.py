"""On PostgreSQL a statement a connection repeats is prepared, so it is planned once."""

import pytest
from django.db import connection

from people.models import Person
from rapport.lib.statements import Slot, Statement
from rapport.testing.factories import PersonFactory


@pytest.mark.django_db
def test_a_repeated_query_is_prepared_on_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's driver keeps its own statement cache")
    people = PersonFactory.create_batch(3)
    for person in people:  # the same statement, other values
        assert Person.objects.filter(pk=person.pk).get() == person
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s AND statement LIKE %s",
            ['%FROM "people_person"%', '%"people_person"."id" = $1%'],
        )
        (prepared,) = cursor.fetchone()
    assert prepared >= 1


AWKWARD = "O'Brien 100% \\ Ltd"
NAMED_AWKWARDLY = Statement(
    lambda: Person.objects.filter(preferred_name=AWKWARD, pk__gte=Slot("from")).order_by("pk")
)


def _plan_mode() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        return str(cursor.fetchone()[0])


@pytest.mark.django_db
def test_a_statements_fixed_values_are_written_into_its_sql_and_still_match_exactly() -> None:
    """A fixed value is part of the statement's shape, so PostgreSQL plans knowing it; a
    quote, a percent sign or a backslash in it still matches only itself."""
    people = [*PersonFactory.create_batch(2, preferred_name=AWKWARD), PersonFactory(preferred_name="O")]
    assert NAMED_AWKWARDLY.rows(**{"from": 0}) == people[:2]
    assert NAMED_AWKWARDLY.rows(**{"from": people[1].pk}) == people[1:2]
    compiled = NAMED_AWKWARDLY._compiled_now()
    if connection.vendor == "postgresql":
        assert "Brien 100%%" in compiled.sql  # written in, its percent sign kept literal
        assert len(compiled.params) == 1  # only the slot
    else:
        assert AWKWARD in compiled.params


@pytest.mark.django_db
def test_rows_by_id_are_read_through_one_plan_and_the_connection_is_left_as_it_was() -> None:
    from commitments.selectors import lines_by_id
    from rapport.lib.statements import one_plan_for_any_ids
    from rapport.testing.factories import CommitmentFactory

    postgresql = connection.vendor == "postgresql"
    before = _plan_mode() if postgresql else ""
    made = CommitmentFactory.create_batch(3)
    with one_plan_for_any_ids():
        if postgresql:
            assert _plan_mode() == "force_generic_plan"
        found = lines_by_id([c.pk for c in made] + [2**70])  # one beyond any column matches nothing
    assert sorted(found) == sorted(c.pk for c in made)
    assert found[made[0].pk].title == made[0].title
    if postgresql:
        assert _plan_mode() == before
        with pytest.raises(ZeroDivisionError), one_plan_for_any_ids():
            _ = 1 / 0
        assert _plan_mode() == before

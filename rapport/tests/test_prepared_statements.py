"""On PostgreSQL a statement a connection repeats is prepared, so it is planned once."""

import pytest
from django.db import connection

from people.models import Person
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

"""Changing the audit trail as someone with direct access to the database would."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def behind_the_applications_back() -> Iterator[object]:
    """Raw SQL, as someone with direct access to the database would write it; on
    PostgreSQL as the superuser who can switch the append-only triggers off."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        try:
            yield cursor
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("SET session_replication_role = DEFAULT")

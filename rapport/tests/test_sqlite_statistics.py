"""A SQLite connection leaves the planner statistics for the tables it used as it closes."""

import sqlite3
from pathlib import Path

import pytest
from django.db import connections

from rapport.sqlite.base import DatabaseWrapper


def _open(path: Path) -> DatabaseWrapper:
    # A database of its own beside the test database, filled in with Django's defaults.
    settings = connections.configure_settings({"default": {"ENGINE": "rapport.sqlite", "NAME": str(path)}})
    return DatabaseWrapper(settings["default"], alias="stats")


def _statistics(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as plain:
        known = plain.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchall()
        return plain.execute("SELECT tbl, idx FROM sqlite_stat1").fetchall() if known else []


@pytest.mark.django_db  # a database of its own: this only lets the test open a connection
def test_closing_gathers_statistics_for_tables_the_connection_used(tmp_path: Path) -> None:
    path = tmp_path / "service.sqlite3"
    database = _open(path)
    with database.cursor() as cursor:
        cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, person INTEGER, at INTEGER)")
        cursor.execute("CREATE INDEX visit_person ON visit (person)")
        cursor.executemany(
            "INSERT INTO visit (person, at) VALUES (%s, %s)", [(n % 50, n) for n in range(5000)]
        )
        cursor.execute("SELECT at FROM visit WHERE person = %s", [7])
        cursor.fetchall()
    assert _statistics(path) == []  # nothing gathered while the connection is in use

    database.close()

    assert ("visit", "visit_person") in _statistics(path)


@pytest.mark.django_db
def test_a_service_database_is_read_through_a_shared_memory_map(tmp_path: Path) -> None:
    """Pages beyond a connection's own cache come from the file cache every worker shares."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "rapport.sqlite":
        pytest.skip("the service runs on PostgreSQL here")
    path = tmp_path / "service.sqlite3"
    options = settings.DATABASES["default"]["OPTIONS"]
    found = connections.configure_settings(
        {"default": {"ENGINE": "rapport.sqlite", "NAME": str(path), "OPTIONS": options}}
    )
    database = DatabaseWrapper(found["default"], alias="mapped")
    with database.cursor() as cursor:
        cursor.execute("PRAGMA mmap_size")
        (mapped,) = cursor.fetchone()
        cursor.execute("PRAGMA journal_mode")
        (journal,) = cursor.fetchone()
    database.close()
    assert mapped >= 1024**3
    assert journal == "wal"

"""For tests of what is read in one round trip (rapport.lib.together)."""

from typing import Any
from unittest import mock


def pipelines() -> Any:
    """Counts the pipelines opened on PostgreSQL's connection (none on SQLite)."""
    from psycopg import Connection

    return mock.patch.object(Connection, "pipeline", autospec=True, side_effect=Connection.pipeline)

"""Several statements read in one round trip to the database.

A page reads many short lists that do not depend on each other (the person page's latest
changes, thanks, signposting, teams, leaders, meetings...). Each query is quick for the
database; what each costs the page is mostly its round trip: sending it, PostgreSQL waking
to answer, the answer coming back. On the benchmark machine that is 0.4 to 0.5 ms a query
however small, and a database on another host adds the network's.

`read_together(a.pending(...), b.pending(...))` sends every query at once through psycopg's
pipeline mode and reads the answers as they come, so the page waits for one round trip
instead of one per list. Each list then comes out exactly as `rows()` gives it, through
Django's own iterables. Nothing changes in what is asked or answered, only how many times
the page waits: where there is no pipeline (SQLite, which answers in-process) the queries
simply run one after the other. A query that fails raises as it would alone (in a pipeline,
the queries after it are not run).
"""

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

from rapport.lib.statements import Pending


def read_together(*pending: Pending[Any]) -> list[list[Any]]:
    """The rows of each statement, in the order given."""
    compilers = [p.compiler() for p in pending]
    live = [c for c in compilers if c is not None]
    aliases = {str(c.using) for c in live}
    alias = next(iter(aliases)) if len(aliases) == 1 else DEFAULT_DB_ALIAS
    one_trip = len(aliases) == 1 and len(live) > 1  # one database, more than one query
    read = iter(_read([c.as_sql() for c in live], connections[alias], one_trip))
    return [
        p.rows_from(c, next(read)) if c is not None else [] for p, c in zip(pending, compilers, strict=True)
    ]


def _read(queries: list[tuple[str, Any]], connection: Any, one_trip: bool) -> list[list[Any]]:
    if not (one_trip and connection.vendor == "postgresql"):
        return [_one(connection, sql, params) for sql, params in queries]
    connection.ensure_connection()
    cursors = [connection.cursor() for _ in queries]
    try:
        with connection.wrap_database_errors, connection.connection.pipeline():
            for cursor, (sql, params) in zip(cursors, queries, strict=True):
                cursor.execute(sql, params)
        # Leaving the pipeline has waited for every answer.
        with connection.wrap_database_errors:
            return [list(cursor.fetchall()) for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()


def _one(connection: Any, sql: str, params: Any) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())

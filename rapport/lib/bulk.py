"""Fast inserts of many rows for synthetic data (the benchmark's lived-in service).

Django's `bulk_create` builds a model instance per row and, on SQLite, a statement per 999
values; at millions of rows that is minutes. Here rows are plain tuples: SQLite takes them
through one prepared statement (`executemany`), PostgreSQL through `COPY`. Ids are given by
the caller (`next_id`), so records can point at each other without reading them back, and
the PostgreSQL sequence is moved past them afterwards.

No model's `save()` runs: nothing here is for application code. Sharing records are refused
unless they come through the disclosure gate (`consent.sharing.record_past_disclosures`).
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC
from itertools import islice
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max

Row = Sequence[Any]
_BATCH = 20_000


class RefusedBulkWrite(Exception):
    """This model may not be written around its own rules."""


_guards: dict[str, Callable[[], bool]] = {}


def guard(label: str, allowed: Callable[[], bool]) -> None:
    """Let an app refuse bulk rows for one of its models unless `allowed()` (the consent app
    refuses disclosures outside its gate)."""
    _guards[label] = allowed


def next_id(model: type[models.Model]) -> int:
    return int(model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1


def _converter(field: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
    if connection.vendor == "sqlite" and isinstance(field, models.DateTimeField):
        adapt = connection.ops.adapt_datetimefield_value
        if connection.timezone is not UTC:
            return adapt
        # What Django stores for a moment in UTC, without its lookups for each of millions of
        # values (a fifth of a build's time went there).
        return lambda value: (
            str(value.replace(tzinfo=None)) if value is not None and value.tzinfo is UTC else adapt(value)
        )
    if connection.vendor == "sqlite" and isinstance(field, models.DateField):
        return lambda value: None if value is None else value.isoformat()
    return None


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[Row]) -> int:
    """Insert `rows` (tuples in the order of `columns`, field names) into `model`'s table."""
    allowed = _guards.get(model._meta.label)
    if allowed is not None and not allowed():
        raise RefusedBulkWrite(f"{model._meta.label} rows must come through their own service.")
    fields: list[Any] = [model._meta.get_field(name) for name in columns]
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    converters = [(i, c) for i, f in enumerate(fields) if (c := _converter(f)) is not None]

    def prepared(batch: list[Row]) -> list[Row]:
        if not converters:
            return batch
        out: list[Row] = []
        for row in batch:
            values = list(row)
            for i, convert in converters:
                values[i] = convert(values[i])
            out.append(values)
        return out

    count = 0
    iterator = iter(rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in iterator:
                    copy.write_row(row)
                    count += 1
        else:
            marks = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            while batch := list(islice(iterator, _BATCH)):
                cursor.executemany(sql, prepared(batch))
                count += len(batch)
    return count


def roomy_cache() -> None:
    """On SQLite, a page cache of up to 1 GB for this connection: inserting millions of rows
    into indexed tables otherwise re-reads the same index pages from the WAL, and slows as it
    grows. PostgreSQL has its own shared buffers."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -1000000")


def reset_sequences(*models_: type[models.Model]) -> None:
    """After rows with given ids: the next id the database hands out comes after them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)

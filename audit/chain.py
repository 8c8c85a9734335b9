"""A tamper-evident audit trail: each event carries a hash over its content and the previous
event's hash, and a seal of every link is kept in an add-only table.

Editing a row changes its hash; deleting or inserting one breaks the sequence or the next
link; deleting the newest rows leaves seals with no event. `verify()` walks the chain in
order, streaming, and names the first broken link (`manage.py verify_audit`, and the
administrators' "Audit trail check" page).
"""

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from audit.models import AuditChainHead, AuditEvent, AuditSeal

GENESIS = "0" * 64
_BATCH = 5000


# What a walk reads of each event: what the hash covers, and the hash.
_READ = (
    *("seq", "at", "actor_id", "action", "person_id", "object_type", "object_id"),
    *("summary", "path", "ip_address", "user_agent", "reason", "chain_hash", "id"),
)


def content_of(event: Any) -> bytes:
    """What the hash covers: every field a reader relies on, in a fixed form. `event` is an
    AuditEvent, or a row of its `_READ` columns (a walk reads millions: as rows, not
    models, it takes about half the time)."""
    fields = {
        "seq": event.seq,
        "at": event.at.isoformat(),
        "actor": event.actor_id,
        "action": event.action,
        "person": event.person_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "summary": event.summary,
        "path": event.path,
        "ip_address": event.ip_address or "",
        "user_agent": event.user_agent,
        "reason": event.reason,
    }
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str).encode()


def link(previous_hash: str, event: Any) -> str:
    return hashlib.sha256(previous_hash.encode() + b"\n" + content_of(event)).hexdigest()


def append(event: AuditEvent) -> AuditEvent:
    """Save a new event as the next link."""
    return append_many([event])[0]


def append_many(events: list[AuditEvent]) -> list[AuditEvent]:
    """Save new events as consecutive links in a fixed number of statements (a list or
    search shows many people; each look is written against each person). The head row is
    locked for the rest of the transaction, so events saved at once are chained one after
    the other.

    Every page that names a person writes here, so the statements are written out once
    (`_Statements`) rather than built by the ORM each time: building them was most of the
    cost of writing 25 events for a list. Each value still goes through its field's own
    preparation for the database, as the ORM would send it."""
    if not events:
        return events
    with transaction.atomic():
        connection = transaction.get_connection()
        sql = _Statements.of(connection)
        with connection.cursor() as cursor:
            cursor.execute(sql.head)
            found = cursor.fetchone()
            if found is None:
                AuditChainHead.objects.create(pk=1, seq=0, chain_hash=GENESIS)
                found = (0, GENESIS)
            first = seq = int(found[0])
            previous = str(found[1])
            for event in events:
                seq += 1
                event.seq = seq
                event.chain_hash = previous = link(previous, event)
            sealed_at = timezone.now()  # one moment for the links written together
            seals = [
                AuditSeal(seq=first + n, chain_hash=e.chain_hash, at=sealed_at)
                for n, e in enumerate(events, start=1)
            ]
            if sql.all_at_once:  # PostgreSQL: events, seals and the head in one statement
                cursor.execute(
                    sql.all_at_once,
                    [
                        seq,
                        previous,
                        *sql.seals.values(seals, connection),
                        *sql.events.values(events, connection),
                    ],
                )
                ids = {row_seq: pk for pk, row_seq in cursor.fetchall()}
            else:
                sql.events.run(cursor, events, connection)
                ids = {row_seq: pk for pk, row_seq in cursor.fetchall()}
                sql.seals.run(cursor, seals, connection)
                cursor.execute(sql.move_head, [seq, previous])
    for event in events:
        event.pk = ids[event.seq]
        event._state.adding, event._state.db = False, connection.alias
    return events


@dataclass(frozen=True)
class _Insert:
    """An INSERT of many rows, each value prepared by its field as the ORM would send it
    (a date and time as the database's text, say). On PostgreSQL the rows go as one JSON
    array of arrays, so the SQL is the same however many rows a page writes: psycopg
    splits a query of more than 50 placeholders afresh every time (half the cost of
    writing 25 events), while this one it parses once and PostgreSQL prepares. SQLite's
    driver has no such cost, and reading the JSON back was slower there than placeholders."""

    sql: str  # with {rows} where the placeholders go, unless as_json
    fields: list[Any]
    as_json: bool

    @classmethod
    def of(cls, connection: Any, model: Any, fields: list[Any], returning: str = "") -> "_Insert":
        quote = connection.ops.quote_name
        into = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)})"
        if connection.vendor != "postgresql":
            return cls(f"{into} VALUES {{rows}}{returning}", fields, as_json=False)
        picks = ", ".join(f"(r ->> {i})::{f.db_type(connection)}" for i, f in enumerate(fields))
        return cls(f"{into} SELECT {picks} FROM json_array_elements(%s::json) AS r{returning}", fields, True)

    def values(self, rows: list[Any], connection: Any) -> list[Any]:
        """The one parameter of a JSON insert: every row's values, prepared by its fields."""
        return [json.dumps(self._prepared(rows, connection), ensure_ascii=False, default=str)]

    def _prepared(self, rows: list[Any], connection: Any) -> list[list[Any]]:
        """Each distinct value of a column is prepared once: a list's events share who
        looked, at what moment, from where and why, and only the person differs."""
        memos: list[dict[Any, Any]] = [{} for _ in self.fields]
        columns = list(zip(self.fields, memos, strict=True))
        return [[self._one(field, memo, row, connection) for field, memo in columns] for row in rows]

    @staticmethod
    def _one(field: Any, memo: dict[Any, Any], row: Any, connection: Any) -> Any:
        value = field.pre_save(row, True)
        key = (type(value), value)  # 1 and True are equal as keys, and not the same value
        if key not in memo:
            memo[key] = field.get_db_prep_save(value, connection)
        return memo[key]

    def run(self, cursor: Any, rows: list[Any], connection: Any) -> None:
        if self.as_json:
            cursor.execute(self.sql, self.values(rows, connection))
        else:
            prepared = self._prepared(rows, connection)
            one = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
            cursor.execute(
                self.sql.format(rows=", ".join([one] * len(rows))), [v for row in prepared for v in row]
            )


@dataclass(frozen=True)
class _Statements:
    """The chain's statements for one database connection's dialect."""

    head: str
    move_head: str
    events: _Insert
    seals: _Insert
    # On PostgreSQL, the three writes as one statement (data-modifying WITH): a page that
    # names a person waits for two round trips fewer.
    all_at_once: str = ""

    @classmethod
    def of(cls, connection: Any) -> "_Statements":
        key = connection.vendor
        if key not in _STATEMENTS:
            quote = connection.ops.quote_name
            head = quote(AuditChainHead._meta.db_table)
            lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
            event_fields = [f for f in AuditEvent._meta.concrete_fields if not f.primary_key]
            pk, seq, chain_hash = quote(AuditEvent._meta.pk.column), quote("seq"), quote("chain_hash")
            one_head = f"{quote('id')} = 1"
            move_head = f"UPDATE {head} SET {seq} = %s, {chain_hash} = %s WHERE {one_head}"
            events = _Insert.of(connection, AuditEvent, event_fields, f" RETURNING {pk}, {seq}")
            seals = _Insert.of(connection, AuditSeal, list(AuditSeal._meta.concrete_fields))
            all_at_once = ""
            if events.as_json and seals.as_json:
                all_at_once = (
                    f"WITH moved AS ({move_head}), sealed AS ({seals.sql}), written AS ({events.sql})"
                    f" SELECT {pk}, {seq} FROM written"
                )
            _STATEMENTS[key] = cls(
                head=f"SELECT {seq}, {chain_hash} FROM {head} WHERE {one_head}{lock}",
                move_head=move_head,
                events=events,
                seals=seals,
                all_at_once=all_at_once,
            )
        return _STATEMENTS[key]


_STATEMENTS: dict[str, _Statements] = {}


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None = None  # the seq of the first broken link
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _in_order(queryset: Any, through: int) -> Iterator[Any]:
    """Stream rows in seq order up to `through`, in batches (keyset paging: flat memory,
    no OFFSET)."""
    last = 0
    while True:
        batch = list(queryset.filter(seq__gt=last, seq__lte=through).order_by("seq")[:_BATCH])
        if not batch:
            return
        yield from batch
        last = batch[-1].seq


def _end_of_chain() -> int:
    """The last seq of the events and of the seals as they stand now, read in one statement
    (one snapshot): an event and its seal are written in one transaction, so they agree
    unless someone went behind the application's back.

    The walk stops there. On a running service events are written while it reads (every
    page that names someone writes one); without a fixed end, an event and seal committed
    between the last batch of events and the last batch of seals read as a deleted event
    whose seal remains."""
    events, seals = AuditEvent._meta.db_table, AuditSeal._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT MAX(seq) FROM {events}), (SELECT MAX(seq) FROM {seals})")
        row = cursor.fetchone()
    return max(row[0] or 0, row[1] or 0)


def verify(progress: Callable[[int], None] | None = None) -> ChainReport:
    """Walk the chain as it stood when the walk began; `progress` hears how many events
    were found sound, every batch (a walk of millions takes minutes: audit.checks
    follows it)."""
    previous, expected, checked = GENESIS, 1, 0
    through = _end_of_chain()
    seals = _in_order(AuditSeal.objects.values_list("seq", "chain_hash", named=True), through)
    unchained = AuditEvent.objects.filter(seq__isnull=True).order_by("id").first()
    if unchained is not None:
        return ChainReport(0, 0, f"Event {unchained.pk} ({unchained.summary!r}) is outside the chain.")
    for event in _in_order(AuditEvent.objects.values_list(*_READ, named=True), through):
        if event.seq != expected:
            return ChainReport(checked, expected, f"Events {expected} to {event.seq - 1} are missing.")
        if link(previous, event) != event.chain_hash:
            return ChainReport(checked, event.seq, f"Event {event.seq} was changed or inserted.")
        seal: Any = next(seals, None)
        if seal is None or seal.seq != event.seq or seal.chain_hash != event.chain_hash:
            return ChainReport(checked, event.seq, f"Event {event.seq} does not match its seal.")
        previous, expected, checked = event.chain_hash, expected + 1, checked + 1
        if progress is not None and not checked % _BATCH:
            progress(checked)
    extra: Any = next(seals, None)
    if extra is not None:
        return ChainReport(
            checked, extra.seq, f"Events from {extra.seq} on were deleted; their seals remain."
        )
    return ChainReport(checked)

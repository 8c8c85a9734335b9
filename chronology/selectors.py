"""The timeline of one person: every kind of record in one order, read a page at a time.

The database orders and cuts the narrow rows of every kind (one UNION), then each kind on
the page reads its own records: the queries stay the same however long the history grows.
Callers have already loaded the person through the access rule.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from django.db.models import Model, QuerySet

from accounts.models import User
from chronology.kinds import KIND_OF, KINDS, Entry
from people.models import Person
from rapport.lib.lookups import IdList
from rapport.lib.statements import (
    Bound,
    ForViewer,
    Slot,
    Statement,
    known_as,
    one_plan_for_any_ids,
    stand_in,
)
from rapport.lib.together import read_together

Row = tuple[str, int, Any, int | None]


def timeline_rows(
    person: Person, user: User, *, kinds: Iterable[str] = (), member: int | None = None
) -> QuerySet[Any] | list[Row]:
    """(kind, id, when, relationship) of the person's records, newest first. `kinds` empty
    means every kind; `member` keeps only records with that relationship of theirs."""
    wanted = set(kinds) or set(KIND_OF)
    parts = [
        rows for kind in KINDS if kind.code in wanted if (rows := kind.rows(person, user, member)) is not None
    ]
    if not parts:
        return []
    first, *rest = parts
    combined = first.union(*rest, all=True) if rest else first
    return combined.order_by(*TIMELINE_ORDER)


TIMELINE_ORDER = ("-entry_at", "entry_kind", "-entry_id")
# The whole timeline (no filter), the one nearly every visit asks for, as a statement: the
# UNION of every kind, built through each kind's own rules with stand-ins for the person and
# the reader, compiled once per kind of reader. Filtered timelines are built each time.
WHOLE_TIMELINE = ForViewer(lambda viewer: _every_kind(stand_in(Person, "person"), viewer))


def _every_kind(person: Person, viewer: User) -> QuerySet[Any]:
    rows = timeline_rows(person, viewer)
    assert isinstance(rows, QuerySet)  # every kind is asked for
    return rows.order_by()


def whole_timeline(person: Person, user: User) -> Bound:
    """Every record of the person's timeline, for a paginator to read a page of."""
    return replace(WHOLE_TIMELINE.bound(user, person=person.pk), order=TIMELINE_ORDER)


def _records_of(model: type[Model]) -> QuerySet[Any]:
    related = {name for kind in KINDS if kind.model is model for name in kind.related}
    return model._default_manager.select_related(*related).order_by().filter(pk__one_of=Slot("ids", IdList()))


# One statement per model on the timeline: the ids of a page are one parameter, so the SQL
# is the same whatever the page holds, written once per process and prepared by PostgreSQL.
RECORDS_OF = {model: Statement(partial(_records_of, model)) for model in {kind.model for kind in KINDS}}


def entries_for(person: Person, rows: Sequence[Row]) -> list[Entry]:
    """The records behind one page of rows, in row order: one query per model on the page
    (things owed and done are both commitments, read once). Every record is about this
    person, so it is given the person already loaded instead of joining their row again.
    Unordered: the rows already give the order, and ordering a wide joined query costs
    Django a hash of every column it selects."""
    if not rows:
        return []
    ids: dict[type[Model], set[int]] = defaultdict(set)
    for code, pk, _, _ in rows:
        ids[KIND_OF[code].model].add(pk)
    models = list(ids)
    with one_plan_for_any_ids():  # and in one round trip (rapport.lib.together)
        read = read_together(*(RECORDS_OF[model].pending(ids=sorted(ids[model])) for model in models))
    records = {model: {row.pk: row for row in found} for model, found in zip(models, read, strict=True)}
    for model, by_pk in records.items():
        if any(f.name == "person" and f.many_to_one for f in model._meta.fields):
            known_as(by_pk.values(), person=person)
    return [
        KIND_OF[code].entry(records[KIND_OF[code].model][pk])
        for code, pk, _, _ in rows
        if pk in records[KIND_OF[code].model]
    ]

"""Queries of a fixed shape, turned into SQL once per process and run with new values.

Django builds and compiles every query afresh on every request: for the joined, narrowed
lists a page shows (five to ten tables, `select_related` and `only`), that is 0.5 to 1.5 ms
of CPU per query, more than PostgreSQL then takes to run it, and about a third of a page's
Python. Most of those queries differ between requests only in a value or two (whose person
page, which member of staff).

A `Statement` is written once with a `Slot` wherever such a value goes:

    LATEST_CHANGES = Statement(
        lambda: Change.objects.filter(person_id=Slot("person")).order_by("-observed_at")[:5]
    )
    LATEST_CHANGES.rows(person=person.pk)

The query is built and compiled the first time it runs against a database; later runs
reuse that SQL, put the values in the slots' places, and read the rows through Django's own
iterables (select_related, only, values and prefetch_related work as usual). Because the
query is built with no values at all, its shape cannot depend on them. It refuses what would
freeze a value that should change: a date or time fixed when the query was built (pass it
through a slot), and a builder with a closure (it would capture values of its first caller).
Whatever chooses the shape of a query (who may see what) stays in its builder.

A query about what one member of staff may see (`ForViewer`) is built through the access
rule itself, once per kind of viewer (role, administrator, active), with a stand-in for the
viewer: a user with the same role whose id is a slot. The rule's code runs unchanged (its
branches read the role; its conditions name the user, which becomes the slot), so there is
still one access rule, and the viewer's id is the only value that changes between runs.
"""

import copy
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from typing import Any, Generic, TypeVar, cast

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router
from django.db.models import BigIntegerField, Expression, Field, Lookup, Model, QuerySet, Value
from django.db.models.sql import Query
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.where import WhereNode

M = TypeVar("M")
_UNSET = object()


@dataclass(frozen=True)
class _Hole:
    """Where a slot's value goes among the compiled query's parameters."""

    name: str
    prepare: Field[Any, Any] = field(compare=False)  # fields compare by when they were made


class Slot(Expression):
    """A value given when the statement runs (`rows(name=value)`), prepared for the database
    by `output_field` (a big integer, an id, unless told otherwise)."""

    def __init__(self, name: str, output_field: Field[Any, Any] | None = None) -> None:
        super().__init__(output_field=output_field or BigIntegerField())
        self.name = name

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        return "%s", [_Hole(self.name, self.output_field)]

    def __repr__(self) -> str:
        return f"Slot({self.name!r})"


@dataclass
class _Compiled:
    rows: QuerySet[Any]
    compiler: SQLCompiler
    sql: str
    params: list[Any]
    names: frozenset[str]
    # How each selected column is turned into Python (a date from SQLite's text, say), as
    # Django's compiler works it out before reading any rows: asked of the backend and the
    # field for every column on every run (a page of ten statements, 500 columns, 1,500
    # calls), the same answer each time for the same statement on the same database.
    converters: dict[int, Any] | None = None


class Statement(Generic[M]):
    def __init__(self, build: Callable[[], QuerySet[Any, M]]) -> None:
        _refuse_closures(build)
        self._build = build
        self._model: type[Model] | None = None
        self._compiled: dict[str, _Compiled] = {}

    def rows(self, **values: Any) -> list[M]:
        """The rows for these values, through Django's iterable (models, values or tuples)."""
        return self._run(self._compiled_now(), values)

    def _run(self, compiled: _Compiled, values: dict[str, Any]) -> list[M]:
        prepared = self._prepare(compiled, values)
        return [] if prepared is None else _through(compiled, prepared)

    def _prepare(self, compiled: _Compiled, values: dict[str, Any]) -> SQLCompiler | None:
        """A compiler of this query answering with the compiled SQL and these values (None
        when a value can match nothing)."""
        if not compiled.sql:
            return None
        if set(values) != compiled.names:
            raise TypeError(f"This statement takes {sorted(compiled.names)}, not {sorted(values)}.")
        connection = connections[compiled.rows.db]
        try:
            params = [_fill(p, values, connection) if isinstance(p, _Hole) else p for p in compiled.params]
        except _BeyondTheColumn:
            return None
        compiler = copy.copy(compiled.compiler)
        compiler.connection = connection
        compiler.as_sql = lambda *args, **kwargs: (compiled.sql, params)  # type: ignore[method-assign, assignment]
        compiler.get_converters = partial(_converters, compiled, compiler.get_converters)  # type: ignore[method-assign]
        return compiler

    def bound(self, **values: Any) -> "Bound":
        """The statement with its values, for what wraps its SQL (a page of a UNION)."""
        return Bound(lambda: self._prepare(self._compiled_now(), values))

    def pending(self, **values: Any) -> "Pending[M]":
        """The statement with its values, to be read with others (rapport.lib.together)."""
        return Pending(self, self._compiled_now(), values)

    def _compiled_now(self) -> _Compiled:
        """The compiled query for the database this model is read from, compiled the first
        time (and, when checking, every time, to compare with the first)."""
        alias = router.db_for_read(self._model) if self._model is not None else None
        compiled = self._compiled.get(alias) if alias is not None else None
        if compiled is None or getattr(settings, "RAPPORT_CHECK_STATEMENTS", False):
            fresh = self._compile(alias)
            if compiled is not None and (fresh.sql, fresh.params) != (compiled.sql, compiled.params):
                raise AssertionError(f"A statement changed shape between runs:\n{compiled.sql}\n{fresh.sql}")
            self._model = fresh.rows.model
            compiled = self._compiled.setdefault(fresh.rows.db, fresh)
        return compiled

    def _compile(self, alias: str | None) -> _Compiled:
        rows: Any = self._build()
        rows = rows.using(alias) if alias is not None else rows
        if rows._known_related_objects or rows._result_cache is not None:
            raise ImproperlyConfigured("Build a statement from a manager, not from a related manager.")
        frozen = list(_fixed_times(rows.query))
        if frozen:
            raise ImproperlyConfigured(f"A statement would fix {frozen} for good: pass it through a Slot.")
        compiler = rows.query.get_compiler(using=rows.db)
        try:
            sql, params = compiler.as_sql()
            sql, params = _fixed_values_written_in(sql, params, connections[rows.db])
        except EmptyResultSet:  # known to match nothing (the rule of an inactive account)
            sql, params = "", []
        names = frozenset(p.name for p in params if isinstance(p, _Hole))
        return _Compiled(rows=rows, compiler=compiler, sql=sql, params=list(params), names=names)


_PLACEHOLDER = re.compile(r"%%|%s")
_WRITTEN_IN = (str, int)  # a bool is an int; anything else stays a parameter


def _fixed_values_written_in(sql: str, params: Iterable[Any], connection: Any) -> tuple[str, list[Any]]:
    """On PostgreSQL, the values that are part of the statement's shape (a status, a kind,
    a flag: everything that is not a slot) written into its SQL as literals; only the
    slots stay parameters. PostgreSQL plans a prepared statement afresh
    on each run until a plan made without the values looks as good, and with `status =
    $2` it could never tell that the rows asked for are the few open ones: it planned the
    person page's open commitments (eight tables) every time, 3 to 5 ms for a query that
    runs in 0.3. Told `status = 'open'`, it keeps one plan after five runs. A statement
    taking a list of ids still gets a plan for each list when that is better, as before.
    Quoted by Django's own `compose_sql` (psycopg's client-side quoting)."""
    params = list(params)
    if connection.vendor != "postgresql":
        return sql, params
    remaining = iter(params)
    kept: list[Any] = []

    def write(placeholder: re.Match[str]) -> str:
        if placeholder.group() == "%%":
            return "%%"
        value = next(remaining)
        if isinstance(value, _Hole) or not isinstance(value, _WRITTEN_IN):
            kept.append(value)
            return "%s"
        return str(connection.ops.compose_sql("%s", [value])).replace("%", "%%")

    written = _PLACEHOLDER.sub(write, sql)
    if next(remaining, _UNSET) is not _UNSET:  # the SQL had fewer places than values
        raise ImproperlyConfigured(f"A statement's values do not match its SQL:\n{sql}")
    return written, kept


def _refuse_closures(build: Callable[..., Any]) -> None:
    """A closure would capture the values of whoever built the statement first."""
    if getattr(build, "__closure__", None):
        raise ImproperlyConfigured("A statement's builder must not close over values: use a Slot.")


def _fixed_times(node: Any) -> Iterator[object]:
    """Dates and times written into a query as plain values, however deep (conditions,
    expressions, subqueries)."""
    if isinstance(node, date | datetime | time):
        yield node
    elif isinstance(node, list | tuple | set | frozenset):
        for item in node:
            yield from _fixed_times(item)
    elif isinstance(node, Query):
        yield from _fixed_times(node.where)
        yield from _fixed_times(list(node.annotations.values()))
    elif isinstance(node, WhereNode):
        yield from _fixed_times(node.children)
    elif isinstance(node, Lookup):
        yield from _fixed_times([node.lhs, node.rhs])
    elif hasattr(node, "query") and isinstance(node.query, Query):  # Subquery, Exists, QuerySet
        yield from _fixed_times(node.query)
    elif isinstance(node, Value):
        yield from _fixed_times(node.value)
    elif hasattr(node, "get_source_expressions"):
        yield from _fixed_times(node.get_source_expressions())


class ForViewer(Generic[M]):
    """A statement whose builder takes the viewer (`build(viewer)`), compiled once per kind
    of viewer; `rows(viewer, **values)`."""

    SHAPE = ("role", "is_superuser", "is_active", "is_staff")

    def __init__(self, build: Callable[[Any], QuerySet[Any, M]]) -> None:
        _refuse_closures(build)
        self._build = build
        self._by_shape: dict[tuple[Any, ...], Statement[M]] = {}

    def _statement(self, viewer: Any) -> Statement[M]:
        shape = (viewer.__class__, viewer.is_authenticated, *(getattr(viewer, name) for name in self.SHAPE))
        statement = self._by_shape.get(shape)
        if statement is None:
            statement = self._by_shape.setdefault(shape, Statement(partial(self._build, _stand_in(viewer))))
        return statement

    def rows(self, viewer: Any, **values: Any) -> list[M]:
        statement = self._statement(viewer)
        compiled = statement._compiled_now()
        return statement._run(compiled, self._with_viewer(compiled, viewer, values))

    def bound(self, viewer: Any, **values: Any) -> "Bound":
        statement = self._statement(viewer)

        def prepare() -> SQLCompiler | None:
            compiled = statement._compiled_now()
            return statement._prepare(compiled, self._with_viewer(compiled, viewer, values))

        return Bound(prepare)

    def pending(self, viewer: Any, **values: Any) -> "Pending[M]":
        statement = self._statement(viewer)
        compiled = statement._compiled_now()
        return Pending(statement, compiled, self._with_viewer(compiled, viewer, values))

    @staticmethod
    def _with_viewer(compiled: _Compiled, viewer: Any, values: dict[str, Any]) -> dict[str, Any]:
        if "viewer" in compiled.names:  # an administrator's rule names no one
            return {"viewer": viewer.pk, **values}
        return values


def _stand_in(viewer: Any) -> Any:
    """A user like the viewer in all that shapes the access rule, whose id is a slot."""
    return stand_in(viewer.__class__, "viewer", **{name: getattr(viewer, name) for name in ForViewer.SHAPE})


def stand_in(model: type[Model], name: str, **shape: Any) -> Any:
    """A `model` whose id is the slot `name`: a condition naming it (`owner=user`,
    `person=person`, `pk=user.pk`) becomes `= %s`, filled in on each run. `shape` gives
    the fields the builder may branch on (a user's role); every other field is left
    unloaded, so a builder reading one fails loudly (Django would fetch it, by the slot)
    instead of quietly reading a blank for everyone."""
    slot = Slot(name)
    loaded = {model._meta.pk.attname: slot, **shape}
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in loaded]
    standing = model.from_db(None, fields, [loaded[attname] for attname in fields])
    cast(Any, standing).resolve_expression = slot.resolve_expression
    return standing


@dataclass
class Bound:
    """A statement and its values: `compiled()` gives a compiler and its SQL and values, or
    None when they can match nothing."""

    prepare: Callable[[], SQLCompiler | None]
    order: tuple[str, ...] = ()  # plain column names ("-entry_at"), for what orders around it

    def compiled(self) -> tuple[SQLCompiler, str, list[Any]] | None:
        compiler = self.prepare()
        if compiler is None:
            return None
        sql, params = compiler.as_sql()
        return compiler, sql, list(params)


@dataclass
class Pending(Generic[M]):
    """A statement and its values, not yet run: `compiler()` gives what runs it (None when
    its values can match nothing), and `rows_from(rows)` turns the rows read through that
    compiler's SQL into what `rows()` would have given (models, values, related rows)."""

    statement: Statement[M]
    compiled: _Compiled
    values: dict[str, Any]

    def compiler(self) -> SQLCompiler | None:
        return self.statement._prepare(self.compiled, self.values)

    def rows_from(self, compiler: SQLCompiler, rows: list[Any]) -> list[M]:
        if compiler.has_extra_select:  # as Django's cursor_iter: only the selected columns
            rows = [row[: compiler.col_count] for row in rows]
        compiler.execute_sql = lambda *args, **kwargs: iter([rows])  # type: ignore[method-assign, assignment]
        return _through(self.compiled, compiler)


def _through(compiled: _Compiled, compiler: SQLCompiler) -> list[Any]:
    """The statement's rows through Django's own iterable, run by this compiler."""
    rows: Any = compiled.rows._chain()  # type: ignore[attr-defined]
    rows.query.get_compiler = lambda *args, **kwargs: compiler
    return list(rows)


def _converters(
    compiled: _Compiled, work_out: Callable[[Any], dict[int, Any]], expressions: Any
) -> dict[int, Any]:
    """The statement's converters, worked out by Django the first time (see _Compiled)."""
    if compiled.converters is None:
        compiled.converters = work_out(expressions)
    return compiled.converters


class _BeyondTheColumn(Exception):
    pass


def _fill(hole: _Hole, values: dict[str, Any], connection: Any) -> Any:
    """The value prepared for the database. Slots stand for ids: a whole number no column
    can hold (`/people/99999999999999999999/`) matches nothing, as Django answers it."""
    value = hole.prepare.get_db_prep_value(values[hole.name], connection, prepared=False)
    kind = hole.prepare.get_internal_type()
    if isinstance(value, int) and kind in connection.ops.integer_field_ranges:
        low, high = connection.ops.integer_field_range(kind)
        if (low is not None and value < low) or (high is not None and value > high):
            raise _BeyondTheColumn
    return value


def one_row(rows: QuerySet[Any]) -> QuerySet[Any]:
    """For counts over all the rows (`one_row(rows).annotate(n=Count(...))`), as one row of
    values a statement can read: `aggregate()` is not a query that can be run again. The
    constant adds no GROUP BY, so there is always one row, even over no rows at all (none
    only when the rule matches nothing before asking: see counts_of)."""
    return rows.order_by().annotate(all_rows=Value(1)).values("all_rows")


def counts_of(statement: Statement[Any], **values: Any) -> dict[str, int]:
    """The counts of a `one_row` statement (an empty dict when there was no row)."""
    return counts_in(statement.rows(**values))


def counts_in(rows: list[Any]) -> dict[str, int]:
    """The counts in the rows a `one_row` statement gave (read with others, say)."""
    return dict(rows[0]) if rows else {}


def by_id(statement: Statement[Any], ids: Iterable[int]) -> dict[int, Any]:
    """The rows of a statement read by its `ids` slot, by id: lists choose their few ids
    narrow, then read only those rows in full and put them in the ids' order. No ids, no
    query."""
    wanted = list(ids)
    return {row.pk: row for row in statement.rows(ids=wanted)} if wanted else {}


@contextmanager
def one_plan_for_any_ids(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Statements run inside read their rows by id (`by_id`) through one plan, however many
    ids each is given. They find them the same way for any list (one index look-up each,
    then their joins), but PostgreSQL cannot know that: it plans a list as if of ten, finds
    a plan for the actual five cheaper, and so plans afresh on every run (2 to 4 ms for the
    timeline's eight-table commitments, which then run in 0.5). Two commands around a
    page's reads: only worth it where a page reads several kinds of record by id. Only
    with prepared statements: without them every query carries its values written in,
    and is planned with them anyway. Behind a pooler sharing server connections between
    transactions, the two commands can reach different connections; that changes which
    plan a query gets, never its answer."""
    connection = connections[using]
    if connection.vendor != "postgresql" or not connection.settings_dict["OPTIONS"].get("prepare_threshold"):
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET plan_cache_mode = force_generic_plan")
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("RESET plan_cache_mode")
        except DatabaseError:  # a failed transaction: its rollback undoes the SET as well
            pass


def known_as(rows: Iterable[Any], **related: Model) -> None:
    """Give each row objects the page has already loaded (the person of a person page), as
    a related manager would, so reading `row.person` asks nothing more."""
    for row in rows:
        for name, value in related.items():
            setattr(row, name, value)

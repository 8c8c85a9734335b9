"""One page of a list, and how many there are, in one query.

Django's Paginator counts first and then reads the page: two queries, each built and
compiled from the same filters (the access rule among them). Here the page's rows carry the
total as a window count, so a list page asks once. An empty page (past the end, or nothing
found) falls back to the ordinary count, and so do DISTINCT and values() queries (a window
would count rows before duplicates are removed, and values() rows have nowhere to carry it),
and so does a paginator with orphans.

A UNION of narrow rows (the timeline's every kind of record) is built and compiled once,
the costliest part of such a page: its page and its total are then read by one statement
around that SQL, ordered outside it by the same columns, with Django's own conversion of
each value (a date from SQLite's text, say).
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window
from django.db.models.query import ModelIterable, ValuesListIterable
from django.utils.functional import cached_property

from rapport.lib.in_order import in_order
from rapport.lib.statements import Bound

_TOTAL = "_found_in_all"
_FURTHEST = 2**31  # an offset no real list reaches; ?page=99999999999999999999999 is counted first


class OneQueryPaginator(Paginator):
    """Django's Paginator, reading a page and its total in one query. With `load`, the
    page is chosen from narrow rows first (ids only, in order: the query the planner can
    cut early) and only the rows on it are then read in full through `load(queryset)`,
    joins and all: joined first, PostgreSQL had joined the parties of every open complaint
    of the service before keeping the reader's few."""

    def __init__(
        self, *args: Any, load: Callable[[QuerySet[Any]], QuerySet[Any]] | None = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.load = load

    @cached_property
    def count(self) -> int:
        """As Django's; a statement's rows are counted around its SQL."""
        if not isinstance(self.object_list, Bound):
            return super().count
        compiled = self.object_list.compiled()
        if compiled is None:
            return 0
        compiler, sql, params = compiled
        with compiler.connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS combined", params)
            return int(cursor.fetchone()[0])

    def get_page(self, number: Any) -> Page:
        """As Django's: page 1 for a number that is not one, the last for one past the end
        (Django's version counts first, to check the number)."""
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return super().get_page(number)

    def page(self, number: Any) -> Page:
        qs = self.object_list
        if isinstance(qs, Bound):
            return self._around(qs.compiled(), qs.order, number)
        if self.orphans or not isinstance(qs, QuerySet):
            return super().page(number)
        if _combined_rows(qs):
            return self._combined_page(qs, number)
        if not _rows_of_models(qs):
            return super().page(number)
        number = self.validate_number_shape(number)
        bottom = (number - 1) * self.per_page
        if bottom > _FURTHEST:
            return super().page(number)  # count first, as Django does: no database takes any offset
        chosen = qs.only("pk") if self.load else qs
        rows = list(chosen.annotate(**{_TOTAL: Window(Count("pk"))})[bottom : bottom + self.per_page])
        if not rows:
            return super().page(number)
        self.__dict__["count"] = getattr(rows[0], _TOTAL)  # Paginator.count is a cached property
        if self.load:
            rows = in_order(self.load(qs.model._default_manager.all()), [row.pk for row in rows])
        return Page(rows, number, self)

    def _get_page(self, object_list: Any, number: int, paginator: Paginator) -> Page:
        """Django's own path (a count first, then the slice), also loading in full."""
        if self.load and isinstance(object_list, QuerySet):
            ids = list(object_list.values_list("pk", flat=True))
            object_list = in_order(self.load(object_list.model._default_manager.all()), ids)
        return super()._get_page(object_list, number, paginator)  # type: ignore[misc]

    def _combined_page(self, qs: QuerySet[Any], number: Any) -> Page:
        compiler = qs.order_by().query.get_compiler(qs.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:  # every part matches nothing, known before asking
            return self._around(None, (), number)
        names = tuple(str(name) for name in qs.query.order_by)  # plain names: see _combined_rows
        return self._around((compiler, sql, list(params)), names, number)

    def _around(
        self, compiled: tuple[Any, str, list[Any]] | None, names: tuple[str, ...], number: Any
    ) -> Page:
        """The page and the total of the rows of this SQL (a UNION's, or a statement's), in
        the order of these column names, by one statement around it."""
        number = self.validate_number_shape(number)
        bottom = (number - 1) * self.per_page
        if compiled is None:  # nothing can match
            self.__dict__["count"] = 0
            self.validate_number(number)
            return Page([], number, self)
        compiler, sql, params = compiled
        quote = compiler.connection.ops.quote_name
        order = ", ".join(f"{quote(name.lstrip('-'))}{' DESC' if name[0] == '-' else ''}" for name in names)
        with compiler.connection.cursor() as cursor:
            if bottom <= _FURTHEST:
                cursor.execute(
                    f"SELECT *, COUNT(*) OVER () FROM ({sql}) AS combined"
                    f" ORDER BY {order} LIMIT {int(self.per_page)} OFFSET {int(bottom)}",
                    params,
                )
                found = cursor.fetchall()
                if found:
                    self.__dict__["count"] = found[0][-1]
                    rows = list(
                        compiler.results_iter(results=[[row[:-1] for row in found]], tuple_expected=True)
                    )
                    return Page(rows, number, self)
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS combined", params)
            self.__dict__["count"] = cursor.fetchone()[0]
        self.validate_number(number)  # EmptyPage past the end; get_page then gives the last
        return Page([], number, self)  # nothing at all: Django's one empty first page

    def validate_number_shape(self, number: Any) -> int:
        """Django's answers to a page number that is not a whole number above zero."""
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        return number


def _combined_rows(qs: QuerySet[Any]) -> bool:
    """A UNION of value rows in an order of plain column names."""
    ordering = qs.query.order_by
    return (
        bool(qs.query.combinator)
        and qs._iterable_class is ValuesListIterable
        and bool(ordering)
        and all(isinstance(name, str) and name.lstrip("-").isidentifier() for name in ordering)
        and not qs.query.is_sliced
    )


def _rows_of_models(qs: QuerySet[Any]) -> bool:
    """Model rows from a plain query: not values, not DISTINCT, not a UNION."""
    return qs._iterable_class is ModelIterable and not qs.query.distinct and not qs.query.combinator


class CountedUpTo(Paginator):
    """A list that grows with the whole service (the directory of every practitioner)
    is counted only up to `most` and a little beyond: counting every row costs as much as
    the service is large, and past a few hundred the count is not what anyone reads; they
    search. Pages go up to that point; `more_than` says the list goes on."""

    def __init__(
        self, rows: QuerySet[Any], per_page: int, most: int, sides: list[QuerySet[Any]] | None = None
    ) -> None:
        super().__init__(rows, per_page)
        self.most = most
        self.sides = sides if sides is not None else [rows]

    @cached_property
    def found(self) -> int:
        """How many rows there are, or `most` + 1 when there are more. Counted side by side
        when the list is given as `sides` that never overlap (each read from its own index,
        where the list as one condition would walk the rows of both)."""
        limit = self.most + 1
        total = 0
        for side in self.sides:
            total += int(side.order_by()[: limit - total].count())
            if total >= limit:
                break
        return total

    @cached_property
    def count(self) -> int:
        return min(self.found, self.most)

    @property
    def more_than(self) -> int | None:
        """`most` when there are more rows than that, else None."""
        return self.most if self.found > self.most else None


def page_of(
    rows: QuerySet[Any] | Sequence[Any] | Bound,
    number: Any,
    size: int,
    most: int | None = None,
    load: Callable[[QuerySet[Any]], QuerySet[Any]] | None = None,
    sides: list[QuerySet[Any]] | None = None,
) -> Page:
    """The page asked for (`?page=`), or the first or last when that is not a page; with
    `most`, counted up to that many (see CountedUpTo), side by side if given `sides`; with
    `load`, chosen narrow and read in full (see OneQueryPaginator)."""
    if most is not None and isinstance(rows, QuerySet):
        return CountedUpTo(rows, size, most, sides).get_page(number)
    return OneQueryPaginator(rows, size, load=load).get_page(number)

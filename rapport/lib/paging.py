"""One page of a list, and how many there are, in one query.

Django's Paginator counts first and then reads the page: two queries, each built and
compiled from the same filters (the access rule among them). Here the page's rows carry the
total as a window count, so a list page asks once. An empty page (past the end, or nothing
found) falls back to the ordinary count, and so do DISTINCT and values() queries (a window
would count rows before duplicates are removed, and values() rows have nowhere to carry it),
and so does a paginator with orphans.
"""

from collections.abc import Sequence
from typing import Any

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window
from django.db.models.query import ModelIterable

_TOTAL = "_found_in_all"
_FURTHEST = 2**31  # an offset no real list reaches; ?page=99999999999999999999999 is counted first


class OneQueryPaginator(Paginator):
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
        if self.orphans or not isinstance(qs, QuerySet) or not _rows_of_models(qs):
            return super().page(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        bottom = (number - 1) * self.per_page
        if bottom > _FURTHEST:
            return super().page(number)  # count first, as Django does: no database takes any offset
        rows = list(qs.annotate(**{_TOTAL: Window(Count("pk"))})[bottom : bottom + self.per_page])
        if not rows:
            return super().page(number)
        self.__dict__["count"] = getattr(rows[0], _TOTAL)  # Paginator.count is a cached property
        return Page(rows, number, self)


def _rows_of_models(qs: QuerySet[Any]) -> bool:
    """Model rows from a plain query: not values, not DISTINCT, not a UNION."""
    return qs._iterable_class is ModelIterable and not qs.query.distinct and not qs.query.combinator


def page_of(rows: QuerySet[Any] | Sequence[Any], number: Any, size: int) -> Page:
    """The page asked for (`?page=`), or the first or last when that is not a page."""
    return OneQueryPaginator(rows, size).get_page(number)

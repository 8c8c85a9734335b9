"""The rows with these ids, in the order of the ids.

Lists that choose their few rows narrow first (ids only, the query the planner can cut
early) then read just those rows in full, joins and all: a page of complaints, lapsed
contacts on My day. The read is unordered, since the ids give the order, and ordering a
wide joined query costs Django a hash of every column it selects. A row gone in between
(deleted by someone else) is left out, not an error.
"""

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def in_order(rows: QuerySet[M], ids: Sequence[Any]) -> list[M]:
    found = rows.order_by().in_bulk(list(ids))
    return [found[pk] for pk in ids if pk in found]

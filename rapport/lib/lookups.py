"""Integer lookups that never reach the database with a value the column cannot hold.

Django already answers `pk=99999999999999999999999` with "no such row". A list of ids
(`pk__in=[...]`, which every multiple-choice field and `?people=` parameter uses) is not
checked, and SQLite raises OverflowError on such a value: a 500 from one hostile number.
Here a value outside the column's range is dropped from the list, since it can match
nothing, and an empty list matches nothing, as Django does for `__in=[]`.
"""

import json
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import BigIntegerField, Field, ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In, Lookup


def _in_range(values: Any, field: Any, connection: Any) -> list[Any]:
    field = getattr(field, "target_field", field)  # a foreign key holds its target's ids
    kind = field.get_internal_type()
    if kind not in connection.ops.integer_field_ranges:
        return list(values)
    low, high = connection.ops.integer_field_range(kind)
    try:  # the usual list, all in range: two passes in C instead of one in Python
        if values and (low is None or min(values) >= low) and (high is None or max(values) <= high):
            return list(values)
    except TypeError:  # not all numbers: each is looked at below
        pass
    kept = [
        v
        for v in values
        if not isinstance(v, int) or ((low is None or v >= low) and (high is None or v <= high))
    ]
    if not kept:
        raise EmptyResultSet
    return kept


class IntegerFieldIn(In):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            self.rhs = _in_range(self.rhs, self.lhs.output_field, connection)
        return super().process_rhs(compiler, connection)


class RelatedIntegerIn(RelatedIn):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            self.rhs = _in_range(self.rhs, self.lhs.output_field, connection)
        return super().process_rhs(compiler, connection)


class OneOf(Lookup[Any]):
    """`person_id__one_of=[ids]`: the same rows as `__in`, with the whole list sent as one
    parameter (`= ANY(array)` on PostgreSQL, `IN (SELECT value FROM json_each(...))` on
    SQLite). A leader's overview reads each history table for the few hundred people of
    their teams; as `__in`, Django prepared every id of every such list one by one through
    its lookup machinery, most of that page's CPU. Only whole numbers in the column's
    range are kept, as for `__in` (see _in_range); an empty list matches nothing."""

    lookup_name = "one_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> Any:
        return self.rhs

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if hasattr(self.rhs, "as_sql"):  # a list given later (a statement's Slot with IdList)
            rhs, rhs_params = compiler.compile(self.rhs)
        else:
            ids = _in_range(_whole_numbers(self.rhs), self.lhs.output_field, connection)
            rhs, rhs_params = "%s", [_one_parameter(ids, connection)]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY({rhs}::bigint[])", [*lhs_params, *rhs_params]
        return f"{lhs} IN (SELECT value FROM json_each({rhs}))", [*lhs_params, *rhs_params]


def _whole_numbers(values: Any) -> list[int]:
    try:
        return list(map(int, values))
    except (TypeError, ValueError) as wrong:
        raise TypeError("one_of takes a list of whole numbers") from wrong


def _one_parameter(ids: list[int], connection: Any) -> Any:
    """The list as the one value `__one_of` sends: PostgreSQL's text form of an array (cast to
    bigint[] in the query; psycopg would dump a Python list item by item, about 5,000 calls
    for a leader's overview), or JSON for SQLite's json_each."""
    if connection.vendor == "postgresql":
        return "{" + ",".join(map(str, ids)) + "}"
    return json.dumps(ids)


class IdList(Field[Any, Any]):
    """A list of ids given to `__one_of` through a statement's Slot: prepared as OneOf
    prepares its own list (whole numbers only, none beyond a big integer's range)."""

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        try:
            ids = _in_range(_whole_numbers(value), _BIG, connection)
        except EmptyResultSet:  # nothing left, or nothing given: a list that matches nothing
            ids = []
        return _one_parameter(ids, connection)


_BIG = BigIntegerField()


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
    ForeignObject.register_lookup(RelatedIntegerIn)
    IntegerField.register_lookup(OneOf)
    ForeignObject.register_lookup(OneOf)

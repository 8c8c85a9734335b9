"""The same identity for a column reference, worked out without `inspect`.

When a query is ordered, Django 5.2 puts every selected column in a dict before it writes
ORDER BY (`SQLCompiler._order_by_pairs`), so each column (`Col`) is hashed, and a column's
hash is its `identity`: a tuple Django builds for any expression by binding the arguments
it was made with to the signature of its `__init__` through `inspect`. A page reads rows
with their related rows joined in (a conversation with its staff and its contact), tens of
columns a query, a few hundred a page; `make bench` profiles showed that binding as a
tenth of the CPU of the timeline and the person page.

A column is always made from the same three arguments (alias, target, output_field), so
its identity can be written out directly. `fast_identity` gives exactly the tuple Django's
own code gives (`rapport/tests/test_column_identity.py` compares them over every column
of every model), so equality, hashing and every query are unchanged; any subclass of `Col`
keeps Django's general way.
"""

from typing import Any

from django.db.models.expressions import Col, Expression

_general_identity = Expression.__dict__["identity"]
_PARAMETERS = ("alias", "target", "output_field")


def fast_identity(column: Any) -> tuple[Any, ...]:
    """Django's identity of a `Col`: its class, then each argument as it was given (the
    default None for an output field not given), a field named by model and name."""
    args, kwargs = column._constructor_args
    given = dict(zip(_PARAMETERS, args, strict=False))
    given.update(kwargs)
    as_identity = Expression._identity  # type: ignore[attr-defined]
    return (
        Col,
        ("alias", as_identity(given["alias"])),
        ("target", as_identity(given["target"])),
        ("output_field", as_identity(given.get("output_field"))),
    )


def _identity(self: Any) -> tuple[Any, ...]:
    if type(self) is not Col:
        return tuple(_general_identity.func(self))
    return fast_identity(self)


def install() -> None:
    """Give `Col` the direct identity (once, from RapportConfig.ready)."""
    if "identity" in Col.__dict__:
        return
    identity = type(_general_identity)(_identity)  # a cached_property, as Django's is
    identity.__set_name__(Col, "identity")
    Col.identity = identity  # type: ignore[method-assign]

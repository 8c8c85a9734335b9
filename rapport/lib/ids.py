"""Database ids among what a form was sent or started with."""

from collections.abc import Iterable


def ids_among(values: Iterable[object]) -> set[int]:
    """Database ids among posted or initial values (a model, a number or its text); anything
    else is no one. A database id fits in 18 digits, and int() of a 5,000-digit text raises."""
    found = set()
    for value in values:
        text = str(getattr(value, "pk", value))
        if text.isdigit() and len(text) <= 18:
            found.add(int(text))
    return found

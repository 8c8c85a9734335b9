"""Text folded for searching: case and accents ignored, so "nunez" finds "Ñúñez" and "zoe"
finds "Zoë", the same way on SQLite and PostgreSQL."""

import unicodedata
from typing import Any, ClassVar

from django.db import models

# Letters that do not decompose into a base letter and an accent; "\u0131" is the dotless i.
_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "œ": "oe", "\u0131": "i"})


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_EXTRA).split())


class FoldedSearch(models.Model):
    """A derived column holding the record's searchable fields folded, so a plain `contains`
    ignores accents and case on SQLite and PostgreSQL alike (icontains does not: SQLite folds
    only ASCII, and neither database strips accents)."""

    SEARCH_FIELDS: ClassVar[tuple[str, ...]] = ()
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Keeps the column in step with the fields, however the record is saved."""
        self.search_text = self.fold_search_fields()
        fields = kwargs.get("update_fields")
        if fields is not None and set(fields) & set(self.SEARCH_FIELDS):
            kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)

    def fold_search_fields(self) -> str:
        return folded(" ".join(getattr(self, f) for f in self.SEARCH_FIELDS))


def matching_words(query: str, *, limit: int = 4) -> list[str]:
    """The words of a query, folded as the column is."""
    return folded(query).split()[:limit]

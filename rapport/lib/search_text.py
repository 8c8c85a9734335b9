"""Text folded for searching: case and accents ignored, so "nunez" finds "Ñúñez" and "zoe"
finds "Zoë", the same way on SQLite and PostgreSQL."""

import unicodedata

# Letters that do not decompose into a base letter and an accent; "\u0131" is the dotless i.
_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "œ": "oe", "\u0131": "i"})


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_EXTRA).split())

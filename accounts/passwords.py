"""Passwords that follow the patterns people reach for first, refused.

`Winter2026!`, `Rapport123`, `September1!`: one word, then digits and a symbol. Such
passwords pass a length rule and a common-password list, yet are the first guesses of
any password spraying. A word of the calendar, the workplace or the usual suspects,
or any short word, followed only by digits and symbols, is refused.
"""

import re
from typing import Any

from django.core.exceptions import ValidationError

_TAIL = re.compile(r"[\d\W_]*$")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_GUESSABLE_WORDS = set(
    """
    spring summer autumn fall winter
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    password passw0rd welcome letmein qwerty admin administrator login changeme
    rapport care carer health nurse support team manager football liverpool chelsea
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_SHORT_WORD = 8


class GuessablePatternValidator:
    def validate(self, password: str, user: Any = None) -> None:
        candidate = password.strip()
        head = _TAIL.sub("", candidate)
        word = head.translate(_LEET).lower()  # P4ssw0rd is password
        if not word.isalpha():
            return
        if word in _GUESSABLE_WORDS or len(word) <= _SHORT_WORD:
            raise ValidationError(
                "This password is one word followed by numbers or symbols, which is among the "
                "first things an attacker tries. Use three or more unrelated words instead.",
                code="password_guessable_pattern",
            )

    def get_help_text(self) -> str:
        return "Not a single word followed by numbers or symbols (such as a season and a year)."

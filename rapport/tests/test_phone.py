import pytest
from django.core.exceptions import ValidationError

from rapport.lib.phone import clean_phone


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("07700900123", "07700 900123"),
        ("+44 7700 900123", "07700 900123"),
        ("01632 960123", "01632 960123"),
        ("020 7946 0000", "020 7946 0000"),
        ("+33 1 42 68 53 00", "+33 1 42 68 53 00"),
        ("", ""),
    ],
)
def test_it_accepts_and_formats(raw: str, shown: str) -> None:
    assert clean_phone(raw) == shown


@pytest.mark.parametrize("raw", ["12", "not a phone", "0770090012345678", "+44 7700"])
def test_it_explains_what_it_wants(raw: str) -> None:
    with pytest.raises(ValidationError) as error:
        clean_phone(raw)
    assert "01632 960 123" in error.value.messages[0]

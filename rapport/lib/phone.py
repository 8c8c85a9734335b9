"""Phone numbers checked with libphonenumber's data; UK numbers by default."""

import phonenumbers
from django.core.exceptions import ValidationError

# Ofcom keeps these UK ranges for drama and examples; they are never anyone's number,
# so synthetic demo and test data use them. libphonenumber calls them unallocated.
_FICTION_PREFIXES = (
    "7700900",
    "1632960",
    "2079460",
    "1134960",
    "1144960",
    "1154960",
    "1164960",
    "1174960",
    "1184960",
    "1214960",
    "1314960",
    "1414960",
    "1514960",
    "1614960",
    "1914980",
    "2890180",
    "2920180",
)


def _is_fiction(number: phonenumbers.PhoneNumber) -> bool:
    national = str(number.national_number)
    return number.country_code == 44 and national.startswith(_FICTION_PREFIXES)


def clean_phone(value: str, region: str = "GB") -> str:
    """Return the number formatted for reading aloud, or raise a helpful message."""
    raw = (value or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        number = None
    ok = number is not None and (
        phonenumbers.is_valid_number(number)
        or (phonenumbers.is_possible_number(number) and _is_fiction(number))
    )
    if not ok or number is None:
        raise ValidationError(
            "This does not look like a phone number. Use a UK number such as 01632 960 123 "
            "or 07700 900 123, or start with + and the country code.",
            code="phone",
        )
    if number.country_code == 44:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

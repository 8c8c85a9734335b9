"""Phone numbers checked with Google's libphonenumber data; UK numbers by default."""

import phonenumbers
from django.core.exceptions import ValidationError


def clean_phone(value: str, region: str = "GB") -> str:
    """Return the number formatted for reading aloud, or raise a helpful message."""
    raw = (value or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            "This does not look like a phone number. Use a UK number such as 01632 960 123 "
            "or 07700 900 123, or start with + and the country code.",
            code="phone",
        )
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

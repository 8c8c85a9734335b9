"""NHS numbers: ten digits, the last a modulus-11 check digit."""

from django.core.exceptions import ValidationError
from nhs_number import calculate_checksum, is_valid, standardise_format


def normalise_nhs_number(value: str) -> str:
    """Digits only, or raise a message a care worker can act on."""
    raw = (value or "").strip()
    if not raw:
        return ""
    digits = standardise_format(raw)
    if not digits:
        raise ValidationError(
            "An NHS number has 10 digits, for example 943 476 5919. "
            "Spaces or dashes between the groups are fine.",
            code="nhs_format",
        )
    if calculate_checksum(digits[:9]) != int(digits[9]):
        raise ValidationError(
            "This NHS number is not valid: its last digit does not match the others. "
            "Check it against a letter from the GP or hospital.",
            code="nhs_check_digit",
        )
    if not is_valid(digits):
        # Numbers from 010 101 0000 to 311 299 9999 are Scottish CHI numbers, which
        # begin with the date of birth as DDMMYY.
        raise ValidationError(
            "This number is in the Scottish (CHI) range, where the first six digits are a "
            "date of birth, but they are not a real date. Check the number.",
            code="nhs_range",
        )
    return digits


def format_nhs_number(digits: str) -> str:
    """Show as 3-3-4, the way it is printed on NHS letters."""
    if len(digits) != 10:
        return digits
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"

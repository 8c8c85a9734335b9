from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from nhs_number import REGION_SCOTLAND, calculate_checksum

from people.nhs import format_nhs_number, normalise_nhs_number


@pytest.mark.parametrize("raw", ["943 476 5919", "9434765919", "943-476-5919", "  9434765919 "])
def test_it_accepts_a_valid_number_in_the_usual_formats(raw: str) -> None:
    assert normalise_nhs_number(raw) == "9434765919"


def test_it_allows_no_number() -> None:
    assert normalise_nhs_number("  ") == ""


@pytest.mark.parametrize("raw", ["943476591", "94347659190", "943 476 591X", "abc"])
def test_it_explains_the_format(raw: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalise_nhs_number(raw)
    assert error.value.code == "nhs_format"


def test_it_rejects_a_wrong_check_digit() -> None:
    with pytest.raises(ValidationError) as error:
        normalise_nhs_number("943 476 5918")
    assert error.value.code == "nhs_check_digit"
    assert "last digit" in error.value.messages[0]


def test_it_formats_three_three_four() -> None:
    assert format_nhs_number("9434765919") == "943 476 5919"


nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


@given(nine_digits)
def test_a_number_with_its_modulus_11_check_digit_is_valid(body: str) -> None:
    check = calculate_checksum(body)
    if check == 10:  # no valid number has this body
        with pytest.raises(ValidationError):
            normalise_nhs_number(body + "0")
        return
    number = f"{body}{check}"
    if REGION_SCOTLAND.contains_number(number):
        try:
            datetime.strptime(number[:6], "%d%m%y")
        except ValueError:
            with pytest.raises(ValidationError) as error:
                normalise_nhs_number(number)
            assert error.value.code == "nhs_range"
            return
    assert normalise_nhs_number(number) == number


def test_a_scottish_number_must_start_with_a_real_date() -> None:
    with pytest.raises(ValidationError) as error:
        normalise_nhs_number("0113000006")
    assert error.value.code == "nhs_range"


@given(nine_digits, st.integers(0, 9), st.integers(1, 9))
def test_changing_any_one_digit_is_caught(body: str, position: int, shift: int) -> None:
    check = calculate_checksum(body)
    if check == 10:
        return
    digits = list(f"{body}{check}")
    digits[position] = str((int(digits[position]) + shift) % 10)
    with pytest.raises(ValidationError):
        normalise_nhs_number("".join(digits))

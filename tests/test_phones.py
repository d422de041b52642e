"""Vietnamese phone numbers: accepted spellings, the national form, and the clerk's messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_app.domain.phones import check_phone, normalize_phone


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0912345678", "0912345678"),  # Vinaphone
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("0386 123 456", "0386123456"),  # Viettel, ex-0166
        ("0523 456 789", "0523456789"),  # Vietnamobile
        ("0703.123.456", "0703123456"),  # MobiFone, ex-0120
        ("0812-345-678", "0812345678"),
        ("(028) 3822 1234", "02838221234"),  # TP Hồ Chí Minh landline
        ("024 3825 3536", "02438253536"),  # Hà Nội landline
        ("+84 24 3825 3536", "02438253536"),
        ("0234.3823.456", "02343823456"),  # Huế
        (" 0912345678\t", "0912345678"),
    ],
)
def test_valid_numbers(value, expected):
    assert normalize_phone(value) == expected
    assert check_phone(value) == []


def test_retired_01x_prefixes():
    for value in ("0123456789", "01234567890", "0168 123 4567"):
        problems = check_phone(value)
        assert len(problems) == 1
        assert "01x" in problems[0]
        assert "2018" in problems[0]
        with pytest.raises(ValueError, match="01x"):
            normalize_phone(value)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("091234567", "10 chữ số"),  # mobile too short
        ("09123456789", "10 chữ số"),  # mobile too long
        ("0283822123", "11 chữ số"),  # landline too short
        ("028382212345", "11 chữ số"),  # landline too long
        ("0912abc678", "chỉ được gồm chữ số"),
        ("0912/345/678", "chỉ được gồm chữ số"),
        ("09123+45678", "chỉ được gồm chữ số"),
        ("", "Chưa nhập"),
        ("   ", "Chưa nhập"),
        ("912345678", "bắt đầu bằng 0"),
        ("+1 212 555 0100", "+84"),
        ("0412345678", "Đầu số 04"),
        ("0612345678", "Đầu số 06"),
        ("0012345678", "Đầu số 00"),
        ("+84", "Đầu số"),
    ],
)
def test_invalid_numbers(value, fragment):
    problems = check_phone(value)
    assert len(problems) == 1
    assert fragment in problems[0]
    with pytest.raises(ValueError) as raised:
        normalize_phone(value)
    assert str(raised.value) == problems[0]


mobiles = st.builds(
    lambda prefix, rest: f"0{prefix}{rest:08d}",
    st.sampled_from("35789"),
    st.integers(0, 99_999_999),
)


@given(mobiles, st.sampled_from(["", " ", ".", "-"]), st.sampled_from(["", "+84", "84"]))
def test_spellings_of_a_mobile_number_normalise_to_it(number, separator, prefix):
    body = number[1:] if prefix else number
    spelled = prefix + separator.join([body[:3], body[3:6], body[6:]])
    assert normalize_phone(spelled) == number


@given(st.text(max_size=20))
def test_normalised_numbers_are_valid_and_stable(value):
    if check_phone(value):
        return
    number = normalize_phone(value)
    assert number.isdigit() and number.startswith("0")
    assert len(number) in (10, 11)
    assert normalize_phone(number) == number

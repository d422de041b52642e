"""The 12-digit personal ID number: shape, birth place, sex and century (domain.md §6)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_app.domain.id_numbers import (
    PROVINCE_CODES,
    IdNumberInfo,
    check_id_number,
    decode_id_number,
    normalize_gender,
    normalize_id_number,
)

TODAY = date(2026, 2, 13)
FAR_FUTURE = date(9999, 12, 31)


def test_the_63_pre_2025_provinces_are_listed():
    assert len(PROVINCE_CODES) == 63
    assert all(code.startswith("0") and len(code) == 3 for code in PROVINCE_CODES)
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "TP Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert "003" not in PROVINCE_CODES


def test_male_born_1995_in_hue():
    value = "046095001234"
    assert decode_id_number(value) == IdNumberInfo("046", "Thừa Thiên Huế", True, 1995)
    assert check_id_number(value, birth_date=date(1995, 3, 2), gender="nam", today=TODAY) == []


def test_female_born_in_the_2000s():
    value = "079301000123"
    info = decode_id_number(value)
    assert info == IdNumberInfo("079", "TP Hồ Chí Minh", False, 2001)
    assert info.gender == "nữ"
    assert check_id_number(value, birth_date=date(2001, 7, 30), gender="Nữ", today=TODAY) == []


def test_spaces_are_ignored():
    assert normalize_id_number(" 046 095\u00a0001234 ") == "046095001234"
    assert check_id_number("046 095 001 234", today=TODAY) == []


def test_birth_registered_abroad_has_no_place_name():
    value = "201095001234"  # first digit non-zero: a foreign-country code
    info = decode_id_number(value)
    assert info.place_name is None
    assert info.abroad
    assert info.birth_year == 1995
    assert check_id_number(value, birth_date=date(1995, 1, 1), gender="male", today=TODAY) == []


def test_abroad_number_from_the_2100s_is_a_future_birth_year():
    # 123 456789012: G = 4 → male born 2156, which has not happened yet
    assert decode_id_number("123456789012").birth_year == 2156
    problems = check_id_number("123456789012", today=TODAY)
    assert problems == ["Số định danh cho biết năm sinh 2156, sau năm hiện tại (2026)."]


@pytest.mark.parametrize("value", ["04609500123", "0460950012345", "", "046 095 00123"])
def test_wrong_length(value):
    problems = check_id_number(value, today=TODAY)
    assert len(problems) == 1
    assert problems[0].startswith("Số định danh phải gồm đúng 12 chữ số")
    with pytest.raises(ValueError):
        decode_id_number(value)


@pytest.mark.parametrize("value", ["04609500123A", "046-095-001234", "０４６０９５００１２３４"])
def test_letters_and_other_signs(value):
    assert check_id_number(value, today=TODAY) == ["Số định danh chỉ được gồm các chữ số 0–9."]
    with pytest.raises(ValueError):
        decode_id_number(value)


def test_unknown_place_code():
    problems = check_id_number("003095001234", today=TODAY)
    assert problems == ["Mã nơi đăng ký khai sinh 003 không tồn tại."]
    with pytest.raises(ValueError, match="003"):
        decode_id_number("003095001234")


def test_century_mismatch():
    problems = check_id_number("046001001234", birth_date=date(2001, 3, 2), today=TODAY)
    assert problems == [
        "Chữ số giới tính và thế kỷ (0) cho biết nam, sinh 1900–1999, "
        "không khớp với ngày sinh 02/03/2001."
    ]


def test_year_digits_mismatch():
    problems = check_id_number("046095001234", birth_date=date(1996, 3, 2), today=TODAY)
    assert problems == ["Hai chữ số năm sinh (95) không khớp với ngày sinh 02/03/1996."]


def test_gender_mismatch():
    problems = check_id_number("046095001234", gender="nữ", today=TODAY)
    assert problems == [
        "Chữ số giới tính và thế kỷ (0) cho biết nam, sinh 1900–1999, "
        "không khớp với giới tính nữ đã khai."
    ]


def test_unknown_gender_is_a_problem_not_a_crash():
    problems = check_id_number("046095001234", gender="khác", today=TODAY)
    assert len(problems) == 1
    assert "khác" in problems[0]


def test_future_birth_year():
    # G = 2: born 20YY; 2027 is after the year of TODAY
    problems = check_id_number("001227001234", today=TODAY)
    assert problems == ["Số định danh cho biết năm sinh 2027, sau năm hiện tại (2026)."]
    assert check_id_number("001226001234", today=TODAY) == []


def test_default_today_is_used():
    assert check_id_number("046095001234") == []
    assert check_id_number("046899001234")  # born 2399


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nam", "nam"),
        ("Nam", "nam"),
        (" NAM ", "nam"),
        ("nữ", "nữ"),
        ("Nữ", "nữ"),
        ("nu\u0303", "nữ"),  # decomposed input
        ("NU", "nữ"),
        ("male", "nam"),
        ("Female", "nữ"),
        (None, None),
        ("  ", None),
    ],
)
def test_normalize_gender(text, expected):
    assert normalize_gender(text) == expected


def test_normalize_gender_rejects_unknown_words():
    with pytest.raises(ValueError, match="nam"):
        normalize_gender("x")


# --- properties ---------------------------------------------------------------------------

id_parts = st.tuples(
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.integers(0, 9),
    st.integers(0, 99),
    st.integers(0, 999_999),
)


def _build(place: str, digit: int, yy: int, serial: int) -> str:
    return f"{place}{digit}{yy:02d}{serial:06d}"


@given(id_parts, st.integers(1, 12), st.integers(1, 28))
def test_any_well_built_number_with_matching_declarations_is_valid(parts, month, day):
    place, digit, yy, serial = parts
    value = _build(place, digit, yy, serial)
    year = (digit // 2 + 19) * 100 + yy
    gender = "nam" if digit % 2 == 0 else "nữ"
    born = date(year, month, day)
    assert check_id_number(value, birth_date=born, gender=gender, today=FAR_FUTURE) == []
    info = decode_id_number(value)
    assert (info.place_name, info.male, info.birth_year) == (
        PROVINCE_CODES[place],
        digit % 2 == 0,
        year,
    )


@given(id_parts)
def test_changing_the_parity_of_g_flips_the_gender_check(parts):
    place, digit, yy, serial = parts
    gender = "nam" if digit % 2 == 0 else "nữ"
    year = (digit // 2 + 19) * 100 + yy
    flipped = _build(place, digit ^ 1, yy, serial)  # same century, other sex
    born = date(year, 6, 15)
    problems = check_id_number(flipped, birth_date=born, gender=gender, today=FAR_FUTURE)
    assert len(problems) == 1
    assert f"giới tính {gender} đã khai" in problems[0]


@given(st.text(max_size=20))
def test_check_never_crashes(value):
    problems = check_id_number(value, today=TODAY)
    assert isinstance(problems, list)
    if not problems:
        assert decode_id_number(value).birth_year <= TODAY.year

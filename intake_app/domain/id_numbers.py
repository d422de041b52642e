"""The 12-digit personal ID number (số định danh cá nhân, on the CCCD / thẻ căn cước).

Layout ``PPP G YY NNNNNN`` (domain.md §6):

* ``PPP`` where the birth was registered: ``001…096`` one of the 63 pre-2025 provinces (the
  34-province reform of 2025 did not renumber anybody), a non-zero first digit a foreign
  country (birth registered abroad);
* ``G`` sex and century: even = male, odd = female; 0/1 → 1900s, 2/3 → 2000s, … 8/9 → 2300s;
* ``YY`` the last two digits of the birth year;
* ``NNNNNN`` a serial number. There is no check digit.

>>> decode_id_number("046 095 001234")
IdNumberInfo(place_code='046', place_name='Thừa Thiên Huế', male=True, birth_year=1995)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .clock import now_vn
from .formatting import date_vn
from .text import fold

ID_NUMBER_LENGTH = 12

#: The 63 province codes in force before the 2025 merger; they stay valid on every number.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa – Vũng Tàu",
    "079": "TP Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

MALE = "nam"
FEMALE = "nữ"
_GENDER_WORDS = {"nam": MALE, "male": MALE, "nu": FEMALE, "female": FEMALE}
_DIGITS_RE = re.compile(r"[0-9]*")


@dataclass(frozen=True)
class IdNumberInfo:
    """What a well-formed ID number tells: birth place code, sex and birth year."""

    place_code: str
    place_name: str | None  # None: birth registered abroad (foreign-country code)
    male: bool
    birth_year: int

    @property
    def abroad(self) -> bool:
        return self.place_name is None

    @property
    def gender(self) -> str:
        """'nam' or 'nữ', as the forms write it."""
        return MALE if self.male else FEMALE


def normalize_id_number(value: str) -> str:
    """The number without any white space ('046 095 001234' → '046095001234')."""
    return "".join(value.split())


def normalize_gender(text: str | None) -> str | None:
    """'nam' or 'nữ' from nam/nữ/nu/male/female in any case; None for blank; ValueError else."""
    if text is None or not text.strip():
        return None
    try:
        return _GENDER_WORDS[fold(text)]
    except KeyError:
        raise ValueError(f"Giới tính «{text.strip()}» không rõ: ghi «nam» hoặc «nữ».") from None


def _shape_problem(number: str) -> str | None:
    if not _DIGITS_RE.fullmatch(number):
        return "Số định danh chỉ được gồm các chữ số 0–9."
    if len(number) != ID_NUMBER_LENGTH:
        return (
            f"Số định danh phải gồm đúng {ID_NUMBER_LENGTH} chữ số "
            f"(số đã nhập có {len(number)} chữ số)."
        )
    if number[0] == "0" and number[:3] not in PROVINCE_CODES:
        return f"Mã nơi đăng ký khai sinh {number[:3]} không tồn tại."
    return None


def _decode(number: str) -> IdNumberInfo:
    place = number[:3]
    sex_century = int(number[3])
    return IdNumberInfo(
        place_code=place,
        place_name=PROVINCE_CODES.get(place),  # a non-zero first digit: abroad
        male=sex_century % 2 == 0,
        birth_year=(sex_century // 2 + 19) * 100 + int(number[4:6]),
    )


def decode_id_number(value: str) -> IdNumberInfo:
    """Read a number's place, sex and birth year; ValueError (Vietnamese) when malformed."""
    number = normalize_id_number(value)
    problem = _shape_problem(number)
    if problem:
        raise ValueError(problem)
    return _decode(number)


def _sex_century_phrase(digit: int) -> str:
    first = (digit // 2 + 19) * 100
    sex = MALE if digit % 2 == 0 else FEMALE
    return f"Chữ số giới tính và thế kỷ ({digit}) cho biết {sex}, sinh {first}–{first + 99}"


def check_id_number(
    value: str,
    *,
    birth_date: date | None = None,
    gender: str | None = None,
    today: date | None = None,
) -> list[str]:
    """Every problem with an ID number, as Vietnamese sentences for the clerk; [] when valid.

    `birth_date` and `gender` are what the citizen declared; when given, the number must agree
    with them. `today` (default: today in Vietnam) bounds the birth year.
    """
    number = normalize_id_number(value)
    problem = _shape_problem(number)
    if problem:
        return [problem]
    info = _decode(number)
    digit = int(number[3])
    problems: list[str] = []
    today = today or now_vn().date()
    if info.birth_year > today.year:
        problems.append(
            f"Số định danh cho biết năm sinh {info.birth_year}, sau năm hiện tại ({today.year})."
        )
    if birth_date is not None:
        if birth_date.year // 100 != info.birth_year // 100:
            problems.append(
                f"{_sex_century_phrase(digit)}, không khớp với ngày sinh {date_vn(birth_date)}."
            )
        if birth_date.year % 100 != info.birth_year % 100:
            problems.append(
                f"Hai chữ số năm sinh ({number[4:6]}) không khớp với "
                f"ngày sinh {date_vn(birth_date)}."
            )
    if gender is not None:
        try:
            declared = normalize_gender(gender)
        except ValueError as error:
            problems.append(str(error))
        else:
            if declared is not None and declared != info.gender:
                problems.append(
                    f"{_sex_century_phrase(digit)}, không khớp với giới tính {declared} đã khai."
                )
    return problems

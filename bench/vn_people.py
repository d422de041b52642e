"""Plausible Vietnamese applicants and intake requests for the benchmark scripts.

Shared by `bench_intake.py` and `bench_search.py`. Everything is drawn from a seeded
`random.Random`, so two runs see the same people:

* names from family, middle and given names weighted roughly as in the population (family
  names after the usual survey shares: Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 %, Phạm ~7 %, …,
  plus a tail of rare ones such as Khổng or Mạc that the "rare name" searches look for);
* 12-digit personal ID numbers (CCCD) that `check_id_number` accepts: a pre-2025 province
  code (mostly 046, the station's own province), the sex-and-century digit that matches the
  birth year and sex, the two last digits of the birth year and six random digits;
* mobile numbers on the real carrier prefixes;
* documents handed in for a procedure of the starter catalogue, in the shape of the
  README's intake request.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import date, timedelta

from intake_app.domain.procedures import DocForm, Procedure

PROVINCE_CODE = "46"  # Huế, the station of the benchmarks
COMMUNE_CODE = "19873"  # Phong Quảng

# (name, weight in ‰): family names, after the published surname shares.
FAMILY_NAMES = (
    ("Nguyễn", 384), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 31), ("Huỳnh", 20),
    ("Phan", 45), ("Vũ", 20), ("Võ", 19), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13),
    ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 6), ("Đoàn", 5), ("Trương", 5), ("Lâm", 4),
    ("Mai", 4), ("Trịnh", 4), ("Cao", 4), ("Lương", 3), ("Hà", 3), ("Tô", 2), ("Tạ", 2),
    ("Châu", 2), ("Thái", 2), ("Phùng", 2), ("Lưu", 2), ("Văn", 2), ("Kiều", 1), ("Quách", 1),
    ("Vương", 1), ("Tôn Nữ", 1), ("Hồ Đăng", 1), ("Nguyễn Phúc", 1),
)
# Rare family names (about 1 in 3,000 people each): the "rare name" searches use them.
RARE_FAMILY_NAMES = ("Khổng", "Mạc", "Âu", "Giáp", "Khúc", "Doãn", "Ông", "Lạc")
RARE_WEIGHT = 0.33

MALE_MIDDLE = (
    ("Văn", 300), ("Đức", 60), ("Minh", 70), ("Hữu", 50), ("Quang", 50), ("Công", 40),
    ("Thanh", 40), ("Ngọc", 30), ("Xuân", 30), ("Anh", 25), ("Hoàng", 25), ("Tuấn", 15),
    ("Đình", 30), ("Trọng", 20), ("Bá", 15), ("Gia", 15), ("Duy", 20), ("Thế", 20),
)
FEMALE_MIDDLE = (
    ("Thị", 450), ("Ngọc", 50), ("Thu", 40), ("Thanh", 35), ("Kim", 30), ("Minh", 20),
    ("Phương", 20), ("Hồng", 25), ("Mỹ", 20), ("Thùy", 20), ("Bảo", 10), ("Khánh", 10),
    ("Diệu", 10), ("Hoài", 10), ("Quỳnh", 10),
)
# Given names, most common first; weighted by a Zipf-like law below.
MALE_GIVEN = (
    "Hùng", "Dũng", "Đức", "Tuấn", "Minh", "Nam", "Hải", "Long", "Quang", "Thắng", "Sơn",
    "Phúc", "Huy", "Hoàng", "Khoa", "Bình", "Trung", "Tài", "Cường", "Hiếu", "Lâm", "Vinh",
    "Thành", "Toàn", "Tú", "Việt", "Phong", "Khánh", "Hưng", "Lộc", "Tâm", "Nhân", "Đạt",
    "Thịnh", "Hòa", "Phước", "Lợi", "Tiến", "Kiên", "Hậu", "Quý", "Thuận", "Triết", "Nghĩa",
)
FEMALE_GIVEN = (
    "Hoa", "Lan", "Hương", "Linh", "Trang", "Thảo", "Hà", "Mai", "Ngọc", "Anh", "Hằng", "Nga",
    "Nhung", "Thủy", "Yến", "Phương", "Hạnh", "Vy", "Nhi", "Hiền", "Loan", "Dung", "Tâm",
    "Uyên", "Giang", "Quỳnh", "Châu", "Oanh", "Trinh", "Nguyệt", "Liên", "Xuân", "Huyền",
    "Thúy", "Vân", "Diệp", "Lý", "Sương", "Tuyết", "Hảo",
)
SECOND_MIDDLE_SHARE = 0.15  # "Nguyễn Thị Thu Hà": four words

# Where the ID holders' births were registered: mostly here, some elsewhere (moved in).
PLACE_CODES = (
    ("046", 600), ("044", 60), ("045", 60), ("048", 50), ("049", 40), ("038", 30),
    ("040", 30), ("042", 20), ("001", 30), ("079", 40), ("052", 15), ("066", 15), ("031", 10),
)
MOBILE_PREFIXES = (
    "032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079",
    "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096",
    "097", "098", "056", "058", "059",
)
VILLAGES = (
    "Thôn Phước Yên", "Thôn Đông Lâm", "Thôn Tráng Lực", "Thôn Đông Phú", "Thôn Phò Nam",
    "Thôn Thanh Hương Tây", "Thôn Thanh Hương Đông", "Thôn Đức Nhuận", "Thôn Hưng Long",
    "Thôn Vĩnh Nảy", "Thôn Mỹ Xá", "Thôn Bàu Đưng", "Thôn Siêu Quần", "Thôn Thạch Bình",
)
# What people bring to have certified (chứng thực bản sao), with typical page counts.
COPIED_PAPERS = (
    ("Giấy khai sinh", 1), ("Thẻ căn cước", 1), ("Bằng tốt nghiệp trung học phổ thông", 1),
    ("Học bạ trung học phổ thông", 6), ("Giấy chứng nhận quyền sử dụng đất", 4),
    ("Giấy chứng nhận kết hôn", 1), ("Bằng tốt nghiệp đại học", 1), ("Bảng điểm đại học", 3),
    ("Giấy phép lái xe", 1), ("Sổ hộ nghèo", 2), ("Hợp đồng lao động", 5),
)

# How often each starter procedure comes to a commune counter (certified copies dominate).
PROCEDURE_MIX = (
    ("2.000815", 40), ("2.000884", 12), ("1.001193", 9), ("1.004873", 8), ("2.000635", 6),
    ("1.000894", 4), ("1.000656", 3), ("1.001612", 2), ("1.001776", 3), ("2.001035", 3),
    ("1.001731", 2), ("2.000908", 3), ("1.004859", 2), ("1.011607", 2), ("1.013967", 1),
)
CHILD_OWNER = {"1.001193"}  # khai sinh: the dossier is the newborn's
DECEASED_OWNER = {"1.000656", "1.001731"}  # khai tử, mai táng: the deceased's


def _cumulative(weighted: tuple[tuple[str, float], ...]) -> tuple[list[str], list[float]]:
    names = [name for name, _ in weighted]
    return names, list(itertools.accumulate(weight for _, weight in weighted))


def _zipf(names: tuple[str, ...], exponent: float = 0.9) -> tuple[list[str], list[float]]:
    return _cumulative(tuple((n, 1 / (rank + 1) ** exponent) for rank, n in enumerate(names)))


_FAMILY = _cumulative(
    (*FAMILY_NAMES, *((name, RARE_WEIGHT) for name in RARE_FAMILY_NAMES))
)
_MIDDLE = {True: _cumulative(MALE_MIDDLE), False: _cumulative(FEMALE_MIDDLE)}
_GIVEN = {True: _zipf(MALE_GIVEN), False: _zipf(FEMALE_GIVEN)}
_PLACES = _cumulative(PLACE_CODES)
_PROCEDURES = _cumulative(PROCEDURE_MIX)


@dataclass(frozen=True)
class Person:
    name: str
    male: bool
    birth_date: date
    id_number: str | None
    phone: str | None
    email: str | None
    address: str

    @property
    def gender(self) -> str:
        return "nam" if self.male else "nữ"

    def as_request(self) -> dict[str, object]:
        """The `applicant` / `owner` object of an intake request."""
        return {
            "name": self.name, "id_number": self.id_number,
            "birth_date": self.birth_date.isoformat(), "gender": self.gender,
            "phone": self.phone, "email": self.email, "address": self.address,
            "province_code": PROVINCE_CODE, "commune_code": COMMUNE_CODE,
        }


def sex_century_digit(birth_year: int, male: bool) -> int:
    """The 4th digit of an ID number: 0/1 for 1900s men/women, 2/3 for the 2000s, …"""
    return (birth_year // 100 - 19) * 2 + (0 if male else 1)


class People:
    """Draws people; ID numbers and phone numbers are unique within one instance."""

    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self._ids: set[str] = set()
        self._phones: set[str] = set()

    def _pick(self, table: tuple[list[str], list[float]]) -> str:
        names, cumulative = table
        return self.rng.choices(names, cum_weights=cumulative)[0]

    def family_name(self) -> str:
        return self._pick(_FAMILY)

    def full_name(self, male: bool, family: str | None = None) -> str:
        words = [family or self.family_name(), self._pick(_MIDDLE[male])]
        if self.rng.random() < SECOND_MIDDLE_SHARE:
            second = self._pick(_MIDDLE[male])
            if second != words[1]:
                words.append(second)
        words.append(self._pick(_GIVEN[male]))
        return " ".join(words)

    def id_number(self, birth_date: date, male: bool) -> str:
        head = (f"{self._pick(_PLACES)}{sex_century_digit(birth_date.year, male)}"
                f"{birth_date.year % 100:02d}")
        while True:
            number = f"{head}{self.rng.randrange(1_000_000):06d}"
            if number not in self._ids:
                self._ids.add(number)
                return number

    def phone(self) -> str:
        while True:
            number = f"{self.rng.choice(MOBILE_PREFIXES)}{self.rng.randrange(10_000_000):07d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def birth_date(self, youngest: int, oldest: int) -> date:
        days = self.rng.randrange(youngest * 365, oldest * 365)
        return self.today - timedelta(days=days)

    def adult(self) -> Person:
        """An applicant: 18–80 years old, with an ID number, most with a phone."""
        male = self.rng.random() < 0.5
        born = self.birth_date(18, 80)
        phone = self.phone() if self.rng.random() < 0.85 else None
        email = None
        if self.rng.random() < 0.05:
            email = f"nguoidan{self.rng.randrange(10**6)}@gmail.com"
        return Person(
            name=self.full_name(male), male=male, birth_date=born,
            id_number=self.id_number(born, male), phone=phone, email=email,
            address=self.rng.choice(VILLAGES),
        )

    def newborn(self, parent: Person, on: date | None = None) -> Person:
        """A child registered on `on` (default today): a father's family name, no ID yet."""
        male = self.rng.random() < 0.5
        family = parent.name.split()[0] if parent.male else self.family_name()
        return Person(
            name=self.full_name(male, family), male=male,
            birth_date=(on or self.today) - timedelta(days=self.rng.randrange(1, 60)),
            id_number=None, phone=None, email=None, address=parent.address,
        )

    def deceased(self) -> Person:
        male = self.rng.random() < 0.5
        born = self.birth_date(60, 95)
        return Person(
            name=self.full_name(male), male=male, birth_date=born,
            id_number=self.id_number(born, male), phone=None, email=None,
            address=self.rng.choice(VILLAGES),
        )

    def owner_for(
        self, procedure_code: str, applicant: Person, on: date | None = None
    ) -> Person | None:
        """The dossier's owner when it is not the applicant: a newborn, a deceased person."""
        if procedure_code in CHILD_OWNER:
            return self.newborn(applicant, on)
        if procedure_code in DECEASED_OWNER:
            return self.deceased()
        return None


def pick_procedure_code(rng: random.Random) -> str:
    names, cumulative = _PROCEDURES
    return rng.choices(names, cum_weights=cumulative)[0]


def documents_for(rng: random.Random, procedure: Procedure) -> tuple[list[dict], int]:
    """The `documents` list and `pages` of an intake request for `procedure`.

    Certified copies name the actual paper and its pages; other procedures hand in their
    required components and, half the time, each optional one.
    """
    if procedure.code == "2.000815":
        papers = rng.sample(COPIED_PAPERS, k=rng.choice((1, 1, 1, 2, 3)))
        documents = [
            {"name": name, "form": DocForm.CERTIFIED_COPY.value,
             "copies": rng.choice((1, 2, 2, 3, 4, 5, 10)), "pages": pages}
            for name, pages in papers
        ]
        return documents, max(pages for _, pages in papers)
    documents = [
        {"name": c.name, "form": c.form.value, "copies": c.copies}
        for c in procedure.components
        if c.required or rng.random() < 0.5
    ]
    return documents, rng.choice((1, 1, 2, 3))


def intake_request(rng: random.Random, people: People, procedure: Procedure) -> dict:
    """A whole intake request (the README's `receive --json` shape)."""
    applicant = people.adult()
    owner = people.owner_for(procedure.code, applicant)
    documents, pages = documents_for(rng, procedure)
    return {
        "procedure": procedure.code,
        "applicant": applicant.as_request(),
        "owner": owner.as_request() if owner else None,
        "documents": documents,
        "pages": pages,
        "channel": 1,
        "delivery": "counter" if rng.random() < 0.95 else "post",
        "note": "",
    }

"""The document that identifies a party, each kind with its own rules and its own printed label.

A dossier's applicant (người nộp) shows one at the counter, and its owner (chủ hồ sơ) has one
unless it is a newborn whose parent acts for it (domain.md §6):

* ``cccd``: the 12-digit personal ID number (CCCD, thẻ căn cước; `id_numbers`), checked against
  the declared birth date and gender;
* ``passport``: a foreigner's (or a Vietnamese citizen's) passport number;
* ``tax_code``: an organisation's tax code (mã số thuế), 10 digits, or 13 for a branch;
* ``none``: no document at all (a newborn, whose parent is the applicant); never the applicant.

Passport numbers follow ICAO Doc 9303: the document number field of the machine-readable zone is
nine characters, letters A–Z and digits (Vietnam: one letter and seven digits, C1234567). This
module takes 6 to 9 of them with at least one digit (spaces and dashes as typed are dropped), so
a name typed into the wrong box is caught.

Tax codes (Decision 75/1998/QĐ-TCT of the General Department of Taxation, structure kept by
Circular 105/2020/TT-BTC and Circular 86/2024/TT-BTC): ``N1 N2 N3 N4 N5 N6 N7 N8 N9 N10`` and, for a
branch or dependent unit, ``-N11 N12 N13``. N10 is a check digit over N1–N9: with the weights
31, 29, 23, 19, 17, 13, 7, 5, 3, ``N10 = 10 - (Σ weight·digit mod 11)``; a remainder of 0 would
need a check digit of 10, so no such number is issued. The branch suffix is 001–999. (Since
2025 a person's and a household business's tax code is their 12-digit personal number: they
are entered as ``cccd``.)

>>> check_tax_code("0100109106")
('0100109106', None)
>>> check_tax_code("0100 109 106 - 001")
('0100109106-001', None)
>>> check_tax_code("0100109107")[1]
'Mã số thuế 0100109107 sai chữ số kiểm tra (chữ số thứ 10 phải là 6): hãy xem lại từng chữ số.'
>>> check_passport("c 123 4567")
('C1234567', None)
>>> IdKind.PASSPORT.label
'Số hộ chiếu'
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from .id_numbers import check_id_number, normalize_id_number


class IdKind(StrEnum):
    """Which document identifies a party (the request's `id_type`, the snapshot's LoaiGiayTo)."""

    CCCD = "cccd"
    PASSPORT = "passport"
    TAX_CODE = "tax_code"
    NONE = "none"

    @property
    def label(self) -> str:
        """What the receipt and the slips print before the number."""
        return _LABELS[self]

    @property
    def portal_value(self) -> int:
        """LoaiGiayTo in the event snapshot (docs/sync-protocol.md): 0 none, 1 CCCD/căn cước,
        2 passport, 3 tax code."""
        return _PORTAL[self]

    @property
    def choice(self) -> str:
        """How the window's list names it."""
        return _CHOICES[self]

    @property
    def for_organisation(self) -> bool:
        return self is IdKind.TAX_CODE


_LABELS = {
    IdKind.CCCD: "Số định danh cá nhân/CCCD",
    IdKind.PASSPORT: "Số hộ chiếu",
    IdKind.TAX_CODE: "Mã số thuế",
    IdKind.NONE: "Giấy tờ tùy thân",
}
_PORTAL = {IdKind.NONE: 0, IdKind.CCCD: 1, IdKind.PASSPORT: 2, IdKind.TAX_CODE: 3}
_CHOICES = {
    IdKind.CCCD: "CCCD / Căn cước",
    IdKind.PASSPORT: "Hộ chiếu",
    IdKind.TAX_CODE: "Mã số thuế (tổ chức)",
    IdKind.NONE: "Không có (trẻ em)",
}
KINDS_TEXT = "cccd, passport, tax_code hoặc none"

PASSPORT_MIN, PASSPORT_MAX = 6, 9
_PASSPORT_RE = re.compile(r"[A-Z0-9]+")
_TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_TAX_RE = re.compile(r"([0-9]{10})(?:-?([0-9]{3}))?")
OLD_ID_LENGTH = 9  # the old CMND number kept on the chip card's QR code


def parse_kind(value: object) -> IdKind | None:
    """The kind named by a request (`cccd`, `passport`, `tax_code`, `none`), or None."""
    if isinstance(value, IdKind):
        return value
    if not isinstance(value, str):
        return None
    try:
        return IdKind(value.strip().lower())
    except ValueError:
        return None


def tax_check_digit(first_nine: str) -> int | None:
    """The tenth digit of a tax code starting with these nine, or None (no code is issued)."""
    total = sum(weight * int(digit) for weight, digit in zip(_TAX_WEIGHTS, first_nine,
                                                               strict=True))
    check = 10 - total % 11
    return None if check == 10 else check


def check_tax_code(text: str) -> tuple[str | None, str | None]:
    """(the tax code as written officially, None) or (None, the Vietnamese reason)."""
    compact = re.sub(r"[\s.]", "", text)
    match = _TAX_RE.fullmatch(compact)
    if match is None:
        return None, ("Mã số thuế gồm 10 chữ số (đơn vị phụ thuộc: 10 chữ số, dấu gạch ngang "
                      "và 3 chữ số).")
    main, branch = match.groups()
    if main[2:9] == "0000000":
        return None, f"Mã số thuế {main} không có số thứ tự (7 chữ số giữa đều là 0)."
    check = tax_check_digit(main[:9])
    if check is None or int(main[9]) != check:
        expected = "" if check is None else f" (chữ số thứ 10 phải là {check})"
        return None, (f"Mã số thuế {main} sai chữ số kiểm tra{expected}: hãy xem lại từng "
                      "chữ số.")
    if branch is not None and branch == "000":
        return None, "Ba chữ số đơn vị phụ thuộc của mã số thuế phải từ 001 đến 999."
    return (f"{main}-{branch}" if branch else main), None


def check_passport(text: str) -> tuple[str | None, str | None]:
    """(the passport number in capitals without spaces, None) or (None, the reason)."""
    number = re.sub(r"[\s\-]", "", text).upper()
    if not _PASSPORT_RE.fullmatch(number):
        return None, "Số hộ chiếu chỉ gồm chữ cái A–Z (không dấu) và chữ số."
    if not PASSPORT_MIN <= len(number) <= PASSPORT_MAX:
        return None, (f"Số hộ chiếu gồm {PASSPORT_MIN}–{PASSPORT_MAX} chữ cái hoặc chữ số "
                      f"(số đã nhập có {len(number)}).")
    if not any(char.isdigit() for char in number):
        return None, "Số hộ chiếu phải có chữ số (có thể đã nhập nhầm họ tên vào ô này)."
    return number, None


def check_old_id_number(text: str) -> tuple[str | None, str | None]:
    """The old 9-digit CMND number (kept from a chip card's QR code), or the reason."""
    number = normalize_id_number(text)
    if not number.isdigit() or len(number) != OLD_ID_LENGTH:
        return None, f"Số CMND cũ gồm đúng {OLD_ID_LENGTH} chữ số."
    return number, None


def missing_number_reason(kind: IdKind) -> str:
    """Why an applicant's empty number is refused, naming the document chosen."""
    return {
        IdKind.CCCD: "Số định danh cá nhân (CCCD) không được để trống.",
        IdKind.PASSPORT: "Số hộ chiếu không được để trống.",
        IdKind.TAX_CODE: "Mã số thuế của tổ chức không được để trống.",
        IdKind.NONE: ("Người nộp hồ sơ phải xuất trình giấy tờ: CCCD/căn cước, hộ chiếu, hoặc "
                      "mã số thuế nếu là tổ chức."),
    }[kind]


def check_document(
    kind: IdKind, number: str, *, birth_date: date | None = None, gender: str | None = None,
    today: date | None = None,
) -> tuple[str | None, str | None]:
    """(the number as stored, None) or (None, every problem in one Vietnamese text).

    A personal ID number is checked against the declared birth date and gender, as typed ID
    numbers always are.
    """
    if kind is IdKind.CCCD:
        problems = check_id_number(number, birth_date=birth_date, gender=gender, today=today)
        return (None, " ".join(problems)) if problems else (normalize_id_number(number), None)
    if kind is IdKind.PASSPORT:
        return check_passport(number)
    if kind is IdKind.TAX_CODE:
        return check_tax_code(number)
    return None, ("Đã chọn «không có giấy tờ» nhưng lại ghi số giấy tờ: chọn đúng loại giấy tờ "
                  "hoặc xóa số.")


def fits(kind: IdKind, number: str | None) -> bool:
    """Whether `number` has the shape of a `kind` number (no birth date or gender to compare)."""
    if number is None:
        return True
    return check_document(kind, number)[1] is None


def legacy_kind(organisation: bool, number: str | None) -> IdKind:
    """The kind of a party saved before kinds were stored: an organisation's tax code, else a
    personal number (what the receipt always printed), unless the number says otherwise."""
    for kind in ((IdKind.TAX_CODE,) if organisation else ()) + (IdKind.CCCD, IdKind.PASSPORT):
        if number and fits(kind, number):
            return kind
    return IdKind.CCCD

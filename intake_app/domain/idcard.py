"""The QR code on the front of a chip ID card (CCCD since 2021, thẻ căn cước since 1/7/2024).

A 2D scanner types it as text and Enter (domain.md §6), fields separated by ``|``::

    <12-digit ID number>|<old 9-digit CMND or empty>|<full name>|<birth date ddmmyyyy>|
    <gender Nam/Nữ>|<permanent address>|<issue date ddmmyyyy>

Cards issued under the Identity Law since 1/7/2024 keep the order. `parse_idcard_qr` is strict
about the ID number (12 digits, a real birth-place code, and the sex-and-century digit and the
year agreeing with the card's own birth date and gender, as a typed number is checked: a number
that disagrees with its own card was misread or is not a card) and tolerant of the rest: fields
missing at the end (some readers drop them), spaces around fields, text in NFD (a scanner that
sends each accent as its own character), a field it cannot read (left out, with a note).

>>> card = parse_idcard_qr("046095001234|197412345|Nguyễn Văn Đức|02031995|Nam|"
...                        "Thôn Phước Yên, Quảng Thành, Quảng Điền, Thừa Thiên Huế|10042021",
...                        today=date(2026, 12, 2))
>>> card.name, card.birth_date, card.gender, card.old_id_number
('Nguyễn Văn Đức', datetime.date(1995, 3, 2), 'nam', '197412345')
>>> parse_idcard_qr("046095001234||Nguyễn Văn Đức", today=date(2026, 12, 2)).birth_date is None
True
>>> looks_like_idcard_qr("046095001234||Nguyễn Văn Đức|02031995|Nam")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import InvalidInput
from .id_documents import check_old_id_number
from .id_numbers import (
    check_id_number,
    decode_id_number,
    normalize_gender,
    normalize_id_number,
)
from .limits import check_text
from .text import nfc

SEPARATOR = "|"
FIELDS = 7
#: What a scanner's burst may hold at most: seven fields of a card are under 300 characters
#: (a 70-letter name, an address under 150 letters, four short fields); 600 leaves room for a
#: reader that adds a prefix, and stops a runaway burst.
QR_MAX_CHARS = 600
_START_RE = re.compile(r"\s*[0-9]{12}\s*\|")


class IdCardError(InvalidInput):
    """The text is not a chip ID card's QR code, or its ID number cannot be trusted."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"Mã QR trên thẻ căn cước: {reason}", detail)


@dataclass(frozen=True)
class IdCard:
    """What a card's QR code holds; a field the reader dropped or that could not be read is
    None, with a Vietnamese note in `notes`."""

    id_number: str
    old_id_number: str | None
    name: str | None
    birth_date: date | None
    gender: str | None  # "nam" | "nữ"
    address: str | None
    issued_on: date | None
    fields: int  # how many fields the text had
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """JSON form (`intake-app idcard parse`), dates ISO."""
        info = decode_id_number(self.id_number)
        return {
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "name": self.name,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "gender": self.gender,
            "address": self.address,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "fields": self.fields,
            "id_number_says": {"birth_place": info.place_name, "abroad": info.abroad,
                               "gender": info.gender, "birth_year": info.birth_year},
            "notes": list(self.notes),
        }


def looks_like_idcard_qr(text: str) -> bool:
    """Whether a scanned text starts as a card's QR code does (12 digits, then ``|``)."""
    return _START_RE.match(text) is not None


def _card_date(value: str, what: str, notes: list[str]) -> date | None:
    digits = re.sub(r"[\s/.\-]", "", value)
    if not digits:
        return None
    if re.fullmatch(r"[0-9]{8}", digits):
        try:
            return date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        except ValueError:
            pass
    notes.append(f"{what} «{value}» không đọc được (ngày tháng năm ddmmyyyy): hãy nhập tay.")
    return None


def _card_text(value: str, path: str, what: str, notes: list[str]) -> str | None:
    cleaned, problem = check_text(path, value)
    if problem:
        notes.append(f"{what}: {problem} Hãy nhập tay.")
        return None
    return cleaned


def parse_idcard_qr(text: str, *, today: date) -> IdCard:
    """Read a card's QR text; IdCardError (Vietnamese) when it is not one or its ID number is
    wrong or disagrees with the card's birth date or gender."""
    if not isinstance(text, str) or not text.strip():
        raise IdCardError("không có nội dung.", "empty ID card text")
    if len(text) > QR_MAX_CHARS:
        raise IdCardError(f"dài quá {QR_MAX_CHARS} ký tự: không phải mã QR của thẻ căn cước.",
                          "ID card text too long")
    parts = [nfc(part) for part in nfc(text).split(SEPARATOR)]
    if len(parts) < 2 or not looks_like_idcard_qr(text):
        raise IdCardError("phải bắt đầu bằng số định danh 12 chữ số rồi dấu «|».",
                          "not an ID card QR text")
    present = len(parts)
    notes: list[str] = []
    if present > FIELDS:
        notes.append(f"Mã QR có {present} trường; chỉ đọc {FIELDS} trường đầu.")
    parts += [""] * (FIELDS - len(parts))
    id_number, old, name, born, gender_text, address, issued = parts[:FIELDS]
    id_number = normalize_id_number(id_number)
    old_id_number = None
    if old:
        old_id_number, problem = check_old_id_number(old)
        if problem:
            notes.append(f"{problem} (đã đọc «{old}»): không giữ số này.")
    birth_date = _card_date(born, "Ngày sinh", notes)
    if birth_date is not None and not date(1900, 1, 1) <= birth_date <= today:
        notes.append(f"Ngày sinh {born} không hợp lệ: hãy nhập tay.")
        birth_date = None
    gender = None
    if gender_text:
        try:
            gender = normalize_gender(gender_text)
        except ValueError:
            notes.append(f"Giới tính «{gender_text}» không rõ: hãy chọn tay.")
    problems = check_id_number(id_number, birth_date=birth_date, gender=gender, today=today)
    if problems:
        raise IdCardError(" ".join(problems), "ID card number refused")
    return IdCard(
        id_number=id_number,
        old_id_number=old_id_number,
        name=_card_text(name, "applicant.name", "Họ và tên", notes) if name else None,
        birth_date=birth_date,
        gender=gender,
        address=_card_text(address, "applicant.address", "Địa chỉ", notes) if address else None,
        issued_on=_card_date(issued, "Ngày cấp", notes),
        fields=present,
        notes=tuple(notes),
    )

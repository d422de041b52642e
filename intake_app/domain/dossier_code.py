"""Dossier codes (mã hồ sơ): `<unit code>-<yyMMdd>-<station><nnn>` (docs/sync-protocol.md §1).

>>> format_dossier_code("000.00.12.H56", date(2025, 11, 23), 2, 7)
'000.00.12.H56-251123-2007'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .clock import to_vn
from .errors import NotAllowed

MAX_DAILY_SEQUENCE = 999
UNIT_CODE_RE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$")
DOSSIER_CODE_RE = re.compile(
    r"^(?P<unit>[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2})"
    r"-(?P<day>\d{6})-(?P<station>[1-9])(?P<seq>\d{3})$"
)


class DailyLimitReached(NotAllowed):
    """The station has stamped 999 dossiers today; the contract allows no other format."""


@dataclass(frozen=True)
class DossierCode:
    unit_code: str
    day: date
    station_no: int
    sequence: int

    def __str__(self) -> str:
        return format_dossier_code(self.unit_code, self.day, self.station_no, self.sequence)


def day_key(moment: datetime) -> str:
    """The `yyMMdd` of the local (Asia/Ho_Chi_Minh) day of an instant."""
    return to_vn(moment).strftime("%y%m%d")


def format_dossier_code(unit_code: str, day: date, station_no: int, sequence: int) -> str:
    if not 1 <= station_no <= 9:
        raise ValueError(f"station number must be 1-9, got {station_no}")
    if not 1 <= sequence <= MAX_DAILY_SEQUENCE:
        raise ValueError(f"daily sequence must be 1-{MAX_DAILY_SEQUENCE}, got {sequence}")
    return f"{unit_code}-{day:%y%m%d}-{station_no}{sequence:03d}"


def next_sequence(last_sequence: int | None) -> int:
    """The sequence after the day's last one; refuses to pass 999."""
    following = (last_sequence or 0) + 1
    if following > MAX_DAILY_SEQUENCE:
        raise DailyLimitReached(
            f"Quầy này đã cấp đủ {MAX_DAILY_SEQUENCE} mã hồ sơ trong ngày hôm nay; mã hồ sơ không "
            "cho phép số thứ tự lớn hơn. Hãy tiếp nhận hồ sơ tại quầy khác.",
            f"this station has already stamped {MAX_DAILY_SEQUENCE} dossiers today",
        )
    return following


def parse_dossier_code(text: str) -> DossierCode:
    match = DOSSIER_CODE_RE.match(text.strip().upper())
    if not match:
        raise ValueError(f"not a dossier code: {text!r}")
    day = datetime.strptime(match["day"], "%y%m%d").date()
    return DossierCode(match["unit"], day, int(match["station"]), int(match["seq"]))


def looks_like_dossier_code(text: str) -> bool:
    return DOSSIER_CODE_RE.match(text.strip().upper()) is not None

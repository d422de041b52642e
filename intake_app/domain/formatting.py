"""Vietnamese formats for what a person reads: money, dates, clock times, processing times.

>>> money(12000)
'12.000 ₫'
>>> date_vn(date(2026, 2, 13))
'13/02/2026'
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .clock import to_vn
from .procedures import ProcessingTime, TimeUnit


def thousands(amount: int) -> str:
    """12000 → '12.000' (Vietnamese uses the dot to group thousands)."""
    return f"{amount:,}".replace(",", ".")


def money(amount: int | None) -> str:
    """12000 → '12.000 ₫'; None (not set by the province) → 'chưa quy định'."""
    return "chưa quy định" if amount is None else f"{thousands(amount)} ₫"


def money_words_unit(amount: int | None) -> str:
    """12000 → '12.000 đồng', the form official slips use; None (an amount the province
    sets, not entered yet) → what the citizen is told: the council's resolution sets it."""
    return "theo mức thu của HĐND tỉnh" if amount is None else f"{thousands(amount)} đồng"


def date_vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


_DATE_VN_RE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_DATE_DIGITS_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")


def parse_date_vn(text: str) -> date | None:
    """A date as a clerk types it, day first: 02/03/1995, 2/3/1995, 02.03.1995, 02031995.

    None when `text` is not a real day in that order.
    """
    match = _DATE_VN_RE.match(text) or _DATE_DIGITS_RE.match(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def datetime_vn(moment: datetime) -> str:
    """'16:10 13/02/2026' — 24-hour clock, then the date."""
    local = to_vn(moment)
    return f"{local:%H:%M} {local:%d/%m/%Y}"


def day_time_vn(moment: datetime) -> str:
    """'13/02/2026 16:10' — the date first, then the 24-hour clock, as table columns show it."""
    local = to_vn(moment)
    return f"{local:%d/%m/%Y %H:%M}"


def clock_phrase(moment: datetime) -> str:
    """'16 giờ 10 phút, ngày 13/02/2026', as the receipt writes times."""
    local = to_vn(moment)
    return f"{local.hour:02d} giờ {local.minute:02d} phút, ngày {local:%d/%m/%Y}"


def place_date_line(place: str, day: date) -> str:
    """'Ưu Điềm, ngày 13 tháng 02 năm 2026', the line under the national motto."""
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def processing_time_text(time: ProcessingTime) -> str:
    """The statutory processing time in words, e.g. '03 ngày làm việc'."""
    if time.unit == TimeUnit.WORKING_DAYS:
        return f"{time.amount:02d} ngày làm việc"
    if time.unit == TimeUnit.WORKING_HOURS:
        return f"{time.amount:02d} giờ làm việc"
    if time.unit == TimeUnit.CALENDAR_DAYS:
        return f"{time.amount:02d} ngày"
    if time.unit == TimeUnit.SAME_DAY:
        return "Trong ngày (nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)"
    return "Không có thời hạn hẹn trả"


def full_address(street: str | None, commune: str | None = None,
                 province: str | None = None) -> str:
    """The address as printed: the street part, then the commune and province the clerk picked.

    A part the street already names (an address read from an ID card's QR code often ends with
    its commune and province) is not repeated.

    >>> full_address("Thôn An Cư", "Xã Ưu Điềm", "Thành phố Huế")
    'Thôn An Cư, Xã Ưu Điềm, Thành phố Huế'
    >>> full_address("Thôn An Cư, xã Ưu Điềm", "Xã Ưu Điềm", "Thành phố Huế")
    'Thôn An Cư, xã Ưu Điềm, Thành phố Huế'
    >>> full_address("", None, None)
    ''
    """
    from .text import fold, nfc

    parts = [nfc(street or "")]
    for place in (commune, province):
        place = nfc(place or "")
        if place and fold(place) not in fold(", ".join(parts)):
            parts.append(place)
    return ", ".join(part for part in parts if part)

"""The birth date as the clerk types it: dd/MM/yyyy (also d/M/yyyy, dd.MM.yyyy, ddMMyyyy)."""

from __future__ import annotations

import re
from datetime import date

_DATE_RE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_DIGITS_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")


def parse_birth_text(text: str) -> date | None:
    """The date written in `text`, or None when it is not a real day in Vietnamese order."""
    match = _DATE_RE.match(text) or _DIGITS_RE.match(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def birth_text(day: date) -> str:
    return f"{day:%d/%m/%Y}"

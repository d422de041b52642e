"""Local time of the counter: Asia/Ho_Chi_Minh, UTC+07:00 all year (no daylight saving)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import overload

VN_TZ = timezone(timedelta(hours=7), "+07:00")


def now_vn() -> datetime:
    """The PC clock as an aware datetime in Vietnam's time, to the second."""
    return datetime.now(VN_TZ).replace(microsecond=0)


def to_vn(moment: datetime) -> datetime:
    """Convert an aware datetime to Vietnam's time; a naive one is taken as already local."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)


@overload
def iso(moment: datetime) -> str: ...
@overload
def iso(moment: None) -> None: ...
@overload
def iso(moment: datetime | None) -> str | None: ...


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the +07:00 offset, as the command line and the outbox events write it."""
    return None if moment is None else to_vn(moment).isoformat()


def portal_stamp(moment: datetime | None) -> str | None:
    """`yyyyMMddHHmmss` in local time, the date format of the national portal's dossier fields."""
    return None if moment is None else to_vn(moment).strftime("%Y%m%d%H%M%S")


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 instant; without an offset it is taken as Vietnam's local time."""
    return to_vn(datetime.fromisoformat(text))


def parse_iso_or_none(text: str | None) -> datetime | None:
    """`parse_iso` for a column or field that may be empty (the inverse of `iso`)."""
    return parse_iso(text) if text else None

"""The calendar in force: shipped and imported notices, and the supervisor's local overrides."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from ..domain.calendar import CalendarNotice, CalendarOverride, OverrideKind, WorkCalendar
from ..domain.calendar_notices import (
    TrustedKey,
    notice_to_dict,
    parse_notice,
    parse_shipped,
    parse_trusted_keys,
)
from ..domain.clock import iso, now_vn
from ..domain.station import StationSettings
from ..paths import resources_dir

SHIPPED_NOTICES = "calendar/vn-notices.json"
TRUSTED_KEYS = "calendar/trusted-keys.json"


def list_overrides(db: Database, year: int | None = None) -> list[CalendarOverride]:
    sql = "SELECT day, kind, note FROM calendar_overrides"
    params: list[str] = []
    if year is not None:
        sql += " WHERE day LIKE ?"
        params.append(f"{year:04d}-%")
    rows = db.execute(sql + " ORDER BY day", params)
    return [CalendarOverride(date.fromisoformat(d), OverrideKind(k), n) for d, k, n in rows]


def set_override(db: Database, override: CalendarOverride, actor: str) -> None:
    db.execute(
        "INSERT INTO calendar_overrides(day, kind, note, set_by, set_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, note = excluded.note, "
        "set_by = excluded.set_by, set_at = excluded.set_at",
        [override.day.isoformat(), override.kind.value, override.note, actor, iso(now_vn())],
    )


def clear_override(db: Database, day: date) -> bool:
    cursor = db.execute("DELETE FROM calendar_overrides WHERE day = ?", [day.isoformat()])
    return cursor.rowcount > 0


@functools.lru_cache(maxsize=4)
def _shipped(path: Path, mtime_ns: int) -> tuple[CalendarNotice, ...]:
    return parse_shipped(json.loads(path.read_text(encoding="utf-8")))


def shipped_notices(path: Path | None = None) -> tuple[CalendarNotice, ...]:
    """The notices shipped with the app (read once per process while the file is unchanged)."""
    source = path or resources_dir() / SHIPPED_NOTICES
    return _shipped(source, source.stat().st_mtime_ns)


def trusted_keys(path: Path | None = None) -> dict[str, TrustedKey]:
    """The public keys that may sign a notice file."""
    source = path or resources_dir() / TRUSTED_KEYS
    return parse_trusted_keys(json.loads(source.read_text(encoding="utf-8")))


def imported_notices(db: Database) -> list[CalendarNotice]:
    """Every notice imported from a signed file, oldest first (its row id is its edition)."""
    rows = db.execute("SELECT id, notice FROM calendar_notices ORDER BY id")
    return [parse_notice(json.loads(text), where=f"calendar_notices[{row_id}]", edition=row_id)
            for row_id, text in rows]


def add_imported_notice(db: Database, notice: CalendarNotice, *, key_id: str, file_sha256: str,
                        actor: str, at: str) -> int:
    """Record a notice imported from a signed file; returns its row id (its edition)."""
    cursor = db.execute(
        "INSERT INTO calendar_notices (number, issued_on, issuer, province_code, notice, key_id, "
        "file_sha256, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [notice.number, notice.issued_on.isoformat(), notice.issuer, notice.province_code,
         json.dumps(notice_to_dict(notice), ensure_ascii=False, sort_keys=True), key_id,
         file_sha256, at, actor],
    )
    return int(cursor.lastrowid or 0)


def imported_file_known(db: Database, file_sha256: str) -> bool:
    row = db.execute("SELECT 1 FROM calendar_notices WHERE file_sha256 = ?",
                     [file_sha256]).fetchone()
    return row is not None


def notices_for(notices: Iterable[CalendarNotice],
                province_code: str | None) -> list[CalendarNotice]:
    """The national notices and those of `province_code` (another province's do not apply)."""
    return [n for n in notices if n.province_code is None or n.province_code == province_code]


def notices_in_force(db: Database, station: StationSettings | None) -> list[CalendarNotice]:
    """Shipped then imported notices that apply to this station."""
    province = station.province_code if station is not None else None
    return notices_for([*shipped_notices(), *imported_notices(db)], province)


def work_calendar(db: Database, station: StationSettings | None,
                  extra_notices: Iterable[CalendarNotice] = ()) -> WorkCalendar:
    """The calendar in force: the statute, the notices, the local overrides, the unit's hours.

    `extra_notices` are added last (the preview of a notice not imported yet).
    """
    notices = [*notices_in_force(db, station), *extra_notices]
    overrides = list_overrides(db)
    if station is None:
        return WorkCalendar(overrides, notices=notices)
    return WorkCalendar(overrides, periods=station.periods, notices=notices)

"""The supervisor's local calendar overrides: extra days off and extra working days."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from ..domain.calendar import CalendarOverride, OverrideKind, WorkCalendar
from ..domain.clock import iso, now_vn
from ..domain.station import StationSettings


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


def work_calendar(db: Database, station: StationSettings | None) -> WorkCalendar:
    """The calendar in force: the law, the local overrides, the unit's working periods."""
    overrides = list_overrides(db)
    if station is None:
        return WorkCalendar(overrides)
    return WorkCalendar(overrides, periods=station.periods)

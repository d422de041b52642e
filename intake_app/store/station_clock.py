"""The station's trusted clock (db/0006_robustness.sql): the one row, and the confirmations.

Writers here never commit: the caller's `write_transaction` holds them.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from ..domain.clock import iso, parse_iso, parse_iso_or_none
from ..domain.clock_trust import ClockState, ServerReading
from . import sync_state


def load(db: Database) -> ClockState:
    row = db.execute("SELECT trusted_at, trusted_source, ignored_reading FROM station_clock "
                     "WHERE id = 1").fetchone()
    if row is None:
        return ClockState(None)
    trusted_at, source, ignored = row
    return ClockState(parse_iso_or_none(trusted_at), source or "stamp",
                      parse_iso_or_none(ignored))


def raise_to(db: Database, instant: datetime) -> None:
    """Make `instant` the trusted one if it is later (one row, in the caller's transaction)."""
    db.execute(
        "INSERT INTO station_clock (id, trusted_at, trusted_source) VALUES (1, ?, 'stamp') "
        "ON CONFLICT(id) DO UPDATE SET trusted_at = excluded.trusted_at, "
        "trusted_source = 'stamp' "
        "WHERE station_clock.trusted_at IS NULL OR station_clock.trusted_at < excluded.trusted_at",
        [iso(instant)])


def ignore_reading(db: Database, station_at: datetime) -> None:
    db.execute("UPDATE station_clock SET ignored_reading = ? WHERE id = 1", [iso(station_at)])


def confirm(db: Database, *, now: datetime, trusted_before: datetime | None, problem: str,
            reading: ServerReading | None, confirmed_by: str, reason: str) -> int:
    """Record a supervisor's confirmation and make `now` the trusted instant."""
    db.execute(
        "INSERT INTO station_clock (id, trusted_at, trusted_source, ignored_reading) "
        "VALUES (1, ?, 'confirmed', ?) ON CONFLICT(id) DO UPDATE SET "
        "trusted_at = excluded.trusted_at, trusted_source = 'confirmed', "
        "ignored_reading = excluded.ignored_reading",
        [iso(now), iso(reading.station_at) if reading else None])
    cursor = db.execute(
        "INSERT INTO clock_confirmations (confirmed_at, trusted_before, problem, reading, "
        "confirmed_by, reason) VALUES (?, ?, ?, ?, ?, ?)",
        [iso(now), iso(trusted_before), problem,
         json.dumps({"station_at": iso(reading.station_at),
                     "skew_seconds": reading.skew_seconds}) if reading else None,
         confirmed_by, reason])
    return int(cursor.lastrowid or 0)


def confirmations(db: Database, limit: int = 20) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT id, confirmed_at, trusted_before, problem, reading, confirmed_by, reason "
        "FROM clock_confirmations ORDER BY id DESC LIMIT ?", [limit])
    keys = ("id", "confirmed_at", "trusted_before", "problem", "reading", "confirmed_by",
            "reason")
    found = [dict(zip(keys, row, strict=True)) for row in rows]
    for item in found:
        item["reading"] = json.loads(item["reading"]) if item["reading"] else None
    return found


def last_reading(db: Database) -> ServerReading | None:
    """The gateway's last `server_time`, as the sync recorded it (`sync_state` key `clock`:
    the PC clock's reading then, and the skew)."""
    value = sync_state.get(db, sync_state.CLOCK)
    if not isinstance(value, dict):
        return None
    try:
        return ServerReading(parse_iso(str(value["at"])), float(value["skew_seconds"]))
    except (KeyError, TypeError, ValueError):
        return None

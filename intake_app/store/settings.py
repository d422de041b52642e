"""The station's settings, kept as JSON values in the `settings` table."""

from __future__ import annotations

import json
from datetime import time
from typing import TYPE_CHECKING, Any

from ..domain.calendar import WorkingPeriod
from ..domain.station import StationSettings

if TYPE_CHECKING:
    from sqlite_utils import Database

STATION_KEY = "station"


# Tables of one JSON value per key: the settings here, the sync state (`sync_state.py`).
KEY_VALUE_TABLES = frozenset({"settings", "sync_state"})


def _checked(table: str) -> str:
    if table not in KEY_VALUE_TABLES:  # the name goes into SQL text
        raise ValueError(f"not a key-value table: {table!r}")
    return table


def get_value(db: Database, key: str, default: Any = None, *, table: str = "settings") -> Any:
    table = _checked(table)
    row = db.execute(f"SELECT value FROM {table} WHERE key = ?", [key]).fetchone()
    return default if row is None else json.loads(row[0])


def set_value(db: Database, key: str, value: Any, *, table: str = "settings") -> None:
    table = _checked(table)
    db.execute(
        f"INSERT INTO {table}(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False)],
    )


def load_station(db: Database) -> StationSettings | None:
    raw = get_value(db, STATION_KEY)
    return None if raw is None else station_from_value(raw)


def station_from_value(raw: dict[str, Any]) -> StationSettings:
    """The station's settings from their stored JSON value."""
    raw = dict(raw)
    periods = tuple(
        WorkingPeriod(time.fromisoformat(start), time.fromisoformat(end))
        for start, end in raw.pop("periods")
    )
    return StationSettings(**raw, periods=periods)


def save_station(db: Database, settings: StationSettings) -> None:
    raw = {
        "unit_code": settings.unit_code,
        "unit_name": settings.unit_name,
        "province_code": settings.province_code,
        "commune_code": settings.commune_code,
        "station_no": settings.station_no,
        "place_name": settings.place_name,
        "office_name": settings.office_name,
        "periods": [[p.start.isoformat("minutes"), p.end.isoformat("minutes")]
                    for p in settings.periods],
    }
    set_value(db, STATION_KEY, raw)

"""What the window needs before it opens, read without opening the store.

The station's settings, the window's language and the clerks' names are read from the
settings table over a read-only connection: no sqlite-utils, no migrations, no write lock, so
the window shows at once while its worker thread opens the store properly (checks it, brings
its schema up to date). Anything unusual (no file yet, an unreadable one, one a newer version
of the app migrated) answers None, and the window opens the store the ordinary way, which
says what is wrong before the window exists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.station import StationSettings
from ..paths import DATABASE_FILE
from . import cipher
from .schema import applied_migrations, known_migrations
from .settings import STATION_KEY, station_from_value

PEEK_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Peeked:
    """The station (None: not set up yet) and the other settings asked for (by key)."""

    station: StationSettings | None
    values: dict[str, Any] = field(default_factory=dict)


def peek_settings(data_dir: Path, *keys: str,
                  database_key: bytes | None = None) -> Peeked | None:
    """The station and the settings `keys` of the data folder (opened with `database_key`),
    or None to open it properly (also when the key does not open it, or it is an older
    version's plaintext file that the store converts first)."""
    path = Path(data_dir) / DATABASE_FILE
    if not path.is_file() or database_key is None or cipher.is_plaintext(path):
        return None
    try:
        conn = cipher.connect(path, database_key, read_only=True, timeout=PEEK_TIMEOUT_S)
        try:
            if set(applied_migrations(conn)) - set(known_migrations()):
                return None  # a newer app's file: the store refuses it, in words
            marks = ", ".join("?" for _ in range(len(keys) + 1))
            rows = conn.execute(f"SELECT key, value FROM settings WHERE key IN ({marks})",
                                [STATION_KEY, *keys]).fetchall()
        finally:
            conn.close()
        values = {key: json.loads(value) for key, value in rows}
        raw = values.pop(STATION_KEY, None)
        return Peeked(station_from_value(raw) if isinstance(raw, dict) else None, values)
    except cipher.Error + (ValueError, TypeError, KeyError):
        return None

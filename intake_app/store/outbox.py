"""The outbox: every event the province must receive, written with the change it records."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def add_event(db: Database, dossier_row: int, event: dict[str, Any], at: str) -> None:
    """Queue an event as `pending`; the caller's transaction also holds the change itself."""
    db.execute(
        "INSERT INTO outbox (event_id, dossier, dossier_id, version, kind, occurred_at, payload, "
        "state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
        [event["event_id"], dossier_row, event["dossier_id"], event["version"], event["kind"],
         event["occurred_at"], json.dumps(event, ensure_ascii=False), at],
    )


def events_of(db: Database, dossier_row: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT payload, state FROM outbox WHERE dossier = ? ORDER BY version", [dossier_row]
    )
    return [{**json.loads(payload), "state": state} for payload, state in rows]


def count_by_state(db: Database) -> dict[str, int]:
    counts = {"pending": 0, "sending": 0, "delivered": 0, "rejected": 0}
    for state, count in db.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        counts[state] = count
    return counts

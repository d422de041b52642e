"""The station's sync state (db/0004_sync.sql): named JSON values, the province's updates
applied once each, result files imported once each, the sync log, and the sync lease.

Writers here never commit: the sync engine wraps each change in `write_transaction`.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from ..domain.clock import iso, parse_iso
from . import settings

# Keys of `sync_state`.
CURSOR = "cursor"  # the updates feed's next_cursor
LEASE = "lease"  # {"owner", "until"}: the one sender of this data folder right now
LAST_SUCCESS = "last_success"  # ISO instant of the last complete sync
LAST_ERROR = "last_error"  # {"at", "kind", "message"}; removed by a complete sync
AUTH_ERROR = "auth_error"  # {"at", "status", "message"}: 401/403, syncing stopped
ENVELOPE_ERROR = "envelope_error"  # {"at", "batch_id", "error", "message"}: 422, held
MISMATCH = "mismatch"  # {"at", station/gateway events and dossiers}
CLOCK = "clock"  # {"at", "skew_seconds"}: last server_time seen
HEALTH = "health"  # {"at", "ok"}: last health probe

LOG_KEEP = 5000  # rows of sync_log kept (oldest removed)


def get(db: Database, key: str, default: Any = None) -> Any:
    return settings.get_value(db, key, default, table="sync_state")


def put(db: Database, key: str, value: Any) -> None:
    settings.set_value(db, key, value, table="sync_state")


def delete(db: Database, key: str) -> None:
    db.execute("DELETE FROM sync_state WHERE key = ?", [key])


def all_values(db: Database) -> dict[str, Any]:
    return {key: json.loads(value) for key, value in db.execute(
        "SELECT key, value FROM sync_state")}


# ---- log -------------------------------------------------------------------------------------

def log(db: Database, at: str, level: str, kind: str, message: str,
        detail: dict[str, Any] | None = None) -> None:
    cursor = db.execute(
        "INSERT INTO sync_log (at, level, kind, message, detail) VALUES (?, ?, ?, ?, ?)",
        [at, level, kind, message,
         json.dumps(detail, ensure_ascii=False) if detail is not None else None],
    )
    if cursor.lastrowid and cursor.lastrowid % 500 == 0:
        db.execute("DELETE FROM sync_log WHERE id <= ?", [cursor.lastrowid - LOG_KEEP])


def recent_log(db: Database, limit: int = 50, kind: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
    rows = db.execute(
        f"SELECT id, at, level, kind, message, detail FROM sync_log {where} "
        "ORDER BY id DESC LIMIT ?", [*params, limit],
    )
    return [{"id": id_, "at": at, "level": level, "kind": k, "message": message,
             "detail": json.loads(detail) if detail else None}
            for id_, at, level, k, message, detail in rows]


# ---- the province's updates ------------------------------------------------------------------

def update_applied(db: Database, update_id: str) -> bool:
    return db.execute("SELECT 1 FROM sync_applied_updates WHERE update_id = ?",
                      [update_id]).fetchone() is not None


def mark_update(db: Database, update_id: str, dossier_id: str | None, outcome: str,
                reason: str | None, at: str) -> None:
    db.execute(
        "INSERT INTO sync_applied_updates (update_id, dossier_id, outcome, reason, applied_at) "
        "VALUES (?, ?, ?, ?, ?)", [update_id, dossier_id, outcome, reason, at],
    )


def flagged_updates(db: Database, limit: int = 200) -> list[dict[str, Any]]:
    """Updates recorded without changing the dossier's status, or for no dossier here."""
    rows = db.execute(
        "SELECT u.update_id, u.dossier_id, d.code, u.outcome, u.reason, u.applied_at "
        "FROM sync_applied_updates u LEFT JOIN dossiers d ON d.dossier_id = u.dossier_id "
        "WHERE u.outcome != 'applied' ORDER BY u.rowid DESC LIMIT ?", [limit],
    )
    keys = ("update_id", "dossier_id", "code", "outcome", "reason", "applied_at")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def count_updates(db: Database) -> dict[str, int]:
    return {outcome: n for outcome, n in db.execute(
        "SELECT outcome, count(*) FROM sync_applied_updates GROUP BY outcome")}


# ---- result files ----------------------------------------------------------------------------

def result_file_imported(db: Database, digest: str) -> dict[str, Any] | None:
    row = db.execute("SELECT imported_at, summary FROM sync_result_files WHERE digest = ?",
                     [digest]).fetchone()
    return None if row is None else {"imported_at": row[0], **json.loads(row[1])}


def record_result_file(db: Database, digest: str, batch_id: str | None, at: str,
                       summary: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO sync_result_files (digest, batch_id, imported_at, summary) "
        "VALUES (?, ?, ?, ?)", [digest, batch_id, at, json.dumps(summary, ensure_ascii=False)],
    )


# ---- lease: one sender per data folder -------------------------------------------------------

def acquire_lease(db: Database, owner: str, now: datetime, ttl: timedelta) -> tuple[bool, bool]:
    """Take or renew the sync lease; returns (acquired, taken_over).

    `taken_over` is True when no live sender held it: whatever a previous sender left
    `sending` is then no one's, and goes back to pending (the caller does that).
    """
    lease = get(db, LEASE)
    if lease and lease.get("owner") != owner:
        try:
            live = parse_iso(lease["until"]) > now
        except (KeyError, TypeError, ValueError):
            live = False
        if live:
            return False, False
    taken_over = not lease or lease.get("owner") != owner
    if not taken_over:
        try:
            if parse_iso(lease["until"]) - now > ttl / 2:
                return True, False  # still fresh: no write (a write is an fsync)
        except (KeyError, TypeError, ValueError):
            pass
    put(db, LEASE, {"owner": owner, "until": iso(now + ttl)})
    return True, taken_over


def release_lease(db: Database, owner: str) -> None:
    lease = get(db, LEASE)
    if lease and lease.get("owner") == owner:
        delete(db, LEASE)

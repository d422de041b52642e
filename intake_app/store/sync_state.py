"""The station's sync state (db/0004_sync.sql, db/0005_sync_trust.sql): named JSON values, the
province's updates applied once each, batch files exported, result files imported once each,
the sync log, and the sync lease.

Writers here never commit: the sync engine wraps each change in `write_transaction`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from ..domain.clock import iso, parse_iso
from . import settings

# Keys of `sync_state`.
CURSOR = "cursor"  # the updates feed's next_cursor
LEASE = "lease"  # {"owner", "host", "pid", "started", "until"}: the one sender right now
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


# ---- batch files exported (db/0005_sync_trust.sql) -------------------------------------------

def record_export(db: Database, batch_id: str, at: str, events: int, event_ids_sha256: str,
                  file: str) -> None:
    db.execute(
        "INSERT INTO sync_exported_batches (batch_id, exported_at, events, event_ids_sha256, "
        "file) VALUES (?, ?, ?, ?, ?)", [batch_id, at, events, event_ids_sha256, file],
    )


def exported_batch(db: Database, batch_id: str) -> dict[str, Any] | None:
    """The batch file this station exported under `batch_id`, or None."""
    row = db.execute(
        "SELECT exported_at, events, event_ids_sha256, file FROM sync_exported_batches "
        "WHERE batch_id = ?", [batch_id],
    ).fetchone()
    if row is None:
        return None
    return {"batch_id": batch_id, "exported_at": row[0], "events": row[1],
            "event_ids_sha256": row[2], "file": row[3]}


# ---- lease: one sender per data folder -------------------------------------------------------

@dataclass(frozen=True)
class LeaseTaken:
    """What `acquire_lease` did."""

    acquired: bool
    taken_over: bool = False  # no live sender held it: events left `sending` are no one's
    previous: dict[str, Any] | None = None  # the lease taken over, when there was one
    why: str | None = None  # why it could be taken (English): expired, or its holder is gone


def acquire_lease(db: Database, holder: dict[str, Any], now: datetime, ttl: timedelta,
                  holder_gone: Callable[[dict[str, Any]], str | None]) -> LeaseTaken:
    """Take or renew the sync lease for `holder` (its `owner`, `host`, `pid`, `started`).

    Another sender's lease is taken when it has run out, or at once when `holder_gone` says
    its holder is gone (a sender killed mid-batch). `taken_over` is then True: whatever that
    sender left `sending` is no one's and goes back to pending (the caller does that).
    """
    owner = holder["owner"]
    lease = get(db, LEASE)
    if not isinstance(lease, dict):
        lease = None
    mine = lease is not None and lease.get("owner") == owner
    why = None
    if lease is not None and not mine:
        until = _instant(lease.get("until"))
        if until is not None and until > now:
            why = holder_gone(lease)
            if why is None:
                return LeaseTaken(False)
        else:
            why = "its lease ran out"
    if mine and lease is not None:
        until = _instant(lease.get("until"))
        if until is not None and until - now > ttl / 2:
            return LeaseTaken(True)  # still fresh: no write (a write is an fsync)
    put(db, LEASE, {**holder, "until": iso(now + ttl)})
    if mine:
        return LeaseTaken(True)
    return LeaseTaken(True, taken_over=True, previous=lease, why=why)


def _instant(text: Any) -> datetime | None:
    try:
        return parse_iso(text) if isinstance(text, str) else None
    except ValueError:
        return None


def release_lease(db: Database, owner: str) -> None:
    lease = get(db, LEASE)
    if isinstance(lease, dict) and lease.get("owner") == owner:
        delete(db, LEASE)


def lease(db: Database) -> dict[str, Any] | None:
    """The lease as stored (its holder and `until`), or None."""
    value = get(db, LEASE)
    return value if isinstance(value, dict) else None

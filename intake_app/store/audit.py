"""The audit trail's rows and its head (`audit_log`, `audit_head`); the hashing is the domain's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.audit import EMPTY_HEAD, AuditDraft, AuditRecord, ChainHead, seal_record

_COLUMNS = "seq, at, actor, action, target, detail, previous, hash"


@dataclass(frozen=True)
class StoredHead:
    head: ChainHead
    mac: str
    key_id: str


def _record(row: tuple) -> AuditRecord:
    seq, at, actor, action, target, detail, previous, hash_ = row
    try:
        parsed = json.loads(detail)
    except (TypeError, ValueError):
        parsed = {"unreadable": str(detail)}
    if not isinstance(parsed, dict):
        parsed = {"unreadable": parsed}
    return AuditRecord(int(seq), str(at), str(actor), str(action), str(target), parsed,
                       str(previous), str(hash_))


def load_head(db: Database) -> StoredHead | None:
    row = db.execute("SELECT count, hash, mac, key_id FROM audit_head WHERE id = 1").fetchone()
    if row is None:
        return None
    return StoredHead(ChainHead(int(row[0]), str(row[1])), str(row[2]), str(row[3]))


def is_empty(db: Database) -> bool:
    return (db.execute("SELECT 1 FROM audit_head").fetchone() is None
            and db.execute("SELECT 1 FROM audit_log LIMIT 1").fetchone() is None)


def append(db: Database, key: bytes, key_id: str, entry: AuditDraft) -> AuditRecord:
    """Inside the caller's write transaction: the next record and the new head."""
    stored = load_head(db)
    head = stored.head if stored else EMPTY_HEAD
    record = seal_record(key, head.hash, head.count + 1, entry)
    db.execute(
        f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [record.seq, record.at, record.actor, record.action, record.target,
         json.dumps(record.detail, ensure_ascii=False, sort_keys=True), record.previous,
         record.hash],
    )
    new = ChainHead(record.seq, record.hash)
    db.execute(
        "INSERT INTO audit_head (id, count, hash, mac, key_id) VALUES (1, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET count = excluded.count, hash = excluded.hash, "
        "mac = excluded.mac, key_id = excluded.key_id",
        [new.count, new.hash, new.mac(key), key_id],
    )
    return record


def all_records(db: Database) -> Iterator[AuditRecord]:
    for row in db.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq"):
        yield _record(row)


def hash_at(db: Database, seq: int) -> str | None:
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
    return str(row[0]) if row else None


def find(db: Database, *, start: str | None = None, end: str | None = None,
         actor: str | None = None, target: str | None = None,
         action_prefix: str | None = None, limit: int | None = None,
         newest_first: bool = True) -> list[AuditRecord]:
    """Records by time (`at` ISO text: start inclusive, end exclusive), actor, target."""
    where: list[str] = []
    params: list[Any] = []
    if start:
        where.append("at >= ?")
        params.append(start)
    if end:
        where.append("at < ?")
        params.append(end)
    if actor:
        where.append("actor = ?")
        params.append(actor)
    if target:
        where.append("target = ?")
        params.append(target)
    if action_prefix:
        where.append("action LIKE ? ESCAPE '\\'")
        params.append(action_prefix.replace("%", "\\%").replace("_", "\\_") + "%")
    sql = f"SELECT {_COLUMNS} FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC" if newest_first else " ORDER BY seq"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_record(row) for row in db.execute(sql, params)]


def last_of(db: Database, action: str) -> AuditRecord | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM audit_log WHERE action = ? ORDER BY seq DESC "
                     "LIMIT 1", [action]).fetchone()
    return _record(row) if row else None


def of_action(db: Database, action: str) -> list[AuditRecord]:
    return [_record(row) for row in db.execute(
        f"SELECT {_COLUMNS} FROM audit_log WHERE action = ? ORDER BY seq", [action])]

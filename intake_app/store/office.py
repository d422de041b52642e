"""Office mode's storage (docs/office-hub.md §2.2, §6): the `office` block each event carries
to the hub, and applying the hub's feed to this counter's copy of the office's dossiers.

Other counters' dossiers live in the same `dossiers` table as this counter's own, so search,
the scanner and the day lists find them with no second code path; `station_no` is the station
in the code, `writer_station` the counter that may write it now. Writers here never commit.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from ..domain.office import HUB_URL_KEY
from . import dossiers, settings

log = logging.getLogger(__name__)

# Columns a counter keeps to itself: its row id, its own search index's text, and who writes.
LOCAL_COLUMNS = frozenset({"id", "search_text", "writer_station", "handover_to"})
HISTORY_COLUMNS = ("at", "actor", "action", "status", "note", "detail")


def office_mode(db: Database) -> bool:
    return bool(settings.get_value(db, HUB_URL_KEY))


def _columns(db: Database) -> list[str]:
    return [row[1] for row in db.execute("PRAGMA table_info(dossiers)")]


def office_block(db: Database, dossier_row: int) -> dict[str, Any]:
    """The dossier's whole row (but this counter's own columns) and its history as they are
    now, inside the caller's transaction."""
    cursor = db.execute("SELECT * FROM dossiers WHERE id = ?", [dossier_row])
    names = [d[0] for d in cursor.description]
    values = cursor.fetchone()
    row = {name: value for name, value in zip(names, values, strict=True)
           if name not in LOCAL_COLUMNS}
    history = [dict(zip(HISTORY_COLUMNS, line, strict=True)) for line in db.execute(
        "SELECT at, actor, action, status, note, detail FROM dossier_history WHERE dossier = ? "
        "ORDER BY id", [dossier_row])]
    return {"row": row, "history": history}


def office_block_json(db: Database, dossier_row: int) -> str:
    return json.dumps(office_block(db, dossier_row), ensure_ascii=False, separators=(",", ":"))


def with_office_block(payload: str, block: str) -> str:
    """The stored event JSON with `"office": block` added (a JSON object's text)."""
    return payload[:payload.rindex("}")] + ',"office":' + block + "}"


# ---- applying the feed (§6.3) -------------------------------------------------------------------

@dataclass
class FeedApplied:
    inserted: int = 0
    updated: int = 0
    own: int = 0  # this counter's own events coming back
    stale: int = 0  # an older version than the copy holds
    unusable: int = 0  # no office block: nothing to copy
    diverged: int = 0  # this counter wrote that version differently (after a take-over)
    codes: list[str] = field(default_factory=list)
    grants: list[dict[str, Any]] = field(default_factory=list)  # every grant, in order
    release_requests: list[dict[str, Any]] = field(default_factory=list)
    configs: list[tuple[str, int]] = field(default_factory=list)  # shared data moved on


def apply_entries(db: Database, entries: list[dict[str, Any]]) -> FeedApplied:
    """Apply a page of the office feed to the copy (inside the caller's transaction)."""
    applied = FeedApplied()
    columns = set(_columns(db))
    events = [e for e in entries if e.get("kind") == "event" and isinstance(e.get("event"), dict)]
    ids = [e["event"]["event_id"] for e in events]
    own: set[str] = set()
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        own.update(row[0] for row in db.execute(
            f"SELECT event_id FROM outbox WHERE event_id IN ({','.join('?' * len(part))})",
            part))
    for entry in entries:
        kind = entry.get("kind")
        if kind == "grant" and isinstance(entry.get("grant"), dict):
            apply_grant(db, entry["grant"])
            applied.grants.append(entry["grant"])
            continue
        if kind == "release_request" and isinstance(entry.get("request"), dict):
            applied.release_requests.append(entry["request"])
            continue
        if kind == "config" and entry.get("section") in CONFIG_SECTIONS:
            applied.configs.append((str(entry["section"]), int(entry.get("version") or 0)))
            continue
        if entry not in events:
            continue
        event = entry["event"]
        if event["event_id"] in own:
            applied.own += 1
            continue
        block = entry.get("office")
        if not isinstance(block, dict) or not isinstance(block.get("row"), dict):
            applied.unusable += 1
            continue
        _apply_event(db, event, block, int(entry.get("station_no") or 0), columns, applied)
    return applied


def apply_grant(db: Database, grant: dict[str, Any]) -> None:
    """The right to write moved: the copy says who writes now (the grantee itself writes the
    hand-over event, `write_handover`)."""
    db.execute("UPDATE dossiers SET writer_station = ?, handover_to = NULL "
               "WHERE dossier_id = ? AND version < ?",
               [int(grant["to_station"]), grant["dossier_id"], int(grant["version"]) + 1])


def _apply_event(db: Database, event: dict[str, Any], block: dict[str, Any], sender: int,
                 columns: set[str], applied: FeedApplied) -> None:
    row = {k: v for k, v in block["row"].items() if k in columns and k not in LOCAL_COLUMNS}
    version = int(event["version"])
    local = db.execute("SELECT id, version FROM dossiers WHERE dossier_id = ?",
                       [event["dossier_id"]]).fetchone()
    diverged = False
    if local is not None and int(local[1]) >= version:
        mine = db.execute("SELECT event_id FROM outbox WHERE dossier_id = ? AND version = ?",
                          [event["dossier_id"], version]).fetchone()
        if mine is None or mine[0] == event["event_id"]:
            applied.stale += 1
            return
        # This counter wrote this version itself, differently: the dossier was taken over
        # meanwhile. The office's line wins; its own steps stay parked for the supervisor.
        diverged = True
        applied.diverged += 1
    row["version"] = max(version, int(row.get("version") or 0))
    search = dossiers.search_text_of(_dossier(row))
    if local is None:
        names = [*row, "search_text", "writer_station"]
        cursor = db.execute(
            f"INSERT INTO dossiers ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [*row.values(), search, sender])
        assert cursor.lastrowid is not None
        dossier_row = int(cursor.lastrowid)
        applied.inserted += 1
    else:
        dossier_row = local[0]
        sets = [k for k in row if k != "dossier_id"]
        db.execute(f"UPDATE dossiers SET {', '.join(f'{k} = ?' for k in sets)}, "
                   "search_text = ?, writer_station = ? WHERE id = ?",
                   [*(row[k] for k in sets), search, sender, dossier_row])
        applied.updated += 1
    # History only grows: the lines this copy has not got yet (by what they say).
    have = {tuple(line) for line in db.execute(
        "SELECT at, actor, action, note FROM dossier_history WHERE dossier = ?", [dossier_row])}
    if diverged:
        dossiers.add_history(
            db, dossier_row, at=str(event["occurred_at"]), actor="", action="diverged",
            note=f"Các bước quầy này ghi từ phiên bản {version} không được ghi nhận vì hồ sơ đã "
                 "được tiếp quản; đã chuyển cho cán bộ giám sát xem xét.")
    lines = [line for line in block.get("history") or []
             if (line.get("at"), line.get("actor"), line.get("action"), line.get("note"))
             not in have]
    db.conn.executemany(
        "INSERT INTO dossier_history (dossier, at, actor, action, status, note, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(dossier_row, *(line.get(c) for c in HISTORY_COLUMNS)) for line in lines])
    applied.codes.append(str(row.get("code")))


def _dossier(row: dict[str, Any]) -> Any:
    names = [c.strip() for c in dossiers._COLUMNS.split(",")]
    return dossiers._dossier_from_row(tuple(0 if c == "id" else row.get(c) for c in names))


def writer_of(db: Database, code: str) -> tuple[int, int | None, int] | None:
    """(writer_station, handover_to, station_no) of a dossier, or None."""
    row = db.execute("SELECT coalesce(writer_station, station_no), handover_to, station_no "
                     "FROM dossiers WHERE code = ?", [code.strip().upper()]).fetchone()
    return (int(row[0]), row[1], int(row[2])) if row else None


# ---- the office's shared data (§5): catalogue and calendar overrides --------------------------

CONFIG_SECTIONS = ("catalogue", "calendar")


def config_key(section: str) -> str:
    return f"office.config.{section}"


def config_version(db: Database, section: str) -> int:
    return int(settings.get_value(db, config_key(section)) or 0)


def config_content(db: Database, section: str) -> list[dict[str, Any]]:
    """The whole section as this copy holds it now (inside the caller's transaction)."""
    if section == "catalogue":
        return [json.loads(definition) for (definition,) in db.execute(
            "SELECT definition FROM procedures ORDER BY code")]
    return [{"day": day, "kind": kind, "note": note, "set_by": by, "set_at": at}
            for day, kind, note, by, at in db.execute(
                "SELECT day, kind, note, set_by, set_at FROM calendar_overrides ORDER BY day")]


def apply_config(db: Database, section: str, version: int, content: list[dict[str, Any]]
                 ) -> None:
    """Replace this copy's section by the office's (inside the caller's transaction)."""
    from .catalogue import _from_row, upsert_procedures

    if section == "catalogue":
        procedures = [_from_row(json.dumps(item, ensure_ascii=False)) for item in content]
        db.execute("DELETE FROM procedures")
        upsert_procedures(db, procedures)
    else:
        db.execute("DELETE FROM calendar_overrides")
        db.conn.executemany(
            "INSERT INTO calendar_overrides (day, kind, note, set_by, set_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(i["day"], i["kind"], i.get("note") or "", i.get("set_by") or "",
              i.get("set_at") or "") for i in content])
    settings.set_value(db, config_key(section), version)

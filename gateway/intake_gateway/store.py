"""The gateway's data: station tokens, batches, accepted events and snapshots, updates, procedures.

`open_store(url)` gives a `Store` on SQLite or PostgreSQL. Every write is one transaction
committed before the method returns; idempotency rests on the database's UNIQUE constraints.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any, NamedTuple

from .audit_heads import Flag, Head, counts_to_look_up, judge_head, parse_head
from .contract import is_int
from .db import Connection, Database, Retry
from .errors import BatchConflict, NotFound
from .judging import DossierState, Item, Known, Verdict, judge
from .timeutil import server_time
from .tokens import new_token, signing_key, token_digest


class Station(NamedTuple):
    unit_code: str
    station_no: int


@dataclass(frozen=True)
class BatchAnswer:
    results: list[dict[str, Any]]
    replayed: bool  # True when these are the results stored for an earlier sending


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _check_station(unit_code: str, station_no: int) -> Station:
    if not isinstance(unit_code, str) or not unit_code.strip() or unit_code != unit_code.strip():
        raise ValueError("the unit code must be non-empty text without surrounding spaces")
    if not is_int(station_no) or not 1 <= station_no <= 9:
        raise ValueError("the station number must be a whole number from 1 to 9")
    return Station(unit_code, station_no)


class Store:
    def __init__(self, database_url: str, *, pool_size: int | None = None):
        self.db = Database(database_url, pool_size=pool_size)
        self.backend = self.db.backend

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ping(self) -> None:
        self.db.read(lambda conn: conn.one("SELECT 1"))

    # ---- station tokens -----------------------------------------------------------------------

    def issue_token(self, unit_code: str, station_no: int) -> str:
        """A new token for the station (replacing any earlier one); shown once, never stored."""
        station = _check_station(unit_code, station_no)
        token = new_token()
        row = [station.unit_code, station.station_no, token_digest(token),
               signing_key(token).hex(), server_time()]
        self.db.write(lambda conn: conn.execute(
            "INSERT INTO stations (unit_code, station_no, token_sha256, signing_key, issued_at, "
            "revoked_at) VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (unit_code, station_no) DO "
            "UPDATE SET token_sha256 = excluded.token_sha256, signing_key = excluded.signing_key, "
            "issued_at = excluded.issued_at, revoked_at = NULL", row))
        return token

    def revoke_token(self, unit_code: str, station_no: int) -> bool:
        """Revoke the station's token; False when it had no live token."""
        station = _check_station(unit_code, station_no)
        return self.db.write(lambda conn: conn.execute(
            "UPDATE stations SET token_sha256 = NULL, signing_key = NULL, revoked_at = ? "
            "WHERE unit_code = ? AND station_no = ? AND token_sha256 IS NOT NULL",
            [server_time(), *station]).rowcount > 0)

    def stations(self) -> list[dict[str, Any]]:
        rows = self.db.read(lambda conn: conn.all(
            "SELECT unit_code, station_no, issued_at, revoked_at FROM stations "
            "ORDER BY unit_code, station_no"))
        return [{"unit_code": u, "station_no": n, "issued_at": i, "revoked_at": r}
                for u, n, i, r in rows]

    def station_for_token(self, token: str) -> Station | None:
        row = self.db.read(lambda conn: conn.one(
            "SELECT unit_code, station_no FROM stations WHERE token_sha256 = ?",
            [token_digest(token)]))
        return Station(row[0], int(row[1])) if row else None

    def signing_key(self, unit_code: str, station_no: int) -> bytes | None:
        """The station's batch-file key, or None when it has no live token."""
        row = self.db.read(lambda conn: conn.one(
            "SELECT signing_key FROM stations WHERE unit_code = ? AND station_no = ?",
            [unit_code, station_no]))
        return bytes.fromhex(row[0]) if row and row[0] else None

    # ---- batches ------------------------------------------------------------------------------

    def process_batch(self, station: Station, batch_id: str, items: list[Item], *,
                      via: str = "http", audit_head: Any = None) -> BatchAnswer:
        """Judge and store a batch in one transaction. Raises BatchConflict (409) when the
        batch_id was used before with other events; replays the stored results otherwise.

        `audit_head` (the envelope's optional field) is checked against the heads the station
        sent before and kept, in the same transaction; a mismatch is flagged, never refused.
        """
        event_ids = [item.event_id for item in items]
        event_ids_json = _compact(event_ids)

        def work(conn: Connection) -> BatchAnswer:
            now = server_time()
            inserted = conn.execute(
                "INSERT INTO batches (batch_id, unit_code, station_no, event_ids, results, "
                "received_at, via) VALUES (?, ?, ?, ?, '[]', ?, ?) ON CONFLICT DO NOTHING",
                [batch_id, station.unit_code, station.station_no, event_ids_json, now, via],
            ).rowcount
            if audit_head is not None:
                self._audit_head(conn, station, batch_id, audit_head, now)
            if inserted != 1:
                return self._replay(conn, station, batch_id, event_ids)
            known = self._known(conn, items)
            verdict = judge(items, station.unit_code, station.station_no, known)
            self._write(conn, station, batch_id, verdict, known, now)
            conn.execute("UPDATE batches SET results = ? WHERE batch_id = ?",
                         [_compact(verdict.results), batch_id])
            return BatchAnswer(verdict.results, replayed=False)

        return self.db.write(work)

    def _audit_head(self, conn: Connection, station: Station, batch_id: str, value: Any,
                    now: str) -> None:
        parsed = parse_head(value)
        if isinstance(parsed, Flag):
            self._flag(conn, station, batch_id, parsed, now)
            return
        head: Head = parsed
        where = "unit_code = ? AND station_no = ?"
        counts = counts_to_look_up(head)
        known = {int(count): digest for count, digest in conn.all(
            f"SELECT count, hash FROM station_audit_heads WHERE {where} AND "
            f"{conn.in_list('count')}", [*station, conn.list_param(counts)])}
        row = conn.one(f"SELECT max(count) FROM station_audit_heads WHERE {where}", list(station))
        highest = int(row[0]) if row and row[0] is not None else None
        for flag in judge_head(head, known, highest):
            self._flag(conn, station, batch_id, flag, now)
        conn.execute(
            "INSERT INTO station_audit_heads (unit_code, station_no, count, hash, batch_id, "
            "received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [*station, head.count, head.hash, batch_id, now])

    def _flag(self, conn: Connection, station: Station, batch_id: str, flag: Flag,
              now: str) -> None:
        conn.execute(
            "INSERT INTO station_audit_flags (unit_code, station_no, batch_id, kind, message, "
            "detail, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [*station, batch_id, flag.kind, flag.message, _compact(flag.detail), now])

    def audit_flags(self, unit_code: str | None = None, station_no: int | None = None,
                    limit: int = 1000) -> list[dict[str, Any]]:
        """The flags raised on stations' audit chains, newest first."""
        where: list[str] = []
        params: list[Any] = []
        if unit_code is not None:
            where.append("unit_code = ?")
            params.append(unit_code)
        if station_no is not None:
            where.append("station_no = ?")
            params.append(station_no)
        sql = ("SELECT seq, unit_code, station_no, batch_id, kind, message, detail, flagged_at "
               "FROM station_audit_flags" + (" WHERE " + " AND ".join(where) if where else "")
               + f" ORDER BY seq DESC LIMIT {int(limit)}")
        rows = self.db.read(lambda conn: conn.all(sql, params))
        return [{"seq": seq, "unit_code": unit, "station_no": int(no), "batch_id": batch,
                 "kind": kind, "message": message, "detail": json.loads(detail),
                 "flagged_at": at}
                for seq, unit, no, batch, kind, message, detail, at in rows]

    def audit_heads(self) -> list[dict[str, Any]]:
        """Per station: the latest head it sent and how many flags it has."""
        def work(conn: Connection) -> list[dict[str, Any]]:
            heads = conn.all(
                "SELECT h.unit_code, h.station_no, h.count, h.hash, h.received_at "
                "FROM station_audit_heads h JOIN (SELECT unit_code, station_no, max(count) AS "
                "top FROM station_audit_heads GROUP BY unit_code, station_no) m "
                "ON h.unit_code = m.unit_code AND h.station_no = m.station_no "
                "AND h.count = m.top ORDER BY h.unit_code, h.station_no")
            flags = {(unit, int(no)): int(n) for unit, no, n in conn.all(
                "SELECT unit_code, station_no, count(*) FROM station_audit_flags "
                "GROUP BY unit_code, station_no")}
            return [{"unit_code": unit, "station_no": int(no), "count": int(count),
                     "hash": digest, "received_at": at, "flags": flags.get((unit, int(no)), 0)}
                    for unit, no, count, digest, at in heads]

        return self.db.read(work)

    def _replay(self, conn: Connection, station: Station, batch_id: str,
                event_ids: list[str | None]) -> BatchAnswer:
        row = conn.one("SELECT unit_code, station_no, event_ids, results FROM batches "
                       "WHERE batch_id = ?", [batch_id])
        if row is None:  # removed since the insert met it: judge again
            raise Retry()
        if Station(row[0], int(row[1])) == station and json.loads(row[2]) == event_ids:
            return BatchAnswer(json.loads(row[3]), replayed=True)
        raise BatchConflict(
            f"batch_id {batch_id} was already used with other events; send these events again "
            "under a new batch_id"
        )

    def _known(self, conn: Connection, items: list[Item]) -> Known:
        ids = list({item.event_id for item in items if item.event_id is not None})
        accepted = {row[0] for row in conn.all(
            f"SELECT event_id FROM events WHERE {conn.in_list('event_id')}",
            [conn.list_param(ids)])} if ids else set()
        candidates = [item.event for item in items
                      if item.problem is None and item.event_id not in accepted]
        dossier_ids = list({event["dossier_id"] for event in candidates})
        codes = list({event["dossier"]["MaHoSo"] for event in candidates})
        procedures = list({event["dossier"]["MaTTHC"] for event in candidates})
        dossiers: dict[str, DossierState] = {}
        versions: set[tuple[str, int]] = set()
        if dossier_ids:
            for did, unit, no, version, ma_tthc in conn.all(
                "SELECT dossier_id, unit_code, station_no, version, ma_tthc FROM dossiers "
                f"WHERE {conn.in_list('dossier_id')}", [conn.list_param(dossier_ids)]
            ):
                dossiers[did] = DossierState(unit, int(no), int(version), ma_tthc)
        if dossiers:
            versions = {(did, int(v)) for did, v in conn.all(
                f"SELECT dossier_id, version FROM events WHERE {conn.in_list('dossier_id')}",
                [conn.list_param(list(dossiers))])}
        owners = dict(conn.all(
            f"SELECT ma_ho_so, dossier_id FROM dossier_codes WHERE {conn.in_list('ma_ho_so')}",
            [conn.list_param(codes)])) if codes else {}
        known_procedures: set[str] | None = None
        if conn.one("SELECT 1 FROM procedures LIMIT 1") is not None:
            known_procedures = {row[0] for row in conn.all(
                f"SELECT code FROM procedures WHERE {conn.in_list('code')}",
                [conn.list_param(procedures)])} if procedures else set()
        return Known(accepted, dossiers, versions, owners, known_procedures)

    def _write(self, conn: Connection, station: Station, batch_id: str, verdict: Verdict,
               known: Known, now: str) -> None:
        """Store what the verdict accepted; Retry when a concurrent batch got there first."""
        events = sorted(verdict.accepted, key=lambda e: e["event_id"])  # one lock order
        rows = [(e["event_id"], e["dossier_id"], e["version"], e["kind"], e["occurred_at"],
                 station.unit_code, station.station_no, batch_id, now, _compact(e))
                for e in events]
        if conn.executemany(
            "INSERT INTO events (event_id, dossier_id, version, kind, occurred_at, unit_code, "
            "station_no, batch_id, accepted_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING", rows,
        ) != len(rows):
            raise Retry()
        fresh, newer = [], []
        for dossier_id in sorted(verdict.snapshots):
            event = verdict.snapshots[dossier_id]
            snapshot = event["dossier"]
            values = (snapshot["MaHoSo"], snapshot["MaTTHC"], event["version"],
                      _compact(snapshot), now)
            if known.dossiers[dossier_id].is_new:
                fresh.append((dossier_id, station.unit_code, station.station_no, *values))
            else:
                newer.append((*values, dossier_id, event["version"]))
        if conn.executemany(
            "INSERT INTO dossiers (dossier_id, unit_code, station_no, ma_ho_so, ma_tthc, "
            "version, snapshot, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING", fresh,
        ) != len(fresh):
            raise Retry()
        # A concurrent batch may have stored a higher version meanwhile: never go back.
        conn.executemany(
            "UPDATE dossiers SET ma_ho_so = ?, ma_tthc = ?, version = ?, snapshot = ?, "
            "updated_at = ? WHERE dossier_id = ? AND version < ?", newer)
        codes = sorted(verdict.new_codes.items())
        if conn.executemany(
            "INSERT INTO dossier_codes (ma_ho_so, dossier_id) VALUES (?, ?) "
            "ON CONFLICT DO NOTHING", codes,
        ) != len(codes):
            raise Retry()

    # ---- what the gateway holds ---------------------------------------------------------------

    def count_accepted(self, unit_code: str, station_no: int) -> tuple[int, int]:
        """(events, dossiers) accepted from the station."""
        def work(conn: Connection) -> tuple[int, int]:
            events = conn.count(
                "SELECT count(*) FROM events WHERE unit_code = ? AND station_no = ?",
                [unit_code, station_no])
            dossiers = conn.count(
                "SELECT count(*) FROM dossiers WHERE unit_code = ? AND station_no = ?",
                [unit_code, station_no])
            return events, dossiers

        return self.db.read(work)

    def highest_codes(self, unit_code: str, station_no: int) -> dict[str, int]:
        """The highest daily sequence of the station's dossiers the gateway holds, per local
        day (`yyMMdd`): what a station restored from an old backup must continue above."""
        day_at = len(unit_code) + 2  # MaHoSo is <unit>-<yyMMdd>-<station><nnn>

        def work(conn: Connection) -> dict[str, int]:
            rows = conn.all(
                "SELECT substr(ma_ho_so, ?, 6) AS day, max(ma_ho_so) FROM dossiers "
                "WHERE unit_code = ? AND station_no = ? GROUP BY 1",
                [day_at, unit_code, station_no])
            return {str(day): int(str(code)[-3:]) for day, code in rows
                    if str(code)[-3:].isdigit()}

        return self.db.read(work)

    def dossier(self, dossier_id: str) -> dict[str, Any] | None:
        """The dossier's stored snapshot, its version and its history (events by version)."""
        def work(conn: Connection) -> dict[str, Any] | None:
            row = conn.one("SELECT unit_code, station_no, version, snapshot FROM dossiers "
                           "WHERE dossier_id = ?", [dossier_id])
            if row is None:
                return None
            history = [json.loads(payload) for (payload,) in conn.all(
                "SELECT payload FROM events WHERE dossier_id = ? ORDER BY version", [dossier_id])]
            return {"dossier_id": dossier_id, "unit_code": row[0], "station_no": int(row[1]),
                    "version": int(row[2]), "snapshot": json.loads(row[3]), "history": history}

        return self.db.read(work)

    # ---- updates from the province ------------------------------------------------------------

    def post_update(self, code: str, status: int, note: str, by: str) -> str:
        """Record an update for the dossier with MaHoSo `code`; returns its update_id.

        Raises NotFound when no accepted dossier has that code, ValueError on bad values.
        """
        if not is_int(status) or not 1 <= status <= 10:
            raise ValueError("the status (TrangThaiHoSo) must be a whole number from 1 to 10")
        if not isinstance(note, str) or not isinstance(by, str) or not by.strip():
            raise ValueError("the note must be text and 'by' non-empty text")
        note = unicodedata.normalize("NFC", note)
        by = unicodedata.normalize("NFC", by.strip())
        update_id = str(uuid.uuid4())

        def work(conn: Connection) -> str:
            if conn.backend == "postgres":
                # Updates commit in the order of their seq, so a reader's cursor never skips one.
                conn.execute("LOCK TABLE updates IN SHARE ROW EXCLUSIVE MODE")
            row = conn.one(
                "SELECT d.dossier_id, d.unit_code, d.station_no, d.ma_ho_so FROM dossier_codes c "
                "JOIN dossiers d ON d.dossier_id = c.dossier_id WHERE c.ma_ho_so = ?", [code])
            if row is None:
                raise NotFound(f"no dossier with MaHoSo {code} was received",
                               code="unknown_dossier")
            conn.execute(
                "INSERT INTO updates (update_id, dossier_id, unit_code, station_no, ma_ho_so, "
                "status, at, by_name, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [update_id, row[0], row[1], row[2], row[3], status, server_time(), by, note])
            return update_id

        return self.db.write(work)

    def updates_after(self, station: Station, after: int, limit: int) -> list[tuple[int, dict]]:
        """The station's updates with seq > `after`, oldest first: (seq, update) pairs."""
        rows = self.db.read(lambda conn: conn.all(
            "SELECT seq, update_id, dossier_id, ma_ho_so, status, at, by_name, note FROM updates "
            "WHERE unit_code = ? AND station_no = ? AND seq > ? ORDER BY seq LIMIT ?",
            [station.unit_code, station.station_no, after, limit]))
        return [(int(seq), {"update_id": uid, "dossier_id": did, "MaHoSo": code,
                            "TrangThaiHoSo": int(status), "at": at, "by": by, "note": note})
                for seq, uid, did, code, status, at, by, note in rows]

    # ---- the procedure catalogue --------------------------------------------------------------

    def import_procedures(self, procedures: list[dict[str, Any]], *,
                          replace: bool = False) -> tuple[int, int, int]:
        """Add or replace procedures by code; with `replace`, drop those not in the list.

        Returns (added, replaced, removed).
        """
        now = server_time()
        rows = [(p["code"], p["name"], _compact(p), now) for p in procedures]
        codes = [p["code"] for p in procedures]

        def work(conn: Connection) -> tuple[int, int, int]:
            existing = {row[0] for row in conn.all("SELECT code FROM procedures")}
            removed = 0
            if replace:
                gone = sorted(existing - set(codes))
                removed = conn.executemany("DELETE FROM procedures WHERE code = ?",
                                           [(code,) for code in gone])
            conn.executemany(
                "INSERT INTO procedures (code, name, definition, imported_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                "definition = excluded.definition, imported_at = excluded.imported_at", rows)
            replaced = len(set(codes) & existing)
            return len(set(codes)) - replaced, replaced, removed

        return self.db.write(work)

    def procedure_count(self) -> int:
        return self.db.read(lambda conn: conn.count("SELECT count(*) FROM procedures"))


def open_store(database_url: str, *, pool_size: int | None = None) -> Store:
    """Open (and create if needed) the gateway's database at `database_url`."""
    return Store(database_url, pool_size=pool_size)

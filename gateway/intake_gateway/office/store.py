"""The hub's data (docs/office-hub.md §1.3): the gateway's store on SQLite plus the office's
tables: who the office is, paired counters, pairing codes, each event's `office` block, the
office feed and the queue of events to forward to the province.

Every accepted event gets, in the same transaction as its acceptance, its `office` block
(stripped from the stored payload, so the province never receives it), a feed entry and a
`forward` row under the station whose code the dossier carries.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from importlib import resources
from typing import Any

from ..db import Connection
from ..errors import GatewayError
from ..judging import Item, Known, Verdict, judge
from ..store import BatchAnswer, Station, Store
from ..timeutil import server_time
from . import pairing, writers

FEED_KINDS = ("event", "grant", "release_request", "update", "counter", "config")
CONFIG_SECTIONS = ("catalogue", "calendar")
MAX_CONFIG_BYTES = 4 * 1024 * 1024


class StaleConfig(GatewayError):
    status, code = 409, "stale_version"


class PairingRefused(GatewayError):
    status = 403

    def __init__(self, message: str = "the pairing code is wrong, expired or used up",
                 code: str = "pairing_refused"):
        super().__init__(message, code=code)


class PairingConflict(GatewayError):
    status = 409

    def __init__(self, message: str, code: str = "station_taken"):
        super().__init__(message, code=code)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def owner_station(code: str) -> int:
    """The station in a MaHoSo (`…-yyMMdd-Snnn`)."""
    return int(code.rsplit("-", 1)[1][0])


class OfficeStore(Store):
    """The gateway's `Store` in office mode (SQLite only)."""

    def __init__(self, database_url: str, *, pool_size: int | None = None):
        super().__init__(database_url, pool_size=pool_size)
        if self.backend != "sqlite":
            raise ValueError("office mode runs on embedded SQLite only")
        script = resources.files(__package__).joinpath("schema.sql").read_text("utf-8")
        self.db.read(lambda conn: conn.raw.executescript(script))
        # Bumped after every commit that appends to the feed or the forward queue; the feed's
        # long-poll and the forwarder wait on it (this process only: the hub is one process).
        self.changed = threading.Condition()
        self.generation = 0
        self.province_state: Any = None  # the forwarder's view of the province (a callable)
        self.office_key: bytes | None = None  # the office's Ed25519 key (grants), set by the hub

    def _bump(self) -> None:
        with self.changed:
            self.generation += 1
            self.changed.notify_all()

    def wait_change(self, generation: int, timeout: float) -> int:
        """Block until the generation moves past `generation` or `timeout`; the generation."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != generation, timeout)
            return self.generation

    # ---- who the office is ----------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return dict(self.db.read(lambda conn: conn.all("SELECT key, value FROM office_meta")))

    def init_office(self, values: dict[str, str]) -> dict[str, str]:
        """Set the office's identity once (a new office id and epoch); returns it."""
        def work(conn: Connection) -> dict[str, str]:
            if conn.one("SELECT 1 FROM office_meta WHERE key = 'office_id'") is not None:
                raise PairingConflict("this hub is already set up", code="already_set_up")
            rows = {**values, "office_id": str(uuid.uuid4()), "epoch": str(uuid.uuid4()),
                    "created_at": server_time()}
            conn.executemany("INSERT INTO office_meta (key, value) VALUES (?, ?)",
                             sorted(rows.items()))
            return rows

        return self.db.write(work)

    # ---- pairing (§3.3) -------------------------------------------------------------------

    def make_pairing_code(self, station_no: int, *, replace: bool = False,
                          now: float | None = None) -> str:
        """A new code for counter `station_no` (replacing a live one); shown once."""
        if not 1 <= int(station_no) <= 9:
            raise ValueError("the counter number must be 1 to 9")
        code = pairing.new_code()
        key = pairing.code_key(pairing.normalise(code) or "")
        expires = (now or time.time()) + pairing.CODE_LIFETIME_S

        def work(conn: Connection) -> str:
            paired = conn.one("SELECT 1 FROM office_counters WHERE station_no = ? "
                              "AND revoked_at IS NULL", [station_no])
            if paired and not replace:
                raise PairingConflict(f"counter {station_no} is already paired: revoke it or "
                                      "make the code with replace")
            conn.execute("INSERT INTO office_pairing_codes (station_no, code_key, expires_at, "
                         "tries) VALUES (?, ?, ?, 0) ON CONFLICT (station_no) DO UPDATE SET "
                         "code_key = excluded.code_key, expires_at = excluded.expires_at, "
                         "tries = 0", [station_no, key.hex(), expires])
            return code

        return self.db.write(work)

    def pair(self, pin: bytes, nonce: bytes, proof: str, request: dict[str, Any], *,
             now: float | None = None) -> dict[str, Any]:
        """Check a counter's proof against every live code; on success use the code up,
        register the counter, issue its LAN token and return the proven answer."""
        moment = now or time.time()

        def work(conn: Connection) -> dict[str, Any] | None:
            conn.execute("DELETE FROM office_pairing_codes WHERE expires_at < ? OR tries >= ?",
                         [moment, pairing.MAX_TRIES])
            found = None
            for station_no, key_hex in conn.all(
                    "SELECT station_no, code_key FROM office_pairing_codes"):
                key = bytes.fromhex(key_hex)
                if pairing.same(str(proof), pairing.counter_proof(key, pin, nonce)):
                    found = (int(station_no), key)
                    break
            if found is None:
                conn.execute("UPDATE office_pairing_codes SET tries = tries + 1")
                return None
            station_no, key = found
            conn.execute("DELETE FROM office_pairing_codes WHERE station_no = ?", [station_no])
            return {"station_no": station_no, "key": key}

        matched = self.db.write(work)
        if matched is None:
            raise PairingRefused()
        return self._register(matched["station_no"], matched["key"], pin, nonce, request)

    def _register(self, station_no: int, key: bytes, pin: bytes, nonce: bytes,
                  request: dict[str, Any]) -> dict[str, Any]:
        meta = self.meta()
        unit_code = meta["unit_code"]
        theirs = request.get("station_no")
        if request.get("unit_code") not in (None, unit_code):
            raise PairingConflict(f"this counter belongs to unit {request.get('unit_code')}, "
                                  f"the hub to {unit_code}", code="other_unit")
        if request.get("has_dossiers") and theirs != station_no:
            raise PairingConflict(f"the code is for counter {station_no}; this PC already holds "
                                  f"dossiers of counter {theirs}", code="wrong_station")
        token = self.issue_token(unit_code, station_no)
        now = server_time()
        name = str(request.get("machine") or "")[:100]
        version = str(request.get("app_version") or "")[:40]

        def work(conn: Connection) -> int:
            conn.execute(
                "INSERT INTO office_counters (station_no, name, app_version, paired_at, "
                "revoked_at) VALUES (?, ?, ?, ?, NULL) ON CONFLICT (station_no) DO UPDATE SET "
                "name = excluded.name, app_version = excluded.app_version, "
                "paired_at = excluded.paired_at, revoked_at = NULL",
                [station_no, name, version, now])
            conn.execute("INSERT INTO office_feed (kind, ref, at) VALUES ('counter', ?, ?)",
                         [str(station_no), now])
            return self._head(conn)

        head = self.db.write(work)
        self._bump()
        answer = {
            "station_no": station_no, "token": token, "office_id": meta["office_id"],
            "epoch": meta["epoch"], "head": head,
            "office_public_key": meta.get("office_public_key", ""),
            "unit": {name: meta.get(name, "") for name in (
                "unit_code", "unit_name", "province_code", "commune_code", "office_name")},
        }
        return {**answer, "hub_proof": pairing.hub_proof(key, pin, nonce, answer)}

    def counters(self) -> list[dict[str, Any]]:
        rows = self.db.read(lambda conn: conn.all(
            "SELECT station_no, name, app_version, paired_at, revoked_at, last_seen, "
            "last_address, outbox FROM office_counters ORDER BY station_no"))
        return [{"station_no": int(n), "name": name, "app_version": version, "paired_at": p,
                 "revoked_at": r, "last_seen": seen, "last_address": address, "outbox": box}
                for n, name, version, p, r, seen, address, box in rows]

    def touch_counter(self, station_no: int, address: str | None, outbox: str | None) -> None:
        """Remember a counter's last request (who is connected, what it has not sent)."""
        self.db.write(lambda conn: conn.execute(
            "UPDATE office_counters SET last_seen = ?, last_address = ?, "
            "outbox = coalesce(?, outbox) WHERE station_no = ?",
            [server_time(), address, (outbox or "")[:200] or None, station_no]))

    # ---- accepting events (§2.2, §4) --------------------------------------------------------

    def _write(self, conn: Connection, station: Station, batch_id: str, verdict: Verdict,
               known: Known, now: str) -> None:
        blocks = {event["event_id"]: event.pop("office", None) for event in verdict.accepted}
        # Rejected or duplicate events keep their block in the request only: nothing stored.
        super()._write(conn, station, batch_id, verdict, known, now)
        for event in sorted(verdict.accepted, key=lambda e: e["event_id"]):
            event_id = event["event_id"]
            block = blocks.get(event_id)
            conn.execute("INSERT INTO office_event_blocks (event_id, station_no, block) "
                         "VALUES (?, ?, ?)", [event_id, station.station_no,
                                              _compact(block) if block is not None else None])
            conn.execute("INSERT INTO office_forward (event_id, owner_station, state, "
                         "updated_at) VALUES (?, ?, 'pending', ?)",
                         [event_id, owner_station(event["dossier"]["MaHoSo"]), now])
        # The feed in the order the counter sent them (its outbox order).
        conn.executemany("INSERT INTO office_feed (kind, ref, at) VALUES ('event', ?, ?)",
                         [(event["event_id"], now) for event in verdict.accepted])

    def process_batch(self, station: Station, batch_id: str, items: list[Item], *,
                      via: str = "http", audit_head: Any = None) -> BatchAnswer:
        """The gateway's batch, judged with the office rule (§7.3) in place of the contract's
        ownership rule: `not_writer` for an event its counter may not write now; every
        `not_writer` and `version_conflict` kept in `office_conflicts`."""
        event_ids = [item.event_id for item in items]

        def work(conn: Connection) -> BatchAnswer:
            now = server_time()
            inserted = conn.execute(
                "INSERT INTO batches (batch_id, unit_code, station_no, event_ids, results, "
                "received_at, via) VALUES (?, ?, ?, ?, '[]', ?, ?) ON CONFLICT DO NOTHING",
                [batch_id, station.unit_code, station.station_no, _compact(event_ids), now, via],
            ).rowcount
            if audit_head is not None:
                self._audit_head(conn, station, batch_id, audit_head, now)
            if inserted != 1:
                return self._replay(conn, station, batch_id, event_ids)
            known = self._known(conn, items)
            for state in known.dossiers.values():  # who writes is judged by the office rule
                state.unit_code, state.station_no = station.unit_code, station.station_no
            judged = writers.judge_writers(conn, station.station_no, items, known)
            verdict = judge(judged, station.unit_code, station.station_no, known)
            self._write(conn, station, batch_id, verdict, known, now)
            writers.keep_conflicts(conn, station.station_no, judged, verdict.results, now)
            conn.execute("UPDATE batches SET results = ? WHERE batch_id = ?",
                         [_compact(verdict.results), batch_id])
            return BatchAnswer(verdict.results, replayed=False)

        answer = self.db.write(work)
        if not answer.replayed:
            self._bump()
        return answer

    # ---- one writer per dossier (§7) --------------------------------------------------------

    def _key(self) -> tuple[bytes, str]:
        if self.office_key is None:
            raise GatewayError("the hub has no signing key", code="no_signing_key")
        return self.office_key, self.meta()["office_id"]

    def claim(self, claimant: int, dossier_id: str, clerk: str) -> dict[str, Any]:
        answer = self.db.write(lambda conn: writers.claim(conn, claimant, dossier_id, clerk))
        self._bump()
        return answer

    def claim_state(self, claim_id: str) -> dict[str, Any]:
        return self.db.write(lambda conn: writers.claim_state(conn, claim_id))

    def release(self, writer: int, claim_id: str, dossier_id: str,
                version: int) -> dict[str, Any]:
        key, office_id = self._key()
        answer = self.db.write(lambda conn: writers.release(
            conn, key, office_id, writer, claim_id, dossier_id, version))
        self._bump()
        return answer

    def take_over(self, station_no: int, dossier_id: str, expected_writer: int,
                  expected_version: int, reason: str, actor: str) -> dict[str, Any]:
        key, office_id = self._key()
        answer = self.db.write(lambda conn: writers.take_over(
            conn, key, office_id, station_no, dossier_id, expected_writer, expected_version,
            reason, actor))
        self._bump()
        return answer

    def resolve_conflict(self, event_id: str, resolution: str, reason: str, actor: str,
                         station_no: int) -> dict[str, Any]:
        return self.db.write(lambda conn: writers.resolve_conflict(
            conn, event_id, resolution, reason, actor, station_no))

    def conflicts(self, open_only: bool = True) -> list[dict[str, Any]]:
        rows = self.db.read(lambda conn: conn.all(
            "SELECT event_id, dossier_id, version, station_no, code, message, payload, at, "
            "resolved_at, resolution FROM office_conflicts"
            + (" WHERE resolved_at IS NULL" if open_only else "") + " ORDER BY at, event_id"))
        return [{"event_id": e, "dossier_id": d, "version": int(v), "station_no": int(n),
                 "code": c, "message": m, "event": json.loads(p), "at": at,
                 "resolved_at": r, "resolution": json.loads(res) if res else None}
                for e, d, v, n, c, m, p, at, r, res in rows]

    # ---- the province's updates, relayed (§2.1, §6.3) -------------------------------------

    def province_cursor(self, station_no: int) -> str | None:
        return self.meta().get(f"province_cursor.{station_no}") or None

    def add_province_updates(self, station_no: int, updates: list[dict[str, Any]],
                             next_cursor: str | None) -> int:
        """Keep a page of the province's updates (once each) with the station's cursor."""
        now = server_time()

        def work(conn: Connection) -> int:
            added = 0
            for update in updates:
                added += conn.execute(
                    "INSERT INTO office_updates (update_id, station_no, body, received_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [str(update.get("update_id")), station_no, _compact(update), now]).rowcount
            if next_cursor:
                conn.execute("INSERT INTO office_meta (key, value) VALUES (?, ?) ON CONFLICT "
                             "(key) DO UPDATE SET value = excluded.value",
                             [f"province_cursor.{station_no}", next_cursor])
            return added

        added = self.db.write(work)
        if added:
            self._bump()
        return added

    def office_updates_after(self, after: int, limit: int) -> list[tuple[int, dict[str, Any]]]:
        """Every counter gets every update of the office, in the order the hub received them."""
        rows = self.db.read(lambda conn: conn.all(
            "SELECT seq, body FROM office_updates WHERE seq > ? ORDER BY seq LIMIT ?",
            [after, limit]))
        return [(int(seq), json.loads(body)) for seq, body in rows]

    # ---- the office's shared data (§5) ------------------------------------------------------

    def config(self, section: str) -> dict[str, Any]:
        """`{section, version, content}`; version 0 and no content before the first edit."""
        if section not in CONFIG_SECTIONS:
            raise GatewayError(f"no section {section}", code="unknown_section")
        row = self.db.read(lambda conn: conn.one(
            "SELECT version, content, changed_by, changed_at FROM office_config "
            "WHERE section = ?", [section]))
        if row is None:
            return {"section": section, "version": 0, "content": None}
        return {"section": section, "version": int(row[0]), "content": json.loads(row[1]),
                "changed_by": row[2], "changed_at": row[3]}

    def put_config(self, section: str, base_version: int, content: Any, actor: str,
                   station_no: int) -> dict[str, Any]:
        """The next version of a whole section, only if `base_version` is still current."""
        if section not in CONFIG_SECTIONS:
            raise GatewayError(f"no section {section}", code="unknown_section")
        text = _compact(content)
        if len(text.encode("utf-8")) > MAX_CONFIG_BYTES:
            raise GatewayError("the section is too large", code="too_large")

        def work(conn: Connection) -> int:
            row = conn.one("SELECT version FROM office_config WHERE section = ?", [section])
            current = int(row[0]) if row else 0
            if current != base_version:
                raise StaleConfig(f"section {section} is at version {current}, not "
                                  f"{base_version}: fetch it and edit again")
            version = current + 1
            conn.execute(
                "INSERT INTO office_config (section, version, content, changed_by, "
                "changed_by_station, changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
                "(section) DO UPDATE SET version = excluded.version, content = "
                "excluded.content, changed_by = excluded.changed_by, changed_by_station = "
                "excluded.changed_by_station, changed_at = excluded.changed_at",
                [section, version, text, actor[:200], station_no, server_time()])
            conn.execute("INSERT INTO office_feed (kind, ref, at) VALUES ('config', ?, ?)",
                         [section, server_time()])
            return version

        version = self.db.write(work)
        self._bump()
        return {"section": section, "version": version}

    # ---- the office feed (§2.3) -------------------------------------------------------------

    @staticmethod
    def _head(conn: Connection) -> int:
        row = conn.one("SELECT max(seq) FROM office_feed")
        return int(row[0]) if row and row[0] is not None else 0

    def head(self) -> int:
        return self.db.read(self._head)

    def feed_after(self, after: int, limit: int) -> list[dict[str, Any]]:
        """The feed's entries after `after`, oldest first, with their content."""
        def work(conn: Connection) -> list[dict[str, Any]]:
            entries = []
            for seq, kind, ref, at in conn.all(
                    "SELECT seq, kind, ref, at FROM office_feed WHERE seq > ? ORDER BY seq "
                    "LIMIT ?", [after, limit]):
                entry: dict[str, Any] = {"seq": int(seq), "kind": kind, "at": at}
                if kind == "event":
                    row = conn.one(
                        "SELECT e.payload, b.block, b.station_no FROM events e "
                        "JOIN office_event_blocks b ON b.event_id = e.event_id "
                        "WHERE e.event_id = ?", [ref])
                    if row is None:
                        continue
                    entry["event"] = json.loads(row[0])
                    entry["office"] = json.loads(row[1]) if row[1] else None
                    entry["station_no"] = int(row[2])
                elif kind == "counter":
                    entry["station_no"] = int(ref)
                elif kind == "config":
                    version = conn.one("SELECT version FROM office_config WHERE section = ?",
                                       [ref])
                    entry["section"] = ref
                    entry["version"] = int(version[0]) if version else 0
                elif kind == "grant":
                    grant = conn.one("SELECT body FROM office_grants WHERE grant_id = ?", [ref])
                    if grant is None:
                        continue
                    entry["grant"] = json.loads(grant[0])
                elif kind == "release_request":
                    request = writers.release_request(conn, ref)
                    if request is None:
                        continue
                    entry["request"] = request
                else:
                    entry["ref"] = ref
                entries.append(entry)
            return entries

        return self.db.read(work)

    # ---- the forward queue (§4): what the forwarder's Sender works on ----------------------

    def forward_stations(self) -> list[int]:
        """Owner stations with events pending to forward."""
        return [int(r[0]) for r in self.db.read(lambda conn: conn.all(
            "SELECT DISTINCT owner_station FROM office_forward WHERE state = 'pending'"))]

    def forward_counts(self) -> dict[int, dict[str, int]]:
        counts: dict[int, dict[str, int]] = {}
        for station, state, n in self.db.read(lambda conn: conn.all(
                "SELECT owner_station, state, count(*) FROM office_forward GROUP BY 1, 2")):
            counts.setdefault(int(station), {})[state] = int(n)
        return counts

    def forward_pending(self, station_no: int, limit: int) -> list[tuple[int, str, str]]:
        return [(int(i), e, p) for i, e, p in self.db.read(lambda conn: conn.all(
            "SELECT f.id, f.event_id, e.payload FROM office_forward f JOIN events e "
            "ON e.event_id = f.event_id WHERE f.owner_station = ? AND f.state = 'pending' "
            "ORDER BY f.id LIMIT ?", [station_no, limit]))]

    def forward_claim(self, ids: list[int], batch_id: str) -> int:
        def work(conn: Connection) -> int:
            return int(conn.execute(
                f"UPDATE office_forward SET state = 'sending', batch_id = ?, updated_at = ? "
                f"WHERE state = 'pending' AND {conn.in_list('id')}",
                [batch_id, server_time(), conn.list_param(ids)]).rowcount)

        return self.db.write(work)

    def forward_release(self, batch_id: str) -> int:
        return int(self.db.write(lambda conn: conn.execute(
            "UPDATE office_forward SET state = 'pending', batch_id = NULL, updated_at = ? "
            "WHERE state = 'sending' AND batch_id = ?", [server_time(), batch_id]).rowcount))

    def forward_reset_sending(self) -> int:
        """At start: what was in flight when the hub stopped goes back to pending."""
        return int(self.db.write(lambda conn: conn.execute(
            "UPDATE office_forward SET state = 'pending', batch_id = NULL, updated_at = ? "
            "WHERE state = 'sending'", [server_time()]).rowcount))

    def forward_results(self, batch_id: str, results: list[tuple[str, str, str | None,
                                                                 str | None]]) -> int:
        """(event_id, state, code, message) of a 200 answer, in one transaction."""
        now = server_time()

        def work(conn: Connection) -> int:
            return conn.executemany(
                "UPDATE office_forward SET state = ?, reject_code = ?, reject_message = ?, "
                "updated_at = ? WHERE event_id = ? AND batch_id = ? AND state = 'sending'",
                [(state, code, message, now, event_id, batch_id)
                 for event_id, state, code, message in results])

        return self.db.write(work)

    def forward_park(self, event_id: str, code: str, message: str) -> None:
        self.db.write(lambda conn: conn.execute(
            "UPDATE office_forward SET state = 'rejected', reject_code = ?, reject_message = ?, "
            "updated_at = ? WHERE event_id = ?", [code, message, server_time(), event_id]))

    def forward_log(self, station_no: int | None, level: str, kind: str, message: str,
                    detail: Any = None) -> None:
        self.db.write(lambda conn: conn.execute(
            "INSERT INTO office_forward_log (at, station_no, level, kind, message, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)", [server_time(), station_no, level, kind, message,
                                          _compact(detail) if detail is not None else None]))

"""One writer per dossier at the hub (docs/office-hub.md §7): the office judging rule, claims,
releases, take-overs and signed grants. Functions of a connection inside the store's
transactions; pure where they can be."""

from __future__ import annotations

import base64
import json
import time
import uuid
from datetime import datetime
from typing import Any

from ..contract import Problem
from ..db import Connection
from ..errors import GatewayError, NotFound
from ..judging import Item, Known
from ..timeutil import server_time
from .ingest import code_station
from .pairing import canonical

CLAIM_DEADLINE_S = 10.0
CONNECTED_S = 40.0  # a counter long-polls at least every 25 s: silent longer, it is off
MIN_REASON = 10


class Refused(GatewayError):
    status = 409

    def __init__(self, message: str, code: str, **detail: Any):
        super().__init__(message, code=code)
        self.detail = detail


class Gone(GatewayError):
    status, code = 410, "claim_expired"


def writer_at(ranges: list[tuple[int, int]], owner: int, version: int) -> int:
    """The counter that may write `version`: the last grant at or below it, else the owner.

    >>> writer_at([(4, 2), (7, 1)], 1, 5), writer_at([(4, 2)], 1, 3), writer_at([], 3, 9)
    (2, 1, 3)
    """
    writer = owner
    for start, station in sorted(ranges):
        if start <= version:
            writer = station
    return writer


def _ranges(conn: Connection, dossier_ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {}
    if dossier_ids:
        for did, start, station in conn.all(
                "SELECT dossier_id, from_version, station_no FROM office_writers WHERE "
                f"{conn.in_list('dossier_id')}", [conn.list_param(dossier_ids)]):
            found.setdefault(did, []).append((int(start), int(station)))
    return found


def _owners(conn: Connection, dossier_ids: list[str]) -> dict[str, int]:
    if not dossier_ids:
        return {}
    return {did: int(no) for did, no in conn.all(
        f"SELECT dossier_id, station_no FROM dossiers WHERE {conn.in_list('dossier_id')}",
        [conn.list_param(dossier_ids)])}


def judge_writers(conn: Connection, station_no: int, items: list[Item],
                  known: Known) -> list[Item]:
    """The items with `not_writer` set on every event its counter may not write (§7.3)."""
    candidates = [i for i in items if i.problem is None and i.event_id not in known.accepted_ids]
    ids = list({i.event["dossier_id"] for i in candidates})
    ranges, owners = _ranges(conn, ids), _owners(conn, ids)
    grant_ids = [i.event["handover"].get("grant_id") for i in candidates
                 if isinstance(i.event.get("handover"), dict)]
    grants = {row[0]: row for row in conn.all(
        "SELECT grant_id, dossier_id, version, to_station, superseded_by FROM office_grants "
        f"WHERE {conn.in_list('grant_id')}", [conn.list_param(grant_ids)])} if grant_ids else {}
    judged: list[Item] = []
    to_judge = {id(item) for item in candidates}
    for item in items:
        if id(item) not in to_judge:
            judged.append(item)
            continue
        event = item.event
        did, version = event["dossier_id"], event["version"]
        problem = None
        handover = event.get("handover")
        if isinstance(handover, dict):
            grant = grants.get(handover.get("grant_id"))
            if grant is None or grant[1] != did or int(grant[2]) != version or \
                    int(grant[3]) != station_no or grant[4] is not None:
                problem = "its hand-over grant is unknown, superseded or for another counter"
        else:
            if did not in owners:
                owners[did] = code_station(event, station_no)  # a new dossier: its code's
            writer = writer_at(ranges.get(did, []), owners[did], version)
            if writer != station_no:
                problem = f"counter {writer} writes version {version} of dossier {did}"
        judged.append(item if problem is None else Item(
            event, item.event_id, Problem("not_writer", problem)))
    return judged


def keep_conflicts(conn: Connection, station_no: int, items: list[Item],
                   results: list[dict[str, Any]], now: str) -> None:
    """Every `not_writer` or `version_conflict`, kept whole with its office block (§7.5)."""
    for item, result in zip(items, results, strict=True):
        if result.get("code") not in ("not_writer", "version_conflict"):
            continue
        event = item.event
        conn.execute(
            "INSERT INTO office_conflicts (event_id, dossier_id, version, station_no, code, "
            "message, payload, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [event["event_id"], event["dossier_id"], event["version"], station_no,
             result["code"], result.get("message") or "",
             json.dumps(event, ensure_ascii=False), now])


# ---- who writes now ----------------------------------------------------------------------------

def current(conn: Connection, dossier_id: str) -> tuple[int, int] | None:
    """(writer, last accepted version) of a dossier the hub holds, else None."""
    row = conn.one("SELECT station_no, version FROM dossiers WHERE dossier_id = ?",
                   [dossier_id])
    if row is None:
        return None
    last = conn.one("SELECT max(version) FROM events WHERE dossier_id = ?", [dossier_id])
    version = int(last[0]) if last and last[0] is not None else int(row[1])
    ranges = _ranges(conn, [dossier_id]).get(dossier_id, [])
    return writer_at(ranges, int(row[0]), version + 1), version


def connected(conn: Connection, station_no: int, now: float | None = None) -> tuple[bool, str]:
    row = conn.one("SELECT last_seen FROM office_counters WHERE station_no = ?", [station_no])
    seen = row[0] if row else None
    if not seen:
        return False, ""
    age = (now or time.time()) - datetime.fromisoformat(seen).timestamp()
    return age <= CONNECTED_S, seen


def _expire(conn: Connection, now: float) -> None:
    conn.execute("UPDATE office_claims SET state = 'expired' WHERE state = 'waiting' "
                 "AND deadline < ?", [now])


def _feed(conn: Connection, kind: str, ref: str) -> None:
    conn.execute("INSERT INTO office_feed (kind, ref, at) VALUES (?, ?, ?)",
                 [kind, ref, server_time()])


def claim(conn: Connection, claimant: int, dossier_id: str, clerk: str) -> dict[str, Any]:
    """A counter asks for the right to write a dossier (§7.2)."""
    now = time.time()
    _expire(conn, now)
    state = current(conn, dossier_id)
    if state is None:
        raise NotFound(f"the hub holds no dossier {dossier_id}", code="unknown_dossier")
    writer, _ = state
    if writer == claimant:
        raise Refused("this counter already writes the dossier", "already_writer")
    live = conn.one("SELECT claimant, clerk, made_at FROM office_claims WHERE dossier_id = ? "
                    "AND state = 'waiting'", [dossier_id])
    if live is not None:
        raise Refused(f"counter {live[0]} is claiming this dossier", "claim_in_progress",
                      claimant=int(live[0]), clerk=live[1], at=live[2])
    ok, seen = connected(conn, writer, now)
    if not ok:
        raise Refused(f"counter {writer} is not connected", "writer_offline", writer=writer,
                      last_seen=seen)
    claim_id = str(uuid.uuid4())
    conn.execute("INSERT INTO office_claims (claim_id, dossier_id, claimant, clerk, writer, "
                 "state, deadline, made_at) VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)",
                 [claim_id, dossier_id, claimant, clerk[:200], writer,
                  now + CLAIM_DEADLINE_S, server_time()])
    _feed(conn, "release_request", claim_id)
    return {"claim_id": claim_id, "state": "waiting", "writer": writer}


def claim_state(conn: Connection, claim_id: str) -> dict[str, Any]:
    _expire(conn, time.time())
    row = conn.one("SELECT c.state, c.writer, g.body FROM office_claims c LEFT JOIN "
                   "office_grants g ON g.grant_id = c.grant_id WHERE c.claim_id = ?", [claim_id])
    if row is None:
        raise NotFound(f"no claim {claim_id}", code="unknown_claim")
    answer: dict[str, Any] = {"claim_id": claim_id, "state": row[0], "writer": int(row[1])}
    if row[2]:
        answer["grant"] = json.loads(row[2])
    return answer


def release_request(conn: Connection, claim_id: str) -> dict[str, Any] | None:
    row = conn.one("SELECT dossier_id, writer, claimant, clerk, deadline, state FROM "
                   "office_claims WHERE claim_id = ?", [claim_id])
    if row is None:
        return None
    return {"claim_id": claim_id, "dossier_id": row[0], "writer": int(row[1]),
            "claimant": int(row[2]), "clerk": row[3], "deadline": row[4], "state": row[5]}


def sign(body: dict[str, Any], key: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return base64.b64encode(Ed25519PrivateKey.from_private_bytes(key).sign(
        canonical(body))).decode("ascii")


def _grant(conn: Connection, key: bytes, office_id: str, *, dossier_id: str, version: int,
           from_station: int, to_station: int, mode: str, actor: str, reason: str | None,
           claim_id: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"grant_id": str(uuid.uuid4()), "claim_id": claim_id,
            "office_id": office_id,
            "dossier_id": dossier_id, "version": version, "from_station": from_station,
            "to_station": to_station, "mode": mode, "reason": reason, "actor": actor,
            "granted_at": server_time()}
    body["signature"] = sign(body, key)
    earlier = conn.one("SELECT grant_id FROM office_writers WHERE dossier_id = ? AND "
                       "from_version = ?", [dossier_id, version])
    if earlier is not None:  # a grant whose hand-over event never came (§7.4)
        conn.execute("UPDATE office_grants SET superseded_by = ? WHERE grant_id = ?",
                     [body["grant_id"], earlier[0]])
    conn.execute("INSERT INTO office_grants (grant_id, dossier_id, version, from_station, "
                 "to_station, mode, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 [body["grant_id"], dossier_id, version, from_station, to_station, mode,
                  json.dumps(body, ensure_ascii=False)])
    conn.execute("INSERT INTO office_writers (dossier_id, from_version, station_no, grant_id) "
                 "VALUES (?, ?, ?, ?) ON CONFLICT (dossier_id, from_version) DO UPDATE SET "
                 "station_no = excluded.station_no, grant_id = excluded.grant_id",
                 [dossier_id, version, to_station, body["grant_id"]])
    _feed(conn, "grant", body["grant_id"])
    return body


def release(conn: Connection, key: bytes, office_id: str, writer: int, claim_id: str,
            dossier_id: str, version: int) -> dict[str, Any]:
    """The writer hands the dossier over: the hub checks and signs the grant (idempotent)."""
    now = time.time()
    row = conn.one("SELECT dossier_id, writer, claimant, clerk, deadline, state, grant_id "
                   "FROM office_claims WHERE claim_id = ?", [claim_id])
    if row is None or row[0] != dossier_id:
        raise NotFound(f"no claim {claim_id} for dossier {dossier_id}", code="unknown_claim")
    if int(row[1]) != writer:
        raise Refused("only the writer releases", "not_writer")
    if row[5] == "granted":
        grant = conn.one("SELECT body FROM office_grants WHERE grant_id = ?", [row[6]])
        return json.loads(grant[0]) if grant else {}
    if row[5] == "expired" or now > float(row[4]):
        conn.execute("UPDATE office_claims SET state = 'expired' WHERE claim_id = ?",
                     [claim_id])
        raise Gone("the claim expired: the counter stays the writer")
    state = current(conn, dossier_id)
    if state is None or state[1] != version:
        raise Refused(f"the hub holds version {state[1] if state else None}, not {version}: "
                      "send the dossier's events first", "unsent")
    body = _grant(conn, key, office_id, dossier_id=dossier_id, version=version + 1,
                  from_station=writer, to_station=int(row[2]), mode="handover", actor=row[3],
                  reason=None, claim_id=claim_id)
    conn.execute("UPDATE office_claims SET state = 'granted', grant_id = ? WHERE claim_id = ?",
                 [body["grant_id"], claim_id])
    return body


def take_over(conn: Connection, key: bytes, office_id: str, station_no: int, dossier_id: str,
              expected_writer: int, expected_version: int, reason: str,
              actor: str) -> dict[str, Any]:
    """A supervisor takes a dossier whose writer is off (§7.4)."""
    now = time.time()
    _expire(conn, now)
    if len(reason.strip()) < MIN_REASON:
        raise Refused(f"a take-over needs a reason of at least {MIN_REASON} characters",
                      "reason_too_short")
    state = current(conn, dossier_id)
    if state is None:
        raise NotFound(f"the hub holds no dossier {dossier_id}", code="unknown_dossier")
    writer, version = state
    if writer == station_no:
        raise Refused("this counter already writes the dossier", "already_writer")
    if writer != expected_writer or version != expected_version:
        raise Refused(f"the dossier moved meanwhile (writer {writer}, version {version})",
                      "moved", writer=writer, version=version)
    ok, seen = connected(conn, writer, now)
    if ok:
        raise Refused(f"counter {writer} is connected: ask it to hand the dossier over",
                      "writer_connected", writer=writer, last_seen=seen)
    conn.execute("UPDATE office_claims SET state = 'expired' WHERE dossier_id = ? AND "
                 "state = 'waiting'", [dossier_id])
    return _grant(conn, key, office_id, dossier_id=dossier_id, version=version + 1,
                  from_station=writer, to_station=station_no, mode="takeover", actor=actor,
                  reason=reason.strip(), claim_id=None)


def resolve_conflict(conn: Connection, event_id: str, resolution: str, reason: str,
                     actor: str, station_no: int) -> dict[str, Any]:
    """A supervisor closes a conflict (§7.5): `redone` (the step was recorded again as a new
    version by the current writer) or `dropped` (with a reason). Nothing is merged by itself."""
    if resolution not in ("redone", "dropped"):
        raise Refused("resolution must be redone or dropped", "bad_resolution")
    if resolution == "dropped" and len(reason.strip()) < MIN_REASON:
        raise Refused(f"dropping a step needs a reason of at least {MIN_REASON} characters",
                      "reason_too_short")
    row = conn.one("SELECT resolved_at FROM office_conflicts WHERE event_id = ?", [event_id])
    if row is None:
        raise NotFound(f"no conflict {event_id}", code="unknown_conflict")
    if row[0] is not None:
        raise Refused("this conflict was resolved already", "already_resolved")
    detail = {"resolution": resolution, "reason": reason.strip(), "actor": actor,
              "at_counter": station_no}
    at = server_time()
    conn.execute("UPDATE office_conflicts SET resolved_at = ?, resolution = ? WHERE "
                 "event_id = ?", [at, json.dumps(detail, ensure_ascii=False), event_id])
    return {"event_id": event_id, "resolved_at": at, **detail}

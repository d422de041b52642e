"""A counter in an office (docs/office-hub.md): joining the hub, and where it stands.

Joining (§3.3): the hub's certificate is read over TLS not yet verified, then the code's proof
is sent over a connection pinned to that certificate; the hub's answer is kept only if its own
proof (made with the same code over the same certificate) holds, so a rogue device on the LAN
gets no token and can hand out none. The LAN token goes where a standalone station keeps its
province token; the certificate and the hub's address go into the settings.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import socket
import ssl
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..domain.clock import iso
from ..domain.errors import DeskError, Failed, InvalidInput, NotAllowed
from ..domain.office import (
    FEED_CURSOR,
    FEED_STATE,
    HUB_URL_KEY,
    OFFICE_KEY,
    PIN_PEM_KEY,
    code_key,
    counter_proof,
    grant_signature_ok,
    hub_proof_ok,
    hub_url,
    normalise_code,
)
from ..store import dossiers, settings, sync_state
from ..store import office as office_store
from ..store.db import write_transaction
from ..sync import credentials

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

WRONG_CODE = ("Mã ghép nối không đúng, đã hết hạn, hoặc máy vừa trả lời không phải máy chủ văn "
              "phòng của đơn vị.")


class JoinRefused(InvalidInput):
    def __init__(self, message: str, detail: str):
        super().__init__(message, detail, problems={"code": message})


class Office:
    """`desk.office`: this counter's office, if it joined one."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.db = desk.db

    @property
    def handover(self) -> HandOver:
        return HandOver(self)

    @property
    def shared(self) -> SharedData:
        return SharedData(self)

    @property
    def joined(self) -> bool:
        return bool(self.desk.setting(HUB_URL_KEY))

    def info(self) -> dict[str, Any] | None:
        if not self.joined:
            return None
        office = self.desk.setting(OFFICE_KEY) or {}
        pem = self.desk.setting(PIN_PEM_KEY) or ""
        return {"hub_url": self.desk.setting(HUB_URL_KEY), **office,
                "fingerprint": _fingerprint(pem) if pem else None,
                "feed_cursor": sync_state.get(self.db, FEED_CURSOR) or 0,
                "feed": sync_state.get(self.db, FEED_STATE)}

    def join(self, address: str, code: str, *, actor: str = "") -> dict[str, Any]:
        """Pair with the hub at `address` using the code it showed; set this counter up as its
        counter (a new counter takes the number the code is for). Returns what was stored."""
        normalised = normalise_code(code)
        if normalised is None:
            raise JoinRefused("Mã ghép nối gồm 10 ký tự, ví dụ K7QM-2XHD-9F.",
                              "the pairing code is not 10 Crockford base32 symbols")
        if self.joined:
            raise NotAllowed("Máy này đã tham gia một văn phòng.", "already joined an office")
        url = hub_url(address)
        pem = _hello(url)
        pin = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).digest()
        nonce = secrets.token_bytes(16)
        key = code_key(normalised)
        station = self.desk.station if self.desk.is_set_up() else None
        has_dossiers = dossiers.count_dossiers(self.db) > 0
        body = {"nonce": nonce.hex(), "counter_proof": counter_proof(key, pin, nonce),
                "machine": socket.gethostname()[:100], "app_version": __version__,
                "has_dossiers": has_dossiers,
                "station_no": station.station_no if station else None,
                "unit_code": station.unit_code if station else None}
        answer = _post_pinned(url, pem, "/office/v1/pair", body)
        if not hub_proof_ok(key, pin, nonce, answer):
            raise JoinRefused(WRONG_CODE, "the hub's proof does not hold: not our hub")
        unit = answer["unit"]
        station_no = int(answer["station_no"])
        if station is None or station.station_no != station_no:
            self.desk.init_station(
                unit_code=unit["unit_code"], unit_name=unit["unit_name"],
                province_code=unit["province_code"], commune_code=unit["commune_code"],
                station_no=station_no, office_name=unit.get("office_name") or "Bộ phận Một cửa")
        credentials.store_token(self.desk.keys.store, unit["unit_code"], station_no,
                                str(answer["token"]))
        office = {"office_id": answer["office_id"], "epoch": answer["epoch"],
                  "unit_name": unit["unit_name"], "station_no": station_no,
                  "office_public_key": answer.get("office_public_key") or "",
                  "joined_at": iso(self.desk.clock())}
        with write_transaction(self.db):
            settings.set_value(self.db, HUB_URL_KEY, url)
            settings.set_value(self.db, PIN_PEM_KEY, pem)
            settings.set_value(self.db, OFFICE_KEY, office)
            sync_state.put(self.db, FEED_CURSOR, 0)
            sync_state.delete(self.db, sync_state.AUTH_ERROR)
            sync_state.log(self.db, iso(self.desk.clock()), "info", "office",
                           f"joined the office hub {url} as counter {station_no}")
            self.desk.audit.record("office.joined", url, {**office, "hub_url": url},
                                   actor=actor)
        return {**office, "hub_url": url, "fingerprint": _fingerprint(pem)}


def _fingerprint(pem: str) -> str:
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest().upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def _unreachable(url: str, exc: Exception) -> Failed:
    return Failed(f"Không kết nối được {url} (kiểm tra mạng, tường lửa, và máy chủ văn phòng có "
                  "đang bật).", f"{type(exc).__name__}: {exc}")


def _hello(url: str) -> str:
    """The certificate the hub presents and names: read over TLS not verified yet (the
    pairing proofs are what authenticate it)."""
    import httpx

    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with httpx.Client(verify=context, timeout=10.0, trust_env=False) as client:
            answer = client.get(url + "/office/v1/pair/hello")
    except (httpx.TransportError, ssl.SSLError, OSError) as exc:
        raise _unreachable(url, exc) from exc
    data = answer.json() if answer.status_code == 200 else None
    pem = data.get("certificate") if isinstance(data, dict) else None
    if not isinstance(pem, str) or "BEGIN CERTIFICATE" not in pem:
        raise JoinRefused(WRONG_CODE, f"no certificate in the hello answer ({answer.status_code})")
    return pem


def _post_pinned(url: str, pem: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    import json

    from ..sync.client import GatewayClient, NoAnswer

    try:
        with GatewayClient(url, None, pinned_pem=pem, read_timeout=30.0) as client:
            answer = client._send("POST", path, content=json.dumps(body).encode("utf-8"),
                                  headers={"Content-Type": "application/json"})
    except NoAnswer as exc:
        raise _unreachable(url, exc) from exc
    data = answer.json()
    if answer.status == 200 and isinstance(data, dict):
        return data
    error = data.get("error") if isinstance(data, dict) else None
    if error == "other_unit":
        raise JoinRefused("Máy này thuộc đơn vị khác với máy chủ văn phòng.", str(data))
    if error == "wrong_station":
        raise JoinRefused("Mã này dành cho quầy khác; máy này đã có hồ sơ của quầy mình. Nhờ "
                          "quản trị tạo mã cho đúng số quầy.", str(data))
    raise JoinRefused(WRONG_CODE, f"pairing answered {answer.status}: {answer.text(200)}")


# ---- one writer per dossier (docs/office-hub.md §7) ---------------------------------------------

class WriterOff(NotAllowed):
    """The dossier's writer is not connected to the hub (its PC is off): only a supervisor's
    take-over moves the dossier now."""

    def __init__(self, message: str, detail: str, writer: int | None):
        super().__init__(message, detail)
        self.writer = writer


class WriterSilent(Failed):
    """The writer was asked and did not hand the dossier over before the claim's deadline."""

    def __init__(self, message: str, detail: str, writer: int | None):
        super().__init__(message, detail)
        self.writer = writer


RELEASES_KEY = "office.releases"  # {dossier_id: claim_id} while this counter is releasing
CLAIM_WAIT_S = 12.0


class HandOver:
    """Claims, releases and take-overs of one counter (`desk.office.handover`)."""

    def __init__(self, office: Office):
        self.office = office
        self.desk = office.desk
        self.db = office.db

    # ---- talking to the hub -------------------------------------------------------------

    def _client(self, read_timeout: float = 30.0) -> Any:
        from ..sync.client import GatewayClient

        if not self.office.joined:
            raise NotAllowed("Máy này chưa tham gia văn phòng nào.", "not in an office")
        return GatewayClient(self.desk.setting(HUB_URL_KEY), self.desk.sync.token(),
                             pinned_pem=self.desk.setting(PIN_PEM_KEY),
                             read_timeout=read_timeout)

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None,
              params: dict[str, Any] | None = None, timeout: float = 30.0) -> tuple[int, Any]:
        import json

        from ..sync.client import NoAnswer

        try:
            with self._client(timeout) as client:
                answer = client._send(
                    method, path, params=params,
                    content=json.dumps(body).encode("utf-8") if body is not None else None,
                    headers={"Content-Type": "application/json", **client._auth()})
        except NoAnswer as exc:
            raise Failed("Chưa kết nối được máy chủ văn phòng nên chưa chuyển được hồ sơ sang "
                         "quầy này.", str(exc)) from exc
        return answer.status, answer.json()

    def catch_up(self, limit_pages: int = 200) -> int:
        """Read the feed until this copy is at the hub's head (no waiting); pages read."""
        from ..sync.office_feed import OfficeFeed

        feed = OfficeFeed(self.desk.data_dir)
        with self._client() as client:
            for pages in range(limit_pages):
                if feed.read_page(self.desk, client, 0) == 0:
                    return pages
        return limit_pages

    # ---- the counter that acts ----------------------------------------------------------

    def claim(self, code: str, *, clerk: str) -> dict[str, Any]:
        """Ask the hub for the right to write another counter's dossier; on a grant, write
        the hand-over event (the next version) here. Returns the grant."""
        dossier = self.desk.dossier(code)
        own = self.desk.station.station_no
        writer = office_store.writer_of(self.db, code)
        if writer is not None and writer[0] == own and writer[1] is None:
            return {"already_writer": True}
        status, data = self._call("POST", "/office/v1/claims",
                                  {"dossier_id": dossier.dossier_id, "clerk": clerk})
        if isinstance(data, dict) and writer is not None:
            data.setdefault("writer", writer[0])  # the hub names the writer only at times
        if status != 202:
            raise _claim_refused(status, data, code)
        claim_id = data["claim_id"]
        deadline = _monotonic() + CLAIM_WAIT_S + 5
        while True:
            status, state = self._call("GET", f"/office/v1/claims/{claim_id}",
                                       params={"wait": 10}, timeout=25.0)
            if status != 200:
                raise Failed("Máy chủ văn phòng không trả lời yêu cầu chuyển hồ sơ.",
                             f"claim state answered {status}: {state}")
            if state["state"] != "waiting" or _monotonic() > deadline:
                break
        if state["state"] != "granted":
            raise WriterSilent(f"Quầy {data.get('writer')} không trả lời. Thử lại, hoặc đề nghị "
                               "cán bộ giám sát tiếp quản.",
                               f"claim {claim_id} {state['state']}", _writer(data))
        grant = state["grant"]
        self.catch_up()
        self.write_handover(grant, clerk=clerk)
        return grant

    def take_over(self, code: str, *, reason: str, actor: str) -> dict[str, Any]:
        """A supervisor takes over a dossier whose writer is not connected (§7.4)."""
        self.catch_up()
        dossier = self.desk.dossier(code)
        writer = office_store.writer_of(self.db, code)
        status, data = self._call("POST", "/office/v1/takeovers", {
            "dossier_id": dossier.dossier_id,
            "expected_writer": writer[0] if writer else dossier.station_no,
            "expected_version": dossier.version, "reason": reason, "actor": actor})
        if status != 200:
            raise _claim_refused(status, data, code)
        grant = data["grant"]
        self.catch_up()
        self.write_handover(grant, clerk=actor)
        return grant

    def write_handover(self, grant: dict[str, Any], *, clerk: str) -> bool:
        """The grantee's hand-over event (§7.6): the next version, snapshot unchanged, with a
        progress line and the signed grant; False when it was written already."""
        from dataclasses import replace

        from ..domain.events import EventKind, make_event, progress_entry
        from ..store import outbox

        own = self.desk.station.station_no
        if int(grant["to_station"]) != own:
            return False
        key = (self.desk.setting(OFFICE_KEY) or {}).get("office_public_key")
        if key and not grant_signature_ok(grant, key):
            raise Failed("Giấy chuyển quyền hồ sơ không có chữ ký đúng của máy chủ văn phòng.",
                         f"grant {grant.get('grant_id')}: the office's signature fails")
        with write_transaction(self.db):
            row = self.db.execute("SELECT code FROM dossiers WHERE dossier_id = ?",
                                  [grant["dossier_id"]]).fetchone()
            if row is None:
                raise Failed("Chưa có hồ sơ này trong bản sao của quầy.", "dossier unknown")
            if self.db.execute("SELECT 1 FROM outbox WHERE dossier_id = ? AND version = ?",
                               [grant["dossier_id"], grant["version"]]).fetchone():
                return False
            dossier = self.desk.dossier(row[0])
            if dossier.version != int(grant["version"]) - 1:
                raise Failed("Bản sao hồ sơ của quầy chưa cập nhật xong; thử lại sau giây lát.",
                             f"copy at version {dossier.version}, grant {grant['version']}")
            now = self.desk.station_clock.take_instant().at
            moved = replace(dossier, version=int(grant["version"]))
            if grant["mode"] == "takeover":
                note = f"Tiếp quản hồ sơ từ Quầy {grant['from_station']}: {grant['reason']}"
            else:
                note = (f"Chuyển quyền cập nhật hồ sơ từ Quầy {grant['from_station']} sang "
                        f"Quầy {own}")
            self.db.execute("UPDATE dossiers SET version = ?, writer_station = ?, "
                            "handover_to = NULL WHERE dossier_id = ?",
                            [moved.version, own, moved.dossier_id])
            dossier_row = self.desk._row(moved.code)
            at = iso(now)
            dossiers.add_history(self.db, dossier_row, at=at, actor=clerk,
                                 action=str(grant["mode"]), status=int(moved.status), note=note,
                                 detail={"grant_id": grant["grant_id"]})
            event = make_event(moved, EventKind.UPDATED, occurred_at=now, actor=clerk,
                               progress=progress_entry(clerk, now, note, int(moved.status)))
            event["handover"] = {k: grant.get(k) for k in (
                "grant_id", "from_station", "to_station", "mode", "reason", "actor",
                "granted_at", "signature")}
            outbox.add_event(self.db, dossier_row, event, at)
            self.desk.audit.record(f"office.{grant['mode']}", moved.code, {
                "grant_id": grant["grant_id"], "from": grant["from_station"], "to": own,
                "event_id": event["event_id"]}, actor=clerk)
        return True

    # ---- the writer ---------------------------------------------------------------------

    def release(self, request: dict[str, Any],
                push: Any = None) -> str:
        """Hand a dossier over on the hub's request (§7.2): mark it, send its events, release.
        Returns what happened: granted, expired, not_writer, unsent."""
        own = self.desk.station.station_no
        if int(request.get("writer") or 0) != own or request.get("state") != "waiting":
            return "not_asked"
        dossier_id = str(request["dossier_id"])
        with write_transaction(self.db):
            marked = self.db.execute(
                "UPDATE dossiers SET handover_to = ? WHERE dossier_id = ? AND "
                "coalesce(writer_station, station_no) = ? AND (handover_to IS NULL OR "
                "handover_to = ?)", [int(request["claimant"]), dossier_id, own,
                                     int(request["claimant"])]).rowcount
            if marked:
                releases = dict(sync_state.get(self.db, RELEASES_KEY) or {})
                releases[dossier_id] = request["claim_id"]
                sync_state.put(self.db, RELEASES_KEY, releases)
        if not marked:
            return "not_writer"
        return self._finish_release(dossier_id, str(request["claim_id"]), push)

    def resume_releases(self, push: Any = None) -> dict[str, str]:
        """At start: releases a killed process left half done are finished (or undone)."""
        releases = dict(sync_state.get(self.db, RELEASES_KEY) or {})
        return {did: self._finish_release(did, claim, push) for did, claim in releases.items()}

    def _finish_release(self, dossier_id: str, claim_id: str, push: Any) -> str:
        from ..sync.engine import Syncer

        for _ in range(20):  # the runner may hold the lease for a moment
            result = (push or Syncer(self.desk).run)()
            if result.ok or result.stopped not in ("busy",):
                break
            _sleep(0.1)
        row = self.db.execute("SELECT version FROM dossiers WHERE dossier_id = ?",
                              [dossier_id]).fetchone()
        status, data = self._call("POST", "/office/v1/releases", {
            "claim_id": claim_id, "dossier_id": dossier_id, "version": int(row[0])})
        outcome = {200: "granted", 410: "expired"}.get(status, "unsent")
        with write_transaction(self.db):
            if status == 200:
                office_store.apply_grant(self.db, data["grant"])
            else:
                self.db.execute("UPDATE dossiers SET handover_to = NULL WHERE dossier_id = ?",
                                [dossier_id])
            releases = dict(sync_state.get(self.db, RELEASES_KEY) or {})
            releases.pop(dossier_id, None)
            sync_state.put(self.db, RELEASES_KEY, releases)
        if status not in (200, 410):
            log.warning("release of %s answered %s: %s", dossier_id, status, data)
        return outcome

    def resolve(self, event_id: str, *, redone: bool, reason: str, actor: str
                ) -> dict[str, Any]:
        """Close a conflict: "Ghi lại bước này" (the step was saved again as a new version,
        `redone`) or "Không ghi lại" (dropped, with a reason of 10+ characters)."""
        status, data = self._call("POST", f"/office/v1/conflicts/{event_id}/resolve", {
            "resolution": "redone" if redone else "dropped", "reason": reason,
            "actor": actor})
        if status != 200:
            raise _claim_refused(status, data, event_id)
        with write_transaction(self.db):
            self.desk.audit.record("office.conflict_resolved", event_id, data, actor=actor)
        return dict(data)

    def conflicts(self, *, resolved_too: bool = False) -> list[dict[str, Any]]:
        status, data = self._call("GET", "/office/v1/conflicts",
                                  params={"all": "true"} if resolved_too else None)
        if status != 200:
            raise Failed("Máy chủ văn phòng không trả lời.", f"conflicts answered {status}")
        return list(data.get("conflicts") or [])


def _monotonic() -> float:
    import time

    return time.monotonic()


def _sleep(seconds: float) -> None:
    import time

    time.sleep(seconds)


def _writer(data: Any) -> int | None:
    value = data.get("writer") if isinstance(data, dict) else None
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _claim_refused(status: int, data: Any, code: str) -> DeskError:
    error = data.get("error") if isinstance(data, dict) else None
    if error == "writer_offline":
        who = data.get("writer", "?")
        return WriterOff(f"Hồ sơ {code} do Quầy {who} đang cập nhật. Quầy {who} không kết nối "
                         "(máy có thể đang tắt) nên chưa chuyển được hồ sơ sang quầy này. Cán "
                         "bộ giám sát có thể tiếp quản hồ sơ.", str(data), _writer(data))
    if error == "claim_in_progress":
        return NotAllowed("Một quầy khác đang nhận chuyển hồ sơ này. Vui lòng thử lại sau ít "
                          "giây.", str(data))
    if error == "writer_connected":
        return NotAllowed("Quầy đang giữ hồ sơ vẫn kết nối: hãy xin chuyển hồ sơ thay vì tiếp "
                          "quản.", str(data))
    if error == "reason_too_short":
        return InvalidInput("Lý do tiếp quản cần ít nhất 10 ký tự.", str(data),
                            problems={"reason": "ít nhất 10 ký tự"})
    if error == "moved":
        return Failed("Hồ sơ vừa thay đổi ở máy chủ văn phòng; thử lại.", str(data))
    if status == 404:
        return Failed("Máy chủ văn phòng chưa có hồ sơ này (quầy giữ hồ sơ chưa gửi lên).",
                      str(data))
    return Failed("Máy chủ văn phòng từ chối chuyển hồ sơ.", f"{status}: {data}")


# ---- the office's shared data (docs/office-hub.md §5) -----------------------------------------

class SharedData:
    """The catalogue and the calendar overrides are the office's: edited through the hub (one
    linear version per section), copied to every counter."""

    def __init__(self, office: Office):
        self.office = office
        self.desk = office.desk
        self.db = office.db

    def publish(self, section: str, *, actor: str) -> int:
        """Inside the caller's write transaction, after its local edit: send the whole section
        to the hub as the next version. A refusal raises, so the local edit is rolled back."""
        content = office_store.config_content(self.db, section)
        base = office_store.config_version(self.db, section)
        try:
            status, data = self.office.handover._call(
                "PUT", f"/office/v1/config/{section}",
                {"base_version": base, "content": content, "actor": actor})
        except Failed as exc:
            raise NotAllowed("Danh mục dùng chung của văn phòng chỉ sửa được khi máy kết nối "
                             "máy chủ văn phòng.", exc.detail) from exc
        if status == 409:
            raise Failed("Vừa có người khác sửa danh mục này; bản mới đang được tải về, vui "
                         "lòng làm lại.", f"{section}: stale base version {base}: {data}")
        if status != 200:
            raise Failed("Máy chủ văn phòng không nhận thay đổi này.", f"{status}: {data}")
        version = int(data["version"])
        settings.set_value(self.db, office_store.config_key(section), version)
        return version

    def refresh(self, section: str, version: int | None = None) -> bool:
        """Take the office's section if it is newer than this copy's; True when replaced."""
        if version is not None and version <= office_store.config_version(self.db, section):
            return False
        status, data = self.office.handover._call("GET", f"/office/v1/config/{section}")
        if status != 200 or not isinstance(data, dict) or not data.get("version"):
            return False
        with write_transaction(self.db):
            if int(data["version"]) <= office_store.config_version(self.db, section):
                return False
            office_store.apply_config(self.db, section, int(data["version"]),
                                      list(data.get("content") or []))
            self.desk.audit.record(f"office.{section}_copied", str(data["version"]), {
                "changed_by": data.get("changed_by"), "at": data.get("changed_at")}, actor="")
        return True

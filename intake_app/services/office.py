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
from ..domain.errors import Failed, InvalidInput, NotAllowed
from ..domain.office import (
    HUB_URL_KEY,
    OFFICE_KEY,
    PIN_PEM_KEY,
    code_key,
    counter_proof,
    hub_proof_ok,
    hub_url,
    normalise_code,
)
from ..store import dossiers, settings, sync_state
from ..store.db import write_transaction
from ..sync import credentials

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

FEED_CURSOR = "office.feed_cursor"

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
    def joined(self) -> bool:
        return bool(self.desk.setting(HUB_URL_KEY))

    def info(self) -> dict[str, Any] | None:
        if not self.joined:
            return None
        office = self.desk.setting(OFFICE_KEY) or {}
        pem = self.desk.setting(PIN_PEM_KEY) or ""
        return {"hub_url": self.desk.setting(HUB_URL_KEY), **office,
                "fingerprint": _fingerprint(pem) if pem else None,
                "feed_cursor": sync_state.get(self.db, FEED_CURSOR) or 0}

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
                station_no=station_no, office_name=unit.get("office_name") or "Bộ phận Một cửa",
                actor=actor)
        credentials.store_token(self.desk.keys.store, unit["unit_code"], station_no,
                                str(answer["token"]))
        office = {"office_id": answer["office_id"], "epoch": answer["epoch"],
                  "unit_name": unit["unit_name"], "station_no": station_no,
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

"""The hub's folder and its process: `hub init`, `hub pair-code`, `hub province`, `hub serve`.

The folder holds `hub.sqlite3` (the gateway's tables in office mode), the certificate and its
key (`hub-cert.pem`, `hub-key.pem`, readable by this account only). The province tokens of the
counter stations are kept in this account's OS credential store (`hub/<office id>/<k>`): on
Windows the service's own store (docs/office-hub.md §1.2).
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.clock import iso, now_vn
from ..domain.errors import Failed, InvalidInput, NotFound
from ..domain.sync_config import check_gateway_url
from ..domain.sync_rules import BACKOFF_BASE_S, BACKOFF_CAP_S, MAX_BATCH_EVENTS
from . import ensure_gateway_importable
from .certificate import fingerprint_groups, make_certificate, pin_of, write_private

log = logging.getLogger(__name__)

DATABASE = "hub.sqlite3"
CERTIFICATE = "hub-cert.pem"
PRIVATE_KEY = "hub-key.pem"
OFFICE_KEY = "hub-office.key"  # the office's Ed25519 key: signs grants (hex, this account only)
DEFAULT_PORT = 47470


class HubNotSetUp(NotFound):
    def __init__(self, folder: Path):
        super().__init__(f"Thư mục {folder} chưa phải máy chủ văn phòng (chạy `intake-app hub "
                         "init` trước).", f"{folder} is not a hub folder: run `hub init`")


@dataclass(frozen=True)
class HubFolder:
    folder: Path

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.folder.resolve() / DATABASE}"

    @property
    def certificate_pem(self) -> str:
        return (self.folder / CERTIFICATE).read_text("ascii")

    def is_set_up(self) -> bool:
        return (self.folder / CERTIFICATE).is_file() and (self.folder / DATABASE).is_file()

    def open_store(self) -> Any:
        if not self.is_set_up():
            raise HubNotSetUp(self.folder)
        return self._store()

    def _store(self) -> Any:
        ensure_gateway_importable()
        from intake_gateway.office.store import OfficeStore

        return OfficeStore(self.database_url)


def init_hub(folder: Path, *, unit_code: str, unit_name: str, province_code: str,
             commune_code: str, office_name: str = "Bộ phận Một cửa") -> dict[str, Any]:
    """Make the office: its id, the certificate, the database. Refused on a set-up folder."""
    hub = HubFolder(Path(folder))
    if hub.is_set_up():
        raise InvalidInput("Thư mục này đã là máy chủ văn phòng.", "the hub is already set up")
    for name, value in (("unit_code", unit_code), ("unit_name", unit_name),
                        ("province_code", province_code), ("commune_code", commune_code)):
        if not value or not value.strip():
            raise InvalidInput(f"Thiếu {name}.", f"{name} is empty", problems={name: "empty"})
    hub.folder.mkdir(parents=True, exist_ok=True)
    pem, key_pem = make_certificate(f"intake office hub {unit_code}")
    write_private(hub.folder / PRIVATE_KEY, key_pem)
    public = _office_key(hub.folder)[1]
    store = hub._store()
    try:
        meta = store.init_office({"unit_code": unit_code.strip(), "unit_name": unit_name.strip(),
                                  "province_code": province_code.strip(),
                                  "commune_code": commune_code.strip(),
                                  "office_name": office_name.strip(), "pin": pin_of(pem),
                                  "office_public_key": public})
    finally:
        store.close()
    # The certificate last: its presence says the hub is set up.
    write_private(hub.folder / CERTIFICATE, pem.encode("ascii"))
    return {**meta, "fingerprint": fingerprint_groups(pin_of(pem))}


def _office_key(folder: Path) -> tuple[bytes, str]:
    """(private key, public key in base64) of the office's Ed25519 key, made once."""
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    path = folder / OFFICE_KEY
    if not path.exists():
        write_private(path, Ed25519PrivateKey.generate().private_bytes_raw().hex().encode())
    raw = bytes.fromhex(path.read_text("ascii").strip())
    public = Ed25519PrivateKey.from_private_bytes(raw).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)
    return raw, base64.b64encode(public).decode("ascii")


def make_pairing_code(folder: Path, station_no: int, *, replace: bool = False) -> dict[str, Any]:
    """A pairing code for counter `station_no`, live 10 minutes (written straight into the hub's
    database: the administrator on the hub PC, as the service's account)."""
    if not 1 <= station_no <= 9:
        raise InvalidInput("Số quầy phải từ 1 đến 9.", "station must be 1-9",
                           problems={"station": "1-9"})
    store = HubFolder(Path(folder)).open_store()
    try:
        from intake_gateway.office.store import PairingConflict

        try:
            code = store.make_pairing_code(station_no, replace=replace)
        except PairingConflict as exc:
            raise InvalidInput(f"Quầy {station_no} đã ghép nối; thu hồi trước hoặc dùng "
                               "--replace.", exc.message) from exc
        return {"code": code, "station_no": station_no, "expires_in_s": 600}
    finally:
        store.close()


def revoke_counter(folder: Path, station_no: int) -> dict[str, Any]:
    """Revoke a counter's LAN token ("Thu hồi quầy"): 401 from then on; pair the PC again with
    a new code (`pair-code --replace`)."""
    store = HubFolder(Path(folder)).open_store()
    try:
        unit = store.meta()["unit_code"]
        revoked = store.revoke_token(unit, station_no)
        store.db.write(lambda conn: conn.execute(
            "UPDATE office_counters SET revoked_at = ? WHERE station_no = ? AND revoked_at IS "
            "NULL", [iso(now_vn()), station_no]))
    finally:
        store.close()
    if not revoked:
        raise NotFound(f"Quầy {station_no} chưa ghép nối hoặc đã bị thu hồi.",
                       f"counter {station_no} has no live token")
    return {"station_no": station_no, "revoked": True}


# ---- the province ------------------------------------------------------------------------------

def set_province(folder: Path, gateway_url: str, ca_file: str | None) -> dict[str, Any]:
    url = check_gateway_url(gateway_url)
    store = HubFolder(Path(folder)).open_store()
    try:
        store.db.write(lambda conn: conn.executemany(
            "INSERT INTO office_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
            "SET value = excluded.value", [("province_url", url), ("province_ca_file",
                                                                   ca_file or "")]))
    finally:
        store.close()
    return {"province_url": url, "ca_file": ca_file}


def token_name(office_id: str, station_no: int) -> str:
    return f"hub/{office_id}/{station_no}"


def set_province_token(folder: Path, station_no: int, token: str) -> None:
    from ..station_keys import CredentialStore

    token = token.strip()
    if not token:
        raise InvalidInput("Khóa đồng bộ trống.", "empty token", problems={"token": "empty"})
    store = HubFolder(Path(folder)).open_store()
    try:
        office_id = store.meta()["office_id"]
    finally:
        store.close()
    CredentialStore().set(token_name(office_id, station_no), token)


def load_province_token(office_id: str, station_no: int) -> str | None:
    from ..station_keys import CredentialStore, NoCredentialStore

    try:
        return CredentialStore().get(token_name(office_id, station_no))
    except NoCredentialStore:
        return None


# ---- serving -----------------------------------------------------------------------------------

def serve(folder: Path, *, host: str = "0.0.0.0", port: int = DEFAULT_PORT,
          backoff_base: float | None = None, backoff_cap: float | None = None,
          batch_events: int | None = None, connected_s: float | None = None,
          updates_every: float | None = None, log_level: str = "warning") -> int:
    """Run the hub in the foreground until interrupted: HTTPS with the hub's certificate and
    the forwarder to the province."""
    try:
        import uvicorn
    except ImportError as exc:
        raise Failed("Máy này chưa cài phần máy chủ văn phòng (gói fastapi và uvicorn).",
                     f"pip install 'intake-app[hub]': {exc}") from exc

    hub = HubFolder(Path(folder))
    store = hub.open_store()
    from intake_gateway.office import writers
    from intake_gateway.office.app import create_office_app

    from .forwarder import Forwarder, Province

    if connected_s is not None:
        writers.CONNECTED_S = connected_s
    meta = store.meta()
    store.office_key = _office_key(hub.folder)[0]

    def province() -> Province | None:
        values = store.meta()
        url = values.get("province_url")
        return Province(url, values.get("province_ca_file") or None) if url else None

    forwarder = Forwarder(store, meta["unit_code"], province=province,
                          token_for=lambda k: load_province_token(meta["office_id"], k),
                          backoff_base=backoff_base or BACKOFF_BASE_S,
                          backoff_cap=backoff_cap or BACKOFF_CAP_S,
                          max_events=batch_events or MAX_BATCH_EVENTS,
                          updates_every=updates_every or 30.0)
    store.province_state = forwarder.province_state
    app = create_office_app(store, hub.certificate_pem)
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level,
                            ssl_certfile=str(hub.folder / CERTIFICATE),
                            ssl_keyfile=str(hub.folder / PRIVATE_KEY),
                            timeout_graceful_shutdown=2, access_log=False)
    server = uvicorn.Server(config)
    forwarder.start()
    try:
        server.run()
    except OSError as exc:
        raise Failed(f"Không mở được cổng {port} ({exc}).", str(exc)) from exc
    finally:
        forwarder.stop()
        store.close()
    return 0


def lan_address() -> str:
    """This PC's address on the office network, for the set-up sheet (best effort)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"

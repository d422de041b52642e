"""Test doubles of the station's sync tests: a small gateway that speaks the sync contract on
loopback with scripted faults, an in-memory credential store, and a backlog maker.

A real HTTP peer (the standard library's threaded server), not a mock: the station's real
client talks to it over a real socket. It keeps what it accepted in memory, answers repeats as
`duplicate`, replays a known batch, checks the token, the station, the size and the envelope
in the contract's order, and can be told to answer the next requests with a status, drop the
connection before or after committing, or answer late. For tests and demonstrations only:
the project's real gateway is `gateway/intake_gateway`.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

MAX_BODY = 5 * 1024 * 1024


@dataclass
class Fault:
    """How to answer one request instead of the normal answer.

    `status`: answer this status with `body` (JSON) and `headers`;
    `drop="before"`: close the connection without reading it further or answering;
    `drop="after"`: handle it normally (commit), then close without answering;
    `delay`: seconds to wait before answering (normally, or with `status`);
    `hold`: once the request is read, set `arrived` and wait until `hold` is set (at most two
    minutes) before going on: a request kept in flight for as long as the test needs.
    """

    status: int | None = None
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: str | None = None
    delay: float = 0.0
    hold: threading.Event | None = None
    arrived: threading.Event = field(default_factory=threading.Event)


def _now_iso(offset: timedelta) -> str:
    return (datetime.now(UTC) + offset).isoformat()


def _has_non_nfc(value: Any) -> bool:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value) != value
    if isinstance(value, dict):
        return any(_has_non_nfc(k) or _has_non_nfc(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_non_nfc(v) for v in value)
    return False


class ContractPeer:
    """The gateway side of the contract, in memory, on 127.0.0.1."""

    def __init__(self, *, token: str = "station-token", unit_code: str = "000.00.12.H56",
                 station_no: int = 2, clock_offset: timedelta = timedelta(0),
                 reject: Callable[[dict[str, Any]], tuple[str, str] | None] | None = None):
        self.token = token
        self.unit_code = unit_code
        self.station_no = station_no
        self.clock_offset = clock_offset
        self.reject = reject
        self.lock = threading.Lock()
        self.accepted: dict[str, dict[str, Any]] = {}  # event_id → event
        self.by_version: dict[tuple[str, int], str] = {}
        self.snapshots: dict[str, tuple[int, dict[str, Any]]] = {}
        self.batches: dict[str, tuple[list[str], list[dict[str, Any]]]] = {}
        self.updates: list[dict[str, Any]] = []
        self.faults: dict[str, deque[Fault]] = {}
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status answered)
        self.batch_sizes: list[int] = []
        self.received: list[str] = []  # event_ids of every batch body, in arrival order
        self.server: ThreadingHTTPServer | None = None

    # ---- script ------------------------------------------------------------------------------

    def script(self, route: str, *faults: Fault) -> None:
        """Answer the next requests of `route` ("POST /v1/batches", "GET /v1/health",
        "GET /v1/updates", "GET /v1/stations") with these faults, in order."""
        with self.lock:
            self.faults.setdefault(route, deque()).extend(faults)

    def _next_fault(self, route: str) -> Fault | None:
        with self.lock:
            queue = self.faults.get(route)
            return queue.popleft() if queue else None

    def add_update(self, dossier_id: str, code: str, status: int | None, note: str = "",
                   by: str = "Phòng Tư pháp") -> str:
        update_id = f"u-{len(self.updates) + 1:06d}"
        self.updates.append({"update_id": update_id, "dossier_id": dossier_id, "MaHoSo": code,
                             "TrangThaiHoSo": status, "at": _now_iso(timedelta(0)), "by": by,
                             "note": note})
        return update_id

    # ---- serving -----------------------------------------------------------------------------

    @contextmanager
    def serve(self, *, certfile: str | None = None,
              keyfile: str | None = None) -> Iterator[str]:
        """Serve on a free loopback port; HTTPS with this certificate when given."""
        peer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                peer._handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                peer._handle(self, "POST")

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        scheme = "http"
        if certfile:
            import ssl

            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certfile, keyfile)
            server.socket = context.wrap_socket(server.socket, server_side=True)
            scheme = "https"
        self.server = server
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(5)

    def _route(self, method: str, path: str) -> str:
        if path.startswith("/v1/stations/"):
            return f"{method} /v1/stations"
        return f"{method} {path}"

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(handler.path)
        route = self._route(method, parts.path)
        length = int(handler.headers.get("Content-Length") or 0)
        fault = self._next_fault(route)
        if fault and fault.drop == "before":
            self._drop(handler)
            return
        raw = handler.rfile.read(length) if length else b""
        if fault and fault.hold is not None:
            fault.arrived.set()
            fault.hold.wait(120)
        if fault and fault.delay:
            time.sleep(fault.delay)
        if fault and fault.status is not None:
            self._answer(handler, route, fault.status, fault.body or {"error": "scripted"},
                         fault.headers)
            return
        status, body, headers = self._normal(handler, method, parts, raw)
        if fault and fault.drop == "after":
            with self.lock:
                self.requests.append((method, parts.path, -status))
            self._drop(handler)
            return
        self._answer(handler, route, status, body, headers)

    def _drop(self, handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True
        with suppress(OSError):
            handler.connection.shutdown(socket.SHUT_RDWR)

    def _answer(self, handler: BaseHTTPRequestHandler, route: str, status: int, body: Any,
                headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        with self.lock:
            self.requests.append((handler.command, urlsplit(handler.path).path, status))
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json; charset=utf-8")
            handler.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:
            pass

    def _authorised(self, handler: BaseHTTPRequestHandler) -> bool:
        return handler.headers.get("Authorization") == f"Bearer {self.token}"

    def _normal(self, handler: BaseHTTPRequestHandler, method: str, parts: Any,
                raw: bytes) -> tuple[int, Any, dict[str, str]]:
        path = parts.path
        if method == "GET" and path == "/v1/health":
            return 200, {"status": "ok", "server_time": _now_iso(self.clock_offset)}, {}
        if not self._authorised(handler):
            return 401, {"error": "unauthorized", "message": "bad or revoked token"}, {}
        if method == "POST" and path == "/v1/batches":
            return self._batch(handler, raw)
        if method == "GET" and path == "/v1/updates":
            query = parse_qs(parts.query)
            after = query.get("after", [None])[0]
            limit = min(1000, int(query.get("limit", ["100"])[0]))
            start = int(after) if after else 0
            page = self.updates[start:start + limit]
            cursor = str(start + len(page)) if page else after
            return 200, {"updates": page, "next_cursor": cursor}, {}
        if method == "GET" and path.startswith("/v1/stations/"):
            _, _, _, unit, station, _ = (unquote(p) for p in path.split("/"))
            if (unit, int(station)) != (self.unit_code, self.station_no):
                return 403, {"error": "forbidden", "message": "another station"}, {}
            with self.lock:
                events = len(self.accepted)
                dossiers = len({e["dossier_id"] for e in self.accepted.values()})
            return 200, {"events": events, "dossiers": dossiers}, {}
        return 404, {"error": "not_found", "message": path}, {}

    def _batch(self, handler: BaseHTTPRequestHandler, raw: bytes) -> tuple[int, Any, dict]:
        if handler.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        if len(raw) > MAX_BODY:
            return 413, {"error": "too_large", "message": "body over 5 MiB"}, {}
        try:
            body = json.loads(raw.decode("utf-8"))
        except ValueError:
            return 422, {"error": "not_json", "message": "the body is not JSON"}, {}
        if not isinstance(body, dict) or "batch_id" not in body or not isinstance(
                body.get("events"), list):
            return 422, {"error": "envelope", "message": "batch_id or events missing"}, {}
        if (body.get("unit_code"), body.get("station_no")) != (self.unit_code, self.station_no):
            return 403, {"error": "forbidden", "message": "another station's batch"}, {}
        if len(body["events"]) > 500:
            return 422, {"error": "too_many_events", "message": "more than 500 events"}, {}
        events = body["events"]
        ids = [e.get("event_id") for e in events]
        with self.lock:
            self.batch_sizes.append(len(events))
            self.received.extend(ids)
            known = self.batches.get(body["batch_id"])
            if known is not None:
                if known[0] != ids:
                    return 409, {"error": "batch_replay", "message": "other events"}, {}
                return 200, {"batch_id": body["batch_id"], "server_time":
                             _now_iso(self.clock_offset), "results": known[1]}, {}
            results = [self._judge(event) for event in events]
            self.batches[body["batch_id"]] = (ids, results)
        return 200, {"batch_id": body["batch_id"], "server_time": _now_iso(self.clock_offset),
                     "results": results}, {}

    def _judge(self, event: dict[str, Any]) -> dict[str, Any]:
        event_id = event.get("event_id")
        if event_id in self.accepted:
            return {"event_id": event_id, "status": "duplicate"}
        if _has_non_nfc(event):
            return {"event_id": event_id, "status": "rejected", "code": "not_nfc",
                    "message": "text not in NFC"}
        if self.reject is not None and (why := self.reject(event)) is not None:
            return {"event_id": event_id, "status": "rejected", "code": why[0],
                    "message": why[1]}
        key = (event["dossier_id"], event["version"])
        if key in self.by_version:
            return {"event_id": event_id, "status": "rejected", "code": "version_conflict",
                    "message": f"version {event['version']} already accepted"}
        self.accepted[event_id] = event
        self.by_version[key] = event_id
        best = self.snapshots.get(event["dossier_id"])
        if best is None or best[0] < event["version"]:
            self.snapshots[event["dossier_id"]] = (event["version"], event["dossier"])
        return {"event_id": event_id, "status": "accepted"}


# ---- helpers for tests and benchmarks --------------------------------------------------------

def make_backlog(desk: Any, dossiers: int, steps: int = 2, *, per_day: int = 900,
                 request: dict[str, Any] | None = None) -> list[str]:
    """Receive `dossiers` dossiers through the desk, each followed by `steps` status steps
    (handed over, then back and forth between units), so the outbox holds
    dossiers × (1 + steps) events made by the app's own code. Receipt PDFs are skipped and
    the connection does not fsync (speed); the desk's clock runs from 2 March 2026 and moves a
    day every `per_day` dossiers (a station numbers at most 999 a day), and is given back
    afterwards. Returns the dossier codes."""
    from intake_app.domain.clock import VN_TZ
    from intake_app.domain.lifecycle import StepRequest
    from intake_app.domain.status import DossierStatus

    request = request or {
        "procedure": "2.000815",
        "applicant": {"name": "Nguyễn Văn Đức", "id_number": "046095001234",
                      "birth_date": "1995-03-02", "gender": "nam", "phone": "0912345678",
                      "email": None, "address": "Thôn Phước Yên", "province_code": "46",
                      "commune_code": "19873"},
        "owner": None,
        "documents": [{"name": "Giấy khai sinh", "form": "ban_sao", "copies": 2}],
        "pages": 3, "channel": 1, "delivery": "counter", "note": "",
    }
    start = datetime(2026, 3, 2, 8, 0, tzinfo=VN_TZ)
    moment = [start]
    clock, write_receipt = desk.clock, desk.write_receipt
    desk.clock = lambda: moment[0]
    desk.write_receipt = lambda receipt: None
    desk.db.execute("PRAGMA synchronous=OFF")
    units = ("Phòng Tư pháp", "Phòng Kinh tế")
    codes = []
    for n in range(dossiers):
        moment[0] = start + timedelta(days=n // per_day, seconds=n % per_day * 20)
        code = desk.receive(request).dossier.code
        for s in range(steps):
            desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa",
                                        to_unit=units[s % 2]))
        codes.append(code)
    desk.db.execute("PRAGMA synchronous=FULL")
    desk.clock, desk.write_receipt = clock, write_receipt
    return codes

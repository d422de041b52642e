"""The real station sender against the project's real gateway (`gateway/intake_gateway`,
SQLite in a temporary folder) on loopback: exactly once under faults (a fault proxy between
them drops requests, drops answers after the gateway committed, delays, answers 503 with
Retry-After, and the gateway process is killed and restarted mid-batch), poison events,
versions out of order, a reused batch_id, a revoked token, USB files, and the updates feed.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ADMIN, SUPERVISOR, UNIT, acting, intake_request

ROOT = Path(__file__).resolve().parent.parent
GATEWAY_DIR = ROOT / "gateway"
if GATEWAY_DIR.is_dir() and str(GATEWAY_DIR) not in sys.path:
    sys.path.insert(0, str(GATEWAY_DIR))
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
gateway_app = pytest.importorskip("intake_gateway.app")

from intake_gateway.batchfile import write_json_gz  # noqa: E402
from intake_gateway.ingest import import_batch_file  # noqa: E402
from intake_gateway.store import open_store  # noqa: E402
from sync_peer import make_backlog  # noqa: E402
from tests.gateway_testing import serve_in_thread  # noqa: E402

from intake_app.domain.lifecycle import StepRequest  # noqa: E402
from intake_app.domain.status import DossierStatus  # noqa: E402
from intake_app.store import outbox  # noqa: E402
from intake_app.store.db import write_transaction  # noqa: E402
from intake_app.sync import sender as sender_module  # noqa: E402
from intake_app.sync.batch_files import BatchFileError  # noqa: E402
from intake_app.sync.engine import Syncer  # noqa: E402
from intake_app.sync.runner import SyncRunner  # noqa: E402

UNIT_CODE, STATION_NO = UNIT["unit_code"], UNIT["station_no"]


@pytest.fixture
def gateway_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path}/gateway.sqlite3"


@pytest.fixture
def store(gateway_url):
    store = open_store(gateway_url)
    yield store
    store.close()


@pytest.fixture
def token(store) -> str:
    return store.issue_token(UNIT_CODE, STATION_NO)


@pytest.fixture
def gateway(gateway_url, token):
    with serve_in_thread(gateway_app.create_app(gateway_url)) as base_url:
        yield base_url


@pytest.fixture
def desk(make_desk, gateway):
    desk = make_desk()
    with acting(desk, ADMIN):
        desk.sync.configure(gateway)
    return desk


def sync(desk, token, **options):
    return Syncer(desk, token_provider=lambda: token, **options).run(forced=True)


def gateway_rows(gateway_url: str, sql: str) -> list[tuple]:
    path = gateway_url[len("sqlite:///"):]
    with sqlite3.connect(path) as conn:  # the gateway's own database (not encrypted here)
        return conn.execute(sql).fetchall()


def station_states(desk) -> dict[str, int]:
    return {k: v for k, v in desk.outbox_counts().items() if v}


# ---- a gateway process that can be killed mid-batch ------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class GatewayProcess:
    """`python -m intake_gateway serve` on a fixed loopback port, killed with SIGKILL."""

    def __init__(self, database_url: str):
        self.database_url = database_url
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.restarts = 0

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(GATEWAY_DIR)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "intake_gateway", "--database", self.database_url, "serve",
             "--port", str(self.port), "--log-level", "warning"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with suppress(OSError):
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                conn.request("GET", "/v1/health")
                if conn.getresponse().status == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("the gateway process did not start")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None

    def restart(self) -> None:
        self.kill()
        self.restarts += 1
        self.start()


# ---- a fault proxy between the station and the gateway ---------------------------------------

class FaultProxy:
    """HTTP on loopback, forwarding to the gateway; `policy(method, path)` picks what happens
    to each request: pass, drop_request, drop_answer (after the gateway answered), delay,
    busy (503 + Retry-After, not forwarded), kill (forward, kill the gateway mid-request,
    restart it, no answer)."""

    def __init__(self, gateway: GatewayProcess, policy):
        self.gateway = gateway
        self.policy = policy
        self.actions: Counter[str] = Counter()
        self.lock = threading.Lock()  # one request at a time: a restart is not raced

    @contextmanager
    def serve(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                proxy.handle(self)

            def do_POST(self) -> None:  # noqa: N802
                proxy.handle(self)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else None
        with self.lock:
            action = self.policy(handler.command, handler.path.split("?")[0])
            self.actions[action] += 1
            if action == "drop_request":
                return self.drop(handler)
            if action == "busy":
                return self.answer(handler, 503, b'{"error":"busy","message":"later"}',
                                   {"Retry-After": "1", "Content-Type": "application/json"})
            if action == "delay":
                time.sleep(0.2)
            headers = {k: v for k, v in handler.headers.items()
                       if k.lower() not in ("host", "connection")}
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.gateway.port, timeout=30)
                conn.request(handler.command, handler.path, body=body, headers=headers)
                if action == "kill":
                    time.sleep(random.uniform(0, 0.02))  # somewhere in the batch's work
                    self.gateway.restart()
                    return self.drop(handler)
                response = conn.getresponse()
                data = response.read()
            except OSError:
                return self.drop(handler)
            if action == "drop_answer":
                return self.drop(handler)
            self.answer(handler, response.status, data, {
                k: v for k, v in response.getheaders()
                if k.lower() in ("content-type", "retry-after")})

    @staticmethod
    def drop(handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True
        with suppress(OSError):
            handler.connection.shutdown(socket.SHUT_RDWR)

    @staticmethod
    def answer(handler: BaseHTTPRequestHandler, status: int, data: bytes,
               headers: dict[str, str]) -> None:
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)


def test_exactly_once_under_faults_and_gateway_restarts(make_desk, gateway_url, token,
                                                       store) -> None:
    desk = make_desk()
    make_backlog(desk, 1000, steps=2)  # 3,000 events of 1,000 dossiers
    sent_ids = {row[1] for row in outbox.iter_pending(desk.db)}
    assert len(sent_ids) == 3000
    process = GatewayProcess(gateway_url)
    process.start()
    rng = random.Random(20261123)
    batches = Counter()

    def policy(method: str, path: str) -> str:
        if path != "/v1/batches":
            return rng.choices(["pass", "drop_answer"], [0.9, 0.1])[0]
        batches["n"] += 1
        if batches["n"] in (4, 13):
            return "kill"
        return rng.choices(["pass", "drop_request", "drop_answer", "delay", "busy"],
                           [0.45, 0.15, 0.2, 0.1, 0.1])[0]

    proxy = FaultProxy(process, policy)
    try:
        with proxy.serve() as url:
            with acting(desk, ADMIN):
                desk.sync.configure(url)
            results = []

            def wait(event, seconds: float) -> bool:  # no real sleeping: the back-off is data
                counts = desk.outbox_counts()  # the test's own connection; main thread waits
                done = results and results[-1].ok and counts["pending"] == counts["sending"] == 0
                if done or len(results) > 400:
                    runner._stop.set()
                    return True
                return False

            runner = SyncRunner(desk.data_dir, token_provider=lambda: token, wait=wait,
                                rng=rng.random, probe_interval=10_000, max_events=100,
                                on_result=results.append)
            runner.start()
            runner._thread.join(120)
            assert not runner.running
    finally:
        process.kill()

    assert station_states(desk) == {"delivered": 3000}
    assert store.count_accepted(UNIT_CODE, STATION_NO) == (3000, 1000)
    rows = gateway_rows(gateway_url, "SELECT count(*), count(DISTINCT event_id), "
                                     "count(DISTINCT dossier_id || '/' || version) FROM events")
    assert rows == [(3000, 3000, 3000)]
    assert {r[0] for r in gateway_rows(gateway_url, "SELECT event_id FROM events")} == sent_ids
    assert process.restarts == 2
    assert proxy.actions["drop_request"] and proxy.actions["drop_answer"]
    assert proxy.actions["busy"] and proxy.actions["delay"]
    whys = Counter(why for why, _ in runner.delays)
    assert whys["backoff"] and whys["retry_after"]
    assert all(5 <= d <= 900 for why, d in runner.delays if why == "backoff")
    assert desk.sync.status().mismatch is None
    # Answers lost after the gateway committed came back as duplicates, never twice stored.
    assert sum(r.send.duplicate for r in results if r.send) > 0
    assert sum(r.send.accepted for r in results if r.send) <= 3000


def test_a_poison_event_is_parked_while_the_rest_flows_then_corrected(desk, token, store,
                                                                     gateway_url) -> None:
    store.import_procedures([{"code": "2.000815", "name": "Cấp bản sao trích lục"}])
    codes = make_backlog(desk, 5, steps=1)
    unknown = desk.receive(intake_request(procedure="1.001193")).dossier
    # A payload written by something else than the app, with decomposed (NFD) text.
    nfd_event = desk.events(codes[2])[0]
    with write_transaction(desk.db):
        payload = json.dumps({**nfd_event, "state": None, "actor": "Le\u0302 Thi\u0323 Hoa"},
                             ensure_ascii=False).replace(', "state": null', "")
        desk.db.execute("UPDATE outbox SET payload = ? WHERE event_id = ?",
                        [payload, nfd_event["event_id"]])
    result = sync(desk, token)
    assert result.ok and result.send.rejected == 2
    parked = {p["event_id"]: p for p in desk.sync.parked()}
    assert parked[nfd_event["event_id"]]["reject_code"] == "not_nfc"
    assert {p["reject_code"] for p in parked.values()} == {"not_nfc", "unknown_procedure"}
    assert station_states(desk) == {"delivered": 9, "rejected": 2}
    assert store.count_accepted(UNIT_CODE, STATION_NO) == (9, 5)  # v2 of the NFD one went

    # The NFD dossier is corrected by its next version, which goes through.
    desk.step(codes[2], StepRequest(DossierStatus.DONE, "Hoa"))
    # The province adds the missing procedure; the supervisor sends that one again.
    store.import_procedures([{"code": "1.001193", "name": "Đăng ký khai sinh"}])
    with acting(desk, SUPERVISOR):
        desk.sync.retry(unknown.code)
    result = sync(desk, token)
    assert result.ok and result.send.accepted == 2
    kept = store.dossier(desk.dossier(codes[2]).dossier_id)
    assert kept["version"] == 3 and kept["snapshot"]["TrangThaiHoSo"] == 9
    assert [e["version"] for e in kept["history"]] == [2, 3]
    assert [p["event_id"] for p in desk.sync.parked()] == [nfd_event["event_id"]]
    assert result.mismatch is None


def test_versions_arriving_out_of_order_keep_the_newest_snapshot(desk, token, store) -> None:
    code = make_backlog(desk, 1, steps=2)[0]
    events = desk.events(code)
    with write_transaction(desk.db):  # v1 and v2 held back (as if parked), v3 goes first
        for event in events[:2]:
            outbox.park(desk.db, event["event_id"], "held", "test", "2026-03-02T08:00:00+07:00")
    assert sync(desk, token).send.accepted == 1
    with acting(desk, SUPERVISOR):
        desk.sync.retry(code)
    assert sync(desk, token).send.accepted == 2
    kept = store.dossier(events[0]["dossier_id"])
    assert kept["version"] == 3 and [e["version"] for e in kept["history"]] == [1, 2, 3]
    assert kept["snapshot"] == events[2]["dossier"]


def test_a_reused_batch_id_gets_409_and_the_sender_recovers(desk, token, store,
                                                            monkeypatch) -> None:
    make_backlog(desk, 30, steps=0)
    reused = "7b1e3c9a-0000-4000-8000-000000000001"
    ids = iter([reused, reused])
    real = sender_module.new_uuid
    monkeypatch.setattr(sender_module, "new_uuid", lambda: next(ids, None) or real())
    result = sync(desk, token, max_events=10)
    assert result.ok and result.send.replays == 1
    assert station_states(desk) == {"delivered": 30}
    assert store.count_accepted(UNIT_CODE, STATION_NO) == (30, 30)
    assert desk.sync.log(20)[-1]["kind"] != "batch_replay"
    assert any(e["kind"] == "batch_replay" for e in desk.sync.log(20))


def test_a_revoked_token_stops_sync_and_the_state_shows_it(desk, token, store) -> None:
    make_backlog(desk, 2, steps=0)
    store.revoke_token(UNIT_CODE, STATION_NO)
    result = sync(desk, token)
    assert (result.stopped, result.exit_code) == ("auth", 1)
    status = desk.sync.status()
    assert status.auth_error["status"] == 401 and status.waiting == 2
    assert Syncer(desk, token_provider=lambda: token).run().stopped == "auth"  # stays stopped
    fresh = store.issue_token(UNIT_CODE, STATION_NO)
    assert sync(desk, fresh).ok and station_states(desk) == {"delivered": 2}
    assert desk.sync.status().auth_error is None


def test_a_usb_file_imported_twice_changes_nothing(desk, token, store, tmp_path,
                                                   gateway_url) -> None:
    codes = make_backlog(desk, 20, steps=1)
    exported = desk.sync.export(tmp_path / "usb.json.gz", token=token)
    assert exported["events"] == 40
    first = import_batch_file(store, tmp_path / "usb.json.gz")
    again = import_batch_file(store, tmp_path / "usb.json.gz")  # the gateway side, twice
    assert first["results"] == again["results"]
    assert store.count_accepted(UNIT_CODE, STATION_NO) == (40, 20)
    write_json_gz(tmp_path / "result.json.gz", first)  # signed by the gateway for station 2
    with pytest.raises(BatchFileError, match="Chữ ký của tệp kết quả không khớp"):
        desk.sync.import_results(tmp_path / "result.json.gz", token="an-older-token")
    assert station_states(desk) == {"pending": 40}
    applied = desk.sync.import_results(tmp_path / "result.json.gz", token=token)
    assert (applied["delivered"], applied["already_imported"]) == (40, False)
    before = (station_states(desk), [desk.history(c) for c in codes[:3]])
    twice = desk.sync.import_results(tmp_path / "result.json.gz", token=token)
    assert twice["already_imported"] and twice["changed"] == 0
    assert (station_states(desk), [desk.history(c) for c in codes[:3]]) == before
    result = sync(desk, token)  # online afterwards: nothing left to send, counts agree
    assert result.ok and result.send.sent == 0 and result.mismatch is None
    assert gateway_rows(gateway_url, "SELECT count(*) FROM events") == [(40,)]


def test_events_delivered_by_file_come_back_as_duplicate_online(desk, token, store,
                                                                tmp_path) -> None:
    make_backlog(desk, 5, steps=0)
    desk.sync.export(tmp_path / "usb.json.gz", token=token)
    import_batch_file(store, tmp_path / "usb.json.gz")  # the result file never came back
    result = sync(desk, token)
    assert (result.send.duplicate, result.send.accepted) == (5, 0)
    assert station_states(desk) == {"delivered": 5} and result.mismatch is None


def test_updates_are_pulled_once_each_with_the_cursor_stored(desk, token, store) -> None:
    codes = make_backlog(desk, 3, steps=0)
    assert sync(desk, token).ok
    store.post_update(codes[0], 4, "Chuyển Phòng Tư pháp thẩm định", "Phòng Tư pháp")
    store.post_update(codes[1], 9, "Đã ký kết quả", "Chủ tịch UBND")
    result = sync(desk, token)
    assert result.pull.applied == 2
    cursor = desk.db.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
    assert cursor is not None
    first = desk.history(codes[0])[-1]
    assert (first["action"], first["actor"], first["note"], first["status"]) == (
        "province_update", "Phòng Tư pháp", "Chuyển Phòng Tư pháp thẩm định", 4)
    assert desk.dossier(codes[1]).status == DossierStatus.DONE
    assert desk.dossier(codes[1]).version == 1  # nothing to send back
    assert station_states(desk) == {"delivered": 3}
    store.post_update(codes[0], 9, "Đã xử lý xong", "Phòng Tư pháp")
    later = sync(desk, token)
    assert later.pull.applied == 1 and later.pull.skipped == 0
    assert [h["action"] for h in desk.history(codes[0])] == [
        "received", "province_update", "province_update"]
    assert sync(desk, token).pull.applied == 0

"""Test doubles and fixtures of the gateway's tests (also used by the station's end-to-end
tests and by gateway/bench): a gateway served in a thread, a throwaway PostgreSQL, sample events.

`serve_in_thread(app)` runs the app with uvicorn on 127.0.0.1 in a thread and yields its base
URL once /v1/health answers. `TempPostgres` starts a private PostgreSQL cluster from the
server binaries on this machine (as the `postgres` or `nobody` user when run as root).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

START_TIMEOUT_S = 30.0


@contextmanager
def serve_in_thread(app: Any, *, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `app` on a free loopback port in a thread; yields the base URL (no trailing /)."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    sock.listen(128)
    base_url = f"http://{host}:{sock.getsockname()[1]}"
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="intake-gateway-test-server")
    thread.start()
    try:
        _wait_for_health(base_url, thread)
        yield base_url
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


def _wait_for_health(base_url: str, thread: threading.Thread) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/v1/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if not thread.is_alive():
            raise RuntimeError("the gateway's server thread stopped before answering /v1/health")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{base_url}/v1/health did not answer within {START_TIMEOUT_S} s")
        time.sleep(0.02)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


# ---- a throwaway PostgreSQL --------------------------------------------------------------------

INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in "
    "/usr/lib/postgresql/*/bin. Install them (Debian/Ubuntu: `apt-get install -y postgresql`; "
    "other systems: the PostgreSQL server package), or point the tests at a throwaway database "
    "with INTAKE_GATEWAY_TEST_PG_URL=postgresql://user:password@host/database."
)


class PostgresNotFound(RuntimeError):
    pass


def find_postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                        else 0, reverse=True)
    for pg_ctl in candidates:
        if (pg_ctl.parent / "initdb").exists():
            return pg_ctl.parent
    return None


class TempPostgres:
    """A private cluster in a temporary folder: `start()` gives a URL, `stop()` removes it all.

    `durable=False` (tests) turns fsync off; the bench keeps PostgreSQL's durable defaults.
    """

    def __init__(self, *, durable: bool = False, max_connections: int = 200):
        self.durable = durable
        self.max_connections = max_connections
        self.folder: Path | None = None
        self.port: int | None = None
        self._bin: Path | None = None
        self._user: dict[str, Any] = {}

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> str:
        self._bin = find_postgres_bin()
        if self._bin is None:
            raise PostgresNotFound(INSTALL_HINT)
        self.folder = Path(tempfile.mkdtemp(prefix="intake-gw-pg-"))
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # initdb refuses to run as root
            account = _unprivileged_account()
            self._user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        data, sockets = self.folder / "data", self.folder / "sock"
        try:
            self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                      "--no-locale", "--no-sync")
            self._make_folder(sockets)
            self.port = free_port()
            options = [f"-p {self.port}", f"-k {sockets}", "-c listen_addresses=127.0.0.1",
                       f"-c max_connections={self.max_connections}"]
            if not self.durable:
                options += ["-c fsync=off", "-c synchronous_commit=off",
                            "-c full_page_writes=off"]
            self._run("pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"), "-w",
                      "-t", "60", "-o", " ".join(options), "start")
        except BaseException:
            self.stop()
            raise
        return self.url("postgres")

    def url(self, database: str) -> str:
        """A URL to `database` over the cluster's unix socket."""
        if self.folder is None:
            raise RuntimeError("the cluster is not started")
        return f"postgresql://postgres@/{database}?host={self.folder / 'sock'}&port={self.port}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _make_folder(self, folder: Path) -> None:
        folder.mkdir()
        if self._user:
            os.chown(folder, self._user["user"], self._user["group"])

    def _run(self, program: str, *args: str) -> None:
        assert self._bin is not None
        done = subprocess.run([str(self._bin / program), *args], capture_output=True, text=True,
                              cwd=self.folder, timeout=120, **self._user)
        if done.returncode != 0:
            log = self.folder / "server.log" if self.folder else None
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr.strip()}\n"
                               f"{done.stdout.strip()}\n{tail}")

    def stop(self) -> None:
        if self.folder is None:
            return
        data = self.folder / "data"
        if self._bin is not None and (data / "postmaster.pid").exists():
            with suppress(RuntimeError, subprocess.TimeoutExpired):
                self._run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None


def _unprivileged_account() -> Any:
    import pwd

    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresNotFound("running as root, but neither a 'postgres' nor a 'nobody' user exists "
                           "to run initdb and pg_ctl")


# ---- sample documents ---------------------------------------------------------------------------


def new_id() -> str:
    import uuid

    return str(uuid.uuid4())


def sample_snapshot(code: str = "000.00.12.H56-251123-2001", **fields: Any) -> dict[str, Any]:
    """A snapshot as the station's event builder writes it; `fields` replace keys."""
    snapshot: dict[str, Any] = {
        "MaHoSo": code,
        "MaTTHC": "2.000815",
        "TenTTHC": "Chứng thực bản sao từ bản chính",
        "MaLinhVuc": "CT",
        "TenLinhVuc": "Chứng thực",
        "KenhThucHien": 1,
        "ChuHoSo": "Nguyễn Văn Đức",
        "LoaiDoiTuong": 1,
        "MaDoiTuong": "046095001234",
        "SoDienThoai": "0912345678",
        "Email": None,
        "DiaChi": "Thôn Phước Yên",
        "TrichYeuHoSo": "Chứng thực bản sao từ bản chính - Nguyễn Văn Đức",
        "NgayTiepNhan": "20251123094107",
        "NgayHenTra": "20251123160000",
        "NgayTra": None,
        "TrangThaiHoSo": 2,
        "HinhThuc": 0,
        "DonViXuLy": "UBND phường Phong Quảng",
        "GhiChu": None,
        "TaiLieuNop": [{"TenTepDinhKem": "Giấy khai sinh", "MaThanhPhanHoSo": None,
                        "SoLuong": 2, "LoaiBan": 1}],
        "DanhSachLePhi": [{"TenPhiLePhi": "Phí chứng thực", "Gia": 4000}],
    }
    snapshot.update(fields)
    return snapshot


def sample_event(*, dossier_id: str | None = None, version: int = 1, kind: str | None = None,
                 code: str = "000.00.12.H56-251123-2001", event_id: str | None = None,
                 snapshot: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    """A valid event: `received` for version 1, `status_changed` with a progress step after."""
    kind = kind or ("received" if version == 1 else "status_changed")
    status = 2 if kind == "received" else 4
    event: dict[str, Any] = {
        "event_id": event_id or new_id(),
        "dossier_id": dossier_id or new_id(),
        "version": version,
        "kind": kind,
        "occurred_at": "2025-11-23T09:41:07+07:00",
        "actor": "Lê Thị Hoa",
        "dossier": snapshot or sample_snapshot(code, TrangThaiHoSo=status),
        "progress": None if kind == "received" else {
            "NguoiXuLy": "Lê Thị Hoa", "ThoiDiemXuLy": "20251123101500",
            "NoiDungXuLy": "Chuyển xử lý", "TrangThai": status,
        },
    }
    event.update(fields)
    return event


def batch_body(unit_code: str, station_no: int, events: list[dict[str, Any]], *,
               batch_id: str | None = None) -> dict[str, Any]:
    """The POST /v1/batches body for `events`."""
    return {"batch_id": batch_id or new_id(), "unit_code": unit_code, "station_no": station_no,
            "app_version": "1.4.0", "sent_at": "2025-11-23T09:45:00+07:00", "events": events}

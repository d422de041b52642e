"""Test helpers of the office hub: a hub as a real process (`intake-app hub serve`) on a
loopback port, with its own folder; counters are data folders opened by the test or run as
`intake-app office run` processes."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

from conftest import UNIT

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout: float = 60.0, step: float = 0.05, what: str = "condition"):
    """Poll until `predicate()` is truthy (its value), up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(step)


def init_hub(folder: Path) -> dict:
    from intake_app.hub.server import init_hub as init

    return init(folder, unit_code=UNIT["unit_code"], unit_name=UNIT["unit_name"],
                province_code=UNIT["province_code"], commune_code=UNIT["commune_code"])


def app_command(data_dir: Path, *args: str) -> list[str]:
    """A command as the counter's clerk runs it (the password is in the tests' environment:
    conftest); `hub` and `office run` are the app's own and log nobody in."""
    return [sys.executable, "-m", "intake_app", "--data-dir", str(data_dir), "--user",
            "hoa.lt", *args]


class HubProcess:
    """`intake-app hub serve` on a fixed loopback port; killed with SIGKILL."""

    def __init__(self, folder: Path, *extra: str):
        self.folder = folder
        self.port = free_port()
        self.extra = extra
        self.process: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> HubProcess:
        log = open(self.folder / "serve.out", "ab")  # noqa: SIM115 - kept by the process
        self.process = subprocess.Popen(
            app_command(self.folder, "hub", "serve", "--host", "127.0.0.1", "--port",
                        str(self.port), *self.extra),
            stdout=log, stderr=log, env={**os.environ})
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "serve.out").read_text(errors="replace"))
            with suppress(OSError):
                urllib.request.urlopen(f"https://{self.address}/v1/health", timeout=1,
                                       context=context)
                return self
            time.sleep(0.05)
        raise RuntimeError("the hub did not start")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None

    def restart(self) -> None:
        self.kill()
        self.start()


def pair_code(folder: Path, station: int, *, replace: bool = False) -> str:
    from intake_app.hub.server import make_pairing_code

    return make_pairing_code(folder, station, replace=replace)["code"]


def hub_rows(folder: Path, sql: str, params=()) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(folder / "hub.sqlite3") as conn:
        return conn.execute(sql, params).fetchall()

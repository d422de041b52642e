"""The helpers other test suites use: serve_in_thread and the throwaway PostgreSQL."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import httpx
import pytest
from intake_gateway.app import create_app

from . import gateway_testing as testing
from .gateway_testing import PostgresNotFound, TempPostgres, serve_in_thread


def test_serve_in_thread_answers_then_shuts_down(sqlite_url):
    app = create_app(sqlite_url)
    with serve_in_thread(app) as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        assert httpx.get(f"{base_url}/v1/health").json()["status"] == "ok"
    parts = urlsplit(base_url)
    with socket.socket() as probe, pytest.raises(OSError):
        probe.settimeout(2)
        probe.connect((parts.hostname, parts.port))
    with serve_in_thread(app) as again:  # the same app can be served again
        assert httpx.get(f"{again}/v1/health").status_code == 200


def test_no_postgres_binaries_is_a_clear_failure(monkeypatch):
    monkeypatch.setattr(testing, "find_postgres_bin", lambda: None)
    with pytest.raises(PostgresNotFound, match="apt-get install -y postgresql"):
        TempPostgres().start()

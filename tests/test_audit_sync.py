"""The audit chain's head travels with every batch to the project's real gateway (SQLite, on
loopback), which keeps each station's heads and flags a chain rewritten or shortened after a
sync, even by someone who held the station's key (so `audit verify` at the station passes).
The events of such a batch are still accepted: a flag never blocks the province's data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import UNIT, acting, intake_request
from station_db import open_db

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "gateway") not in sys.path:
    sys.path.insert(0, str(ROOT / "gateway"))
pytest.importorskip("fastapi")
gateway_app = pytest.importorskip("intake_gateway.app")

import httpx  # noqa: E402
from intake_gateway.cli import main as gateway_main  # noqa: E402
from intake_gateway.ingest import import_batch_file  # noqa: E402
from intake_gateway.store import open_store  # noqa: E402
from tests.gateway_testing import serve_in_thread  # noqa: E402

from intake_app.domain.audit import AuditDraft, key_id  # noqa: E402
from intake_app.store import audit as audit_store  # noqa: E402
from intake_app.store.db import DATABASE_FILE, write_transaction  # noqa: E402
from intake_app.sync.batch_files import read_batch_file  # noqa: E402
from intake_app.sync.engine import Syncer  # noqa: E402

ADMIN = "admin-token-for-tests"


GATEWAY_TABLES = ("stations, batches, events, dossiers, dossier_codes, procedures, updates, "
                  "station_audit_heads, station_audit_flags")


@pytest.fixture(scope="module")
def postgres_url():
    """A private PostgreSQL cluster for this module (as the gateway's own tests start one)."""
    from tests.gateway_testing import PostgresNotFound, TempPostgres

    cluster = TempPostgres()
    try:
        cluster.start()
    except PostgresNotFound as exc:
        pytest.fail(f"{exc} (the gateway runs on PostgreSQL at the province)", pytrace=False)
    try:
        yield cluster.create_database("intake_audit_sync_test")
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def gateway_url(request, tmp_path) -> str:
    """The gateway's database: an SQLite file, or the PostgreSQL test database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/gateway.sqlite3"
    import psycopg

    url = request.getfixturevalue("postgres_url")
    open_store(url).close()  # the tables, on a fresh database
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {GATEWAY_TABLES} RESTART IDENTITY")
    return url


@pytest.fixture
def store(gateway_url):
    store = open_store(gateway_url)
    yield store
    store.close()


@pytest.fixture
def token(store) -> str:
    return store.issue_token(UNIT["unit_code"], UNIT["station_no"])


@pytest.fixture
def gateway(gateway_url, token):
    with serve_in_thread(gateway_app.create_app(gateway_url, admin_token=ADMIN)) as base_url:
        yield base_url


@pytest.fixture
def desk(make_desk, gateway):
    desk = make_desk()
    with acting(desk, "quantri"):
        desk.sync.configure(gateway)
    return desk


def sync(desk, token):
    result = Syncer(desk, token_provider=lambda: token).run(forced=True)
    assert result.ok, result.as_dict()
    return result


def heads_at_gateway(store) -> list[tuple[int, str]]:
    def work(conn):
        return conn.all("SELECT count, hash FROM station_audit_heads ORDER BY count")
    return [(int(c), h) for c, h in store.db.read(work)]


def rechain_with_the_key(desk, *, edit_seq: int | None = None, drop_after: int | None = None,
                         ) -> None:
    """What an insider holding the station's key does: edit (or cut) the trail and compute
    every later hash and the head again, so that `audit verify` at the station passes."""
    key = desk.audit.key()
    records = list(audit_store.all_records(desk.db))
    if drop_after is not None:
        records = [r for r in records if r.seq <= drop_after]
    with write_transaction(desk.db):
        desk.db.execute("DELETE FROM audit_log")
        desk.db.execute("DELETE FROM audit_head")
        for record in records:
            actor = "Người khác" if record.seq == edit_seq else record.actor
            audit_store.append(desk.db, key, key_id(key), AuditDraft(
                record.at, actor, record.action, record.target, record.detail))
    with acting(desk, "nam.tv"):
        assert desk.audit.verify().ok  # the station alone cannot tell any more


def test_each_batch_carries_the_head_and_the_gateway_keeps_it(desk, token, store) -> None:
    desk.receive(intake_request())
    sync(desk, token)
    first = desk.audit.head()
    assert heads_at_gateway(store) == [(first.count, first.hash)]
    desk.receive(intake_request())
    sync(desk, token)
    second = desk.audit.head()
    assert heads_at_gateway(store) == [(first.count, first.hash), (second.count, second.hash)]
    assert store.audit_flags() == []


def test_a_chain_rewritten_after_a_sync_is_flagged_and_the_events_still_flow(
        desk, token, store, gateway, gateway_url, capsys) -> None:
    for _ in range(3):
        desk.receive(intake_request())
    sync(desk, token)
    rechain_with_the_key(desk, edit_seq=2)  # "who received the first dossier" rewritten
    code = desk.receive(intake_request()).dossier.code
    result = sync(desk, token)
    assert result.send is not None and result.send.accepted == 1  # not blocked
    assert desk.events(code)[0]["state"] == "delivered"

    flags = store.audit_flags()
    assert [flag["kind"] for flag in flags] == ["rewritten"]
    assert flags[0]["detail"]["field"] == "acknowledged"
    assert flags[0]["station_no"] == UNIT["station_no"]

    # The province sees it on its command line (exit 1) and at its admin endpoint.
    status = gateway_main(["--database", gateway_url, "audit", "flags"])
    out, err = capsys.readouterr()
    assert status == 1 and '"kind": "rewritten"' in out and "1 audit flag(s)" in err
    answer = httpx.get(f"{gateway}/v1/admin/audit-flags",
                       headers={"Authorization": f"Bearer {ADMIN}"})
    assert answer.status_code == 200 and answer.json()["flags"][0]["kind"] == "rewritten"
    refused = httpx.get(f"{gateway}/v1/admin/audit-flags",
                        headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401  # a station token is not the province's


def test_a_chain_cut_short_after_a_sync_is_flagged(desk, token, store) -> None:
    for _ in range(2):
        desk.receive(intake_request())
    sync(desk, token)
    sent = desk.audit.head().count
    rechain_with_the_key(desk, drop_after=sent - 2)  # the last two records removed
    desk.receive(intake_request())  # count is now sent - 1
    sync(desk, token)
    kinds = sorted(flag["kind"] for flag in store.audit_flags())
    assert "shortened" in kinds


def test_a_usb_batch_file_carries_the_head_and_its_result_acknowledges_it(
        desk, token, store, tmp_path) -> None:
    desk.receive(intake_request())
    desk.sync.export(tmp_path / "usb.json.gz", token=token)
    body = read_batch_file(tmp_path / "usb.json.gz", token)  # sealed for the gateway
    head = desk.audit.head()
    # The export itself was audited after the head was taken into the file.
    assert body["audit_head"] == {"count": head.count - 1,
                                  "hash": desk.audit.hash_at(head.count - 1)}
    answer = import_batch_file(store, tmp_path / "usb.json.gz")
    assert heads_at_gateway(store) == [(head.count - 1, body["audit_head"]["hash"])]
    from intake_gateway.batchfile import write_json_gz

    write_json_gz(tmp_path / "result.json.gz", answer)
    desk.sync.import_results(tmp_path / "result.json.gz", token=token)
    with open_db(desk.data_dir / DATABASE_FILE) as conn:
        ((value,),) = conn.execute(
            "SELECT value FROM sync_state WHERE key = 'audit_acknowledged'").fetchall()
    assert json.loads(value)["count"] == head.count - 1

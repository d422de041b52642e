"""The command line and USB batch files (both backends), and `serve` as a real process."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import intake_gateway
import pytest
from intake_gateway.batchfile import read_json_gz, sign, write_batch_file, write_json_gz
from intake_gateway.cli import main
from intake_gateway.store import open_store
from intake_gateway.tokens import signing_key

from .gateway_helpers import STATION, UNIT, body, code, sample_event
from .gateway_testing import free_port, sample_snapshot

STATION_CATALOGUE = Path(__file__).resolve().parents[2] / "resources/catalogue/procedures.json"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def cli_store(database_url):
    with open_store(database_url) as store:
        yield store


def test_token_issue_revoke_list(capsys, database_url, cli_store):
    status, out, err = run(capsys, "token", "issue", "--unit", UNIT, "--station", "2",
                           "--database", database_url)
    assert status == 0 and "shown only this once" in err
    token = out.strip()
    assert len(token) >= 43
    assert cli_store.station_for_token(token) == (UNIT, 2)
    assert run(capsys, "--database", database_url, "token", "list")[1].startswith(
        f"{UNIT}\t2\tissued")
    assert run(capsys, "token", "revoke", "--unit", UNIT, "--station", "2",
               "--database", database_url)[0] == 0
    assert cli_store.station_for_token(token) is None
    assert "revoked" in run(capsys, "token", "list", "--database", database_url)[1]
    assert run(capsys, "token", "revoke", "--unit", UNIT, "--station", "2",
               "--database", database_url)[0] == 1
    assert run(capsys, "token", "issue", "--unit", UNIT, "--station", "10",
               "--database", database_url)[0] == 2


def test_tokens_are_stored_hashed(database_url, cli_store):
    token = cli_store.issue_token(UNIT, STATION)
    row = cli_store.db.read(lambda conn: conn.one(
        "SELECT token_sha256, signing_key FROM stations"))
    assert token not in row
    assert bytes.fromhex(row[1]) == signing_key(token)


def test_database_from_the_environment(capsys, monkeypatch, database_url, cli_store):
    monkeypatch.setenv("INTAKE_GATEWAY_DATABASE_URL", database_url)
    assert run(capsys, "token", "issue", "--unit", UNIT, "--station", "4")[0] == 0
    assert [s["station_no"] for s in cli_store.stations()] == [4]


def test_procedures_import_accepts_the_station_catalogue(capsys, tmp_path, database_url,
                                                         cli_store):
    status, out, _ = run(capsys, "procedures", "import", str(STATION_CATALOGUE),
                         "--database", database_url)
    count = len(json.loads(STATION_CATALOGUE.read_text(encoding="utf-8"))["procedures"])
    assert status == 0 and out.startswith(f"{count} added, 0 replaced, 0 removed")
    small = tmp_path / "small.json"
    small.write_text(json.dumps({"procedures": [{"code": "2.000815", "name": "Chứng thực"}]}),
                     encoding="utf-8")
    status, out, _ = run(capsys, "procedures", "import", str(small), "--replace",
                         "--database", database_url)
    assert out.startswith(f"0 added, 1 replaced, {count - 1} removed; 1 procedures")
    small.write_text(json.dumps({"procedures": [{"code": "", "name": "x"}]}), encoding="utf-8")
    status, _, err = run(capsys, "procedures", "import", str(small), "--database", database_url)
    assert status == 2 and "procedures[0].code" in err
    assert cli_store.procedure_count() == 1


def _receive_one(store) -> tuple[str, dict]:
    token = store.issue_token(UNIT, STATION)
    from intake_gateway.ingest import receive
    from intake_gateway.store import Station

    event = sample_event(code=code(1))
    receive(store, Station(UNIT, STATION), body([event]))
    return token, event


def test_update_post(capsys, database_url, cli_store):
    _, event = _receive_one(cli_store)
    status, out, _ = run(capsys, "update", "post", "--code", code(1), "--status", "9",
                         "--note", "Đã có kết quả", "--by", "Phòng Tư pháp",
                         "--database", database_url)
    assert status == 0
    from intake_gateway.store import Station

    [(_, update)] = cli_store.updates_after(Station(UNIT, STATION), 0, 10)
    assert update == {"update_id": out.strip(), "dossier_id": event["dossier_id"],
                      "MaHoSo": code(1), "TrangThaiHoSo": 9, "at": update["at"],
                      "by": "Phòng Tư pháp", "note": "Đã có kết quả"}
    assert run(capsys, "update", "post", "--code", code(5), "--status", "9",
               "--database", database_url)[0] == 1
    assert run(capsys, "update", "post", "--code", code(1), "--status", "0",
               "--database", database_url)[0] == 2


def test_import_twice_changes_nothing_and_writes_the_result_file(capsys, tmp_path,
                                                                 database_url, cli_store):
    token = cli_store.issue_token(UNIT, STATION)
    first = sample_event(code=code(1))
    events = [first, sample_event(dossier_id=first["dossier_id"], version=2)]
    events += [sample_event(code=code(n + 2)) for n in range(600)]  # no 500 limit in files
    events.append(sample_event(code=code(1)))  # code_conflict
    batch = body(events)
    path = tmp_path / "station-2.batch.json.gz"
    write_batch_file(path, batch, token)
    out = tmp_path / "result.json.gz"
    status, printed, _ = run(capsys, "import", str(path), "--out", str(out),
                             "--database", database_url)
    assert status == 0
    assert json.loads(printed) == {"batch_id": batch["batch_id"], "result_file": str(out),
                                   "accepted": 602, "rejected": 1}
    result = read_json_gz(out)
    assert set(result) == {"batch_id", "unit_code", "station_no", "server_time", "results",
                           "signature"}
    assert (result["batch_id"], result["unit_code"], result["station_no"]) == (
        batch["batch_id"], UNIT, STATION)
    assert [r["event_id"] for r in result["results"]] == [e["event_id"] for e in events]
    assert result["results"][-1]["code"] == "code_conflict"
    counts = cli_store.count_accepted(UNIT, STATION)
    assert counts == (602, 601)

    default_out = path.with_name(path.name + ".result.gz")
    assert run(capsys, "import", str(path), "--database", database_url)[0] == 0
    assert read_json_gz(default_out)["results"] == result["results"]
    assert cli_store.count_accepted(UNIT, STATION) == counts


def test_events_sent_online_after_a_file_are_duplicates(tmp_path, database_url, cli_store):
    token = cli_store.issue_token(UNIT, STATION)
    event = sample_event()
    path = tmp_path / "f.gz"
    write_batch_file(path, body([event]), token)
    assert main(["import", str(path), "--database", database_url]) == 0
    from intake_gateway.app import create_app

    from .gateway_helpers import TestClient, post

    with TestClient(create_app(database_url)) as client:
        answer = post(client, {"Authorization": f"Bearer {token}"}, [event])
        assert answer.json()["results"][0]["status"] == "duplicate"


def test_bad_signature_is_refused(capsys, tmp_path, database_url, cli_store):
    token = cli_store.issue_token(UNIT, STATION)
    batch = body([sample_event()])
    path = tmp_path / "f.gz"
    signed = {**batch, "signature": sign(batch, signing_key(token))}
    tampered = {**signed, "events": [sample_event(snapshot=sample_snapshot(ChuHoSo="Kẻ gian"))]}
    write_json_gz(path, tampered)
    status, _, err = run(capsys, "import", str(path), "--database", database_url)
    assert status == 1 and "signature" in err
    write_json_gz(path, {**batch, "signature": sign(batch, signing_key("another token"))})
    assert run(capsys, "import", str(path), "--database", database_url)[0] == 1
    write_json_gz(path, batch)  # unsigned
    assert run(capsys, "import", str(path), "--database", database_url)[0] == 1
    path.write_bytes(b"not gzip")
    assert run(capsys, "import", str(path), "--database", database_url)[0] == 1
    write_batch_file(path, batch, token)
    cli_store.revoke_token(UNIT, STATION)
    status, _, err = run(capsys, "import", str(path), "--database", database_url)
    assert status == 1 and "no live token" in err
    assert cli_store.count_accepted(UNIT, STATION) == (0, 0)
    assert not path.with_name(path.name + ".result.gz").exists()


def test_the_result_file_is_signed_with_the_stations_result_key(capsys, tmp_path,
                                                                database_url, cli_store):
    """docs/sync-protocol.md, revision of 2026-12: result_key = HMAC(signing_key, "intake result
    file v1"), signature = hex HMAC(result_key, canonical body without signature)."""
    import hashlib
    import hmac

    token = cli_store.issue_token(UNIT, STATION)
    path = tmp_path / "f.gz"
    write_batch_file(path, body([sample_event(code=code(1))]), token)
    assert run(capsys, "import", str(path), "--database", database_url)[0] == 0
    result = read_json_gz(path.with_name(path.name + ".result.gz"))
    unsigned = {k: v for k, v in result.items() if k != "signature"}
    canonical = json.dumps(unsigned, sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False).encode()
    station_key = hmac.new(token.encode(), b"intake batch file v1", hashlib.sha256).digest()
    key = hmac.new(station_key, b"intake result file v1", hashlib.sha256).digest()
    assert result["signature"] == hmac.new(key, canonical, hashlib.sha256).hexdigest()
    # Not the batch file's key, and not another station's.
    assert result["signature"] != hmac.new(station_key, canonical, hashlib.sha256).hexdigest()
    other = cli_store.issue_token(UNIT, 3)
    other_key = hmac.new(hmac.new(other.encode(), b"intake batch file v1",
                                  hashlib.sha256).digest(),
                         b"intake result file v1", hashlib.sha256).digest()
    assert result["signature"] != hmac.new(other_key, canonical, hashlib.sha256).hexdigest()


def test_signature_is_over_the_canonical_body(tmp_path):
    batch = body([sample_event()])
    path = tmp_path / "f.gz"
    write_batch_file(path, batch, "token")
    stored = json.loads(gzip.decompress(path.read_bytes()))
    canonical = json.dumps(batch, sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False).encode()
    import hashlib
    import hmac

    key = hmac.new(b"token", b"intake batch file v1", hashlib.sha256).digest()
    assert stored["signature"] == hmac.new(key, canonical, hashlib.sha256).hexdigest()


def test_serve_runs_uvicorn_with_workers(tmp_path):
    port = free_port()
    url = f"sqlite:///{tmp_path}/served.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(Path(intake_gateway.__file__).parents[1])}
    server = subprocess.Popen(
        [sys.executable, "-m", "intake_gateway", "serve", "--port", str(port), "--workers", "2",
         "--database", url, "--log-level", "warning"], env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health") as answer:
                    assert json.load(answer)["status"] == "ok"
                    break
            except OSError:
                assert server.poll() is None, "the server stopped"
                assert time.monotonic() < deadline, "no answer from /v1/health"
                time.sleep(0.1)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
    assert (tmp_path / "served.sqlite3").exists()

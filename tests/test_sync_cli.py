"""`intake-app sync …` as a supervisor types it, against a contract peer on loopback, with
the token in the test's credential store (and none at all, as on a headless Linux)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import keyring
import pytest
from conftest import ADMIN, SUPERVISOR, SYNC_TOKEN, acting, as_user
from conftest import run_cli as run
from sync_peer import make_backlog

from intake_app.desk import Desk
from intake_app.domain.sync_signing import sign_body, sign_result, verify_body
from intake_app.sync.batch_files import read_batch_file
from intake_app.sync.sealed_batch import SealedBatchError

TOKEN = SYNC_TOKEN
INIT_ARGS = ["--unit-code", "000.00.12.H56", "--unit-name", "UBND phường Phong Quảng",
             "--province-code", "46", "--commune-code", "19873", "--station", "2"]


@pytest.fixture
def station(data_dir, capsys, peer, credential_store, monkeypatch) -> Path:
    assert run(capsys, data_dir, "sync", "configure", "--gateway", peer.url, user=ADMIN)[0] == 0
    status, output, _ = run(capsys, data_dir, "sync", "set-token", stdin=TOKEN + "\n",
                            monkeypatch=monkeypatch, user=ADMIN)
    assert (status, output) == (0, {"stored": True})
    return data_dir


def test_configure_refuses_plain_http_to_another_machine(data_dir, capsys) -> None:
    status, _, err = run(capsys, data_dir, "sync", "configure", "--gateway",
                         "http://192.168.1.20:8000", user=ADMIN)
    assert status == 2 and "Chỉ được dùng http:// (không mã hóa) với chính máy này" in err
    status, output, _ = run(capsys, data_dir, "sync", "configure", "--gateway",
                            "https://gw.tinh.gov.vn/", user=ADMIN)
    assert status == 0 and output == {"gateway_url": "https://gw.tinh.gov.vn", "ca_file": None,
                                      "token_stored": False}
    status, _, err = run(capsys, data_dir, "sync", "configure", "--gateway",
                         "https://gw.tinh.gov.vn", "--ca-file", str(data_dir / "missing.pem"),
                         user=ADMIN)
    assert status == 2 and "tệp chứng chỉ CA" in err


def test_without_a_credential_store_nothing_opens_and_the_token_is_stored_nowhere(
        data_dir, capsys, monkeypatch, no_credential_store) -> None:
    # The station's keys live in a credential store this PC no longer offers (headless Linux).
    status, output, err = run(capsys, data_dir, "sync", "set-token", stdin="secret-token\n",
                              monkeypatch=monkeypatch, user=ADMIN)
    assert status == 4 and output is None
    assert "không có kho lưu mật khẩu" in err and "chưa có gì được lưu" in err
    found = [p for p in data_dir.rglob("*") if p.is_file() and b"secret-token" in p.read_bytes()]
    assert found == []


def test_with_the_administrators_key_file_the_token_joins_the_keys_there(
        tmp_path, capsys, monkeypatch, no_credential_store) -> None:
    from intake_app.station_keys import UNPROTECTED_FILE

    folder = tmp_path / "headless"
    status, _, err = run(capsys, folder, "init", *INIT_ARGS)
    assert status == 4 and "--unprotected-key-file" in err
    assert not (folder / UNPROTECTED_FILE).exists()
    status, _, _ = run(capsys, folder, "init", *INIT_ARGS, "--unprotected-key-file")
    assert status == 0
    status, output, _ = run(capsys, folder, "sync", "set-token", stdin="secret-token\n",
                            monkeypatch=monkeypatch, user=ADMIN)
    assert (status, output) == (0, {"stored": True})
    holding = [p.name for p in folder.rglob("*") if p.is_file()
               and b"secret-token" in p.read_bytes()]
    assert holding == [UNPROTECTED_FILE]


def test_the_token_is_kept_in_the_credential_store_under_unit_and_station(
        station, credential_store) -> None:
    assert credential_store.passwords[("intake-app", "000.00.12.H56/2")] == TOKEN
    assert not any(TOKEN.encode() in p.read_bytes() for p in station.rglob("*") if p.is_file())


def test_sync_prints_what_it_did_and_status_counts(station, capsys, peer) -> None:
    with as_user(Desk(station)) as desk:
        make_backlog(desk, 4, steps=1)
    status, output, _ = run(capsys, station, "sync")
    assert status == 0
    assert {k: output[k] for k in ("ok", "online", "sent", "accepted", "duplicate", "rejected",
                                   "updates_applied", "mismatch", "clock_warning")} == {
        "ok": True, "online": True, "sent": 8, "accepted": 8, "duplicate": 0, "rejected": 0,
        "updates_applied": 0, "mismatch": None, "clock_warning": False}
    status, output, _ = run(capsys, station, "sync", "status")
    assert status == 0
    assert {k: output[k] for k in ("pending", "sending", "delivered", "rejected", "online",
                                   "token_stored")} == {
        "pending": 0, "sending": 0, "delivered": 8, "rejected": 0, "online": True,
        "token_stored": True}
    assert output["last_success"] and output["last_error"] is None


def test_sync_offline_exits_1_and_unconfigured_exits_2(data_dir, capsys, credential_store,
                                                       tmp_path) -> None:
    status, output, err = run(capsys, data_dir, "sync")
    assert status == 2 and output["stopped"] == "not_configured"
    run(capsys, data_dir, "sync", "configure", "--gateway", "http://127.0.0.1:9", user=ADMIN)
    with Desk(data_dir) as desk, acting(desk, ADMIN):
        desk.sync.set_token(TOKEN)
    status, output, err = run(capsys, data_dir, "sync")
    assert status == 1 and output["online"] is False and "unreachable" in err
    status, output, _ = run(capsys, data_dir, "sync", "status")
    assert output["online"] is False and output["last_error"]["kind"] == "offline"


def test_retry_puts_a_parked_event_back_by_id_or_by_dossier(station, capsys, peer) -> None:
    with as_user(Desk(station)) as desk:
        codes = make_backlog(desk, 2, steps=1)
    peer.reject = lambda e: ("unknown_procedure", "chưa có") if e["version"] == 2 else None
    status, output, _ = run(capsys, station, "sync")
    assert status == 0 and output["rejected"] == 2
    status, parked, _ = run(capsys, station, "sync", "parked")
    assert [p["code"] for p in parked] == codes
    status, output, _ = run(capsys, station, "sync", "retry", parked[0]["event_id"],
                            user=SUPERVISOR)
    assert (status, output) == (0, {"pending_again": [parked[0]["event_id"]]})
    status, output, _ = run(capsys, station, "sync", "retry", codes[1], user=SUPERVISOR)
    assert output == {"pending_again": [parked[1]["event_id"]]}
    status, _, err = run(capsys, station, "sync", "retry", codes[1], user=SUPERVISOR)
    assert status == 1 and "không có sự kiện bị từ chối" in err
    peer.reject = None
    assert run(capsys, station, "sync")[1]["accepted"] == 2


def test_usb_export_is_signed_and_importing_results_twice_changes_nothing(
        station, capsys, tmp_path) -> None:
    with as_user(Desk(station)) as desk:
        codes = make_backlog(desk, 3, steps=1)
    out = tmp_path / "usb" / "dong-bo.json.gz"
    status, summary, _ = run(capsys, station, "sync", "export", "--out", str(out))
    assert status == 0 and (summary["events"], summary["dossiers"]) == (6, 3)
    raw = out.read_bytes()
    assert raw.startswith(b'{"format": "intake-sealed-batch/1"')  # sealed for the gateway
    assert "Nguyễn".encode() not in raw and b"046095001234" not in raw
    with pytest.raises(SealedBatchError):
        read_batch_file(out, "another-token")
    body = read_batch_file(out, TOKEN)
    assert verify_body(body, TOKEN) and not verify_body(body, "another-token")
    assert (body["unit_code"], body["station_no"], len(body["events"])) == ("000.00.12.H56", 2, 6)
    with as_user(Desk(station)) as desk:
        assert desk.outbox_counts()["pending"] == 6  # still pending until results come back

    results = [{"event_id": e["event_id"], "status": "accepted"} for e in body["events"]]
    results[3] = {"event_id": results[3]["event_id"], "status": "rejected",
                  "code": "unknown_procedure", "message": "Thủ tục chưa có"}
    answer = tmp_path / "ket-qua.json.gz"
    write_result(answer, result_document(body, results))
    status, first, _ = run(capsys, station, "sync", "import-results", str(answer))
    assert status == 0 and (first["delivered"], first["rejected"]) == (5, 1)
    assert first["already_imported"] is False
    with as_user(Desk(station)) as desk:
        before = desk.outbox_counts()
        parked_id = desk.sync.parked()[0]["event_id"]
        with acting(desk, SUPERVISOR):
            desk.sync.retry(parked_id)  # a person retries the rejected one meanwhile
        pending = desk.outbox_counts()
    status, second, _ = run(capsys, station, "sync", "import-results", str(answer))
    assert status == 0 and second["already_imported"] is True and second["changed"] == 0
    with as_user(Desk(station)) as desk:
        assert desk.outbox_counts() == pending != before
        assert desk.sync.parked() == []
    assert codes


def test_import_refuses_what_is_not_a_result_file(station, capsys, tmp_path) -> None:
    bad = tmp_path / "bad.gz"
    bad.write_bytes(b"not gzip, not json")
    status, _, err = run(capsys, station, "sync", "import-results", str(bad))
    assert status == 2 and "không phải tệp kết quả của máy chủ tỉnh (JSON nén gzip)" in err
    other = tmp_path / "other.json.gz"
    other.write_bytes(gzip.compress(b'{"hello": 1}'))
    status, _, err = run(capsys, station, "sync", "import-results", str(other))
    assert status == 2 and "không phải tệp kết quả của máy chủ tỉnh" in err
    assert "Traceback" not in err


def result_document(body: dict, results: list[dict], *, token: str = TOKEN,
                    **fields) -> dict:
    """A result file's document for an exported `body`, signed as the gateway signs it."""
    document = {"batch_id": body["batch_id"], "unit_code": body["unit_code"],
                "station_no": body["station_no"], "server_time": "2026-03-03T08:00:00+07:00",
                "results": results, **fields}
    return sign_result(document, token)


def write_result(path: Path, document: dict) -> Path:
    path.write_bytes(gzip.compress(json.dumps(document, ensure_ascii=False).encode()))
    return path


def export(station: Path, capsys, tmp_path: Path, dossiers: int = 3) -> dict:
    with as_user(Desk(station)) as desk:
        make_backlog(desk, dossiers, steps=1)
    out = tmp_path / "dong-bo.json.gz"
    assert run(capsys, station, "sync", "export", "--out", str(out))[0] == 0
    return read_batch_file(out, TOKEN)


def all_accepted(body: dict) -> list[dict]:
    return [{"event_id": e["event_id"], "status": "accepted"} for e in body["events"]]


def unchanged(station: Path) -> bool:
    """Every event still pending, no result file recorded, no import logged."""
    with as_user(Desk(station)) as desk:
        counts = desk.outbox_counts()
        files = desk.db.execute("SELECT count(*) FROM sync_result_files").fetchone()[0]
        imports = [e for e in desk.sync.log(100) if e["kind"] == "import"]
    return counts["delivered"] == counts["rejected"] == 0 and files == 0 and imports == []


def test_a_hand_made_result_file_that_marks_everything_accepted_changes_nothing(
        station, capsys, tmp_path) -> None:
    """Issue 9: such a file used to be imported, and those events were never sent."""
    body = export(station, capsys, tmp_path)
    forged = write_result(tmp_path / "forged.json.gz", {
        "batch_id": body["batch_id"], "server_time": "2026-03-03T08:00:00+07:00",
        "results": all_accepted(body)})
    status, output, err = run(capsys, station, "sync", "import-results", str(forged))
    assert (status, output) == (2, None)
    assert "không ghi đơn vị và số quầy" in err and "Không có gì thay đổi" in err
    assert unchanged(station)


@pytest.mark.parametrize("forgery, says", [
    ("unsigned", "không có chữ ký của máy chủ tỉnh"),
    ("batch_file_key", "Chữ ký của tệp kết quả không khớp với mã truy cập của quầy này"),
    ("another_token", "Chữ ký của tệp kết quả không khớp với mã truy cập của quầy này"),
    ("changed_after_signing", "Chữ ký của tệp kết quả không khớp với mã truy cập của quầy này"),
    ("another_station", "không dành cho quầy này: tệp ghi quầy số 3 của đơn vị 000.00.12.H56"),
    ("another_unit", "tệp ghi quầy số 2 của đơn vị 000.00.99.H56"),
    ("batch_not_exported", "quầy này chưa từng xuất lô đó"),
    ("other_events", "không khớp với 6 sự kiện quầy đã xuất trong lô đó"),
])
def test_a_result_file_must_be_this_stations_signed_answer_to_its_batch(
        station, capsys, tmp_path, forgery, says) -> None:
    body = export(station, capsys, tmp_path)
    results = all_accepted(body)
    document = result_document(body, results)
    if forgery == "unsigned":
        del document["signature"]
    elif forgery == "batch_file_key":
        document = sign_body({k: v for k, v in document.items() if k != "signature"}, TOKEN)
    elif forgery == "another_token":
        document = result_document(body, results, token="another-station-token")
    elif forgery == "changed_after_signing":
        document["results"] = [{**r, "status": "duplicate"} for r in results]
    elif forgery == "another_station":
        document = result_document({**body, "station_no": 3}, results)
    elif forgery == "another_unit":
        document = result_document({**body, "unit_code": "000.00.99.H56"}, results)
    elif forgery == "batch_not_exported":
        document = result_document({**body, "batch_id": "6f1c2a9e-0000-4000-8000-000000000000"},
                                   results)
    elif forgery == "other_events":
        document = result_document(body, results[:-1])
    path = write_result(tmp_path / "ket-qua.json.gz", document)
    status, output, err = run(capsys, station, "sync", "import-results", str(path))
    assert (status, output) == (2, None), err
    assert says in err and "Không có gì thay đổi" in err
    assert unchanged(station)
    # The gateway's real answer to that batch is then taken.
    real = write_result(tmp_path / "that.json.gz", result_document(body, results))
    status, output, _ = run(capsys, station, "sync", "import-results", str(real))
    assert status == 0 and output["delivered"] == 6


def test_import_needs_the_token_to_check_the_signature(station, capsys, tmp_path,
                                                       credential_store) -> None:
    body = export(station, capsys, tmp_path, dossiers=1)
    path = write_result(tmp_path / "ket-qua.json.gz", result_document(body, all_accepted(body)))
    credential_store.delete_password("intake-app", "000.00.12.H56/2")
    status, _, err = run(capsys, station, "sync", "import-results", str(path))
    assert status == 2 and "Chưa có mã truy cập của quầy" in err
    assert unchanged(station)


def test_export_needs_the_token(data_dir, capsys, tmp_path) -> None:
    status, _, err = run(capsys, data_dir, "sync", "export", "--out", str(tmp_path / "x.gz"))
    assert status == 2 and "Chưa có mã truy cập của quầy" in err
    assert not (tmp_path / "x.gz").exists()


def test_sync_log_tells_what_happened(station, capsys) -> None:
    status, entries, _ = run(capsys, station, "sync", "log", "--limit", "5")
    assert status == 0
    assert [e["kind"] for e in entries][:2] == ["token", "configure"]


@pytest.mark.parametrize("backend", ["fail", "refusing", "forgetful"])
def test_a_store_that_fails_or_forgets_counts_as_none(backend) -> None:
    from keyring.backend import KeyringBackend
    from keyring.backends import fail
    from keyring.errors import PasswordSetError

    from intake_app.station_keys import (
        CredentialStore,
        NoCredentialStore,
        credential_store_available,
    )
    from intake_app.sync.credentials import load_token, store_token

    class Refusing(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            raise PasswordSetError("locked")

        def delete_password(self, service, username):
            pass

    class Forgetful(Refusing):
        def set_password(self, service, username, password):
            pass  # accepts and drops it, like keyring's null backend

    chosen = {"fail": fail.Keyring, "refusing": Refusing, "forgetful": Forgetful}[backend]()
    previous = keyring.get_keyring()
    keyring.set_keyring(chosen)
    try:
        with pytest.raises(NoCredentialStore) as caught:
            store_token(CredentialStore(), "000.00.12.H56", 2, "secret-token")
        assert "không thể giữ khóa và mã truy cập" in caught.value.vi
        assert load_token(CredentialStore(), "000.00.12.H56", 2) is None
        assert credential_store_available() is (backend != "fail")
    finally:
        keyring.set_keyring(previous)

"""Moving a station to a new PC (issue 13.5): export on one PC, import on another, end to end.

Two data folders and two separate credential stores (the old PC's and the new PC's), the real
command line; the station file is read back byte by byte for anything personal.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import keyring
import pytest
from conftest import ADMIN, SUPERVISOR, UNIT, acting, as_user, intake_request, run_cli
from keyring_double import SharedTestKeyring
from station_db import open_db

from intake_app.desk import Desk
from intake_app.station_keys import format_recovery_key
from intake_app.store.db import DATABASE_FILE

CITIZENS = [("Hoàng Thị Xuân Mai", "046095009871", "0987654321"),
            ("Đặng Quốc Bảo", "046095001122", "0905111222"),
            ("Vũ Minh Khôi", "046095003344", "0977333444")]


def stamp(desk: Desk, name: str, id_number: str, phone: str) -> str:
    request = intake_request()
    request["applicant"] = {**request["applicant"], "name": name, "id_number": id_number,
                            "phone": phone}
    return desk.receive(request).dossier.code


@pytest.fixture
def new_pc(tmp_path):
    """Switch to another PC's credential store (empty) for the `with` block."""
    from contextlib import contextmanager

    @contextmanager
    def switch():
        old = keyring.get_keyring()
        store = SharedTestKeyring(tmp_path / "new-pc-credentials.json")
        store.clear()
        keyring.set_keyring(store)
        try:
            yield store
        finally:
            keyring.set_keyring(old)

    return switch


def test_a_station_moves_to_a_new_pc(capsys, data_dir, tmp_path, monkeypatch, new_pc):
    with as_user(Desk(data_dir)) as desk:
        codes = [stamp(desk, *citizen) for citizen in CITIZENS]
        with acting(desk, ADMIN):
            desk.sync.configure("https://motcua.tinh.gov.vn")
        with acting(desk, ADMIN):
            desk.sync.set_token("the-station-token-123")
        desk.set_setting("contact_phone", "0233 3888 999")
        recovery = desk.keys.recovery_key
        receipts = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                    for p in (data_dir / "receipts").rglob("*.pdf")}
    assert len(receipts) == 3
    out = tmp_path / "usb" / "quay-2.intake-station"
    out.parent.mkdir()

    status, exported, err = run_cli(capsys, data_dir, "station", "export", "--out", str(out),
                                    user=ADMIN)
    assert status == 0, err
    assert exported["dossiers"] == 3 and exported["receipts"] == 3
    assert exported["this_pc_stops_stamping"]
    content = out.read_bytes()
    for name, id_number, phone in CITIZENS:  # nothing personal readable in the file
        for secret in (name, id_number, phone):
            assert secret.encode("utf-8") not in content
    assert b"the-station-token-123" not in content and b"%PDF" not in content

    # The old PC no longer stamps (the same codes must never come from two PCs).
    status, _, err = run_cli(capsys, data_dir, "receive", "--json", "-", stdin=json.dumps(
        intake_request()), monkeypatch=monkeypatch)
    assert status == 3 and "chuyển sang máy khác" in err

    with new_pc() as store:
        target = tmp_path / "new-pc" / "data"
        wrong = format_recovery_key(bytes(range(16)))  # well formed, another station's
        status, _, err = run_cli(capsys, target, "station", "import", str(out),
                                 stdin=wrong + "\n", monkeypatch=monkeypatch, user=ADMIN)
        assert status == 2 and "không mở được tệp chuyển quầy" in err
        assert not (target / DATABASE_FILE).exists()  # a wrong key: nothing written
        status, imported, err = run_cli(capsys, target, "station", "import", str(out),
                                        stdin=recovery + "\n", monkeypatch=monkeypatch, user=ADMIN)
        assert status == 0, err
        assert imported["dossiers"] == 3 and imported["next"] == ["intake-app sync set-token"]
        assert any(name.startswith("station-keys/") for _, name in store.passwords)
        assert not (target / "station-keys.unprotected.json").exists()
        assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in (target / "receipts").rglob("*.pdf")} == receipts
        with as_user(Desk(target)) as desk:
            assert [d.code for d in desk.find("hoang thi xuan mai")] == [codes[0]]
            assert desk.setting("contact_phone") == "0233 3888 999"
            assert desk.sync.config().gateway_url == "https://motcua.tinh.gov.vn"
            assert not desk.sync.has_token()  # secrets are entered again
            assert as_user(desk, SUPERVISOR).audit.verify().ok
            assert desk.ledger.verify() == []
            assert stamp(desk, "Ngô Thị Lan", "046095007788", "0911222333") == \
                codes[-1][:-3] + "004"
        status, keys, _ = run_cli(capsys, target, "keys", "status")
        assert keys["keys_kept_in"] == "credential-store"
    status, reopened, _ = run_cli(capsys, data_dir, "station", "reopen", user=ADMIN)
    assert status == 0 and reopened == {"reopened": True}


def test_a_cut_or_edited_station_file_is_refused(data_dir, tmp_path):
    from intake_app.services.station_move import export_station, import_station
    from intake_app.store.sealed_file import SealedFileRefused

    with as_user(Desk(data_dir)) as desk:
        stamp(desk, *CITIZENS[0])
        with acting(desk, ADMIN):
            out = export_station(desk, tmp_path / "s.intake-station", keep_working=True).file
        recovery = desk.keys.recovery_key
    whole = out.read_bytes()
    for name, broken in (("cut", whole[:-100]),
                         ("edited", whole[:5000] + bytes([whole[5000] ^ 1]) + whole[5001:])):
        bad = tmp_path / f"{name}.intake-station"
        bad.write_bytes(broken)
        target = tmp_path / name
        with pytest.raises(SealedFileRefused):
            import_station(target, bad, recovery)
        assert not (target / DATABASE_FILE).exists() and not (target / "receipts").exists()


def test_an_import_never_goes_over_a_station(data_dir, tmp_path):
    from intake_app.services.station_move import ImportRefused, export_station, import_station

    with as_user(Desk(data_dir)) as desk:
        with acting(desk, ADMIN):
            out = export_station(desk, tmp_path / "s.intake-station", keep_working=True).file
        recovery = desk.keys.recovery_key
    with pytest.raises(ImportRefused):
        import_station(data_dir, out, recovery)
    with open_db(data_dir / DATABASE_FILE) as conn:
        assert conn.execute("SELECT count(*) FROM station_restores").fetchone() == (0,)
    assert UNIT["station_no"] == 2
    assert Path(out).stat().st_size > 0

"""Restores that never reissue a code (issue 13.4), and the high-water file behind them.

The scenarios that failed before: an older backup restored and a stamp after it (the next code
was `…-2001` again and overwrote the first citizen's receipt); the WAL deleted after a crash;
a restore while an old `-wal` file lay beside the database (permanently malformed). Real data
folders, real child processes killed with SIGKILL, the real command line and the real gateway.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import (
    ADMIN,
    SUPERVISOR,
    UNIT,
    FakeClock,
    acting,
    as_user,
    at,
    intake_request,
    run_cli,
    set_up_accounts,
)
from station_db import open_db, station_key

from intake_app.desk import Desk
from intake_app.services.restore import StationInUse, restore_station
from intake_app.store import backup as files
from intake_app.store import high_water
from intake_app.store.db import DATABASE_FILE

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).with_name("crash_child.py")
MORNING = at("2026-03-02 08:00")


def stamp(desk: Desk, name: str = "Nguyễn Văn Đức") -> str:
    request = intake_request()
    request["applicant"] = {**request["applicant"], "name": name}
    return desk.receive(request).dossier.code


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def gaps(data_dir: Path) -> list[tuple]:
    with open_db(data_dir / DATABASE_FILE) as conn:
        return conn.execute("SELECT day_key, first_seq, last_seq, reason FROM code_gaps "
                            "ORDER BY id").fetchall()


def codes_in(data_dir: Path) -> list[str]:
    with open_db(data_dir / DATABASE_FILE) as conn:
        return [r[0] for r in conn.execute("SELECT code FROM dossiers ORDER BY id")]


def test_an_older_backup_restored_then_a_stamp_reuses_no_code(capsys, data_dir, tmp_path):
    clock = FakeClock(MORNING)
    with as_user(Desk(data_dir, clock=clock)) as desk:
        early = [stamp(desk) for _ in range(2)]
        with acting(desk, ADMIN):
            backup = desk.backups.make(kind="daily").path
        clock.advance(minutes=30)
        later = [stamp(desk, "Trần Thị Bích"), stamp(desk, "Lê Văn Cường")]
        receipts = {code: desk.receipt_path(desk.receipt(code)) for code in later}
    before = {code: sha(path) for code, path in receipts.items()}
    copy = tmp_path / "usb" / backup.name
    copy.parent.mkdir()
    copy.write_bytes(backup.read_bytes())

    status, result, err = run_cli(capsys, data_dir, "restore", str(copy), "--offline", user=ADMIN)
    assert status == 0, err
    assert result["dossiers"] == 2 and codes_in(data_dir) == early
    aside = Path(result["old_files_set_aside_in"])
    assert aside.parent == data_dir / "set-aside" and (aside / DATABASE_FILE).exists()
    assert result["codes"]["highest"] == {"260302": 4}
    missing = {m["code"]: m for m in result["missing"]}
    assert set(missing) == set(later)
    assert missing[later[0]]["applicant"] == "Trần Thị Bích"
    assert set(missing[later[0]]["evidence"]) == {"receipt", "high-water", "set-aside"}

    with as_user(Desk(data_dir, clock=clock)) as desk:
        clock.advance(minutes=5)
        after = stamp(desk, "Phạm Thị Dung")
    assert after == f"{UNIT['unit_code']}-260302-2005"  # above the codes citizens hold
    assert {code: sha(path) for code, path in receipts.items()} == before  # not overwritten
    assert gaps(data_dir) == [("260302", 3, 4, "restored")]  # the gap, explained

    status, report, _ = run_cli(capsys, data_dir, "restore", "--report", "--offline", user=ADMIN)
    assert status == 0 and [m["code"] for m in report["missing"]] == later
    assert report["missing"][1]["applicant"] == "Lê Văn Cường"
    assert report["missing"][1]["gap"] == "restored"


def run_child_until_killed(data_dir: Path, count: int, *extra: str) -> list[str]:
    """A clerk's process stamps `count` dossiers, then is killed with SIGKILL; the codes it
    was told were stamped."""
    child = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), *extra],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout.readline().strip() == "READY"
        printed = [child.stdout.readline().split()[0] for _ in range(count)]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    return printed


def test_the_wal_deleted_after_a_crash_reuses_no_code(data_dir):
    with as_user(Desk(data_dir)) as desk:  # a checkpointed start: the WAL holds only what follows
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    printed = run_child_until_killed(data_dir, 12, "--no-pdf")
    wal = data_dir / (DATABASE_FILE + "-wal")
    assert wal.stat().st_size > 0  # the crash left the last stamps only in the WAL
    wal.unlink()
    (data_dir / (DATABASE_FILE + "-shm")).unlink(missing_ok=True)

    with as_user(Desk(data_dir)) as desk:
        kept = set(codes_in(data_dir))
        assert not set(printed) <= kept  # recent data really lost
        code = stamp(desk)
    assert code not in printed and code > max(printed)
    day = printed[0].split("-")[1]
    first_lost = min(int(c[-3:]) for c in printed if c not in kept)
    assert gaps(data_dir)[-1][0::3] == (day, "lost")
    assert gaps(data_dir)[-1][1] == first_lost


def test_a_restore_with_a_stale_wal_beside_the_database(capsys, data_dir, tmp_path):
    with as_user(Desk(data_dir)) as desk:
        with acting(desk, ADMIN):
            backup = desk.backups.make(kind="daily", out=tmp_path / "before.intake-backup").path
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    printed = run_child_until_killed(data_dir, 6, "--no-pdf")
    wal = data_dir / (DATABASE_FILE + "-wal")
    assert wal.stat().st_size > 0  # the old WAL, with frames of the database it belongs to

    status, result, err = run_cli(capsys, data_dir, "restore", str(backup), "--offline", user=ADMIN)
    assert status == 0, err
    assert not wal.exists() or wal.stat().st_size == 0
    with open_db(data_dir / DATABASE_FILE) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM dossiers").fetchone()[0] == 0
    # the old database, its WAL folded in, is whole in the set-aside folder
    aside = Path(result["old_files_set_aside_in"]) / DATABASE_FILE
    with open_db(aside, key=station_key(data_dir)) as conn:  # set aside still encrypted
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert {r[0] for r in conn.execute("SELECT code FROM dossiers")} >= set(printed)
    with as_user(Desk(data_dir)) as desk:
        assert stamp(desk) > max(printed)


def test_a_restore_is_refused_while_the_station_is_open(data_dir, tmp_path):
    with as_user(Desk(data_dir)) as desk:
        with acting(desk, ADMIN):
            backup = desk.backups.make(kind="daily", out=tmp_path / "b.intake-backup").path
        stamp(desk)
    child = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), "--wait-go",
                              "--count", "1", "--no-pdf"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout.readline().strip() == "READY"  # its desk is open, waiting
        before = sha(data_dir / DATABASE_FILE)
        with pytest.raises(StationInUse) as refused:
            restore_station(data_dir, backup, ask_province=False)
        assert refused.value.exit_code == 3 and "đang được mở" in refused.value.message
        assert sha(data_dir / DATABASE_FILE) == before
        assert not (data_dir / "set-aside").exists()
    finally:
        child.kill()
        child.wait()


def test_a_backup_of_another_station_or_a_newer_version_is_refused(data_dir, tmp_path):
    from intake_app.services.restore import BackupRefused

    with Desk(data_dir) as desk, acting(desk, ADMIN):
        backup = desk.backups.make(kind="daily", out=tmp_path / "ours.intake-backup").path
    manifest = files.read_manifest(backup)
    with zipfile.ZipFile(backup) as archive:
        database = tmp_path / "db"
        database.write_bytes(archive.read(files.DATABASE_MEMBER))
    newer = tmp_path / "newer.intake-backup"
    files.write_archive(newer, {**manifest, "migrations": [*manifest["migrations"],
                                                           "0099_future"]}, database, None)
    with pytest.raises(BackupRefused) as refused:
        restore_station(data_dir, newer, ask_province=False)
    assert "phiên bản mới hơn" in refused.value.message

    other = tmp_path / "other"
    with Desk(other) as desk:
        desk.init_station(**{**UNIT, "station_no": 3})
        set_up_accounts(desk)
        as_user(desk)
    with pytest.raises(BackupRefused) as refused:
        restore_station(other, backup, ask_province=False)
    assert "quầy số 2" in refused.value.message and "quầy số 3" in refused.value.message
    assert not (other / "set-aside").exists()


@pytest.fixture
def gateway(tmp_path):
    """The project's real gateway (SQLite) on loopback, with a token for station 2."""
    gateway_dir = ROOT / "gateway"
    if str(gateway_dir) not in sys.path:
        sys.path.insert(0, str(gateway_dir))
    from intake_gateway.app import create_app
    from intake_gateway.store import open_store
    from tests.gateway_testing import serve_in_thread

    url = f"sqlite:///{tmp_path}/gateway.sqlite3"
    store = open_store(url)
    token = store.issue_token(UNIT["unit_code"], UNIT["station_no"])
    with serve_in_thread(create_app(url)) as base_url:
        yield base_url, token
    store.close()


def test_a_new_pc_restores_with_the_recovery_key_and_the_province_s_codes(
        capsys, data_dir, tmp_path, station_credentials, monkeypatch, gateway):
    """A fresh folder, an empty credential store: the recovery key opens the backup; the
    province's summary (once the token is entered again) says which codes were handed out
    after it, and the station continues above them."""
    url, token = gateway  # the gateway's server_time is now: the station's clock too
    with as_user(Desk(data_dir)) as desk:
        with acting(desk, ADMIN):
            desk.sync.configure(url)
        with acting(desk, ADMIN):
            desk.sync.set_token(token)
        stamp(desk)
        with acting(desk, ADMIN):
            backup = desk.backups.make(kind="daily", out=tmp_path / "b.intake-backup").path
        recovery = desk.keys.recovery_key
        later = [stamp(desk) for _ in range(3)]
        assert desk.sync.run().ok  # the province holds all four
    assert later[-1].endswith("2004")
    today = later[-1].split("-")[1]

    station_credentials.clear()  # the new PC: nothing of this station in its store
    new_folder = tmp_path / "new-pc"
    status, result, err = run_cli(capsys, new_folder, "restore", str(backup),
                                  stdin=recovery + "\n", monkeypatch=monkeypatch, user=ADMIN)
    assert status == 0, err
    assert result["dossiers"] == 1 and result["codes"]["province_asked"] is False
    assert not (new_folder / "station-keys.unprotected.json").exists()

    status, _, err = run_cli(capsys, new_folder, "sync", "set-token", stdin=token + "\n",
                             monkeypatch=monkeypatch, user=ADMIN)
    assert status == 0, err
    status, report, _ = run_cli(capsys, new_folder, "restore", "--report", user=ADMIN)
    assert report["codes"]["province"] == {today: 4}
    assert [m["code"] for m in report["missing"]] == later
    assert all(m["evidence"] == ["province"] for m in report["missing"])
    with as_user(Desk(new_folder)) as desk:
        assert stamp(desk) == f"{UNIT['unit_code']}-{today}-2005"
        assert as_user(desk, SUPERVISOR).audit.verify().ok  # the audit key came back too


def test_a_sync_after_a_restore_learns_the_province_s_codes(data_dir, tmp_path, gateway,
                                                          station_credentials):
    url, token = gateway  # the gateway's server_time is now: the station's clock too
    with as_user(Desk(data_dir)) as desk:
        with acting(desk, ADMIN):
            desk.sync.configure(url)
        with acting(desk, ADMIN):
            desk.sync.set_token(token)
        with acting(desk, ADMIN):
            backup = desk.backups.make(kind="daily", out=tmp_path / "b.intake-backup").path
        [stamp(desk) for _ in range(2)]
        assert desk.sync.run().ok
    fresh = tmp_path / "another-folder"  # nothing local survives: no receipt, no mark…
    result = restore_station(fresh, backup, ask_province=False)  # …and offline
    assert result.missing == []
    with as_user(Desk(fresh)) as desk:
        assert desk.sync.run().ok  # the next sync asks the province
        assert stamp(desk).endswith("2003")


def test_a_failed_high_water_write_never_stops_a_stamp(make_desk, monkeypatch, caplog):
    desk = make_desk(FakeClock(MORNING))
    first = stamp(desk)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(high_water, "write", full_disk)
    second = stamp(desk)  # saved all the same
    assert second.endswith("2002") and desk.high_water_problem is not None
    assert "high-water" in caplog.text
    monkeypatch.undo()
    desk.catch_up_high_water()
    mark = high_water.read(desk.data_dir, UNIT["unit_code"], UNIT["station_no"])
    assert mark.day("260302") == 2 and first.endswith("2001")


def test_a_stamp_cut_off_before_its_commit_leaves_no_mark_and_no_gap(make_desk, monkeypatch):
    from intake_app.store import dossiers

    desk = make_desk(FakeClock(MORNING))
    stamp(desk)
    real_insert = dossiers.insert_dossier

    def power_cut(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(dossiers, "insert_dossier", power_cut)
    with pytest.raises(OSError):
        stamp(desk)
    assert high_water.read(desk.data_dir, UNIT["unit_code"], UNIT["station_no"]).day(
        "260302") == 1
    monkeypatch.setattr(dossiers, "insert_dossier", real_insert)
    assert stamp(desk).endswith("2002")  # the numbering stays 001, 002, … without a gap
    assert gaps(desk.data_dir) == []


def test_the_mark_is_on_disk_before_the_clerk_is_told_or_the_receipt_printed(make_desk,
                                                                            monkeypatch):
    desk = make_desk(FakeClock(MORNING))
    seen = []
    real_write = desk.write_receipt

    def printing(receipt):
        with open_db(desk.data_dir / DATABASE_FILE) as conn:  # committed already
            saved = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        seen.append((saved, json.loads(high_water.path_of(desk.data_dir).read_text())))
        return real_write(receipt)

    monkeypatch.setattr(desk, "write_receipt", printing)
    stamp(desk)
    assert seen[0][0] == 1
    assert seen[0][1]["days"] == {"260302": 1} and seen[0][1]["books"] == {"02/2026": 1}
    assert oct(os.stat(high_water.path_of(desk.data_dir)).st_mode & 0o777) == "0o600"


def test_two_counters_stamping_at_once_never_lower_the_mark(data_dir):
    """Two processes raise the mark after their commits, under the write lock: the file ends
    at the highest code either of them was told."""
    children = [subprocess.Popen([sys.executable, str(CHILD), str(data_dir), "--no-pdf",
                                  "--count", "25", "--tag", tag], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, cwd=ROOT) for tag in "AB"]
    printed = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        printed += [line.split()[0] for line in out.splitlines() if line != "READY"]
    day = printed[0].split("-")[1]
    mark = high_water.read(data_dir, UNIT["unit_code"], UNIT["station_no"])
    assert mark.day(day) == max(int(code[-3:]) for code in printed) == 50

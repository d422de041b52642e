"""Backups (issue 13.3): consistent, checked, listed, rotated, and a failure shown until fixed.

Real files and real processes: the backups are made from a live station while another process
stamps, opened again with SQLCipher and the station's key (plain sqlite3 cannot read them) and
checked.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import ADMIN, FakeClock, acting, as_user, at, intake_request, run_cli
from station_db import open_db, station_key

from intake_app.desk import Desk
from intake_app.services.backups import BackupFailed, backup_before_upgrade
from intake_app.station_keys import unseal_keys_file
from intake_app.store import backup as files
from intake_app.store.db import DATABASE_FILE, known_migrations

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).with_name("crash_child.py")


def unpack_backup(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / f"unpacked-{path.stem}.sqlite3"
    with zipfile.ZipFile(path) as archive, archive.open(files.DATABASE_MEMBER) as source:
        target.write_bytes(source.read())
    return target


def open_backup(path: Path, tmp_path: Path, key: bytes):
    """The database inside a backup file, unpacked and opened with the station's key."""
    return open_db(unpack_backup(path, tmp_path), key=key)


def test_backup_command_writes_a_checked_file_and_lists_it(capsys, data_dir, tmp_path):
    with as_user(Desk(data_dir, clock=FakeClock(at("2026-03-02 09:00")))) as desk:
        codes = [desk.receive(intake_request()).dossier.code for _ in range(3)]

    status, made, _ = run_cli(capsys, data_dir, "backup", user=ADMIN)
    assert status == 0 and made["verified"] and made["dossiers"] == 3
    path = Path(made["file"])
    assert path.parent.parent == data_dir.with_name("station-backups")  # beside, not inside
    assert path.name.endswith("-manual.intake-backup") and "000.00.12.H56-quay-2" in path.name
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["intake.sqlite3", "manifest.json",
                                              "station-keys.json"]
        manifest = json.loads(archive.read("manifest.json"))
        assert not any(name.endswith("unprotected.json") for name in archive.namelist())
    assert manifest["dossiers"] == 3 and manifest["last_code"] == codes[-1]
    assert manifest["schema"] == known_migrations()[-1] and "0010_backups_it" in \
        manifest["migrations"]
    conn = open_backup(path, tmp_path, station_key(data_dir))
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert [r[0] for r in conn.execute("SELECT code FROM dossiers ORDER BY id")] == codes
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one whole file
    # Encrypted: plain SQLite cannot read it, and the recovery key alone (with the sealed
    # keys packed beside it) opens it on a PC that never had this station's keys.
    plain = sqlite3.connect(unpack_backup(path, tmp_path))
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT count(*) FROM dossiers")
    plain.close()
    unpacked = tmp_path / "sealed"
    unpacked.mkdir()
    with zipfile.ZipFile(path) as archive:
        archive.extract("station-keys.json", unpacked)
    with Desk(data_dir) as desk:
        recovery = desk.keys.recovery_key
    _id, key, _audit = unseal_keys_file(unpacked, recovery)
    assert open_backup(path, tmp_path, key).execute("SELECT count(*) FROM dossiers"
                                                     ).fetchone() == (3,)

    status, listing, _ = run_cli(capsys, data_dir, "backup", "list")
    assert status == 0
    assert [b["file"] for b in listing["backups"]] == [str(path)]
    entry = listing["backups"][0]
    assert entry["dossiers"] == 3 and entry["size"] == path.stat().st_size
    assert entry["size_text"].endswith("KB") and entry["kind_label"] == "theo yêu cầu"
    assert listing["place_is_default"] and listing["same_disk"]
    assert listing["last_good"]["path"] == str(path) and listing["failing"] is None

    status, check, _ = run_cli(capsys, data_dir, "backup", "verify", str(path), user=ADMIN)
    assert status == 0 and check["ok"] and check["integrity"] == ["ok"]


def test_backup_out_never_replaces_a_file_or_writes_into_the_data_folder(capsys, data_dir,
                                                                          tmp_path):
    existing = tmp_path / "copy.intake-backup"
    existing.write_bytes(b"someone's file")
    status, _, err = run_cli(capsys, data_dir, "backup", "--out", str(existing), user=ADMIN)
    assert status == 2 and "đã có" in err and "--force" in err
    assert existing.read_bytes() == b"someone's file"
    status, made, _ = run_cli(capsys, data_dir, "backup", "--out", str(existing), "--force",
                              user=ADMIN)
    assert status == 0 and files.read_manifest(existing)["kind"] == "manual"
    status, _, err = run_cli(capsys, data_dir, "backup", "--out", str(data_dir / "x.bak"),
                             user=ADMIN)
    assert status == 2 and "thư mục dữ liệu" in err
    assert not (data_dir / "x.bak").exists()
    _, made, _ = run_cli(capsys, data_dir, "backup", user=ADMIN)
    kept = Path(made["file"]).parent  # nor among the backups the rotation keeps
    status, _, err = run_cli(capsys, data_dir, "backup", "--out", str(kept / "x.bak"), user=ADMIN)
    assert status == 2 and not (kept / "x.bak").exists()


def test_backup_while_another_process_stamps(data_dir, tmp_path):
    """The backup opens, passes integrity_check and holds every dossier committed before it
    began, while a second process goes on stamping."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), "--no-pdf"], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout.readline().strip() == "READY"
        printed = [child.stdout.readline().split()[0] for _ in range(15)]
        with Desk(data_dir) as desk, acting(desk, ADMIN):
            info = desk.backups.make(kind="manual")
        conn = open_backup(info.path, tmp_path, desk.keys.database_key)
        held = {r[0] for r in conn.execute("SELECT code FROM dossiers")}
        later = None
        for _ in range(5000):  # the child went on stamping through and after the backup
            code = child.stdout.readline().split()[0]
            if code not in held:
                later = code
                break
    finally:
        child.kill()
        child.wait()
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert set(printed) <= held  # committed before the backup began
    assert len(held) == info.dossiers
    assert later is not None  # stamped after it began: not in it, and nothing was blocked
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == len(held)


def backup_file(folder: Path, made: str, kind: str = "daily", unit: str = "000.00.12.H56",
                station: int = 2, content: bytes = b"not really a database") -> Path:
    """A backup file with its manifest (the rotation reads only the manifests)."""
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "payload.bin"
    database.write_bytes(content)
    stamp = made[:19].replace("-", "").replace(":", "").replace("T", "-")
    path = folder / f"{unit}-quay-{station}-{stamp}-{kind}{files.SUFFIX}"
    files.write_archive(path, {"format": files.FORMAT, "kind": kind, "made_at": made,
                               "unit_code": unit, "station_no": station, "dossiers": 1},
                        database, None)
    database.unlink()
    return path


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_nothing_else(make_desk):
    desk = make_desk(FakeClock(at("2026-03-02 09:00")))
    folder = desk.backups.folder()
    start = at("2025-01-01 17:30")
    made = {}
    for day in range(0, 425, 1):
        moment = start + timedelta(days=day)
        made[backup_file(folder, moment.isoformat(), "exit")] = moment
    upgrade = [backup_file(folder, (start + timedelta(days=d, hours=1)).isoformat(),
                           "pre-upgrade") for d in (10, 20, 30, 40)]
    other_station = backup_file(folder, start.isoformat(), "daily", station=3)
    stranger = folder / "ghi-chu.txt"
    stranger.write_text("không phải bản sao lưu", encoding="utf-8")

    removed = set(desk.backups.rotate())
    kept = {p for p in made if p.exists()}
    newest = sorted(made, key=made.get, reverse=True)
    assert set(newest[:7]) <= kept  # the last seven days
    months = {(made[p].year, made[p].month) for p in kept}
    assert len(months) == 12 and (2026, 2) in months  # twelve months back from 2026-02-28
    weeks = {tuple(made[p].isocalendar())[:2] for p in kept}
    recent_weeks = {tuple((made[newest[0]] - timedelta(weeks=w)).isocalendar())[:2]
                    for w in range(4)}
    assert recent_weeks <= weeks
    # 22–28/2 (7 days); 15/2 and 8/2 (the weeks not among them); the ends of the 11 months
    # before February: 20 backups out of 425.
    assert len(kept) == 20
    assert removed == (set(made) - kept) | {upgrade[0]}
    assert upgrade[0] not in kept and not upgrade[0].exists()  # only the last 3 kept
    assert all(p.exists() for p in upgrade[1:])
    assert other_station.exists() and stranger.exists()  # never touched


def test_a_missing_usb_stick_is_said_until_a_backup_works(make_desk, tmp_path):
    clock = FakeClock(at("2026-03-02 09:00"))
    desk = make_desk(clock, user=ADMIN)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert desk.backups.set_place(usb) == usb
    assert not desk.backups.status().same_disk or True  # tmp may share a disk: not asserted
    usb.rmdir()  # the stick was pulled out
    with pytest.raises(BackupFailed) as failure, acting(desk, ADMIN):
        desk.backups.make(kind="daily")
    assert "ổ USB" in failure.value.message and str(usb) in failure.value.message
    status = desk.backups.status()
    assert status.failing is not None and status.failing.error == failure.value.message
    assert desk.backups.due()
    clock.advance(hours=1)
    usb.mkdir()  # plugged in again
    info = desk.backups.run_if_due("daily")
    assert info is not None and info.path.parent.parent == usb
    assert desk.backups.status().failing is None
    assert not desk.backups.due()  # one today, nothing written since


def test_a_backup_place_must_exist_and_be_outside_the_data_folder(desk, tmp_path):
    from intake_app.services.backups import BackupPlaceRefused

    with pytest.raises(BackupPlaceRefused), acting(desk, ADMIN):
        desk.backups.set_place(tmp_path / "nowhere")
    with pytest.raises(BackupPlaceRefused), acting(desk, ADMIN):
        desk.backups.set_place(desk.data_dir / "logs")
    assert desk.backups.status().place_is_default


def test_due_once_a_day_when_something_changed(make_desk):
    clock = FakeClock(at("2026-03-02 09:00"))
    desk = make_desk(clock)
    assert desk.backups.due()  # never backed up
    with acting(desk, ADMIN):
        desk.backups.make(kind="start")
    assert not desk.backups.due()
    clock.advance(days=1)
    assert not desk.backups.due()  # a new day, but nothing written since
    desk.receive(intake_request())
    assert desk.backups.changed_since_last() and desk.backups.due()


def test_a_damaged_database_gives_no_backup_and_keeps_the_good_ones(make_desk, data_dir):
    desk = make_desk(FakeClock(at("2026-03-02 09:00")))
    for _ in range(30):
        desk.receive(intake_request())
    with acting(desk, ADMIN):
        good = desk.backups.make(kind="daily")
    desk.close()
    # Damage a page of the dossiers' table (as a failing disk would).
    conn = open_db(data_dir)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'dossiers'"
                        ).fetchone()[0]
    size = int(conn.execute("PRAGMA page_size").fetchone()[0])  # SQLCipher: text
    conn.close()
    with open(data_dir / DATABASE_FILE, "r+b") as handle:
        handle.seek((page - 1) * size)  # the b-tree page's header: its type and cell count
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff")
    again = make_desk(FakeClock(at("2026-03-03 09:00")))
    with pytest.raises(BackupFailed) as failure, acting(again, ADMIN):
        again.backups.make(kind="daily")
    assert "toàn vẹn" in failure.value.message or "không đọc được" in failure.value.message.lower()
    assert good.path.exists() and len(again.backups.listing()) == 1


def test_backup_before_upgrade_falls_back_beside_the_data_folder(data_dir, tmp_path):
    with as_user(Desk(data_dir)) as desk:
        usb = tmp_path / "usb"
        usb.mkdir()
        with acting(desk, ADMIN):
            desk.backups.set_place(usb)
        key_id, key = desk.keys.key_id, desk.keys.database_key
    usb.rmdir()
    info = backup_before_upgrade(data_dir, key, key_id, at("2026-03-02 09:00"), ["0011_x"])
    assert info is not None and info.kind == "pre-upgrade"
    assert info.path.parent.parent == data_dir.with_name("station-backups")

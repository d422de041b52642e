"""Damage is found before it spreads (issue 9.4), and every storage failure reads as one
Vietnamese sentence with exit code 4, no traceback, and the details in the log file.

Through the real command line, as a separate process where the failure is the machine's
(a damaged page, a read-only mount, a full file system), in-process where a test must hold
a lock or shorten the wait.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    TEST_PASSWORD,
    UNIT,
    as_user,
    cli_process,
    intake_request,
    rows,
    set_up_accounts,
    window_log_in,
)
from conftest import run_cli as run
from station_db import DatabaseError, btree_pages, open_db, station_key

from intake_app.desk import Desk
from intake_app.logs import log_path
from intake_app.store import db as store_db
from intake_app.store.db import DATABASE_FILE, known_migrations

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def request_file(tmp_path: Path) -> Path:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(intake_request(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def real_station(tmp_path_factory) -> Path:
    """A station that has stamped 60 dossiers through the command line (closed cleanly: no
    -wal left), to be copied by each test that damages it."""
    folder = tmp_path_factory.mktemp("real") / "station"
    with Desk(folder) as desk:
        desk.init_station(**UNIT)
        set_up_accounts(desk)
        as_user(desk)
    request = request_file(folder.parent)
    for _ in range(3):
        done = cli_process(folder, "receive", "--json", str(request))
        assert done.returncode == 0, done.stderr
    with as_user(Desk(folder)) as desk:  # 57 more the quick way (no receipts needed here)
        desk.write_receipt = lambda receipt: receipt  # type: ignore[method-assign]
        for _ in range(57):
            desk.receive(intake_request())
    assert not Path(f"{folder / DATABASE_FILE}-wal").exists()
    return folder


def copy_of(station: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(station, copy)
    return copy


def pages_of(database: Path, *tables: str, kinds: tuple[str, ...] = ("leaf", "internal")
             ) -> list[int]:
    """The pages of the tables' b-trees (decrypted with the station's key to find them)."""
    key = station_key(database.parent)
    return sorted(page for table in tables for kind, pages in
                  btree_pages(database, key, table).items() if kind in kinds
                  for page in pages)


def overwrite(database: Path, pages: list[int], content: bytes | None = None) -> None:
    with open(database, "r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * PAGE)
            handle.write(content if content is not None else os.urandom(PAGE))


def assert_told(done, code: int, *words: str) -> None:
    assert done.returncode == code, (done.returncode, done.stderr)
    assert done.stderr.startswith("intake-app: "), done.stderr
    assert "Traceback" not in done.stderr and "sqlite3." not in done.stderr
    for word in words:
        assert word in done.stderr, (word, done.stderr)


# ---- a damaged page ----------------------------------------------------------------------------

def test_a_damaged_page_is_found_and_nothing_is_stamped_into_the_file(real_station, tmp_path):
    folder = copy_of(real_station, tmp_path)
    database = folder / DATABASE_FILE
    leaves = pages_of(database, "dossiers", kinds=("leaf",))
    overwrite(database, [leaves[len(leaves) // 2]])  # garbage over a b-tree page in the middle
    before = digest(database)

    done = cli_process(folder, "receive", "--json", str(request_file(tmp_path)))
    assert_told(done, 4, "bị hỏng", str(database), "bản sao lưu", "intake.sqlite3-wal",
                "công nghệ thông tin")
    assert done.stdout == ""
    assert digest(database) == before  # nothing new written into the damaged file
    assert "check of" in log_path(folder).read_text(encoding="utf-8")  # SQLite's words, for IT

    checked = cli_process(folder, "check")
    assert_told(checked, 4, "bị hỏng")
    assert json.loads(checked.stdout)["ok"] is False
    # An undamaged copy of the same station keeps stamping.
    sound = shutil.copytree(real_station, tmp_path / "sound")
    assert cli_process(sound, "receive", "--json", str(request_file(tmp_path))).returncode == 0


def test_the_window_says_the_file_is_damaged_and_refuses_to_stamp(real_station, tmp_path, qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from intake_app.ui import app as app_module

    folder = copy_of(real_station, tmp_path)
    database = folder / DATABASE_FILE
    leaves = pages_of(database, "outbox", kinds=("leaf",))
    overwrite(database, [leaves[len(leaves) // 2]])
    before = digest(database)
    window = app_module.start(QApplication.instance(), folder, lazy=False)
    qtbot.addWidget(window)
    window_log_in(window)
    assert window.isVisible()  # the window opens: finding and reading still work
    qtbot.waitUntil(lambda: any(
        "bị hỏng" in box.text() for box in window.findChildren(QMessageBox) if box.isVisible()),
        timeout=10_000)
    # The window's check is this process's: a stamp is refused.
    with as_user(Desk(folder)) as desk, pytest.raises(Exception) as refused:
        desk.receive(intake_request())
    assert refused.value.exit_code == 4 and "bị hỏng" in refused.value.message
    assert digest(database) == before
    assert window.session.close()


# ---- the full-text index ------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["pages-zeroed", "pages-garbage", "content-lost"])
def test_a_damaged_search_index_is_rebuilt_and_stamping_goes_on(real_station, tmp_path, how):
    folder = copy_of(real_station, tmp_path)
    database = folder / DATABASE_FILE
    index = pages_of(database, "dossiers_fts_data", "dossiers_fts_idx")
    if how == "pages-zeroed":
        overwrite(database, index, bytes(PAGE))
    elif how == "pages-garbage":
        overwrite(database, index[len(index) // 2:])
    else:  # the pages are sound but most of what they hold is gone
        with contextlib.closing(open_db(database)) as conn:
            conn.execute("DELETE FROM dossiers_fts_data WHERE id > 10")
            conn.commit()
    with contextlib.closing(open_db(database)) as conn, \
            pytest.raises(DatabaseError):  # as found: it is damaged
        conn.execute("INSERT INTO dossiers_fts(dossiers_fts) VALUES ('integrity-check')")

    found = cli_process(folder, "find", "nguyen van duc", "--limit", "100")
    assert found.returncode == 0, found.stderr
    assert len(json.loads(found.stdout)) == 60
    assert "rebuilt" in log_path(folder).read_text(encoding="utf-8")
    done = cli_process(folder, "receive", "--json", str(request_file(tmp_path)))
    assert done.returncode == 0, done.stderr
    code = json.loads(done.stdout)["code"]
    found = cli_process(folder, "find", code)
    assert [d["code"] for d in json.loads(found.stdout)] == [code]
    checked = cli_process(folder, "check")
    assert checked.returncode == 0 and json.loads(checked.stdout)["ok"] is True
    with contextlib.closing(open_db(database)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM dossiers").fetchone() == (61,)


def test_an_index_damaged_while_the_app_runs_is_rebuilt_at_the_next_stamp(real_station,
                                                                         tmp_path):
    folder = copy_of(real_station, tmp_path)
    with as_user(Desk(folder)) as desk:
        desk.write_receipt = lambda receipt: receipt  # type: ignore[method-assign]
        overwrite(folder / DATABASE_FILE,
                  pages_of(folder / DATABASE_FILE, "dossiers_fts_data"), bytes(PAGE))
        result = desk.receive(intake_request())  # rebuilt, then stamped
        assert [d.code for d in desk.find(result.dossier.code)] == [result.dossier.code]
        assert len(desk.find("nguyen van duc", limit=100)) == 61


# ---- the disk and the folder ------------------------------------------------------------------

def can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"],
                           capture_output=True)
    return probe.returncode == 0


DRIVER = r"""
import json, os, subprocess, sys
mount, steps = sys.argv[1], json.loads(sys.argv[2])
subprocess.run(mount, shell=True, check=True)
results = []
for step in steps:
    if step[0] == "sh":
        subprocess.run(step[1], shell=True)
        continue
    done = subprocess.run([sys.executable, "-m", "intake_app", "--user", "hoa.lt", *step],
                          capture_output=True,
                          text=True, timeout=120)
    results.append([done.returncode, done.stdout, done.stderr])
print(json.dumps(results))
"""


def in_private_mount(mount: str, steps: list[list[str]], state: Path) -> list[list]:
    """Run the command line steps in a mount namespace of their own (the mounts vanish with
    it): `mount` is a shell line run first, each step a command line (or ["sh", line]).
    `state` is the per-user state folder (where the log goes when the data folder cannot)."""
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", DRIVER,
         mount, json.dumps(steps)], capture_output=True, text=True, timeout=300,
        env={**os.environ, "INTAKE_APP_PASSWORD": TEST_PASSWORD, "XDG_STATE_HOME": str(state)})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


class Done:
    def __init__(self, result: list):
        self.returncode, self.stdout, self.stderr = result


@pytest.mark.skipif(not can_mount(), reason="needs root and unshare to mount a read-only "
                    "bind mount; the chmod variant below runs instead")
def test_a_read_only_data_folder_is_said_plainly(real_station, tmp_path):
    folder = copy_of(real_station, tmp_path)
    request = request_file(tmp_path)
    state = tmp_path / "state"
    results = in_private_mount(
        f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder}",
        [["--data-dir", str(folder), "receive", "--json", str(request)],
         ["--data-dir", str(folder), "find", "nguyen"]], state)
    receive = Done(results[0])
    assert_told(receive, 4, "chỉ cho đọc", str(folder))
    assert rows(folder, "SELECT count(*) FROM dossiers") == [(60,)]
    logged = (state / "intake-app" / "log" / "intake-app.log").read_text(encoding="utf-8")
    assert "read-only" in logged


@pytest.mark.skipif(not can_mount(), reason="needs root and unshare for a read-only mount")
def test_a_read_only_database_file_is_said_plainly_and_logged_in_the_folder(real_station,
                                                                           tmp_path):
    folder = copy_of(real_station, tmp_path)
    database = folder / DATABASE_FILE
    results = in_private_mount(
        f"mount --bind {database} {database} && mount -o remount,ro,bind {database}",
        [["--data-dir", str(folder), "receive", "--json", str(request_file(tmp_path))]],
        tmp_path / "state")
    assert_told(Done(results[0]), 4, "chỉ cho đọc")
    assert "read-only" in log_path(folder).read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file modes; the mount "
                    "variants above run instead")
def test_a_folder_without_write_permission_is_said_plainly(real_station, tmp_path):
    folder = copy_of(real_station, tmp_path)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o500 if path.is_dir() else 0o400)
    try:
        done = cli_process(folder, "receive", "--json", str(request_file(tmp_path)))
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o700 if path.is_dir() else 0o600)
    assert_told(done, 4, "chỉ cho đọc")


@pytest.mark.skipif(not can_mount(), reason="needs root and unshare to mount a small tmpfs")
def test_a_full_disk_is_said_plainly_and_loses_nothing(real_station, tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    folder = disk / "station"
    request = request_file(tmp_path)
    size_mb = (sum(f.stat().st_size for f in real_station.rglob("*") if f.is_file())
               // 1_000_000) + 4
    results = in_private_mount(
        f"mount -t tmpfs -o size={size_mb}m tmpfs {disk} && cp -a {real_station} {folder}",
        [["sh", f"dd if=/dev/zero of={disk}/filler bs=64k status=none 2>/dev/null; true"],
         ["--data-dir", str(folder), "receive", "--json", str(request)],
         ["--data-dir", str(folder), "find", "nguyen", "--limit", "100"],
         ["sh", f"rm {disk}/filler"],
         ["--data-dir", str(folder), "receive", "--json", str(request)],
         ["--data-dir", str(folder), "find", "nguyen", "--limit", "100"],
         ["sh", f"cp -a {folder} {tmp_path}/after"]], tmp_path / "state")
    full, found_full, again, found_after = (Done(r) for r in results)
    assert_told(full, 4, "đã đầy", "giải phóng dung lượng")
    assert full.stdout == ""
    # SQLite cannot even read a WAL database without room for its shared-memory file:
    # every command says the same plain sentence.
    assert_told(found_full, 4, "đã đầy")
    assert again.returncode == 0, again.stderr
    assert len(json.loads(found_after.stdout)) == 61  # nothing half-written by the refusal
    # The data folder's log is on the full disk too: the details went to the per-user log.
    logged = (tmp_path / "state" / "intake-app" / "log" / "intake-app.log").read_text(
        encoding="utf-8")
    assert "DiskFull" in logged and "disk I/O error" in logged


def test_a_locked_database_is_said_plainly(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 1.0)  # 30 s in the app
    holder = open_db(data_dir / DATABASE_FILE, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        status, out, err = run(capsys, data_dir, "receive", "--json", str(request_file(tmp_path)))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert status == 4 and out is None
    assert "đang bị một chương trình khác giữ" in err and "đã chờ 1 giây" in err
    assert "Traceback" not in err
    assert "database locked" in log_path(data_dir).read_text(encoding="utf-8")
    status, out, _ = run(capsys, data_dir, "receive", "--json", str(request_file(tmp_path)))
    assert status == 0 and out["code"].endswith("-2001")


# ---- a newer database ---------------------------------------------------------------------------

def test_a_database_of_a_newer_version_is_refused_and_left_untouched(data_dir, tmp_path):
    database = data_dir / DATABASE_FILE
    with contextlib.closing(open_db(database)) as conn:  # what a newer app did to it
        conn.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('intake_app', '0099_future_things', '2027-01-01')")
        conn.commit()
    before, mtime = digest(database), database.stat().st_mtime_ns
    for args in (("receive", "--json", str(request_file(tmp_path))), ("find", "nguyen")):
        done = cli_process(data_dir, *args)
        assert_told(done, 4, "phiên bản mới hơn", "0099_future_things", known_migrations()[-1],
                    "không ghi gì")
    assert digest(database) == before and database.stat().st_mtime_ns == mtime
    wal = Path(f"{database}-wal")  # SQLite's reader may create it, empty
    assert not wal.exists() or wal.stat().st_size == 0


def test_the_window_refuses_a_newer_database_before_writing(data_dir):
    from PySide6.QtWidgets import QApplication

    from intake_app.store.problems import NewerDatabase
    from intake_app.ui import app as app_module

    database = data_dir / DATABASE_FILE
    with contextlib.closing(open_db(database)) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('intake_app', '0099_future_things', '2027-01-01')")
        conn.commit()
    before = digest(database)
    with pytest.raises(NewerDatabase) as refused:
        app_module.start(QApplication.instance(), data_dir)
    assert "0099_future_things" in refused.value.message and refused.value.exit_code == 4
    assert digest(database) == before


# ---- not a database ---------------------------------------------------------------------------

def test_a_file_that_is_not_a_database_is_said_plainly(tmp_path):
    folder = tmp_path / "station"
    folder.mkdir()
    (folder / DATABASE_FILE).write_bytes(b"%PDF-1.4 a receipt someone saved here\n" * 200)
    before = digest(folder / DATABASE_FILE)
    done = cli_process(folder, "find", "x")
    assert_told(done, 4, "bị hỏng", "bản sao lưu")
    assert digest(folder / DATABASE_FILE) == before

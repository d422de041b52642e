"""The data folder is private (issue 9.10): folders 0700 and files 0600 whatever the umask,
for everything the app writes there (database, -wal/-shm, receipts, slips, logs, cache), and
a folder an older version left readable is tightened when it is opened.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEST_PASSWORD, UNIT, as_user, intake_request, set_up_accounts

from intake_app.data_folder import PRIVATE_MARKER
from intake_app.desk import Desk
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.slips import SlipKind
from intake_app.domain.status import DossierStatus
from intake_app.store.db import DATABASE_FILE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's; Windows "
                                "keeps the per-user folder's inherited ACL")

INIT = ["init", "--unit-code", UNIT["unit_code"], "--unit-name", UNIT["unit_name"],
        "--province-code", UNIT["province_code"], "--commune-code", UNIT["commune_code"],
        "--station", str(UNIT["station_no"]), "--admin", "quantri", "--admin-name", "Quản Trị"]


def cli_with_umask(folder: Path, *args: str, umask: int = 0o022) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "intake_app", "--data-dir", str(folder),
         *([] if args[0] == "init" else ["--user", "hoa.lt"]), *args],
        capture_output=True, text=True, timeout=120, preexec_fn=lambda: os.umask(umask),
        env={**os.environ, "INTAKE_APP_PASSWORD": TEST_PASSWORD,
             "INTAKE_APP_NEW_PASSWORD": TEST_PASSWORD})


def modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(folder: Path) -> None:
    loose = {name: oct(mode) for name, mode in modes(folder).items()
             if mode != (0o700 if (folder / name).is_dir() else 0o600)}
    assert loose == {}


def test_everything_the_app_writes_in_the_folder_is_private_whatever_the_umask(tmp_path):
    folder = tmp_path / "station"
    request = tmp_path / "request.json"
    request.write_text(json.dumps(intake_request(), ensure_ascii=False), encoding="utf-8")
    assert cli_with_umask(folder, *INIT, umask=0o000).returncode == 0
    with Desk(folder) as desk:
        set_up_accounts(desk)  # the administrator's clerk
    done = cli_with_umask(folder, "receive", "--json", str(request), umask=0o002)
    assert done.returncode == 0, done.stderr
    code = json.loads(done.stdout)["code"]
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents.chmod(0o755)
    outside = documents / "copy.pdf"
    assert cli_with_umask(folder, "receipt", code, "--out", str(outside)).returncode == 0
    names = set(modes(folder))
    assert {DATABASE_FILE, "logs/intake-app.log", "receipts"} <= names
    assert any(name.endswith(f"{code}.pdf") for name in names)
    assert_private(folder)
    # A copy the person asked for in an ordinary folder is an ordinary document (one in a
    # private folder is private: a file is as private as its folder).
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644


def test_the_wal_and_shared_memory_files_are_private_while_the_window_runs(tmp_path):
    folder = tmp_path / "station"
    old = os.umask(0o022)
    try:
        with Desk(folder) as desk:
            desk.init_station(**UNIT)
            set_up_accounts(desk)
            as_user(desk, "hoa.lt").receive(intake_request())
            database = folder / DATABASE_FILE
            for companion in (Path(f"{database}-wal"), Path(f"{database}-shm")):
                assert companion.exists()
                assert stat.S_IMODE(companion.stat().st_mode) == 0o600, companion
            code = desk.find("nguyen")[0].code
            desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, "Hoa",
                                          to_unit="Công chức Tư pháp - Hộ tịch"))
            # Where the window keeps the slips it prints: a new folder of the data folder.
            desk.issue_slip(code, SlipKind.CONTROL, folder / "slips" / "control.pdf")
    finally:
        os.umask(old)
    assert_private(folder)


def test_a_folder_an_older_version_left_readable_is_tightened_when_opened(tmp_path):
    folder = tmp_path / "station"
    old = os.umask(0o022)
    try:
        with Desk(folder) as desk:
            desk.init_station(**UNIT)
            set_up_accounts(desk)
            as_user(desk, "hoa.lt").receive(intake_request())
        (folder / PRIVATE_MARKER).unlink()  # as an older version left it: 0755 and 0644
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        assert not all(mode & 0o077 == 0 for mode in modes(folder).values())
        done = cli_with_umask(folder, "find", "nguyen")
        assert done.returncode == 0, done.stderr
    finally:
        os.umask(old)
    assert_private(folder)
    assert (folder / PRIVATE_MARKER).exists()

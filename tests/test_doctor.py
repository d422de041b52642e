"""`intake-app doctor` (issue 13.6): a healthy station, broken ones, and the support bundle.

The command line runs in a child process (as IT runs it), on real data folders broken the way
PCs break them: a damaged page, keys missing on the PC, a backup that failed, a lost WAL, an
edited sealed row. The bundle is unpacked and searched for every citizen's data.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ADMIN, UNIT, FakeClock, acting, as_user, at, intake_request, run_cli
from station_db import open_db

from intake_app.desk import Desk
from intake_app.domain.text import fold
from intake_app.logs import setup_logging
from intake_app.services.backups import BackupFailed
from intake_app.store.db import DATABASE_FILE

ROOT = Path(__file__).resolve().parent.parent
CITIZENS = [
    {"name": "Tôn Nữ Thanh Hằng", "id_number": "046195012345", "phone": "0935123456",
     "email": "thanhhang.ton@example.vn", "address": "Tổ 7 khu vực Kim Long", "gender": "nu"},
    {"name": "Nguyen Van Bay", "id_number": "046095067890", "phone": "0708999111",
     "email": None, "address": "Xóm Rú Chá, thôn Hương Sơ"},
]


def doctor(data_dir: Path, *args: str) -> tuple[int, str]:
    """`intake-app doctor` in a child process, as IT runs it."""
    env = {**os.environ, "QT_QPA_PLATFORM": ""}  # a command line without a screen
    env.pop("QT_QPA_PLATFORM")
    done = subprocess.run([sys.executable, "-m", "intake_app", "--data-dir", str(data_dir),
                           "doctor", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, encoding="utf-8")
    return done.returncode, done.stdout + done.stderr


def stamp_citizens(desk: Desk) -> list[str]:
    codes = []
    for citizen in CITIZENS:
        request = intake_request()
        request["applicant"] = {**request["applicant"], **citizen}
        codes.append(desk.receive(request).dossier.code)
    return codes


def test_a_healthy_station(data_dir):
    with as_user(Desk(data_dir)) as desk:
        stamp_citizens(desk)
        with acting(desk, ADMIN):
            desk.backups.make(kind="daily")
    status, out = doctor(data_dir, "--json", "--offline")
    assert status == 0, out
    report = json.loads(out)
    checks = {check["key"]: check for check in report["checks"]}
    assert report["ok"] and report["problems"] == 0
    for key in ("data_folder", "keys", "database", "seals", "codes", "fonts", "outbox", "logs"):
        assert checks[key]["status"] == "ok", checks[key]
    assert checks["database"]["data"]["dossiers"] == 2
    assert "integrity_check: ok" in checks["database"]["summary"]
    assert checks["database"]["data"]["encrypted"] and "SQLCipher" in checks["database"][
        "summary"]
    assert checks["backup"]["status"] in ("ok", "warning")  # same disk in a test: a warning
    assert checks["outbox"]["summary"].startswith("2 chờ gửi")
    assert checks["printer"]["status"] == "skipped"  # no screen for this command line
    assert checks["gateway"]["status"] == "skipped"  # not set up
    status, text = doctor(data_dir, "--offline")
    assert status == 0 and "✔ Cơ sở dữ liệu: Nguyên vẹn" in text


def test_a_damaged_database_is_named_and_exits_1(data_dir):
    with as_user(Desk(data_dir)) as desk:
        stamp_citizens(desk)
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open_db(data_dir / DATABASE_FILE) as conn:
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'dossiers'"
                            ).fetchone()[0]
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])  # SQLCipher: text
    with open(data_dir / DATABASE_FILE, "r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff")
    status, out = doctor(data_dir, "--json", "--offline")
    assert status == 1
    checks = {check["key"]: check for check in json.loads(out)["checks"]}
    assert checks["database"]["status"] == "problem"
    assert "bị hỏng" in checks["database"]["summary"]
    assert "intake-app restore" in checks["database"]["advice"]
    assert checks["backup"]["status"] == "skipped"  # could not open: said, not crashed
    assert checks["fonts"]["status"] == "ok"


def test_keys_missing_on_this_pc(data_dir, station_credentials):
    station_credentials.clear()
    status, out = doctor(data_dir, "--offline")
    assert status == 1
    assert "✖ Khóa của quầy" in out and "intake-app keys restore" in out


def test_a_station_with_many_things_wrong(make_desk, data_dir, tmp_path):
    clock = FakeClock(at("2026-03-02 09:00"))
    desk = make_desk(clock)
    stamp_citizens(desk)
    usb = tmp_path / "usb"
    usb.mkdir()
    with acting(desk, ADMIN):
        desk.backups.set_place(usb)
    usb.rmdir()
    with pytest.raises(BackupFailed):  # the stick was pulled out
        desk.backups.make(kind="daily")
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    # a lost WAL: the high-water file knows two more codes than the database
    from intake_app.store import high_water

    high_water.raise_to(data_dir, UNIT["unit_code"], UNIT["station_no"], days={"260302": 4})
    status, out = doctor(data_dir, "--json", "--offline")
    assert status == 1
    checks = {check["key"]: check for check in json.loads(out)["checks"]}
    assert checks["backup"]["status"] == "problem" and "ổ USB" in checks["backup"]["summary"]
    assert checks["codes"]["status"] == "problem"
    assert checks["codes"]["summary"].startswith("2 mã hồ sơ")
    assert "restore --report" in checks["codes"]["advice"]


def test_the_support_bundle_holds_no_personal_data(capsys, data_dir, tmp_path, monkeypatch):
    with as_user(Desk(data_dir)) as desk:
        codes = stamp_citizens(desk)
    # What careless code, or an error's detail, could have written into the log file:
    setup_logging(data_dir)
    for citizen in CITIZENS:
        logging.getLogger("intake_app.somewhere").warning(
            "could not print for %s (%s, %s, %s) living at %s", citizen["name"],
            citizen["id_number"], citizen["phone"], citizen["email"], citizen["address"])
    bad = intake_request()
    bad["applicant"] = {**bad["applicant"], **CITIZENS[0], "phone": "0935 12"}
    status, _, _ = run_cli(capsys, data_dir, "receive", "--json", "-",
                           stdin=json.dumps(bad, ensure_ascii=False), monkeypatch=monkeypatch)
    assert status == 2
    logging.getLogger("intake_app.somewhere").warning("dossier %s stamped", codes[0])
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = (data_dir / "logs" / "intake-app.log").read_text(encoding="utf-8")
    assert CITIZENS[0]["name"] in log_text  # the test really put them there

    out = tmp_path / "support.zip"
    status, text = doctor(data_dir, "--offline", "--bundle", str(out))
    assert status == 1 and "✖ Sao lưu: Quầy này chưa có bản sao lưu nào" in text
    assert "Đã ghi gói gửi hỗ trợ" in text  # written all the same: that is when it is needed
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        content = "\n".join(archive.read(name).decode("utf-8") for name in names)
    assert {"doctor.json", "doctor.txt", "environment.json", "logs/intake-app.log"} <= set(names)
    for citizen in CITIZENS:
        for key in ("name", "id_number", "phone", "email", "address"):
            value = citizen[key]
            if value:
                assert value not in content, (key, value)
                assert fold(value) not in fold(content), (key, value)
    assert codes[0] in content  # what support needs stays: codes, English details
    assert "could not print for [đã ẩn]" in content

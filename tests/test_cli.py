"""The `intake-app` command line as an IT person and a clerk use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SUPERVISOR, TEST_PASSWORD, intake_request
from conftest import run_cli as run
from station_db import kept_pdf

INIT = ["init", "--unit-code", "000.00.12.H56", "--unit-name", "UBND phường Phong Quảng",
        "--province-code", "46", "--commune-code", "19873", "--station", "2"]


@pytest.fixture
def station(tmp_path, capsys) -> Path:
    folder = tmp_path / "station"
    status, output, _ = run(capsys, folder, *INIT)
    assert status == 0
    return folder


def test_init_sets_up_folder_and_catalogue(station, capsys):
    status, procedures, _ = run(capsys, station, "catalogue", "list")
    assert status == 0 and len(procedures) >= 20
    status, found, _ = run(capsys, station, "catalogue", "list", "--search", "chung thuc ban chinh")
    assert [p["code"] for p in found] == ["2.000815"]


def test_receive_prints_the_stamp_and_writes_receipt(station, capsys, tmp_path):
    request = tmp_path / "request.json"
    request.write_text(json.dumps(intake_request(), ensure_ascii=False), encoding="utf-8")
    status, out, _ = run(capsys, station, "receive", "--json", str(request))
    assert status == 0
    assert set(out) == {"code", "dossier_id", "received_at", "due_at", "fee", "receipt"}
    assert out["code"].startswith("000.00.12.H56-") and out["code"].endswith("-2001")
    assert out["received_at"].endswith("+07:00") and out["fee"] == 10000
    assert kept_pdf(Path(out["receipt"])).startswith(b"%PDF")

    status, shown, _ = run(capsys, station, "show", out["code"])
    assert status == 0 and shown["code"] == out["code"]
    assert [h["action"] for h in shown["history"]] == ["received"]
    assert shown["events"][0]["kind"] == "received"

    status, found, _ = run(capsys, station, "find", "nguyen van duc")
    assert [f["code"] for f in found] == [out["code"]]

    copy = tmp_path / "copy.pdf"
    status, reprint, _ = run(capsys, station, "receipt", out["code"], "--out", str(copy))
    assert status == 0 and reprint["copy"] is True and kept_pdf(copy).startswith(b"%PDF")
    status, shown, _ = run(capsys, station, "show", out["code"])
    assert [h["action"] for h in shown["history"]] == ["received", "receipt_reprinted"]


def test_invalid_intake_exits_2_naming_fields(station, capsys, tmp_path):
    bad = intake_request(applicant={**intake_request()["applicant"], "phone": "0123 456 789"},
                         pages=0)
    request = tmp_path / "bad.json"
    request.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    status, out, err = run(capsys, station, "receive", "--json", str(request))
    assert status == 2 and out is None
    assert "applicant.phone" in err and "pages" in err
    status, found, _ = run(capsys, station, "find", "nguyen")
    assert found == []


def test_receive_from_stdin_in_a_real_process(station, tmp_path):
    request = json.dumps(intake_request(), ensure_ascii=False)
    done = subprocess.run(
        [sys.executable, "-m", "intake_app", "--data-dir", str(station), "--user", "hoa.lt",
         "receive", "--json", "-"],
        input=request.encode(), capture_output=True, timeout=60,
        env={**os.environ, "INTAKE_APP_PASSWORD": TEST_PASSWORD},
    )
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["code"].endswith("-2001")
    broken = subprocess.run(
        [sys.executable, "-m", "intake_app", "--data-dir", str(station), "--user", "hoa.lt",
         "receive", "--json", "-"],
        input=b"{not json", capture_output=True, timeout=60,
        env={**os.environ, "INTAKE_APP_PASSWORD": TEST_PASSWORD},
    )
    assert broken.returncode == 2
    assert "không phải JSON hợp lệ: lỗi cú pháp ở dòng 1" in broken.stderr.decode()


def test_catalogue_import_bad_file_changes_nothing(station, capsys, tmp_path):
    _, before, _ = run(capsys, station, "catalogue", "list")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"procedures": [
        {"code": "9.000001", "name": "Thủ tục mới", "field_code": "X", "field_name": "Khác",
         "time": {"unit": "working_days", "amount": 3}, "fee": {"kind": "free"}},
        {"code": "2.000815", "name": "", "field_code": "CT", "field_name": "Chứng thực",
         "time": {"unit": "fortnights", "amount": 1}, "fee": {"kind": "fixed"}},
    ]}), encoding="utf-8")
    status, _, err = run(capsys, station, "catalogue", "import", str(bad), user=SUPERVISOR)
    assert status == 2
    assert "Tên thủ tục (thủ tục thứ 2): không được để trống." in err
    assert "Cách tính thời hạn giải quyết (thủ tục thứ 2): 'fortnights' không phải" in err
    assert "Mức phí, lệ phí (thủ tục thứ 2): phải là số nguyên từ 0 đến 100.000.000" in err
    _, after, _ = run(capsys, station, "catalogue", "list")
    assert after == before

    (tmp_path / "notjson.json").write_text("{", encoding="utf-8")
    status, _, err = run(capsys, station, "catalogue", "import", str(tmp_path / "notjson.json"),
                         user=SUPERVISOR)
    assert status == 2 and "Tệp danh mục thủ tục không phải JSON hợp lệ" in err


def test_catalogue_import_adds_and_replaces(station, capsys, tmp_path):
    good = tmp_path / "province.json"
    good.write_text(json.dumps({"procedures": [
        {"code": "2.000884", "name": "Chứng thực chữ ký", "field_code": "CT",
         "field_name": "Chứng thực", "time": {"unit": "same_day"},
         "fee": {"kind": "fixed", "amount": 12000, "label": "Phí chứng thực chữ ký"}},
        {"code": "1.010000", "name": "Thủ tục thí điểm của tỉnh", "field_code": "K",
         "field_name": "Khác", "time": {"unit": "working_hours", "amount": 4},
         "fee": {"kind": "provincial", "amount": 20000},
         "components": [{"name": "Đơn đề nghị", "form": "ban_chinh"}]},
    ]}, ensure_ascii=False), encoding="utf-8")
    status, out, _ = run(capsys, station, "catalogue", "import", str(good), user=SUPERVISOR)
    assert status == 0 and out == {"added": 1, "replaced": 1}
    _, found, _ = run(capsys, station, "catalogue", "list", "--search", "thi diem")
    assert found[0]["code"] == "1.010000" and found[0]["time"]["unit"] == "working_hours"


def test_calendar_due_and_days(station, capsys):
    status, out, _ = run(capsys, station, "calendar", "due", "--procedure", "1.004873",
                         "--at", "2026-02-13T16:10:00+07:00")
    # 3 working days from Friday 16:10 before Tết (16–20/2 off): 50 min + 8 h + 8 h + 7 h 10.
    assert status == 0 and out["due_at"] == "2026-02-25T16:10:00+07:00"
    status, days, _ = run(capsys, station, "calendar", "days", "2026")
    by_day = {d["day"]: d["kind"] for d in days}
    assert by_day["2026-02-16"] == "off" and by_day["2026-08-22"] == "work"
    assert by_day["2026-09-02"] == "off"


def test_calendar_override_moves_due_date(station, capsys):
    args = ("calendar", "due", "--procedure", "1.004873", "--at", "2026-12-28T08:00:00+07:00")
    _, before, _ = run(capsys, station, *args)
    assert before["due_at"] == "2026-12-31T08:00:00+07:00"
    status, _, _ = run(capsys, station, "calendar", "set-off", "2026-12-29", "--note", "Bão",
                       user=SUPERVISOR)
    assert status == 0
    _, after, _ = run(capsys, station, *args)
    # One working day lost: the due date moves past New Year (1/1) and the weekend.
    assert after["due_at"] == "2027-01-04T08:00:00+07:00"
    run(capsys, station, "calendar", "clear", "2026-12-29", user=SUPERVISOR)
    _, cleared, _ = run(capsys, station, *args)
    assert cleared == before


def test_commands_need_a_set_up_folder(tmp_path, capsys):
    status, _, err = run(capsys, tmp_path / "empty", "find", "x")
    assert status == 1 and "init" in err


def test_unknown_code(station, capsys):
    status, _, err = run(capsys, station, "show", "000.00.12.H56-260101-2999")
    assert status == 1 and "Không có hồ sơ nào mã 000.00.12.H56-260101-2999" in err


def test_the_window_start_skips_the_commands(tmp_path) -> None:
    """`intake-app` with no command goes to the window without the commands' parser: building
    it imports every command and the desk's libraries (0.2–0.4 s of the clerk's start)."""
    code = (
        "import sys\n"
        "from intake_app import cli\n"
        "opened = []\n"
        "import intake_app.ui.app as app\n"
        "app.run_app = lambda data_dir: opened.append(data_dir.name) or 0\n"
        f"assert cli.main(['--data-dir', {str(tmp_path / 'station')!r}]) == 0\n"
        "assert opened == ['station'], opened\n"
        "heavy = {'intake_app.desk', 'sqlite_utils', 'intake_app.cli.commands'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("argv", [["find", "Lan"], ["--help"], ["--data-dir"], ["--bogus"],
                                  ["--clerk", "Hoa", "show", "X"]])
def test_anything_but_the_window_goes_to_the_full_parser(argv) -> None:
    from intake_app.cli import _window_arguments

    assert _window_arguments(argv) is None


def test_the_window_arguments_read_as_the_full_parser_reads_them(tmp_path) -> None:
    from intake_app.cli import _window_arguments, build_parser

    for argv in ([], ["--clerk", "Lê Thị Hoa"], ["--data-dir", str(tmp_path), "--clerk=Hoa"]):
        quick, full = _window_arguments(argv), build_parser().parse_args(argv)
        assert quick is not None and vars(quick) == vars(full)

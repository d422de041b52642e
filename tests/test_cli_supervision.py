"""The supervisor's commands: steps and slips, the sealed daily log, `log verify`, report 06a."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest
from conftest import SUPERVISOR, FakeClock, acting, at, intake_request, pdf_words
from conftest import run_cli as run
from station_db import open_db

from intake_app.store.db import DATABASE_FILE

HOA = "Lê Thị Hoa"


@pytest.fixture
def two_days(make_desk):
    """Three dossiers on Mon 02/03/2026 and two on Tue 03/03, by two clerks.

    The command line runs on the real clock (later than March 2026). A day is closed when a
    trusted clock says it has ended: a later stamp (or the gateway's time), not the PC clock
    alone (`test_the_log_is_sealed_printed_and_verified` stamps on the real today first).
    """
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    codes = []
    for clerk in (HOA, HOA, "Trần Văn Nam"):
        clock.advance(minutes=20)
        with acting(desk, clerk):
            codes.append(desk.receive(intake_request()).dossier.code)
    clock.now = at("2026-03-03 09:00")
    for name, id_number in (("Phạm Thị Lan", "046195004567"), ("Võ Minh Tuấn", "046095007654")):
        clock.advance(minutes=20)
        request = intake_request()
        request["applicant"] = {**request["applicant"], "name": name, "id_number": id_number,
                                "birth_date": None, "gender": None}
        codes.append(desk.receive(request).dossier.code)
    desk.close()
    return desk.data_dir, codes


def test_step_and_slip_from_the_command_line(two_days, capsys, tmp_path):
    folder, codes = two_days
    status, out, err = run(capsys, folder, "step", codes[0], "--to", "supplement")
    assert status == 2 and "lý do yêu cầu bổ sung" in err
    status, out, _ = run(capsys, folder, "step", codes[0], "--to", "5",
                         "--note", "Thiếu bản chính", "--document", "Giấy khai sinh")
    assert status == 0 and out["status"] == 5 and out["supplement_count"] == 1
    status, out, _ = run(capsys, folder, "slip", codes[0], "--kind", "supplement",
                         "--out", str(tmp_path / "bs.pdf"))
    assert status == 0
    assert "Thiếu bản chính" in pdf_words(tmp_path / "bs.pdf")
    status, _, err = run(capsys, folder, "slip", codes[1], "--kind", "stop",
                         "--out", str(tmp_path / "x.pdf"))
    assert status == 2 and "không bị dừng" in err
    with pytest.raises(SystemExit) as exit_:
        run(capsys, folder, "step", codes[1], "--to", "done-ish")
    assert exit_.value.code == 2
    assert "dùng số 1-10 hoặc một trong received, processing" in capsys.readouterr().err


def test_the_log_is_sealed_printed_and_verified(two_days, capsys, tmp_path):
    folder, codes = two_days
    pdf = tmp_path / "so.pdf"
    # The first stamp of a later day (the real today) closes 02/03 and 03/03.
    request = tmp_path / "today.json"
    request.write_text(json.dumps(intake_request(), ensure_ascii=False), encoding="utf-8")
    status, _, _ = run(capsys, folder, "receive", "--json", str(request))
    assert status == 0
    status, out, _ = run(capsys, folder, "log", "--from", "2026-03-02", "--to", "03/03/2026",
                         "--out", str(pdf), user=SUPERVISOR)
    assert status == 0 and out["rows"] == 5
    assert [(d["day"], d["count"], d["sealed"]) for d in out["days"]] == [
        ("2026-03-02", 3, True), ("2026-03-03", 2, True)]
    text = pdf_words(pdf)
    assert "SỔ THEO DÕI HỒ SƠ" in text and all(code in text for code in codes)
    assert out["days"][0]["hash"][:16] in text and out["days"][1]["hash"][:16] in text

    status, verdict, _ = run(capsys, folder, "log", "verify", user=SUPERVISOR)
    assert status == 0 and verdict == {"ok": True, "problems": [], "corrected": []}

    # Someone changes a logged name straight in the database, and removes another row.
    with open_db(folder / DATABASE_FILE) as conn:
        conn.execute("UPDATE dossiers SET applicant = json_set(applicant, '$.name', 'Người Khác') "
                     "WHERE code = ?", [codes[1]])
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM outbox WHERE dossier = (SELECT id FROM dossiers WHERE code = ?)",
                     [codes[4]])
        conn.execute("DELETE FROM dossier_history "
                     "WHERE dossier = (SELECT id FROM dossiers WHERE code = ?)", [codes[4]])
        conn.execute("DELETE FROM dossiers WHERE code = ?", [codes[4]])
    status, verdict, _ = run(capsys, folder, "log", "verify", user=SUPERVISOR)
    assert status == 1 and verdict["ok"] is False
    found = {(p["kind"], p["code"]) for p in verdict["problems"]}
    assert ("changed", codes[1]) in found and ("removed", codes[4]) in found
    assert any(codes[1] in p["message"] and "03/2026" in p["message"]
               for p in verdict["problems"])


def test_the_log_for_one_clerk_as_csv_and_xlsx(two_days, capsys, tmp_path):
    folder, codes = two_days
    status, out, _ = run(capsys, folder, "log", "--from", "2026-03-02", "--to", "2026-03-03",
                         "--clerk", "Trần Văn Nam", "--out", str(tmp_path / "nam.csv"),
                         user=SUPERVISOR)
    assert status == 0 and out["rows"] == 1
    with open(tmp_path / "nam.csv", encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    assert codes[2] in text and codes[0] not in text
    assert list(csv.reader(text.splitlines()))[0][0]  # a header row

    status, out, _ = run(capsys, folder, "log", "--from", "2026-03-02", "--to", "2026-03-03",
                         "--out", str(tmp_path / "all.xlsx"), user=SUPERVISOR)
    assert status == 0
    sheet = openpyxl.load_workbook(tmp_path / "all.xlsx").active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert all(code in values for code in codes)
    assert "Phạm Thị Lan" in values

    status, _, err = run(capsys, folder, "log", "--from", "2026-03-02", "--to", "2026-03-03",
                         "--out", str(tmp_path / "all.docx"), user=SUPERVISOR)
    assert status == 2 and ".pdf, .csv, .xlsx" in err


def test_report_06a_from_the_command_line(two_days, capsys, tmp_path):
    folder, codes = two_days
    run(capsys, folder, "step", codes[0], "--to", "returned", "--receiver", "Nguyễn Văn Đức")
    status, out, _ = run(capsys, folder, "report", "--from", "2026-03-01", "--to", "2026-03-31",
                         "--out", str(tmp_path / "06a.pdf"), user=SUPERVISOR)
    assert status == 0
    # Five same-day dossiers received in March; one returned (today, after the period, so it
    # is still in progress at the period's end); the other four were due on 02/03 or 03/03
    # and are overdue by 31/03.
    assert out["total"] == {"received": 5, "carried_over": 0, "new_online": 0, "new_direct": 5,
                            "solved": 0, "early": 0, "on_time": 0, "late": 0,
                            "in_progress": 5, "within_deadline": 0, "overdue": 5}
    assert "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT" in pdf_words(tmp_path / "06a.pdf")
    status, out, _ = run(capsys, folder, "report", "--from", "2026-03-01", "--to", "2026-03-31",
                         "--out", str(tmp_path / "06a.xlsx"), user=SUPERVISOR)
    assert status == 0 and (tmp_path / "06a.xlsx").stat().st_size > 0

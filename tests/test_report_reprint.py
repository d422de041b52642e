"""Report 06a of a closed period does not move (issue 10): a month's report printed, the clock
moved past the period end, supplements completed and dossiers finished, the report printed
again — same numbers, same PDF bytes; and a reprint that differs is said loudly.

Every due time below is worked out by hand on the counter's calendar (07:30–11:30, 13:00–17:00;
Tue 24/11/2026 is a holiday), with the procedures of the starter catalogue: 1.004873 (Hộ tịch,
3 working days = 24 h) and 2.001035, 2.000815 (Chứng thực, 2 working days, same day).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import SUPERVISOR, FakeClock, acting, at, intake_request, pdf_words, rows
from conftest import run_cli as run
from station_db import kept_pdf, open_db

from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus as S
from intake_app.store.db import DATABASE_FILE

NOV = (date(2026, 11, 1), date(2026, 11, 30))
HT, CT, CT_SAME_DAY = "1.004873", "2.001035", "2.000815"

# total carried online direct | solved early on_time late | in_progress within overdue
# Hộ tịch: carried I; direct A, B, D, H. Solved: H early (withdrawn 25/11, due 27/11), I late
# (done 3/11, due 29/10). In progress, overdue: A and B (supplement asked after their due
# time, still awaited at the month's end), D (due 19/11).
HT_ROW = (5, 1, 0, 4, 2, 1, 0, 1, 3, 0, 3)
# Chứng thực: direct C, E, F (G refused at the counter: left out). Solved: C early (done 3/11,
# due 4/11), F late (stopped 13/11, due 11/11). In progress: E within (due 1/12 09:00).
CT_ROW = (3, 0, 0, 3, 2, 1, 0, 1, 1, 1, 0)
TOTAL = tuple(h + c for h, c in zip(HT_ROW, CT_ROW, strict=True))


def step(desk, code: str, target: S, **fields) -> None:
    desk.step(code, StepRequest(target, "Lê Thị Hoa", **fields))


@pytest.fixture
def november(make_desk):
    """Nine dossiers of November 2026 (and one of October), stepped up to 30/11 17:00."""
    clock = FakeClock(at("2026-10-26 09:00"))
    desk = make_desk(clock)
    codes: dict[str, str] = {}

    def receive(name: str, when: str, procedure: str) -> str:
        clock.now = at(when)
        codes[name] = desk.receive(intake_request(procedure=procedure)).dossier.code
        return codes[name]

    def later(when: str, name: str, target: S, **fields) -> None:
        clock.now = at(when)
        step(desk, codes[name], target, **fields)

    receive("I", "2026-10-26 09:00", HT)  # due Thu 29/10 09:00
    receive("C", "2026-11-02 09:00", CT)  # due Wed 4/11 09:00
    later("2026-11-03 10:00", "I", S.DONE)
    later("2026-11-03 15:00", "C", S.DONE)
    receive("F", "2026-11-09 09:00", CT)  # due Wed 11/11 09:00
    later("2026-11-09 10:00", "F", S.IN_PROCESSING, to_unit="Công chức Tư pháp")
    receive("G", "2026-11-10 09:00", CT_SAME_DAY)
    later("2026-11-10 09:30", "G", S.REFUSED, note="Không thuộc thẩm quyền")
    later("2026-11-10 10:00", "C", S.RETURNED, receiver_name="Nguyễn Văn Đức")
    later("2026-11-13 10:00", "F", S.STOPPED, note="Có tranh chấp")
    receive("D", "2026-11-16 09:00", HT)  # due Thu 19/11 09:00
    later("2026-11-16 10:00", "D", S.IN_PROCESSING, to_unit="Công chức Tư pháp")
    receive("A", "2026-11-19 09:00", HT)  # due Wed 25/11 09:00 (24/11 off)
    later("2026-11-19 10:00", "A", S.IN_PROCESSING, to_unit="Công chức Tư pháp")
    receive("B", "2026-11-20 09:00", HT)  # due Thu 26/11 09:00
    later("2026-11-20 10:00", "B", S.IN_PROCESSING, to_unit="Công chức Tư pháp")
    receive("H", "2026-11-23 09:00", HT)  # due Fri 27/11 09:00
    later("2026-11-25 10:00", "H", S.WITHDRAWN)
    # A supplement asked for an hour after A's due time, half an hour after B's: when it comes
    # back on 1/12 the due time moves by the whole wait, past the month's end (the two
    # dossiers that a report printed in December called "chưa đến hạn").
    later("2026-11-25 10:00", "A", S.SUPPLEMENT_REQUESTED, note="Thiếu giấy tờ")
    later("2026-11-26 09:30", "B", S.SUPPLEMENT_REQUESTED, note="Thiếu giấy tờ")
    receive("E", "2026-11-27 09:00", CT)  # due Tue 1/12 09:00
    assert desk.dossier(codes["A"]).statutory_due_at == at("2026-11-25 09:00")
    assert desk.dossier(codes["B"]).statutory_due_at == at("2026-11-26 09:00")
    assert desk.dossier(codes["E"]).statutory_due_at == at("2026-12-01 09:00")
    return desk, clock, codes


def counts(report) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    chung_thuc, ho_tich = report.rows
    assert (chung_thuc.field_name, ho_tich.field_name) == ("Chứng thực", "Hộ tịch")
    return chung_thuc.counts(), ho_tich.counts(), report.total.counts()


def test_the_november_report_gives_the_same_numbers_whenever_it_is_printed(
        november, tmp_path, capsys) -> None:
    desk, clock, codes = november
    # Printed on the month's last afternoon (the hand count).
    clock.now = at("2026-11-30 17:30")
    with acting(desk, SUPERVISOR):
        first = desk.reports.print_06a(*NOV, tmp_path / "30-11.pdf")
    assert counts(first.report) == (CT_ROW, HT_ROW, TOTAL)
    assert first.closed is False and first.matches is None
    assert "chưa kết thúc" in first.summary()

    # 1/12 08:30: the month is over; this is the first print of the closed period.
    clock.now = at("2026-12-01 08:00")
    step(desk, codes["E"], S.DONE)
    clock.now = at("2026-12-01 08:30")
    with acting(desk, SUPERVISOR):
        closed = desk.reports.print_06a(*NOV, tmp_path / "01-12.pdf")
    assert counts(closed.report) == (CT_ROW, HT_ROW, TOTAL)
    assert closed.closed and closed.first is None and closed.matches is None

    # The supplements come back on 1/12; A and B's due times move past the month's end. The
    # rest of the work is finished in December.
    clock.now = at("2026-12-01 09:00")
    step(desk, codes["A"], S.IN_PROCESSING)
    clock.now = at("2026-12-01 10:00")
    step(desk, codes["B"], S.IN_PROCESSING)
    # A waited 31 working hours (25/11 10:00 → 1/12 09:00): 25/11 09:00 + 31 h = 1/12 08:00.
    # B waited 24 h 30 (26/11 09:30 → 1/12 10:00): 26/11 09:00 + 24 h 30 = 1/12 09:30.
    assert desk.dossier(codes["A"]).statutory_due_at == at("2026-12-01 08:00")
    assert desk.dossier(codes["B"]).statutory_due_at == at("2026-12-01 09:30")
    clock.now = at("2026-12-02 15:00")
    for name in ("A", "B", "D"):
        step(desk, codes[name], S.DONE)
    clock.now = at("2026-12-03 09:00")
    for name in ("A", "E"):
        step(desk, codes[name], S.RETURNED, receiver_name="Nguyễn Văn Đức")

    clock.now = at("2026-12-15 10:00")
    with acting(desk, SUPERVISOR):
        again = desk.reports.print_06a(*NOV, tmp_path / "15-12.pdf")
    assert counts(again.report) == (CT_ROW, HT_ROW, TOTAL)
    assert again.first is not None and again.first.id == closed.print_id
    assert again.matches is True and again.differences == ()
    assert again.same_file is True  # the first closed print's date on it: the same document
    assert (tmp_path / "15-12.pdf").read_bytes() == (tmp_path / "01-12.pdf").read_bytes()
    assert "Khớp với bản in đầu tiên (08:30 ngày 01/12/2026, Trần Văn Nam)" in again.summary()
    text = pdf_words(tmp_path / "15-12.pdf")
    assert "ngày 01 tháng 12 năm 2026" in text
    # December's report sees A, B, D, E carried over from November and solved in December.
    december = desk.reports.report_06a(date(2026, 12, 1), date(2026, 12, 15))
    assert december.total.carried_over == TOTAL[8]  # November's "đang giải quyết"
    assert december.total.solved_total == 4

    # The command line (on the real clock, long after November) checks against the same print.
    folder = desk.data_dir
    desk.close()
    status, out, err = run(capsys, folder, "report", "--from", "2026-11-01",
                           "--to", "2026-11-30", "--out", str(tmp_path / "cli.pdf"),
                           user=SUPERVISOR)
    assert status == 0, err
    assert out["matches_first_print"] is True and out["same_file_as_first_print"] is True
    assert out["period_closed"] is True
    assert out["first_print"]["printed_at"] == "2026-12-01T08:30:00+07:00"
    assert out["total"]["overdue"] == 3 and out["total"]["within_deadline"] == 1
    assert out["counted_at"] == "2026-11-30T23:59:59.999999+07:00"
    assert rows(folder, "SELECT closed, matches, printed_by FROM report_prints ORDER BY id") == [
        (0, None, "Trần Văn Nam"), (1, None, "Trần Văn Nam"), (1, 1, "Trần Văn Nam"),
        (1, 1, "Trần Văn Nam")]  # the supervisor logged in, never a typed name

    # Someone changes a dossier of November in the database: the reprint says what differs.
    with open_db(folder / DATABASE_FILE) as conn:
        conn.execute("UPDATE dossiers SET channel = 2 WHERE code = ?", [codes["C"]])
    status, out, err = run(capsys, folder, "report", "--from", "2026-11-01",
                           "--to", "2026-11-30", "--out", str(tmp_path / "changed.pdf"),
                           user=SUPERVISOR)
    assert status == 1
    assert "CẢNH BÁO: số liệu KHÁC bản in đầu tiên" in err
    assert out["matches_first_print"] is False and out["same_file_as_first_print"] is False
    assert out["differences"] == [
        "Lĩnh vực “Chứng thực” (CT), cột (5) Mới tiếp nhận trực tuyến: bản in đầu 0, nay 1",
        "Lĩnh vực “Chứng thực” (CT), cột (6) Mới tiếp nhận trực tiếp, bưu chính: bản in đầu 3, "
        "nay 2",
        "Dòng tổng cộng, cột (5) Mới tiếp nhận trực tuyến: bản in đầu 0, nay 1",
        "Dòng tổng cộng, cột (6) Mới tiếp nhận trực tiếp, bưu chính: bản in đầu 7, nay 6",
    ]
    assert rows(folder, "SELECT matches FROM report_prints ORDER BY id DESC LIMIT 1") == [(0,)]


def test_an_excel_reprint_is_checked_by_its_numbers(november, tmp_path) -> None:
    desk, clock, codes = november
    clock.now = at("2026-12-01 08:30")
    with acting(desk, SUPERVISOR):
        pdf = desk.reports.print_06a(*NOV, tmp_path / "a.pdf")
    clock.now = at("2026-12-01 09:00")
    step(desk, codes["A"], S.IN_PROCESSING)
    with acting(desk, SUPERVISOR):
        xlsx = desk.reports.print_06a(*NOV, tmp_path / "a.xlsx")
    assert xlsx.first is not None and xlsx.first.id == pdf.print_id
    assert xlsx.matches is True and xlsx.same_file is None
    assert "tệp trùng từng byte" not in xlsx.summary()


def test_the_report_reads_each_dossier_as_it_was_at_the_period_end(november) -> None:
    """The records themselves: A is at the end of November waiting for its supplement, with its
    due time of then, even after the supplement came back."""
    desk, clock, codes = november
    clock.now = at("2026-12-01 09:00")
    step(desk, codes["A"], S.IN_PROCESSING)
    from intake_app.domain.report06a import period_end_instant
    from intake_app.store.reporting import report_records

    end = period_end_instant(NOV[1], at("2026-12-05 00:00"))
    records = {r.code: r for r in report_records(desk.db, NOV[0], end, desk.calendar())}
    a = records[codes["A"]]
    assert a.status is S.SUPPLEMENT_REQUESTED
    assert a.waiting_supplement_since == at("2026-11-25 10:00")
    assert a.due_at == at("2026-11-25 09:00")
    assert a.supplement_count == 1
    assert records[codes["E"]].finished_at is None  # done on 1/12: not by the period end
    assert records[codes["G"]].status is S.REFUSED


def test_the_window_shows_a_difference_loudly(november, make_session, qtbot, tmp_path) -> None:
    from intake_app.ui.supervisor.export_dialog import Report06aDialog

    desk, clock, codes = november
    clock.now = at("2026-12-01 08:30")
    with acting(desk, SUPERVISOR):
        desk.reports.print_06a(*NOV, tmp_path / "first.pdf")
    with open_db(desk.data_dir / DATABASE_FILE) as conn:
        conn.execute("UPDATE dossiers SET field_code = 'HT', field_name = 'Hộ tịch' "
                     "WHERE code = ?", [codes["C"]])
    session = make_session(desk, SUPERVISOR)
    dialog = Report06aDialog(session)
    qtbot.addWidget(dialog)
    dialog.set_period(*NOV)
    dialog.choose_path = lambda default: tmp_path / "again.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.save_button.click()
    assert dialog.printed is not None and dialog.printed.matches is False
    assert "CẢNH BÁO: số liệu KHÁC bản in đầu tiên" in dialog.message.text()
    assert "Lĩnh vực “Hộ tịch” (HT), cột (3) Tổng số nhận giải quyết: bản in đầu 5, nay 6" \
        in dialog.message.text()
    assert dialog.mismatch_box is not None and dialog.mismatch_box.isVisible()
    dialog.resize(620, 420)
    from test_ui_calendar import shot

    shot(dialog, "report-06a-mismatch")
    dialog.mismatch_box.accept()


def test_an_open_period_is_said_to_be_provisional(november, tmp_path) -> None:
    desk, clock, _codes = november
    clock.now = at("2026-11-30 10:00")
    with acting(desk, SUPERVISOR):
        printed = desk.reports.print_06a(*NOV, tmp_path / "p.pdf")
    assert printed.summary().startswith("Kỳ báo cáo chưa kết thúc: số liệu tính đến 10:00 "
                                        "ngày 30/11/2026")
    assert kept_pdf(Path(printed.path)).startswith(b"%PDF")

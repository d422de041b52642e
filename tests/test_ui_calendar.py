"""'Lịch làm việc…' from the settings window: the year's days with their source, and importing
a signed notice after seeing which open dossiers it concerns (real widgets, real database)."""

from __future__ import annotations

from conftest import (
    PROVINCE_NOTICE,
    SUPERVISOR,
    FakeClock,
    at,
    intake_request,
    rows,
    shot,
    write_signed,
)
from PySide6.QtCore import Qt

from intake_app.ui.calendar.dialog import CalendarDialog, NoticePreviewDialog
from intake_app.ui.main_window import SettingsDialog


def table_rows(dialog: CalendarDialog) -> dict[str, list[str]]:
    table = dialog.table
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}


def test_settings_open_the_calendar_with_each_days_source(make_desk, make_session,
                                                          qtbot) -> None:
    session = make_session(make_desk(FakeClock(at("2026-12-02 09:00"))))
    settings = SettingsDialog(session)
    qtbot.addWidget(settings)
    assert settings.calendar_button.text() == "Lịch làm việc…"
    dialog = settings.open_calendar()  # a child of the settings window: closed with it
    assert isinstance(dialog, CalendarDialog) and dialog.year.value() == 2026
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    listed = table_rows(dialog)
    assert listed["10/01/2026"][1:4] == ["Thứ Bảy", "Làm việc", "Làm bù cho thứ Sáu 02/01/2026"]
    assert listed["10/01/2026"][4].startswith("Thông báo 12729/VPCP-KGVX ngày 25/12/2025")
    assert listed["30/04/2026"][4] == "Luật: Bộ luật Lao động 2019, Điều 112"
    assert "80-NQ/TW" in listed["24/11/2026"][4]
    dialog.resize(900, 620)
    shot(dialog, "calendar-2026")
    dialog.year.setValue(2027)
    qtbot.waitUntil(lambda: "24/11/2027" in table_rows(dialog))


def test_import_a_notice_from_the_window(make_desk, make_session, qtbot, signing,
                                         data_dir) -> None:
    clock = FakeClock(at("2026-12-29 09:00"))
    desk = make_desk(clock)
    # Chứng thực hợp đồng, 2 working days: due Thu 31/12/2026 09:00, which the notice closes.
    late = desk.receive(intake_request(procedure="2.001035")).dossier
    session = make_session(desk, SUPERVISOR)  # the calendar is a supervisor's
    dialog = CalendarDialog(session)
    qtbot.addWidget(dialog)
    path = write_signed(signing["folder"], "tb-3120.json", PROVINCE_NOTICE, signing["province"],
                        "tinh-46")
    dialog.choose_file = lambda: path
    dialog.import_notice()
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None)
    preview = dialog.preview_dialog
    assert isinstance(preview, NoticePreviewDialog)  # a child of the calendar dialog
    assert not preview.warning.isHidden()
    assert "1 hồ sơ có ngày hẹn trả rơi vào ngày nay là ngày nghỉ" in preview.warning.text()
    details = preview.details.toPlainText()
    assert late.code in details and "hạn đã hẹn giữ nguyên" in details
    assert "Thứ Năm 31/12/2026: nghỉ" in details
    preview.resize(780, 540)
    shot(preview, "calendar-import-preview")
    assert rows(data_dir, "SELECT count(*) FROM calendar_notices") == [(0,)]  # not yet

    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã áp dụng thông báo 3120/TB-UBND" in dialog.message.text())
    assert rows(data_dir, "SELECT number, imported_by FROM calendar_notices") == [
        ("3120/TB-UBND", "Trần Văn Nam")]
    qtbot.waitUntil(lambda: table_rows(dialog).get("31/12/2026", [""] * 3)[2] == "Nghỉ")
    listed = table_rows(dialog)
    assert listed["31/12/2026"][2] == "Nghỉ"
    assert listed["31/12/2026"][4].startswith("Thông báo 3120/TB-UBND ngày 01/12/2026")
    assert rows(data_dir, "SELECT due_at FROM dossiers WHERE code = ?", (late.code,)) == [
        ("2026-12-31T09:00:00+07:00",)]  # the appointment the citizen holds is kept
    shot(dialog, "calendar-after-import")


def test_a_refused_file_is_said_in_the_dialog(make_desk, make_session, qtbot, signing) -> None:
    session = make_session(make_desk(FakeClock(at("2026-12-02 09:00"))))
    dialog = CalendarDialog(session)
    qtbot.addWidget(dialog)
    path = write_signed(signing["folder"], "tb.json", PROVINCE_NOTICE, signing["province"],
                        "tinh-46")
    path.write_text(path.read_text("utf-8").replace("2026-12-31", "2026-12-30"), "utf-8")
    dialog.choose_file = lambda: path
    dialog.import_notice()
    qtbot.waitUntil(lambda: "Chữ ký của tệp thông báo không đúng" in dialog.message.text())
    assert not dialog.message.isHidden() and dialog.preview_dialog is None

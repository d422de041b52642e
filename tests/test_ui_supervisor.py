"""Giám sát (F5), offscreen, on a real Desk and a real SQLite file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import (
    SUPERVISOR,
    UNIT,
    FakeClock,
    as_user,
    at,
    intake_request,
    set_up_accounts,
    show_on_screen,
)
from PySide6.QtCore import Qt
from station_db import kept_pdf, open_db

from intake_app.desk import Desk
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus as S
from intake_app.domain.supervision import late_text
from intake_app.store.db import DATABASE_FILE
from intake_app.ui.operations import Changes
from intake_app.ui.supervisor import SupervisorScreen
from intake_app.ui.supervisor.export_dialog import period_part, slug
from intake_app.ui.supervisor.watch_model import CODE_ROLE, WatchKind

DOCS = [{"name": "Tờ khai", "form": "ban_chinh", "copies": 1}]
NOW = "2026-03-04 10:00"  # a Wednesday


def request(procedure: str, name: str = "Nguyễn Văn Đức") -> dict:
    payload = intake_request(procedure=procedure)
    payload["applicant"] = {**payload["applicant"], "name": name}
    if procedure != "2.000815":
        payload["documents"] = DOCS
    return payload


@pytest.fixture(scope="module")
def stamped(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Dossiers in several states over the last 30 days; stamped once per module."""
    folder = tmp_path_factory.mktemp("supervisor") / "station"
    clock = FakeClock(at("2026-02-10 08:00"))
    codes: dict[str, str] = {}
    with Desk(folder, clock=clock) as desk:
        desk.init_station(**UNIT)
        set_up_accounts(desk)
        as_user(desk)
        for key in ("old1", "old2"):  # 10/02: received and handed back the same day
            codes[key] = desk.receive(request("2.000815")).dossier.code
            clock.advance(minutes=30)
        for key in ("old1", "old2"):
            desk.hand_back(codes[key], receiver_name="Nguyễn Văn Đức", receiver_id_number=None)
        clock.now = at("2026-03-02 08:00")
        for key, procedure, name in (
            ("overdue", "2.000815", "Nguyễn Văn Đức"),  # due 02/03 17:00
            ("near", "1.004873", "Trần Thị Bích Ngọc"),  # due 05/03
            ("on_track", "1.004884", "Lê Văn Hùng"),  # due 09/03
            ("waiting", "1.004884", "Phạm Thị Hồng Nhung"),
        ):
            codes[key] = desk.receive(request(procedure, name)).dossier.code
            clock.advance(hours=1)
        desk.step(codes["waiting"], StepRequest(S.SUPPLEMENT_REQUESTED, "Trần Văn Nam",
                                                note="Thiếu tờ khai"))
        desk.step(codes["on_track"], StepRequest(S.IN_PROCESSING, "Trần Văn Nam",
                                                 to_unit="Công chức Tư pháp - Hộ tịch"))
        clock.now = at("2026-03-04 08:00")
        codes["today"] = desk.receive(request("2.000815", "Võ Thị Lan")).dossier.code  # 04/03 17h
        desk.set_setting("clerks", ["Lê Thị Hoa", "Trần Văn Nam"])
    return folder, codes


@pytest.fixture
def world(stamped, tmp_path, qtbot, make_session):
    template, codes = stamped
    folder = shutil.copytree(template, tmp_path / "station")
    clock = FakeClock(at(NOW))
    desk = as_user(Desk(folder, clock=clock), SUPERVISOR)
    yield SimpleNamespace(desk=desk, clock=clock, codes=codes, folder=folder, tmp=tmp_path,
                          session=make_session(desk, SUPERVISOR))
    desk.close()


@pytest.fixture
def screen(world, qtbot):
    widget = SupervisorScreen(world.session)
    with qtbot.waitSignal(widget.refreshed):  # read when first shown
        show_on_screen(qtbot, widget)
    return widget


def test_the_four_lists(screen, world):
    models = screen.models
    assert models[WatchKind.OVERDUE].codes() == [world.codes["overdue"]]
    assert models[WatchKind.DUE_TODAY].codes() == [world.codes["today"]]
    assert models[WatchKind.DUE_SOON].codes() == [world.codes["near"]]
    assert models[WatchKind.WAITING].codes() == [world.codes["waiting"]]
    assert screen.boxes[WatchKind.OVERDUE].title() == "Quá hạn (1)"
    assert screen.boxes[WatchKind.WAITING].title() == "Chờ công dân bổ sung (1)"
    today, code = models[WatchKind.DUE_TODAY], world.codes["today"]
    assert [today.text(0, c) for c in range(4)] == [
        code.split("-", 1)[1], "Võ Thị Lan", world.desk.dossier(code).procedure_name,
        "04/03/2026 17:00"]
    assert today.data(today.index(0, 0), CODE_ROLE) == code  # the whole code, for opening


def test_the_overdue_list_says_how_late(screen, world):
    overdue = screen.models[WatchKind.OVERDUE]
    dossier = world.desk.dossier(world.codes["overdue"])
    expected = late_text(dossier.due_at, world.clock.now, world.desk.calendar())
    assert expected == "1 ngày 2 giờ làm việc"
    assert overdue.text(0, 3) == "02/03/2026 17:00"
    assert overdue.text(0, 4) == "1 ngày 2 giờ"
    assert overdue.headerData(4, Qt.Orientation.Horizontal) == "Trễ hạn (làm việc)"
    tooltip = overdue.data(overdue.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Trễ 1 ngày 2 giờ làm việc" in tooltip


def test_counts_by_status_show_all_ten(screen):
    shown = {status: int(label.text()) for status, label in screen.status_counts.items()}
    assert shown == {S.NEW: 0, S.RECEIVED: 3, S.REFUSED: 0, S.IN_PROCESSING: 1,
                     S.SUPPLEMENT_REQUESTED: 1, S.FINANCIAL_OBLIGATION: 0, S.WITHDRAWN: 0,
                     S.STOPPED: 0, S.DONE: 0, S.RETURNED: 2}
    assert screen.total_count.text() == "7"
    assert "Đang giải quyết: 5 hồ sơ" in screen.updated.text()


def test_the_chart_has_thirty_days_with_their_counts(screen):
    bars = screen.chart.bars()
    assert len(bars) == 30
    assert bars[0][0] == date(2026, 2, 3) and bars[-1][0] == date(2026, 3, 4)
    counts = dict(bars)
    assert counts[date(2026, 2, 10)] == 2
    assert counts[date(2026, 3, 2)] == 4
    assert counts[date(2026, 3, 4)] == 1
    assert sum(counts.values()) == 7
    assert screen.chart.day_label(0) == "3/2" and screen.chart.day_label(26) == "1/3"
    assert screen.chart.day_label(27) == "2"
    rects = screen.chart.bar_rects()
    assert len(rects) == 30
    assert rects[27].height() == pytest.approx(2 * rects[7].height())  # 4 vs 2 dossiers
    assert "tổng 7" in screen.chart_box.title()
    screen.chart.repaint()  # paints without error


def test_a_change_elsewhere_refreshes_the_lists(screen, world, qtbot):
    code = world.codes["overdue"]
    world.desk.hand_back(code, receiver_name="Nguyễn Văn Đức", receiver_id_number=None)
    world.session.announce(Changes.of_dossiers([code]))
    qtbot.waitUntil(lambda: screen.models[WatchKind.OVERDUE].codes() == [], timeout=2000)
    assert screen.status_counts[S.RETURNED].text() == "3"


def test_enter_on_a_row_opens_the_dossier(screen, world, qtbot):
    opened: list[str] = []
    world.session.open_dossier_requested.connect(opened.append)
    table = screen.tables[WatchKind.DUE_SOON]
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [world.codes["near"]]


def export(dialog, qtbot, path: Path) -> Path:
    """The dialog's own path, with the file name a person would have picked."""
    suggested: list[Path] = []

    def choose(default: Path) -> Path:
        suggested.append(default)
        return path

    dialog.choose_path = choose
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as written:
        dialog.save_button.click()
    return suggested[0], written.args[0]


def ready(dialog, qtbot):
    """The export dialog once it has read its choices (the last folder, the clerks)."""
    with qtbot.waitSignal(dialog.loaded):
        pass
    return dialog


def open_log_dialog(screen, qtbot):
    return ready(screen.open_log_dialog(), qtbot)


def test_printing_the_log_writes_a_pdf_then_an_xlsx(screen, world, qtbot):
    dialog = open_log_dialog(screen, qtbot)
    assert dialog.period() == (date(2026, 3, 4), date(2026, 3, 4))
    assert [dialog.clerk.itemText(i) for i in range(dialog.clerk.count())] == [
        "Tất cả cán bộ", "Trần Văn Nam", "Lê Thị Hoa"]  # the one logged in first
    dialog.set_period(date(2026, 3, 1), date(2026, 3, 4))
    suggested, written = export(dialog, qtbot, world.tmp / "out" / "so")
    assert suggested.name == "so-theo-doi-2026-03-01_2026-03-04.pdf"
    assert written == world.tmp / "out" / "so.pdf"
    assert kept_pdf(written).startswith(b"%PDF")
    assert dialog.message.text() == f"Đã lưu sổ theo dõi vào {written}"
    assert dialog.print_button.isVisibleTo(dialog) and dialog.open_button.isVisibleTo(dialog)

    dialog.set_format("xlsx")
    dialog.clerk.setCurrentIndex(1)
    suggested, written = export(dialog, qtbot, world.tmp / "out" / "so-nam.xlsx")
    assert suggested == world.tmp / "out" / "so-theo-doi-2026-03-01_2026-03-04-tran-van-nam.xlsx"
    assert written.read_bytes().startswith(b"PK")  # a zip: the xlsx container
    assert not dialog.print_button.isVisibleTo(dialog)


def test_a_printed_log_comes_out_landscape_page_for_page(screen, world, qtbot):
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    from intake_app.ui.printing import print_pdf
    from intake_app.ui.supervisor.output import printer_for

    dialog = open_log_dialog(screen, qtbot)
    dialog.set_period(date(2026, 3, 1), date(2026, 3, 4))
    _, log = export(dialog, qtbot, world.tmp / "out" / "so-in.pdf")
    printer = printer_for(log)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)
    printer.setOutputFileName(str(world.tmp / "out" / "printed.pdf"))
    assert print_pdf(log, printer)
    source, printed = (pdfium.PdfDocument(str(p)) for p in (log, world.tmp / "out" / "printed.pdf"))
    assert len(printed) == len(source)
    width, height = printed[0].get_size()
    assert width > height


def test_the_report_06a_dialog_writes_this_months_report(screen, world, qtbot):
    dialog = ready(screen.open_report_dialog(), qtbot)
    assert dialog.period() == (date(2026, 3, 1), date(2026, 3, 4))
    assert list(dialog.format_buttons) == ["pdf", "xlsx"]
    suggested, written = export(dialog, qtbot, world.tmp / "bao-cao.pdf")
    assert suggested.name == "bao-cao-06a-2026-03-01_2026-03-04.pdf"
    assert kept_pdf(written).startswith(b"%PDF")


def test_a_period_ending_before_it_starts_is_refused_without_asking(screen, qtbot):
    dialog = open_log_dialog(screen, qtbot)
    dialog.set_period(date(2026, 3, 4), date(2026, 3, 2))
    dialog.choose_path = lambda default: pytest.fail("no file should be asked for")
    dialog.save()
    assert dialog.message.text() == "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."


def verify(screen, qtbot) -> list[str]:
    with qtbot.waitSignal(screen.verified) as verified:
        screen.verify_button.click()
    return verified.args[0]


def test_verifying_the_log(screen, world, qtbot):
    assert verify(screen, qtbot) == []
    assert screen.message.text() == "Sổ theo dõi không bị sửa đổi."
    with open_db(world.folder / DATABASE_FILE) as conn:  # someone edits a sealed day
        conn.execute("UPDATE dossiers SET clerk = 'Người khác' WHERE code = ?",
                     [world.codes["near"]])
    problems = verify(screen, qtbot)
    assert problems and all(p.startswith("Ngày 02/03/2026") for p in problems)
    assert screen.message.text().startswith("Sổ theo dõi có 1 chỗ không khớp")


def test_file_names():
    assert period_part(date(2026, 11, 23), date(2026, 11, 23)) == "2026-11-23"
    assert period_part(date(2026, 2, 1), date(2026, 2, 28)) == "2026-02"
    assert period_part(date(2026, 12, 1), date(2026, 12, 31)) == "2026-12"
    assert period_part(date(2026, 2, 1), date(2026, 2, 27)) == "2026-02-01_2026-02-27"
    assert slug("Đặng Thị Ánh") == "dang-thi-anh"


def test_f5_shows_the_screen_in_the_main_window(world, qtbot):
    from intake_app.ui.main_window import build_main_window

    window = build_main_window(world.session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.current_screen_name() == "supervisor"
    assert window.slots["supervisor"].button.text() == "Giám sát (F5)"
    assert isinstance(window.built_screen("supervisor"), SupervisorScreen)


def test_a_file_that_cannot_be_written_is_reported_in_the_dialog(screen, world, qtbot):
    blocker = world.tmp / "not-a-folder"
    blocker.write_text("")
    dialog = open_log_dialog(screen, qtbot)
    dialog.choose_path = lambda default: blocker / "so.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.save()
    assert dialog.message.text().startswith("Không lưu được sổ theo dõi: ")
    assert dialog.save_button.isEnabled() and not dialog.busy()
    assert not dialog.open_button.isVisibleTo(dialog)

"""The original receipt is not lost (issue 11.5): its print is recorded only when the print job
succeeded; until then the unmarked original prints again from the dossier; leaving it
unprinted asks first; BẢN SAO only once the original was printed. The real window, desk and
SQLite file; the printed and previewed PDFs read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import as_user, pdf_words, rows
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from station_db import kept_pdf

from intake_app.ui.find.dossier_dialog import DossierDialog, read_view
from intake_app.ui.intake import IntakeScreen
from intake_app.ui.receipt_preview import ReceiptPreviewDialog


def to_file(out: Path):
    def choose(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(100)
        printer.setOutputFileName(str(out))
        return True
    return choose


def broken_printer(tmp_path: Path):
    return to_file(tmp_path / "no-such-folder" / "x.pdf")  # the job fails


@pytest.fixture
def screen(session, qtbot, desk):
    widget = IntakeScreen(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def stamp(screen, qtbot, desk) -> ReceiptPreviewDialog:
    from conftest import intake_request

    request = intake_request()
    screen.payload = lambda: request  # the form's own walk is tested elsewhere
    with qtbot.waitSignal(screen.stamped):
        screen.stamp()
    qtbot.waitUntil(lambda: screen.receipt_dialog is not None)
    return screen.receipt_dialog


def answer(qtbot, dialog: ReceiptPreviewDialog, text_part: str) -> None:
    qtbot.waitUntil(lambda: dialog.leave_box is not None and dialog.leave_box.isVisible())
    button = next(b for b in dialog.leave_box.buttons() if text_part in b.text())
    button.click()


def test_a_failed_print_keeps_the_original_and_leaving_it_unprinted_asks(
        screen, qtbot, desk, data_dir, tmp_path, session):
    preview = stamp(screen, qtbot, desk)
    code = screen.last_result.dossier.code
    assert preview.original is not None and preview.original.code == code
    assert "BẢN SAO" not in pdf_words(preview.pdf)
    # The printer fails: nothing recorded, the preview stays, the original can be printed.
    preview.choose_printer = broken_printer(tmp_path)
    assert not preview.print_receipt()
    assert preview.isVisible() and "chưa ghi nhận là đã in" in preview.message.text()
    assert rows(data_dir, "SELECT count(*) FROM receipt_prints") == [(0,)]
    # Esc: asked; "Ở lại để in" keeps the preview.
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    answer(qtbot, preview, "Ở lại")
    assert preview.isVisible()
    # Esc again, "Đóng, in sau": closed; still not printed.
    preview.reject()
    assert code in preview.leave_box.text()
    answer(qtbot, preview, "Đóng, in sau")
    qtbot.waitUntil(lambda: screen.receipt_dialog is None)
    assert not desk.receipt_prints.original_printed(code)

    # From the dossier: Ctrl+P prints the original again, unmarked, and records it once the
    # job succeeded.
    dialog = DossierDialog(session, read_view(desk, code))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    again = dialog.preview
    assert again.original is not None and again.copies.value() == 2
    assert "BẢN SAO" not in pdf_words(again.pdf)
    assert again.pdf == desk.read_pdf(desk.receipt_path(desk.receipt(code)))  # the original
    assert again.file_stem == f"giay-tiep-nhan-{code}"
    printed = tmp_path / "printed.pdf"
    again.choose_printer = to_file(printed)
    with qtbot.waitSignal(session.changed):
        assert again.print_receipt()
    assert kept_pdf(printed).startswith(b"%PDF")
    qtbot.waitUntil(lambda: desk.receipt_prints.original_printed(code))
    assert rows(data_dir, "SELECT issue, copies, printed_by FROM receipt_prints") == [
        (1, 2, "Lê Thị Hoa")]
    assert [h["action"] for h in desk.history(code)] == ["received", "receipt_printed"]

    # Printed: from now on Ctrl+P is a real copy, marked BẢN SAO, and leaving it asks nothing.
    qtbot.waitUntil(lambda: dialog.history.rowCount() == 2)
    dialog.preview = None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    copy = dialog.preview
    assert copy.original is None and "BẢN SAO" in pdf_words(copy.pdf)
    assert copy.file_stem == f"giay-tiep-nhan-{code}-ban-sao"
    copy.reject()
    assert copy.leave_box is None
    assert desk.history(code)[-1]["action"] == "receipt_reprinted"


def test_a_receipt_printed_at_once_after_the_stamp_is_recorded(screen, qtbot, desk, tmp_path,
                                                               session):
    preview = stamp(screen, qtbot, desk)
    code = screen.last_result.dossier.code
    preview.choose_printer = to_file(tmp_path / "first.pdf")
    with qtbot.waitSignal(session.changed):
        qtbot.keyClick(preview, Qt.Key.Key_Return)  # the print button is the default
    assert preview.printed
    qtbot.waitUntil(lambda: desk.receipt_prints.original_printed(code))
    qtbot.waitUntil(lambda: screen.receipt_dialog is None)
    assert QApplication.focusWidget() is None or screen.isAncestorOf(QApplication.focusWidget())
    assert desk.receipt_prints.to_print(code, tmp_path / "copy.pdf").original is False


def test_receipts_handed_out_before_prints_were_recorded_count_as_printed(data_dir, tmp_path):
    """db/0014 on an older station: a reprint of an earlier dossier stays a copy."""
    from conftest import intake_request
    from station_db import open_db

    from intake_app.desk import Desk

    with as_user(Desk(data_dir)) as desk:
        code = desk.receive(intake_request()).dossier.code
        assert not desk.receipt_prints.original_printed(code)
    with open_db(data_dir) as conn:  # the station before 0014
        for table in ("receipt_prints", "provincial_fees", "provincial_fee_changes"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE '0014%'")
    with as_user(Desk(data_dir)) as desk:
        assert desk.receipt_prints.original_printed(code)
        job = desk.receipt_prints.to_print(code, tmp_path / "copy.pdf")
        assert not job.original and "BẢN SAO" in pdf_words(job.path)

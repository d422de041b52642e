"""The Receive screen, driven as a clerk drives it: keyboard only, real desk, real SQLite file."""

from __future__ import annotations

import unicodedata

import pypdfium2 as pdfium
import pytest
from conftest import intake_request, rows, show_on_screen, type_text
from PySide6.QtCore import QRect, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from station_db import kept_pdf

from intake_app.ui.fonts import load_fonts
from intake_app.ui.intake import IntakeScreen
from intake_app.ui.printing import new_receipt_printer, print_pdf
from intake_app.ui.receipt_preview import ReceiptPreviewDialog

NAME = "Nguyễn Văn Đức"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def enter(qtbot) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def type_and_enter(qtbot, text: str) -> None:
    type_text(qtbot, focused(), text)
    enter(qtbot)


@pytest.fixture
def screen(session, qtbot) -> IntakeScreen:
    widget = IntakeScreen(session)
    show_on_screen(qtbot, widget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.picker)
    return widget


def pick_procedure(qtbot, screen: IntakeScreen) -> None:
    qtbot.keyClicks(focused(), "chung thuc ban sao")
    qtbot.waitUntil(screen.picker.popup_visible)
    assert screen.picker.popup_texts()[0].startswith("2.000815  Chứng thực bản sao từ bản chính")
    enter(qtbot)
    assert screen.picker.value.code == "2.000815"
    assert focused() is screen.form.name


def test_clerk_receives_a_dossier_without_touching_the_mouse(screen, qtbot, data_dir, desk):
    pick_procedure(qtbot, screen)
    type_and_enter(qtbot, NAME)
    type_and_enter(qtbot, "046095001234")
    type_and_enter(qtbot, "02/03/1995")
    assert screen.form.gender.currentData() == "nam"  # the CCCD number's sex digit
    enter(qtbot)
    type_and_enter(qtbot, "0912345678")
    enter(qtbot)  # no email
    assert focused() is screen.form.province
    qtbot.keyClicks(focused(), "hue")  # replaces the station's province, selected on entry
    qtbot.waitUntil(lambda: screen.form.province.popup_texts() == ["Thành phố Huế"])
    enter(qtbot)
    assert focused() is screen.form.commune
    qtbot.keyClicks(focused(), "phong qu")
    qtbot.waitUntil(lambda: screen.form.commune.popup_texts() == ["Phường Phong Quảng"])
    enter(qtbot)
    assert screen.form.commune.value.code == "19873"
    type_and_enter(qtbot, "Thôn Phước Yên")
    enter(qtbot)  # owner: the applicant
    enter(qtbot)  # first paper (bản chính to certify from): not ticked, counts skipped
    second = screen.checklist.rows()[1]
    assert focused() is second.tick
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert second.tick.isChecked()
    enter(qtbot)  # to its bản sao count: bản chính and bản photo keep 0, out of the walk
    type_and_enter(qtbot, "2")  # bản sao
    type_and_enter(qtbot, "3")  # pages
    assert focused() is screen.sets
    qtbot.waitUntil(lambda: screen.summary.fee_value.text() == "10.000 ₫")
    qtbot.waitUntil(screen.is_checked)
    assert screen.summary.due_value.text().count("/") == 2  # "17:00 dd/MM/yyyy"
    assert screen.problems() == {}

    with qtbot.waitSignal(screen.session.changed) as changed:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    saved = rows(data_dir, "SELECT code, json_extract(applicant, '$.name') FROM dossiers")
    assert len(saved) == 1
    code, name = saved[0]
    assert changed.args[0].dossiers == {code}
    assert name == NAME and unicodedata.is_normalized("NFC", name)
    assert rows(data_dir, "SELECT kind FROM outbox") == [("received",)]
    dossier = desk.dossier(code)
    assert [(d.form.value, d.copies, d.pages) for d in dossier.documents] == [("ban_sao", 2, 3)]
    assert dossier.fee_total == 10_000
    assert screen.last_result.receipt_path.exists()
    dialog = screen.receipt_dialog
    assert dialog is not None and dialog.isVisible() and len(dialog.page_labels) == 1
    assert dialog.print_button.text() == "In 2 bản (Ctrl+P)"
    dialog.reject()  # not printed: asked first (tests/test_ui_receipt_original.py)
    qtbot.waitUntil(lambda: dialog.leave_box is not None)
    next(b for b in dialog.leave_box.buttons() if "Đóng" in b.text()).click()
    # Ready for the next citizen.
    assert screen.picker.text() == "" and screen.form.name.text() == ""
    assert screen.checklist.rows() == []
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.picker)


def test_invalid_input_shows_the_reasons_beside_the_fields_and_saves_nothing(
    screen, qtbot, data_dir,
):
    pick_procedure(qtbot, screen)
    type_and_enter(qtbot, NAME)
    type_and_enter(qtbot, "04609500123")
    enter(qtbot)  # birth date
    enter(qtbot)  # gender
    type_and_enter(qtbot, "0123")
    errors = screen.form.applicant.errors
    qtbot.waitUntil(lambda: errors["applicant.phone"].text() != "")
    assert "12 chữ số" in errors["applicant.id_number"].text()
    assert "01x" in errors["applicant.phone"].text()
    assert errors["applicant.name"].text() == ""
    assert errors["applicant.address"].text() == ""  # not reached yet: no "required" shown

    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: errors["applicant.address"].text() != "")
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(0,)]
    assert errors["applicant.address"].text() == "Địa chỉ không được để trống."
    assert screen.receipt_dialog is None
    assert focused() is screen.form.id_number  # the first wrong field
    assert "Còn 3 mục cần sửa" in screen.summary.problems.text()


def test_a_birth_date_not_in_vietnamese_order_is_refused_by_the_form(screen, qtbot):
    screen.form.birth_date.setFocus()
    type_and_enter(qtbot, "1995-03-02")
    qtbot.waitUntil(lambda: screen.form.applicant.errors["applicant.birth_date"].text() != "")
    assert "ngày/tháng/năm" in screen.form.applicant.errors["applicant.birth_date"].text()
    screen.form.birth_date.setFocus()
    screen.form.birth_date.selectAll()
    type_and_enter(qtbot, "2/3/1995")
    assert screen.form.birth_date.text() == "02/03/1995"
    assert screen.payload()["applicant"]["birth_date"] == "1995-03-02"


def test_print_pdf_paints_every_page_on_the_printer(desk, tmp_path, qtbot):
    result = desk.receive(intake_request())
    pdf = kept_pdf(result.receipt_path)
    for copies in (1, 2):
        out = tmp_path / f"printed-{copies}.pdf"
        printer = new_receipt_printer(copies)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(150)
        printer.setOutputFileName(str(out))
        assert print_pdf(pdf, printer)
        expected = 1 if printer.supportsMultipleCopies() else copies
        assert kept_pdf(out).startswith(b"%PDF")
        assert len(pdfium.PdfDocument(out.read_bytes())) == expected
    broken = new_receipt_printer(1)
    broken.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    broken.setOutputFileName(str(tmp_path / "no-such-folder" / "x.pdf"))
    assert not print_pdf(pdf, broken)


def test_preview_prints_or_says_the_dossier_is_kept(screen, desk, tmp_path, qtbot, data_dir):
    result = desk.receive(intake_request())
    # Opened from the intake screen, as after a stamp (its save button asks the screen's session).
    dialog = ReceiptPreviewDialog(kept_pdf(result.receipt_path), screen, title=result.dossier.code)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.choose_printer = lambda printer: False  # the clerk cancels the print dialog
    assert not dialog.print_receipt()
    assert "in lại" in dialog.message.text()
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(1,)]
    out = tmp_path / "printed.pdf"

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(150)
        printer.setOutputFileName(str(out))
        return True

    dialog.choose_printer = to_file
    assert dialog.print_receipt() and dialog.printed
    assert kept_pdf(out).startswith(b"%PDF")
    dialog.choose_file = lambda: str(tmp_path / "saved")
    assert dialog.save_pdf() == tmp_path / "saved.pdf"
    assert (tmp_path / "saved.pdf").read_bytes() == kept_pdf(result.receipt_path)


def test_the_screen_fits_a_1366_by_768_office_screen(screen, qtbot):
    load_fonts(QApplication.instance())  # the window's font, for its real metrics
    pick_procedure(qtbot, screen)
    qtbot.keyClick(focused(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    added = screen.checklist.rows()[-1]
    assert added.component is None and focused() is added.name_edit
    screen.form.owner_check.setChecked(True)
    QApplication.processEvents()
    assert screen.minimumSizeHint().height() <= 600
    assert screen.minimumSizeHint().width() <= 1100
    inside = screen.rect()
    for widget in [*screen.field_order(), screen.checklist.add_button]:
        top_left = widget.mapTo(screen, widget.rect().topLeft())
        assert inside.contains(QRect(top_left, widget.size())), widget

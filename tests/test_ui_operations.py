"""The operations layer (ui/operations.py): desk work off the window's thread, one error door.

Driven through the real intake screen where a clerk would meet it: a stamp that waits for
the write lock another program holds, a refusal, a fault, a receipt that cannot be written.
"""

from __future__ import annotations

import logging
import threading
import time

import pytest
from conftest import rows, show_on_screen
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from station_db import open_db

from intake_app.desk import Desk
from intake_app.domain.errors import NotAllowed
from intake_app.domain.procedures import DocForm
from intake_app.store.db import DATABASE_FILE
from intake_app.ui import operations
from intake_app.ui.intake import IntakeScreen
from intake_app.ui.operations import Changes, CollectionOp, QueryOp, error_message

NAME = "Nguyễn Văn Đức"


@pytest.fixture
def screen(session, qtbot) -> IntakeScreen:
    widget = IntakeScreen(session)
    show_on_screen(qtbot, widget)
    return widget


def fill(screen: IntakeScreen, desk: Desk, qtbot) -> None:
    """A valid certification request, set field by field (the keyboard test types it)."""
    procedure = desk.procedure("2.000815")
    screen.picker.set_value(procedure)
    screen.picker.picked.emit(procedure)
    form = screen.form
    form.name.setText(NAME)
    form.id_number.setText("046095001234")
    form.birth_date.setText("02/03/1995")
    form.gender.setCurrentIndex(1)
    form.phone.setText("0912345678")
    qtbot.waitUntil(lambda: form.province.value is not None)  # the station's, read once
    form.commune.set_value(desk.communes("46", "phong quang")[0])
    form.address.setText("Thôn Phước Yên")
    row = screen.checklist.rows()[1]
    row.tick.setChecked(True)
    row.counts[DocForm.CERTIFIED_COPY].setValue(2)
    row.pages.setValue(3)
    screen.schedule_refresh()
    qtbot.waitUntil(lambda: screen.is_checked() and screen.summary.fee_value.text() != "—")
    assert screen.problems() == {}


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_stamp_waiting_for_the_write_lock_keeps_the_window_alive(screen, desk, session,
                                                                   qtbot, data_dir):
    fill(screen, desk, qtbot)
    other = open_db(data_dir / DATABASE_FILE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another counter, the sync thread, the command line…
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(50)
    try:
        assert screen.stamp()
        qtbot.waitUntil(session.ops.busy_cursor_shown, timeout=3000)
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.WaitCursor
        progress = session.ops.progress_dialog()
        assert progress is not None and progress.isVisible()
        assert progress.labelText() == "Đang lưu hồ sơ…"
        before = len(ticks)
        qtbot.wait(800)  # the stamp still waits for the lock…
        assert len(ticks) - before >= 8  # …and the window's event loop keeps turning
        assert screen.last_result is None
        assert not screen.summary.stamp_button.isEnabled()  # no second stamp meanwhile
        assert screen.stamp() is False
        assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(0,)]
    finally:
        other.execute("ROLLBACK")
        other.close()
        heartbeat.stop()
    qtbot.waitUntil(lambda: screen.last_result is not None, timeout=10_000)
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(1,)]
    assert not session.ops.busy_cursor_shown() and QApplication.overrideCursor() is None
    assert session.ops.progress_dialog() is None
    assert screen.receipt_dialog is not None and screen.receipt_dialog.isVisible()
    screen.receipt_dialog.reject()


def test_a_refusal_shows_its_vietnamese_message(screen, desk, qtbot, data_dir, monkeypatch):
    fill(screen, desk, qtbot)
    refusal = "Đồng hồ máy tính lùi về trước hồ sơ đã tiếp nhận: hãy chỉnh lại đồng hồ."

    def refuse(self, payload):
        raise NotAllowed(refusal, "the clock went backwards")

    monkeypatch.setattr(Desk, "receive", refuse)
    screen.stamp()
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    box = message_boxes()[0]
    assert box.text() == f"Hồ sơ chưa được lưu: {refusal}"
    assert screen.summary.stamp_button.isEnabled()
    assert screen.form.name.text() == NAME  # the form is kept for another try
    box.close()


def test_an_unexpected_fault_is_logged_and_said_in_one_sentence(screen, desk, qtbot,
                                                                 monkeypatch, caplog):
    fill(screen, desk, qtbot)

    def broken(self, payload):
        raise KeyError("applicant_row")

    monkeypatch.setattr(Desk, "receive", broken)
    with caplog.at_level(logging.ERROR):
        screen.stamp()
        qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    text = message_boxes()[0].text()
    assert "không lường trước" in text and "tra cứu (F3)" in text
    assert "KeyError" not in text and "Traceback" not in text and "applicant_row" not in text
    assert "chưa được lưu" not in text  # whether it was saved is not known: never say it was not
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is KeyError]
    assert logged, "the fault's traceback goes to the log file"
    message_boxes()[0].close()


# ---- saved means saved -------------------------------------------------------------------------

def test_a_receipt_that_cannot_be_written_still_says_saved(screen, desk, qtbot, data_dir,
                                                           monkeypatch):
    fill(screen, desk, qtbot)

    def no_file(self, receipt):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Desk, "write_receipt", no_file)
    screen.stamp()
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    code = rows(data_dir, "SELECT code FROM dossiers")[0][0]
    text = message_boxes()[0].text()
    assert f"Hồ sơ {code} đã được tiếp nhận và lưu" in text and "in lại" in text
    assert "chưa được lưu" not in text
    assert screen.last_label.text().startswith(f"Vừa tiếp nhận: {code}")
    message_boxes()[0].close()


def test_a_receipt_that_cannot_be_shown_still_says_saved(screen, desk, qtbot, data_dir,
                                                         monkeypatch):
    from intake_app.ui import receipt_preview

    fill(screen, desk, qtbot)

    def no_pdfium(pdf, ratio=1.0):
        raise RuntimeError("PDFium could not load the document")

    monkeypatch.setattr(receipt_preview, "preview_pages", no_pdfium)
    screen.stamp()
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    code = rows(data_dir, "SELECT code FROM dossiers")[0][0]
    text = message_boxes()[0].text()
    assert f"Hồ sơ {code} đã được lưu nhưng không mở được giấy tiếp nhận" in text
    assert "chưa được lưu" not in text
    message_boxes()[0].close()


def test_a_receipt_pdf_fault_after_the_commit_never_says_not_saved(screen, desk, qtbot,
                                                                   data_dir, monkeypatch):
    from intake_app.documents import receipt_pdf

    fill(screen, desk, qtbot)

    def broken_pdf(receipt):
        raise ValueError("reportlab: the table does not fit")

    monkeypatch.setattr(receipt_pdf, "build_receipt_pdf", broken_pdf)
    screen.stamp()
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(1,)]  # committed
    code = rows(data_dir, "SELECT code FROM dossiers")[0][0]
    text = message_boxes()[0].text()
    assert f"Hồ sơ {code} đã được tiếp nhận và lưu" in text and "chưa được lưu" not in text
    message_boxes()[0].close()


# ---- the layer itself --------------------------------------------------------------------------

def test_a_stale_answer_is_dropped(session, qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    release = threading.Event()
    answers: list[str] = []

    def slow(desk):
        release.wait(5)
        return "old"

    QueryOp(session, parent=widget, op=slow, success=answers.append).latest("quote").run()
    QueryOp(session, parent=widget, op=lambda desk: "new",
            success=answers.append).latest("quote").run()
    release.set()
    qtbot.waitUntil(lambda: session.ops.in_flight == 0)
    assert answers == ["new"]


def test_a_closed_dialog_gets_no_answer_but_the_change_is_announced(session, qtbot):
    dialog = QWidget()
    release = threading.Event()
    answers: list[object] = []
    announced: list[Changes] = []
    session.changed.connect(lambda changes, _by: announced.append(changes))

    def change(desk):
        release.wait(5)
        return operations.Changed("done", Changes.of_settings("language"))

    CollectionOp(session, dialog, change).success(answers.append).run()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not operations.isValid(dialog))
    release.set()
    qtbot.waitUntil(lambda: session.ops.in_flight == 0)
    assert answers == [] and announced == [Changes.of_settings("language")]


def test_error_message_is_the_errors_own_or_one_generic_sentence():
    assert error_message(NotAllowed("Ngoài giờ làm việc.", "outside hours")) == \
        "Ngoài giờ làm việc."

    class SyncError(ValueError):
        vi = "Chưa có mã truy cập của quầy."

    assert error_message(SyncError("no token")) == "Chưa có mã truy cập của quầy."
    generic = error_message(ZeroDivisionError("division by zero"))
    assert "không lường trước" in generic and "division" not in generic

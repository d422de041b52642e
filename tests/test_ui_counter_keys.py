"""At the counter with the keyboard (issue 11.4): where the cursor is, the walk through the
papers, every action's key, leaving a half-filled form, the station's commune, the preview at
1366×768 and the file names. The real main window, its real screens, a real SQLite file."""

from __future__ import annotations

import re

import pytest
from conftest import intake_request, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory, QWidget
from station_db import kept_pdf

from intake_app.domain.procedures import DocForm
from intake_app.ui.focus_style import RING
from intake_app.ui.main_window import SettingsDialog, build_main_window
from intake_app.ui.printing import new_receipt_printer
from intake_app.ui.receipt_preview import ReceiptPreviewDialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.fixture
def window(session, qtbot):
    window = build_main_window(session)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    intake = window.built_screen("intake")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is intake.picker)
    return window


def pick_certified_copy(qtbot, screen) -> None:
    qtbot.keyClicks(screen.picker, "chung thuc ban sao")
    qtbot.waitUntil(screen.picker.popup_visible)
    qtbot.keyClick(screen.picker, Qt.Key.Key_Return)
    assert screen.picker.value.code == "2.000815"


def ring_pixels(widget: QWidget) -> int:
    """How many pixels of the focus ring's colour the widget shows."""
    image = widget.grab().toImage()
    ring = QColor(RING)
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            colour = image.pixelColor(x, y)
            if (abs(colour.red() - ring.red()) + abs(colour.green() - ring.green())
                    + abs(colour.blue() - ring.blue())) < 40:
                count += 1
    return count


@pytest.fixture
def old_windows_style():
    """The plain "Windows" style (the old look some office PCs still show), for one test."""
    app = QApplication.instance()
    before = app.style().name()
    app.setStyle(QStyleFactory.create("Windows"))
    yield
    app.setStyle(QStyleFactory.create(before))


def test_every_control_shows_where_the_cursor_is_even_in_the_old_windows_style(
        window, qtbot, old_windows_style):
    screen = window.built_screen("intake")
    pick_certified_copy(qtbot, screen)
    tick = screen.checklist.rows()[0].tick
    for widget in (screen.form.gender, screen.form.owner_check, tick, screen.form.name,
                   screen.sets, screen.channel):
        screen.picker.setFocus()
        qtbot.waitUntil(lambda w=widget: not w.hasFocus())
        assert ring_pixels(widget) == 0, widget
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        assert ring_pixels(widget) > 2 * widget.width(), widget  # a ring around it


def test_enter_and_tab_walk_the_papers_as_a_clerk_fills_them(window, qtbot):
    screen = window.built_screen("intake")
    pick_certified_copy(qtbot, screen)
    rows = screen.checklist.rows()
    assert len(rows) >= 2
    first, second = rows[0], rows[1]
    # Unticked: the counts are not in the walk at all.
    first.tick.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is second.tick
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert second.tick.isChecked()
    # Ticked: its usual form's count (bản sao), then the pages; bản chính and photo are skipped.
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is second.counts[second.form]
    assert second.form.value == "ban_sao"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is second.pages
    # ← at the edge of a count reaches the counts out of the walk.
    second.counts[second.form].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    assert focused() is second.counts[DocForm.ORIGINAL]
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert focused() is second.counts[second.form]
    order = screen.field_order()
    for row in rows:
        others = [spin for form, spin in row.counts.items() if form != row.form]
        assert not any(spin in order for spin in others)


def test_a_key_jumps_to_the_next_paper_from_anywhere_on_the_form(window, qtbot):
    screen = window.built_screen("intake")
    pick_certified_copy(qtbot, screen)
    rows = screen.checklist.rows()
    screen.form.phone.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert focused() is rows[0].tick
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # ↓ on a tick: the next paper
    assert focused() is rows[1].tick
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # in a count: Ctrl+↓ still moves on
    qtbot.keyClick(focused(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert focused() is (rows[2].tick if len(rows) > 2 else screen.sets)
    qtbot.keyClick(focused(), Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert focused() is rows[1].tick
    rows[-1].tick.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert screen.checklist.row_of(focused()) is None
    assert screen.field_order().index(focused()) > screen.field_order().index(rows[-1].tick)
    assert "Ctrl+↓" in screen.papers_box.title()  # the key is shown where it is used


def test_the_stations_commune_is_filled_in_and_comes_back_for_the_next_citizen(window, qtbot):
    form = window.built_screen("intake").form
    qtbot.waitUntil(lambda: form.commune.value is not None)
    assert form.province.value.code == "46" and form.commune.value.code == "19873"
    assert form.commune.text() == "Phường Phong Quảng"
    assert window.built_screen("intake").payload()["applicant"]["commune_code"] == "19873"
    form.commune.set_value(None)
    form.clear()
    qtbot.waitUntil(lambda: form.commune.value is not None)
    assert form.commune.value.code == "19873"


def test_settings_and_exit_have_their_keys_shown_and_work(window, qtbot):
    assert "(F9)" in window.settings_button.text()
    assert "(Alt+F4)" in window.quit_button.text()
    for slot in window.slots.values():
        assert f"({slot.key})" in slot.button.text()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None)
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.isVisible())  # an empty form: closed without asking


def answer(qtbot, window, text_part: str) -> None:
    qtbot.waitUntil(lambda: window.leave_guard.box is not None
                    and window.leave_guard.box.isVisible())
    box: QMessageBox = window.leave_guard.box
    button = next(b for b in box.buttons() if text_part in b.text())
    button.click()


def test_leaving_a_half_filled_form_asks_first(window, qtbot):
    screen = window.built_screen("intake")
    screen.form.name.setFocus()
    type_text(qtbot, screen.form.name, "Trần Thị Bình")
    assert screen.has_input()
    # Another screen: asked; "Ở lại" keeps the form on screen.
    qtbot.keyClick(window, Qt.Key.Key_F3)
    answer(qtbot, window, "Ở lại")
    assert window.current_screen_name() == "intake"
    assert window.slots["intake"].button.isChecked()
    # Asked again; the form is kept when going on.
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert "Trần Thị Bình" in window.leave_guard.box.text()
    answer(qtbot, window, "Chuyển màn hình")
    assert window.current_screen_name() == "find"
    assert screen.form.name.text() == "Trần Thị Bình"
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.current_screen_name() == "intake"
    # Closing: asked; Esc stays, the window is still there.
    window.close()
    qtbot.waitUntil(lambda: window.leave_guard.box is not None)
    qtbot.keyClick(window.leave_guard.box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.leave_guard.box is None)
    assert window.isVisible()
    # Alt+F4, then "Thoát": closed.
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    answer(qtbot, window, "Thoát")
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_preview_shows_the_whole_page_at_1366_by_768_and_names_files_by_code(
        window, desk, qtbot):
    result = desk.receive(intake_request())
    code = result.dossier.code
    dialog = ReceiptPreviewDialog(kept_pdf(result.receipt_path), window, title=code)
    qtbot.addWidget(dialog)
    dialog.resize(900, 728 - 40)  # the tallest a dialog is on a 1366×768 screen and taskbar
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.fit_page and dialog.page_fits()
    dialog.set_fit_page(False)  # Ctrl+1: the page at its real size, scrolled
    assert not dialog.page_fits()
    qtbot.keyClick(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dialog.fit_page and dialog.page_fits()
    assert code in dialog.file_stem and "(Ctrl+1)" in dialog.zoom_button.text()
    # The name Qt's "print to file" suggests: the document name, cut at its last dot.
    printer = new_receipt_printer(2, f"{dialog.file_stem}.pdf")
    suggested = re.match(r"(.*)\.\S+", printer.docName()).group(1)
    assert suggested.endswith(code)
    other = desk.receive(intake_request()).dossier.code
    other_dialog = ReceiptPreviewDialog(kept_pdf(result.receipt_path), window, title=other)
    qtbot.addWidget(other_dialog)
    assert other_dialog.file_stem != dialog.file_stem

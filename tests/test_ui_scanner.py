"""A receipt scanned anywhere in the real window, with the keys a USB scanner really sends.

Every dossier code has a capital letter (the unit code's H56), which the scanner types as
Shift press, the letter with the Shift modifier, Shift release: the burst must survive it on
every screen (F2–F6) when no text field has the focus. A person typing the same keys slowly
is left alone.
"""

from __future__ import annotations

import pytest
from conftest import intake_request
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from scanner_keys import scanner_keys

from intake_app.ui.find import DossierDialog
from intake_app.ui.main_window import build_main_window
from intake_app.ui.supervisor.watch_model import WatchKind


@pytest.fixture
def window(session, qtbot):
    window = build_main_window(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_dossiers() -> list[str]:
    return [w.code for w in QApplication.topLevelWidgets()
            if isinstance(w, DossierDialog) and w.isVisible()]


NOT_A_TEXT_FIELD = {  # a widget of each screen that a clerk may leave the focus on
    "intake": lambda screen: screen.summary.stamp_button,
    "find": lambda screen: screen.table,
    "handback": lambda screen: screen.load_button,
    "supervisor": lambda screen: screen.tables[WatchKind.OVERDUE],
    "sync": lambda screen: screen.table,
}


@pytest.mark.parametrize("key, name", [
    (Qt.Key.Key_F2, "intake"), (Qt.Key.Key_F3, "find"), (Qt.Key.Key_F4, "handback"),
    (Qt.Key.Key_F5, "supervisor"), (Qt.Key.Key_F6, "sync"),
])
def test_a_scanned_receipt_opens_its_dossier_on_every_screen(window, desk, qtbot, key, name):
    code = desk.receive(intake_request()).dossier.code
    assert any(c.isupper() for c in code)
    qtbot.keyClick(window, key)
    assert window.current_screen_name() == name
    target = NOT_A_TEXT_FIELD[name](window.built_screen(name))
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)
    for event, _ in scanner_keys(code):  # a burst: no pause between the keys
        QApplication.sendEvent(QApplication.focusWidget(), event)
    qtbot.waitUntil(lambda: open_dossiers() == [code])


def test_a_person_typing_a_code_slowly_opens_nothing(window, desk, qtbot):
    code = desk.receive(intake_request()).dossier.code
    qtbot.keyClick(window, Qt.Key.Key_F5)
    table = window.built_screen("supervisor").tables[WatchKind.OVERDUE]
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    for event, starts_character in scanner_keys(code):
        if starts_character:
            qtbot.wait(70)  # a fast typist: still slower than any scanner
        QApplication.sendEvent(QApplication.focusWidget(), event)
    qtbot.wait(300)
    assert open_dossiers() == []

"""Every screen of the main window fits a 1366×768 office screen once it shows its data (a row
of buttons or filters added to one screen widens the whole window: the stack takes the widest
page's minimum)."""

from __future__ import annotations

import pytest
from conftest import intake_request, shot
from PySide6.QtCore import Qt

from intake_app.ui.main_window import build_main_window


@pytest.mark.parametrize("key, name", [
    (Qt.Key.Key_F2, "intake"), (Qt.Key.Key_F3, "find"), (Qt.Key.Key_F4, "handback"),
    (Qt.Key.Key_F5, "supervisor"), (Qt.Key.Key_F6, "sync"),
])
def test_each_screen_fits_1366_pixels(session, desk, qtbot, key, name):
    desk.receive(intake_request())
    window = build_main_window(session)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.load_screens()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key)
    assert window.current_screen_name() == name
    qtbot.waitUntil(lambda: session.ops.in_flight == 0)
    qtbot.wait(50)  # the layout takes what the screen's data asked for
    assert window.minimumSizeHint().width() <= 1366, (
        name, window.built_screen(name).minimumSizeHint().width())
    shot(window, f"window-1366-{name}")

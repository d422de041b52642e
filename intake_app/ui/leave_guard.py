"""Leaving a half-filled intake form asks first: closing the window (Alt+F4, Thoát) or going to
another screen (F3–F6, the navigation) while a dossier is being typed.

Closing would lose what was typed: "Ở lại" (the default, Esc) or "Thoát, bỏ hồ sơ đang nhập".
Another screen keeps the form as it is, but the citizen may be left waiting with a dossier not
stamped: "Ở lại" or "Chuyển màn hình (giữ nội dung)". The question is window-modal and the
answer comes back later (`open()`, no nested event loop); a person who agrees is not asked
again for the same move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

if TYPE_CHECKING:
    from .main_window import MainWindow

INTAKE = "intake"


class LeaveGuard(QObject):
    """The main window's question before a half-filled form is left."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None  # the question on screen (tests answer it)
        self._closing_agreed = False

    def _half_filled(self) -> bool:
        screen = self.window.built_screen(INTAKE)
        has_input = getattr(screen, "has_input", None)
        return bool(has_input and has_input())

    def _what(self) -> str:
        screen = self.window.built_screen(INTAKE)
        describe = getattr(screen, "describe_input", None)
        text = describe() if describe else ""
        return f" ({text})" if text else ""

    def asks_before_closing(self) -> bool:
        """True when the close must wait for the clerk's answer (the question is shown)."""
        if self._closing_agreed or not self._half_filled():
            return False
        if self.box is not None:
            return True  # already asking
        self._ask(
            self.tr("Hồ sơ đang nhập dở{0} chưa được đóng dấu tiếp nhận. Thoát sẽ bỏ toàn bộ "
                    "nội dung đã nhập.").format(self._what()),
            self.tr("Thoát, bỏ hồ sơ đang nhập"), self._close_agreed)
        return True

    def asks_before_switching(self, name: str) -> bool:
        """True when going to screen `name` must wait for the clerk's answer."""
        if name == INTAKE or self.window.current_screen_name() != INTAKE \
                or not self._half_filled():
            return False
        if self.box is not None:
            self.window.slots[INTAKE].button.setChecked(True)
            return True
        self._ask(
            self.tr("Hồ sơ đang nhập dở{0} chưa được đóng dấu tiếp nhận. Nội dung vẫn được giữ "
                    "ở màn hình Tiếp nhận (F2) để nhập tiếp.").format(self._what()),
            self.tr("Chuyển màn hình (giữ nội dung)"),
            lambda: self.window._switch_to(name))  # noqa: SLF001 - the window's own move
        self.window.slots[INTAKE].button.setChecked(True)  # until the clerk agrees
        return True

    def _ask(self, text: str, leave_text: str, leave: object) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Hồ sơ chưa đóng dấu"), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        stay = box.addButton(self.tr("Ở lại (Esc)"), QMessageBox.ButtonRole.RejectRole)
        go: QPushButton = box.addButton(leave_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            self.box = None
            if box.clickedButton() is go:
                leave()  # type: ignore[operator]
            else:
                self._back_to_form()

        box.finished.connect(answered)
        self.box = box
        box.open()

    def _close_agreed(self) -> None:
        self._closing_agreed = True  # for good: a backup on closing closes the window later
        self.window.close()

    def _back_to_form(self) -> None:
        self.window.activateWindow()

"""Small building blocks every screen and dialog uses, so they look and behave alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

DIALOG_MARGINS = (16, 14, 16, 14)
DIALOG_SPACING = 10


def screen_title(text: str) -> QLabel:
    """The bold heading at the top of a screen."""
    title = QLabel(text)
    font = QFont(title.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    title.setFont(font)
    return title


def dialog_buttons(dialog: QDialog, accept_text: str,
                   reject_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """An accept and a reject button wired to the dialog; returns the box and the accept button."""
    buttons = QDialogButtonBox(dialog)
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(reject_text, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, accept


def dialog_layout(dialog: QDialog) -> QVBoxLayout:
    """The vertical layout of a small dialog, with the app's margins and spacing."""
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(*DIALOG_MARGINS)
    layout.setSpacing(DIALOG_SPACING)
    return layout


def on_ctrl_enter(widget: QWidget, action: Callable[[], object], *,
                  whole_window: bool = True) -> None:
    """Ctrl+Enter (either Enter key) runs `action`: how every form of the app is confirmed.

    With `whole_window` False the keys work only while the focus is inside `widget` (a screen
    among others in the main window).
    """
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), widget, action)
        if not whole_window:
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)


def confirm_buttons(dialog: QDialog, confirm_text: str, cancel_text: str,
                    confirm: Callable[[], object]) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """A bold confirm button (also Ctrl+Enter) and a cancel button, right-aligned.

    Neither is a default button: Enter in a field must never confirm by accident.
    """
    confirm_button = QPushButton(confirm_text)
    bold = QFont(confirm_button.font())
    bold.setBold(True)
    confirm_button.setFont(bold)
    cancel_button = QPushButton(cancel_text)
    for button in (confirm_button, cancel_button):
        button.setAutoDefault(False)
    confirm_button.clicked.connect(confirm)
    cancel_button.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(confirm_button)
    row.addWidget(cancel_button)
    on_ctrl_enter(dialog, confirm)
    return row, confirm_button, cancel_button

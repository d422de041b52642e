"""Small building blocks every screen and dialog uses, so they look and behave alike."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

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

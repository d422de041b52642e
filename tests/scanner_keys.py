"""The key events a USB barcode scanner sends for a text, as the window receives them.

A scanner is a keyboard: for a capital letter it presses Shift, sends the letter with the
Shift modifier, and releases Shift; digits, dots and dashes come without; Enter ends the code.
A 2D scanner reading a chip ID card's QR code types its ``|`` as Shift + the backslash key, and
its Vietnamese letters as text the OS composes (one key event with the letter as its text and
no key code, as a Unicode keyboard layout delivers them).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
PRESS, RELEASE = QEvent.Type.KeyPress, QEvent.Type.KeyRelease


def scanner_keys(text: str, *, enter: bool = True) -> list[tuple[QKeyEvent, bool]]:
    """(event, starts a character) pairs for `text` and Enter, in the order they are sent."""
    events: list[tuple[QKeyEvent, bool]] = []
    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else {
            ".": Qt.Key.Key_Period, "-": Qt.Key.Key_Minus, "|": Qt.Key.Key_Bar,
            " ": Qt.Key.Key_Space, ",": Qt.Key.Key_Comma, "/": Qt.Key.Key_Slash,
        }.get(char, Qt.Key.Key_unknown)
        if (char.isascii() and char.isupper()) or char == "|":
            events.append((QKeyEvent(PRESS, Qt.Key.Key_Shift, SHIFT, ""), True))
            events.append((QKeyEvent(PRESS, key, SHIFT, char), False))
            events.append((QKeyEvent(RELEASE, key, SHIFT, char), False))
            events.append((QKeyEvent(RELEASE, Qt.Key.Key_Shift, NONE, ""), False))
        else:
            events.append((QKeyEvent(PRESS, key, NONE, char), True))
            events.append((QKeyEvent(RELEASE, key, NONE, char), False))
    if enter:
        events.append((QKeyEvent(PRESS, Qt.Key.Key_Return, NONE, "\r"), True))
        events.append((QKeyEvent(RELEASE, Qt.Key.Key_Return, NONE, "\r"), False))
    return events

"""A USB barcode scanner, recognised among key presses anywhere in the application.

A scanner is a keyboard that types a whole code in a burst (a few milliseconds per character)
and then Enter. Installed on the QApplication, `ScannerFilter` watches the keys sent to the
focused widget. When that widget is a text field being edited, it lets everything through: the
field receives the code as typed (the find and hand-back screens handle codes typed there).
Elsewhere it holds back the characters a dossier code can contain; a fast burst ending with
Enter whose text is a dossier code is swallowed and reported as `code_scanned`. Keys a person
typed (too slow, or not a code) are passed on to their widget unchanged, a moment later.

A scanner types a capital letter as a keyboard does: Shift pressed, the letter (with the Shift
modifier), Shift released, all inside the burst. Every dossier code has capitals (`H56`), so
the Shift key's own press and release pass through without ending the burst.

A 2D scanner reading a chip ID card's QR code types its text the same way (`12 digits|old
CMND|name|ddmmyyyy|gender|address|ddmmyyyy`, Vietnamese letters as text the OS composes) and
Enter. Where `accepts_idcard(widget)` says the card is wanted (the receive screen), such a burst
is reported as `idcard_scanned(text)`: outside text fields its keys are held back as a code's
are; in a text field they reach the field as typed (a person's typing is never delayed), and
when the burst's Enter comes the field is put back as it was before the burst began and the
Enter swallowed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from ..domain.dossier_code import looks_like_dossier_code
from ..domain.idcard import QR_MAX_CHARS, looks_like_idcard_qr

MAX_GAP_S = 0.05  # a scanner types a character every few ms; a person needs 80 ms or more
CODE_CHARS = re.compile(r"[0-9A-Za-z.\-]")
QR_PREFIX = re.compile(r"\s*[0-9]{1,12}\s*(\|.*)?", re.DOTALL)  # how a card's QR text begins
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SHIFT_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock)  # held around capitals: not the end
SCANNER_MODIFIERS = (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)


def is_text_entry(widget: QWidget | None) -> bool:
    """True if typing into `widget` edits text (so a scanner's keys belong to it)."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return False


def _line_edit(widget: QWidget | None) -> QLineEdit | None:
    """The line edit whose text a burst typed into `widget` changes (None: not one)."""
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        edit = widget.findChild(QLineEdit)
        return edit if isinstance(edit, QLineEdit) else None
    return None


@dataclass
class _Run:
    """Characters typed fast into a text field: what they were, and the field before them."""

    widget: QWidget
    text: str
    field_text: str
    cursor: int
    last_press: float


@dataclass(frozen=True)
class _HeldKey:
    receiver: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScannerFilter(QObject):
    """Application-wide event filter that turns a scanner's burst + Enter into `code_scanned`.

    `clock` (seconds, monotonic) and `max_gap` are injectable so tests can play a scanner and
    a slow person with the same key events.
    """

    code_scanned = Signal(str)
    idcard_scanned = Signal(str)  # a chip ID card's QR text, where `accepts_idcard` wants it

    def __init__(self, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic, max_gap: float = MAX_GAP_S,
                 is_code: Callable[[str], bool] = looks_like_dossier_code,
                 accepts_idcard: Callable[[QWidget | None], bool] = lambda _widget: False):
        super().__init__(parent)
        self.accepts_idcard = accepts_idcard
        self._run: _Run | None = None  # a fast burst into a text field
        self._clock = clock
        self._max_gap = max_gap
        self._is_code = is_code
        self._held: list[_HeldKey] = []
        self._last_press = 0.0  # every gap within the held burst is shorter than max_gap
        self._swallowed_releases: list[int] = []
        self._replaying = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(int(max_gap * 3000))
        self._flush_timer.timeout.connect(self.flush)

    def install(self, app: QApplication | None = None) -> None:
        (app or QApplication.instance()).installEventFilter(self)

    def uninstall(self, app: QApplication | None = None) -> None:
        self.flush()
        if (app := app or QApplication.instance()) is not None:
            app.removeEventFilter(self)

    # ---- the filter --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or self._replaying:
            return False
        if not watched.isWidgetType():
            return False  # the QWindow sees each key before its focus widget: act once
        focus = QApplication.focusWidget()
        if focus is not None and watched is not focus:
            return False  # propagation to a parent of the focus widget
        if kind == QEvent.Type.KeyRelease:
            return self._release(event)
        if is_text_entry(focus or watched):
            self.flush()
            return self._typed(focus or watched, event)
        self._run = None
        return self._press(watched, event)

    # ---- a card's QR text typed into a text field ----------------------------------------------

    def _typed(self, widget: QObject, event: QKeyEvent) -> bool:
        """Watch a burst typed into a text field (letting it through); on its Enter, a card's
        QR text is taken back from the field and reported."""
        now, key, text = self._clock(), event.key(), event.text()
        if key in SHIFT_KEYS:
            return False
        run = self._run
        fast = run is not None and run.widget is widget and now - run.last_press < self._max_gap
        plain = not (event.modifiers() & ~SCANNER_MODIFIERS)
        if plain and key in ENTER_KEYS and fast and run is not None:
            self._run = None
            if looks_like_idcard_qr(run.text) and self.accepts_idcard(run.widget):
                edit = _line_edit(run.widget)
                if edit is not None and isValid(edit):
                    edit.setText(run.field_text)
                    edit.setCursorPosition(run.cursor)
                self._swallow_release(key)
                self.idcard_scanned.emit(run.text)
                return True
            return False
        if plain and len(text) == 1 and text.isprintable() and not event.isAutoRepeat():
            if fast and run is not None and len(run.text) < QR_MAX_CHARS:
                run.text += text
                run.last_press = now
            else:
                edit = _line_edit(widget) if isinstance(widget, QWidget) else None
                self._run = None if edit is None else _Run(
                    widget, text, edit.text(), edit.cursorPosition(), now)
            return False
        self._run = None
        return False

    def _release(self, event: QKeyEvent) -> bool:
        if event.key() in self._swallowed_releases:
            self._swallowed_releases.remove(event.key())
            return True
        return False

    def _press(self, watched: QObject, event: QKeyEvent) -> bool:
        now = self._clock()
        key, text = event.key(), event.text()
        if key in SHIFT_KEYS:
            return False  # the Shift around a capital letter: the burst goes on
        plain = not (event.modifiers() & ~SCANNER_MODIFIERS)
        if plain and key in ENTER_KEYS and self._held:
            gap_ok = now - self._last_press < self._max_gap
            code = "".join(held.text for held in self._held)
            if gap_ok and self._is_code(code):
                self._clear()
                self._swallow_release(key)
                self.code_scanned.emit(code.strip().upper())
                return True
            if gap_ok and looks_like_idcard_qr(code) and self.accepts_idcard(
                    watched if isinstance(watched, QWidget) else None):
                self._clear()
                self._swallow_release(key)
                self.idcard_scanned.emit(code)
                return True
        if plain and len(text) == 1 and self._holds(text) and not event.isAutoRepeat():
            if self._held and now - self._last_press >= self._max_gap:
                self.flush()  # a person typing: hand the earlier keys back
            self._held.append(_HeldKey(watched, key, event.modifiers(), text))
            self._last_press = now
            self._swallow_release(key)
            self._flush_timer.start()
            return True
        self.flush()
        return False

    def _holds(self, char: str) -> bool:
        """Whether `char` may belong to a burst: a code's character, or any printable one once
        the burst so far begins as a card's QR text (twelve digits, then ``|``)."""
        if CODE_CHARS.fullmatch(char):
            return True
        so_far = "".join(held.text for held in self._held)
        return (char.isprintable() and bool(so_far) and len(so_far) < QR_MAX_CHARS
                and QR_PREFIX.fullmatch(so_far + char) is not None)

    # ---- giving keys back --------------------------------------------------------------------

    def flush(self) -> None:
        """Send the held keys, as typed, to the widgets they were meant for."""
        held, self._held = self._held, []
        self._flush_timer.stop()
        if not held:
            return
        self._replaying = True
        try:
            for item in held:
                if not isValid(item.receiver):
                    continue  # the widget was closed meanwhile
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        item.receiver, QKeyEvent(kind, item.key, item.modifiers, item.text))
        finally:
            self._replaying = False

    def _swallow_release(self, key: int) -> None:
        self._swallowed_releases = [*self._swallowed_releases[-31:], key]

    def _clear(self) -> None:
        self._held = []
        self._flush_timer.stop()

"""A text field with a type-ahead list under it, driven entirely from the keyboard.

The list is a child of the window laid over the form (not a separate popup window), so the
field keeps the keyboard focus: typing filters, Up/Down move, Enter picks, Escape closes.
The suggestions may come back later (from the desk, off the window's thread): an answer for
text that was typed over is dropped, and Enter pressed before the answer picks its first line
as soon as it arrives, so a fast typist or a scanner loses nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem, QWidget

VISIBLE_ROWS = 8


class SuggestEdit(QLineEdit):
    """A QLineEdit whose `suggestions(text)` are offered in a list; `value` is the one picked."""

    picked = Signal(object)  # the value picked from the list
    value_cleared = Signal()  # the text was edited after a pick: nothing is picked any more

    def __init__(self, parent: QWidget | None = None, *, popup_width: int = 0):
        super().__init__(parent)
        self._value: Any = None
        self._popup_width = popup_width
        self._list = QListWidget()
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setWordWrap(True)
        self._list.setObjectName("suggestList")
        self._list.setStyleSheet(
            "#suggestList { border: 1px solid #6b8fb3; background: white; }"
            "#suggestList::item { padding: 3px 6px; border-bottom: 1px solid #e4e8ee; }"
            "#suggestList::item:selected { background: #cfe2f7; color: black; }"
        )
        self._list.itemClicked.connect(self._pick_item)
        self._list.hide()
        self._asked: str | None = None  # the text whose suggestions are awaited
        self._pick_when_answered = False  # Enter came before the answer
        self.destroyed.connect(self._list.deleteLater)  # the list may live on the window
        self.textEdited.connect(self._on_edited)

    # ---- for subclasses ------------------------------------------------------------------------

    def suggestions(self, text: str) -> list[tuple[str, Any]]:
        """(shown text, value) pairs for what is typed, at once; subclasses override this or
        `fetch_suggestions`."""
        return []

    def fetch_suggestions(self, text: str) -> None:
        """Ask for the suggestions of `text`; the answer goes to `show_list(text, pairs)`.

        Subclasses whose suggestions come from the desk override this with a query op.
        """
        self.show_list(text, self.suggestions(text))

    def text_for(self, value: Any) -> str:
        """The text the field shows once `value` is picked."""
        return str(value)

    # ---- state -------------------------------------------------------------------------------

    @property
    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        """Show `value` as picked (None clears the field)."""
        self._value = value
        self._asked = None
        self._pick_when_answered = False
        self.setText("" if value is None else self.text_for(value))
        self.hide_popup()

    def popup_visible(self) -> bool:
        return self._list.isVisible()

    def waiting(self) -> bool:
        """True while the suggestions of the current text are awaited."""
        return self._asked is not None

    def wants_enter(self) -> bool:
        """Enter belongs to the field: it picks from the list (now or when it arrives)."""
        return self.popup_visible() or self.waiting()

    def popup_texts(self) -> list[str]:
        return [self._list.item(i).text() for i in range(self._list.count())]

    # ---- list --------------------------------------------------------------------------------

    def show_suggestions(self) -> None:
        """Ask for the suggestions of what is typed (shown when they arrive)."""
        self._asked = self.text()
        self.fetch_suggestions(self._asked)

    def show_list(self, text: str, pairs: list[tuple[str, Any]]) -> None:
        """Show the suggestions of `text`, unless more was typed since (a newer answer comes)."""
        if text != self._asked:
            return
        self._asked = None
        pick, self._pick_when_answered = self._pick_when_answered, False
        self._list.clear()
        for shown, value in pairs:
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, value)
            self._list.addItem(item)
        if self._list.count() == 0 or not (pick or self.hasFocus()):
            self.hide_popup()
            if pick:
                self.focusNextChild()  # nothing to pick: Enter moves on, as it does elsewhere
            return
        self._list.setCurrentRow(0)
        if pick:
            self._pick_item(self._list.currentItem())
            self.focusNextChild()
            return
        self._place_popup()
        self._list.show()
        self._list.raise_()

    def hide_popup(self) -> None:
        self._list.hide()

    def _place_popup(self) -> None:
        window = self.window()
        if self._list.parent() is not window:
            self._list.setParent(window)
            self._list.installEventFilter(self)
        width = max(self.width(), self._popup_width)
        width = min(width, window.width() - 8)
        self._list.setFixedWidth(width)
        rows = min(self._list.count(), VISIBLE_ROWS)
        height = sum(self._list.sizeHintForRow(i) for i in range(rows)) + 4
        below = self.mapTo(window, QPoint(0, self.height()))
        x = max(4, min(below.x(), window.width() - width - 4))
        space_below = window.height() - below.y() - 4
        space_above = below.y() - self.height() - 4
        if height <= space_below or space_below >= space_above:
            height = min(height, space_below)
            y = below.y()
        else:
            height = min(height, space_above)
            y = below.y() - self.height() - height
        self._list.setGeometry(x, y, width, max(height, 24))

    def _pick_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        value = item.data(Qt.ItemDataRole.UserRole)
        self.set_value(value)
        self.picked.emit(value)

    def _on_edited(self, _text: str) -> None:
        if self._value is not None:
            self._value = None
            self.value_cleared.emit()
        self.show_suggestions()

    # ---- keyboard ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not self.popup_visible():
                if key == Qt.Key.Key_Down:
                    self.show_suggestions()
                    event.accept()
                    return
                super().keyPressEvent(event)
                return
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                    Qt.Key.Key_PageDown: VISIBLE_ROWS, Qt.Key.Key_PageUp: -VISIBLE_ROWS}[key]
            row = max(0, min(self._list.count() - 1, self._list.currentRow() + step))
            self._list.setCurrentRow(row)
            event.accept()
            return
        if (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.waiting()
                and not self.popup_visible()):
            self._pick_when_answered = True  # picked as soon as the list arrives
            event.accept()
            return
        if self.popup_visible() and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick_item(self._list.currentItem())
            event.accept()
            self.focusNextChild()  # Enter picks and moves on, as everywhere on the form
            return
        if self.popup_visible() and key == Qt.Key.Key_Escape:
            self.hide_popup()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        self.hide_popup()
        super().focusOutEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        # Keep the list above the widgets that were laid out after it was placed.
        if watched is self._list and event.type() == QEvent.Type.Show:
            self._list.raise_()
        return False

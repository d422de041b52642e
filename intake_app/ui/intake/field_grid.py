"""A grid of labelled fields, each with a red line under it for the reason it is wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

ERROR_STYLE = "color: #b3261e; font-size: 9pt;"
BAD_FIELD = "bad"


class FieldGrid(QWidget):
    """Fields laid out label | editor, in as many column pairs as asked.

    Each field is known by a key (the request's problem key, like `applicant.id_number`);
    `show_problems` writes each reason under its field and clears the others.
    """

    def __init__(self, parent: QWidget | None = None, *, label_width: int = 0):
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(0)
        self._label_width = label_width
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, key: str, label: str, editor: QWidget, row: int, pair: int = 0,
            span: int = 1, caption_widget: QWidget | None = None) -> QWidget:
        """Put `editor` at grid row `row` (each field row takes two grid rows); a
        `caption_widget` (a choice of what the field holds) stands in for the label."""
        caption: QWidget
        if caption_widget is not None:
            caption = caption_widget
        else:
            caption = QLabel(label)
            caption.setBuddy(editor)
        if self._label_width:
            caption.setMinimumWidth(self._label_width)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setMinimumHeight(15)
        error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column = pair * 2
        self._grid.addWidget(caption, row * 2, column)
        self._grid.addWidget(editor, row * 2, column + 1, 1, span * 2 - 1)
        self._grid.addWidget(error, row * 2 + 1, column + 1, 1, span * 2 - 1)
        for stretch_column in range(column + 1, column + span * 2, 2):
            self._grid.setColumnStretch(stretch_column, 1)
        self.editors[key] = editor
        self.errors[key] = error
        return editor

    def set_row_visible(self, key: str, visible: bool) -> None:
        """Show or hide one field with its caption and its reason."""
        editor = self.editors[key]
        for widget in (editor, self.errors[key], *(
                label for label in self.findChildren(QLabel) if label.buddy() is editor)):
            widget.setVisible(visible)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show each key's reason under its field; fields not in `problems` are cleared."""
        for key, label in self.errors.items():
            reason = problems.get(key, "")
            if label.text() != reason:
                label.setText(reason)
                label.setToolTip(reason)
            editor = self.editors[key]
            if editor.property(BAD_FIELD) != bool(reason):
                editor.setProperty(BAD_FIELD, bool(reason))
                editor.style().unpolish(editor)
                editor.style().polish(editor)

"""The component checklist: the procedure's papers, ticked as received, with their counts.

Each row has a tick, the paper's name, how many bản chính / bản sao / bản photo were handed in
and, where the fee depends on it, the number of pages. "Thêm giấy tờ khác" adds a free row.
`documents()` gives the request's `documents` list; the widget has no fee rules.

The keyboard walks a row as a clerk fills it: the tick, then (ticked) the count of the form the
procedure asks for and the pages; the two other counts keep their 0 and stay out of that walk
(←/→ at the edge of a count reach them, or a click). ↓/↑ on a tick and Ctrl+↓/↑ anywhere in a
row (the screen's shortcut) go to the next/previous paper.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.dossier import DocumentLine
from ...domain.limits import count_range, max_chars
from ...domain.procedures import Component, DocForm, Procedure

FORMS = (DocForm.ORIGINAL, DocForm.CERTIFIED_COPY, DocForm.PHOTOCOPY)
TICK, NAME, PAGES = 0, 1, 5
FORM_COLUMN = {form: 2 + i for i, form in enumerate(FORMS)}
ROW_HEIGHT = 30
VISIBLE_ROWS_AT_LEAST = 3
MAX_COUNT = count_range("documents[].copies")[1]
MAX_PAGES = count_range("documents[].pages")[1]


@dataclass
class _Row:
    tick: QCheckBox
    counts: dict[DocForm, QSpinBox]
    pages: QSpinBox
    name_edit: QLineEdit | None = None  # free rows only
    component: Component | None = None

    @property
    def form(self) -> DocForm:
        """The form this paper is usually handed in as (its count is in the keyboard walk)."""
        return self.component.form if self.component else DocForm.ORIGINAL

    @property
    def name(self) -> str:
        if self.name_edit is not None:
            return self.name_edit.text()
        return self.component.name if self.component else ""

    def widgets(self) -> list[QWidget]:
        editors: list[QWidget] = [self.tick]
        if self.name_edit is not None:
            editors.append(self.name_edit)
        return [*editors, *self.counts.values(), self.pages]

    def chain(self, pages_matter: bool) -> list[QWidget]:
        """What Enter and Tab walk in this row: the tick, the name (a free row), the count of
        its usual form, the pages (when the fee counts them)."""
        editors: list[QWidget] = [self.tick]
        if self.name_edit is not None:
            editors.append(self.name_edit)
        editors.append(self.counts[self.form])
        if pages_matter:
            editors.append(self.pages)
        return editors


class Checklist(QWidget):
    """The table of papers and the "add another paper" button."""

    changed = Signal()
    rows_changed = Signal()  # rows were added or replaced: the tab order must be redone
    past_last_row = Signal()  # ↓ on the last paper: the screen moves on to what follows

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._pages_matter = False
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            "", self.tr("Giấy tờ"), self.tr("Bản chính"), self.tr("Bản sao"),
            self.tr("Bản photo"), self.tr("Số trang"),
        ])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(TICK, 30)
        for column in (*FORM_COLUMN.values(), PAGES):
            self.table.setColumnWidth(column, 78)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + VISIBLE_ROWS_AT_LEAST * ROW_HEIGHT + 4)
        # Out of the Enter/Tab walk (Enter must not add rows); Ctrl+G on the screen adds one.
        self.add_button = QPushButton(self.tr("+ Thêm giấy tờ khác (Ctrl+G)"))
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_free_row_and_focus)
        self.empty_label = QLabel(self.tr("Chọn thủ tục để hiện danh mục giấy tờ."))
        self.empty_label.setStyleSheet("color: #666;")
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.empty_label)
        below.addStretch(1)
        below.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._scroll_to_focus)

    # ---- filling -----------------------------------------------------------------------------

    def set_procedure(self, procedure: Procedure | None, *, pages_matter: bool = False) -> None:
        """Replace the rows with the procedure's components (all unticked)."""
        self.table.setRowCount(0)
        self._rows = []
        self._pages_matter = pages_matter
        self.table.setColumnHidden(PAGES, not pages_matter)
        for component in procedure.components if procedure else ():
            self._add_row(component=component)
        self.empty_label.setVisible(procedure is None)
        self.rows_changed.emit()
        self.changed.emit()

    def add_free_row(self) -> _Row:
        row = self._add_row(component=None)
        self.rows_changed.emit()
        self.changed.emit()
        return row

    def add_free_row_and_focus(self) -> None:
        row = self.add_free_row()
        assert row.name_edit is not None
        row.name_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def _spin(self, maximum: int, minimum: int = 0) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(minimum, maximum)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        spin.setFrame(False)
        spin.valueChanged.connect(self.changed)
        return spin

    def _add_row(self, component: Component | None) -> _Row:
        row = self._make_row(component)
        for form, spin in row.counts.items():
            if form != row.form:
                spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # out of the Tab walk
        for widget in row.widgets():
            widget.installEventFilter(self)
        return row

    def _make_row(self, component: Component | None) -> _Row:
        index = self.table.rowCount()
        self.table.insertRow(index)
        tick = QCheckBox()
        tick.setStyleSheet("QCheckBox { margin-left: 7px; }")
        counts = {form: self._spin(MAX_COUNT) for form in FORMS}
        pages = self._spin(MAX_PAGES, minimum=1)
        row = _Row(tick, counts, pages, component=component)
        if component is None:
            row.name_edit = QLineEdit()
            row.name_edit.setMaxLength(max_chars("documents[].name"))
            row.name_edit.setFrame(False)
            row.name_edit.setPlaceholderText(self.tr("Tên giấy tờ"))
            row.name_edit.textEdited.connect(self.changed)
            self.table.setCellWidget(index, NAME, row.name_edit)
            counts[DocForm.ORIGINAL].setValue(1)
            tick.setChecked(True)
        else:
            item = QTableWidgetItem(component.name)
            item.setToolTip(component.name)
            self.table.setItem(index, NAME, item)
            counts[component.form].setValue(component.copies)
            tick.setToolTip(self.tr("Đánh dấu đã nhận (phím cách)"))
        self.table.setCellWidget(index, TICK, tick)
        for form, spin in counts.items():
            self.table.setCellWidget(index, FORM_COLUMN[form], spin)
        self.table.setCellWidget(index, PAGES, pages)
        tick.toggled.connect(lambda _on, r=row: self._tick_changed(r))
        self._rows.append(row)
        self._tick_changed(row, emit=False)
        return row

    def _tick_changed(self, row: _Row, *, emit: bool = True) -> None:
        on = row.tick.isChecked()
        for spin in [*row.counts.values(), row.pages]:
            spin.setEnabled(on)
        if on and row.component is not None and not any(s.value() for s in row.counts.values()):
            row.counts[row.component.form].setValue(row.component.copies)
        if emit:
            self.changed.emit()

    def _scroll_to_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        for index, row in enumerate(self._rows):
            if new is not None and any(w is new or w.isAncestorOf(new) for w in row.widgets()):
                self.table.scrollTo(self.table.model().index(index, NAME))
                return

    def load(self, documents: Iterable[DocumentLine], *, pages: int = 1) -> None:
        """Tick and count the papers of a stored dossier (the correction dialog), after
        `set_procedure`: a line of a component goes to its row (a row per component, the
        copies of each form in their column), any other paper to a free row of its own. A
        line without its own pages has the dossier's `pages` (the command line's shape)."""
        for row in self._rows:
            row.tick.setChecked(False)
        loaded: dict[int, _Row] = {}
        for line in documents:
            row = next((r for r in self._rows if r.component is not None and (
                (line.component_code and r.component.code == line.component_code)
                or r.component.name == line.name)), None)
            if row is None:
                row = next((r for r in loaded.values()
                            if r.name_edit is not None and r.name == line.name), None)
            if row is None:
                row = self._add_row(component=None)
                assert row.name_edit is not None
                row.name_edit.setText(line.name)
            if id(row) not in loaded:
                loaded[id(row)] = row
                row.tick.setChecked(True)
                for spin in row.counts.values():
                    spin.setValue(0)
            row.counts[line.form].setValue(line.copies)
            row.pages.setValue(line.pages or pages)
        self.rows_changed.emit()
        self.changed.emit()

    # ---- reading -----------------------------------------------------------------------------

    def rows(self) -> list[_Row]:
        return list(self._rows)

    def focus_widgets(self) -> list[QWidget]:
        """The editors in keyboard order, row by row (the walk of each row, `_Row.chain`)."""
        return [w for row in self._rows for w in row.chain(self._pages_matter)]

    def all_widgets(self) -> list[QWidget]:
        """Every editor of every row, the counts out of the walk included."""
        return [w for row in self._rows for w in row.widgets()]

    def row_of(self, widget: QObject | None) -> int | None:
        """The index of the row `widget` (or a child of it) belongs to."""
        for index, row in enumerate(self._rows):
            for editor in row.widgets():
                if widget is editor or (isinstance(widget, QWidget)
                                        and editor.isAncestorOf(widget)):
                    return index
        return None

    def focus_row(self, index: int) -> bool:
        """Put the cursor on the tick of row `index`; False when there is no such row."""
        if not 0 <= index < len(self._rows):
            return False
        self._rows[index].tick.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    # ---- keys inside the list ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and self._arrow(watched, event):
            return True
        return super().eventFilter(watched, event)

    def _arrow(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        index = self.row_of(watched)
        if index is None:
            return False
        row = self._rows[index]
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and watched is row.tick and not modifiers:
            step = 1 if key == Qt.Key.Key_Down else -1
            if not self.focus_row(index + step) and step > 0:
                self.past_last_row.emit()
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not modifiers \
                and isinstance(watched, QSpinBox) and watched in row.counts.values():
            return self._sideways(row, watched, key == Qt.Key.Key_Right)
        return False

    def _sideways(self, row: _Row, spin: QSpinBox, right: bool) -> bool:
        """←/→ at the edge of a count's text: the neighbouring count of the row."""
        edit = spin.lineEdit()
        at_edge = (edit.cursorPosition() == len(edit.text()) if right
                   else edit.cursorPosition() == 0) or edit.hasSelectedText()
        if not at_edge:
            return False
        spins = [*row.counts.values()] + ([row.pages] if self._pages_matter else [])
        target = spins.index(spin) + (1 if right else -1)
        if 0 <= target < len(spins) and spins[target].isEnabled():
            spins[target].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    def documents(self) -> list[dict[str, Any]]:
        """The ticked papers as the request's `documents`: one line per form handed in."""
        lines: list[dict[str, Any]] = []
        for row in self._rows:
            if not row.tick.isChecked():
                continue
            forms = [form for form, spin in row.counts.items() if spin.value() > 0]
            if not forms:  # ticked with no copies: let the check say what is wrong
                forms = [row.component.form if row.component else DocForm.ORIGINAL]
            for form in forms:
                line: dict[str, Any] = {"name": row.name, "form": form.value,
                                        "copies": row.counts[form].value()}
                if self._pages_matter:
                    line["pages"] = row.pages.value()
                if row.component is not None and row.component.code:
                    line["component_code"] = row.component.code
                lines.append(line)
        return lines

    def line_names(self) -> list[str]:
        """The paper name of each line of `documents()`, to name a line in a problem."""
        return [line["name"] or self.tr("(giấy tờ chưa có tên)") for line in self.documents()]

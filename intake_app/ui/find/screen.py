"""Tra cứu (F3): one search box over code, name (accents optional), ID number and phone.

Opening a dossier emits `session.open_dossier_requested`; the main window shows it (in a
`DossierDialog`), as it does for a code scanned anywhere else. Searches run off the window's
thread (`ui/operations.py`); only the answer to the last one is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.calendar import WorkCalendar
from ...domain.dossier import Dossier
from ...domain.dossier_code import looks_like_dossier_code
from ..operations import Changes, QueryOp, error_message
from ..session import Session
from ..widgets import screen_title
from .results_model import NEAR_DUE_COLOURS, OVERDUE_COLOURS, ResultsModel

SEARCH_DELAY_MS = 200  # search-as-you-type waits this long after the last key
MIN_CHARS = 2
LIMIT = 100

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _swatch(colours: tuple, text: str) -> QWidget:
    """A small coloured square and its meaning, for the legend under the table."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    square = QFrame()
    square.setFixedSize(16, 16)
    square.setStyleSheet(
        f"background: {colours[0].name()}; border: 1px solid {colours[1].name()};"
    )
    row.addWidget(square)
    row.addWidget(QLabel(text))
    return box


class FindScreen(QWidget):
    """Type, see the dossiers, open one. A scanned code (code + Enter) opens it directly."""

    searched = Signal(list)  # the codes shown, newest first, once a search's answer is shown

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._last_query = ""
        self._searching = False
        self._enter_results_when_shown = False

        title = screen_title(self.tr("Tra cứu hồ sơ"))

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Mã hồ sơ, họ tên (gõ có dấu hoặc không dấu), số CCCD hoặc số điện thoại")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumHeight(32)
        self.search_button = QPushButton(self.tr("Tìm (Enter)"))
        self.search_button.setAutoDefault(False)

        self.summary = QLabel()
        self.model = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setStyleSheet("QTableView::item { padding: 0 6px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

        self.open_button = QPushButton(self.tr("Xem hồ sơ (Enter)"))
        self.open_button.setAutoDefault(False)
        self.open_button.setEnabled(False)

        search_row = QHBoxLayout()
        search_row.addWidget(QLabel(self.tr("Tìm:")))
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.search_button)

        legend = QHBoxLayout()
        legend.addWidget(QLabel(self.tr("Chú thích màu:")))
        legend.addWidget(_swatch(NEAR_DUE_COLOURS, self.tr(
            "Sắp đến hạn (hẹn trả hôm nay hoặc ngày làm việc tiếp theo)")))
        legend.addSpacing(12)
        legend.addWidget(_swatch(OVERDUE_COLOURS, self.tr("Quá hạn hẹn trả")))
        legend.addStretch(1)
        legend.addWidget(QLabel(self.tr("↓ chọn trong danh sách · Enter xem hồ sơ")))
        legend.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(search_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_as_typed)
        self.search_box.textEdited.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.submit)
        self.search_button.clicked.connect(self.submit)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda index: self._open_row(index))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.open_button.setEnabled(current.isValid())
        )
        self.search_box.installEventFilter(self)
        self.table.installEventFilter(self)
        session.changed.connect(self._on_changed)

    # ---- keyboard ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_search()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search_box and event.key() == Qt.Key.Key_Down:
                self._enter_results()
                return True
            if watched is self.table and event.key() in _ENTER_KEYS:
                self.open_selected()
                return True
            if (watched is self.table and event.key() == Qt.Key.Key_Up
                    and self.table.currentIndex().row() <= 0):
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def _enter_results(self) -> None:
        if self._timer.isActive():  # the clerk is faster than the debounce
            self._timer.stop()
            self._run(self.search_box.text().strip())
        if self._searching:
            self._enter_results_when_shown = True  # as soon as the answer is shown
            return
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    # ---- searching ---------------------------------------------------------------------------

    def _search_as_typed(self) -> None:
        text = self.search_box.text().strip()
        if len(text) >= MIN_CHARS:
            self._run(text)
        elif not text:
            self.model.clear()
            self.summary.clear()
            self._last_query = ""

    def submit(self) -> None:
        """Enter in the search box: search now; a whole dossier code opens that dossier."""
        self._timer.stop()
        text = self.search_box.text().strip()
        if not text:
            self.model.clear()
            self.summary.setText(self.tr("Nhập mã hồ sơ, họ tên, số CCCD hoặc số điện thoại."))
            return
        if len(text) < MIN_CHARS:
            self.summary.setText(self.tr("Gõ ít nhất %d ký tự để tìm.") % MIN_CHARS)
            return
        self._run(text, open_code=looks_like_dossier_code(text))

    def search(self, text: str) -> None:
        """Show the dossiers matching `text` (`searched` says when they are shown)."""
        self.search_box.setText(text)
        self._run(text.strip())

    def _run(self, text: str, *, open_code: bool = False, keep: str | None = None) -> None:
        self._last_query = text
        self._searching = True
        QueryOp(
            self.session, parent=self,
            op=lambda desk: (desk.find(text, LIMIT), desk.calendar()),
            success=lambda answer: self._show(text, *answer, open_code=open_code, keep=keep),
        ).failure(self._search_failed).latest((self, "find")).run()

    def _show(self, text: str, dossiers: list[Dossier], calendar: WorkCalendar, *,
              open_code: bool, keep: str | None) -> None:
        if text != self._last_query:
            return  # the box was emptied meanwhile
        self._searching = False
        self.model.set_dossiers(dossiers, self.session.now(), calendar)
        if not dossiers:
            if looks_like_dossier_code(text):
                self.summary.setText(self.tr("Không có hồ sơ mã %s.") % text.upper())
            else:
                self.summary.setText(self.tr("Không tìm thấy hồ sơ nào khớp với «%s».") % text)
        elif len(dossiers) >= LIMIT:
            self.summary.setText(
                self.tr("Hiện %d hồ sơ mới nhất; gõ thêm để thu hẹp kết quả.") % LIMIT
            )
        else:
            self.summary.setText(self.tr("Tìm thấy %n hồ sơ.", "", len(dossiers)))
        self.open_button.setEnabled(False)
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.table.selectRow(row)
        codes = [d.code for d in dossiers]
        self.searched.emit(codes)
        if open_code and codes:
            self.open_dossier(codes[0])
        if self._enter_results_when_shown:
            self._enter_results_when_shown = False
            self._enter_results()

    def _search_failed(self, error: BaseException) -> None:
        self._searching = False
        self._enter_results_when_shown = False
        self.summary.setText(error_message(error))

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        """A dossier changed elsewhere (returned, reprinted): redraw the list, keep the row."""
        if not self._last_query or not any(self.model.row_of(code) is not None
                                           for code in changes.dossiers):
            return
        current = self.table.currentIndex()
        selected = self.model.dossier(current.row()).code if current.isValid() else None
        self._run(self._last_query, keep=selected)

    # ---- opening -----------------------------------------------------------------------------

    def open_selected(self) -> None:
        self._open_row(self.table.currentIndex())

    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_dossier(self.model.dossier(index.row()).code)

    def open_dossier(self, code: str) -> None:
        """Ask for a dossier's details; the main window decides where they are shown."""
        self.session.open_dossier_requested.emit(code)

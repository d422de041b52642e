"""Tra cứu (F3): one search box over code, names of applicants and owners (accents optional),
ID number and phone; with the box empty, the list of a day's dossiers (today by default).

The day (a date picker, Ctrl+D), the status, the procedure and the receiving clerk filter the
day's list (`Desk.day_list`: one range of the received-time index) and narrow a search's
results. Opening a dossier emits `session.open_dossier_requested`; the main window shows it (in
a `DossierDialog`), as it does for a code scanned anywhere else. Searches and lists run off the
window's thread (`ui/operations.py`); only the answer to the last one is shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
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
from ...domain.formatting import date_vn
from ...domain.idcard import looks_like_idcard_qr
from ...domain.status import DossierStatus
from ..operations import Changes, QueryOp, error_message
from ..session import Session
from ..status_text import status_text
from ..widgets import screen_title
from .results_model import NEAR_DUE_COLOURS, OVERDUE_COLOURS, ResultsModel

SEARCH_DELAY_MS = 200  # search-as-you-type waits this long after the last key
MIN_CHARS = 2
LIMIT = 100
DAY_LIMIT = 1000  # a commune's busiest day is a few hundred dossiers

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
    listed = Signal(list)  # the codes shown, once a day's list is shown

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._last_query = ""
        self._searching = False
        self._enter_results_when_shown = False
        self._procedures_asked = False

        title = screen_title(self.tr("Tra cứu hồ sơ"))
        self._build_filters()

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Mã hồ sơ, họ tên người nộp hoặc chủ hồ sơ (có dấu hoặc không dấu), số CCCD "
                    "hoặc số điện thoại — để trống: danh sách hồ sơ trong ngày")
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
        layout.addLayout(self.filter_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_as_typed)
        self.search_box.textEdited.connect(self._box_edited)
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

    def _build_filters(self) -> None:
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDate(self._today())
        self.today_button = QPushButton(self.tr("Hôm nay"))
        self.today_button.setAutoDefault(False)
        self.status = QComboBox()
        self.status.setMinimumContentsLength(16)
        self.status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status.addItem(self.tr("Tất cả"), None)
        for status in DossierStatus:
            if status is not DossierStatus.NEW:
                self.status.addItem(status_text(status), int(status))
        self.procedure = QComboBox()
        self.procedure.addItem(self.tr("Tất cả thủ tục"), None)
        self.procedure.setMinimumContentsLength(20)
        self.procedure.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.clerk = QComboBox()
        self.clerk.addItem(self.tr("Tất cả cán bộ"), None)
        self.clerk.setMinimumContentsLength(12)
        self.clerk.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        row = QHBoxLayout()
        for caption, widget in ((self.tr("Ngày nhận (Ctrl+D):"), self.day),
                                (None, self.today_button),
                                (self.tr("Trạng thái:"), self.status),
                                (self.tr("Thủ tục:"), self.procedure),
                                (self.tr("Cán bộ:"), self.clerk)):
            if caption:
                label = QLabel(caption)
                label.setBuddy(widget)
                row.addSpacing(8)
                row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        for combo in (self.status, self.procedure, self.clerk):
            combo.view().setMinimumWidth(320)  # the whole names in the open list
        self.filter_row = row
        self.day.dateChanged.connect(self._day_changed)
        self.today_button.clicked.connect(lambda: self.day.setDate(self._today()))
        for combo in (self.status, self.procedure, self.clerk):
            combo.currentIndexChanged.connect(self._filters_changed)
        focus_day = QShortcut(QKeySequence("Ctrl+D"), self, self._focus_day)
        focus_day.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _today(self) -> QDate:
        today = self.session.now().date()
        return QDate(today.year, today.month, today.day)

    def _focus_day(self) -> None:
        self.day.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- keyboard ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_search()
        if not self._procedures_asked:
            self._procedures_asked = True
            QueryOp(self.session, parent=self, op=lambda desk: desk.procedures(),
                    success=self._procedures_loaded).quietly().run()
        if not self.search_box.text().strip():
            self.list_day()

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

    def _procedures_loaded(self, procedures: list) -> None:
        current = self.procedure.currentData()
        self.procedure.blockSignals(True)
        for procedure in procedures:
            self.procedure.addItem(f"{procedure.code} — {procedure.name}", procedure.code)
            self.procedure.setItemData(self.procedure.count() - 1, procedure.name,
                                       Qt.ItemDataRole.ToolTipRole)
        self.procedure.setCurrentIndex(max(self.procedure.findData(current), 0))
        self.procedure.blockSignals(False)

    def selected_day(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())

    def filters(self) -> dict:
        """The status, procedure and clerk chosen (None: all)."""
        status = self.status.currentData()
        return {"status": None if status is None else DossierStatus(status),
                "procedure": self.procedure.currentData(), "clerk": self.clerk.currentData()}

    def _filtered(self, dossiers: list[Dossier]) -> list[Dossier]:
        chosen = self.filters()
        return [d for d in dossiers
                if (chosen["status"] is None or d.status == chosen["status"])
                and (chosen["procedure"] is None or d.procedure_code == chosen["procedure"])
                and (chosen["clerk"] is None or d.clerk == chosen["clerk"])]

    def _box_edited(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.list_day()  # the box emptied: back to the day's list

    def _day_changed(self, _value: QDate) -> None:
        if self.search_box.text():
            self.search_box.clear()
        self.list_day()

    def _filters_changed(self, _index: int) -> None:
        text = self.search_box.text().strip()
        if text and self._last_query:
            self._run(self._last_query)
        else:
            self.list_day()

    def list_day(self) -> None:
        """Show the dossiers received on the chosen day, by the filters (`listed` says when)."""
        self._timer.stop()
        self._last_query = ""
        self._searching = True
        day, chosen = self.selected_day(), self.filters()
        QueryOp(
            self.session, parent=self,
            op=lambda desk: (desk.day_list(day, limit=DAY_LIMIT, **chosen), desk.calendar(),
                             desk.day_clerks(day)),
            success=lambda answer: self._show_day(day, *answer),
        ).failure(self._search_failed).latest((self, "find")).run()

    def _show_day(self, day: date, dossiers: list[Dossier], calendar: WorkCalendar,
                  clerks: list[str]) -> None:
        if self.search_box.text().strip():
            return  # a search was typed meanwhile: its answer is on the way
        self._searching = False
        self._set_clerks(clerks)
        self.model.set_dossiers(dossiers, self.session.now(), calendar)
        chosen = [text for text, combo in ((self.status.currentText(), self.status),
                                            (self.procedure.currentText(), self.procedure),
                                            (self.clerk.currentText(), self.clerk))
                  if combo.currentData() is not None]
        where = f" ({'; '.join(chosen)})" if chosen else ""
        if dossiers:
            self.summary.setText(self.tr("Ngày %1: %n hồ sơ%2.", "", len(dossiers))
                                 .replace("%1", date_vn(day)).replace("%2", where))
        else:
            self.summary.setText(self.tr("Ngày %1 không có hồ sơ nào%2.")
                                 .replace("%1", date_vn(day)).replace("%2", where))
        self.open_button.setEnabled(False)
        self.listed.emit([d.code for d in dossiers])
        if self._enter_results_when_shown:
            self._enter_results_when_shown = False
            self._enter_results()

    def _set_clerks(self, clerks: list[str]) -> None:
        current = self.clerk.currentData()
        names = [*clerks, *([current] if current and current not in clerks else [])]
        if [self.clerk.itemData(i) for i in range(1, self.clerk.count())] == names:
            return
        self.clerk.blockSignals(True)
        while self.clerk.count() > 1:
            self.clerk.removeItem(1)
        for name in names:
            self.clerk.addItem(name, name)
        self.clerk.setCurrentIndex(max(self.clerk.findData(current), 0))
        self.clerk.blockSignals(False)

    def _box_text(self) -> str:
        """What is searched: the box's text, or the ID number of a chip ID card's QR code
        scanned into it (the box then shows the number)."""
        text = self.search_box.text().strip()
        if looks_like_idcard_qr(text):
            text = text.split("|", 1)[0].strip()
            self.search_box.setText(text)
        return text

    def _search_as_typed(self) -> None:
        text = self._box_text()
        if len(text) >= MIN_CHARS:
            self._run(text)
        elif not text:
            self.list_day()

    def submit(self) -> None:
        """Enter in the search box: search now; a whole dossier code opens that dossier; a
        chip ID card's QR code scanned into it searches by its ID number."""
        self._timer.stop()
        text = self._box_text()
        if not text:
            self.list_day()
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
        found = len(dossiers)
        dossiers = self._filtered(dossiers)
        self.model.set_dossiers(dossiers, self.session.now(), calendar)
        if found and not dossiers:
            self.summary.setText(self.tr("Có %n hồ sơ khớp với «%1» nhưng không hồ sơ nào theo "
                                         "bộ lọc đang chọn.", "", found).replace("%1", text))
        elif not dossiers:
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
        """A dossier changed elsewhere (returned, reprinted, stamped): redraw the list, keep
        the row."""
        if not self._last_query:
            if changes.dossiers and not self.search_box.text().strip() and self.isVisible():
                self.list_day()  # a stamp or a step may add a row or change one
            return
        if not any(self.model.row_of(code) is not None for code in changes.dossiers):
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

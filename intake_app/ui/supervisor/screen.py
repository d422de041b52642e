"""Giám sát (F5): what is due today or soon, what is late and by how much, what waits for a
citizen's papers; counts by status; dossiers received per day; the log and report 06a; the
audit trail (who did what) for a role that may see it.

The overview is read by an op off the window's thread (one query per open dossier, a few
hundred milliseconds for thousands of them); it is read again on "Làm mới", when the screen is
shown, every few minutes while it is shown, and when a dossier changes anywhere in the window.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.calendar import WorkCalendar
from ...domain.clock import to_vn
from ...domain.formatting import datetime_vn
from ...domain.status import DossierStatus
from ...domain.supervision import Overview
from ..operations import Changes, QueryOp, error_message
from ..session import Session
from ..status_text import status_text
from ..widgets import screen_title
from .chart import ReceivedChart
from .export_dialog import ExportDialog, LogExportDialog, Report06aDialog
from .watch_model import CODE_ROLE, WatchKind, WatchModel

if TYPE_CHECKING:
    from ...desk import Desk

log = logging.getLogger(__name__)

AUTO_REFRESH_MS = 5 * 60 * 1000  # lateness grows with the clock even when nothing changes
CHANGE_DELAY_MS = 50  # several changes in a row: one refresh
FRESH_S = 30  # shown again within this time after a reading: not read again
MAX_PROBLEMS_SHOWN = 8

ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"
SUCCESS_STYLE = "color: #0f5132; background: #d1e7dd; padding: 6px; border-radius: 3px;"
OVERDUE_TITLE_STYLE = "QGroupBox { color: #842029; font-weight: bold; }"


def read_overview(desk: Desk) -> tuple[Overview, WorkCalendar]:
    """On the worker: what the supervisor watches, and the calendar to count lateness by."""
    return desk.reports.overview(), desk.calendar()


class SupervisorScreen(QWidget):
    """Four lists, the counts by status and the 30-day chart; log, report 06a, verify."""

    refreshed = Signal()  # an overview was read and shown
    verified = Signal(list)  # "Kiểm tra sổ" answered: the problems' messages

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.overview: Overview | None = None
        self.export_dialog: ExportDialog | None = None
        self._stale = False
        self._read_at = 0.0

        title = screen_title(self.tr("Giám sát"))
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #555;")
        self.log_button = QPushButton(self.tr("In sổ theo dõi… (Ctrl+Shift+L)"))
        self.report_button = QPushButton(self.tr("Báo cáo 06a… (Ctrl+B)"))
        self.verify_button = QPushButton(self.tr("Kiểm tra sổ (Ctrl+K)"))
        self.cash_button = QPushButton(self.tr("Bảng kê tiền phí… (Ctrl+T)"))
        self.fees_button = QPushButton(self.tr("Mức thu của tỉnh… (Ctrl+M)"))
        self.refresh_button = QPushButton(self.tr("Làm mới (Ctrl+R)"))
        self.audit_button = QPushButton(self.tr("Nhật ký kiểm toán…"))
        self.audit_button.setToolTip(self.tr("Ai đã làm gì: lọc theo tài khoản, ngày, hồ sơ"))
        self.verify_button.setToolTip(self.tr(
            "Tính lại mã kiểm tra của các ngày đã niêm phong: cho biết sổ theo dõi có bị sửa "
            "đổi sau khi in hay không."))
        head = QHBoxLayout()
        self.updated.setWordWrap(True)  # under the title, wrapped: six buttons fit at 1366
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(title)
        titles.addWidget(self.updated)
        head.addLayout(titles)
        head.addStretch(1)
        for button in (self.log_button, self.report_button, self.verify_button,
                       self.cash_button, self.fees_button, self.audit_button,
                       self.refresh_button):
            button.setAutoDefault(False)
            head.addWidget(button)

        self.message = QLabel()
        self.corrections: list[Any] = []  # the last "Kiểm tra sổ": rows corrected after sealing
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        # The lists: late first (what the supervisor acts on), then today, soon, waiting.
        self.models: dict[WatchKind, WatchModel] = {}
        self.tables: dict[WatchKind, QTableView] = {}
        self.boxes: dict[WatchKind, QGroupBox] = {}
        lists = QWidget()
        grid = QGridLayout(lists)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for kind, row, column in ((WatchKind.OVERDUE, 0, 0), (WatchKind.DUE_TODAY, 0, 1),
                                  (WatchKind.DUE_SOON, 1, 0), (WatchKind.WAITING, 1, 1)):
            grid.addWidget(self._list_box(kind), row, column)
        grid.setColumnStretch(0, 3)  # late and soon: the lists with the most to read
        grid.setColumnStretch(1, 2)
        self.boxes[WatchKind.OVERDUE].setStyleSheet(OVERDUE_TITLE_STYLE)

        counts_box = QGroupBox(self.tr("Số hồ sơ theo trạng thái"))
        counts = QGridLayout(counts_box)
        counts.setVerticalSpacing(1)
        counts.setHorizontalSpacing(12)
        self.status_counts: dict[DossierStatus, QLabel] = {}
        for row, status in enumerate(DossierStatus):
            label = QLabel(f"{int(status)}. {status_text(status)}")
            value = QLabel("0")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            counts.addWidget(label, row, 0)
            counts.addWidget(value, row, 1)
            self.status_counts[status] = value
        total_label = QLabel(self.tr("Tổng cộng"))
        self.total_count = QLabel("0")
        self.total_count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bold = QFont(total_label.font())
        bold.setBold(True)
        total_label.setFont(bold)
        self.total_count.setFont(bold)
        counts.addWidget(total_label, len(DossierStatus), 0)
        counts.addWidget(self.total_count, len(DossierStatus), 1)
        counts.setRowStretch(len(DossierStatus) + 1, 1)

        self.chart_box = QGroupBox()
        self.chart = ReceivedChart()
        chart_layout = QVBoxLayout(self.chart_box)
        chart_layout.setContentsMargins(6, 4, 6, 4)
        chart_layout.addWidget(self.chart)

        bottom = QWidget()
        bottom_row = QHBoxLayout(bottom)
        bottom_row.setContentsMargins(0, 0, 0, 0)
        bottom_row.addWidget(counts_box)
        bottom_row.addWidget(self.chart_box, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(lists)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.log_button.clicked.connect(self.open_log_dialog)
        self.report_button.clicked.connect(self.open_report_dialog)
        self.verify_button.clicked.connect(self.verify_log)
        self.cash_button.clicked.connect(self.open_cash_sheet_dialog)
        self.fees_button.clicked.connect(self.open_provincial_fees)
        self.audit_button.clicked.connect(self.open_audit_dialog)
        self.show_rights()
        session.account_changed.connect(lambda _account: self.show_rights())
        # Ctrl+L locks the window (issue 12): the log is Ctrl+Shift+L.
        for keys, action in (("Ctrl+R", self.refresh), ("Ctrl+Shift+L", self.open_log_dialog),
                             ("Ctrl+B", self.open_report_dialog), ("Ctrl+K", self.verify_log),
                             ("Ctrl+T", self.open_cash_sheet_dialog),
                             ("Ctrl+M", self.open_provincial_fees)):
            shortcut = QShortcut(QKeySequence(keys), self, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self.refresh)
        self._auto_timer = QTimer(self)
        self._auto_timer.setInterval(AUTO_REFRESH_MS)
        self._auto_timer.timeout.connect(self.refresh)
        session.changed.connect(self._on_changed)
        # Read when first shown, not when built: the window builds every screen at start.

    def _list_box(self, kind: WatchKind) -> QGroupBox:
        model = WatchModel(kind, self)
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 145)
        header.setMinimumSectionSize(40)
        table.activated.connect(self._open_index)  # double-click or Enter
        box = QGroupBox()
        QVBoxLayout(box).addWidget(table)
        box.layout().setContentsMargins(4, 4, 4, 4)
        self.models[kind] = model
        self.tables[kind] = table
        self.boxes[kind] = box
        return box

    def _list_title(self, kind: WatchKind, count: int) -> str:
        titles = {
            WatchKind.OVERDUE: self.tr("Quá hạn (%n)", "", count),
            WatchKind.DUE_TODAY: self.tr("Hẹn trả hôm nay (%n)", "", count),
            WatchKind.DUE_SOON: self.tr("Đến hạn trong 2 ngày làm việc tới (%n)", "", count),
            WatchKind.WAITING: self.tr("Chờ công dân bổ sung (%n)", "", count),
        }
        return titles[kind]

    # ---- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the overview again (off the window's thread) and show it."""
        self._change_timer.stop()
        QueryOp(self.session, parent=self, op=read_overview,
                success=lambda answer: self._show_overview(*answer)) \
            .failure(self._read_failed).latest((self, "overview")).run()

    def _read_failed(self, error: BaseException) -> None:
        self._say(self.tr("Không đọc được số liệu: %s") % error_message(error), ERROR_STYLE)

    def _show_overview(self, overview: Overview, calendar: WorkCalendar) -> None:
        self._stale = False
        self._read_at = time.monotonic()
        self.overview = overview
        lists = {
            WatchKind.OVERDUE: overview.overdue, WatchKind.DUE_TODAY: overview.due_today,
            WatchKind.DUE_SOON: overview.due_soon, WatchKind.WAITING: overview.waiting_supplement,
        }
        for kind, rows in lists.items():
            selected = self._selected_code(kind)
            self.models[kind].set_rows(rows, calendar.day_length)
            self.boxes[kind].setTitle(self._list_title(kind, len(rows)))
            if selected in (codes := self.models[kind].codes()):
                self.tables[kind].selectRow(codes.index(selected))
        for status, label in self.status_counts.items():
            count = overview.by_status.get(status, 0)
            label.setText(str(count))
            label.setStyleSheet("" if count else "color: #8a8f96;")
        self.total_count.setText(str(sum(overview.by_status.values())))
        self.chart.set_days(overview.received_per_day, calendar.is_working_day)
        self.chart_box.setTitle(self.tr("Hồ sơ tiếp nhận mỗi ngày, 30 ngày qua (tổng %n)", "",
                                        self.chart.total()))
        self.updated.setText(self.tr("Đang giải quyết: %1 hồ sơ · số liệu lúc %2")
                             .replace("%1", str(overview.open_count))
                             .replace("%2", datetime_vn(to_vn(self.session.now()))))
        self.refreshed.emit()

    def _selected_code(self, kind: WatchKind) -> str | None:
        index = self.tables[kind].currentIndex()
        return index.data(CODE_ROLE) if index.isValid() else None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._stale or time.monotonic() - self._read_at > FRESH_S:
            self.refresh()  # changed, or time has passed since it was last read
        self._auto_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._auto_timer.stop()
        super().hideEvent(event)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if not changes.dossiers:
            return
        if self.isVisible():
            self._change_timer.start()
        else:
            self._stale = True

    # ---- opening -----------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.session.open_dossier_requested.emit(code)

    def show_rights(self) -> None:
        """What the account's role may do here: everyone's log, the report and the audit trail
        are a supervisor's; a clerk prints their own log."""
        from ...domain.accounts import Permission

        self.report_button.setVisible(self.session.may(Permission.ALL_LOGS))
        self.fees_button.setVisible(self.session.may(Permission.FEES))
        self.audit_button.setVisible(self.session.may(Permission.AUDIT_VIEW))

    def open_audit_dialog(self) -> QWidget:
        from .audit_dialog import AuditDialog

        dialog = AuditDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- the log and the report ----------------------------------------------------------------

    def open_log_dialog(self) -> LogExportDialog:
        dialog = LogExportDialog(self.session, self)
        self._show_dialog(dialog)
        return dialog

    def open_report_dialog(self) -> Report06aDialog:
        dialog = Report06aDialog(self.session, self)
        self._show_dialog(dialog)
        return dialog

    def open_cash_sheet_dialog(self) -> ExportDialog:
        """'Bảng kê tiền phí…': the cash to hand over, per day and per clerk (PDF)."""
        from .fees_dialogs import CashSheetDialog

        dialog = CashSheetDialog(self.session, self)
        self._show_dialog(dialog)
        return dialog

    def open_provincial_fees(self) -> QDialog:
        """'Mức thu của tỉnh…': the provincial council's amounts."""
        from .fees_dialogs import ProvincialFeesDialog

        dialog = ProvincialFeesDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _show_dialog(self, dialog: ExportDialog) -> None:
        if self.export_dialog is not None and self.export_dialog.isVisible() \
                and not self.export_dialog.busy():
            self.export_dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_dialog(dialog))
        self.export_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: ExportDialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None

    def verify_log(self) -> None:
        """'Kiểm tra sổ': recompute the sealed days (off the window's thread); `verified`
        gives the problems' messages once they are shown. Rows changed by a correction (who,
        when, why, signed beside the seal) are listed as corrections, not as tampering."""
        QueryOp(self.session, parent=self, op=lambda desk: desk.ledger.check(),
                success=self._show_verified) \
            .with_progress(self.tr("Đang kiểm tra sổ theo dõi…")) \
            .failure(self._verify_failed).run()

    def _verify_failed(self, error: BaseException) -> None:
        self._say(self.tr("Không kiểm tra được sổ theo dõi: %s") % error_message(error),
                  ERROR_STYLE)
        self.verified.emit([])

    def _correction_lines(self, corrected: list) -> list[str]:
        from ...domain.clock import parse_iso
        from ...domain.formatting import date_vn, day_time_vn

        lines = [self.tr("Có %n dòng đã sửa thông tin hồ sơ sau khi khóa sổ (được ghi nhận, "
                         "không phải sửa trái phép):", "", len(corrected))]
        for c in corrected[:MAX_PROBLEMS_SHOWN]:
            lines.append("• " + self.tr("Ngày %1, hồ sơ %2: %3 sửa lúc %4 — lý do: %5")
                         .replace("%1", date_vn(c.day)).replace("%2", c.code)
                         .replace("%3", c.by).replace("%4", day_time_vn(parse_iso(c.at)))
                         .replace("%5", c.reason))
        if len(corrected) > MAX_PROBLEMS_SHOWN:
            lines.append(self.tr("… và %n dòng khác.", "", len(corrected) - MAX_PROBLEMS_SHOWN))
        return lines

    def _show_verified(self, check: Any) -> None:
        messages = [problem.message for problem in check.problems]
        self.corrections = list(check.corrected)
        corrections = self._correction_lines(self.corrections) if self.corrections else []
        if not messages:
            lines = [self.tr("Sổ theo dõi không bị sửa đổi trái phép.") if corrections
                     else self.tr("Sổ theo dõi không bị sửa đổi."), *corrections]
            self._say("\n".join(lines), SUCCESS_STYLE)
            self.verified.emit([])
            return
        lines = [self.tr("Sổ theo dõi có %n chỗ không khớp với mã kiểm tra đã niêm phong:", "",
                         len(messages))]
        lines += [f"• {text}" for text in messages[:MAX_PROBLEMS_SHOWN]]
        if len(messages) > MAX_PROBLEMS_SHOWN:
            lines.append(self.tr("… và %n chỗ khác.", "", len(messages) - MAX_PROBLEMS_SHOWN))
        self._say("\n".join([*lines, *corrections]), ERROR_STYLE)
        self.verified.emit(messages)

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(bool(text))

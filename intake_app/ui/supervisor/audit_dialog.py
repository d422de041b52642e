"""Nhật ký kiểm toán: who did what, filtered by account, days and dossier; and its check.

The supervisor's (and the administrator's) view of `desk.audit` (issue 12, point 2): the same
records as `intake-app audit list`, newest first, read by an op off the window's thread; "Kiểm
tra" runs `audit verify` and names each record edited, removed or inserted.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.audit import AuditRecord
from ...domain.clock import parse_iso, to_vn
from ..operations import QueryOp, error_message
from ..session import Session

if TYPE_CHECKING:
    from ...desk import Desk

LIMIT = 1000  # records shown at most (the command line lists more: --limit)
ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"
SUCCESS_STYLE = "color: #0f5132; background: #d1e7dd; padding: 6px; border-radius: 3px;"

ACTIONS = {
    "login": "Đăng nhập", "login.failed": "Đăng nhập sai", "login.refused": "Đăng nhập bị từ chối",
    "account.locked": "Khóa tài khoản tạm thời", "account.created": "Tạo tài khoản",
    "account.disabled": "Vô hiệu hóa tài khoản", "account.enabled": "Mở lại tài khoản",
    "account.role": "Đổi vai trò", "account.password_reset": "Đặt lại mật khẩu",
    "account.password_changed": "Đổi mật khẩu", "dossier.received": "Tiếp nhận hồ sơ",
    "dossier.corrected": "Sửa thông tin hồ sơ", "slip.printed": "In phiếu",
    "receipt.reprinted": "In lại giấy tiếp nhận", "calendar.set": "Sửa lịch làm việc",
    "calendar.cleared": "Bỏ ngày sửa lịch", "calendar.notice_imported": "Nhập thông báo lịch",
    "catalogue.imported": "Nhập danh mục thủ tục", "setting.changed": "Đổi cài đặt",
    "sync.configured": "Đổi địa chỉ đồng bộ", "sync.token_set": "Nhập mã truy cập",
    "sync.turned_off": "Tắt đồng bộ", "sync.retried": "Gửi lại hồ sơ bị tỉnh từ chối",
    "backup.made": "Sao lưu", "backup.failed": "Sao lưu không thành",
    "station.set_up": "Cài đặt quầy", "station.restored": "Khôi phục dữ liệu",
    "log.sealed": "Niêm phong sổ theo dõi", "clock.confirmed": "Xác nhận đồng hồ",
    "report.printed": "In báo cáo", "sync.exported": "Xuất tệp đồng bộ (USB)",
}


def action_text(action: str) -> str:
    """The Vietnamese name of a recorded action ("dossier.returned" → its step's name)."""
    if action in ACTIONS:
        return ACTIONS[action]
    if action.startswith("dossier."):
        return f"Bước xử lý hồ sơ ({action.removeprefix('dossier.')})"
    return action


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditDialog(QDialog):
    """Bộ lọc (tài khoản, từ ngày, đến ngày, mã hồ sơ), the records, and the check."""

    listed = Signal(int)  # records shown
    verified = Signal(list)  # the problems' messages ([]: the trail is intact)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.records: list[AuditRecord] = []
        self.setWindowTitle(self.tr("Nhật ký kiểm toán"))
        self.resize(980, 560)
        today = session.now().date()
        self.user = QComboBox(self)
        self.user.addItem(self.tr("Tất cả tài khoản"), None)
        self.start = QDateEdit(qdate(today), self)
        self.end = QDateEdit(qdate(today), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.dossier = QLineEdit(self)
        self.dossier.setPlaceholderText(self.tr("Mã hồ sơ (không bắt buộc)"))
        self.dossier.returnPressed.connect(self.refresh)
        self.show_button = QPushButton(self.tr("Xem"), self)
        self.show_button.clicked.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Kiểm tra nhật ký"), self)
        self.verify_button.setToolTip(self.tr(
            "Tính lại chuỗi mã kiểm tra bằng khóa của quầy: cho biết bản ghi nào bị sửa, xóa "
            "hay chèn thêm."))
        self.verify_button.clicked.connect(self.verify)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Tài khoản:"), self.user),
                              (self.tr("Từ ngày:"), self.start), (self.tr("Đến ngày:"), self.end)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.dossier, 1)
        filters.addWidget(self.show_button)
        filters.addWidget(self.verify_button)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Thời gian"), self.tr("Tài khoản"), self.tr("Việc"), self.tr("Đối tượng"),
            self.tr("Chi tiết")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        QueryOp(session, parent=self, op=_accounts, success=self._show_accounts).quietly().run()
        self.refresh()

    def _show_accounts(self, accounts: list[tuple[str, str]]) -> None:
        chosen = self.user.currentData()
        for login, name in accounts:
            self.user.addItem(f"{name} ({login})", login)
        self.user.setCurrentIndex(max(0, self.user.findData(chosen)))

    def set_filter(self, *, user: str | None = None, start: date | None = None,
                   end: date | None = None, dossier: str = "") -> None:
        if user is not None:
            index = self.user.findData(user)
            if index < 0:
                self.user.addItem(user, user)
                index = self.user.count() - 1
            self.user.setCurrentIndex(index)
        if start is not None:
            self.start.setDate(qdate(start))
        if end is not None:
            self.end.setDate(qdate(end))
        self.dossier.setText(dossier)

    def refresh(self) -> None:
        """Read the records the filters choose (off the window's thread)."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        user, dossier = self.user.currentData(), self.dossier.text().strip().upper() or None
        if end < start:
            self._say(self.tr("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."), ERROR_STYLE)
            return
        self._say("", "")

        def read(desk: Desk) -> list[AuditRecord]:
            return desk.audit.records(start=start, end=end, actor=user, dossier=dossier,
                                      limit=LIMIT)

        QueryOp(self.session, parent=self, op=read, success=self._show) \
            .failure(lambda error: self._say(error_message(error), ERROR_STYLE)) \
            .latest(self).run()

    def _show(self, records: list[AuditRecord]) -> None:
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            when = to_vn(parse_iso(record.at)).strftime("%d/%m/%Y %H:%M:%S")
            cells = [when, record.actor or self.tr("(ứng dụng)"), action_text(record.action),
                     record.target, _detail(record.detail)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if len(records) >= LIMIT:
            self._say(self.tr("Chỉ hiện {n} bản ghi mới nhất: hãy thu hẹp bộ lọc.").format(
                n=LIMIT), ERROR_STYLE)
        self.listed.emit(len(records))

    def verify(self) -> None:
        """'Kiểm tra nhật ký': the whole chain with the station's key; each problem named."""
        QueryOp(self.session, parent=self, op=lambda desk: desk.audit.verify(),
                success=self._show_verified) \
            .with_progress(self.tr("Đang kiểm tra nhật ký kiểm toán…")) \
            .failure(lambda error: (self._say(error_message(error), ERROR_STYLE),
                                    self.verified.emit([error_message(error)]))).run()

    def _show_verified(self, report: Any) -> None:
        messages = [problem.message for problem in report.problems]
        if not messages:
            self._say(self.tr("Nhật ký kiểm toán nguyên vẹn: {n} bản ghi, không bản ghi nào bị "
                              "sửa, xóa hay chèn thêm.").format(n=report.count), SUCCESS_STYLE)
        else:
            self._say("\n".join([self.tr("Nhật ký kiểm toán đã bị thay đổi:"),
                                 *(f"• {text}" for text in messages[:10])]), ERROR_STYLE)
        self.verified.emit(messages)

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(bool(text))


def _detail(detail: dict[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True)[:300] if detail else ""


def _accounts(desk: Desk) -> list[tuple[str, str]]:
    return [(account.login, account.display_name) for account in desk.accounts.active()]

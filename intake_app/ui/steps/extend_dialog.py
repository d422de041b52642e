"""Hẹn lại ngày trả: a late dossier gets a new appointment, with the reason and who is
responsible (what the apology slip, Mẫu 04, says). The statutory due date does not move.
The new date is recorded by an op off the window's thread."""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import VN_TZ, to_vn
from ...domain.dossier import Dossier
from ...domain.formatting import day_time_vn
from ...domain.text import nfc
from ..operations import Changed, CollectionOp, dossier_changed, error_message
from ..session import Session
from ..widgets import confirm_buttons
from .units import unit_completer

if TYPE_CHECKING:
    from ...desk import Desk
    from ..find.dossier_dialog import DossierView

ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"
DEFAULT_TIME = time(17, 0)


class ExtendDueDialog(QDialog):
    """New date (dd/mm/yyyy) and time, reason, responsible unit; Ctrl+Enter confirms."""

    def __init__(self, session: Session, view: DossierView, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.before: Dossier = view.dossier
        self.code = self.before.code
        self.dossier: Dossier | None = None
        self.view_after: DossierView | None = None  # the dossier read again after it
        self._confirming = False
        self.setWindowTitle(self.tr("Hẹn lại ngày trả kết quả — hồ sơ %s") % self.code)
        self.setMinimumWidth(580)

        d = self.before
        header = QLabel()
        header.setWordWrap(True)
        header.setText("<br>".join([
            f"<b>{d.code}</b> — {d.applicant.name}", d.procedure_name,
            self.tr("Hẹn trả hiện tại: <b>%s</b>") % (
                day_time_vn(d.due_at) if d.due_at else self.tr("không có")),
        ]))

        now = to_vn(session.now())
        due = to_vn(d.due_at) if d.due_at else now
        day = view.calendar.next_working_day(max(due.date(), now.date()))
        at = due.time() if d.due_at else DEFAULT_TIME
        self.new_date = QDateEdit(QDate(day.year, day.month, day.day))
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.new_date.setCalendarPopup(True)
        self.new_date.setMinimumDate(QDate(now.year, now.month, now.day))
        self.new_time = QTimeEdit(QTime(at.hour, at.minute))
        self.new_time.setDisplayFormat("HH:mm")
        when = QHBoxLayout()
        when.addWidget(self.new_date)
        when.addWidget(QLabel(self.tr("lúc")))
        when.addWidget(self.new_time)
        when.addStretch(1)

        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Bắt buộc: được in trên phiếu xin lỗi"))
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.responsible = QLineEdit(d.processing_unit or "")
        self.responsible.setPlaceholderText(
            self.tr("Cơ quan, đơn vị hoặc công chức để chậm trả kết quả"))
        unit_completer(self.responsible, view.recent_units)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Ngày hẹn mới *:"), when)
        form.addRow(self.tr("Lý do chậm *:"), self.reason)
        form.addRow(self.tr("Đơn vị chịu trách nhiệm:"), self.responsible)

        note = QLabel(self.tr("Sau khi hẹn lại, in Phiếu xin lỗi và hẹn lại ngày trả kết quả "
                              "(Mẫu 04) gửi công dân. Báo cáo vẫn tính hồ sơ trễ theo hạn "
                              "ban đầu."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        buttons, self.confirm_button, self.cancel_button = confirm_buttons(
            self, self.tr("Hẹn lại (Ctrl+Enter)"), self.tr("Hủy"), self.confirm)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.reason.setFocus()

    def new_due(self) -> datetime:
        day, at = self.new_date.date(), self.new_time.time()
        return datetime(day.year(), day.month(), day.day(), at.hour(), at.minute(),
                        tzinfo=VN_TZ)

    def confirm(self) -> bool:
        """Record the new appointment (off the window's thread); a refusal stays shown.

        False when nothing was started (one is already being recorded).
        """
        if self._confirming:
            return False
        code, new_due = self.code, self.new_due()
        reason, responsible = self.reason.toPlainText(), self.responsible.text()

        def extend(desk: Desk) -> Changed[tuple[Dossier, DossierView | None]]:
            from ..find.dossier_dialog import view_after_change

            dossier = desk.extend_due(code, new_due=new_due, reason=reason,
                                      responsible=responsible)
            return dossier_changed((dossier, view_after_change(desk, code, nfc(responsible))),
                                   code)

        self._confirming = True
        self.confirm_button.setEnabled(False)
        CollectionOp(self.session, self, extend).success(self._extended) \
            .failure(self._refused).run(initiator=self)
        return True

    def _extended(self, result: tuple[Dossier, DossierView | None]) -> None:
        self._confirming = False
        self.dossier, self.view_after = result
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._confirming = False
        self.confirm_button.setEnabled(True)
        self.error.setText(error_message(error))
        self.error.show()

"""The results table of Tra cứu: one row per dossier, coloured when near-due or overdue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from ...domain.calendar import WorkCalendar
from ...domain.deadlines import DeadlineState, deadline_state
from ...domain.dossier import Dossier
from ...domain.formatting import day_time_vn
from ..status_text import status_text

# (background, foreground) of a row; the legend under the table uses the same pairs.
NEAR_DUE_COLOURS = (QColor("#ffe08a"), QColor("#5c4200"))  # amber
OVERDUE_COLOURS = (QColor("#f5c2c7"), QColor("#842029"))  # red
ROW_COLOURS: dict[DeadlineState, tuple[QColor, QColor]] = {
    DeadlineState.NEAR_DUE: NEAR_DUE_COLOURS,
    DeadlineState.OVERDUE: OVERDUE_COLOURS,
}

CODE_ROLE = Qt.ItemDataRole.UserRole  # the dossier code of a row, whatever the column
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # its DeadlineState


def deadline_text(state: DeadlineState) -> str:
    texts = {
        DeadlineState.NONE: "",
        DeadlineState.ON_TRACK: QCoreApplication.translate("Deadline", "Trong hạn"),
        DeadlineState.NEAR_DUE: QCoreApplication.translate(
            "Deadline", "Sắp đến hạn (hẹn trả hôm nay hoặc ngày làm việc tiếp theo)"),
        DeadlineState.OVERDUE: QCoreApplication.translate("Deadline", "Quá hạn hẹn trả"),
        DeadlineState.PAUSED: QCoreApplication.translate(
            "Deadline", "Chờ công dân bổ sung (tạm dừng tính hạn)"),
    }
    return texts[state]


def deadline_tag(state: DeadlineState) -> str:
    """The short mark written after an appointment date, so a selected row still tells."""
    if state is DeadlineState.OVERDUE:
        return QCoreApplication.translate("Deadline", "quá hạn")
    if state is DeadlineState.NEAR_DUE:
        return QCoreApplication.translate("Deadline", "sắp đến hạn")
    if state is DeadlineState.PAUSED:
        return QCoreApplication.translate("Deadline", "chờ bổ sung")
    return ""


def due_text(due_at: datetime | None, state: DeadlineState) -> str:
    """'05/03/2026 09:00 (sắp đến hạn)'; 'Không hẹn' when there is no appointment date."""
    if due_at is None:
        return QCoreApplication.translate("Deadline", "Không hẹn")
    tag = deadline_tag(state)
    return f"{day_time_vn(due_at)} ({tag})" if tag else day_time_vn(due_at)


class ResultsModel(QAbstractTableModel):
    """Dossiers found, newest first, with their deadline state computed once per search."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[Dossier, DeadlineState]] = []
        self._headers = [
            self.tr("Mã hồ sơ"), self.tr("Người nộp (chủ hồ sơ)"), self.tr("Thủ tục"),
            self.tr("Ngày nhận"), self.tr("Hẹn trả"), self.tr("Trạng thái"),
        ]

    def set_dossiers(
        self, dossiers: list[Dossier], now: datetime, calendar: WorkCalendar,
    ) -> None:
        self.beginResetModel()
        self._rows = [
            (d, deadline_state(d.due_at, d.status, now, calendar)) for d in dossiers
        ]
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def dossier(self, row: int) -> Dossier:
        return self._rows[row][0]

    def row_of(self, code: str) -> int | None:
        for row, (dossier, _state) in enumerate(self._rows):
            if dossier.code == code:
                return row
        return None

    # ---- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        dossier, state = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(dossier, state, index.column())
        if role == CODE_ROLE:
            return dossier.code
        if role == STATE_ROLE:
            return state
        if role == Qt.ItemDataRole.ToolTipRole:
            return deadline_text(state) or None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = ROW_COLOURS.get(state)
            if colours is None:
                return None
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        return None

    def _cell(self, dossier: Dossier, state: DeadlineState, column: int) -> str:
        if column == 0:
            return dossier.code
        if column == 1:
            owner = dossier.owner
            if owner is None or owner.name == dossier.applicant.name:
                return dossier.applicant.name
            return f"{dossier.applicant.name} ({self.tr('chủ hồ sơ')}: {owner.name})"
        if column == 2:
            return dossier.procedure_name
        if column == 3:
            return day_time_vn(dossier.received_at)
        if column == 4:
            return due_text(dossier.due_at, state)
        return status_text(dossier.status)

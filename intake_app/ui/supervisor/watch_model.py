"""One list of the supervisor's screen: dossiers due today, due soon, late, or waiting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from ...domain.dossier import Dossier
from ...domain.formatting import day_time_vn
from ...domain.supervision import Watched, late_parts
from ..status_text import status_text

CODE_ROLE = Qt.ItemDataRole.UserRole
LATE_COLOUR = QColor("#842029")


class WatchKind(Enum):
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    WAITING = "waiting_supplement"


def short_code(code: str) -> str:
    """'261123-2001' of '000.00.12.H56-261123-2001': the unit's prefix is the same on every
    dossier of the station; the lists show the rest (the whole code is in the tooltip)."""
    return code.split("-", 1)[1] if "-" in code else code


def late_words(late_by: timedelta, day_length: timedelta) -> str:
    """'2 ngày 3 giờ' of working time ('dưới 1 giờ' when less than an hour), translated."""
    days, hours = late_parts(late_by, day_length)
    parts = []
    # The number is put in here, not by Qt's %n: lupdate keeps no plural forms for these
    # calls, and without them Qt's English lookup fell back to Vietnamese for n ≠ 1.
    if days:
        parts.append(QCoreApplication.translate("Lateness", "{n} ngày").format(n=days))
    if hours:
        parts.append(QCoreApplication.translate("Lateness", "{n} giờ").format(n=hours))
    elif not days:
        parts.append(QCoreApplication.translate("Lateness", "dưới 1 giờ"))
    return " ".join(parts)


class WatchModel(QAbstractTableModel):
    """Code, applicant, procedure, appointment; how late (overdue) or since when (waiting)."""

    def __init__(self, kind: WatchKind, parent: QObject | None = None):
        super().__init__(parent)
        self.kind = kind
        self._rows: list[Watched] = []
        self._day_length = timedelta(hours=8)
        self._headers = [self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Thủ tục"),
                         self.tr("Hẹn trả")]
        if kind is WatchKind.OVERDUE:
            self._headers.append(self.tr("Trễ hạn (làm việc)"))
        elif kind is WatchKind.WAITING:
            self._headers[3] = self.tr("Yêu cầu bổ sung lúc")

    def set_rows(self, rows: Sequence[Watched], day_length: timedelta) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._day_length = day_length
        self.endResetModel()

    def dossier(self, row: int) -> Dossier:
        return self._rows[row].dossier

    def codes(self) -> list[str]:
        return [watched.dossier.code for watched in self._rows]

    def text(self, row: int, column: int) -> str:
        return self._cell(self._rows[row], column)

    # ---- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        watched = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(watched, index.column())
        if role == CODE_ROLE:
            return watched.dossier.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(watched)
        if role == Qt.ItemDataRole.ForegroundRole and self.kind is WatchKind.OVERDUE \
                and index.column() >= 3:
            return LATE_COLOUR
        return None

    def _cell(self, watched: Watched, column: int) -> str:
        dossier = watched.dossier
        if column == 0:
            return short_code(dossier.code)
        if column == 1:
            return dossier.applicant.name
        if column == 2:
            return dossier.procedure_name
        if column == 3:
            if self.kind is WatchKind.WAITING:
                since = dossier.supplement_requested_at
                return day_time_vn(since) if since else "—"
            return day_time_vn(dossier.due_at) if dossier.due_at else "—"
        return late_words(watched.late_by, self._day_length)

    def _tooltip(self, watched: Watched) -> str:
        dossier = watched.dossier
        lines = [f"{dossier.code} — {dossier.applicant.name}", dossier.procedure_name,
                 self.tr("Trạng thái: %s") % status_text(dossier.status)]
        if dossier.processing_unit:
            lines.append(self.tr("Đang ở: %s") % dossier.processing_unit)
        if dossier.due_at:
            lines.append(self.tr("Hẹn trả: %s") % day_time_vn(dossier.due_at))
        if self.kind is WatchKind.OVERDUE:
            lines.append(self.tr("Trễ %s làm việc") % late_words(watched.late_by,
                                                                  self._day_length))
        return "\n".join(lines)

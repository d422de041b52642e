"""'Lịch làm việc…' (from the settings window): the year's days and where each comes from, and
importing a signed calendar notice after seeing what it changes.

"Nhập thông báo…" asks for the file (`choose_file`, which tests replace), checks it and shows
what it would change: each day it names, and the open dossiers it concerns — their
appointments are kept (domain/calendar_impact.py), those now falling on a day off are shown
first, in red, because the citizen must be told. "Áp dụng" records it; "Hủy" changes nothing.
Every read and the import run through the session's operations (`ui/operations.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.calendar import DayInfo, DaySource, OverrideKind
from ...services.calendar_notices import NoticeImport
from ..operations import Changed, Changes, CollectionOp, QueryOp, error_message
from ..session import Session
from ..widgets import dialog_buttons, dialog_layout

if TYPE_CHECKING:
    from ...desk import Desk

ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"
SUCCESS_STYLE = "color: #0f5132; background: #d1e7dd; padding: 6px; border-radius: 3px;"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


class CalendarDialog(QDialog):
    """The year's exceptions to the Monday–Friday week, with their source; notice import."""

    COLUMNS = 5

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Lịch làm việc"))
        self.resize(860, 560)
        today = session.now().date()

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.refresh)
        self.preview_dialog: NoticePreviewDialog | None = None
        self.import_button = QPushButton(self.tr("Nhập thông báo…"))
        self.import_button.setToolTip(self.tr(
            "Tệp thông báo lịch làm việc có chữ ký của tỉnh hoặc nhà cung cấp phần mềm"))
        self.import_button.clicked.connect(self.import_notice)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Năm:")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.import_button)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Ngày"), self.tr("Thứ"), self.tr("Làm việc / nghỉ"), self.tr("Lý do"),
            self.tr("Căn cứ"),
        ])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # A wrapped reason or document needs its row as tall as its lines at the new width.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        note = QLabel(self.tr(
            "Thứ Bảy, Chủ nhật là ngày nghỉ; bảng chỉ liệt kê các ngày khác với tuần làm việc "
            "thông thường. Thông báo của Chính phủ áp dụng trên ngày lễ theo luật; ngày do đơn "
            "vị tự đặt (intake-app calendar set-off/set-work) được ưu tiên nhất."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = dialog_layout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.refresh()

    # ---- the year's days -----------------------------------------------------------------

    def source_text(self, source: DaySource, document: str) -> str:
        if source == DaySource.LOCAL:
            return self.tr("Đơn vị tự đặt")
        if source == DaySource.NOTICE:
            return self.tr("Thông báo %s") % document
        return self.tr("Luật: %s") % document

    def refresh(self) -> None:
        year = self.year.value()
        QueryOp(self.session, parent=self, op=lambda desk: desk.calendar_notices.days(year),
                success=self.show_days).latest(("calendar-days", id(self))).run()

    def show_days(self, days: list[DayInfo]) -> None:
        self.table.setRowCount(len(days))
        for row, info in enumerate(days):
            off = info.kind == OverrideKind.DAY_OFF
            cells = (
                f"{info.day:%d/%m/%Y}", WEEKDAYS[info.day.weekday()],
                self.tr("Nghỉ") if off else self.tr("Làm việc"), info.reason,
                self.source_text(info.source, info.document),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 2 and not off:
                    item.setForeground(Qt.GlobalColor.darkBlue)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    # ---- importing a notice --------------------------------------------------------------

    def choose_file(self) -> Path | None:
        """Ask for the notice file (the system dialog); None when cancelled. Tests replace it."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp thông báo lịch làm việc"), str(Path.home()),
            self.tr("Tệp thông báo (*.json)"))
        return Path(name) if name else None

    def import_notice(self) -> None:
        """Ask for the file, check it off the window's thread, then show what it changes."""
        path = self.choose_file()
        if path is None:
            return
        self._say("", SUCCESS_STYLE)
        QueryOp(self.session, parent=self,
                op=lambda desk: desk.calendar_notices.preview(path),
                success=lambda preview: self.show_preview(preview, path)) \
            .failure(lambda error: self._say(error_message(error), ERROR_STYLE)).run()

    def show_preview(self, preview: NoticeImport, path: Path) -> NoticePreviewDialog:
        dialog = NoticePreviewDialog(self.session, preview, path, self)
        dialog.applied.connect(self._applied)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def _applied(self, result: NoticeImport) -> None:
        notice = result.notice
        if result.already_imported:
            self._say(self.tr("Thông báo %s đã được nhập trước đây; lịch không thay đổi.")
                      % notice.reference, SUCCESS_STYLE)
        else:
            self._say(self.tr("Đã áp dụng thông báo %s.") % notice.reference, SUCCESS_STYLE)
        years = sorted({d.day.year for d in notice.days})
        if years and self.year.value() not in years:
            self.year.setValue(years[0])  # refreshes
        else:
            self.refresh()

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(bool(text))


class NoticePreviewDialog(QDialog):
    """What a notice changes, before "Áp dụng"."""

    applied = Signal(object)  # NoticeImport

    def __init__(self, session: Session, preview: NoticeImport, path: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.preview = preview
        self.path = path
        self.result: NoticeImport | None = None
        self.setWindowTitle(self.tr("Áp dụng thông báo lịch làm việc?"))
        self.resize(760, 520)
        notice = preview.notice
        impact = preview.impact

        heading = QLabel(f"<b>{notice.reference}</b><br>{notice.title}<br>"
                         + self.tr("Ký bởi: %s") % f"{preview.signed.key.owner} "
                         f"({preview.signed.key.key_id})")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)

        lines = [self.tr("Các ngày trong thông báo:")]
        for day in impact.days:
            what = self.tr("nghỉ") if day.kind == OverrideKind.DAY_OFF else self.tr("làm việc")
            if day.kept_by_local_override:
                change = self.tr("không đổi (đơn vị đã tự đặt ngày này)")
            elif day.changes:
                change = self.tr("thay đổi")
            else:
                change = self.tr("như hiện nay")
            lines.append(f"  • {WEEKDAYS[day.day.weekday()]} {day.day:%d/%m/%Y}: {what} — "
                         f"{day.reason} ({change})")
        lines.append("")
        lines.append(self.tr(
            "Hồ sơ đang giải quyết: %1. Hạn đã hẹn với công dân được giữ nguyên; lịch mới áp "
            "dụng cho hồ sơ tiếp nhận từ nay.").replace("%1", str(impact.open_count)))
        if impact.dossiers:
            lines.append(self.tr("Hồ sơ chịu ảnh hưởng (%s):") % len(impact.dossiers))
            ordered = sorted(impact.dossiers, key=lambda e: not e.appointment_on_day_off)
            lines.extend(f"  • {effect.describe()}" for effect in ordered)
        else:
            lines.append(self.tr("Không hồ sơ nào đang giải quyết bị ảnh hưởng."))
        if impact.not_computed:
            lines.append(self.tr("Không tính được (thủ tục không còn trong danh mục): %s")
                         % ", ".join(impact.not_computed))
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        on_day_off = impact.appointments_on_day_off
        if on_day_off:
            self.warning.setText(self.tr(
                "%1 hồ sơ có ngày hẹn trả rơi vào ngày nay là ngày nghỉ: hãy báo lại công dân "
                "(gọi điện, hoặc hẹn lại bằng văn bản xin lỗi).").replace(
                    "%1", str(len(on_day_off))))
            self.warning.setStyleSheet(ERROR_STYLE)
        elif preview.already_imported:
            self.warning.setText(self.tr("Tệp này đã được nhập trước đây."))
            self.warning.setStyleSheet(SUCCESS_STYLE)
        self.warning.setVisible(bool(self.warning.text()))

        buttons, self.apply_button = dialog_buttons(self, self.tr("Áp dụng"), self.tr("Hủy"))
        layout = dialog_layout(self)
        layout.addWidget(heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """'Áp dụng': record the notice (checked again), then close; a refusal stays shown."""
        path = self.path

        def apply(desk: Desk) -> Changed[NoticeImport]:
            result = desk.calendar_notices.apply(path)
            return Changed(result, Changes.of_settings("calendar"))

        self.apply_button.setEnabled(False)
        CollectionOp(self.session, self, apply).success(self._done) \
            .failure(self._refused).run(initiator=self)

    def _done(self, result: NoticeImport) -> None:
        self.result = result
        self.applied.emit(result)
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self.apply_button.setEnabled(True)
        self.warning.setText(error_message(error))
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.show()

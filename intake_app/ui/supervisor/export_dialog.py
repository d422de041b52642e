"""Writing the daily log (sổ theo dõi) and report 06a to a file, then opening or printing it.

The file name is asked with the system's save dialog (`choose_path`, which tests replace);
the file is written by an op on the lane for long work (`ui/operations.py`: its own thread and
connection), so a year's log (over a second for a few thousand dossiers) leaves the window and
the counter's own lookups responsive; the busy cursor and a message show meanwhile.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ...domain.clock import to_vn
from ...domain.text import fold
from ..operations import Changed, Changes, CollectionOp, QueryOp, error_message
from ..save_guard import checked_save_path
from ..session import Session
from ..widgets import dialog_layout
from .output import open_file, open_folder, print_document

if TYPE_CHECKING:
    from ...desk import Desk
    from ...services.reports import ReportPrint

EXPORT_FOLDER_KEY = "export_folder"
ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"
SUCCESS_STYLE = "color: #0f5132; background: #d1e7dd; padding: 6px; border-radius: 3px;"
BUSY_STYLE = "color: #41464b; background: #e2e3e5; padding: 6px; border-radius: 3px;"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def slug(text: str) -> str:
    """'Lê Thị Hoa' → 'le-thi-hoa', for file names."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def period_part(start: date, end: date) -> str:
    """'2026-11-23' for one day, '2026-11' for a whole month, else '2026-11-01_2026-11-23'."""
    if start == end:
        return start.isoformat()
    next_month = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    if start.day == 1 and start.replace(day=1) == end.replace(day=1) and \
            (next_month - end).days == 1:
        return f"{start:%Y-%m}"
    return f"{start.isoformat()}_{end.isoformat()}"


def default_folder(saved: object) -> Path:
    """The folder last saved into (the stored setting), else the person's Documents (or home)
    folder."""
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class ExportDialog(QDialog):
    """From/to dates, a format, "Lưu tệp…"; then "Mở tệp", "In…" and "Mở thư mục"."""

    exported = Signal(Path)
    failed = Signal(str)
    loaded = Signal()  # what the dialog offers (last folder, clerks) was read

    FORMATS: tuple[str, ...] = ("pdf", "xlsx")

    def __init__(self, session: Session, parent: QWidget | None, *, start: date, end: date):
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None  # the last file written
        self.asked: str | None = None  # the file the system's save dialog asked "replace?" about
        self._busy = False
        self._saved_folder: object = None  # the folder last saved into (a setting)
        self.setMinimumWidth(520)
        today = to_vn(session.now()).date()

        self.start_date = self._date_edit(start, today)
        self.end_date = self._date_edit(end, today)
        dates = QHBoxLayout()
        dates.addWidget(self.start_date)
        dates.addWidget(QLabel(self.tr("đến ngày")))
        dates.addWidget(self.end_date)
        dates.addStretch(1)

        self.format_group = QButtonGroup(self)
        formats = QHBoxLayout()
        labels = {"pdf": self.tr("PDF (để in)"), "xlsx": self.tr("Excel (.xlsx)"),
                  "csv": self.tr("CSV")}
        self.format_buttons: dict[str, QRadioButton] = {}
        for name in self.FORMATS:
            button = QRadioButton(labels[name])
            self.format_group.addButton(button)
            self.format_buttons[name] = button
            formats.addWidget(button)
        formats.addStretch(1)
        self.format_buttons[self.FORMATS[0]].setChecked(True)

        self.form = QFormLayout()
        self.form.addRow(self.tr("Từ ngày:"), dates)
        self.form.addRow(self.tr("Định dạng:"), formats)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.save_button = QPushButton(self.tr("Lưu tệp…"))
        self.save_button.setDefault(True)
        self.open_button = QPushButton(self.tr("Mở tệp"))
        self.print_button = QPushButton(self.tr("In…"))
        self.folder_button = QPushButton(self.tr("Mở thư mục"))
        self.close_button = QPushButton(self.tr("Đóng"))
        for button in (self.open_button, self.print_button, self.folder_button,
                       self.close_button):
            button.setAutoDefault(False)
        for button in (self.open_button, self.print_button, self.folder_button):
            button.hide()
        self.save_button.clicked.connect(self.save)
        self.open_button.clicked.connect(lambda: self.path and open_file(self.path))
        self.print_button.clicked.connect(self.print_file)
        self.folder_button.clicked.connect(lambda: self.path and open_folder(self.path))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        self.layout_ = dialog_layout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(buttons)
        QueryOp(session, parent=self, op=self.read_choices, success=self._show_choices) \
            .quietly().run()

    def read_choices(self, desk: Desk) -> dict[str, object]:
        """On the worker: what the dialog offers (subclasses add theirs)."""
        return {"folder": desk.setting(EXPORT_FOLDER_KEY)}

    def _show_choices(self, choices: dict[str, object]) -> None:
        self._saved_folder = choices.get("folder")
        self.show_choices(choices)
        self.loaded.emit()

    def show_choices(self, choices: dict[str, object]) -> None:
        """Show what `read_choices` read (subclasses)."""

    def _date_edit(self, value: date, today: date) -> QDateEdit:
        edit = QDateEdit(qdate(value))
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(qdate(today))
        return edit

    # ---- what subclasses say -----------------------------------------------------------------

    def what(self) -> str:
        """'sổ theo dõi' / 'báo cáo': for the messages."""
        raise NotImplementedError

    def suggested_name(self, start: date, end: date, kind: str) -> str:
        raise NotImplementedError

    def work(self, start: date, end: date, path: Path) -> Callable[[Desk], Path]:
        raise NotImplementedError

    # ---- choosing and writing ----------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return pydate(self.start_date.date()), pydate(self.end_date.date())

    def set_period(self, start: date, end: date) -> None:
        self.start_date.setDate(qdate(start))
        self.end_date.setDate(qdate(end))

    def chosen_format(self) -> str:
        return next(name for name, button in self.format_buttons.items() if button.isChecked())

    def set_format(self, name: str) -> None:
        self.format_buttons[name].setChecked(True)

    def choose_path(self, suggested: Path) -> Path | None:
        """Ask where to save (the system dialog); None when cancelled. Tests replace this."""
        kind = self.chosen_format()
        filters = {"pdf": self.tr("Tệp PDF (*.pdf)"), "xlsx": self.tr("Tệp Excel (*.xlsx)"),
                   "csv": self.tr("Tệp CSV (*.csv)")}
        name, _filter = QFileDialog.getSaveFileName(self, self.windowTitle(), str(suggested),
                                                    filters[kind])
        self.asked = name or None  # the file the system's dialog asked "replace?" about
        return Path(name) if name else None

    def save(self) -> None:
        """'Lưu tệp…': check the dates, ask for the file, write it in the background."""
        if self.busy():
            return
        start, end = self.period()
        if end < start:
            self._say(self.tr("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."), ERROR_STYLE)
            return
        kind = self.chosen_format()
        suggested = default_folder(self._saved_folder) / self.suggested_name(start, end, kind)
        path = self.choose_path(suggested)
        if path is None:
            return
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the file for the dates shown (the format follows the chosen one)."""
        start, end = self.period()
        kind = self.chosen_format()
        path = Path(path)
        if path.suffix.lower() != f".{kind}":
            known = path.suffix.lower().lstrip(".") in ("pdf", "xlsx", "csv")
            path = path.with_suffix(f".{kind}") if known else path.with_name(
                f"{path.name}.{kind}")
        if (path := checked_save_path(self, path, asked=self.asked)) is None:
            return
        self._set_busy(True)
        self._say(self.tr("Đang tạo tệp %s…") % path.name, BUSY_STYLE)
        QueryOp(self.session, parent=self, op=self.work(start, end, path), success=self._done) \
            .failure(lambda error: self._failed(error, path)).long().run()

    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.start_date, self.end_date, self.save_button,
                       *self.format_buttons.values()):
            widget.setEnabled(not busy)

    def _failed(self, error: BaseException, path: Path) -> None:
        self._set_busy(False)
        if isinstance(error, OSError):
            text = self.tr("không ghi được tệp %s (thư mục không có, không được phép ghi, hoặc "
                           "ổ đĩa đã đầy)") % path
        else:
            text = error_message(error)
        self._say(self.tr("Không lưu được %1: %2").replace("%1", self.what())
                  .replace("%2", text), ERROR_STYLE)
        self.failed.emit(text)

    def _done(self, result: Path) -> None:
        self._set_busy(False)
        self.path = result
        folder = str(result.parent)
        self._saved_folder = folder
        CollectionOp(self.session, self, lambda desk: Changed(
            desk.set_setting(EXPORT_FOLDER_KEY, folder), Changes.of_settings(EXPORT_FOLDER_KEY)),
        ).quietly().failure(lambda error: None).run()  # a preference: logged if it fails
        is_pdf = result.suffix.lower() == ".pdf"
        self._say(self.tr("Đã lưu %1 vào %2").replace("%1", self.what())
                  .replace("%2", str(result)), SUCCESS_STYLE)
        self.open_button.show()
        self.folder_button.show()
        self.print_button.setVisible(is_pdf)
        (self.print_button if is_pdf else self.open_button).setFocus()
        self.exported.emit(result)

    def print_file(self) -> None:
        if self.path is None:
            return
        done = print_document(self.path, self)
        if done is False:
            self._say(self.tr("Không in được (kiểm tra máy in). Tệp vẫn được lưu ở %s.")
                      % self.path, ERROR_STYLE)
        elif done:
            self._say(self.tr("Đã gửi %s tới máy in.") % self.path.name, SUCCESS_STYLE)

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(bool(text))

    def reject(self) -> None:
        if self.busy():  # the file is half written: wait for it
            return
        super().reject()


class LogExportDialog(ExportDialog):
    """'In sổ theo dõi…': the whole unit's log or one clerk's, as PDF, CSV or Excel."""

    FORMATS = ("pdf", "xlsx", "csv")

    def __init__(self, session: Session, parent: QWidget | None = None):
        today = to_vn(session.now()).date()
        super().__init__(session, parent, start=today, end=today)
        self.setWindowTitle(self.tr("In sổ theo dõi hồ sơ"))
        self.clerk = QComboBox()
        self.clerk.addItem(self.tr("Tất cả cán bộ"), None)
        self.clerk.addItem(session.clerk, session.clerk)
        self.form.insertRow(1, self.tr("Cán bộ tiếp nhận:"), self.clerk)
        note = QLabel(self.tr("Các ngày đã qua được niêm phong (mã kiểm tra in ở cuối mỗi "
                              "ngày) trước khi in."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.layout_.insertWidget(1, note)

    def read_choices(self, desk: Desk) -> dict[str, object]:
        from ...domain.accounts import Role

        clerks = [account.display_name for account in desk.accounts.active()
                  if account.role != Role.ADMINISTRATOR]
        return {**super().read_choices(desk), "clerks": clerks}

    def show_choices(self, choices: dict[str, object]) -> None:
        """The station's clerks (the one logged in first); a clerk's own log only, unless the
        role may print everyone's."""
        from ...domain.accounts import Permission

        chosen = self.chosen_clerk()
        known = choices.get("clerks")
        everyone = self.session.may(Permission.ALL_LOGS)
        names = [self.session.clerk, *(known if isinstance(known, list) and everyone else [])]
        self.clerk.clear()
        if everyone:
            self.clerk.addItem(self.tr("Tất cả cán bộ"), None)
        for name in dict.fromkeys(name for name in names if name):
            self.clerk.addItem(name, name)
        self.clerk.setCurrentIndex(max(0, self.clerk.findData(chosen)))

    def chosen_clerk(self) -> str | None:
        return self.clerk.currentData()

    def what(self) -> str:
        return self.tr("sổ theo dõi")

    def suggested_name(self, start: date, end: date, kind: str) -> str:
        clerk = self.chosen_clerk()
        who = f"-{slug(clerk)}" if clerk else ""
        return f"so-theo-doi-{period_part(start, end)}{who}.{kind}"

    def work(self, start: date, end: date, path: Path) -> Callable[[Desk], Path]:
        clerk = self.chosen_clerk()
        return lambda desk: desk.ledger.export(start, end, path, clerk=clerk)


class Report06aDialog(ExportDialog):
    """'Báo cáo 06a…': Biểu II.06a for a period (this month so far by default)."""

    FORMATS = ("pdf", "xlsx")

    def __init__(self, session: Session, parent: QWidget | None = None):
        today = to_vn(session.now()).date()
        super().__init__(session, parent, start=today.replace(day=1), end=today)
        self.setWindowTitle(self.tr("Báo cáo tình hình giải quyết TTHC (Biểu II.06a)"))
        self.printed: ReportPrint | None = None  # the last print, with its check
        self.mismatch_box: QMessageBox | None = None

    def what(self) -> str:
        return self.tr("báo cáo")

    def suggested_name(self, start: date, end: date, kind: str) -> str:
        return f"bao-cao-06a-{period_part(start, end)}.{kind}"

    def work(self, start: date, end: date, path: Path) -> Callable[[Desk], ReportPrint]:
        return lambda desk: desk.reports.print_06a(start, end, path)

    def _done(self, result: object) -> None:
        """After the file is written: say how it compares with the period's first print; a
        difference is shown in red and in a message box, naming every number that differs."""
        from ...services.reports import ReportPrint  # the store's: not at the screen's load

        printed = result if isinstance(result, ReportPrint) else None
        super()._done(printed.path if printed is not None else result)
        self.printed = printed
        if printed is None:
            return
        if printed.matches is False:
            self._say(printed.summary(), ERROR_STYLE)
            box = QMessageBox(QMessageBox.Icon.Warning,
                              self.tr("Báo cáo khác bản in đầu tiên"), printed.summary(),
                              QMessageBox.StandardButton.NoButton, self)
            box.addButton(self.tr("Đã hiểu"), QMessageBox.ButtonRole.AcceptRole)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.mismatch_box = box
            box.open()
        else:
            self._say(f"{self.message.text()}\n{printed.summary()}", SUCCESS_STYLE)

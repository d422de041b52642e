"""Cài đặt → "Sao lưu và khôi phục…" (an administrator's page): where backups go, how the last
one went, every backup with its date, kind, dossiers and size, "Sao lưu ngay", restoring one,
and the dossiers to re-enter (codes handed out that the database no longer holds).

Reads and backups run as ops off the window's thread. A restore needs the station closed: the
page stops the sync and the window's workers, restores, says what happened and closes the
app (the next start opens the restored station).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..operations import QueryOp, error_message
from ..session import Session
from ..widgets import dialog_layout
from .controller import BackupController

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #842029;"
WARN_STYLE = "color: #6c4a00;"
NOTE_STYLE = "color: #555;"


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class BackupDialog(QDialog):
    """Sao lưu và khôi phục."""

    loaded = Signal()  # the place, the status, the backups and the dossiers to re-enter shown
    backed_up = Signal(object)  # "Sao lưu ngay" made this backup (BackupInfo)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.controller = BackupController.of(session)
        self.setWindowTitle(self.tr("Sao lưu và khôi phục"))
        self.resize(900, 640)
        layout = dialog_layout(self)

        place_box = QGroupBox(self.tr("Nơi sao lưu"), self)
        place_layout = QVBoxLayout(place_box)
        row = QHBoxLayout()
        self.place = QLabel("…", place_box)
        self.place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_place = QPushButton(self.tr("Chọn nơi khác…"), place_box)
        self.default_place = QPushButton(self.tr("Về mặc định"), place_box)
        row.addWidget(self.place, 1)
        row.addWidget(self.change_place)
        row.addWidget(self.default_place)
        place_layout.addLayout(row)
        self.place_note = QLabel(place_box)
        self.place_note.setWordWrap(True)
        place_layout.addWidget(self.place_note)
        self.status = QLabel(place_box)
        self.status.setWordWrap(True)
        place_layout.addWidget(self.status)
        layout.addWidget(place_box)

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Thời điểm"), self.tr("Loại"), self.tr("Số hồ sơ"), self.tr("Dung lượng"),
            self.tr("Tệp")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 2)

        buttons = QHBoxLayout()
        self.back_up = QPushButton(self.tr("Sao lưu ngay"), self)
        self.restore = QPushButton(self.tr("Khôi phục từ bản đã chọn…"), self)
        self.restore_file = QPushButton(self.tr("Khôi phục từ tệp khác…"), self)
        self.sheet = QPushButton(self.tr("Tờ thiết lập (PDF)…"), self)
        self.sheet.setToolTip(self.tr("Những gì đã cấu hình, nơi để dữ liệu và bản sao lưu, "
                                      "khóa khôi phục: in ra và cất riêng"))
        self.close_button = QPushButton(self.tr("Đóng"), self)
        for button in (self.back_up, self.restore, self.restore_file, self.sheet):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        missing_box = QGroupBox(self.tr("Hồ sơ đã cấp mã nhưng không còn trong dữ liệu (cần "
                                        "nhập lại)"), self)
        missing_layout = QVBoxLayout(missing_box)
        self.missing = QTableWidget(0, 4, missing_box)
        self.missing.setHorizontalHeaderLabels([
            self.tr("Mã hồ sơ"), self.tr("Người nộp (theo giấy tiếp nhận)"), self.tr("Thủ tục"),
            self.tr("Căn cứ")])
        self.missing.verticalHeader().setVisible(False)
        self.missing.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.missing.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        missing_layout.addWidget(self.missing)
        self.missing_note = QLabel(missing_box)
        self.missing_note.setWordWrap(True)
        self.missing_note.setStyleSheet(NOTE_STYLE)
        missing_layout.addWidget(self.missing_note)
        self.recheck = QPushButton(self.tr("Tìm lại các mã đã cấp (hỏi cả hệ thống của tỉnh)"),
                                   missing_box)
        missing_layout.addWidget(self.recheck, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(missing_box, 1)

        self.back_up.clicked.connect(self.start_backup)
        self.restore.clicked.connect(self.restore_selected)
        self.restore_file.clicked.connect(self.restore_other_file)
        self.change_place.clicked.connect(self.choose_place)
        self.default_place.clicked.connect(lambda: self.set_place(None))
        self.recheck.clicked.connect(lambda: self.load_missing(ask_province=True))
        self.sheet.clicked.connect(lambda: self.save_setup_sheet())
        self.close_button.clicked.connect(self.reject)
        self.result_box: QMessageBox | None = None
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()
        self.reload()

    # ---- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        def read(desk: Any) -> tuple[Any, list[Any]]:
            return desk.backups.status(), desk.backups.listing()

        QueryOp(self.session, parent=self, op=read, success=self._show).run()

    def _show(self, found: tuple[Any, list[Any]]) -> None:
        status, backups = found
        self.place.setText(str(status.place))
        if status.place_is_default:
            self.place_note.setText(self.tr(
                "Đang dùng nơi mặc định, cạnh thư mục dữ liệu, trên cùng ổ đĩa: chỉ giữ được dữ "
                "liệu khi cơ sở dữ liệu hỏng hoặc bị xoá, không giữ được khi hỏng ổ đĩa. Hãy "
                "chọn ổ USB hoặc ổ đĩa thứ hai."))
            self.place_note.setStyleSheet(WARN_STYLE)
        elif status.same_disk:
            self.place_note.setText(self.tr("Nơi sao lưu nằm cùng ổ đĩa với dữ liệu: hỏng ổ là "
                                            "mất cả hai. Hãy chọn ổ USB hoặc ổ đĩa thứ hai."))
            self.place_note.setStyleSheet(WARN_STYLE)
        else:
            self.place_note.setText(self.tr("Ổ đĩa khác với thư mục dữ liệu."))
            self.place_note.setStyleSheet(NOTE_STYLE)
        if status.failing is not None:
            self.status.setText(self.tr("Lần sao lưu gần nhất không làm được: {why}").format(
                why=status.failing.error))
            self.status.setStyleSheet(ERROR_STYLE)
        elif status.last_good is None:
            self.status.setText(self.tr("Chưa có bản sao lưu nào."))
            self.status.setStyleSheet(ERROR_STYLE)
        else:
            from ...domain.clock import parse_iso

            moment = parse_iso(status.last_good.started_at)
            self.status.setText(self.tr(
                "Bản sao lưu tốt gần nhất: {time}, {n} hồ sơ (đã mở lại và kiểm tra toàn "
                "vẹn). Ứng dụng tự sao lưu mỗi ngày và khi đóng cửa sổ; giữ 7 bản hằng ngày, "
                "4 bản hằng tuần, 12 bản hằng tháng.").format(
                    time=f"{moment:%H:%M %d/%m/%Y}", n=status.last_good.dossiers))
            self.status.setStyleSheet(NOTE_STYLE)
        self._fill(backups)
        self.load_missing(ask_province=False)

    def _fill(self, backups: list[Any]) -> None:
        from ...services.backups import human_size

        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            self.table.setItem(row, 0, _item(f"{info.made_at:%H:%M:%S %d/%m/%Y}", info.path))
            self.table.setItem(row, 1, _item(info.kind_label))
            count = _item(f"{info.dossiers:,}".replace(",", "."))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, count)
            self.table.setItem(row, 3, _item(human_size(info.size)))
            self.table.setItem(row, 4, _item(info.path.name))
        if backups:
            self.table.selectRow(0)

    def load_missing(self, *, ask_province: bool) -> None:
        def read(desk: Any) -> list[Any]:
            from ...services.restore import missing_dossiers, recheck_codes

            if ask_province:
                return recheck_codes(desk, ask_province=True)[1]
            return missing_dossiers(desk, ask_province=False)

        op = QueryOp(self.session, parent=self, op=read, success=self._show_missing)
        if ask_province:
            op.with_progress(self.tr("Đang tìm lại các mã đã cấp…"))
        else:
            op.quietly()
        op.long().run()

    def _show_missing(self, missing: list[Any]) -> None:
        labels = {"receipt": self.tr("giấy tiếp nhận còn lưu"),
                  "high-water": self.tr("tệp mốc mã hồ sơ"),
                  "set-aside": self.tr("dữ liệu cũ đã để riêng"),
                  "province": self.tr("hệ thống của tỉnh")}
        self.missing.setRowCount(len(missing))
        for row, item in enumerate(missing):
            self.missing.setItem(row, 0, _item(item.code))
            self.missing.setItem(row, 1, _item(item.facts.applicant or "—"))
            self.missing.setItem(row, 2, _item(item.facts.procedure or "—"))
            self.missing.setItem(row, 3, _item(", ".join(labels.get(e, e)
                                                         for e in item.evidence)))
        self.missing.resizeColumnToContents(0)
        self.missing_note.setText(self.tr(
            "Không có hồ sơ nào cần nhập lại.") if not missing else self.tr(
            "Quầy sẽ không cấp lại các mã này. Hãy nhập lại từng hồ sơ theo giấy tiếp nhận "
            "công dân đang giữ (ghi mã cũ vào phần ghi chú)."))
        self.loaded.emit()

    def _selection_changed(self) -> None:
        self.restore.setEnabled(self.selected_backup() is not None)

    def selected_backup(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        path = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return Path(path) if path else None

    # ---- acting ------------------------------------------------------------------------------

    def _say(self, text: str, style: str = NOTE_STYLE) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)

    def start_backup(self) -> None:
        self.back_up.setEnabled(False)
        self._say(self.tr("Đang sao lưu…"))

        def done(info: Any) -> None:
            from ...services.backups import human_size

            self.back_up.setEnabled(True)
            self._say(self.tr("Đã sao lưu và kiểm tra: {file} ({n} hồ sơ, {size}).").format(
                file=info.path.name, n=info.dossiers, size=human_size(info.size)))
            self.backed_up.emit(info)
            self.reload()

        def failed(error: BaseException) -> None:
            self.back_up.setEnabled(True)
            self._say(error_message(error), ERROR_STYLE)
            self.reload()

        self.controller.back_up_now(self, done, failed)

    def choose_place(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn nơi sao lưu (ổ USB hoặc ổ đĩa thứ hai)"), self.place.text())
        if folder:
            self.set_place(folder)

    def set_place(self, folder: str | None) -> None:
        def change(desk: Any) -> Any:
            return desk.backups.set_place(folder)

        QueryOp(self.session, parent=self, op=change,
                success=lambda _place: (self._say(self.tr("Đã đổi nơi sao lưu.")),
                                        self.reload(), self.controller.refresh())) \
            .failure(lambda error: self._say(error_message(error), ERROR_STYLE)).run()

    def save_setup_sheet(self, path: Path | None = None) -> int | None:
        """The set-up sheet (with the recovery key) as a PDF where the person chooses."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu tờ thiết lập"), str(Path.home() / "to-thiet-lap-quay.pdf"),
                self.tr("Tệp PDF (*.pdf)"))
            if not name:
                return None
            path = Path(name)
        target = path
        return QueryOp(self.session, parent=self,
                       op=lambda desk: desk.write_setup_sheet(target, replace=True),
                       success=lambda written: self._say(self.tr(
                           "Đã lưu tờ thiết lập {path}. Hãy in ra, cất riêng, rồi xoá tệp này: "
                           "nó chứa khóa khôi phục.").format(path=written))) \
            .failure(lambda error: self._say(error_message(error), ERROR_STYLE)).run()

    def restore_other_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn bản sao lưu"), self.place.text(),
            self.tr("Bản sao lưu (*.intake-backup)"))
        if path:
            self.confirm_restore(Path(path))

    def restore_selected(self) -> None:
        path = self.selected_backup()
        if path is not None:
            self.confirm_restore(path)

    def confirm_restore(self, path: Path) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Khôi phục từ bản sao lưu"), self.tr(
            "Khôi phục quầy từ bản sao lưu {file}?\n\nDữ liệu hiện tại được chuyển sang thư mục "
            "set-aside trong thư mục dữ liệu (không bị xoá). Các hồ sơ tiếp nhận sau thời điểm "
            "sao lưu sẽ được liệt kê để nhập lại; quầy không cấp lại mã của chúng.\n\nỨng dụng "
            "sẽ đóng sau khi khôi phục; hãy đóng mọi cửa sổ ứng dụng khác trên máy này trước."
        ).format(file=path.name), QMessageBox.StandardButton.NoButton, self)
        go = box.addButton(self.tr("Khôi phục và đóng ứng dụng"),
                           QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not go:
            return False
        self.restore_now(path)
        return True

    def restore_now(self, path: Path) -> str:
        """Close the station in this window, restore it, say how it went; the app then quits
        (the restored station is opened by the next start). Returns what was said."""
        from ...services.restore import restore_station
        from ..sync.controller import SyncController

        window = self.parentWidget().window() if self.parentWidget() else None
        sync = SyncController.find(self.session)
        if sync is not None:
            sync.stop()
        self.controller.exit_backup_done = True  # the station being replaced: no exit backup
        self.session.close()  # the window's workers close their connections
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = restore_station(self.session.data_dir, path,
                                     actor=self.session.login() or "")
        except Exception as exc:  # noqa: BLE001 - said to the person, logged
            log.exception("restore from %s failed", path)
            text = self.tr("Chưa khôi phục được: {why}\n\nDữ liệu hiện tại không thay đổi. Ứng "
                           "dụng sẽ đóng; hãy mở lại.").format(why=error_message(exc))
            icon = QMessageBox.Icon.Critical
        else:
            from ...domain.clock import parse_iso

            made = parse_iso(result.backup_made_at) if result.backup_made_at else None
            text = self.tr(
                "Đã khôi phục từ bản sao lưu lúc {time} ({n} hồ sơ). Dữ liệu cũ nằm trong "
                "{aside}.\n{missing}\nỨng dụng sẽ đóng; hãy mở lại.").format(
                    time=f"{made:%H:%M %d/%m/%Y}" if made else "?", n=result.dossiers,
                    aside=result.set_aside or "—", missing=self.tr(
                        "{n} hồ sơ tiếp nhận sau thời điểm đó cần nhập lại (Cài đặt → Sao lưu "
                        "và khôi phục).").format(n=len(result.missing))
                    if result.missing else "")
            icon = QMessageBox.Icon.Information
        finally:
            QApplication.restoreOverrideCursor()
        box = QMessageBox(icon, QCoreApplication.translate("Backups", "Khôi phục"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_box = box

        def finished(_code: int) -> None:
            self.close()
            if window is not None:
                window.close()  # the last window: the app ends

        box.finished.connect(finished)
        box.open()
        return text

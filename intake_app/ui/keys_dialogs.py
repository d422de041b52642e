"""Opening a station whose keys need a person: no credential store, or keys lost on this PC.

`open_desk` is how the window opens the data folder: a new folder on a PC without a credential
store asks the administrator whether to keep the keys in an unprotected file (never done
silently); a folder whose keys are not in this PC's store asks for the recovery key.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QWidget

from ..desk import Desk
from ..station_keys import (
    KEYS_FILE,
    KeysMissing,
    NoCredentialStore,
    WrongRecoveryKey,
    restore_station_keys,
)
from ..store.db import Check
from .widgets import dialog_buttons, dialog_layout

log = logging.getLogger(__name__)
ERROR_STYLE = "color: #b00020;"


def ask_for_key_file(parent: QWidget | None = None) -> bool:
    """The administrator's explicit choice on a PC without a credential store."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(box.tr("Không có kho lưu mật khẩu"))
    box.setText(box.tr(
        "Máy tính này không có kho lưu mật khẩu của hệ điều hành (Windows Credential Manager, "
        "Secret Service) để giữ khóa mã hóa dữ liệu của quầy."))
    box.setInformativeText(box.tr(
        "Nên dùng một tài khoản Windows thông thường hoặc nhờ bộ phận CNTT cài kho lưu mật "
        "khẩu. Nếu vẫn tiếp tục, khóa sẽ nằm trong tệp station-keys.unprotected.json của thư "
        "mục dữ liệu, chỉ được bảo vệ bằng quyền truy cập tệp: ai đọc được tệp đó thì đọc được "
        "dữ liệu của công dân. Thanh trạng thái sẽ luôn nhắc điều này."))
    use_file = box.addButton(box.tr("Giữ khóa trong tệp (kém an toàn)"),
                             QMessageBox.ButtonRole.AcceptRole)
    box.addButton(box.tr("Thoát"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is use_file


class RecoveryKeyDialog(QDialog):
    """The 48 digits of the recovery sheet bring the data folder's keys back to this PC."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.setWindowTitle(self.tr("Khôi phục khóa của quầy"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(
            "Khóa mã hóa của thư mục dữ liệu này không có trên máy tính này (máy mới, hoặc tài "
            "khoản Windows khác). Nhập khóa khôi phục in trên phiếu khôi phục của quầy "
            "(48 chữ số; có thể gõ liền hoặc cách nhau)."), self)
        intro.setWordWrap(True)
        self.key = QLineEdit(self)
        self.key.setPlaceholderText("000000-000000-000000-000000-000000-000000-000000-000000")
        self.key.setMaxLength(200)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        buttons, self.ok_button = dialog_buttons(self, self.tr("Khôi phục"), self.tr("Thoát"))
        layout = dialog_layout(self)
        for widget in (intro, self.key, self.error, buttons):
            layout.addWidget(widget)

    def accept(self) -> None:
        try:
            restore_station_keys(self.data_dir, self.key.text())
        except (WrongRecoveryKey, NoCredentialStore) as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        log.info("station keys restored from the recovery key")
        super().accept()


def open_desk(data_dir: Path, parent: QWidget | None = None, *,
              check_store: Check = "once") -> Desk | None:
    """The station of `data_dir`, asking the person what only they can decide; None if they
    chose to quit. Other errors (a damaged folder) propagate. `check_store`: see `Desk`."""
    try:
        return Desk(data_dir, check_store=check_store)
    except NoCredentialStore:
        if (Path(data_dir) / KEYS_FILE).exists():
            raise  # keys kept in a store this PC no longer offers: `intake-app keys restore`
        if not ask_for_key_file(parent):
            return None
        return Desk(data_dir, allow_key_file=True, check_store=check_store)
    except KeysMissing:
        if RecoveryKeyDialog(data_dir, parent).exec() != QDialog.DialogCode.Accepted:
            return None
        return Desk(data_dir, check_store=check_store)

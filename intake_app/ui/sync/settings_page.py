"""The sync part of the settings: the province's gateway address, its CA file, and the
station token ("Lưu mã" keeps it in the operating system's credential store, never in a file).

`save()` checks and stores the address and the CA file; the settings dialog calls it when the
person presses "Lưu" and stays open when it returns False (the reason is shown in the page).
The token is saved by its own button, at once, and the field is emptied.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.sync_config import SyncConfigError
from ..session import Session

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #842029;"
OK_STYLE = "color: #0f5132;"


class SyncSettingsPage(QWidget):
    """Địa chỉ máy chủ, tệp chứng chỉ CA, mã truy cập của quầy."""

    changed = Signal()  # settings or token saved: the background sync is woken

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        service = session.desk.sync
        box = QGroupBox(self.tr("Đồng bộ với hệ thống của tỉnh"), self)
        form = QFormLayout(box)
        self.gateway = QLineEdit(box)
        self.gateway.setPlaceholderText("https://motcua.tinh.gov.vn")
        self.gateway.setText(session.desk.setting("sync.gateway_url") or "")
        form.addRow(self.tr("Địa chỉ máy chủ:"), self.gateway)
        self.ca_file = QLineEdit(box)
        self.ca_file.setPlaceholderText(self.tr("(dùng chứng chỉ của hệ điều hành)"))
        self.ca_file.setText(session.desk.setting("sync.ca_file") or "")
        self.ca_button = QPushButton(self.tr("Chọn…"), box)
        self.ca_button.clicked.connect(self._pick_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        form.addRow(self.tr("Tệp chứng chỉ CA:"), ca_row)
        self.token = QLineEdit(box)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Mã do tỉnh cấp cho quầy này"))
        self.save_token_button = QPushButton(self.tr("Lưu mã"), box)
        self.save_token_button.clicked.connect(self.save_token)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.save_token_button)
        form.addRow(self.tr("Mã truy cập:"), token_row)
        self.token_state = QLabel("", box)
        self.token_state.setWordWrap(True)
        form.addRow("", self.token_state)
        self.error = QLabel("", box)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        form.addRow(self.error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self._show_token_state(service.has_token())

    def _show_token_state(self, stored: bool) -> None:
        if stored:
            self.token_state.setText(self.tr("Đã có mã trong kho mật khẩu của máy."))
            self.token_state.setStyleSheet(OK_STYLE)
        else:
            self.token_state.setText(self.tr("Chưa có mã truy cập."))
            self.token_state.setStyleSheet("")

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def choose_ca_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp chứng chỉ CA"), str(Path.home()),
            self.tr("Chứng chỉ PEM (*.pem *.crt *.cer);;Tất cả (*)"))
        return Path(name) if name else None

    def _pick_ca_file(self) -> None:
        path = self.choose_ca_file()
        if path is not None:
            self.ca_file.setText(str(path))

    def save(self) -> bool:
        """Check and store the address and the CA file; False (reason shown) if unusable."""
        from ...store import settings
        from ...store.db import write_transaction
        from ..sync.controller import SyncController

        self.error.setVisible(False)
        url = self.gateway.text().strip()
        ca = self.ca_file.text().strip() or None
        desk = self.session.desk
        try:
            if url:
                before = (desk.setting("sync.gateway_url"), desk.setting("sync.ca_file"))
                config = desk.sync.configure(url, ca)
                changed = before != (config.gateway_url, config.ca_file)
            else:  # an empty address turns sync off
                changed = bool(desk.setting("sync.gateway_url"))
                with write_transaction(desk.db):
                    settings.set_value(desk.db, "sync.gateway_url", None)
        except SyncConfigError as exc:
            self._fail(exc.vi)
            return False
        if changed:
            self.changed.emit()
            controller = SyncController.find(self.session)
            if controller is not None and url:
                controller.sync_now()
        return True

    def save_token(self) -> bool:
        """"Lưu mã": keep the token in the OS credential store; says plainly if there is none."""
        from ...sync.credentials import CredentialStoreUnavailable
        from ..sync.controller import SyncController

        self.error.setVisible(False)
        try:
            self.session.desk.sync.set_token(self.token.text())
        except SyncConfigError as exc:
            self._fail(exc.vi)
            return False
        except CredentialStoreUnavailable as exc:
            log.warning("station token not stored: %s", exc)
            self.token.clear()
            self._fail(exc.vi)
            self._show_token_state(False)
            return False
        self.token.clear()
        self._show_token_state(True)
        self.changed.emit()
        controller = SyncController.find(self.session)
        if controller is not None and self.session.desk.setting("sync.gateway_url"):
            controller.sync_now()
        return True

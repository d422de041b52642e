"""The sync part of the settings: the province's gateway address, its CA file, and the
station token ("Lưu mã" keeps it in the operating system's credential store, never in a file).

`save()` checks and stores the address and the CA file through an op off the window's thread;
the settings dialog calls it when the person presses "Lưu", closes on `saved` and stays open
on `refused` (the reason is shown in the page). The token is saved by its own button, at
once, and the field is emptied. What is stored is read when the page opens (`loaded`).

Only an administrator changes them (the page is read-only for the others, and the desk
refuses anyway); a new address is saved only with the token typed again beside it, so the
token never goes to a server it was not entered for (issue 12, point 4).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

from ...domain.accounts import Permission
from ...domain.errors import InvalidInput
from ..operations import Changed, Changes, CollectionOp, QueryOp, error_message
from ..session import Session

if TYPE_CHECKING:
    from ...desk import Desk

GATEWAY_KEY = "sync.gateway_url"
CA_FILE_KEY = "sync.ca_file"

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #842029;"
OK_STYLE = "color: #0f5132;"


class SyncSettingsPage(QWidget):
    """Địa chỉ máy chủ, tệp chứng chỉ CA, mã truy cập của quầy."""

    changed = Signal()  # settings or token saved: the background sync is woken
    loaded = Signal()  # the stored address, CA file and token state are shown
    saved = Signal()  # `save()` kept what was typed
    refused = Signal()  # `save()` refused it (the reason is shown)
    token_saved = Signal(bool)  # "Lưu mã" done: True if the token is kept

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        box = QGroupBox(self.tr("Đồng bộ với hệ thống của tỉnh"), self)
        form = QFormLayout(box)
        self.gateway = QLineEdit(box)
        self.gateway.setPlaceholderText("https://motcua.tinh.gov.vn")
        form.addRow(self.tr("Địa chỉ máy chủ:"), self.gateway)
        self.ca_file = QLineEdit(box)
        self.ca_file.setPlaceholderText(self.tr("(dùng chứng chỉ của hệ điều hành)"))
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
        self.admin_note = QLabel(self.tr(
            "Chỉ tài khoản quản trị hệ thống thay đổi được cài đặt đồng bộ."), box)
        self.admin_note.setWordWrap(True)
        self.admin_note.setStyleSheet("color: #555;")
        form.addRow(self.admin_note)
        self._stored_gateway = ""
        self.token_state.setText(self.tr("Đang đọc…"))
        self.show_rights()
        session.account_changed.connect(lambda _account: self.show_rights())
        QueryOp(session, parent=self, op=_stored, success=self._show_stored) \
            .failure(lambda error: self._fail(error_message(error))).quietly().run()

    def show_rights(self) -> None:
        """Editable for an administrator; read-only (and said so) for anyone else."""
        admin = self.session.may(Permission.SYNC_SETTINGS)
        for widget in (self.gateway, self.ca_file):
            widget.setReadOnly(not admin)
        for widget in (self.ca_button, self.token, self.save_token_button):
            widget.setEnabled(admin)
        self.admin_note.setVisible(not admin)

    def _show_stored(self, stored: tuple[str, str, bool]) -> None:
        gateway, ca_file, has_token = stored
        self._stored_gateway = gateway
        self.gateway.setText(gateway)
        self.ca_file.setText(ca_file)
        self._show_token_state(has_token)
        self.loaded.emit()

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

    def save(self, also: Callable[[Desk], Any] | None = None) -> None:
        """Check and store the address and the CA file (and run `also` in the same op, for
        the settings dialog's other choices); `saved` or `refused` (reason shown) follows."""
        self.error.setVisible(False)
        url = self.gateway.text().strip()
        ca = self.ca_file.text().strip() or None
        token = self.token.text().strip() or None

        def store(desk: Desk) -> Changed[bool]:
            before = (desk.setting(GATEWAY_KEY), desk.setting(CA_FILE_KEY))
            if url and (url, ca) == (before[0], before[1]) and token is None:
                changed = False  # nothing of sync changed (the language, say): anyone's
            elif url:
                desk.require(Permission.SYNC_SETTINGS)
                from ...domain.sync_config import check_gateway_url

                moved = bool(before[0]) and before[0] != check_gateway_url(url)
                if moved and token is None and desk.sync.has_token():
                    raise TokenNeeded()
                config = desk.sync.configure(url, ca, token=token)
                changed = before != (config.gateway_url, config.ca_file) or token is not None
            else:  # an empty address turns sync off
                changed = bool(before[0])
                if changed:
                    desk.require(Permission.SYNC_SETTINGS)
                    desk.sync.turn_off()
            if also is not None:
                also(desk)
            return Changed(changed, Changes.of_settings(GATEWAY_KEY, CA_FILE_KEY) if changed
                           else Changes())

        def done(changed: bool) -> None:
            if token is not None:
                self.token.clear()
                self._show_token_state(True)
            if changed:
                self.changed.emit()
                self._wake_sync(bool(url))
            self.saved.emit()

        def refused(error: BaseException) -> None:
            self._fail(error_message(error))
            if isinstance(error, TokenNeeded):
                self.token.setFocus()
            self.refused.emit()

        CollectionOp(self.session, self, store).success(done).failure(refused).run()

    def save_token(self) -> None:
        """"Lưu mã": keep the token in the OS credential store; says plainly if there is none.

        The field is emptied once the token is kept, or when there is no store to keep it
        (then it is kept nowhere); a token typed wrong stays to be corrected.
        """
        self.error.setVisible(False)
        token = self.token.text()

        def store(desk: Desk) -> Changed[bool]:
            desk.sync.set_token(token)
            return Changed(bool(desk.setting(GATEWAY_KEY)), Changes(sync=True))

        def done(configured: bool) -> None:
            self.token.clear()
            self._show_token_state(True)
            self.changed.emit()
            self._wake_sync(configured)
            self.token_saved.emit(True)

        def refused(error: BaseException) -> None:
            self._fail(error_message(error))
            if not isinstance(error, ValueError):  # the store itself failed, not the token
                log.warning("station token not stored: %s", error)
                self.token.clear()
                self._show_token_state(False)
            self.token_saved.emit(False)

        CollectionOp(self.session, self, store).success(done).failure(refused).run()

    def _wake_sync(self, configured: bool) -> None:
        from ..sync.controller import SyncController

        controller = SyncController.find(self.session)
        if controller is not None and configured:
            controller.sync_now()


class TokenNeeded(InvalidInput):
    """A new gateway address without the token typed again: refused (nothing saved)."""

    def __init__(self) -> None:
        super().__init__(
            "Địa chỉ máy chủ đã đổi: hãy nhập lại mã truy cập của quầy vào ô “Mã truy cập” "
            "rồi bấm Lưu. Mã chỉ được gửi tới địa chỉ đã nhập cùng với nó.",
            "a new gateway address needs the token again", {"token": "nhập lại"})


def _stored(desk: Desk) -> tuple[str, str, bool]:
    """On the worker: the stored address, CA file, and whether a token is kept."""
    return (desk.setting(GATEWAY_KEY) or "", desk.setting(CA_FILE_KEY) or "",
            desk.sync.has_token())

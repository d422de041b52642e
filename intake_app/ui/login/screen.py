"""Đăng nhập: the account chosen from a list, its password; a temporary one changed here.

The window starts on this screen and comes back to it when it locks (Ctrl+L, or idle for the
configured minutes): whoever logs in next works from there, so switching clerk at a shared
counter is one log-in. A station without any account yet (set up by an older version) asks
for its first administrator instead. The password is checked by an op off the window's
thread (argon2id takes about a third of a second on purpose); a wrong one, the tries left and
a lock-out are said under the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.accounts import Account
from ..operations import QueryOp, error_message
from ..session import Session
from ..widgets import screen_title

if TYPE_CHECKING:
    from ...desk import Desk

ERROR_STYLE = "color: #842029;"
NOTE_STYLE = "color: #555;"


class LoginScreen(QWidget):
    """The log-in form, centred; `logged_in(Account)` once the account may work."""

    logged_in = Signal(object)  # Account
    accounts_loaded = Signal()  # the list is filled (tests wait for it)
    refused = Signal(str)  # the message said under the field (tests wait for it)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._busy = False
        self._pending: Account | None = None  # logged in with a temporary password
        self._old_password = ""
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame(self)
        card.setObjectName("loginCard")
        card.setMaximumWidth(460)
        card.setStyleSheet("QFrame#loginCard { border: 1px solid #c8d3df; border-radius: 6px; "
                           "background: white; }")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(24, 20, 24, 20)
        self.title = screen_title(self.tr("Đăng nhập"))
        layout.addWidget(self.title)
        station = session.station
        where = QLabel(self.tr("{unit} – Quầy số {n}").format(unit=station.unit_name,
                                                            n=station.station_no), card)
        where.setStyleSheet(NOTE_STYLE)
        where.setWordWrap(True)
        layout.addWidget(where)
        self.form = QFormLayout()
        self.account = QComboBox(card)
        self.account.setMinimumWidth(280)
        self.form.addRow(self.tr("Tài khoản:"), self.account)
        self.password = QLineEdit(card)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.log_in)
        self.form.addRow(self.tr("Mật khẩu:"), self.password)
        # A temporary password, changed before anything else.
        self.new_password = QLineEdit(card)
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password = QLineEdit(card)
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password.returnPressed.connect(self.log_in)
        self.form.addRow(self.tr("Mật khẩu mới:"), self.new_password)
        self.form.addRow(self.tr("Nhập lại mật khẩu mới:"), self.repeat_password)
        # The first administrator of a station without accounts.
        self.login_name = QLineEdit(card)
        self.login_name.setPlaceholderText("vd: quantri")
        self.display_name = QLineEdit(card)
        self.form.addRow(self.tr("Tên đăng nhập:"), self.login_name)
        self.form.addRow(self.tr("Họ và tên:"), self.display_name)
        layout.addLayout(self.form)
        self.note = QLabel("", card)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.note)
        self.message = QLabel("", card)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.button = QPushButton(self.tr("Đăng nhập"), card)
        self.button.setDefault(True)
        self.button.clicked.connect(self.log_in)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self._mode = "login"
        self._show_mode("login")
        self.account.setEnabled(False)
        self.button.setEnabled(False)

    # ---- what it shows -------------------------------------------------------------------------

    def _show_mode(self, mode: str) -> None:
        """'login', 'change' (a temporary password) or 'first' (the first administrator)."""
        self._mode = mode
        rows = {"login": (self.account, self.password),
                "change": (self.account, self.new_password, self.repeat_password),
                "first": (self.login_name, self.display_name, self.new_password,
                          self.repeat_password)}[mode]
        for field in (self.account, self.password, self.new_password, self.repeat_password,
                      self.login_name, self.display_name):
            self.form.setRowVisible(field, field in rows)
        if mode == "login":
            self.title.setText(self.tr("Đăng nhập"))
            self.button.setText(self.tr("Đăng nhập"))
            self.note.setText("")
        elif mode == "change":
            self.title.setText(self.tr("Đổi mật khẩu tạm"))
            self.button.setText(self.tr("Đổi mật khẩu và vào làm việc"))
            self.note.setText(self.tr(
                "Tài khoản đang dùng mật khẩu tạm do quản trị hệ thống cấp: hãy đặt mật khẩu "
                "của riêng mình (ít nhất 10 ký tự; một câu ngắn dễ nhớ là tốt)."))
        else:
            self.title.setText(self.tr("Tạo tài khoản quản trị hệ thống"))
            self.button.setText(self.tr("Tạo tài khoản"))
            self.note.setText(self.tr(
                "Quầy chưa có tài khoản nào. Hãy tạo tài khoản quản trị hệ thống đầu tiên; "
                "quản trị hệ thống sẽ tạo tài khoản cho cán bộ."))
        self.note.setVisible(bool(self.note.text()))

    def reset(self, keep: str | None = None) -> None:
        """Back to an empty form (locking, switching clerk); `keep` the account chosen."""
        self._pending = None
        self._old_password = ""
        for field in (self.password, self.new_password, self.repeat_password):
            field.clear()
        self.message.setVisible(False)
        self.load_accounts(keep)

    def load_accounts(self, keep: str | None = None) -> None:
        """Read the accounts that may log in (off the window's thread), then show the form."""
        def listed(accounts: list[Account]) -> None:
            self.account.clear()
            for account in accounts:
                self.account.addItem(f"{account.display_name} – {account.role.label}",
                                     account.login)
            if keep is not None and (index := self.account.findData(keep)) >= 0:
                self.account.setCurrentIndex(index)
            self.account.setEnabled(True)
            self.button.setEnabled(True)
            self._show_mode("login" if accounts else "first")
            (self.password if accounts else self.login_name).setFocus()
            self.accounts_loaded.emit()

        QueryOp(self.session, parent=self, op=_active_accounts, success=listed) \
            .failure(lambda error: self._say(error_message(error))).quietly().run()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.refused.emit(text)

    # ---- logging in ----------------------------------------------------------------------------

    def log_in(self) -> bool:
        """The button (or Enter): log in, change the temporary password, or create the first
        administrator, as the form shows. False when nothing was started."""
        if self._busy or not self.button.isEnabled():
            return False
        self.message.setVisible(False)
        if self._mode == "first":
            return self._create_first()
        if self._mode == "change":
            return self._change_password()
        login = self.account.currentData()
        password = self.password.text()
        if not login:
            return False
        if not password:
            self._say(self.tr("Hãy nhập mật khẩu."))
            return False
        self._run(lambda desk: desk.log_in(login, password), self._authenticated,
                  label=password)
        return True

    def _run(self, op, success, *, label: str = "") -> None:  # type: ignore[no-untyped-def]
        self._busy = True
        self.button.setEnabled(False)

        def done(value: object) -> None:
            self._busy = False
            self.button.setEnabled(True)
            success(value)

        def failed(error: BaseException) -> None:
            self._busy = False
            self.button.setEnabled(True)
            self.password.clear()
            self.password.setFocus()
            self._say(error_message(error))

        QueryOp(self.session, parent=self, op=op, success=done).failure(failed).run()

    def _authenticated(self, account: Account) -> None:
        if account.must_change_password:
            self._pending = account
            self._old_password = self.password.text()
            self.password.clear()
            self._show_mode("change")
            self.new_password.setFocus()
            return
        self._done(account)

    def _change_password(self) -> bool:
        account = self._pending
        if account is None:
            return False
        new, repeat = self.new_password.text(), self.repeat_password.text()
        if new != repeat:
            self._say(self.tr("Hai lần nhập mật khẩu mới không giống nhau."))
            return False
        old = self._old_password
        self._run(lambda desk: desk.accounts.change_password(account.login, old, new),
                  self._done)
        return True

    def _create_first(self) -> bool:
        login, name = self.login_name.text(), self.display_name.text()
        new, repeat = self.new_password.text(), self.repeat_password.text()
        if new != repeat:
            self._say(self.tr("Hai lần nhập mật khẩu không giống nhau."))
            return False
        self._run(lambda desk: desk.accounts.first_administrator(login, name, new), self._done)
        return True

    def _done(self, account: Account) -> None:
        self._pending = None
        self._old_password = ""
        for field in (self.password, self.new_password, self.repeat_password):
            field.clear()
        self._show_mode("login")
        self.logged_in.emit(account)


def _active_accounts(desk: Desk) -> list[Account]:
    return desk.accounts.active()

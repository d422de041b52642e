"""Accounts of the station (`desk.accounts`): create, change, log in; each change audited.

An administrator creates the accounts with a temporary password, which the person must
change at the first log-in; nothing expires. Checking a password takes about a third of a
second on purpose (argon2id); it runs outside the write transaction, so a log-in never holds
up the counter's other writes. Five wrong passwords in a row lock the account on this counter
for 15 minutes; each wrong try and each lock is in the audit trail.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.accounts import (
    LOCK_DURATION,
    MAX_FAILED_TRIES,
    Account,
    LockState,
    NotLoggedIn,
    Permission,
    Role,
    check_display_name,
    check_login,
    locked_message,
    normalize_login,
    normalize_password,
    require_good_password,
)
from ..domain.clock import iso
from ..domain.errors import InvalidInput, NotAllowed, NotFound
from ..store import accounts as store
from ..store.db import write_transaction

if TYPE_CHECKING:
    from ..desk import Desk


log = logging.getLogger(__name__)

class LoginFailed(NotAllowed):
    """Wrong name or password, a disabled or a locked account (exit 3)."""


class UnknownAccount(NotFound):
    def __init__(self, login: str):
        super().__init__(f"Không có tài khoản {login}.", f"no account {login!r}")


@dataclass(frozen=True)
class LoginResult:
    account: Account
    must_change_password: bool


WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


class Accounts:
    def __init__(self, desk: Desk):
        self.desk = desk

    @property
    def db(self):
        return self.desk.db

    def _now(self) -> str:
        return iso(self.desk.clock())

    # ---- reading ------------------------------------------------------------------------------

    def get(self, login: str) -> Account:
        account = store.get(self.db, normalize_login(login))
        if account is None:
            raise UnknownAccount(login)
        return account

    def all(self, *, include_disabled: bool = True) -> list[Account]:
        self.desk.may_read(Permission.ACCOUNTS)
        return store.all_accounts(self.db, include_disabled=include_disabled)

    def active(self) -> list[Account]:
        """The accounts that may log in (the log-in screen's list)."""
        return store.all_accounts(self.db, include_disabled=False)

    def exist(self) -> bool:
        return store.count(self.db) > 0

    def lock_state(self, login: str) -> LockState:
        return store.lock_state(self.db, normalize_login(login))

    # ---- changes ------------------------------------------------------------------------------

    def add(self, login: str, display_name: str, role: Role, password: str, *,
            temporary: bool = True) -> Account:
        """A new account; `temporary`: the person must change the password at first log-in.

        An administrator's; the station's first account is the set-up's own: an
        administrator with the password its person chose (`first_administrator`).
        """
        if self.exist():
            self.desk.require(Permission.ACCOUNTS)
        login = check_login(login)
        name = check_display_name(display_name)
        password = require_good_password(password, login=login, display_name=name)
        digest = store.hash_password(password)  # slow: outside the transaction
        now = self._now()
        account = Account(login, name, role, must_change_password=temporary,
                          created_at=now, updated_at=now)
        with write_transaction(self.db):
            if store.get(self.db, login) is not None:
                raise InvalidInput(f"Đã có tài khoản tên đăng nhập {login}.",
                                   f"account {login} exists", {"login": "Đã có tài khoản này."})
            other = store.name_taken(self.db, name)
            if other is not None:
                raise InvalidInput(
                    f"Đã có tài khoản {other} mang tên {name} (không kể dấu, hoa thường): "
                    "hãy thêm tên đệm hay chữ viết tắt để phân biệt.",
                    f"display name taken by {other}", {"display_name": "Trùng tên."})
            first = store.count(self.db) == 0
            if first and role != Role.ADMINISTRATOR:
                raise NotAllowed("Tài khoản đầu tiên của quầy phải là quản trị hệ thống.",
                                 "the first account must be an administrator")
            if not first and self.desk.user is None:
                raise NotLoggedIn(Permission.ACCOUNTS)
            store.insert(self.db, account, digest)
            self.desk.audit.record("account.created", login,
                                   {"display_name": name, "role": role.value,
                                    "temporary_password": temporary, "first": first},
                                   actor=login if first else None)
        return account

    def first_administrator(self, login: str, display_name: str, password: str) -> Account:
        """Set-up: the station's first account, an administrator whose person typed the
        password (so nothing to change at the first log-in); then it acts through the desk.
        Refused (NotAllowed) once the station has an account."""
        if self.exist():
            raise NotAllowed("Quầy đã có tài khoản; quản trị hệ thống tạo thêm tài khoản bằng "
                             "`intake-app user add`.", "the station has accounts already")
        account = self.add(login, display_name, Role.ADMINISTRATOR, password, temporary=False)
        self.desk.user = account
        return account

    def _change(self, login: str, action: str, detail: dict, actor: str | None,
                also: Callable[[], None] | None = None, **changes: object) -> Account:
        login = normalize_login(login)
        with write_transaction(self.db):
            before = store.get(self.db, login)
            if before is None:
                raise UnknownAccount(login)
            self._keep_an_administrator(before, changes)
            store.update(self.db, login, self._now(), **changes)
            if also is not None:
                also()
            self.desk.audit.record(action, login, detail, actor=actor)
            after = store.get(self.db, login)
        assert after is not None
        return after

    def _keep_an_administrator(self, before: Account, changes: dict[str, object]) -> None:
        """The last active administrator can be neither disabled nor given another role."""
        losing = before.role == Role.ADMINISTRATOR and not before.disabled and (
            changes.get("disabled") is True
            or ("role" in changes and changes["role"] != Role.ADMINISTRATOR))
        if losing and store.count(self.db, role=Role.ADMINISTRATOR, active_only=True) <= 1:
            raise NotAllowed(
                f"{before.display_name} là quản trị hệ thống cuối cùng còn hoạt động: hãy tạo "
                "một tài khoản quản trị khác trước.",
                "would leave no active administrator")

    def disable(self, login: str) -> Account:
        self.desk.require(Permission.ACCOUNTS)
        return self._change(login, "account.disabled", {}, None, disabled=True)

    def enable(self, login: str) -> Account:
        self.desk.require(Permission.ACCOUNTS)
        return self._change(login, "account.enabled", {}, None, disabled=False)

    def set_role(self, login: str, role: Role) -> Account:
        self.desk.require(Permission.ACCOUNTS)
        before = self.get(login)
        return self._change(login, "account.role", {"from": before.role.value,
                                                    "to": role.value}, None, role=role)

    def reset_password(self, login: str, password: str) -> Account:
        """A temporary password set by an administrator; it also lifts a lock-out."""
        self.desk.require(Permission.ACCOUNTS)
        account = self.get(login)
        password = require_good_password(password, login=account.login,
                                         display_name=account.display_name)
        digest = store.hash_password(password)
        return self._change(
            account.login, "account.password_reset", {}, None,
            also=lambda: store.save_lock_state(self.db, account.login, LockState(), None),
            password_hash=digest, must_change_password=True)

    def change_password(self, login: str, old: str, new: str) -> Account:
        """The person's own new password (needs the current one)."""
        account = self.authenticate(login, old, audit_success=False).account
        if normalize_password(old) == normalize_password(new):
            raise InvalidInput("Mật khẩu mới phải khác mật khẩu cũ.", "same password",
                               {"password": "Trùng mật khẩu cũ."})
        new = require_good_password(new, login=account.login,
                                    display_name=account.display_name)
        digest = store.hash_password(new)
        after = self._change(account.login, "account.password_changed", {}, account.login,
                             password_hash=digest, must_change_password=False)
        if self.desk.user is not None and self.desk.user.login == after.login:
            self.desk.user = after  # the temporary password no longer holds it back
        return after

    # ---- log-in -------------------------------------------------------------------------------

    def authenticate(self, login: str, password: str, *,
                     audit_success: bool = True) -> LoginResult:
        """Check a log-in; LoginFailed (Vietnamese, exit 3) for a wrong name or password, a
        disabled account or one locked after 5 wrong tries. Every outcome is audited."""
        name = normalize_login(login)
        now = self.desk.clock()
        account = store.get(self.db, name)
        stored = store.password_hash(self.db, name)
        if account is None or stored is None:
            store.password_matches(_dummy_hash(), password)  # as slow as a real check
            with write_transaction(self.db):
                self.desk.audit.record("login.failed", name, {"reason": "unknown"}, actor="")
            raise LoginFailed(WRONG, f"unknown login {name!r}")
        state = store.lock_state(self.db, name)
        if state.locked_at(now):
            assert state.locked_until is not None
            with write_transaction(self.db):
                self.desk.audit.record("login.refused", name, {"reason": "locked"}, actor="")
            raise LoginFailed(locked_message(state.locked_until), f"{name} is locked")
        matches = store.password_matches(stored, normalize_password(password))
        if not matches:
            failed = state.after_failure(now)
            with write_transaction(self.db):
                store.save_lock_state(self.db, name, failed, now)
                self.desk.audit.record("login.failed", name,
                                       {"reason": "password", "tries": failed.failed_tries},
                                       actor="")
                if failed.locked_until is not None:
                    self.desk.audit.record(
                        "account.locked", name,
                        {"until": iso(failed.locked_until), "tries": failed.failed_tries,
                         "minutes": int(LOCK_DURATION.total_seconds() // 60)}, actor="")
            if failed.locked_until is not None:
                raise LoginFailed(locked_message(failed.locked_until), f"{name} now locked")
            left = MAX_FAILED_TRIES - failed.failed_tries
            raise LoginFailed(f"{WRONG} Còn {left} lần thử trước khi tài khoản bị khóa tạm "
                              "thời.", f"wrong password for {name}")
        if account.disabled:
            with write_transaction(self.db):
                self.desk.audit.record("login.refused", name, {"reason": "disabled"}, actor="")
            raise LoginFailed("Tài khoản này đã bị vô hiệu hóa; hãy liên hệ quản trị hệ thống.",
                              f"{name} is disabled")
        if state.failed_tries or state.locked_until or audit_success:
            with write_transaction(self.db):
                if state.failed_tries or state.locked_until:
                    store.save_lock_state(self.db, name, LockState(), None)
                if audit_success:
                    self.desk.audit.record("login", name, {}, actor=name)
        if store.needs_rehash(stored):
            self._rehash(name, password)
        return LoginResult(account, account.must_change_password)

    def _rehash(self, name: str, password: str) -> None:
        """The hash made with older parameters, made again with today's: best effort (a
        database that refuses the write now still lets the person in; the next log-in tries
        again)."""
        digest = store.hash_password(normalize_password(password))
        try:
            with write_transaction(self.db):
                store.update(self.db, name, self._now(), password_hash=digest)
        except Exception as exc:  # noqa: BLE001 - never stops a log-in; logged
            log.warning("the password hash of %s was not renewed: %s", name, exc)


@functools.cache
def _dummy_hash() -> str:
    """A hash of nothing anyone types, checked for an unknown name: a wrong name takes as long
    as a wrong password, so the time does not tell which names exist."""
    return store.hash_password("\x00 no account \x00")

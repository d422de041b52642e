"""Who runs a command: `--user NAME`, its password from $INTAKE_APP_PASSWORD or the terminal.

A password is never a command-line argument (it would stay in the shell's history and in the
process list). Without `--user` only a read-only command runs, and only where the data
folder's owner allowed it (`intake-app user reads-without-login on`, the `cli.reads_without_
login` setting). A station without any account yet (set up by an older version) asks for its
first administrator (`intake-app user add … --role administrator`) and runs nothing else.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ..desk import Desk, PasswordChangeNeeded
from ..domain.errors import InvalidInput, NotAllowed

PASSWORD_ENV = "INTAKE_APP_PASSWORD"
READS_KEY = "cli.reads_without_login"

READ_ONLY = {
    ("find",), ("show",), ("catalogue", "list"), ("calendar", "due"), ("calendar", "days"),
    ("calendar", "notices"), ("sync", "status"), ("sync", "parked"), ("sync", "log"),
    ("clock", "status"), ("keys", "status"), ("check",), ("backup", "list"),
}
"""Commands that change nothing and may run without a log-in where the owner allows it."""

CHANGE_OWN_PASSWORD = ("user", "password")

QUIET_LOGIN = READ_ONLY | {("audit", "verify"), ("audit", "list")}
"""Commands whose successful log-in is not written to the audit trail: they change nothing
(the trail records writes; a wrong password is recorded whatever the command). So checking a
tampered trail never needs to write into it first."""


def command_path(args: argparse.Namespace) -> tuple[str, ...]:
    """('sync', 'status'), ('find',), …: the command and its sub-command, if any."""
    command = args.command
    for name in (f"{command}_command", "sync_command", "calendar_command"):
        sub = getattr(args, name, None)
        if isinstance(sub, str) and sub:
            return (command, sub)
    return (command,)


class ClerkOptionGone(InvalidInput):
    def __init__(self) -> None:
        super().__init__(
            "Tùy chọn --clerk không còn dùng: người thực hiện là tài khoản đăng nhập. Hãy dùng "
            f"--user TÊN_ĐĂNG_NHẬP (mật khẩu lấy từ biến môi trường {PASSWORD_ENV} hoặc nhập "
            "khi được hỏi).",
            "--clerk was removed: log in with --user", {"clerk": "không còn dùng"})


def read_password(login: str) -> str:
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    if sys.stdin is None or not sys.stdin.isatty():
        raise InvalidInput(
            f"Cần mật khẩu của {login}: đặt biến môi trường {PASSWORD_ENV} hoặc chạy lệnh trên "
            "cửa sổ dòng lệnh để nhập (mật khẩu không bao giờ là tham số của lệnh).",
            f"no password for {login}: set ${PASSWORD_ENV} or use a terminal",
            {"password": "thiếu"})
    return getpass.getpass(f"Mật khẩu của {login}: ")


def log_in(args: argparse.Namespace, desk: Desk) -> None:
    """Authenticate the person running the command (see the module docstring), or refuse
    (NotAllowed, exit 3)."""
    path = command_path(args)
    login = getattr(args, "user", None)
    if path == CHANGE_OWN_PASSWORD:
        return  # `user password` checks the current password itself
    if getattr(args, "app_process", False) and not login:
        return  # the app's own background process (`office run`), as the window's sync
    if login:
        desk.log_in(login, read_password(login), audit=path not in QUIET_LOGIN)
        if desk.user is not None and desk.user.must_change_password:
            raise PasswordChangeNeeded()
        return
    if path == ("init",) and not desk.accounts.exist():
        return  # the set-up creates the first administrator
    if not desk.accounts.exist():
        if path == ("user", "add"):
            return  # the first administrator of a station set up by an older version
        raise NotAllowed(
            "Quầy chưa có tài khoản nào: quản trị hệ thống hãy tạo tài khoản quản trị đầu tiên "
            "(`intake-app user add TÊN --name \"Họ tên\" --role administrator`) hoặc mở ứng "
            "dụng để tạo.", "no account yet: create the first administrator")
    if path in READ_ONLY and desk.setting(READS_KEY, False) is True:
        return
    raise NotAllowed(
        "Cần đăng nhập: thêm --user TÊN_ĐĂNG_NHẬP trước lệnh (mật khẩu lấy từ biến môi trường "
        f"{PASSWORD_ENV} hoặc nhập khi được hỏi).", f"`{' '.join(path)}` needs --user")

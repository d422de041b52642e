"""`intake-app user …` (accounts) and `intake-app audit …` (the audit trail).

A password is never a command-line argument (it would stay in the shell's history and in the
process list): a new or temporary password is read from $INTAKE_APP_NEW_PASSWORD or asked on
the terminal twice, or made up by the app with `--generate` and printed once.
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys
from typing import Any

from ..desk import Desk
from ..domain.accounts import Account, check_role
from ..domain.audit import AuditRecord
from ..domain.errors import InvalidInput
from .commands import OK, emit, fail
from .lifecycle_commands import date_arg

NEW_PASSWORD_ENV = "INTAKE_APP_NEW_PASSWORD"
GENERATED_WORDS = 4
_WORDS = ("may", "cay", "song", "nui", "hoa", "lua", "trang", "gio", "bien", "doi", "suoi",
          "mua", "nang", "sao", "que", "lang", "tre", "sen", "cau", "ben", "thuyen", "chim",
          "dong", "rung", "mai", "dao", "cuc", "lan", "tung", "truc")


def account_dict(account: Account, desk: Desk | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "login": account.login, "display_name": account.display_name,
        "role": account.role.value, "role_label": account.role.label,
        "must_change_password": account.must_change_password, "disabled": account.disabled,
        "created_at": account.created_at, "updated_at": account.updated_at,
    }
    if desk is not None:
        state = desk.accounts.lock_state(account.login)
        data["failed_tries"] = state.failed_tries
        data["locked_until"] = state.locked_until.isoformat() if state.locked_until and \
            state.locked_at(desk.clock()) else None
    return data


def generated_password() -> str:
    """A temporary passphrase easy to read out at the counter: 'may-trang-ben-43'."""
    words = [secrets.choice(_WORDS) for _ in range(GENERATED_WORDS - 1)]
    return "-".join([*words, f"{secrets.randbelow(90) + 10}"])


def new_password(args: argparse.Namespace, who: str, *,
                 generate: bool = True) -> tuple[str, bool]:
    """The new password and whether the app made it up (then it is printed once)."""
    if generate and getattr(args, "generate", False):
        return generated_password(), True
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given:
        return given, False
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"Cần mật khẩu tạm cho {who}: đặt biến môi trường {NEW_PASSWORD_ENV}, chạy lệnh "
            "trên cửa sổ dòng lệnh để nhập, hoặc dùng --generate để ứng dụng tự tạo.",
            f"no password: set ${NEW_PASSWORD_ENV}, use a terminal or --generate")
    first = getpass.getpass(f"Mật khẩu mới cho {who}: ")
    second = getpass.getpass("Nhập lại mật khẩu: ")
    if first != second:
        raise InvalidInput("Hai lần nhập mật khẩu không giống nhau.", "passwords differ",
                           {"password": "Không khớp."})
    return first, False


def _with_password(data: dict[str, Any], password: str, generated: bool) -> dict[str, Any]:
    if generated:
        data["temporary_password"] = password  # shown once; the person changes it at log-in
    return data


def _may_manage_accounts(desk: Desk) -> None:
    """Refused before any password is asked (the first administrator excepted)."""
    from ..domain.accounts import Permission

    if desk.accounts.exist():
        desk.require(Permission.ACCOUNTS)


def cmd_user_add(args: argparse.Namespace, desk: Desk) -> int:
    _may_manage_accounts(desk)
    role = check_role(args.role)
    password, generated = new_password(args, args.login)
    account = desk.accounts.add(args.login, args.name, role, password)
    emit(_with_password(account_dict(account), password, generated))
    return OK


def cmd_user_password(args: argparse.Namespace, desk: Desk) -> int:
    """A person's own new password (a temporary one must be changed before anything else)."""
    from .login import read_password

    if not args.user:
        raise InvalidInput("Hãy cho biết tài khoản: intake-app --user TÊN user password.",
                           "user password needs --user", {"user": "thiếu"})
    current = read_password(args.user)
    new, _ = new_password(args, args.user, generate=False)
    account = desk.accounts.change_password(args.user, current, new)
    emit(account_dict(account))
    return OK


def cmd_reads_without_login(args: argparse.Namespace, desk: Desk) -> int:
    """The data folder's owner lets read-only commands run without --user (or not)."""
    from ..domain.accounts import Permission
    from .login import READS_KEY

    desk.require(Permission.ACCOUNTS)
    desk.set_setting(READS_KEY, args.state == "on")
    emit({"reads_without_login": args.state == "on"})
    return OK


def cmd_lock_after(args: argparse.Namespace, desk: Desk) -> int:
    """The window locks itself after this many idle minutes (0: never by itself)."""
    from ..domain.accounts import IDLE_KEY, MAX_IDLE_MINUTES, Permission

    desk.require(Permission.ACCOUNTS)
    if not 0 <= args.minutes <= MAX_IDLE_MINUTES:
        raise InvalidInput(f"Số phút phải từ 0 đến {MAX_IDLE_MINUTES}.",
                           "idle minutes out of range", {"minutes": "ngoài khoảng"})
    desk.set_setting(IDLE_KEY, args.minutes)
    emit({"idle_lock_minutes": args.minutes})
    return OK


def cmd_user_list(args: argparse.Namespace, desk: Desk) -> int:
    emit([account_dict(account, desk)
          for account in desk.accounts.all(include_disabled=not args.active)])
    return OK


def cmd_user_disable(args: argparse.Namespace, desk: Desk) -> int:
    emit(account_dict(desk.accounts.disable(args.login)))
    return OK


def cmd_user_enable(args: argparse.Namespace, desk: Desk) -> int:
    emit(account_dict(desk.accounts.enable(args.login)))
    return OK


def cmd_user_reset(args: argparse.Namespace, desk: Desk) -> int:
    _may_manage_accounts(desk)
    account = desk.accounts.get(args.login)
    password, generated = new_password(args, account.login)
    account = desk.accounts.reset_password(account.login, password)
    emit(_with_password(account_dict(account), password, generated))
    return OK


def cmd_user_role(args: argparse.Namespace, desk: Desk) -> int:
    account = desk.accounts.set_role(args.login, check_role(args.role))
    emit(account_dict(account))
    return OK


# ---- audit -----------------------------------------------------------------------------------

def record_dict(record: AuditRecord) -> dict[str, Any]:
    return {"seq": record.seq, "at": record.at, "actor": record.actor,
            "action": record.action, "target": record.target, "detail": dict(record.detail)}


def cmd_audit_verify(args: argparse.Namespace, desk: Desk) -> int:
    report = desk.audit.verify()
    emit(report.as_dict())
    if report.ok:
        return OK
    for problem in report.problems:
        print(f"intake-app: {problem.message}", file=sys.stderr)
    return fail(f"Nhật ký kiểm toán đã bị thay đổi: {len(report.problems)} chỗ.")


def cmd_audit_list(args: argparse.Namespace, desk: Desk) -> int:
    if args.start and args.end and args.end < args.start:
        raise InvalidInput("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.", "--to < --from",
                           {"to": "Trước ngày bắt đầu."})
    dossier = args.dossier.strip().upper() if args.dossier else None
    records = desk.audit.records(start=args.start, end=args.end, actor=args.user_filter,
                                 dossier=dossier, limit=args.limit)
    emit([record_dict(record) for record in records])
    return OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="accounts of this station (administrator)")
    commands = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    add = commands.add_parser("add", help="create an account with a temporary password "
                              f"(from ${NEW_PASSWORD_ENV}, the terminal, or --generate)")
    add.add_argument("login", help="login name: 2-32 of a-z 0-9 . _ - (e.g. hoa.lt)")
    add.add_argument("--name", required=True, help='full name, e.g. "Lê Thị Hoa"')
    add.add_argument("--role", required=True,
                     help="clerk, supervisor or administrator")
    add.add_argument("--generate", action="store_true",
                     help="make up a temporary password and print it once")
    add.set_defaults(action=cmd_user_add)

    listing = commands.add_parser("list", help="every account, its role and state")
    listing.add_argument("--active", action="store_true", help="only accounts not disabled")
    listing.set_defaults(action=cmd_user_list)

    disable = commands.add_parser("disable", help="stop an account from logging in")
    disable.add_argument("login")
    disable.set_defaults(action=cmd_user_disable)
    enable = commands.add_parser("enable", help="let a disabled account log in again")
    enable.add_argument("login")
    enable.set_defaults(action=cmd_user_enable)

    reset = commands.add_parser("reset-password", help="a new temporary password (also lifts "
                                "a lock-out); changed by its owner at the next log-in")
    reset.add_argument("login")
    reset.add_argument("--generate", action="store_true",
                       help="make up a temporary password and print it once")
    reset.set_defaults(action=cmd_user_reset)

    password = commands.add_parser(
        "password", help="change your own password (--user NAME; the current one from "
        f"$INTAKE_APP_PASSWORD, the new one from ${NEW_PASSWORD_ENV}, or both asked)")
    password.set_defaults(action=cmd_user_password)
    reads = commands.add_parser(
        "reads-without-login", help="let read-only commands (find, show, status…) run "
        "without --user on this data folder, or not (default: off)")
    reads.add_argument("state", choices=("on", "off"))
    reads.set_defaults(action=cmd_reads_without_login)

    lock = commands.add_parser(
        "lock-after", help="the window locks itself after MINUTES without a key or a click "
        "(default 10; 0: only Ctrl+L)")
    lock.add_argument("minutes", type=int)
    lock.set_defaults(action=cmd_lock_after)

    role = commands.add_parser("role", help="give an account another role")
    role.add_argument("login")
    role.add_argument("role", help="clerk, supervisor or administrator")
    role.set_defaults(action=cmd_user_role)

    audit = sub.add_parser("audit", help="the audit trail: who did what, and its check")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = audit_commands.add_parser(
        "verify", help="check every record with the station's key; exit 1 and each record "
        "edited, removed or inserted")
    verify.set_defaults(action=cmd_audit_verify)
    listing = audit_commands.add_parser("list", help="records, newest first, as JSON")
    listing.add_argument("--from", dest="start", type=date_arg, help="YYYY-MM-DD")
    listing.add_argument("--to", dest="end", type=date_arg, help="YYYY-MM-DD (inclusive)")
    listing.add_argument("--user", dest="user_filter", help="only this login name's actions")
    listing.add_argument("--dossier", help="only this dossier code")
    listing.add_argument("--limit", type=int, default=1000)
    listing.set_defaults(action=cmd_audit_list)

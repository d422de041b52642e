"""`intake-app`: the command line of the intake desk; with no command it opens the window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ..domain.errors import DeskError, StorageProblem
from ..logs import setup_logging
from ..paths import default_data_dir


def build_parser() -> argparse.ArgumentParser:
    # The commands' modules import the desk and its libraries: only when a command is run,
    # never on the way to the window (`_window_arguments`).
    from . import (
        backup_commands,
        calendar_commands,
        clock_commands,
        commands,
        correction_commands,
        doctor_commands,
        fee_commands,
        hub_commands,
        idcard_commands,
        keys_commands,
        lifecycle_commands,
        setup_commands,
        station_commands,
        store_commands,
        sync_commands,
        user_commands,
    )

    parser = argparse.ArgumentParser(
        prog="intake-app",
        description="Dossier-intake desk of a commune one-stop-shop counter. "
        "With no command, opens the window.",
    )
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="the station's data folder (default: $INTAKE_APP_DATA_DIR or the "
                        "per-user data folder)")
    parser.add_argument("--user", default=None, metavar="NAME",
                        help="log in as this account (its password from $INTAKE_APP_PASSWORD "
                        "or asked on the terminal; never an argument)")
    parser.add_argument("--clerk", default=None, help=argparse.SUPPRESS)  # gone: refused
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="set up the data folder of this station")
    init.add_argument("--unit-code", required=True, help="electronic code of the unit, "
                      "e.g. 000.00.12.H56")
    init.add_argument("--unit-name", required=True, help='e.g. "UBND xã Ưu Điềm"')
    init.add_argument("--province-code", required=True, help="GSO 2-digit province code")
    init.add_argument("--commune-code", required=True, help="GSO 5-digit commune code")
    init.add_argument("--station", type=int, required=True, help="counter number, 1-9")
    init.add_argument("--office-name", default="Bộ phận Một cửa",
                      help="name printed under the unit on every slip")
    init.add_argument("--admin", metavar="LOGIN",
                      help="the first administrator's login name (a new station must have one; "
                      "its password from $INTAKE_APP_NEW_PASSWORD or asked twice)")
    init.add_argument("--admin-name", help='the first administrator\'s full name')
    init.add_argument("--unprotected-key-file", action="store_true",
                      help="only on a PC without an OS credential store: keep the station's "
                      "keys in a file of the data folder protected only by its permissions")
    init.set_defaults(action=commands.cmd_init)

    cat = sub.add_parser("catalogue", help="the procedure catalogue")
    cat_sub = cat.add_subparsers(dest="catalogue_command", required=True)
    cat_import = cat_sub.add_parser("import", help="add or replace procedures from a JSON file")
    cat_import.add_argument("file")
    cat_import.set_defaults(action=commands.cmd_catalogue_import)
    cat_list = cat_sub.add_parser("list", help="list procedures")
    cat_list.add_argument("--search", help="words of the code or name, accents optional")
    cat_list.set_defaults(action=commands.cmd_catalogue_list)

    receive = sub.add_parser("receive", help="receive and stamp a dossier")
    receive.add_argument("--json", required=True, help="intake request file, or - for stdin")
    receive.set_defaults(action=commands.cmd_receive)

    receipt = sub.add_parser("receipt", help="print a dossier's receipt again (marked as a copy)")
    receipt.add_argument("code")
    receipt.add_argument("--out", required=True, help="PDF file to write (outside the data "
                         "folder)")
    commands.add_force(receipt)
    receipt.add_argument("--issue", type=int, default=None,
                         help="a receipt a correction replaced (1 the counter's first one); "
                         "default: the current original")
    receipt.set_defaults(action=commands.cmd_receipt)

    find = sub.add_parser("find", help="search by code, name (accents optional), ID number, phone")
    find.add_argument("text")
    find.add_argument("--limit", type=int, default=50)
    find.set_defaults(action=commands.cmd_find)

    show = sub.add_parser("show", help="a dossier with its history, as JSON")
    show.add_argument("code")
    show.set_defaults(action=commands.cmd_show)

    cal = sub.add_parser("calendar", help="the working-day calendar")
    cal_sub = cal.add_subparsers(dest="calendar_command", required=True)
    due = cal_sub.add_parser("due", help="the due instant of a procedure received at a time")
    due.add_argument("--procedure", required=True)
    due.add_argument("--at", help="received instant, ISO 8601 (default: now)")
    due.set_defaults(action=commands.cmd_calendar_due)
    for name, text in (("set-off", "mark a day as a day off"),
                       ("set-work", "mark a day as a working day")):
        override = cal_sub.add_parser(name, help=text)
        override.add_argument("day", help="YYYY-MM-DD")
        override.add_argument("--note", default="")
        override.set_defaults(action=commands.cmd_calendar_set)
    clear = cal_sub.add_parser("clear", help="remove a local override of a day")
    clear.add_argument("day", help="YYYY-MM-DD")
    clear.set_defaults(action=commands.cmd_calendar_clear)
    calendar_commands.add_parsers(cal_sub)

    lifecycle_commands.add_parsers(sub)
    sync_commands.add_parsers(sub)
    keys_commands.add_parsers(sub)
    user_commands.add_parsers(sub)
    clock_commands.add_parsers(sub)
    store_commands.add_parsers(sub)
    correction_commands.add_parsers(sub)
    fee_commands.add_parsers(sub)
    idcard_commands.add_parsers(sub)
    backup_commands.add_parsers(sub)
    station_commands.add_parsers(sub)
    doctor_commands.add_parsers(sub)
    setup_commands.add_parsers(sub)
    hub_commands.add_parsers(sub)
    return parser


COMMANDS_WITHOUT_STATION = {"init", "idcard"}
INTERRUPTED = 130

log = logging.getLogger("intake_app.cli")


def _window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments of a start of the window (no command: only `--data-dir`; `--clerk`, gone,
    is refused), or
    None for anything else (a command, `--help`, a mistake), which the full parser reads.

    The window's start skips the full parser: building it imports every command's module,
    and with them the desk and its libraries, which the window opens on its workers later.
    """
    parser = argparse.ArgumentParser(prog="intake-app", add_help=False, exit_on_error=False)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--user", default=None)  # the window asks on its log-in screen
    parser.add_argument("--clerk", default=None)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def _fail(message: str, status: int = 1) -> int:
    print(f"intake-app: {message}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every error ends as one Vietnamese line and an exit status.

    Errors of the app (`DeskError`) print their message and exit with their class's status;
    anything unexpected is logged with its traceback in the data folder's log file and named
    to the person in one sentence: no traceback reaches a clerk or an IT person.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Vietnamese on a Windows console
    args = _window_arguments(argv) or build_parser().parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    log_file = setup_logging(data_dir)
    try:
        return _run(args, data_dir)
    except DeskError as exc:
        # A storage problem keeps SQLite's or the system's own words (its cause) for IT.
        log.warning("`%s` refused: %s: %s", args.command, type(exc).__name__, exc.detail,
                    exc_info=exc if isinstance(exc, StorageProblem) else None)
        return _fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        return _fail("Đã dừng theo yêu cầu.", INTERRUPTED)
    except Exception as exc:
        problem = _storage_problem(exc, data_dir)
        if problem is not None:
            log.warning("`%s` failed: %s: %s", args.command, type(problem).__name__,
                        problem.detail, exc_info=exc)
            return _fail(problem.message, problem.exit_code)
        log.exception("unexpected error in `%s`", args.command)
        where = f" Chi tiết đã được ghi vào {log_file}." if log_file else ""
        return _fail(
            f"Lỗi không lường trước ({type(exc).__name__}).{where} Hãy gửi tệp nhật ký này cho "
            "bộ phận công nghệ thông tin.")


def _storage_problem(exc: Exception, data_dir: Path) -> StorageProblem | None:
    from ..store.db import DATABASE_FILE
    from ..store.problems import storage_problem

    return storage_problem(exc, database=Path(data_dir) / DATABASE_FILE)


def _run(args: argparse.Namespace, data_dir: Path) -> int:
    if args.clerk is not None:
        from .login import ClerkOptionGone

        raise ClerkOptionGone()
    if args.command is None:
        from ..ui.app import run_app

        return run_app(data_dir)  # the window starts at its log-in screen
    from ..desk import Desk, NotSetUp
    from ..station_keys import has_station_files
    from ..store.db import DATABASE_FILE
    from .login import log_in

    if args.command not in COMMANDS_WITHOUT_STATION and getattr(args, "needs_station", True) \
            and not has_station_files(data_dir, DATABASE_FILE):
        raise NotSetUp()  # before a mistyped --data-dir gets keys of its own
    if (before_opening := getattr(args, "before_opening", None)) is not None:
        if (needed := getattr(args, "permission", None)) is not None \
                and has_station_files(data_dir, DATABASE_FILE):
            with Desk(data_dir, check_store="skip") as desk:  # who asks, on the station now
                if desk.accounts.exist() or args.user:
                    log_in(args, desk)
                    args.acting_login = desk.require(needed).login
        return int(before_opening(args, data_dir))  # e.g. restoring the keys it needs to open
    # Every command checks the database file first (SQLite's quick check).
    with Desk(data_dir, allow_key_file=getattr(args, "unprotected_key_file", False),
              check_store="now") as desk:
        if args.command not in COMMANDS_WITHOUT_STATION and not desk.is_set_up():
            raise NotSetUp()
        log_in(args, desk)
        # What commands record as the person: the account logged in, never typed text.
        args.clerk = args.actor = desk.user.display_name if desk.user else ""
        return int(args.action(args, desk))


if __name__ == "__main__":
    sys.exit(main())

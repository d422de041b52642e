"""`intake-app sync …`: sync with the provincial gateway from the command line.

    intake-app sync                      one full sync; JSON of what it did
    intake-app sync status               counts, last success, last error, online
    intake-app sync configure --gateway URL [--ca-file FILE | --no-ca-file]
                                         a new address asks for the token again (stdin)
    intake-app sync set-token            the station token, read from standard input
    intake-app sync parked               events the gateway rejected (parked)
    intake-app sync retry EVENT_ID|CODE  a parked event (or a dossier's) back to pending
    intake-app sync export --out FILE    pending events as a signed batch file (USB)
    intake-app sync import-results FILE  a gateway result file for this station (idempotent)
    intake-app sync log [--limit N]      what sync did, newest first

Exit status: 0 done, 1 failed or offline (or nothing to retry), 2 bad configuration or a file
that cannot be used (the message says why, in Vietnamese; nothing changed).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from types import EllipsisType
from typing import TYPE_CHECKING

from ..desk import Desk
from ..domain.accounts import Permission
from ..domain.errors import Failed
from ..domain.sync_config import check_gateway_url
from ..store.problems import storage_problem
from .commands import INVALID, OK, add_force, emit, fail, out_path

if TYPE_CHECKING:
    from ..sync.service import SyncService


def _service(desk: Desk) -> SyncService:
    return desk.sync


def cmd_sync(args: argparse.Namespace, desk: Desk) -> int:
    result = _service(desk).run(forced=True)
    emit(result.as_dict())
    if result.error and result.exit_code:
        print(f"intake-app: sync: {result.error}", file=sys.stderr)
    return result.exit_code


def cmd_status(args: argparse.Namespace, desk: Desk) -> int:
    service = _service(desk)
    status = service.status()
    online = None if args.no_probe else service.probe()
    emit({**status.as_dict(), "online": online, "token_stored": service.has_token()})
    return OK


def cmd_configure(args: argparse.Namespace, desk: Desk) -> int:
    ca_file: str | None | EllipsisType = ...
    if args.no_ca_file:
        ca_file = None
    elif args.ca_file:
        ca_file = args.ca_file
    service = _service(desk)
    desk.require(Permission.SYNC_SETTINGS)  # before asking for a token
    before = service.config()
    token = None
    moved = before is not None and before.gateway_url != check_gateway_url(args.gateway)
    if moved and service.has_token():
        # The token is only ever sent to the address it was entered for: ask for it again.
        token = _read_token(f"Địa chỉ cổng đồng bộ đổi sang {args.gateway}: nhập lại mã truy "
                            "cập của quầy (không hiện; để trống nếu chưa có): ") or None
    config = service.configure(args.gateway, ca_file, token=token)  # SyncConfigError: exit 2
    emit({"gateway_url": config.gateway_url, "ca_file": config.ca_file,
          "token_stored": service.has_token(),
          **({"token_forgotten": True} if moved and token is None else {})})
    return OK


def _read_token(prompt: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt).strip()
    return (sys.stdin.readline() if sys.stdin is not None else "").strip()


def cmd_set_token(args: argparse.Namespace, desk: Desk) -> int:
    from ..sync.credentials import CredentialStoreUnavailable

    desk.require(Permission.SYNC_SETTINGS)  # refused before the token is asked
    if sys.stdin is not None and sys.stdin.isatty():
        token = getpass.getpass("Station token (not shown): ")
    else:
        token = sys.stdin.readline() if sys.stdin is not None else ""
    try:
        _service(desk).set_token(token)  # SyncConfigError: exit 2
    except CredentialStoreUnavailable as exc:
        return fail(f"{exc}\n{exc.vi}", INVALID)
    emit({"stored": True})
    return OK


def cmd_parked(args: argparse.Namespace, desk: Desk) -> int:
    emit(_service(desk).parked())
    return OK


def cmd_retry(args: argparse.Namespace, desk: Desk) -> int:
    ids = _service(desk).retry(args.target)  # NothingToRetry: exit 1
    emit({"pending_again": ids})
    return OK


def cmd_export(args: argparse.Namespace, desk: Desk) -> int:
    out = out_path(args, desk)
    try:
        summary = _service(desk).export(out)  # SyncConfigError: exit 2
    except OSError as exc:
        raise storage_problem(exc) or Failed(
            f"Không ghi được tệp {out}: {exc.strerror or exc}.", f"cannot write {out}: {exc}"
        ) from exc
    emit(summary)
    return OK


def cmd_import_results(args: argparse.Namespace, desk: Desk) -> int:
    # A file not for this station, not signed by the gateway or not answering a batch exported
    # here is a BatchFileError: its Vietnamese message, exit 2, nothing changed.
    summary = _service(desk).import_results(Path(args.file))
    emit(summary)
    return OK


def cmd_log(args: argparse.Namespace, desk: Desk) -> int:
    emit(_service(desk).log(args.limit))
    return OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser(
        "sync", help="sync with the provincial gateway (no subcommand: one full sync)",
        description="Sync with the provincial gateway. Without a subcommand: one full sync "
        "(health, send every pending event, pull the province's updates, check the counts), "
        "printed as JSON. Exit 0 done, 1 failed or offline, 2 bad configuration.")
    sync.set_defaults(action=cmd_sync)
    commands = sync.add_subparsers(dest="sync_command", metavar="SUBCOMMAND")

    status = commands.add_parser("status", help="counts, last success, last error, online")
    status.add_argument("--no-probe", action="store_true",
                        help="do not ask the gateway's health (online is then null)")
    status.set_defaults(action=cmd_status)

    configure = commands.add_parser("configure", help="the gateway's address and CA file")
    configure.add_argument("--gateway", required=True,
                           help="https://… (http:// only for 127.0.0.1, ::1, localhost)")
    ca = configure.add_mutually_exclusive_group()
    ca.add_argument("--ca-file", help="PEM file of the CA that signed the gateway's "
                    "certificate (default: keep the one set, else the system's CAs)")
    ca.add_argument("--no-ca-file", action="store_true", help="use the system's CAs")
    configure.set_defaults(action=cmd_configure)

    token = commands.add_parser(
        "set-token", help="store the station token in the OS credential store (from stdin)",
        description="Reads the token from standard input (never from the command line) and "
        "keeps it in the operating system's credential store. Where there is none, says so "
        "and stores it nowhere.")
    token.set_defaults(action=cmd_set_token)

    parked = commands.add_parser("parked", help="events the gateway rejected (parked)")
    parked.set_defaults(action=cmd_parked)

    retry = commands.add_parser("retry", help="put a parked event, or a dossier's parked "
                                "events, back to pending")
    retry.add_argument("target", metavar="EVENT_ID|CODE")
    retry.set_defaults(action=cmd_retry)

    export = commands.add_parser("export", help="write pending events to a signed batch file")
    export.add_argument("--out", required=True, help="file to write (gzip JSON)")
    add_force(export)
    export.set_defaults(action=cmd_export)

    results = commands.add_parser(
        "import-results", help="apply a gateway result file",
        description="Applies the gateway's result file for a batch file this station exported: "
        "only when it names this station, its signature verifies with the station token's key "
        "and it answers that batch's events. Importing it twice changes nothing.")
    results.add_argument("file")
    results.set_defaults(action=cmd_import_results)

    log = commands.add_parser("log", help="what sync did, newest first")
    log.add_argument("--limit", type=int, default=50)
    log.set_defaults(action=cmd_log)

"""`intake-app keys …`: where the station's keys are kept, and getting them back on a new PC.

    intake-app keys status               where the keys are kept (never the keys themselves)
    intake-app keys recovery-sheet --out FILE.pdf [--force]
                                         the recovery sheet to print (the recovery key)
    intake-app keys restore              the recovery key (typed, or on standard input) puts
                                         the data folder's keys into this PC's credential store
        [--unprotected-key-file]         … or, on a PC without one, into the unprotected file
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..desk import Desk
from .commands import OK, emit, keys_summary


def add_parsers(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="the station's encryption keys and recovery key")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    status = keys_sub.add_parser("status", help="where the station's keys are kept")
    status.set_defaults(action=cmd_status)
    sheet = keys_sub.add_parser(
        "recovery-sheet", help="the recovery sheet as a PDF to print and keep away from the "
        "PC: the recovery key, the only way back in if the credential store is lost")
    sheet.add_argument("--out", required=True, help="FILE.pdf (outside the data folder)")
    sheet.add_argument("--force", action="store_true", help="replace an existing file")
    sheet.set_defaults(action=cmd_recovery_sheet)
    restore = keys_sub.add_parser(
        "restore", help="on a new PC: the recovery key (asked, or read from standard input, "
        "never an argument) brings back the data folder's keys")
    restore.add_argument("--unprotected-key-file", action="store_true",
                         help="only on a PC without an OS credential store: keep them in a "
                         "file of the data folder protected only by its permissions")
    restore.set_defaults(before_opening=cmd_restore)


def cmd_status(args: argparse.Namespace, desk: Desk) -> int:
    emit({**keys_summary(desk), "created_at": desk.keys.created_at})
    return OK


def cmd_recovery_sheet(args: argparse.Namespace, desk: Desk) -> int:
    path = desk.write_recovery_sheet(Path(args.out), replace=args.force, actor=args.clerk)
    emit({"file": str(path), "key_id": desk.keys.key_id,
          "note": "In phiếu này, ký, cất trong tủ có khóa xa máy tính; xóa tệp PDF sau khi in."})
    return OK


def _read_recovery_key() -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return input("Khóa khôi phục (48 chữ số trên phiếu khôi phục): ")
    return sys.stdin.readline() if sys.stdin is not None else ""


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from ..station_keys import restore_station_keys

    keys = restore_station_keys(data_dir, _read_recovery_key(),
                                allow_key_file=args.unprotected_key_file)
    with Desk(data_dir) as desk:  # the restored keys open the station
        emit({"restored": True, "key_id": keys.key_id, "keys_kept_in": keys.protection,
              "unit_code": desk.station.unit_code if desk.is_set_up() else None})
    return OK

"""`intake-app backup …` and `intake-app restore …` (IT: an administrator's commands).

    intake-app backup [--out FILE [--force]]     a backup now (checked), into the backup place
                                                 (rotated) or into FILE
    intake-app backup --if-due                   only if one is due (a scheduled task)
    intake-app backup list                       the backup place, the last attempt, every backup
    intake-app backup place [FOLDER | --default] show or choose where backups go
    intake-app backup verify FILE                open a backup fully and check it
    intake-app restore FILE [--offline]          restore the closed station from a backup
    intake-app restore --report [--offline]      the highest codes found again (the province
                                                 asked) and the dossiers that exist only as
                                                 receipts, marks, set aside or at the province

The recovery key, when this PC does not hold the backup's keys (a new PC), is asked on the
terminal or read from standard input, never from an argument.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..desk import Desk
from ..domain.accounts import Permission
from ..services.backups import BackupInfo, human_size
from .commands import OK, emit

FAILED = 1


def add_parsers(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="back the station up now (checked), list, verify")
    backup.add_argument("--out", type=Path, help="write the backup to this file instead")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    backup.add_argument("--if-due", action="store_true",
                        help="only when an automatic backup is due (for a scheduled task)")
    backup.set_defaults(action=cmd_backup)
    backup_sub = backup.add_subparsers(dest="backup_command")
    listing = backup_sub.add_parser("list", help="the backups with their date, size, dossiers")
    listing.set_defaults(action=cmd_list)
    place = backup_sub.add_parser("place", help="show or choose where backups go")
    place.add_argument("folder", nargs="?", help="an existing folder on a second disk or USB")
    place.add_argument("--default", action="store_true",
                       help="back to the default: beside the data folder")
    place.set_defaults(action=cmd_place)
    verify = backup_sub.add_parser("verify", help="open a backup file fully and check it")
    verify.add_argument("file", type=Path)
    verify.set_defaults(action=None, before_opening=cmd_verify, needs_station=False)

    restore = sub.add_parser(
        "restore", help="restore the closed station from a backup; never reuses a code")
    restore.add_argument("file", type=Path, nargs="?", help="the .intake-backup file")
    restore.add_argument("--report", action="store_true",
                         help="list dossiers that exist only as receipts or marks, to re-enter")
    restore.add_argument("--offline", action="store_true",
                         help="do not ask the province's gateway for its highest codes")
    restore.add_argument("--unprotected-key-file", action="store_true",
                         help="only on a PC without an OS credential store")
    restore.set_defaults(before_opening=cmd_restore, needs_station=False,
                         permission=Permission.BACKUP)


def backup_dict(info: BackupInfo) -> dict[str, Any]:
    return {**info.as_dict(), "kind_label": info.kind_label, "size_text": human_size(info.size)}


def cmd_backup(args: argparse.Namespace, desk: Desk) -> int:
    if args.if_due:
        info = desk.backups.run_if_due("daily")
        if info is None:
            emit({"made": False, "reason": "not due"})
            return OK
    else:
        info = desk.backups.make(kind="manual", out=args.out, replace=args.force)
    emit({"made": True, "verified": True, **backup_dict(info)})
    return OK


def cmd_list(args: argparse.Namespace, desk: Desk) -> int:
    status = desk.backups.status()
    emit({**status.as_dict(), "backups": [backup_dict(b) for b in desk.backups.listing()]})
    return OK


def cmd_place(args: argparse.Namespace, desk: Desk) -> int:
    if args.default:
        place = desk.backups.set_place(None)
    elif args.folder:
        place = desk.backups.set_place(args.folder)
    else:
        place = desk.backups.place()
    status = desk.backups.status()
    emit({"place": str(place), "station_folder": str(desk.backups.folder()),
          "place_is_default": status.place_is_default, "same_disk": status.same_disk})
    return OK


def _ask_recovery_key() -> str:
    from .keys_commands import _read_recovery_key

    return _read_recovery_key()


def cmd_verify(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.restore import verify_backup
    from ..station_keys import KeysMissing

    try:
        report = verify_backup(args.file, data_dir)
    except KeysMissing:
        report = verify_backup(args.file, data_dir, recovery_key=_ask_recovery_key())
    emit(report)
    return OK if report["ok"] else FAILED


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.restore import recheck_codes, restore_station
    from ..station_keys import KeysMissing

    if args.report:
        from ..desk import NotSetUp
        from ..station_keys import has_station_files
        from ..store.db import DATABASE_FILE

        if not has_station_files(data_dir, DATABASE_FILE):
            raise NotSetUp()
        with Desk(data_dir) as desk:
            sources, missing = recheck_codes(desk, ask_province=not args.offline)
            emit({"codes": sources.as_dict(), "missing": [m.as_dict() for m in missing],
                  "count": len(missing)})
        return OK
    if args.file is None:
        from ..domain.errors import InvalidInput

        raise InvalidInput("Hãy cho biết tệp sao lưu cần khôi phục (hoặc --report).",
                           "restore needs FILE or --report", {"file": "thiếu"})
    def restore(recovery_key: str | None = None) -> Any:
        return restore_station(data_dir, args.file, recovery_key=recovery_key,
                               ask_province=not args.offline,
                               allow_key_file=args.unprotected_key_file,
                               actor=getattr(args, "acting_login", ""))

    try:
        result = restore()
    except KeysMissing:  # a new PC: the backup's keys come from the recovery sheet
        result = restore(_ask_recovery_key())
    emit(result.as_dict())
    return OK

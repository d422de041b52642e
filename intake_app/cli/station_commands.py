"""`intake-app station …`: moving a station to a new PC (an administrator's commands).

    intake-app station export --out FILE [--force] [--keep-working]
        the database, the kept receipts, the settings and the sealed keys in one file,
        encrypted under the recovery key (no secret in it); this PC then stops stamping
    intake-app station import FILE [--unprotected-key-file]
        on the new PC, into an empty data folder: the recovery key (asked on the terminal or
        read from standard input, never an argument) opens it; then `sync set-token`
    intake-app station reopen      the move did not happen: this PC may stamp again
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..desk import Desk
from .commands import OK, emit


def add_parsers(sub: argparse._SubParsersAction) -> None:
    station = sub.add_parser("station", help="move this station to a new PC (export, import)")
    station_sub = station.add_subparsers(dest="station_command", required=True)
    export = station_sub.add_parser("export", help="the station in one file, sealed under "
                                    "the recovery key; this PC then stops stamping")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument("--keep-working", action="store_true",
                        help="a copy only: this PC goes on stamping (never import it while "
                        "this PC works)")
    export.set_defaults(action=cmd_export)
    imported = station_sub.add_parser("import", help="on the new PC: the station file into an "
                                      "empty data folder, with the recovery key")
    imported.add_argument("file", type=Path)
    imported.add_argument("--unprotected-key-file", action="store_true",
                          help="only on a PC without an OS credential store")
    imported.set_defaults(before_opening=cmd_import, needs_station=False)
    reopen = station_sub.add_parser("reopen", help="after an export that was not imported: "
                                    "this PC stamps again")
    reopen.set_defaults(action=cmd_reopen)


def cmd_export(args: argparse.Namespace, desk: Desk) -> int:
    from ..services.station_move import export_station

    result = export_station(desk, args.out, replace=args.force, keep_working=args.keep_working)
    emit(result.as_dict())
    return OK


def cmd_import(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.station_move import import_station
    from .keys_commands import _read_recovery_key

    result = import_station(data_dir, args.file, _read_recovery_key(),
                            allow_key_file=args.unprotected_key_file)
    emit(result.as_dict())
    return OK


def cmd_reopen(args: argparse.Namespace, desk: Desk) -> int:
    from ..services.station_move import reopen_station

    emit({"reopened": reopen_station(desk)})
    return OK

"""`intake-app setup-sheet`: the set-up sheet of a station set up with `intake-app init` (IT,
an administrator's command): what was configured, where the data and backups are, and the
recovery key. The same sheet the set-up wizard prints.

    intake-app setup-sheet --out FILE [--force]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..desk import Desk
from .commands import OK, add_force, emit


def add_parsers(sub: argparse._SubParsersAction) -> None:
    sheet = sub.add_parser("setup-sheet", help="the station's set-up sheet as a PDF (what was "
                           "configured, the folders, the recovery key): keep it locked away")
    sheet.add_argument("--out", type=Path, required=True, help="PDF file to write (outside "
                       "the data folder)")
    add_force(sheet)
    sheet.set_defaults(action=cmd_setup_sheet)


def cmd_setup_sheet(args: argparse.Namespace, desk: Desk) -> int:
    path = desk.write_setup_sheet(args.out, replace=args.force)
    emit({"written": str(path), "unit_code": desk.station.unit_code,
          "station": desk.station.station_no,
          "recovery_key_printed": bool(desk.keys.recovery_key),
          "note": "Tờ thiết lập có khóa khôi phục: hãy in ra, cất trong tủ có khóa và xoá tệp "
                  "PDF này khỏi máy tính."})
    return OK

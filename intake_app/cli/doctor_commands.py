"""`intake-app doctor`: check this station and explain, in Vietnamese, what is wrong.

    intake-app doctor [--json] [--offline]      every check; exit 0 when nothing is broken
                                                (warnings allowed), 1 otherwise
    intake-app doctor --bundle FILE             also pack the report and the logs, without
                                                personal data, into FILE for support
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OK, FAILED = 0, 1


def add_parsers(sub: argparse._SubParsersAction) -> None:
    doctor = sub.add_parser("doctor", help="check the station and explain what is wrong")
    doctor.add_argument("--json", action="store_true", help="the report as JSON")
    doctor.add_argument("--offline", action="store_true", help="do not try the gateway")
    doctor.add_argument("--bundle", type=Path, help="write a ZIP for support (no personal "
                        "data: names, ID numbers, phones, addresses taken out)")
    doctor.add_argument("--force", action="store_true", help="replace the bundle file")
    doctor.set_defaults(before_opening=cmd_doctor, needs_station=False)


def cmd_doctor(args: argparse.Namespace, data_dir: Path) -> int:
    from ..data_folder import check_output_path
    from ..services.doctor import bundle, run_doctor
    from ..store.db import DATABASE_FILE
    from ..ui.printers import printers

    if args.bundle is not None:  # refused before anything runs
        check_output_path(args.bundle, data_dir=data_dir, database_file=DATABASE_FILE,
                          replace=args.force)
    report = run_doctor(data_dir, network=not args.offline, printer=printers)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.as_text())
    if args.bundle is not None:
        if args.force:
            args.bundle.unlink(missing_ok=True)
        made = bundle(report, data_dir, args.bundle)
        print(f"\nĐã ghi gói gửi hỗ trợ: {made['file']} ({made['size']} byte).")
    return OK if report.ok else FAILED

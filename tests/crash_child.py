"""Child process of tests/test_durability.py: a clerk stamping dossiers as fast as it can.

    python tests/crash_child.py DATA_DIR --tag A [--count N] [--no-pdf] [--wait-go]
                                [--clock-base ISO --clock-origin EPOCH]

Prints `READY` once the desk is open and warmed up, then one line `<code> <receipt path or ->`
right after each `Desk.receive()` returns, flushed at once: a printed code is a dossier the app
told the clerk was stamped. Without `--count` it stamps until it is killed.

`--clock-base`/`--clock-origin` give a clock that runs with the wall clock but starts at a
fixed local instant (base + (time.time() - origin)): every process given the same pair agrees
on the order of events, and no run straddles a midnight by accident.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from conftest import intake_request

from intake_app.desk import Desk
from intake_app.domain.clock import now_vn

PAYLOAD = intake_request()  # the tests' usual request (tests/ is on sys.path here)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--tag", default="A", help="written in each dossier's note: TAG-i")
    parser.add_argument("--count", type=int, default=0, help="0: until killed")
    parser.add_argument("--no-pdf", action="store_true", help="skip the receipt PDF")
    parser.add_argument("--wait-go", action="store_true", help="wait for a line on stdin")
    parser.add_argument("--clock-base")
    parser.add_argument("--clock-origin", type=float)
    args = parser.parse_args()

    clock = now_vn
    if args.clock_base:
        base = datetime.fromisoformat(args.clock_base)
        origin = args.clock_origin

        def clock() -> datetime:
            return base + timedelta(seconds=time.time() - origin)

    desk = Desk(args.data_dir, clock=clock)
    desk.act_as("hoa.lt")  # the test station's clerk (conftest.set_up_accounts)
    if args.no_pdf:
        desk.write_receipt = lambda receipt: None  # receive() then returns receipt_path None
    else:
        from intake_app.documents.receipt_pdf import register_fonts

        register_fonts()  # so the first receipt is not slower than the others
    # Warm up (lazy imports: the holidays tables, the fonts) without stamping anything.
    desk.check_intake(PAYLOAD)
    desk.calendar().is_working_day(clock().date())
    print("READY", flush=True)
    if args.wait_go:
        sys.stdin.readline()

    index = 0
    while not args.count or index < args.count:
        index += 1
        result = desk.receive({**PAYLOAD, "note": f"{args.tag}-{index}"})
        path = result.receipt_path or "-"
        sys.stdout.write(f"{result.dossier.code} {path}\n")
        sys.stdout.flush()
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

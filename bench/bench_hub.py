"""Office hub benchmark (docs/office-hub.md §14): a real hub and two real counters on loopback.

    .venv/bin/python bench/bench_hub.py [--stamps 50] [--catch-up 1000]

1. Stamp → findable at another counter: counter 1 stamps (its `office run` process pushes to
   the hub, woken by the commit); counter 2's `office run` follows the hub's long-poll feed;
   the clock runs from the end of `Desk.receive` at counter 1 until counter 2's own search finds
   the code. One stamp at a time; median and p95. Floor: the local stamp itself.
2. Catch-up: counter 2 stopped while counter 1 makes `--catch-up` dossiers (3 events each,
   pushed to the hub meanwhile); then counter 2 starts, and the clock runs until its feed
   cursor reaches the hub's head. Floor: counter 1's own time to make them.
3. Push after a cut: counter 1's sender stopped while it stamps 200 dossiers; then it starts,
   and the clock runs until its outbox is delivered to the hub.

Data folders keep their keys in a key file (no credential store is touched).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

UNIT = dict(unit_code="000.00.12.H56", unit_name="UBND phường Phong Quảng",
            province_code="46", commune_code="19873")


def request(n: int) -> dict:
    return {"procedure": "2.000815",
            "applicant": {"name": f"Nguyễn Văn Bench {n}", "id_number": "046095001234",
                          "birth_date": "1995-03-02", "gender": "nam", "phone": "0912345678",
                          "email": None, "address": "Thôn Phước Yên", "province_code": "46",
                          "commune_code": "19873"},
            "owner": None, "documents": [{"name": "Giấy khai sinh", "form": "ban_sao",
                                          "copies": 2}],
            "pages": 3, "channel": 1, "delivery": "counter", "note": ""}


def command(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "intake_app", "--data-dir", str(folder), "--clerk", "Bench",
            *args]


def hub_head(folder: Path) -> int:
    with sqlite3.connect(folder / "hub.sqlite3") as conn:
        return conn.execute("SELECT coalesce(max(seq), 0) FROM office_feed").fetchone()[0]


def cursor(desk) -> int:
    from intake_app.domain.office import FEED_CURSOR
    from intake_app.store import sync_state

    return int(sync_state.get(desk.db, FEED_CURSOR) or 0)


def until(predicate, timeout: float = 600.0, step: float = 0.005) -> float:
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            raise SystemExit("timed out")
        time.sleep(step)
    return time.monotonic() - start


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stamps", type=int, default=50)
    parser.add_argument("--catch-up", type=int, default=1000)
    args = parser.parse_args()

    from office_testing import HubProcess, free_port  # noqa: F401
    from sync_peer import make_backlog

    from intake_app.desk import Desk
    from intake_app.hub.server import init_hub, make_pairing_code

    work = Path(tempfile.mkdtemp(prefix="bench-hub-"))
    hub_folder = work / "hub"
    init_hub(hub_folder, **UNIT)
    hub = HubProcess(hub_folder).start()
    desks = {}
    for k in (1, 2):
        desk = Desk(work / f"c{k}", allow_key_file=True)
        desk.office.join(hub.address, make_pairing_code(hub_folder, k)["code"])
        desk.write_receipt = lambda receipt: None  # the PDF is not what is measured
        desks[k] = desk

    def run(k: int) -> subprocess.Popen:
        return subprocess.Popen(command(work / f"c{k}", "office", "run"),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    runs = {k: run(k) for k in (1, 2)}
    try:
        time.sleep(1.5)
        one, two = desks[1], desks[2]
        # 1. stamp → findable at counter 2
        floors, latencies = [], []
        for n in range(args.stamps):
            t0 = time.monotonic()
            code = one.receive(request(n)).dossier.code
            floors.append(time.monotonic() - t0)
            latencies.append(until(lambda code=code: two.find(code)))
        print(f"stamp → findable at counter 2 ({args.stamps} stamps): median "
              f"{statistics.median(latencies) * 1000:.0f} ms, p95 "
              f"{pct(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms "
              f"(floor: the stamp itself, median {statistics.median(floors) * 1000:.0f} ms)")

        # 2. catch-up of N dossiers after counter 2 was off; 3. the push of a counter that
        # stamped them cut off from the hub (counter 3: a backlog made on its own clock)
        runs[2].terminate()
        runs[2].wait(10)
        three = Desk(work / "c3", allow_key_file=True)
        three.office.join(hub.address, make_pairing_code(hub_folder, 3)["code"])
        desks[3] = three
        t0 = time.monotonic()
        make_backlog(three, args.catch_up, steps=2)
        made = time.monotonic() - t0
        runs[3] = run(3)
        t1 = time.monotonic()
        until(lambda: three.outbox_counts()["delivered"] == 3 * args.catch_up)
        pushed = time.monotonic() - t1
        head = hub_head(hub_folder)
        behind = head - cursor(two)
        runs[2] = run(2)
        t2 = time.monotonic()
        until(lambda: cursor(two) >= head)
        caught = time.monotonic() - t2
        count = two.db.execute("SELECT count(*) FROM dossiers WHERE station_no = 3").fetchone()[0]
        print(f"push of {args.catch_up} dossiers ({3 * args.catch_up} events) stamped while cut "
              f"off from the hub: {pushed:.1f} s from the counter's start (floor: it made them "
              f"in {made:.1f} s)")
        print(f"catch-up of {args.catch_up} dossiers ({behind} feed entries) at a counter that "
              f"was off: {caught:.1f} s from its start until its cursor reached the head (it "
              f"now holds {count} of counter 3's dossiers)")
    finally:
        for process in runs.values():
            process.terminate()
        for process in runs.values():
            process.wait(10)
        hub.kill()
        for desk in desks.values():
            desk.close()
    print(json.dumps({"work": str(work)}))


if __name__ == "__main__":
    main()

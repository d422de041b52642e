"""Supervision benchmark: the daily log PDF for 1,000 and 10,000 dossiers, report 06a over a
year of 40,000 dossiers, sealing that year, `log verify`, and the supervisor's overview.

Goals (issue 4): the log PDF for 1,000 dossiers ≤ 1.5 s on this machine; the other figures are
printed for the record.

The station database is built once and kept under `bench/.cache/` (git-ignored; `--rebuild`
builds it again): 40,000 dossiers received through the real `Desk.receive` (request check,
stamping, one write transaction each) over the working days of 2025, 160 a day, by four clerks
in office hours, applicants from `vn_people`. Receipt PDFs are not written (the desk's
`write_receipt` is shadowed by a no-op on that instance: the benchmark is about the log). The
lifecycle after receipt is then written straight into the lifecycle columns (status, end time,
statutory due date, supplement count, processing unit) with a seeded mix: 70 % returned, 8 %
done and waiting, 3 % refused, 2 % withdrawn, 2 % stopped, the rest open; 12 % with one
supplement request and 2 % with two. Going through `Desk.step` for 100,000 steps would only make
the build slower, not the figures truer: the log and the report read these columns.

Each figure is the median of `--rounds` runs after one warm-up, in a fresh Desk on the file:

    .venv/bin/python bench/bench_supervision.py [--rebuild] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import vn_people  # noqa: E402

from intake_app.desk import Desk  # noqa: E402
from intake_app.domain.calendar import WorkCalendar  # noqa: E402
from intake_app.domain.clock import VN_TZ, iso  # noqa: E402
from intake_app.store.db import write_transaction  # noqa: E402

# Throwaway data folders: their keys go to a key file inside them, never into this PC's
# credential store (docs/encryption.md); child processes inherit the setting.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

CACHE = Path(__file__).parent / ".cache" / "supervision-40k"
YEAR = 2025
PER_DAY = 160
TOTAL = 40_000
CLERKS = ("Lê Thị Hoa", "Trần Văn Nam", "Phạm Thị Lan", "Võ Minh Tuấn")
UNITS = ("Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội",
         "Công chức Địa chính - Xây dựng", "Công chức Kinh tế")
SEED = 20251123


class StepClock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def working_days(calendar: WorkCalendar) -> list[date]:
    day, days = date(YEAR, 1, 1), []
    while day.year == YEAR:
        if calendar.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def build(folder: Path) -> None:
    if folder.exists():
        for path in folder.rglob("*"):
            if path.is_file():
                path.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    clock = StepClock(datetime(YEAR, 1, 2, 7, 30, tzinfo=VN_TZ))
    desk = Desk(folder, clock=clock, allow_key_file=True)
    desk.init_station(unit_code="000.00.12.H56", unit_name="UBND phường Phong Quảng",
                      province_code="46", commune_code="19873", station_no=2)
    desk.write_receipt = lambda receipt: None  # the log is measured, not the receipt
    people = vn_people.People(rng, date(YEAR, 1, 1))  # nobody born after the first receipt
    procedures = {p.code: p for p in desk.procedures()}
    days = working_days(desk.calendar())
    started = time.perf_counter()
    received = 0
    for day in days:
        if received >= TOTAL:
            break
        # 160 a day between 07:30 and 16:50, in order.
        minutes = sorted(rng.sample(range(0, 9 * 60 + 20), PER_DAY))
        for offset in minutes:
            clock.now = datetime(day.year, day.month, day.day, 7, 30, tzinfo=VN_TZ) + \
                timedelta(minutes=offset)
            procedure = procedures[vn_people.pick_procedure_code(rng)]
            request = vn_people.intake_request(rng, people, procedure)
            request["channel"] = 2 if rng.random() < 0.15 else 1
            desk.receive(request, clerk=rng.choice(CLERKS))
            received += 1
        if day.day == 1 or received % 8000 < PER_DAY:
            print(f"  … {received:,} dossiers ({time.perf_counter() - started:.0f} s)",
                  flush=True)
    lifecycle(desk, rng)
    desk.close()
    (folder / "complete").write_text(f"{received}\n")


def lifecycle(desk: Desk, rng: random.Random) -> None:
    """Give each dossier a plausible life after receipt (see the module docstring)."""
    calendar = desk.calendar()
    end_of_year = datetime(YEAR, 12, 31, 17, 0, tzinfo=VN_TZ)
    updates = []
    for code, received_at, due_at in desk.db.execute(
        "SELECT code, received_at, due_at FROM dossiers"
    ).fetchall():
        received = datetime.fromisoformat(received_at)
        due = datetime.fromisoformat(due_at) if due_at else None
        roll = rng.random()
        supplements = 2 if rng.random() < 0.02 else (1 if rng.random() < 0.12 else 0)
        spent = timedelta(hours=rng.choice((1, 4, 8, 16, 24, 40, 60)))
        finished = calendar.add_working_time(received, spent)
        if supplements:
            waited = timedelta(hours=rng.choice((4, 8, 16)))
            finished = calendar.add_working_time(finished, waited)
            due = calendar.add_working_time(due, waited) if due else None
        if finished > end_of_year or roll >= 0.85:
            status, finished = (5 if supplements and rng.random() < 0.3 else 4), None
        elif roll < 0.70:
            status = 10
        elif roll < 0.78:
            status = 9
        elif roll < 0.81:
            status = 3
        elif roll < 0.83:
            status = 7
        else:
            status = 8
        returned = iso(finished + timedelta(hours=2)) if status == 10 else None
        updates.append((status, iso(finished), iso(due), supplements, rng.choice(UNITS),
                        returned, code))
    with write_transaction(desk.db):
        desk.db.conn.executemany(
            "UPDATE dossiers SET status = ?, finished_at = ?, statutory_due_at = ?, "
            "supplement_count = ?, processing_unit = ?, returned_at = ? WHERE code = ?",
            updates,
        )


def timed(action, rounds: int) -> tuple[float, object]:
    action()  # warm-up
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def first_day_with(desk: Desk, count: int) -> tuple[date, date]:
    """A range of days from 1 Feb holding at least `count` dossiers."""
    start = date(YEAR, 2, 2)
    rows = desk.db.execute(
        "SELECT substr(received_at, 1, 10), count(*) FROM dossiers WHERE received_at >= ? "
        "GROUP BY 1 ORDER BY 1", [start.isoformat()],
    ).fetchall()
    total = 0
    for day, n in rows:
        total += n
        if total >= count:
            return start, date.fromisoformat(day)
    raise SystemExit(f"not {count} dossiers after {start}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.rebuild or not (CACHE / "complete").exists():
        print(f"building {TOTAL:,} dossiers of {YEAR} in {CACHE} (once) …", flush=True)
        start = time.perf_counter()
        build(CACHE)
        print(f"  built in {time.perf_counter() - start:.0f} s")
    now = datetime(YEAR + 1, 1, 5, 9, 0, tzinfo=VN_TZ)
    out = Path(tempfile.mkdtemp(prefix="bench-log-"))

    with Desk(CACHE, clock=StepClock(now), allow_key_file=True) as desk:
        desk.db.execute("DELETE FROM log_seals")
        desk.db.conn.commit()
        start = time.perf_counter()
        sealed = desk.ledger.seal_closed_days()
        seal_s = time.perf_counter() - start
        print(f"\nsealing the year: {len(sealed)} days, {seal_s * 1000:.0f} ms (once a year's "
              "backlog; a normal day seals one day)")
        for count in (1_000, 10_000):
            first, last = first_day_with(desk, count)
            rows = desk.db.execute(
                "SELECT count(*) FROM dossiers WHERE received_at >= ? AND received_at < ?",
                [first.isoformat(), f"{last.isoformat()}T99"],
            ).fetchone()[0]
            target = out / f"log-{count}.pdf"
            median, _ = timed(lambda a=first, b=last, t=target: desk.ledger.export(a, b, t),
                              args.rounds)
            pages = target.read_bytes().count(b"/Type /Page\n") or "?"
            print(f"daily log PDF, {rows:,} dossiers ({first} … {last}): {median * 1000:.0f} ms "
                  f"median, {target.stat().st_size / 1e6:.1f} MB, pages {pages}")
            if count == 10_000:
                for suffix in ("xlsx", "csv"):
                    median, _ = timed(
                        lambda a=first, b=last, t=out / f"log-{count}.{suffix}": (
                            desk.ledger.export(a, b, t)), args.rounds)
                    print(f"daily log {suffix.upper()}, {rows:,} dossiers: "
                          f"{median * 1000:.0f} ms median")
        median, report = timed(
            lambda: desk.reports.report_06a(date(YEAR, 1, 1), date(YEAR, 12, 31)), args.rounds)
        total = report.total
        print(f"report 06a over {YEAR} ({total.total:,} dossiers, {len(report.rows)} fields): "
              f"{median * 1000:.0f} ms median (counting only)")
        median, _ = timed(lambda: desk.reports.export_06a(
            date(YEAR, 1, 1), date(YEAR, 12, 31), out / "06a.pdf"), args.rounds)
        print(f"report 06a PDF over {YEAR}: {median * 1000:.0f} ms median")
        median, problems = timed(desk.ledger.verify, args.rounds)
        print(f"log verify over {YEAR}: {median * 1000:.0f} ms median, {len(problems)} problems")
        median, overview = timed(desk.reports.overview, args.rounds)
        print(f"supervisor overview ({overview.open_count:,} open dossiers): "
              f"{median * 1000:.0f} ms median")
    print(f"\nfiles in {out}")


if __name__ == "__main__":
    main()

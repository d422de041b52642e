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
supplement request and 2 % with two — and into the history the steps that say so (each
supplement request and its answer with the due time before and after, the end of processing),
since report 06a reads a dossier as it stood at the period end from its history. Going through
`Desk.step` for 100,000 steps would only make the build slower, not the figures truer.

Report 06a is measured twice over the first half-year: as printed in July (most dossiers have
nothing recorded after 30 June: their rows are read as they are) and with one step recorded in
the next year for every dossier (each is then read back from its whole history); the ratio is
the cost of reading the history, and both must give the same numbers.

Each figure is the median of `--rounds` runs after one warm-up, in a fresh Desk on the file:

    .venv/bin/python bench/bench_supervision.py [--rebuild] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import vn_people  # noqa: E402
from bench_accounts import as_supervisor, set_up_accounts  # noqa: E402

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
BUILD_VERSION = "history-3"  # the cached station is rebuilt when this changes


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
    set_up_accounts(desk)
    as_supervisor(desk)
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
            desk.receive(request)
            received += 1
        if day.day == 1 or received % 8000 < PER_DAY:
            print(f"  … {received:,} dossiers ({time.perf_counter() - started:.0f} s)",
                  flush=True)
    lifecycle(desk, rng)
    desk.close()
    (folder / "complete").write_text(f"{received} {BUILD_VERSION}\n")


def lifecycle(desk: Desk, rng: random.Random) -> None:
    """Give each dossier a plausible life after receipt (see the module docstring)."""
    calendar = desk.calendar()
    end_of_year = datetime(YEAR, 12, 31, 17, 0, tzinfo=VN_TZ)
    updates, steps = [], []
    for row_id, code, received_at, due_at in desk.db.execute(
        "SELECT id, code, received_at, due_at FROM dossiers"
    ).fetchall():
        received = datetime.fromisoformat(received_at)
        due = datetime.fromisoformat(due_at) if due_at else None
        roll = rng.random()
        supplements = 2 if rng.random() < 0.02 else (1 if rng.random() < 0.12 else 0)
        spent = timedelta(hours=rng.choice((1, 4, 8, 16, 24, 40, 60)))
        # Each supplement is asked an hour into the work and brought after a wait that moves
        # the due time; the rest of the work follows the last one.
        resumed, answers = received, []
        for _ in range(supplements):
            asked = calendar.add_working_time(resumed, timedelta(hours=1))
            waited = timedelta(hours=rng.choice((4, 8, 16)))
            resumed = calendar.add_working_time(asked, waited)
            before, due = due, calendar.add_working_time(due, waited) if due else None
            answers.append((asked, resumed, before, due, waited))
        finished = calendar.add_working_time(resumed, spent)
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
        waiting = iso(answers[-1][0]) if status == 5 else None
        updates.append((status, iso(finished), iso(due), supplements, rng.choice(UNITS),
                        returned, waiting, code))
        for index, (asked_at, answered, before, after, waited) in enumerate(answers):
            steps.append((row_id, iso(asked_at), "supplement_requested", 5, None))
            if status == 5 and index == len(answers) - 1:
                break  # still awaited
            detail = {"shifted_minutes": int(waited.total_seconds() // 60)}
            if before is not None and after is not None:
                detail.update(statutory_due_before=iso(before), statutory_due_at=iso(after))
            steps.append((row_id, iso(answered), "supplement_received", 4, json.dumps(detail)))
        if finished is not None:
            action = {10: "done", 9: "done", 3: "refused", 7: "withdrawn", 8: "stopped"}[status]
            steps.append((row_id, iso(finished), action, 9 if status == 10 else status, None))
            if status == 10:
                steps.append((row_id, returned, "returned", 10, None))
    with write_transaction(desk.db):
        desk.db.conn.executemany(
            "UPDATE dossiers SET status = ?, finished_at = ?, statutory_due_at = ?, "
            "supplement_count = ?, processing_unit = ?, returned_at = ?, "
            "supplement_requested_at = ? WHERE code = ?",
            updates,
        )
        desk.db.conn.executemany(
            "INSERT INTO dossier_history (dossier, at, actor, action, status, note, detail) "
            "VALUES (?, ?, 'bench', ?, ?, '', ?)", steps,
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
    marker = CACHE / "complete"
    if args.rebuild or not marker.exists() or \
            marker.read_text().split()[-1:] != [BUILD_VERSION]:
        print(f"building {TOTAL:,} dossiers of {YEAR} in {CACHE} (once) …", flush=True)
        start = time.perf_counter()
        build(CACHE)
        print(f"  built in {time.perf_counter() - start:.0f} s")
    now = datetime(YEAR + 1, 1, 5, 9, 0, tzinfo=VN_TZ)
    out = Path(tempfile.mkdtemp(prefix="bench-log-"))

    with as_supervisor(Desk(CACHE, clock=StepClock(now), allow_key_file=True)) as desk:
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
        half = (date(YEAR, 1, 1), date(YEAR, 6, 30))
        desk.clock = StepClock(datetime(YEAR, 7, 1, 9, 0, tzinfo=VN_TZ))
        floor, from_rows = timed(lambda: desk.reports.report_06a(*half), args.rounds)
        later = desk.db.execute(
            "SELECT count(DISTINCT h.dossier) FROM dossier_history h JOIN dossiers d "
            "ON d.id = h.dossier WHERE h.at > ? AND d.received_at < ? AND "
            "(d.finished_at IS NULL OR d.finished_at >= ?)",
            [f"{YEAR}-07", f"{YEAR}-07", f"{YEAR}-01"]).fetchone()[0]
        print(f"report 06a of H1 {YEAR} printed on 1 July ({from_rows.total.total:,} dossiers, "
              f"{later:,} with steps after 30 June): {floor * 1000:.0f} ms median")
        desk.clock = StepClock(now)
        median, problems = timed(desk.ledger.verify, args.rounds)
        print(f"log verify over {YEAR}: {median * 1000:.0f} ms median, {len(problems)} problems")
        median, overview = timed(desk.reports.overview, args.rounds)
        print(f"supervisor overview ({overview.open_count:,} open dossiers): "
              f"{median * 1000:.0f} ms median")
    # Every dossier of H1 read back from its whole history: one harmless step each, recorded
    # in the next year, on a copy of the station.
    copy = out / "history-copy"
    shutil.copytree(CACHE, copy)
    with as_supervisor(Desk(copy, clock=StepClock(now))) as desk:
        desk.db.execute(
            "INSERT INTO dossier_history (dossier, at, actor, action, status, note, detail) "
            "SELECT id, ?, 'bench', 'slip_printed', NULL, '', NULL FROM dossiers "
            "WHERE received_at < ?", [f"{YEAR + 1}-01-03T09:00:00+07:00", f"{YEAR}-07"])
        desk.db.conn.commit()
        median, from_history = timed(lambda: desk.reports.report_06a(*half), args.rounds)
    assert from_history.total.counts() == from_rows.total.counts(), "history ≠ rows"
    print(f"report 06a of H1 {YEAR}, every dossier read from its history: {median * 1000:.0f} "
          f"ms median, {median / floor:.1f}× the report read from the rows (same numbers)")
    print(f"\nfiles in {out}")


if __name__ == "__main__":
    main()

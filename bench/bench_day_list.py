"""Day list benchmark: Tra cứu's list of a day's dossiers (`dossiers.day_list`) at 100,000.

The goal (issue 11.6): a day's dossiers, with or without the status, procedure and clerk
filters, listed in well under a second on 100,000 dossiers; here p95 ≤ 50 ms, the whole list
read and turned into `Dossier` objects (what the window's op does before it draws the rows).

The database is the search benchmark's (`bench_search.py`: ~2 years of working days, 9
stations, real procedures and clerks), built once and kept under `bench/.cache/`. The query
plan is printed (`EXPLAIN QUERY PLAN`): the day's rows must come from one range of the
`dossiers_received` index, never from a scan of the table.

    .venv/bin/python bench/bench_day_list.py [--size 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_search  # noqa: E402

from intake_app.store import dossiers  # noqa: E402
from intake_app.store.db import open_database  # noqa: E402

GOAL_P95_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if bench_search.cached_build(args.size) is None:
        print(f"building {args.size:,} dossiers (bench_search's generator)…")
        bench_search.build(args.size)
    path, _ = bench_search.cache_paths(args.size)
    db = open_database(path)
    plan = db.execute(f"EXPLAIN QUERY PLAN {dossiers.DAY_LIST_SQL}",
                      ["2026-02-02", "2026-02-03", None, None, None, None, None, None,
                       500]).fetchall()
    print("query plan:", "; ".join(row[-1] for row in plan))
    days = [date.fromisoformat(row[0]) for row in db.execute(
        "SELECT DISTINCT substr(received_at, 1, 10) FROM dossiers")]
    procedures = [row[0] for row in db.execute("SELECT DISTINCT procedure_code FROM dossiers")]
    clerks = [row[0] for row in db.execute("SELECT DISTINCT clerk FROM dossiers")]
    rng = random.Random(11)
    picked = rng.sample(days, 20)
    kinds = {
        "the whole day": lambda day: {},
        "by status": lambda day: {"status": rng.choice([2, 4, 9, 10])},
        "by procedure": lambda day: {"procedure": rng.choice(procedures)},
        "by clerk": lambda day: {"clerk": rng.choice(clerks)},
        "all three": lambda day: {"status": 10, "procedure": rng.choice(procedures),
                                  "clerk": rng.choice(clerks)},
    }
    every: list[float] = []
    for name, filters in kinds.items():
        times, counts = [], []
        for _ in range(args.rounds):
            for day in picked:
                chosen = filters(day)
                start = time.perf_counter()
                found = dossiers.day_list(db, day, **chosen)
                times.append((time.perf_counter() - start) * 1000)
                counts.append(len(found))
        every += times
        times.sort()
        print(f"{name:>14}: median {statistics.median(times):6.1f} ms, p95 "
              f"{times[int(len(times) * 0.95) - 1]:6.1f} ms, rows median "
              f"{statistics.median(counts):.0f}")
    every.sort()
    p95 = every[int(len(every) * 0.95) - 1]
    verdict = "OK" if p95 <= GOAL_P95_MS and "dossiers_received" in " ".join(
        row[-1] for row in plan) else "MISSED"
    print(f"{args.size:,} dossiers, {len(days)} days: p95 {p95:.1f} ms "
          f"(goal ≤ {GOAL_P95_MS:.0f} ms) {verdict}")
    db.close()


if __name__ == "__main__":
    main()

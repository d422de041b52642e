"""Log-in benchmark: what checking one password costs with the chosen argon2id parameters.

Prints, for several argon2id parameter sets, the median and p95 of one `verify` (what a log-in
and an unlock do) in ms, and each one's ratio to a floor measured in the same run: OWASP's
minimum for argon2id (19 MiB, 2 passes, 1 lane). The chosen set is `intake_app.store.accounts`
(TIME_COST, MEMORY_KIB, PARALLELISM); the aim is 0.3–0.5 s on the counter's kind of PC, long
enough to make guessing a copied database's passwords slow, short enough not to be noticed.

    .venv/bin/python bench/bench_login.py [--runs 9]
"""

from __future__ import annotations

import argparse
import math
import statistics
import time

from argon2 import PasswordHasher

from intake_app.store import accounts

PASSWORD = "mùa thu hà nội"
FLOOR = ("OWASP minimum", 2, 19 * 1024, 1)
CANDIDATES = [
    ("1 pass, 64 MiB", 1, 64 * 1024, 1),
    ("chosen", accounts.TIME_COST, accounts.MEMORY_KIB, accounts.PARALLELISM),
    ("3 passes, 64 MiB", 3, 64 * 1024, 1),
    ("RFC 9106 #2 (3, 64 MiB, 4 lanes)", 3, 64 * 1024, 4),
    ("2 passes, 128 MiB", 2, 128 * 1024, 1),
]


def timings(time_cost: int, memory: int, lanes: int, runs: int) -> list[float]:
    hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory, parallelism=lanes)
    stored = hasher.hash(PASSWORD)
    hasher.verify(stored, PASSWORD)  # warm-up
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        hasher.verify(stored, PASSWORD)
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    floor = statistics.median(timings(*FLOOR[1:], args.runs))
    print(f"{'parameters':38} {'median ms':>10} {'p95 ms':>8} {'× floor':>8}")
    print(f"{FLOOR[0]:38} {floor:10.0f} {'':>8} {1:8.2f}")
    for name, *params in CANDIDATES:
        values = timings(*params, args.runs)
        median = statistics.median(values)
        print(f"{name:38} {median:10.0f} {p95(values):8.0f} {median / floor:8.2f}")


if __name__ == "__main__":
    main()

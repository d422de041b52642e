"""Which backups a rotation keeps: the newest of each of the last days, weeks and months.

The usual grandfather-father-son scheme (as restic's `--keep-daily/--keep-weekly/
--keep-monthly`): walking from the newest backup back, keep the newest backup of each of the
last `daily` days that have a backup, of each of the last `weekly` ISO weeks and of each of the
last `monthly` months; the newest backup of all is always kept. A PC that was off for a
fortnight therefore still keeps seven daily backups (the last seven days it ran).

>>> from datetime import datetime, timedelta
>>> start = datetime(2026, 1, 1, 17, 30)
>>> times = {f"b{i}": start + timedelta(days=i) for i in range(400)}
>>> kept = backups_to_keep(times)
>>> len(kept)  # 7 days (29/1–4/2), 2 more weeks (24/1, 17/1), 10 more month ends
19
>>> "b399" in kept and "b392" not in kept
True
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from datetime import datetime
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def backups_to_keep(made_at: Mapping[K, datetime], *, daily: int = DAILY, weekly: int = WEEKLY,
                    monthly: int = MONTHLY) -> set[K]:
    """The keys of the backups to keep, from each backup's time (local)."""
    newest_first = sorted(made_at, key=lambda k: made_at[k], reverse=True)
    keep: set[K] = set(newest_first[:1])
    buckets: list[tuple[int, Callable[[datetime], object]]] = [
        (daily, lambda t: t.date()),
        (weekly, lambda t: tuple(t.isocalendar())[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ]
    for count, bucket in buckets:
        seen: set[object] = set()
        for key in newest_first:
            if len(seen) >= count:
                break
            period = bucket(made_at[key])
            if period not in seen:
                seen.add(period)
                keep.add(key)
    return keep

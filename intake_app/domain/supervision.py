"""What the supervisor watches: what is due today or soon, what is late and by how much, what
waits for a citizen's supplement, and how many dossiers came in each day.

>>> from .calendar import WorkCalendar
>>> from .clock import parse_iso
>>> late_text(parse_iso("2026-03-02T17:00"), parse_iso("2026-03-04T09:30"), WorkCalendar())
'1 ngày 2 giờ làm việc'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .calendar import WorkCalendar
from .clock import to_vn
from .dossier import Dossier
from .status import DossierStatus

SOON_WORKING_DAYS = 2  # "due within two working days"
CHART_DAYS = 30


@dataclass(frozen=True)
class Watched:
    dossier: Dossier
    late_by: timedelta  # working time past the appointment; zero when not late


@dataclass(frozen=True)
class Overview:
    due_today: tuple[Watched, ...]
    due_soon: tuple[Watched, ...]  # due on one of the next two working days
    overdue: tuple[Watched, ...]  # most late first
    waiting_supplement: tuple[Watched, ...]
    by_status: dict[DossierStatus, int]
    received_per_day: tuple[tuple[date, int], ...]  # the last 30 days, oldest first

    @property
    def open_count(self) -> int:
        return sum(self.by_status.get(s, 0) for s in OPEN)


OPEN = (DossierStatus.RECEIVED, DossierStatus.IN_PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED,
        DossierStatus.FINANCIAL_OBLIGATION)


def late_parts(late: timedelta, day_length: timedelta) -> tuple[int, int]:
    """Working time late as (whole working days, whole hours left over)."""
    days, rest = divmod(late, day_length) if day_length else (0, late)
    return days, int(rest.total_seconds() // 3600)


def late_text(due: datetime, now: datetime, calendar: WorkCalendar) -> str:
    """'2 ngày 3 giờ làm việc': how much working time has passed since the appointment."""
    days, hours = late_parts(calendar.working_time_between(due, now), calendar.day_length)
    parts = []
    if days:
        parts.append(f"{days} ngày")
    if hours or not days:
        parts.append(f"{hours} giờ" if hours else "dưới 1 giờ")
    return " ".join(parts) + " làm việc"


def soon_limit(today: date, calendar: WorkCalendar) -> date:
    """The last day counted as 'due soon': the second working day after today."""
    day = today
    for _ in range(SOON_WORKING_DAYS):
        day = calendar.next_working_day(day)
    return day


def build_overview(
    open_dossiers: Iterable[Dossier],
    by_status: Mapping[DossierStatus, int],
    received_per_day: Mapping[date, int],
    *,
    now: datetime,
    calendar: WorkCalendar,
) -> Overview:
    now = to_vn(now)
    today = now.date()
    limit = soon_limit(today, calendar)
    due_today, due_soon, overdue, waiting = [], [], [], []
    for dossier in open_dossiers:
        if dossier.status == DossierStatus.SUPPLEMENT_REQUESTED:
            waiting.append(Watched(dossier, timedelta()))
            continue
        if dossier.due_at is None:
            continue
        due = to_vn(dossier.due_at)
        if due < now:
            overdue.append(Watched(dossier, calendar.working_time_between(due, now)))
        elif due.date() == today:
            due_today.append(Watched(dossier, timedelta()))
        elif due.date() <= limit:
            due_soon.append(Watched(dossier, timedelta()))
    overdue.sort(key=lambda w: (-w.late_by, w.dossier.code))
    days = tuple(
        (day, received_per_day.get(day, 0))
        for day in (today - timedelta(days=n) for n in range(CHART_DAYS - 1, -1, -1))
    )
    return Overview(tuple(due_today), tuple(due_soon), tuple(overdue), tuple(waiting),
                    dict(by_status), days)

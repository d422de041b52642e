"""Working days and appointment dates (ngày hẹn trả), domain.md §4.

Days off come from three layers, the later winning over the earlier:

1. Saturdays and Sundays are off;
2. the law, as the `holidays` package knows it: public holidays and their compensatory days
   (nghỉ bù) are off, announced working Saturdays (`weekend_workdays`, e.g. 26/04/2025) are on;
3. local overrides a supervisor edits, because the package can be wrong or late.

A processing time in working days or hours is walked through the working periods of the
counter (default 07:30–11:30 and 13:00–17:00, 8 hours a day).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from .clock import VN_TZ, to_vn
from .procedures import ProcessingTime, TimeUnit

if TYPE_CHECKING:
    import holidays

SAME_DAY_CUTOFF = time(15, 0)


@dataclass(frozen=True)
class WorkingPeriod:
    start: time
    end: time


DEFAULT_PERIODS = (
    WorkingPeriod(time(7, 30), time(11, 30)),
    WorkingPeriod(time(13, 0), time(17, 0)),
)


class OverrideKind(StrEnum):
    DAY_OFF = "off"
    WORKING_DAY = "work"


@dataclass(frozen=True)
class CalendarOverride:
    day: date
    kind: OverrideKind
    note: str = ""


@dataclass(frozen=True)
class DayInfo:
    """One exception to the plain Monday–Friday week; `source` is "law" or "local"."""

    day: date
    kind: OverrideKind
    reason: str
    source: str


def _checked_periods(periods: Sequence[WorkingPeriod]) -> tuple[WorkingPeriod, ...]:
    periods = tuple(periods)
    if not periods:
        raise ValueError("at least one working period is needed")
    for period in periods:
        if period.start >= period.end:
            raise ValueError(f"working period {period.start}–{period.end} ends before it starts")
    for before, after in zip(periods, periods[1:], strict=False):
        if after.start < before.end:
            raise ValueError(
                f"working periods must be sorted and not overlap: "
                f"{before.start}–{before.end} then {after.start}–{after.end}"
            )
    return periods


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=VN_TZ)


@functools.lru_cache(maxsize=16)
def _law_for_year(year: int) -> holidays.HolidayBase:
    """The package's calendar for one year, loaded once per process (it is only read).

    One instance per year: its `weekend_workdays` then holds that year's working Saturdays
    (plus the package's cross-year swaps). The language is fixed, as otherwise the names follow
    the PC's locale.
    """
    import holidays  # ~50 ms: loaded with the first date computed, not at start-up

    return holidays.country_holidays("VN", years=year, language="vi")


class WorkCalendar:
    """The working-day calendar of one counter.

    If two overrides name the same day, the later one wins.
    """

    def __init__(
        self,
        overrides: Iterable[CalendarOverride] = (),
        periods: Sequence[WorkingPeriod] = DEFAULT_PERIODS,
    ):
        self.periods = _checked_periods(periods)
        self.overrides = {override.day: override for override in overrides}
        self._year_cache: dict[int, list[int]] = {}
        # The length of a working day: N working days are walked as N × this many hours.
        self.day_length = sum(
            (_at(date.min, p.end) - _at(date.min, p.start) for p in self.periods), timedelta()
        )

    def _law(self, year: int) -> holidays.HolidayBase:
        return _law_for_year(year)

    def is_working_day(self, day: date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return override.kind == OverrideKind.WORKING_DAY
        return self._law(day.year).is_working_day(day)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        for offset in range(1, 367):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError(f"no working day within a year after {day}")

    def _end_of_day(self, day: date) -> datetime:
        return _at(day, self.periods[-1].end)

    def add_working_time(self, start: datetime, duration: timedelta) -> datetime:
        """Walk `duration` of working time forward from `start`.

        Outside a period the walk begins at the next period's start; a walk that ends exactly
        at a period's end stays there (17:00, not the next morning).
        """
        if duration < timedelta():
            raise ValueError("cannot walk a negative duration")
        moment = to_vn(start)
        remaining = duration
        day = moment.date()
        if not self.is_working_day(day):
            day = self.next_working_day(day)
        while True:
            for period in self.periods:
                begin = max(moment, _at(day, period.start))
                end = _at(day, period.end)
                if begin >= end:
                    continue
                if remaining <= end - begin:
                    return begin + remaining
                remaining -= end - begin
            day = self.next_working_day(day)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """How much working time lies between two instants (zero when `end` is not later).

        This is the time a supplement request stopped the clock (the due date moves by it) and
        how late an overdue dossier is. Whole days in between are counted, not walked.
        """
        start, end = to_vn(start), to_vn(end)
        if end <= start:
            return timedelta()
        first, last = start.date(), end.date()
        if first == last:
            return self._working_time_on(first, start, end)
        whole_days = self.working_days_between(first + timedelta(days=1), last)
        return (self._working_time_on(first, start, end) + self.day_length * whole_days
                + self._working_time_on(last, start, end))

    def _working_time_on(self, day: date, start: datetime, end: datetime) -> timedelta:
        """The working time of `day` that falls between `start` and `end`."""
        total = timedelta()
        if not self.is_working_day(day):
            return total
        for period in self.periods:
            begin = max(start, _at(day, period.start))
            finish = min(end, _at(day, period.end))
            if finish > begin:
                total += finish - begin
        return total

    def working_days_between(self, first: date, last: date) -> int:
        """How many working days there are from `first` up to, not including, `last`."""
        count = 0
        for year in range(first.year, last.year + 1):
            days = self._working_days_of(year)
            low = bisect_left(days, first.toordinal())
            high = bisect_left(days, last.toordinal())
            count += high - low
        return count

    def _working_days_of(self, year: int) -> list[int]:
        """The ordinals of the working days of `year`, computed once per calendar."""
        cached = self._year_cache.get(year)
        if cached is None:
            day, cached = date(year, 1, 1), []
            while day.year == year:
                if self.is_working_day(day):
                    cached.append(day.toordinal())
                day += timedelta(days=1)
            self._year_cache[year] = cached
        return cached

    def due_at(self, received: datetime, time: ProcessingTime) -> datetime | None:
        """The appointment instant for a dossier received at `received`; None when there is none."""
        received = to_vn(received)
        if time.unit == TimeUnit.NONE:
            return None
        if time.unit == TimeUnit.WORKING_DAYS:
            return self.add_working_time(received, self.day_length * time.amount)
        if time.unit == TimeUnit.WORKING_HOURS:
            return self.add_working_time(received, timedelta(hours=time.amount))
        if time.unit == TimeUnit.SAME_DAY:
            # With custom periods that end before 15:00, the cut-off is the end of the day.
            cutoff = min(SAME_DAY_CUTOFF, self.periods[-1].end)
            day = received.date()
            if self.is_working_day(day) and received.time() < cutoff:
                return self._end_of_day(day)
            return self._end_of_day(self.next_working_day(day))
        if time.unit == TimeUnit.CALENDAR_DAYS:
            due = received + timedelta(days=time.amount)
            if self.is_working_day(due.date()):
                return due
            return datetime.combine(self.next_working_day(due.date()), due.timetz())
        raise ValueError(f"unknown time unit {time.unit!r}")

    def _law_exception(self, day: date) -> DayInfo | None:
        """What the law changes about `day` compared with a plain Monday–Friday week."""
        law = self._law(day.year)
        weekend = day.weekday() >= 5
        if weekend and law.is_working_day(day):
            return DayInfo(day, OverrideKind.WORKING_DAY, self._swap_reason(day), "law")
        if not weekend and day in law:
            return DayInfo(day, OverrideKind.DAY_OFF, law[day], "law")
        return None

    def _swap_reason(self, saturday: date) -> str:
        # The package names the swapped day off "Ngày nghỉ (thay cho ngày 26/04/2025)".
        stamp = f"{saturday:%d/%m/%Y}"
        for year in (saturday.year, saturday.year + 1):
            for day_off, name in sorted(self._law(year).items()):
                if stamp in name:
                    return f"Làm việc bù cho ngày nghỉ {day_off:%d/%m/%Y}"
        return "Làm việc bù"

    def year_days(self, year: int) -> list[DayInfo]:
        """The exceptions to the plain week in force in `year`, sorted by day.

        From the law: weekdays off and working weekend days. Holidays that fall on a weekend
        are not listed (the day is off anyway; its compensatory day is). Every local override
        of the year is listed, as it stands in place of the law's entry for its day, even when
        it only restores the plain week (e.g. working on 24/11 after all).
        """
        found: dict[date, DayInfo] = {}
        day = date(year, 1, 1)
        while day.year == year:
            info = self._law_exception(day)
            if info is not None:
                found[day] = info
            day += timedelta(days=1)
        for override in self.overrides.values():
            if override.day.year == year:
                reason = override.note or (
                    "Nghỉ theo thông báo"
                    if override.kind == OverrideKind.DAY_OFF
                    else "Làm việc theo thông báo"
                )
                found[override.day] = DayInfo(override.day, override.kind, reason, "local")
        return [found[day] for day in sorted(found)]

"""Working days and appointment dates (ngày hẹn trả), domain.md §4.

Days off come from four layers, the later winning over the earlier:

1. Saturdays and Sundays are off;
2. the statute, as the `holidays` package computes it: the public holidays of the Labour Code
   2019 (Art. 112) and their compensatory days (nghỉ bù, Art. 111) are off. The package's own
   swap days (a weekday off "thay cho" a working Saturday) are *not* taken: they are
   government notices, and come from layer 3 with their document;
3. the government's notices for civil servants (`CalendarNotice`: days off and working days,
   each with its document number and date), shipped with the app or imported later; for one
   day, the notice issued last wins, and a later edition of a notice replaces the earlier one;
4. local overrides a supervisor edits, because a notice can be late or local.

`year_days` says, for each exception of a year, which layer it comes from and its document.

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


class DaySource(StrEnum):
    """Which layer of the calendar a day's status comes from."""

    STATUTE = "statute"  # the Labour Code's holidays (the `holidays` package)
    NOTICE = "notice"  # a government (or provincial) notice, named by its number
    LOCAL = "local"  # the supervisor's own override


@dataclass(frozen=True)
class CalendarOverride:
    day: date
    kind: OverrideKind
    note: str = ""


@dataclass(frozen=True)
class NoticeDay:
    """One day a notice makes a day off or a working day, with the notice's own words."""

    day: date
    kind: OverrideKind
    reason: str


@dataclass(frozen=True)
class CalendarNotice:
    """A notice on civil servants' days off and working days (hoán đổi ngày làm việc, …).

    `edition` orders editions of the same notice: the shipped one is 0, each import takes its
    row number, so a corrected notice imported later replaces the earlier one as a whole.
    """

    number: str  # "12729/VPCP-KGVX"
    issued_on: date
    issuer: str  # "Văn phòng Chính phủ"
    title: str
    days: tuple[NoticeDay, ...]
    province_code: str | None = None  # None: national
    sources: tuple[str, ...] = ()  # where the text was read (addresses), for people checking
    edition: int = 0

    @property
    def reference(self) -> str:
        """'12729/VPCP-KGVX ngày 25/12/2025 (Văn phòng Chính phủ)'."""
        return f"{self.number} ngày {self.issued_on:%d/%m/%Y} ({self.issuer})"


@dataclass(frozen=True)
class DayInfo:
    """One exception to the plain Monday–Friday week, where it comes from and its document."""

    day: date
    kind: OverrideKind
    reason: str
    source: DaySource
    document: str = ""  # the notice's reference, the statute's article; empty for local


# The legal basis `year_days` names for the statute layer's days.
LABOUR_CODE_HOLIDAYS = "Bộ luật Lao động 2019, Điều 112"
LABOUR_CODE_COMPENSATORY = "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)"
# 24/11 comes from a Party resolution; no law or decree for it was found (docs/official-sources.md).
STATUTE_BASIS_BY_NAME = {
    "Ngày Văn hóa Việt Nam": "Nghị quyết 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị "
    "(chủ trương; văn bản luật chưa được xác nhận)",
}
# How the package names its own swap days ("Ngày nghỉ (thay cho ngày 26/04/2025)"): left out,
# the notices bring them with their document. The language is fixed to "vi" below.
PACKAGE_SWAP_PREFIX = "Ngày nghỉ (thay cho"


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

    The language is fixed, as otherwise the names follow the PC's locale.
    """
    import holidays  # ~50 ms: loaded with the first date computed, not at start-up

    return holidays.country_holidays("VN", years=year, language="vi")


@functools.lru_cache(maxsize=16)
def statute_holidays(year: int) -> dict[date, str]:
    """The statutory days off of `year` (holidays and compensatory days), by name.

    The package's swap days are left out (see PACKAGE_SWAP_PREFIX), so are the days of other
    years it lists.

    >>> days = statute_holidays(2025)
    >>> days[date(2025, 4, 30)], date(2025, 5, 2) in days
    ('Ngày Chiến thắng', False)
    """
    return {
        day: name
        for day, name in _law_for_year(year).items()
        if day.year == year and not name.startswith(PACKAGE_SWAP_PREFIX)
    }


def statute_basis(name: str) -> str:
    """The legal basis `year_days` names for a statutory day called `name`."""
    if name in STATUTE_BASIS_BY_NAME:
        return STATUTE_BASIS_BY_NAME[name]
    return LABOUR_CODE_COMPENSATORY if "nghỉ bù" in name else LABOUR_CODE_HOLIDAYS


def _notice_days(notices: Iterable[CalendarNotice]) -> dict[date, tuple[NoticeDay, CalendarNotice]]:
    """Each day some notice names, with the day entry and the notice that decides it."""
    latest: dict[str, CalendarNotice] = {}
    for notice in notices:
        known = latest.get(notice.number)
        if known is None or notice.edition >= known.edition:
            latest[notice.number] = notice
    decided: dict[date, tuple[NoticeDay, CalendarNotice]] = {}
    for notice in sorted(latest.values(), key=lambda n: (n.issued_on, n.edition, n.number)):
        for entry in notice.days:
            decided[entry.day] = (entry, notice)
    return decided


class WorkCalendar:
    """The working-day calendar of one counter.

    If two overrides name the same day, the later one wins. Without `notices` the calendar is
    the statute alone (no swap days): the counter's calendar (`store.calendar.work_calendar`)
    always passes the shipped and imported notices.
    """

    def __init__(
        self,
        overrides: Iterable[CalendarOverride] = (),
        periods: Sequence[WorkingPeriod] = DEFAULT_PERIODS,
        notices: Iterable[CalendarNotice] = (),
    ):
        self.periods = _checked_periods(periods)
        self.overrides = {override.day: override for override in overrides}
        self.notices = tuple(notices)
        self.notice_days = _notice_days(self.notices)
        self._year_cache: dict[int, list[int]] = {}
        # The length of a working day: N working days are walked as N × this many hours.
        self.day_length = sum(
            (_at(date.min, p.end) - _at(date.min, p.start) for p in self.periods), timedelta()
        )

    def is_working_day(self, day: date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return override.kind == OverrideKind.WORKING_DAY
        noticed = self.notice_days.get(day)
        if noticed is not None:
            return noticed[0].kind == OverrideKind.WORKING_DAY
        return self.statute_is_working_day(day)

    @staticmethod
    def statute_is_working_day(day: date) -> bool:
        """Monday to Friday and not a statutory day off (no notice, no override)."""
        return day.weekday() < 5 and day not in statute_holidays(day.year)

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before `day`."""
        for offset in range(1, 367):
            candidate = day - timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError(f"no working day within a year before {day}")

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
        at a period's end stays there (17:00, not the next morning), and so does a walk of
        nothing from there, so that walking a then b lands where walking a + b does.
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
                if begin == end and not remaining:
                    return begin
                if begin >= end:
                    continue
                if remaining <= end - begin:
                    return begin + remaining
                remaining -= end - begin
            day = self.next_working_day(day)

    def subtract_working_time(self, end: datetime, duration: timedelta) -> datetime:
        """Walk `duration` of working time backward from `end` (the inverse of adding it).

        Used to find a due time as it stood before a supplement moved it, for history that
        recorded only how far it moved.
        """
        if duration < timedelta():
            raise ValueError("cannot walk a negative duration")
        moment = to_vn(end)
        remaining = duration
        day = moment.date()
        if not self.is_working_day(day):
            day = self.previous_working_day(day)
        while True:
            for period in reversed(self.periods):
                finish = min(moment, _at(day, period.end))
                begin = _at(day, period.start)
                if finish <= begin:
                    continue
                if remaining <= finish - begin:
                    return finish - remaining
                remaining -= finish - begin
            day = self.previous_working_day(day)

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

    def day_info(self, day: date) -> DayInfo | None:
        """Why `day` differs from the plain Monday–Friday week, or None when it does not.

        A local override or a notice is listed even when it only restates the plain week
        (e.g. working on 24/11 after all): it stands in place of the layer below.
        """
        override = self.overrides.get(day)
        if override is not None:
            reason = override.note or (
                "Nghỉ theo thông báo"
                if override.kind == OverrideKind.DAY_OFF
                else "Làm việc theo thông báo"
            )
            return DayInfo(day, override.kind, reason, DaySource.LOCAL)
        noticed = self.notice_days.get(day)
        if noticed is not None:
            entry, notice = noticed
            return DayInfo(day, entry.kind, entry.reason, DaySource.NOTICE, notice.reference)
        name = statute_holidays(day.year).get(day)
        if name is not None and day.weekday() < 5:
            return DayInfo(day, OverrideKind.DAY_OFF, name, DaySource.STATUTE, statute_basis(name))
        return None

    def year_days(self, year: int) -> list[DayInfo]:
        """The exceptions to the plain week in force in `year`, sorted by day.

        Statutory holidays that fall on a weekend are not listed (the day is off anyway; its
        compensatory day is); every day a notice or a local override names is.
        """
        found = []
        day = date(year, 1, 1)
        while day.year == year:
            info = self.day_info(day)
            if info is not None:
                found.append(info)
            day += timedelta(days=1)
        return found

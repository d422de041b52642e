"""What a calendar notice changes, shown before it is applied: days, and dossiers already open.

**Rule (decided for issue 10): a notice applies to dossiers received from then on; the
appointments of dossiers already open are not recomputed.** The receipt (Mẫu 01) the citizen
holds states the appointment ("Thời gian trả kết quả"); the office changes it only by a written
letter (Mẫu 04, apology and new appointment) — never silently, and never earlier than the
citizen was told. The statutory due time the reports judge by stays with the appointment it was
computed with, so the citizen's paper and the office's record agree. What a notice does change
for an open dossier is the working time counted from now on: a supplement completed after the
import moves the due time by the working time under the new calendar.

So the preview lists, for each open dossier, what the due time *would* be under the new
calendar (by how much it would move), and flags the appointments that now fall on a day off:
those citizens should be told (a new appointment with the apology letter, or a call), because
the office will be closed on the day printed on their receipt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from .calendar import CalendarNotice, OverrideKind, WorkCalendar
from .clock import to_vn
from .procedures import ProcessingTime


@dataclass(frozen=True)
class OpenDossierTimes:
    """An open dossier, with what its due time is computed from."""

    code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    processing_time: ProcessingTime | None  # None: the procedure left the catalogue
    appointment: datetime | None  # due_at: the date the citizen was given (or the apology's)
    supplements: tuple[tuple[datetime, datetime | None], ...] = ()  # (requested, completed)


@dataclass(frozen=True)
class DayChange:
    """A day the notice names, and whether it is worked before and after the notice."""

    day: date
    kind: OverrideKind  # what the notice says
    reason: str
    worked_before: bool
    worked_after: bool
    kept_by_local_override: bool  # the supervisor's override decides this day: no change

    @property
    def changes(self) -> bool:
        return self.worked_before != self.worked_after


@dataclass(frozen=True)
class DossierEffect:
    """An open dossier the notice concerns: its due time would move, or its appointment now
    falls on a day off."""

    code: str
    applicant_name: str
    procedure_name: str
    appointment: datetime | None
    due_before: datetime | None  # as the calendar in force computes it
    due_after: datetime | None  # as it would be with the notice
    appointment_on_day_off: bool

    @property
    def due_moves(self) -> bool:
        return self.due_before != self.due_after

    @property
    def days_moved(self) -> int:
        """Calendar days the due date would move (negative: earlier)."""
        if self.due_before is None or self.due_after is None:
            return 0
        return (to_vn(self.due_after).date() - to_vn(self.due_before).date()).days

    def describe(self) -> str:
        """One Vietnamese line for the preview."""
        parts = []
        if self.due_moves and self.due_before is not None and self.due_after is not None:
            moved = self.days_moved
            how = ("sớm hơn" if moved < 0 else "muộn hơn") + f" {abs(moved)} ngày" if moved \
                else "cùng ngày, khác giờ"
            parts.append(f"hạn theo lịch mới {to_vn(self.due_after):%H:%M %d/%m/%Y} thay vì "
                         f"{to_vn(self.due_before):%H:%M %d/%m/%Y} ({how}); hạn đã hẹn giữ nguyên")
        if self.appointment_on_day_off and self.appointment is not None:
            parts.append(f"ngày hẹn trả {to_vn(self.appointment):%d/%m/%Y} nay là ngày nghỉ: "
                         "cần báo lại công dân")
        return f"{self.code} ({self.applicant_name}): " + "; ".join(parts)


@dataclass(frozen=True)
class NoticeImpact:
    """Everything the preview shows before a notice is applied."""

    notice: CalendarNotice
    days: tuple[DayChange, ...]
    dossiers: tuple[DossierEffect, ...]
    open_count: int
    not_computed: tuple[str, ...]  # open dossiers whose procedure is no longer known

    @property
    def changes_days(self) -> bool:
        return any(day.changes for day in self.days)

    @property
    def appointments_on_day_off(self) -> tuple[DossierEffect, ...]:
        return tuple(d for d in self.dossiers if d.appointment_on_day_off)


def statutory_due(calendar: WorkCalendar, times: OpenDossierTimes) -> datetime | None:
    """The due time `calendar` gives the dossier: from receipt, moved by each completed
    supplement by the working time the citizen took (the lifecycle's rule)."""
    if times.processing_time is None:
        return None
    due = calendar.due_at(times.received_at, times.processing_time)
    for requested, completed in times.supplements:
        if due is None or completed is None:
            break
        due = calendar.add_working_time(due, calendar.working_time_between(requested, completed))
    return due


def notice_impact(
    notice: CalendarNotice, before: WorkCalendar, after: WorkCalendar,
    open_dossiers: Sequence[OpenDossierTimes] | Iterable[OpenDossierTimes],
) -> NoticeImpact:
    """Compare the calendar in force (`before`) with it plus `notice` (`after`)."""
    days = tuple(
        DayChange(
            day=entry.day, kind=entry.kind, reason=entry.reason,
            worked_before=before.is_working_day(entry.day),
            worked_after=after.is_working_day(entry.day),
            kept_by_local_override=entry.day in after.overrides,
        )
        for entry in notice.days
    )
    effects: list[DossierEffect] = []
    not_computed: list[str] = []
    count = 0
    for times in open_dossiers:
        count += 1
        if times.processing_time is None:
            not_computed.append(times.code)
        due_before = statutory_due(before, times)
        due_after = statutory_due(after, times)
        appointment_off = False
        if times.appointment is not None:
            day = to_vn(times.appointment).date()
            appointment_off = before.is_working_day(day) and not after.is_working_day(day)
        if due_before != due_after or appointment_off:
            effects.append(DossierEffect(
                code=times.code, applicant_name=times.applicant_name,
                procedure_name=times.procedure_name, appointment=times.appointment,
                due_before=due_before, due_after=due_after,
                appointment_on_day_off=appointment_off,
            ))
    return NoticeImpact(notice, days, tuple(effects), count, tuple(not_computed))

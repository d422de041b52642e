"""Biểu số II.06a/VPCP/KSTT: situation and results of settling dossiers, one row per field.

The periodic report of Circular 01/2020/TT-VPCP ("Tình hình, kết quả giải quyết thủ tục hành
chính tại cơ quan, đơn vị trực tiếp giải quyết"), computed from one `ReportRecord` per dossier.
Pure Python: the store hands the records over, `documents.report06a_pdf` / `_xlsx` print it.

Definitions (all instants compared in Vietnam's time, +07:00):

* **Period** = the local days `start` … `end` inclusive. It begins at `start` 00:00 and ends at
  ``period_end_instant = min(end 23:59:59.999999, as_of)``, so a report of the running month
  drawn up today counts what is known now and nothing later.
* **Left out**: a record received after ``period_end_instant``; a record finished before the
  start of `start` (settled in an earlier period); a record still in status NEW (1, an online
  submission the counter has not accepted yet: not yet "nhận giải quyết").
* **Intake (columns 3–6)**: *carried over* (kỳ trước chuyển qua) = received before `start`;
  *new online* = received in the period through channel ONLINE; *new direct* = received in the
  period in person or by post. Total (3) = (4) + (5) + (6).
* **Solved (7–10)** = ``finished_at ≤ period_end_instant`` (first of done, returned, refused,
  withdrawn, stopped; a dossier done then returned is counted once, at its `finished_at`):

  1. current status REFUSED / WITHDRAWN / STOPPED ⇒ *on time* (the form's "Đúng hạn" includes
     dossiers returned, withdrawn or stopped);
  2. more than one supplement request ⇒ *late* (Decision 766 counts it overdue, domain.md §3),
     even when finished before the due time and even for a procedure without a due time;
  3. no due time (procedure without appointment) ⇒ *on time*;
  4. ``finished_at > due_at`` ⇒ *late*;
  5. the local date of ``finished_at`` before the local date of ``due_at`` ⇒ *early*;
  6. otherwise *on time* (finished on the due day, at or before the due time).

  `due_at` is the statutory due time, already shifted by supplement waits and never moved by
  an apology slip, so a promise made in an apology does not turn a late dossier into an
  on-time one.
* **In progress (11–13)** = not solved by ``period_end_instant`` (including a dossier finished
  after that instant):

  - more than one supplement request ⇒ *overdue*;
  - no due time ⇒ *within deadline*;
  - waiting for a supplement at the period end (``waiting_supplement_since ≤
    period_end_instant``): the clock stopped at the request, so *overdue* only if the due time
    had already passed when the request was made (``due_at < waiting_supplement_since``),
    else *within deadline* (the form's "Trong hạn" includes dossiers awaiting supplement);
  - otherwise *overdue* if ``due_at < period_end_instant``, else *within deadline*.
* **Identity** (checked for every row and the total row, `Report06a.check`):
  (3) = (4)+(5)+(6) = (7)+(11); (7) = (8)+(9)+(10); (11) = (12)+(13); the total row is the sum
  of the field rows column by column; no count is negative.

Records reflect the dossier *now* (status, supplement count); a report of a past period drawn
up later uses `finished_at` and `waiting_supplement_since` to place each dossier at the period
end, but a supplement requested after the period end still counts in `supplement_count`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from enum import Enum

from .clock import VN_TZ, to_vn
from .dossier import Channel
from .errors import Failed
from .status import DossierStatus
from .text import fold, nfc

FORM_CODE = "Biểu số II.06a/VPCP/KSTT"
TITLE = (
    "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH "
    "TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT"
)
UNIT_OF_COUNT = "Đơn vị tính: Số hồ sơ TTHC"
TOTAL_LABEL = "TỔNG CỘNG"
UNNAMED_FIELD = "Lĩnh vực chưa xác định"

#: Statuses whose finish counts as on time whatever the due time (column 9).
CLOSED_WITHOUT_RESULT = frozenset(
    {DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.STOPPED}
)


class ReportIdentityError(Failed, ValueError):
    """The numbers of a report do not add up (a bug or a tampered report)."""


class Intake(Enum):
    """Which of the intake columns (4), (5), (6) a dossier is counted in."""

    CARRIED_OVER = "carried_over"
    NEW_ONLINE = "new_online"
    NEW_DIRECT = "new_direct"


class Outcome(Enum):
    """Which of the result columns (8), (9), (10), (12), (13) a dossier is counted in."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    WITHIN_DEADLINE = "within_deadline"
    OVERDUE = "overdue"

    @property
    def solved(self) -> bool:
        return self in (Outcome.EARLY, Outcome.ON_TIME, Outcome.LATE)


@dataclass(frozen=True)
class ReportRecord:
    """One dossier, as the store hands it over to the report."""

    code: str
    field_code: str  # lĩnh vực code ("" possible)
    field_name: str
    channel: Channel
    received_at: datetime  # aware, +07:00
    due_at: datetime | None  # statutory, shifted by supplement waits; None = no appointment
    finished_at: datetime | None  # first of done/returned/refused/withdrawn/stopped; None = open
    status: DossierStatus  # current status
    supplement_count: int
    waiting_supplement_since: datetime | None  # set while waiting for a supplement (status 5)


@dataclass(frozen=True)
class Placement:
    """Where one dossier is counted: its intake column and its result column."""

    intake: Intake
    outcome: Outcome


@dataclass(frozen=True)
class FieldRow:
    """One row of the table: a field (lĩnh vực), or the total row (`number` None).

    The attributes after `field_name` are columns (3) … (13) in order.
    """

    number: int | None  # TT (1); None on the total row
    field_code: str
    field_name: str  # (2)
    total: int  # (3) Số hồ sơ nhận giải quyết, tổng số
    carried_over: int  # (4) Số kỳ trước chuyển qua
    new_online: int  # (5) Số mới tiếp nhận trực tuyến
    new_direct: int  # (6) Số mới tiếp nhận (trực tiếp và dịch vụ bưu chính)
    solved_total: int  # (7) Số hồ sơ đã giải quyết, tổng số
    early: int  # (8) Trả trước hạn
    on_time: int  # (9) Trả đúng thời hạn
    late: int  # (10) Trả quá hạn
    in_progress_total: int  # (11) Số hồ sơ đang giải quyết, tổng số
    within_deadline: int  # (12) Chưa đến hạn
    overdue: int  # (13) Quá hạn

    @property
    def is_total(self) -> bool:
        return self.number is None

    @property
    def label(self) -> str:
        """The text of column (2)."""
        if self.is_total:
            return TOTAL_LABEL
        return self.field_name or self.field_code or UNNAMED_FIELD

    def counts(self) -> tuple[int, ...]:
        """Columns (3) … (13), in the order they are printed."""
        return tuple(getattr(self, name) for name in COUNT_COLUMNS)

    def check(self) -> None:
        """Raise `ReportIdentityError` when the row's numbers do not add up."""
        where = "dòng tổng cộng" if self.is_total else f"lĩnh vực “{self.label}”"
        for name, value in zip(COUNT_COLUMNS, self.counts(), strict=True):
            if not isinstance(value, int) or value < 0:
                raise ReportIdentityError(
                    f"Biểu II.06a, {where}: cột ({COLUMN_NUMBERS[name]}) có giá trị không hợp lệ "
                    f"({value!r})."
                )
        intake = self.carried_over + self.new_online + self.new_direct
        if self.total != intake:
            raise ReportIdentityError(
                f"Biểu II.06a, {where}: tổng số hồ sơ nhận giải quyết (3) = {self.total} nhưng "
                f"kỳ trước chuyển qua + mới tiếp nhận (4)+(5)+(6) = {intake}."
            )
        if self.total != self.solved_total + self.in_progress_total:
            raise ReportIdentityError(
                f"Biểu II.06a, {where}: tổng số hồ sơ nhận giải quyết (3) = {self.total} nhưng "
                f"đã giải quyết + đang giải quyết (7)+(11) = "
                f"{self.solved_total + self.in_progress_total}."
            )
        solved = self.early + self.on_time + self.late
        if self.solved_total != solved:
            raise ReportIdentityError(
                f"Biểu II.06a, {where}: số hồ sơ đã giải quyết (7) = {self.solved_total} nhưng "
                f"trước hạn + đúng hạn + quá hạn (8)+(9)+(10) = {solved}."
            )
        in_progress = self.within_deadline + self.overdue
        if self.in_progress_total != in_progress:
            raise ReportIdentityError(
                f"Biểu II.06a, {where}: số hồ sơ đang giải quyết (11) = "
                f"{self.in_progress_total} nhưng chưa đến hạn + quá hạn (12)+(13) = "
                f"{in_progress}."
            )


#: Attribute names of columns (3) … (13).
COUNT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(FieldRow))[3:]
#: Attribute name → printed column number.
COLUMN_NUMBERS: dict[str, int] = {name: i for i, name in enumerate(COUNT_COLUMNS, start=3)}


@dataclass(frozen=True)
class Report06a:
    """The whole report: heading data, one row per field (sorted by name), the total row."""

    unit_name: str
    reporting_to: str
    start: date
    end: date
    as_of: datetime
    rows: tuple[FieldRow, ...]
    total: FieldRow

    @property
    def period_start_instant(self) -> datetime:
        return period_start_instant(self.start)

    @property
    def period_end_instant(self) -> datetime:
        return period_end_instant(self.end, self.as_of)

    def all_rows(self) -> tuple[FieldRow, ...]:
        """The field rows followed by the total row, as printed."""
        return (*self.rows, self.total)

    def check(self) -> None:
        """Raise `ReportIdentityError` (Vietnamese message) unless every identity holds."""
        for row in self.all_rows():
            row.check()
        for name in COUNT_COLUMNS:
            summed = sum(getattr(row, name) for row in self.rows)
            if getattr(self.total, name) != summed:
                raise ReportIdentityError(
                    f"Biểu II.06a, dòng tổng cộng: cột ({COLUMN_NUMBERS[name]}) = "
                    f"{getattr(self.total, name)} nhưng tổng các lĩnh vực = {summed}."
                )


def period_start_instant(start: date) -> datetime:
    """00:00 of `start`, local time."""
    return datetime.combine(start, time.min, tzinfo=VN_TZ)


def period_end_instant(end: date, as_of: datetime) -> datetime:
    """The earlier of the last microsecond of `end` (local time) and `as_of`."""
    return min(datetime.combine(end, time.max, tzinfo=VN_TZ), to_vn(as_of))


def classify_record(
    record: ReportRecord, start: date, end: date, as_of: datetime
) -> Placement | None:
    """Where `record` is counted in the report of `start`…`end` drawn up at `as_of`.

    None when the record is left out of that report (see the module docstring).
    """
    return _place(record, period_start_instant(start), period_end_instant(end, as_of))


def _place(record: ReportRecord, begin: datetime, finish: datetime) -> Placement | None:
    if record.status is DossierStatus.NEW:
        return None
    received = to_vn(record.received_at)
    finished = None if record.finished_at is None else to_vn(record.finished_at)
    if received > finish:
        return None
    if finished is not None and finished < begin:
        return None

    if received < begin:
        intake = Intake.CARRIED_OVER
    elif record.channel is Channel.ONLINE:
        intake = Intake.NEW_ONLINE
    else:
        intake = Intake.NEW_DIRECT

    due = None if record.due_at is None else to_vn(record.due_at)
    several_supplements = record.supplement_count > 1
    if finished is not None and finished <= finish:
        if record.status in CLOSED_WITHOUT_RESULT:
            outcome = Outcome.ON_TIME
        elif several_supplements:
            outcome = Outcome.LATE
        elif due is None:
            outcome = Outcome.ON_TIME
        elif finished > due:
            outcome = Outcome.LATE
        elif finished.date() < due.date():
            outcome = Outcome.EARLY
        else:
            outcome = Outcome.ON_TIME
        return Placement(intake, outcome)

    if several_supplements:
        outcome = Outcome.OVERDUE
    elif due is None:
        outcome = Outcome.WITHIN_DEADLINE
    else:
        waiting = record.waiting_supplement_since
        clock_stopped_at = finish
        if waiting is not None and to_vn(waiting) <= finish:
            clock_stopped_at = to_vn(waiting)
        outcome = Outcome.OVERDUE if due < clock_stopped_at else Outcome.WITHIN_DEADLINE
    return Placement(intake, outcome)


def _row(number: int | None, field_code: str, field_name: str, tally: dict[str, int]) -> FieldRow:
    solved = tally["early"] + tally["on_time"] + tally["late"]
    in_progress = tally["within_deadline"] + tally["overdue"]
    return FieldRow(
        number=number,
        field_code=field_code,
        field_name=field_name,
        total=tally["carried_over"] + tally["new_online"] + tally["new_direct"],
        carried_over=tally["carried_over"],
        new_online=tally["new_online"],
        new_direct=tally["new_direct"],
        solved_total=solved,
        early=tally["early"],
        on_time=tally["on_time"],
        late=tally["late"],
        in_progress_total=in_progress,
        within_deadline=tally["within_deadline"],
        overdue=tally["overdue"],
    )


def _empty_tally() -> dict[str, int]:
    return {key.value: 0 for key in (*Intake, *Outcome)}


def build_report_06a(
    records: Iterable[ReportRecord],
    start: date,
    end: date,
    as_of: datetime,
    *,
    unit_name: str,
    reporting_to: str = "",
) -> Report06a:
    """Count `records` into Biểu II.06a for the local days `start` … `end`, as known at `as_of`.

    One row per field (grouped by code and name, sorted by name without accents, then by
    name and code), plus the total row. The report is checked before it is returned.
    """
    if end < start:
        raise ValueError(f"report period ends ({end}) before it starts ({start})")
    begin = period_start_instant(start)
    if to_vn(as_of) < begin:
        raise ValueError(f"report drawn up at {as_of.isoformat()}, before its period starts")
    finish = period_end_instant(end, as_of)

    tallies: dict[tuple[str, str], dict[str, int]] = {}
    for record in records:
        placement = _place(record, begin, finish)
        if placement is None:
            continue
        key = (nfc(record.field_code), nfc(record.field_name))
        tally = tallies.setdefault(key, _empty_tally())
        tally[placement.intake.value] += 1
        tally[placement.outcome.value] += 1

    keys = sorted(tallies, key=lambda k: (fold(k[1]), k[1], k[0]))
    rows = tuple(
        _row(number, code, name, tallies[(code, name)])
        for number, (code, name) in enumerate(keys, start=1)
    )
    grand = _empty_tally()
    for tally in tallies.values():
        for column, value in tally.items():
            grand[column] += value
    report = Report06a(
        unit_name=nfc(unit_name),
        reporting_to=nfc(reporting_to),
        start=start,
        end=end,
        as_of=to_vn(as_of),
        rows=rows,
        total=_row(None, "", TOTAL_LABEL, grand),
    )
    report.check()
    return report

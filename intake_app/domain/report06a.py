"""Biểu số II.06a/VPCP/KSTT: situation and results of settling dossiers, one row per field.

The periodic report of Circular 01/2020/TT-VPCP ("Tình hình, kết quả giải quyết thủ tục hành
chính tại cơ quan, đơn vị trực tiếp giải quyết"), computed from one `ReportRecord` per dossier.
Pure Python: the store hands the records over, `documents.report06a_pdf` / `_xlsx` print it.

Definitions (all instants compared in Vietnam's time, +07:00):

* **Period** = the local days `start` … `end` inclusive. It begins at `start` 00:00 and ends at
  ``period_end_instant = min(end 23:59:59.999999, as_of)``, so a report of the running month
  drawn up today counts what is known now and nothing later.
* **Left out**: a record received after ``period_end_instant``; a record finished before the
  start of `start` (settled in an earlier period); a record whose status at the period end is
  NEW (1, an online submission the counter has not accepted yet: not yet "nhận giải quyết") or
  REFUSED (3, "Không được tiếp nhận": the counter refused to receive it, Mẫu 03 "Phiếu từ chối
  tiếp nhận giải quyết hồ sơ", so it was never received for settlement; [766] counts end times
  "chỉ … các hồ sơ đã được tiếp nhận").
* **Intake (columns 3–6)**: *carried over* (kỳ trước chuyển qua) = received before `start`;
  *new online* = received in the period through channel ONLINE; *new direct* = received in the
  period in person or by post. Total (3) = (4) + (5) + (6).
* **Solved (7–10)** = ``finished_at ≤ period_end_instant`` (first of done, returned, withdrawn,
  stopped; a dossier done then returned is counted once, at its `finished_at`). Every end of
  processing is judged by its time against the statutory due time, whatever the status that
  ends it — [766] §2.1: the end of processing is the time of the status that ends it (stopped,
  done, returned, withdrawn…), and a dossier is on time only if that end is no later than its
  appointment:

  1. more than one supplement request ⇒ *late* ([766] §2.1 counts it overdue), even when
     finished before the due time and even for a procedure without a due time;
  2. no due time (procedure without appointment) ⇒ *on time*;
  3. ``finished_at > due_at`` ⇒ *late* — also for a dossier stopped (8) or withdrawn (7) after
     its due time;
  4. the local date of ``finished_at`` before the local date of ``due_at`` ⇒ *early*;
  5. otherwise *on time* (finished on the due day, at or before the due time).

  `due_at` is the statutory due time as it stood at the end of the period (moved by the
  supplements completed by then, never by an apology letter), so a promise made in an apology
  does not turn a late dossier into an on-time one.
* **In progress (11–13)** = not solved by ``period_end_instant`` (including a dossier finished
  after that instant):

  - more than one supplement request by the period end ⇒ *overdue*;
  - no due time ⇒ *within deadline*;
  - waiting for a supplement at the period end (``waiting_supplement_since ≤
    period_end_instant``): the clock stopped at the request ([766] §2.1: while the citizen has
    not come back, the request is the end time), so *overdue* only if the due time had already
    passed when the request was made (``due_at < waiting_supplement_since``), else *within
    deadline* (the form's "Trong hạn" includes dossiers awaiting supplement);
  - otherwise *overdue* if ``due_at < period_end_instant``, else *within deadline*.
* **Identity** (checked for every row and the total row, `Report06a.check`):
  (3) = (4)+(5)+(6) = (7)+(11); (7) = (8)+(9)+(10); (11) = (12)+(13); the total row is the sum
  of the field rows column by column; no count is negative.

**Records are the dossiers as they were at the period end** (`record_as_of`): the status,
supplement requests, waiting request and statutory due time are read back from the dossier's
history, not from its current row, so the report of a closed period gives the same numbers
whenever it is printed.

Sources ([766] = the formulas of the service index of Decision 766/QĐ-TTg, index 2.1 "Tỷ lệ hồ
sơ xử lý trước hạn, đúng hạn"; the report form of Circular 01/2020/TT-VPCP): quoted and
discussed in docs/official-sources.md §3.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from enum import Enum

from .calendar import WorkCalendar
from .clock import VN_TZ, to_vn
from .dossier import Channel
from .dossier_history import HistoryStep, dossier_as_of
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

#: Statuses at the period end that keep a dossier out of the report: never received for
#: settlement ("nhận giải quyết"). NEW: an online submission not yet accepted. REFUSED (3,
#: "Không được tiếp nhận"): the counter refused to receive it (Mẫu 03) — [766] §2.1 counts
#: end times "chỉ … các hồ sơ đã được tiếp nhận" (docs/official-sources.md §3).
NOT_RECEIVED = frozenset({DossierStatus.NEW, DossierStatus.REFUSED})


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
    """One dossier as it was at the period end (`record_as_of`), as the report counts it."""

    code: str
    field_code: str  # lĩnh vực code ("" possible)
    field_name: str
    channel: Channel
    received_at: datetime  # aware, +07:00
    due_at: datetime | None  # statutory, as it stood then; None = no appointment
    finished_at: datetime | None  # first of done/returned/refused/withdrawn/stopped, if by then
    status: DossierStatus  # status then
    supplement_count: int  # supplement requests made by then
    waiting_supplement_since: datetime | None  # the request still awaited then (status 5)


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


@dataclass(frozen=True)
class DossierFacts:
    """What the report reads from a dossier's current row."""

    code: str
    field_code: str
    field_name: str
    channel: Channel
    received_at: datetime
    statutory_due_at: datetime | None  # now
    finished_at: datetime | None  # the first end of processing (never changes once set)
    status: DossierStatus  # now
    supplement_count: int  # now
    supplement_requested_at: datetime | None  # now


def record_as_of(facts: DossierFacts, steps: Sequence[HistoryStep] | None, at: datetime,
                 calendar: WorkCalendar) -> ReportRecord:
    """The dossier as it was at `at` (the period end), for the report.

    `steps` is the dossier's whole history, or None when nothing was recorded after `at` (then
    the current row is the dossier as it was: every change of status, supplement or due time
    writes a history step).
    """
    at = to_vn(at)
    finished = facts.finished_at
    if finished is not None and to_vn(finished) > at:
        finished = None
    if steps is None:
        return ReportRecord(
            code=facts.code, field_code=facts.field_code, field_name=facts.field_name,
            channel=facts.channel, received_at=facts.received_at, due_at=facts.statutory_due_at,
            finished_at=finished, status=facts.status, supplement_count=facts.supplement_count,
            waiting_supplement_since=facts.supplement_requested_at,
        )
    then = dossier_as_of(current_status=facts.status, current_due=facts.statutory_due_at,
                         steps=steps, at=at, calendar=calendar)
    return ReportRecord(
        code=facts.code, field_code=facts.field_code, field_name=facts.field_name,
        channel=facts.channel, received_at=facts.received_at, due_at=then.statutory_due_at,
        finished_at=finished, status=then.status, supplement_count=then.supplement_count,
        waiting_supplement_since=then.waiting_supplement_since,
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
    if record.status in NOT_RECEIVED:
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
        # Every end of processing is judged by its time ([766] §2.1), stopped and withdrawn too.
        if several_supplements:
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


# ---- what was printed, and a reprint checked against it ----------------------------------------

#: Short names of columns (3) … (13), for saying what differs between two prints.
COLUMN_LABELS: dict[str, str] = {
    "total": "Tổng số nhận giải quyết",
    "carried_over": "Kỳ trước chuyển qua",
    "new_online": "Mới tiếp nhận trực tuyến",
    "new_direct": "Mới tiếp nhận trực tiếp, bưu chính",
    "solved_total": "Đã giải quyết (tổng)",
    "early": "Trả trước hạn",
    "on_time": "Trả đúng thời hạn",
    "late": "Trả quá hạn",
    "in_progress_total": "Đang giải quyết (tổng)",
    "within_deadline": "Chưa đến hạn",
    "overdue": "Quá hạn",
}


def report_counts(report: Report06a) -> dict[str, object]:
    """What a print of `report` showed, as JSON: the heading, each field's and the total's
    columns (3) … (13). Kept with the print; a reprint is compared with it.

    >>> report = build_report_06a([], date(2026, 11, 1), date(2026, 11, 30),
    ...                           datetime(2026, 12, 1, tzinfo=VN_TZ), unit_name="UBND xã A")
    >>> report_counts(report)["total"]
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    """
    return {
        "form": FORM_CODE,
        "start": report.start.isoformat(),
        "end": report.end.isoformat(),
        "unit_name": report.unit_name,
        "reporting_to": report.reporting_to,
        "rows": [{"field_code": row.field_code, "field_name": row.field_name,
                  "counts": list(row.counts())} for row in report.rows],
        "total": list(report.total.counts()),
    }


def count_differences(first: dict[str, object], now: dict[str, object]) -> list[str]:
    """Each difference between the numbers of a first print and a reprint, in Vietnamese.

    Empty when every number (and the heading) is the same.

    >>> a = {"unit_name": "UBND xã A", "reporting_to": "", "total": [1] + [0] * 10,
    ...      "rows": [{"field_code": "HT", "field_name": "Hộ tịch", "counts": [1] + [0] * 10}]}
    >>> b = {**a, "total": [2] + [0] * 10,
    ...      "rows": [{"field_code": "HT", "field_name": "Hộ tịch", "counts": [2] + [0] * 10}]}
    >>> count_differences(a, b)
    ['Lĩnh vực “Hộ tịch” (HT), cột (3) Tổng số nhận giải quyết: bản in đầu 1, nay 2', \
'Dòng tổng cộng, cột (3) Tổng số nhận giải quyết: bản in đầu 1, nay 2']
    """
    found: list[str] = []
    for key, label in (("unit_name", "Đơn vị báo cáo"), ("reporting_to", "Đơn vị nhận báo cáo")):
        if first.get(key) != now.get(key):
            found.append(f"{label}: bản in đầu “{first.get(key)}”, nay “{now.get(key)}”")

    def rows_of(counts: dict[str, object]) -> dict[tuple[str, str], list[int]]:
        rows = counts.get("rows")
        if not isinstance(rows, list):
            return {}
        return {(str(r["field_code"]), str(r["field_name"])): list(r["counts"]) for r in rows}

    def compare(where: str, old: list[int], new: list[int]) -> None:
        for name, before, after in zip(COUNT_COLUMNS, old, new, strict=True):
            if before != after:
                found.append(f"{where}, cột ({COLUMN_NUMBERS[name]}) {COLUMN_LABELS[name]}: "
                             f"bản in đầu {before}, nay {after}")

    zero = [0] * len(COUNT_COLUMNS)
    old_rows, new_rows = rows_of(first), rows_of(now)
    for field in sorted(old_rows.keys() | new_rows.keys(), key=lambda k: (fold(k[1]), k)):
        where = f"Lĩnh vực “{field[1] or field[0] or UNNAMED_FIELD}”"
        if field[0] and field[1]:
            where += f" ({field[0]})"
        if field not in new_rows:
            found.append(f"{where}: có trong bản in đầu, nay không còn")
        elif field not in old_rows:
            found.append(f"{where}: không có trong bản in đầu, nay có")
        compare(where, old_rows.get(field, zero), new_rows.get(field, zero))
    old_total, new_total = first.get("total"), now.get("total")
    compare("Dòng tổng cộng", list(old_total) if isinstance(old_total, list) else zero,
            list(new_total) if isinstance(new_total, list) else zero)
    return found

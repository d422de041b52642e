"""The supervisor's view and the periodic report (Biểu II.06a), printed and checked.

Every print of report 06a is recorded (the numbers it showed and the file's SHA-256,
`report_prints`). A report of a period that has ended is a record: it is counted from the
dossiers' history as they were at the period end, printed with the date of its first print
after the period ended, and checked against that first print — same numbers, and for the same
format the same bytes. A difference is said loudly and names each number that differs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.accounts import Permission
from ..domain.clock import VN_TZ, to_vn
from ..domain.report06a import (
    Report06a,
    build_report_06a,
    count_differences,
    period_end_instant,
    report_counts,
)
from ..domain.supervision import CHART_DAYS, Overview, build_overview
from ..store import dossiers, reporting
from ..store.db import write_transaction
from ..store.reporting import PrintRecord
from .exports import format_of

if TYPE_CHECKING:
    from ..desk import Desk

REPORT_FORMATS = ("pdf", "xlsx")
FORM_06A = "06a"


@dataclass(frozen=True)
class ReportPrint:
    """A report written to a file, recorded, and checked against the period's first print."""

    path: Path
    report: Report06a
    closed: bool  # the period had ended: the numbers stand at its end
    print_id: int
    file_sha256: str
    first: PrintRecord | None  # the first print after the period ended (None: this is it)
    differences: tuple[str, ...]  # what differs from `first` (Vietnamese), empty if nothing
    first_same_format: PrintRecord | None  # the first such PDF (byte check; None for Excel)

    @property
    def matches(self) -> bool | None:
        """Same numbers as the first print (None: nothing to check against)."""
        return None if self.first is None else not self.differences

    @property
    def same_file(self) -> bool | None:
        """Same bytes as the first print in this format (None: nothing to check against)."""
        if self.first_same_format is None:
            return None
        return self.first_same_format.file_sha256 == self.file_sha256

    def summary(self) -> str:
        """One paragraph for the supervisor (Vietnamese)."""
        if not self.closed:
            at = self.report.period_end_instant
            return (f"Kỳ báo cáo chưa kết thúc: số liệu tính đến {at:%H:%M} ngày "
                    f"{at:%d/%m/%Y}. Bản in sau khi kỳ kết thúc mới là bản chốt để đối chiếu.")
        if self.first is None:
            return (f"Đây là bản in đầu tiên của kỳ đã kết thúc (SHA-256 tệp "
                    f"{self.file_sha256[:16]}…); các lần in sau được đối chiếu với bản này.")
        first = self.first
        when = f"{to_vn(first.printed_at):%H:%M} ngày {to_vn(first.printed_at):%d/%m/%Y}"
        if first.printed_by:
            when += f", {first.printed_by}"
        if self.differences:
            return (f"CẢNH BÁO: số liệu KHÁC bản in đầu tiên ({when}):\n"
                    + "\n".join(f"• {difference}" for difference in self.differences))
        text = f"Khớp với bản in đầu tiên ({when}): cùng số liệu"
        if self.same_file:
            text += f"; tệp trùng từng byte (SHA-256 {self.file_sha256[:16]}…)"
        elif self.same_file is False:
            text += ("; tệp khác bản in đầu về hình thức, không về số liệu (tên đơn vị, nơi "
                     "ký hoặc phiên bản phần mềm đã đổi)")
        return text + "."


def period_closed(end: date, now: datetime) -> bool:
    """Whether the period ending on `end` is over at `now` (its last day has passed)."""
    return to_vn(now) > datetime.combine(end, time.max, tzinfo=VN_TZ)


class Reports:
    def __init__(self, desk: Desk):
        self.desk = desk

    def report_06a(self, start: date, end: date, *, office: bool = False,
                   counter: int | None = None, clerk: str | None = None) -> Report06a:
        """Counts by field for `start`..`end`; the report's identity is checked when built.

        This counter's dossiers by default (a counter in an office holds the others' too);
        `office`: every counter's, `counter`: one counter's, `clerk`: one receiving clerk's
        (docs/office-hub.md §8)."""
        if end < start:
            raise ValueError("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
        as_of = to_vn(self.desk.clock())
        station_no = None if office else (counter or self.desk.station.station_no)
        records = reporting.report_records(self.desk.db, start, period_end_instant(end, as_of),
                                           self.desk.calendar(), station_no=station_no,
                                           clerk=clerk)
        return build_report_06a(
            records, start, end, as_of, unit_name=self.desk.station.unit_name,
            reporting_to=self.desk.setting("report_to", "") or "",
        )

    def export_06a(self, start: date, end: date, out: Path) -> Path:
        """Write the report as PDF or XLSX, chosen by `out`'s suffix (recorded as a print)."""
        return self.print_06a(start, end, out).path

    def print_06a(self, start: date, end: date, out: Path) -> ReportPrint:
        """Write the report, record the print, and check it against the period's first print.

        For a period that has ended, the file carries the date of the first print after the
        period ended (so a reprint is the same document) and the numbers are compared with it.
        """
        kind = format_of(out, REPORT_FORMATS)  # a wrong name is refused before any work
        clerk = self.desk.require(Permission.ALL_LOGS).display_name
        report = self.report_06a(start, end)
        now = to_vn(self.desk.clock())
        db = self.desk.db
        closed = period_closed(end, now)
        first = reporting.first_closed_print(db, FORM_06A, start, end) if closed else None
        # Only a PDF is the same bytes for the same report (an Excel file carries the time it
        # was saved): an Excel reprint is checked by its numbers.
        first_same = (reporting.first_closed_print(db, FORM_06A, start, end, kind)
                      if closed and kind == "pdf" else None)
        issued_on = first.issued_on if first is not None else now.date()
        self.write_06a(report, out, issued_on=issued_on)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        counts = report_counts(report)
        differences = tuple(count_differences(first.counts, counts)) if first else ()
        with write_transaction(db):
            print_id = reporting.add_print(
                db, form=FORM_06A, start=start, end=end, as_of=report.period_end_instant,
                closed=closed, counts=counts, file_format=kind, file_name=out.name,
                file_sha256=digest, issued_on=issued_on, printed_at=now,
                printed_by=clerk, first_print=first.id if first else None,
                matches=None if first is None else not differences,
            )
            self.desk.audit.record("report.printed", f"{FORM_06A} {start}..{end}", {
                "print_id": print_id, "file": out.name, "sha256": digest, "closed": closed,
                "matches": None if first is None else not differences})
        return ReportPrint(out, report, closed, print_id, digest, first, differences,
                           first_same)

    def write_scoped_06a(self, start: date, end: date, out: Path, *, office: bool = False,
                         counter: int | None = None, clerk: str | None = None) -> Report06a:
        """The office's, another counter's or one clerk's 06a as a file: a working copy, not
        this counter's recorded print (the prints and their first-print check stay the
        counter's own report's)."""
        format_of(out, REPORT_FORMATS)
        report = self.report_06a(start, end, office=office, counter=counter, clerk=clerk)
        self.write_06a(report, out)
        return report

    def prints_06a(self, start: date, end: date) -> list[PrintRecord]:
        """Every print of the period's report 06a, oldest first."""
        return reporting.prints_of(self.desk.db, FORM_06A, start, end)

    def write_06a(self, report: Report06a, out: Path, *, issued_on: date | None = None) -> Path:
        """Write a built report as PDF or XLSX, chosen by `out`'s suffix (not recorded)."""
        kind = format_of(out, REPORT_FORMATS)
        place = self.desk.station.place_name
        if issued_on is None:
            issued_on = to_vn(self.desk.clock()).date()
        out.parent.mkdir(parents=True, exist_ok=True)
        if kind == "pdf":
            from ..documents.files import write_atomically
            from ..documents.report06a_pdf import build_report_06a_pdf

            write_atomically(
                out, build_report_06a_pdf(report, place_name=place, issued_on=issued_on)
            )
        else:
            from ..documents.report06a_xlsx import write_report_06a_xlsx

            write_report_06a_xlsx(report, out, place_name=place, issued_on=issued_on)
        return out

    def overview(self) -> Overview:
        """Due today, due soon, overdue, waiting for a supplement; counts; the last 30 days."""
        db = self.desk.db
        now = to_vn(self.desk.clock())
        open_dossiers = dossiers.open_dossiers(db)
        today = now.date()
        per_day = reporting.received_per_day(db, today - timedelta(days=CHART_DAYS - 1), today)
        return build_overview(open_dossiers, reporting.counts_by_status(db), per_day,
                              now=now, calendar=self.desk.calendar())

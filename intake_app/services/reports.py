"""The supervisor's view and the periodic report (Biểu II.06a)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.clock import to_vn
from ..domain.report06a import Report06a, build_report_06a, period_end_instant
from ..domain.supervision import CHART_DAYS, Overview, build_overview
from ..store import dossiers, reporting
from .exports import format_of

if TYPE_CHECKING:
    from ..desk import Desk

REPORT_FORMATS = ("pdf", "xlsx")


class Reports:
    def __init__(self, desk: Desk):
        self.desk = desk

    def report_06a(self, start: date, end: date) -> Report06a:
        """Counts by field for `start`..`end`; the report's identity is checked when built."""
        if end < start:
            raise ValueError("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
        as_of = to_vn(self.desk.clock())
        records = reporting.report_records(self.desk.db, start, period_end_instant(end, as_of))
        return build_report_06a(
            records, start, end, as_of, unit_name=self.desk.station.unit_name,
            reporting_to=self.desk.setting("report_to", "") or "",
        )

    def export_06a(self, start: date, end: date, out: Path) -> Path:
        """Write the report as PDF or XLSX, chosen by `out`'s suffix."""
        format_of(out, REPORT_FORMATS)  # a wrong name is refused before any work
        return self.write_06a(self.report_06a(start, end), out)

    def write_06a(self, report: Report06a, out: Path) -> Path:
        """Write a built report as PDF or XLSX, chosen by `out`'s suffix."""
        kind = format_of(out, REPORT_FORMATS)
        place = self.desk.station.place_name
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

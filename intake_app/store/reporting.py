"""What the supervisor's screen and the periodic report read: open dossiers, counts, records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from sqlite_utils import Database

from ..domain.clock import iso, parse_iso, parse_iso_or_none
from ..domain.dossier import Channel
from ..domain.report06a import ReportRecord
from ..domain.status import DossierStatus


def report_records(db: Database, start: date, end_instant: datetime) -> Iterator[ReportRecord]:
    """Dossiers the period can count: received by its end and not finished before its start."""
    rows = db.execute(
        "SELECT code, field_code, field_name, channel, received_at, statutory_due_at, "
        "finished_at, status, supplement_count, supplement_requested_at FROM dossiers "
        "WHERE received_at <= ? AND (finished_at IS NULL OR finished_at >= ?)",
        [iso(end_instant), start.isoformat()],
    )
    for (code, field_code, field_name, channel, received_at, due_at, finished_at, status,
         supplements, waiting) in rows:
        yield ReportRecord(
            code=code, field_code=field_code, field_name=field_name, channel=Channel(channel),
            received_at=parse_iso(received_at), due_at=parse_iso_or_none(due_at),
            finished_at=parse_iso_or_none(finished_at), status=DossierStatus(status),
            supplement_count=supplements, waiting_supplement_since=parse_iso_or_none(waiting),
        )


def counts_by_status(db: Database) -> dict[DossierStatus, int]:
    return {
        DossierStatus(status): count
        for status, count in db.execute(
            "SELECT status, count(*) FROM dossiers GROUP BY status ORDER BY status"
        )
    }


def received_per_day(db: Database, first_day: date, last_day: date) -> dict[date, int]:
    rows = db.execute(
        "SELECT substr(received_at, 1, 10), count(*) FROM dossiers "
        "WHERE received_at >= ? AND received_at < ? GROUP BY 1",
        [first_day.isoformat(), f"{last_day.isoformat()}T99"],
    )
    return {date.fromisoformat(day): count for day, count in rows}

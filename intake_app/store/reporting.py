"""What the supervisor's screen and the periodic report read: open dossiers, counts, records."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from ..domain.calendar import WorkCalendar
from ..domain.clock import iso, parse_iso, parse_iso_or_none
from ..domain.dossier import Channel
from ..domain.report06a import DossierFacts, ReportRecord, record_as_of
from ..domain.status import DossierStatus
from . import dossiers


def report_records(db: Database, start: date, end_instant: datetime,
                   calendar: WorkCalendar, *, station_no: int | None = None,
                   clerk: str | None = None) -> list[ReportRecord]:
    """The dossiers the period can count, each as it was at `end_instant` (`record_as_of`);
    only those received at counter `station_no`, or by `clerk`, when given (an office's copy
    holds every counter's dossiers).

    Candidates: received by the period end and not finished before its start. The history is
    read only for the dossiers that have a step after the period end; for the others the
    current row is the dossier as it was then.
    """
    end = iso(end_instant)
    scope = "".join([" AND station_no = ?" if station_no is not None else "",
                     " AND clerk = ?" if clerk is not None else ""])
    rows = db.execute(
        "SELECT id, code, field_code, field_name, channel, received_at, statutory_due_at, "
        "finished_at, status, supplement_count, supplement_requested_at FROM dossiers "
        "WHERE received_at <= ? AND (finished_at IS NULL OR finished_at >= ?)" + scope,
        [end, start.isoformat(), *(v for v in (station_no, clerk) if v is not None)],
    ).fetchall()
    changed_since = {
        dossier for (dossier,) in db.execute(
            "SELECT DISTINCT h.dossier FROM dossier_history h JOIN dossiers d ON d.id = h.dossier "
            "WHERE h.at > ? AND d.received_at <= ? AND (d.finished_at IS NULL OR "
            "d.finished_at >= ?)", [end, end, start.isoformat()],
        )
    }
    steps = dossiers.history_steps_of(db, sorted(changed_since))
    records = []
    for (row_id, code, field_code, field_name, channel, received_at, due_at, finished_at,
         status, supplements, waiting) in rows:
        facts = DossierFacts(
            code=code, field_code=field_code, field_name=field_name, channel=Channel(channel),
            received_at=parse_iso(received_at), statutory_due_at=parse_iso_or_none(due_at),
            finished_at=parse_iso_or_none(finished_at), status=DossierStatus(status),
            supplement_count=supplements, supplement_requested_at=parse_iso_or_none(waiting),
        )
        history = steps.get(row_id, []) if row_id in changed_since else None
        records.append(record_as_of(facts, history, end_instant, calendar))
    return records


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


# ---- reports printed ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PrintRecord:
    """One report printed: the numbers it showed and the file's SHA-256."""

    id: int
    form: str
    start: date
    end: date
    as_of: datetime
    closed: bool
    counts: dict[str, object]
    counts_sha256: str
    file_format: str
    file_name: str
    file_sha256: str
    issued_on: date
    printed_at: datetime
    printed_by: str
    first_print: int | None
    matches: bool | None


_PRINT_COLUMNS = ("id, form, period_start, period_end, as_of, closed, counts, counts_sha256, "
                  "file_format, file_name, file_sha256, issued_on, printed_at, printed_by, "
                  "first_print, matches")


def _print_from_row(row: tuple[Any, ...]) -> PrintRecord:
    (id_, form, start, end, as_of, closed, counts, counts_sha, file_format, file_name,
     file_sha, issued_on, printed_at, printed_by, first_print, matches) = row
    return PrintRecord(
        id=id_, form=form, start=date.fromisoformat(start), end=date.fromisoformat(end),
        as_of=parse_iso(as_of), closed=bool(closed), counts=json.loads(counts),
        counts_sha256=counts_sha, file_format=file_format, file_name=file_name,
        file_sha256=file_sha, issued_on=date.fromisoformat(issued_on),
        printed_at=parse_iso(printed_at), printed_by=printed_by, first_print=first_print,
        matches=None if matches is None else bool(matches),
    )


def canonical_counts(counts: dict[str, object]) -> bytes:
    """The bytes `counts_sha256` is taken over (keys sorted, no whitespace, UTF-8)."""
    return json.dumps(counts, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def first_closed_print(db: Database, form: str, start: date, end: date,
                       file_format: str | None = None) -> PrintRecord | None:
    """The first print of `form` for the period made after the period ended (optionally of
    one file format): the record later prints are checked against."""
    sql = (f"SELECT {_PRINT_COLUMNS} FROM report_prints WHERE form = ? AND period_start = ? "
           "AND period_end = ? AND closed = 1")
    params: list[object] = [form, start.isoformat(), end.isoformat()]
    if file_format is not None:
        sql += " AND file_format = ?"
        params.append(file_format)
    row = db.execute(sql + " ORDER BY id LIMIT 1", params).fetchone()
    return _print_from_row(row) if row else None


def prints_of(db: Database, form: str, start: date, end: date) -> list[PrintRecord]:
    """Every print of `form` for the period, oldest first."""
    rows = db.execute(
        f"SELECT {_PRINT_COLUMNS} FROM report_prints WHERE form = ? AND period_start = ? "
        "AND period_end = ? ORDER BY id", [form, start.isoformat(), end.isoformat()])
    return [_print_from_row(row) for row in rows]


def add_print(db: Database, *, form: str, start: date, end: date, as_of: datetime,
              closed: bool, counts: dict[str, object], file_format: str, file_name: str,
              file_sha256: str, issued_on: date, printed_at: datetime, printed_by: str,
              first_print: int | None, matches: bool | None) -> int:
    """Record a print; returns its id."""
    cursor = db.execute(
        "INSERT INTO report_prints (form, period_start, period_end, as_of, closed, counts, "
        "counts_sha256, file_format, file_name, file_sha256, issued_on, printed_at, printed_by, "
        "first_print, matches) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [form, start.isoformat(), end.isoformat(), iso(as_of), int(closed),
         json.dumps(counts, ensure_ascii=False, sort_keys=True),
         hashlib.sha256(canonical_counts(counts)).hexdigest(), file_format, file_name,
         file_sha256, issued_on.isoformat(), iso(printed_at), printed_by, first_print,
         None if matches is None else int(matches)],
    )
    return int(cursor.lastrowid or 0)

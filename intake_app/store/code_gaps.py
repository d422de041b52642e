"""Codes the station skipped on purpose (db/0010: `code_gaps`), and the numbers it has issued.

A gap is recorded in the same transaction as the stamp that jumps over it (or by a restore),
so every hole in a day's sequence has its reason beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

RESTORED = "restored"
LOST = "lost"


@dataclass(frozen=True)
class CodeGap:
    station_no: int
    day_key: str
    first_seq: int
    last_seq: int
    found_at: str
    reason: str
    note: str


def add_gap(db: Database, gap: CodeGap) -> None:
    db.execute(
        "INSERT INTO code_gaps (station_no, day_key, first_seq, last_seq, found_at, reason, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [gap.station_no, gap.day_key, gap.first_seq, gap.last_seq, gap.found_at, gap.reason,
         gap.note])


def gaps(db: Database, day_key: str | None = None) -> list[CodeGap]:
    sql = ("SELECT station_no, day_key, first_seq, last_seq, found_at, reason, note "
           "FROM code_gaps")
    params: list[object] = []
    if day_key is not None:
        sql += " WHERE day_key = ?"
        params.append(day_key)
    return [CodeGap(*row) for row in db.execute(sql + " ORDER BY day_key, first_seq", params)]


def covered(db: Database, station_no: int, day_key: str, first: int, last: int) -> bool:
    """Whether recorded gaps already explain every sequence first..last of the day."""
    ranges = db.execute(
        "SELECT first_seq, last_seq FROM code_gaps WHERE station_no = ? AND day_key = ?",
        [station_no, day_key]).fetchall()
    return all(any(a <= seq <= b for a, b in ranges) for seq in range(first, last + 1))


def highest_by_day(db: Database, station_no: int) -> dict[str, int]:
    """The highest daily sequence the database holds, per day, for the station."""
    return {day: int(seq) for day, seq in db.execute(
        "SELECT day_key, max(day_seq) FROM dossiers WHERE station_no = ? GROUP BY day_key",
        [station_no])}


def highest_by_book(db: Database) -> dict[str, int]:
    """The highest ledger number the database holds, per ledger book."""
    return {book: int(number) for book, number in db.execute(
        "SELECT ledger_book, max(ledger_number) FROM dossiers GROUP BY ledger_book")}


def sequences_of_day(db: Database, station_no: int, day_key: str) -> set[int]:
    return {int(seq) for (seq,) in db.execute(
        "SELECT day_seq FROM dossiers WHERE station_no = ? AND day_key = ?",
        [station_no, day_key])}

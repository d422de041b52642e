"""Prints of original receipts (db/0014: `receipt_prints`), recorded once the print succeeded."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class ReceiptPrint:
    """One successful print of an original receipt."""

    issue: int
    printed_at: str
    printed_by: str
    copies: int  # 0: printed before prints were recorded (db/0014)
    printer: str


def add_print(db: Database, dossier_row: int, print_: ReceiptPrint) -> None:
    db.execute(
        "INSERT INTO receipt_prints (dossier, issue, printed_at, printed_by, copies, printer) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [dossier_row, print_.issue, print_.printed_at, print_.printed_by, print_.copies,
         print_.printer])


def prints_of(db: Database, dossier_row: int) -> list[ReceiptPrint]:
    """Every recorded print of the dossier's originals, oldest first."""
    rows = db.execute(
        "SELECT issue, printed_at, printed_by, copies, printer FROM receipt_prints "
        "WHERE dossier = ? ORDER BY id", [dossier_row]).fetchall()
    return [ReceiptPrint(*row) for row in rows]


def is_printed(db: Database, dossier_row: int, issue: int) -> bool:
    return db.execute("SELECT 1 FROM receipt_prints WHERE dossier = ? AND issue = ? LIMIT 1",
                      [dossier_row, issue]).fetchone() is not None

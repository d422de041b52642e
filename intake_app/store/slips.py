"""Issued slips: their numbers per kind and year, and what they said (frozen JSON).

Writers never commit: the desk wraps the number, the slip and its history entry in one
transaction, so two counters never hand out the same number.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def step_row_id(db: Database, dossier_row: int, action: str) -> int | None:
    """The id of the latest history entry of `action` for the dossier."""
    row = db.execute(
        "SELECT max(id) FROM dossier_history WHERE dossier = ? AND action = ?",
        [dossier_row, action],
    ).fetchone()
    return row[0]


def slip_for_step(db: Database, kind: str, step: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT number, year, data FROM slips WHERE kind = ? AND step = ?", [kind, step]
    ).fetchone()
    if row is None:
        return None
    return {"number": row[0], "year": row[1], "data": json.loads(row[2])}


def next_number(db: Database, kind: str, year: int) -> int:
    row = db.execute(
        "SELECT max(number) FROM slips WHERE kind = ? AND year = ?", [kind, year]
    ).fetchone()
    return (row[0] or 0) + 1


def insert_slip(
    db: Database, *, dossier_row: int, kind: str, step: int | None, year: int,
    number: int | None, issued_at: str, issued_by: str, data: dict[str, Any],
) -> None:
    db.execute(
        "INSERT INTO slips (dossier, kind, step, year, number, issued_at, issued_by, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [dossier_row, kind, step, year, number, issued_at, issued_by,
         json.dumps(data, ensure_ascii=False)],
    )

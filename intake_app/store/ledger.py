"""The daily log's rows and its seals (the hash chain that `log verify` checks)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from sqlite_utils import Database

from ..domain.clock import parse_iso, parse_iso_or_none
from ..domain.dossier_log import DaySeal, LogRow

_LOG_COLUMNS = (
    "ledger_book, ledger_number, code, procedure_code, procedure_name, applicant, sets, "
    "processing_unit, received_at, due_at, returned_at, delivery, clerk, note"
)


def _log_row(row: tuple) -> LogRow:
    (book, number, code, procedure_code, procedure_name, applicant, sets, unit, received_at,
     due_at, returned_at, delivery, clerk, note) = row
    party = json.loads(applicant)
    return LogRow(
        ledger_book=book, ledger_number=number, code=code, procedure_code=procedure_code,
        procedure_name=procedure_name, applicant_name=party["name"],
        address=party.get("address") or "", phone=party.get("phone") or "", sets=sets,
        processing_unit=unit or "", received_at=parse_iso(received_at),
        due_at=parse_iso_or_none(due_at),
        returned_at=parse_iso_or_none(returned_at),
        delivery=delivery, clerk=clerk, note=note,
    )


def log_rows(db: Database, first_day: date, last_day: date) -> Iterator[LogRow]:
    """Every dossier received on `first_day`..`last_day` (local days), in ledger order."""
    rows = db.execute(
        f"SELECT {_LOG_COLUMNS} FROM dossiers WHERE received_at >= ? AND received_at < ? "
        "ORDER BY ledger_book, ledger_number",
        [first_day.isoformat(), _day_after(last_day)],
    )
    return (_log_row(row) for row in rows)


def _day_after(day: date) -> str:
    # received_at is ISO text with +07:00: every instant of `day` sorts below "<day>T99".
    return f"{day.isoformat()}T99"


def first_day(db: Database) -> date | None:
    """The local day the first dossier was received, or None."""
    row = db.execute("SELECT min(received_at) FROM dossiers").fetchone()
    return date.fromisoformat(row[0][:10]) if row[0] else None


_SEAL_COLUMNS = "day, count, digests, previous_hash, hash, scheme"


def _seal(row: tuple) -> DaySeal:
    day, count, digests, previous, hash_, scheme = row
    # Digests are stored as [code, digest] pairs: their order (ledger order) is in the hash.
    return DaySeal.from_dict({"day": day, "count": count, "digests": json.loads(digests),
                              "previous_hash": previous, "hash": hash_, "scheme": scheme})


def seals(db: Database) -> list[DaySeal]:
    rows = db.execute(f"SELECT {_SEAL_COLUMNS} FROM log_seals ORDER BY day")
    return [_seal(row) for row in rows]


def last_seal(db: Database) -> DaySeal | None:
    row = db.execute(
        f"SELECT {_SEAL_COLUMNS} FROM log_seals ORDER BY day DESC LIMIT 1"
    ).fetchone()
    return _seal(row) if row else None


def insert_seal(db: Database, seal: DaySeal, sealed_at: str) -> None:
    stored = seal.to_dict()
    db.execute(
        "INSERT INTO log_seals (day, count, digests, previous_hash, hash, sealed_at, scheme) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [stored["day"], seal.count, json.dumps(stored["digests"]), seal.previous_hash,
         seal.hash, sealed_at, seal.scheme],
    )

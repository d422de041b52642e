"""The daily log's rows and its seals (the hash chain that `log verify` checks)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from sqlite_utils import Database

from ..domain.clock import parse_iso, parse_iso_or_none
from ..domain.dossier_log import DaySeal, LogCorrection, LogRow
from . import cipher

_LOG_COLUMNS = (
    "d.ledger_book, d.ledger_number, d.code, d.procedure_code, d.procedure_name, d.applicant, "
    "d.sets, d.processing_unit, d.received_at, d.due_at, d.returned_at, d.delivery, d.clerk, "
    "d.note, c.full_name AS commune, p.full_name AS province, d.lead_unit, d.status, "
    "d.finished_at"
)
# The applicant's commune and province by the codes the dossier keeps.
_PLACES = (
    "LEFT JOIN admin_communes c ON c.code = json_extract(d.applicant, '$.commune_code') "
    "LEFT JOIN admin_provinces p ON p.code = json_extract(d.applicant, '$.province_code')"
)


def _log_row(row: cipher.Row) -> LogRow:
    party = json.loads(row["applicant"])
    return LogRow(
        ledger_book=row["ledger_book"], ledger_number=row["ledger_number"], code=row["code"],
        procedure_code=row["procedure_code"], procedure_name=row["procedure_name"],
        applicant_name=party["name"], address=party.get("address") or "",
        phone=party.get("phone") or "", sets=row["sets"],
        processing_unit=row["processing_unit"] or "",
        received_at=parse_iso(row["received_at"]),
        due_at=parse_iso_or_none(row["due_at"]),
        returned_at=parse_iso_or_none(row["returned_at"]),
        delivery=row["delivery"], clerk=row["clerk"], note=row["note"],
        commune=row["commune"] or "", province=row["province"] or "",
        lead_unit=row["lead_unit"] or "", status=row["status"],
        finished_at=parse_iso_or_none(row["finished_at"]),
    )


def log_rows(db: Database, first_day: date, last_day: date,
             station_no: int | None = None) -> Iterator[LogRow]:
    """Every dossier received on `first_day`..`last_day` (local days), in ledger order; with
    `station_no`, only that counter's (a counter in an office seals its own book)."""
    cursor = db.conn.cursor()
    cursor.row_factory = cipher.Row
    own = "" if station_no is None else " AND d.station_no = ?"
    rows = cursor.execute(
        f"SELECT {_LOG_COLUMNS} FROM dossiers d {_PLACES} "
        f"WHERE d.received_at >= ? AND d.received_at < ?{own} "
        "ORDER BY d.ledger_book, d.ledger_number",
        [first_day.isoformat(), _day_after(last_day),
         *([] if station_no is None else [station_no])],
    )
    return (_log_row(row) for row in rows)


def log_row_of(db: Database, code: str) -> LogRow | None:
    """The log row of one dossier as the log prints and seals it now."""
    cursor = db.conn.cursor()
    cursor.row_factory = cipher.Row
    row = cursor.execute(f"SELECT {_LOG_COLUMNS} FROM dossiers d {_PLACES} WHERE d.code = ?",
                         [code]).fetchone()
    return _log_row(row) if row else None


def _day_after(day: date) -> str:
    # received_at is ISO text with +07:00: every instant of `day` sorts below "<day>T99".
    return f"{day.isoformat()}T99"


def first_day(db: Database, station_no: int | None = None) -> date | None:
    """The local day the first dossier (of `station_no`) was received, or None."""
    row = db.execute("SELECT min(received_at) FROM dossiers" + (
        "" if station_no is None else " WHERE station_no = ?"),
        [] if station_no is None else [station_no]).fetchone()
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


def seal_of(db: Database, day: date) -> DaySeal | None:
    row = db.execute(f"SELECT {_SEAL_COLUMNS} FROM log_seals WHERE day = ?",
                     [day.isoformat()]).fetchone()
    return _seal(row) if row else None


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


# ---- corrections of sealed rows ------------------------------------------------------------------

def insert_correction(db: Database, correction: LogCorrection, step: int) -> None:
    db.execute(
        "INSERT INTO log_corrections (day, code, before_digest, after_digest, corrected_at, "
        "corrected_by, reason, mac, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [correction.day.isoformat(), correction.code, correction.before, correction.after,
         correction.at, correction.by, correction.reason, correction.mac, step],
    )


def corrections(db: Database) -> list[LogCorrection]:
    """Every recorded correction of a sealed row, in the order they were made."""
    rows = db.execute(
        "SELECT day, code, before_digest, after_digest, corrected_at, corrected_by, reason, mac "
        "FROM log_corrections ORDER BY id"
    )
    return [LogCorrection(date.fromisoformat(day), code, before, after, at, by, reason, mac)
            for day, code, before, after, at, by, reason, mac in rows]

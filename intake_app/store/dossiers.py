"""Dossiers, their history and accent-free search.

Writers here never commit: the caller wraps every step in `write_transaction`, so a dossier,
its history entry and its outbox event land together or not at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from ..domain.clock import iso, parse_iso, parse_iso_or_none
from ..domain.dossier import (
    Channel,
    Delivery,
    DocumentLine,
    Dossier,
    Party,
    PartyKind,
)
from ..domain.dossier_code import looks_like_dossier_code
from ..domain.dossier_history import HistoryStep
from ..domain.id_documents import IdKind, legacy_kind
from ..domain.payment import Payment
from ..domain.procedures import DocForm
from ..domain.receipt import FeeLine, ReceiptData
from ..domain.status import DossierStatus
from ..domain.text import fold

_DIGITS_RE = re.compile(r"^\+?[\d\s.\-()]+$")


# ---- (de)serialising -------------------------------------------------------------------------

def party_to_json(party: Party | None) -> str | None:
    if party is None:
        return None
    data = asdict(party)
    data["birth_date"] = party.birth_date.isoformat() if party.birth_date else None
    data["kind"] = int(party.kind)
    return json.dumps(data, ensure_ascii=False)


def party_from_json(text: str | None) -> Party | None:
    if text is None:
        return None
    data = json.loads(text)
    data["birth_date"] = date.fromisoformat(data["birth_date"]) if data["birth_date"] else None
    data["kind"] = PartyKind(data["kind"])
    # Parties saved before identity documents were stored have no id_kind: a CCCD, or the tax
    # code of an organisation.
    data["id_kind"] = IdKind(data.get("id_kind") or legacy_kind(
        data["kind"] == PartyKind.ORGANISATION, data.get("id_number")))
    return Party(**data)


def _required_party(text: str) -> Party:
    party = party_from_json(text)
    assert party is not None  # the column is NOT NULL
    return party


def _documents_to_json(documents: tuple[DocumentLine, ...]) -> str:
    return json.dumps(
        [{**asdict(d), "form": d.form.value} for d in documents], ensure_ascii=False
    )


def _documents_from_json(text: str) -> tuple[DocumentLine, ...]:
    return tuple(DocumentLine(**{**d, "form": DocForm(d["form"])}) for d in json.loads(text))


def search_text_of(dossier: Dossier) -> str:
    """What the search box matches: code, names, ID numbers and phones, folded."""
    parts = [dossier.code]
    for party in (dossier.applicant, dossier.owner):
        if party is not None:
            parts += [party.name, party.id_number or "", party.phone or "",
                      party.old_id_number or ""]
    return fold(" ".join(p for p in parts if p))


_COLUMNS = (
    "id, dossier_id, code, station_no, procedure_code, procedure_name, field_code, field_name, "
    "applicant, owner, documents, pages, sets, channel, delivery, note, received_at, due_at, "
    "returned_at, status, version, clerk, fee_total, fee_lines, ledger_book, ledger_number, "
    "processing_unit, statutory_due_at, supplement_count, supplement_requested_at, finished_at, "
    "payment, lead_unit"
)


def _dossier_from_row(row: tuple[Any, ...]) -> Dossier:
    (_id, dossier_id, code, station_no, procedure_code, procedure_name, field_code, field_name,
     applicant, owner, documents, pages, sets, channel, delivery, note, received_at, due_at,
     returned_at, status, version, clerk, fee_total, fee_lines, ledger_book, ledger_number,
     processing_unit, statutory_due_at, supplement_count, supplement_requested_at,
     finished_at, payment, lead_unit) = row
    return Dossier(
        dossier_id=dossier_id,
        code=code,
        station_no=station_no,
        procedure_code=procedure_code,
        procedure_name=procedure_name,
        field_code=field_code,
        field_name=field_name,
        applicant=_required_party(applicant),
        owner=party_from_json(owner),
        documents=_documents_from_json(documents),
        pages=pages,
        sets=sets,
        channel=Channel(channel),
        delivery=Delivery(delivery),
        note=note,
        received_at=parse_iso(received_at),
        due_at=parse_iso_or_none(due_at),
        returned_at=parse_iso_or_none(returned_at),
        status=DossierStatus(status),
        version=version,
        clerk=clerk,
        fee_total=fee_total,
        fee_lines=tuple(FeeLine(**f) for f in json.loads(fee_lines)),
        ledger_book=ledger_book,
        ledger_number=ledger_number,
        processing_unit=processing_unit,
        statutory_due_at=parse_iso_or_none(statutory_due_at),
        supplement_count=supplement_count,
        supplement_requested_at=parse_iso_or_none(supplement_requested_at),
        finished_at=parse_iso_or_none(finished_at),
        payment=Payment.from_dict(json.loads(payment)) if payment else None,
        lead_unit=lead_unit or "",
    )



# ---- numbering -------------------------------------------------------------------------------

def last_day_sequence(db: Database, station_no: int, day_key: str) -> int | None:
    row = db.execute(
        "SELECT max(day_seq) FROM dossiers WHERE station_no = ? AND day_key = ?",
        [station_no, day_key],
    ).fetchone()
    return row[0]


def last_ledger_number(db: Database, ledger_book: str) -> int:
    row = db.execute(
        "SELECT max(ledger_number) FROM dossiers WHERE ledger_book = ?", [ledger_book]
    ).fetchone()
    return row[0] or 0


# ---- writing ---------------------------------------------------------------------------------

def insert_dossier(
    db: Database, dossier: Dossier, receipt: ReceiptData, day_key: str, day_seq: int
) -> int:
    """Insert a stamped dossier; returns its row id (the key of its history and events)."""
    cursor = db.execute(
        "INSERT INTO dossiers (dossier_id, code, station_no, day_key, day_seq, procedure_code, "
        "procedure_name, field_code, field_name, applicant, owner, documents, pages, sets, "
        "channel, delivery, note, received_at, due_at, returned_at, status, version, clerk, "
        "fee_total, fee_lines, ledger_book, ledger_number, processing_unit, receipt, search_text, "
        "statutory_due_at, supplement_count, supplement_requested_at, finished_at, payment, "
        "lead_unit) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            dossier.dossier_id, dossier.code, dossier.station_no, day_key, day_seq,
            dossier.procedure_code, dossier.procedure_name, dossier.field_code,
            dossier.field_name, party_to_json(dossier.applicant), party_to_json(dossier.owner),
            _documents_to_json(dossier.documents), dossier.pages, dossier.sets,
            int(dossier.channel), dossier.delivery.value, dossier.note,
            iso(dossier.received_at), iso(dossier.due_at), iso(dossier.returned_at),
            int(dossier.status), dossier.version, dossier.clerk, dossier.fee_total,
            json.dumps([asdict(f) for f in dossier.fee_lines], ensure_ascii=False),
            dossier.ledger_book, dossier.ledger_number, dossier.processing_unit,
            json.dumps(receipt.to_dict(), ensure_ascii=False), search_text_of(dossier),
            iso(dossier.statutory_due_at), dossier.supplement_count,
            iso(dossier.supplement_requested_at), iso(dossier.finished_at),
            json.dumps(dossier.payment.to_dict(), ensure_ascii=False) if dossier.payment
            else None,
            dossier.lead_unit or None,
        ],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_progress(db: Database, dossier: Dossier) -> None:
    """Write a step's result: status, version, times, processing unit and supplement clock."""
    db.execute(
        "UPDATE dossiers SET status = ?, version = ?, returned_at = ?, processing_unit = ?, "
        "due_at = ?, statutory_due_at = ?, supplement_count = ?, supplement_requested_at = ?, "
        "finished_at = ? WHERE dossier_id = ?",
        [int(dossier.status), dossier.version, iso(dossier.returned_at),
         dossier.processing_unit, iso(dossier.due_at), iso(dossier.statutory_due_at),
         dossier.supplement_count, iso(dossier.supplement_requested_at),
         iso(dossier.finished_at), dossier.dossier_id],
    )


def update_corrected(db: Database, dossier: Dossier, receipt: ReceiptData) -> None:
    """Write a correction: the corrected facts, the next version, the fee, the receipt issued
    again, and the search text (its index follows through the update trigger)."""
    db.execute(
        "UPDATE dossiers SET applicant = ?, owner = ?, documents = ?, pages = ?, sets = ?, "
        "delivery = ?, note = ?, fee_total = ?, fee_lines = ?, version = ?, receipt = ?, "
        "search_text = ? WHERE dossier_id = ?",
        [party_to_json(dossier.applicant), party_to_json(dossier.owner),
         _documents_to_json(dossier.documents), dossier.pages, dossier.sets,
         dossier.delivery.value, dossier.note, dossier.fee_total,
         json.dumps([asdict(f) for f in dossier.fee_lines], ensure_ascii=False),
         dossier.version, json.dumps(receipt.to_dict(), ensure_ascii=False),
         search_text_of(dossier), dossier.dossier_id],
    )


def keep_replaced_receipt(db: Database, dossier_row: int, receipt: ReceiptData, *,
                          issued_at: str, replaced_at: str, replaced_by: int) -> None:
    """Keep the receipt a correction replaces, as it was handed out."""
    db.execute(
        "INSERT INTO receipt_history (dossier, issue, issued_at, receipt, replaced_at, "
        "replaced_by) VALUES (?, ?, ?, ?, ?, ?)",
        [dossier_row, receipt.issue, issued_at, json.dumps(receipt.to_dict(), ensure_ascii=False),
         replaced_at, replaced_by],
    )


def receipt_issues(db: Database, dossier_row: int) -> list[tuple[ReceiptData, str, str]]:
    """Every receipt replaced so far, oldest first: (receipt, issued_at, replaced_at)."""
    rows = db.execute(
        "SELECT receipt, issued_at, replaced_at FROM receipt_history WHERE dossier = ? "
        "ORDER BY issue", [dossier_row],
    )
    return [(ReceiptData.from_dict(json.loads(receipt)), issued, replaced)
            for receipt, issued, replaced in rows]


def add_history(
    db: Database, dossier_row: int, *, at: str, actor: str, action: str,
    status: int | None = None, note: str = "", detail: dict[str, Any] | None = None,
) -> int:
    """Append a history entry; returns its id (a slip names the step it answers by it)."""
    cursor = db.execute(
        "INSERT INTO dossier_history (dossier, at, actor, action, status, note, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [dossier_row, at, actor, action, status, note,
         json.dumps(detail, ensure_ascii=False) if detail is not None else None],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


# ---- reading ---------------------------------------------------------------------------------

def row_id_of(db: Database, code: str) -> int | None:
    row = db.execute("SELECT id FROM dossiers WHERE code = ?", [code.strip().upper()]).fetchone()
    return row[0] if row else None


def get_dossier(db: Database, code: str) -> Dossier | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM dossiers WHERE code = ?", [code.strip().upper()]
    ).fetchone()
    return _dossier_from_row(row) if row else None


def get_receipt(db: Database, code: str) -> ReceiptData | None:
    row = db.execute(
        "SELECT receipt FROM dossiers WHERE code = ?", [code.strip().upper()]
    ).fetchone()
    return ReceiptData.from_dict(json.loads(row[0])) if row else None


def history(db: Database, dossier_row: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT id, at, actor, action, status, note, detail FROM dossier_history "
        "WHERE dossier = ? ORDER BY id", [dossier_row],
    )
    return [
        {"id": id_, "at": at, "actor": actor, "action": action, "status": status, "note": note,
         "detail": json.loads(detail) if detail else None}
        for id_, at, actor, action, status, note, detail in rows
    ]


def _step(at: str, action: str, status: int | None, detail: str | None) -> HistoryStep:
    return HistoryStep(
        at=parse_iso(at), action=action,
        status=DossierStatus(status) if status is not None else None,
        detail=json.loads(detail) if detail else {},
    )


def history_steps(db: Database, dossier_row: int) -> list[HistoryStep]:
    """A dossier's history as the rules read it, in the order of time (then of recording)."""
    rows = db.execute(
        "SELECT at, action, status, detail FROM dossier_history WHERE dossier = ? "
        "ORDER BY at, id", [dossier_row],
    )
    return [_step(*row) for row in rows]


def history_steps_of(db: Database, dossier_rows: Iterable[int]) -> dict[int, list[HistoryStep]]:
    """`history_steps` of many dossiers at once (row id → steps), for a report."""
    found: dict[int, list[HistoryStep]] = {}
    rows = list(dossier_rows)
    for start in range(0, len(rows), 500):
        chunk = rows[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for dossier, at, action, status, detail in db.execute(
            f"SELECT dossier, at, action, status, detail FROM dossier_history "
            f"WHERE dossier IN ({marks}) ORDER BY dossier, at, id", chunk,
        ):
            found.setdefault(dossier, []).append(_step(at, action, status, detail))
    return found


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for a search box: every folded word as a quoted prefix.

    Digits typed with separators may be a phone (0912 345 678, +84 912 345 678) or part of a
    code (260213-2001): both readings are searched.
    """
    stripped = text.strip()
    words = re.findall(r"\w+", fold(stripped))
    if not words:
        return None
    by_words = " ".join(f'"{w}"*' for w in words)
    if _DIGITS_RE.match(stripped) and (len(words) > 1 or stripped.startswith("+")):
        digits = "".join(words)
        if stripped.startswith("+84") or (digits.startswith("84") and len(digits) >= 11):
            digits = "0" + digits[2:]
        return f'"{digits}"* OR ({by_words})'
    return by_words


def find_dossiers(db: Database, text: str, limit: int = 50) -> list[Dossier]:
    """Newest first: a whole dossier code exactly, else every word as an accent-free prefix."""
    if looks_like_dossier_code(text):
        dossier = get_dossier(db, text)
        return [dossier] if dossier else []
    match = fts_query(text)
    if match is None:
        return []
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM dossiers WHERE id IN ("
        "  SELECT rowid FROM dossiers_fts WHERE dossiers_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
        ") ORDER BY id DESC",
        [match, limit],
    )
    return [_dossier_from_row(row) for row in rows]


DAY_LIST_SQL = (
    f"SELECT {_COLUMNS} FROM dossiers WHERE received_at >= ? AND received_at < ?"
    " AND (? IS NULL OR status = ?) AND (? IS NULL OR procedure_code = ?)"
    " AND (? IS NULL OR clerk = ?) ORDER BY received_at DESC, id DESC LIMIT ?"
)


def day_list(db: Database, day: date, *, status: int | None = None,
             procedure: str | None = None, clerk: str | None = None,
             limit: int = 500) -> list[Dossier]:
    """The dossiers received on `day` (local time), newest first, by status, procedure and
    receiving clerk when given. `received_at` is stored with the +07:00 offset, so the day's
    rows are one range of the `dossiers_received` index."""
    start, end = day.isoformat(), (day + timedelta(days=1)).isoformat()
    rows = db.execute(DAY_LIST_SQL, [start, end, status, status, procedure, procedure, clerk,
                                     clerk, limit])
    return [_dossier_from_row(row) for row in rows]


def day_clerks(db: Database, day: date) -> list[str]:
    """Who received dossiers on `day` (for the list's clerk filter)."""
    start, end = day.isoformat(), (day + timedelta(days=1)).isoformat()
    rows = db.execute("SELECT DISTINCT clerk FROM dossiers WHERE received_at >= ? AND "
                      "received_at < ? ORDER BY clerk", [start, end])
    return [row[0] for row in rows]


def open_dossiers(db: Database) -> list[Dossier]:
    """Every dossier still in the office's hands (received, processing, supplement, obligation)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM dossiers WHERE status IN (2, 4, 5, 6) "
        "ORDER BY due_at IS NULL, due_at, id"
    )
    return [_dossier_from_row(row) for row in rows]


def codes_received_since(db: Database, since_iso: str,
                         station_no: int | None = None) -> list[str]:
    """Codes received since then (by `station_no` alone: other counters' receipts are theirs)."""
    rows = db.execute(
        "SELECT code FROM dossiers WHERE received_at >= ?" + (
            "" if station_no is None else " AND station_no = ?") + " ORDER BY id",
        [since_iso, *([] if station_no is None else [station_no])],
    )
    return [row[0] for row in rows]


def count_dossiers(db: Database) -> int:
    return db.execute("SELECT count(*) FROM dossiers").fetchone()[0]

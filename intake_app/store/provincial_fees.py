"""The provincial People's Council's amounts (db/0014: `provincial_fees`, and every change in
`provincial_fee_changes`), laid over the catalogue's procedures whose fee the province sets."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlite_utils import Database

from ..domain.procedures import FeeKind, Procedure


@dataclass(frozen=True)
class ProvincialAmount:
    """The amount the supervisor entered for one procedure, and the resolution it follows."""

    procedure_code: str
    amount: int
    basis: str
    set_at: str
    set_by: str


@dataclass(frozen=True)
class AmountChange:
    procedure_code: str
    amount_before: int | None
    amount_after: int | None
    basis: str
    changed_at: str
    changed_by: str


def amounts(db: Database) -> dict[str, ProvincialAmount]:
    rows = db.execute("SELECT procedure_code, amount, basis, set_at, set_by "
                      "FROM provincial_fees").fetchall()
    return {row[0]: ProvincialAmount(*row) for row in rows}


def amount_of(db: Database, code: str) -> ProvincialAmount | None:
    row = db.execute("SELECT procedure_code, amount, basis, set_at, set_by FROM provincial_fees "
                     "WHERE procedure_code = ?", [code]).fetchone()
    return ProvincialAmount(*row) if row else None


def set_amount(db: Database, code: str, amount: int | None, basis: str, at: str,
               actor: str) -> AmountChange:
    """Set (or with None clear) a procedure's amount; the change is kept. Inside the caller's
    write transaction."""
    before = amount_of(db, code)
    if amount is None:
        db.execute("DELETE FROM provincial_fees WHERE procedure_code = ?", [code])
    else:
        db.execute("INSERT OR REPLACE INTO provincial_fees (procedure_code, amount, basis, "
                   "set_at, set_by) VALUES (?, ?, ?, ?, ?)", [code, amount, basis, at, actor])
    change = AmountChange(code, before.amount if before else None, amount, basis, at, actor)
    db.execute("INSERT INTO provincial_fee_changes (procedure_code, amount_before, amount_after, "
               "basis, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)",
               [code, change.amount_before, amount, basis, at, actor])
    return change


def changes(db: Database, code: str | None = None) -> list[AmountChange]:
    """Every change, newest first (of one procedure, or all)."""
    rows = db.execute(
        "SELECT procedure_code, amount_before, amount_after, basis, changed_at, changed_by "
        "FROM provincial_fee_changes WHERE (? IS NULL OR procedure_code = ?) ORDER BY id DESC",
        [code, code]).fetchall()
    return [AmountChange(*row) for row in rows]


def with_amount(procedure: Procedure, amount: ProvincialAmount | None) -> Procedure:
    """The procedure as the counter charges it: a provincial fee with the amount entered
    (its resolution as the fee's note); any other procedure as it is."""
    if amount is None or procedure.fee.kind != FeeKind.PROVINCIAL:
        return procedure
    return replace(procedure, fee=replace(procedure.fee, amount=amount.amount,
                                          note=amount.basis))

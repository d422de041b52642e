"""The procedure catalogue in the database: import, look-up, accent-free listing."""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from ..domain.clock import iso, now_vn
from ..domain.errors import InvalidInput
from ..domain.procedures import Procedure, parse_catalogue, procedure_from_dict, procedure_to_dict
from ..domain.text import fold
from ..json_files import CATALOGUE, read_json_file
from ..paths import resources_dir
from .provincial_fees import amount_of, amounts, with_amount

STARTER_CATALOGUE = "catalogue/procedures.json"


def read_catalogue_file(path: Path) -> list[Procedure]:
    """Read and check a catalogue file: UTF-8 (with or without a byte-order mark), at most
    `limits.CATALOGUE_FILE_BYTES`; raises FileRefused or CatalogueError (Vietnamese)."""
    return parse_catalogue(read_json_file(path, CATALOGUE))


def starter_catalogue() -> list[Procedure]:
    return read_catalogue_file(resources_dir() / STARTER_CATALOGUE)


def upsert_procedures(db: Database, procedures: list[Procedure]) -> tuple[int, int]:
    """Add new procedures and replace those with the same code; returns (added, replaced)."""
    existing = {row[0] for row in db.execute("SELECT code FROM procedures")}
    stamp = iso(now_vn())
    rows = [
        {
            "code": p.code,
            "name": p.name,
            "field_code": p.field_code,
            "field_name": p.field_name,
            "definition": json.dumps(procedure_to_dict(p), ensure_ascii=False),
            "folded": fold(f"{p.code} {p.name} {p.field_name}"),
            "updated_at": stamp,
        }
        for p in procedures
    ]
    db.table("procedures").upsert_all(rows, pk="code")
    replaced = sum(1 for p in procedures if p.code in existing)
    return len(procedures) - replaced, replaced


class StoredProcedureRefused(InvalidInput):
    """A procedure stored before the limits (issue 9) that no longer passes them."""


def _from_row(definition: str) -> Procedure:
    problems: list[str] = []
    procedure = procedure_from_dict(json.loads(definition), "procedure", problems)
    if procedure is None:
        raise StoredProcedureRefused(
            "Thủ tục này trong danh mục không còn hợp lệ; hãy nhập lại danh mục. "
            + " ".join(problems), "stored procedure fails the limits")
    return procedure


def get_procedure(db: Database, code: str) -> Procedure | None:
    """The procedure as the counter charges it (a provincial fee with the amount entered)."""
    row = db.execute("SELECT definition FROM procedures WHERE code = ?", [code]).fetchone()
    if not row:
        return None
    procedure = _from_row(row[0])
    return with_amount(procedure, amount_of(db, procedure.code))


def has_procedure(db: Database, code: str) -> bool:
    return db.execute("SELECT 1 FROM procedures WHERE code = ?", [code]).fetchone() is not None


def list_procedures(db: Database, search: str = "") -> list[Procedure]:
    """Procedures whose code or accent-free name contains every word of `search`."""
    words = fold(search).split()
    where = " AND ".join("folded LIKE ?" for _ in words) or "1"
    rows = db.execute(
        f"SELECT definition FROM procedures WHERE {where} ORDER BY field_name, code",
        [f"%{w}%" for w in words],
    )
    entered = amounts(db)
    procedures = []
    for (definition,) in rows:
        try:
            procedure = _from_row(definition)
        except StoredProcedureRefused:
            continue  # an entry stored before the limits: left out of the list, not fatal
        procedures.append(with_amount(procedure, entered.get(procedure.code)))
    return procedures

"""The dossiers of a period with their fee and recorded payment (the cash sheet's rows)."""

from __future__ import annotations

import json

from sqlite_utils import Database

from ..domain.cash_sheet import PaidDossier
from ..domain.clock import parse_iso
from ..domain.payment import Payment


def paid_dossiers(db: Database, start_iso: str, end_iso: str,
                  clerk: str | None = None) -> list[PaidDossier]:
    """Dossiers received in [start, end) (ISO instants), oldest first."""
    rows = db.execute(
        "SELECT code, received_at, clerk, procedure_name, json_extract(applicant, '$.name'), "
        "fee_total, payment FROM dossiers WHERE received_at >= ? AND received_at < ? "
        "AND (? IS NULL OR clerk = ?) ORDER BY received_at, id",
        [start_iso, end_iso, clerk, clerk]).fetchall()
    return [PaidDossier(code, parse_iso(at), who, procedure, name or "", fee,
                        Payment.from_dict(json.loads(payment)) if payment else None)
            for code, at, who, procedure, name, fee, payment in rows]

"""`intake-app correct CODE --json PATCH.json --reason TEXT`: correct a stamped dossier.

The patch names only what changes (README, "Correcting a dossier"; `domain.corrections`):
``{"applicant": {"name": "Nguyễn Văn Đức"}}``, ``{"documents": [...], "pages": 4}``,
``{"owner": null}``, ``{"delivery": "post"}``, ``{"note": "…"}``. The procedure and the received
time are never corrected (refuse the dossier and receive a new one). It prints what changed,
before and after, the fee before and after, and the new original receipt (issued again, the
earlier one kept in the receipt's history: `intake-app receipt CODE --issue 1`).
"""

from __future__ import annotations

import argparse
import sys

from ..desk import Desk
from ..domain.clock import iso
from .commands import OK, _read_json, emit


def add_parsers(sub: argparse._SubParsersAction) -> None:
    correct = sub.add_parser(
        "correct", help="correct a stamped dossier: the applicant's and owner's details, the "
        "papers and their counts, pages, delivery, note (not the procedure or the received "
        "time); the receipt is issued again")
    correct.add_argument("code")
    correct.add_argument("--json", required=True,
                         help="the patch: a JSON object with only what changes, or - for stdin")
    correct.add_argument("--reason", required=True,
                         help="why it is corrected (kept in the history and the log's seal)")
    correct.set_defaults(action=cmd_correct)


def cmd_correct(args: argparse.Namespace, desk: Desk) -> int:
    patch = _read_json(args.json)
    result = desk.correct(args.code, patch, reason=args.reason)
    dossier = result.dossier
    emit({
        "code": dossier.code,
        "version": dossier.version,
        "status": int(dossier.status),
        "changes": [change.as_dict() for change in result.changes],
        "fee": {"before": result.fee_before, "after": dossier.fee_total},
        "due_at": iso(dossier.due_at),
        "receipt": str(result.receipt_path) if result.receipt_path else None,
        "receipt_issue": result.receipt.issue,
        "superseded_parked_events": result.superseded,
        "recorded_beside_seal": result.log_corrected,
    })
    if result.receipt_error:
        # Saved means saved: exit 0; what is missing is said, not hidden.
        print(f"intake-app: đã lưu bản sửa của hồ sơ {dossier.code}, nhưng chưa in được giấy "
              f"tiếp nhận cấp lại: {result.receipt_error}; in lại bằng `intake-app receipt "
              f"{dossier.code} --out TỆP.pdf`.", file=sys.stderr)
    return OK

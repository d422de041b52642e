"""The original receipt is never lost (issue 11.5): printing it is recorded only when the print
job succeeded, and until then the original itself (unmarked) is what is printed again.

`to_print` answers "Ctrl+P" on a dossier: the kept original of its current receipt while that
issue was never printed (rebuilt if its file is missing), a copy marked BẢN SAO once it was
(`Desk.reprint_receipt`, recorded as a reprint). `record_printed` is called by the window
after the printer took the job: a history entry, the print row and the audit trail, in one
transaction. Receipts handed out before prints were recorded count as printed (db/0014).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.accounts import Permission
from ..domain.clock import iso
from ..store import dossiers
from ..store import receipt_prints as store
from ..store.db import write_transaction

if TYPE_CHECKING:
    from ..desk import Desk

ORIGINAL_NOTE = "In giấy tiếp nhận (bản gốc)"


@dataclass(frozen=True)
class ToPrint:
    """What Ctrl+P on a dossier prints: the original (`original`) or a copy, and its file."""

    path: Path
    original: bool
    issue: int


class ReceiptPrints:
    """Printing a dossier's receipt: original until printed, copies after."""

    def __init__(self, desk: Desk):
        self.desk = desk

    def _row(self, code: str) -> int:
        return self.desk._row(code)  # noqa: SLF001 - the desk's own look-up

    def original_printed(self, code: str, issue: int | None = None) -> bool:
        """Whether the original of the current receipt (or of `issue`) was printed."""
        receipt = self.desk.receipt(code)
        return store.is_printed(self.desk.db, self._row(receipt.code),
                                receipt.issue if issue is None else issue)

    def prints(self, code: str) -> list[store.ReceiptPrint]:
        return store.prints_of(self.desk.db, self._row(code))

    def to_print(self, code: str, copy_out: Path) -> ToPrint:
        """The original while it was never printed, else a copy written to `copy_out`."""
        receipt = self.desk.receipt(code)
        if not self.original_printed(receipt.code, receipt.issue):
            path = self.desk.receipt_path(receipt)
            if not path.exists():
                path = self.desk.write_receipt(receipt)  # lost in a cut: rebuilt as it was
            return ToPrint(path, True, receipt.issue)
        return ToPrint(self.desk.reprint_receipt(receipt.code, copy_out), False,
                       receipt.issue)

    def record_printed(self, code: str, issue: int, *, copies: int,
                       printer: str = "") -> bool:
        """The original of `issue` was printed (the printer took the job): recorded once;
        a second print of an original not yet marked printed is recorded too. Returns
        whether this was its first recorded print."""
        clerk = self.desk.require(Permission.PRINT_SLIP).display_name  # who printed it
        printer = printer[:200]
        with write_transaction(self.desk.db):
            dossier = self.desk.dossier(code)
            row = self._row(dossier.code)
            first = not store.is_printed(self.desk.db, row, issue)
            now = self.desk.station_clock.take_instant().at
            at = iso(now)
            store.add_print(self.desk.db, row, store.ReceiptPrint(issue, at, clerk, copies,
                                                                  printer))
            note = ORIGINAL_NOTE + (f" cấp lần {issue}" if issue > 1 else "") + \
                f", {copies} bản"
            dossiers.add_history(self.desk.db, row, at=at, actor=clerk,
                                 action="receipt_printed", note=note,
                                 detail={"issue": issue, "copies": copies, "printer": printer})
            self.desk.audit.record("receipt.printed", dossier.code, {
                "issue": issue, "copies": copies, "printer": printer, "first": first})
        return first

"""Fees at the counter (issue 11.7): the provincial council's amounts the supervisor enters, and
the cash hand-over sheet per day and per clerk.

`ProvincialFees.set_amount` stores the amount and its resolution for a procedure whose fee the
province sets (fee kind "provincial"); from then on the quote, the stamp and the receipt use it
(`store.catalogue` lays it over the catalogue). Each change is kept (before → after, who, when,
the resolution) and recorded in the audit trail. `CashSheets.write` draws the sheet's PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.accounts import Permission
from ..domain.cash_sheet import CashSheet, build_cash_sheet
from ..domain.clock import VN_TZ, iso
from ..domain.errors import InvalidInput, NotAllowed
from ..domain.limits import check_count, check_text, problems_message
from ..domain.procedures import FeeKind, Procedure
from ..store import catalogue, payments
from ..store import provincial_fees as store
from ..store.db import write_transaction
from ..store.provincial_fees import AmountChange, ProvincialAmount

if TYPE_CHECKING:
    from ..desk import Desk


@dataclass(frozen=True)
class ProvincialProcedure:
    """A procedure whose fee the province sets, with the amount entered (None: not yet)."""

    procedure: Procedure
    amount: ProvincialAmount | None


class ProvincialFees:
    """The amounts of the procedures whose fee the provincial People's Council sets."""

    def __init__(self, desk: Desk):
        self.desk = desk

    def procedures(self) -> list[ProvincialProcedure]:
        """Every catalogue procedure whose fee the province sets, with its amount if entered."""
        entered = store.amounts(self.desk.db)
        return [ProvincialProcedure(p, entered.get(p.code))
                for p in catalogue.list_procedures(self.desk.db)
                if p.fee.kind == FeeKind.PROVINCIAL]

    def missing(self) -> list[Procedure]:
        """The procedures whose amount is still to be entered."""
        return [item.procedure for item in self.procedures() if item.amount is None]

    def set_amount(self, code: str, amount: int | None, basis: str) -> AmountChange:
        """Enter (None: clear) the amount of `code`, with the resolution it follows: a
        supervisor's (the account is recorded)."""
        actor = self.desk.require(Permission.FEES).display_name
        problems: dict[str, str] = {}
        if amount is not None:
            _, problem = check_count("provincial_fee.amount", amount)
            if problem:
                problems["provincial_fee.amount"] = problem
        cleaned, problem = check_text("provincial_fee.basis", basis)
        if problem:
            problems["provincial_fee.basis"] = problem
        elif amount is not None and not cleaned:
            problems["provincial_fee.basis"] = ("ghi số, ngày của Nghị quyết của HĐND tỉnh quy "
                                                "định mức thu này (in trên giấy tiếp nhận).")
        if problems:
            raise InvalidInput(problems_message(problems), "provincial amount refused", problems)
        with write_transaction(self.desk.db):
            procedure = catalogue.get_procedure(self.desk.db, code)
            if procedure is None:
                raise InvalidInput(f"Không có thủ tục mã {code} trong danh mục.",
                                   f"no procedure {code}", {"procedure": "không có"})
            if procedure.fee.kind != FeeKind.PROVINCIAL:
                raise NotAllowed(f"Phí, lệ phí của thủ tục {code} không do HĐND tỉnh quy định: "
                                 "mức thu theo danh mục thủ tục.", "not a provincial fee")
            now = self.desk.station_clock.take_instant().at
            change = store.set_amount(self.desk.db, procedure.code, amount, cleaned or "",
                                      iso(now), actor)
            self.desk.audit.record("fee.provincial_set", procedure.code, {
                "before": change.amount_before, "after": change.amount_after,
                "basis": change.basis})
        return change

    def changes(self, code: str | None = None) -> list[AmountChange]:
        return store.changes(self.desk.db, code)


class CashSheets:
    """The cash hand-over sheet: per day and per clerk, as a PDF."""

    def __init__(self, desk: Desk):
        self.desk = desk

    def build(self, start: date, end: date | None = None, *, clerk: str | None = None,
              made_by: str = "") -> CashSheet:
        """The sheet of `clerk` (None: every clerk). A clerk may make their own sheet; the
        office's or another clerk's needs the right to read everyone's books (as the log)."""
        user = self.desk.user
        if user is not None and clerk and clerk == user.display_name:
            self.desk.require(Permission.OWN_LOG)
        else:
            self.desk.may_read(Permission.ALL_LOGS)
        end = end or start
        if end < start:
            raise InvalidInput("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.",
                               "end before start", {"end": "trước ngày bắt đầu"})
        station = self.desk.station
        since = datetime.combine(start, time(), VN_TZ)
        until = datetime.combine(end + timedelta(days=1), time(), VN_TZ)
        rows = payments.paid_dossiers(self.desk.db, iso(since), iso(until), clerk or None)
        return build_cash_sheet(
            rows, start=start, end=end, unit_name=station.unit_name,
            office_name=station.office_name, place_name=station.place_name,
            made_at=self.desk.clock(), made_by=made_by, clerk=clerk or None)

    def write(self, start: date, out: Path, end: date | None = None, *,
              clerk: str | None = None, made_by: str = "") -> Path:
        """Write the sheet's PDF to `out` (the output guard checked by the caller)."""
        from ..documents.cash_sheet_pdf import build_cash_sheet_pdf
        from ..documents.files import write_atomically

        sheet = self.build(start, end, clerk=clerk, made_by=made_by)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(out, build_cash_sheet_pdf(sheet))
        return out

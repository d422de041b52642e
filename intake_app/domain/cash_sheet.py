"""The cash hand-over sheet (bảng kê tiền phí, lệ phí): what each clerk took at the counter on
each day, to hand over to the unit's accountant or treasurer.

Built from the dossiers received in the period with the payment recorded at stamping
(`domain.payment`): cash is summed per clerk and day (the money to hand over); transfers and
online payments are counted beside it (already in the unit's account); exemptions and free
dossiers are counted with nothing to hand over. A dossier stamped before payments were
recorded counts as cash when it had a fee (what its receipt said then); one whose amount the
province had not set has nothing to hand over and is listed as such.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from .clock import to_vn
from .payment import Payment, PaymentMethod

IN_ACCOUNT = (PaymentMethod.BANK_TRANSFER, PaymentMethod.ONLINE)


@dataclass(frozen=True)
class PaidDossier:
    """One dossier of the sheet: who took it, what it cost, how it was paid."""

    code: str
    received_at: datetime
    clerk: str
    procedure_name: str
    applicant_name: str
    fee_total: int | None  # None: the province's amount was not set when stamped
    payment: Payment | None  # None: stamped before payments were recorded

    @property
    def method(self) -> PaymentMethod:
        if self.payment is not None:
            return self.payment.method
        return PaymentMethod.CASH if self.fee_total else PaymentMethod.NONE

    @property
    def cash(self) -> int:
        """The money this dossier brought to the clerk's drawer."""
        return (self.fee_total or 0) if self.method == PaymentMethod.CASH else 0


@dataclass(frozen=True)
class ClerkDay:
    """One clerk's dossiers of one day and their totals."""

    day: date
    clerk: str
    dossiers: tuple[PaidDossier, ...]

    @property
    def cash(self) -> int:
        return sum(d.cash for d in self.dossiers)

    @property
    def cash_count(self) -> int:
        return sum(1 for d in self.dossiers if d.method == PaymentMethod.CASH and d.fee_total)

    @property
    def in_account(self) -> int:
        return sum(d.fee_total or 0 for d in self.dossiers if d.method in IN_ACCOUNT)

    @property
    def in_account_count(self) -> int:
        return sum(1 for d in self.dossiers if d.method in IN_ACCOUNT)

    @property
    def exempt_count(self) -> int:
        return sum(1 for d in self.dossiers if d.method == PaymentMethod.EXEMPT)

    @property
    def free_count(self) -> int:
        return sum(1 for d in self.dossiers if d.method == PaymentMethod.NONE)

    @property
    def unset_count(self) -> int:
        """Dossiers whose fee the province had not set (nothing taken for them)."""
        return sum(1 for d in self.dossiers if d.fee_total is None)


@dataclass(frozen=True)
class CashSheet:
    """The sheet of a period (one day, usually), one clerk or all, per day and per clerk."""

    start: date
    end: date
    unit_name: str
    office_name: str
    place_name: str
    made_at: datetime
    made_by: str
    clerk: str | None = None  # only this clerk's dossiers
    groups: tuple[ClerkDay, ...] = field(default_factory=tuple)

    @property
    def cash(self) -> int:
        return sum(group.cash for group in self.groups)

    @property
    def in_account(self) -> int:
        return sum(group.in_account for group in self.groups)

    @property
    def dossier_count(self) -> int:
        return sum(len(group.dossiers) for group in self.groups)

    def days(self) -> list[date]:
        return sorted({group.day for group in self.groups})

    def clerks(self) -> list[str]:
        return sorted({group.clerk for group in self.groups})

    def clerk_cash(self, clerk: str) -> int:
        return sum(group.cash for group in self.groups if group.clerk == clerk)


def build_cash_sheet(dossiers: Iterable[PaidDossier], *, start: date, end: date,
                     unit_name: str, office_name: str, place_name: str, made_at: datetime,
                     made_by: str, clerk: str | None = None) -> CashSheet:
    """Group the period's dossiers by day, then clerk (in order), each group in stamp order."""
    groups: dict[tuple[date, str], list[PaidDossier]] = {}
    for dossier in sorted(dossiers, key=lambda d: d.received_at):
        day = to_vn(dossier.received_at).date()
        if not start <= day <= end or (clerk is not None and dossier.clerk != clerk):
            continue
        groups.setdefault((day, dossier.clerk), []).append(dossier)
    ordered = tuple(ClerkDay(day, name, tuple(items))
                    for (day, name), items in sorted(groups.items()))
    return CashSheet(start, end, unit_name, office_name, place_name, made_at, made_by, clerk,
                     ordered)

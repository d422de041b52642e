"""What the receipt and appointment slip (Mẫu 01) says, frozen at the moment of stamping.

The dossier keeps this record as JSON, so that a reprint shows exactly what the citizen was
handed, even after the catalogue, the unit's name or the fee rules changed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from .clock import parse_iso, parse_iso_or_none


@dataclass(frozen=True)
class ReceiptDocument:
    """One row of the component table: how many originals, certified copies, photocopies."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0


@dataclass(frozen=True)
class FeeLine:
    label: str
    amount: int | None  # VND; None when the province has not set the amount yet
    note: str = ""


@dataclass(frozen=True)
class ReceiptData:
    # Header
    unit_name: str  # e.g. "UBND xã Ưu Điềm" (line 1 of the header)
    office_name: str  # e.g. "BỘ PHẬN MỘT CỬA" (line 2 of the header)
    place_name: str  # e.g. "Ưu Điềm", for "Ưu Điềm, ngày 13 tháng 02 năm 2026"
    code: str  # dossier code (mã hồ sơ), printed as text, Code128 and QR
    # Who hands it in, and whose dossier it is
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    applicant_id_number: str
    owner_name: str  # empty when the applicant is the owner
    owner_address: str
    # What is asked
    procedure_code: str
    procedure_name: str
    documents: tuple[ReceiptDocument, ...]
    sets: int  # số lượng hồ sơ (bộ)
    processing_time_text: str  # e.g. "03 ngày làm việc"
    received_at: datetime
    due_at: datetime | None  # None: the procedure has no appointment date
    result_delivery_text: str  # where the result is received
    fees: tuple[FeeLine, ...] = field(default_factory=tuple)
    fee_total: int | None = 0
    payment_method: str = "Nộp trực tiếp tại Bộ phận Một cửa"
    ledger_book: str = ""  # Vào Sổ theo dõi hồ sơ, Quyển số …
    ledger_number: int = 0  # … Số thứ tự …
    clerk_name: str = ""
    # Which document the numbers are of (`id_documents.IdKind.label`): a passport is printed as
    # "Số hộ chiếu", an organisation's tax code as "Mã số thuế".
    applicant_id_label: str = "Số định danh cá nhân/CCCD"
    owner_id_label: str = ""
    owner_id_number: str = ""
    # Issued again after a correction (`domain.corrections`): the issue (1: the first receipt)
    # and what this one says about the one it replaces.
    issue: int = 1
    reissue_note: str = ""
    is_copy: bool = False  # a reprint: marked BẢN SAO

    def as_copy(self) -> ReceiptData:
        return replace(self, is_copy=True)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["received_at"] = self.received_at.isoformat()
        data["due_at"] = self.due_at.isoformat() if self.due_at else None
        data.pop("is_copy")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReceiptData:
        values = dict(data)
        values["documents"] = tuple(ReceiptDocument(**d) for d in values["documents"])
        values["fees"] = tuple(FeeLine(**f) for f in values.get("fees", ()))
        values["received_at"] = parse_iso(values["received_at"])
        values["due_at"] = parse_iso_or_none(values.get("due_at"))
        return cls(**values)


@dataclass(frozen=True)
class ReceiptIssue:
    """One receipt handed out for a dossier: the current original, or one a correction replaced."""

    receipt: ReceiptData
    issued_at: datetime
    replaced_at: datetime | None  # None: the current original

    @property
    def current(self) -> bool:
        return self.replaced_at is None

"""What the official slips issued after receipt say (domain.md §1, Mẫu 02–06).

Each slip is a frozen record built from the dossier and the step it answers, so that a reprint
says exactly what was handed out. The PDF layouts live in `documents/slips_pdf.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from .receipt import ReceiptDocument


class SlipKind(StrEnum):
    SUPPLEMENT = "supplement"  # Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)
    REFUSAL = "refusal"  # Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)
    # Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu 04 of TT 03/2025; the
    # "Phiếu xin lỗi và hẹn lại ngày trả kết quả" of TT 01/2018)
    APOLOGY = "apology"
    STOP = "stop"  # Thông báo dừng giải quyết hồ sơ (Mẫu 05 of TT 03/2025)
    CONTROL = "control"  # Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06; 05 of TT 01/2018)

    @property
    def title(self) -> str:  # type: ignore[override]  # the slip's title, not str.title()
        return SLIP_TITLES[self]

    @property
    def number_suffix(self) -> str:
        """The letters after the slip number, e.g. "12/HDHS"; empty for the control sheet."""
        return SLIP_NUMBER_SUFFIXES[self]


SLIP_TITLES: dict[SlipKind, str] = {
    SlipKind.SUPPLEMENT: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    SlipKind.REFUSAL: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    # The title of Annex I of Circular 03/2025/TT-VPCP (docs/official-sources.md §1).
    SlipKind.APOLOGY: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    SlipKind.STOP: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    SlipKind.CONTROL: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
}

SLIP_NUMBER_SUFFIXES: dict[SlipKind, str] = {
    SlipKind.SUPPLEMENT: "HDHS",
    SlipKind.REFUSAL: "TCHS",
    SlipKind.APOLOGY: "XLHS",
    SlipKind.STOP: "DGQ",
    SlipKind.CONTROL: "",
}


@dataclass(frozen=True)
class SlipHeader:
    """What every slip carries: the agency header, the dossier and the applicant."""

    unit_name: str  # "UBND phường Phong Quảng"
    office_name: str  # "BỘ PHẬN MỘT CỬA"
    place_name: str  # for "Phong Quảng, ngày … tháng … năm …"
    issued_at: datetime
    number: str  # "12/HDHS"; "" for the control sheet
    code: str  # mã hồ sơ (printed with a Code128)
    procedure_name: str  # nội dung yêu cầu giải quyết
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    received_at: datetime
    due_at: datetime | None  # the appointment in force when the slip is issued
    clerk_name: str  # who issues the slip (signs it)
    is_copy: bool = False
    # The commune whose People's Committee signs the letters (apology, stop), as the admin
    # units name it ("Phường Phong Quảng"); "" on slips issued before it was kept.
    committee_name: str = ""


@dataclass(frozen=True)
class SupplementSlip:
    """Mẫu 02: the papers to add or complete, and why."""

    header: SlipHeader
    documents: tuple[ReceiptDocument, ...]  # what must be supplied (may be empty: reason says)
    reason: str
    contact: str  # "Mọi thắc mắc xin liên hệ …" line: the counter and its phone, if known


@dataclass(frozen=True)
class RefusalSlip:
    """Mẫu 03: the unit does not receive or settle the dossier, with the concrete reason."""

    header: SlipHeader
    reason: str
    contact: str


@dataclass(frozen=True)
class ApologySlip:
    """Mẫu 04: apology for a late result and the new appointment."""

    header: SlipHeader
    original_due_at: datetime
    new_due_at: datetime
    reason: str  # why it is late
    responsible_unit: str  # the unit or person responsible for the delay
    signer_title: str  # "CHỦ TỊCH" / head of agency line above the signature


@dataclass(frozen=True)
class StopNotice:
    """Mẫu 05 (TT 03/2025): processing of the dossier is stopped, and why."""

    header: SlipHeader
    reason: str
    signer_title: str
    # The appointment the law gives (moved by supplement waits, never by an apology letter);
    # None on notices issued before it was kept (they print the header's appointment).
    statutory_due_at: datetime | None = None


class HandoverResult(StrEnum):
    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn

    @property
    def label(self) -> str:
        return {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}[self.value]


@dataclass(frozen=True)
class HandoverRow:
    """One hand-over of the dossier between two parties (a row of the control sheet)."""

    from_party: str  # "Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", "Công dân", …
    to_party: str
    at: datetime
    result: HandoverResult | None  # against the appointment in force; None for the first row
    note: str = ""
    # A step that is not a hand-over but belongs on the sheet: "apology" (the letter and the
    # new appointment) or "stop" (processing stopped); "" for a hand-over.
    event: str = ""


@dataclass(frozen=True)
class ControlSheet:
    """Mẫu 06 (05 of TT 01/2018): the dossier's journey, one row per hand-over, apology and
    stop."""

    header: SlipHeader
    rows: tuple[HandoverRow, ...] = field(default_factory=tuple)


Slip = SupplementSlip | RefusalSlip | ApologySlip | StopNotice | ControlSheet

SLIP_CLASSES: dict[SlipKind, type] = {
    SlipKind.SUPPLEMENT: SupplementSlip,
    SlipKind.REFUSAL: RefusalSlip,
    SlipKind.APOLOGY: ApologySlip,
    SlipKind.STOP: StopNotice,
    SlipKind.CONTROL: ControlSheet,
}


def slip_kind(slip: Slip) -> SlipKind:
    """Which of the five slips `slip` is."""
    for kind, cls in SLIP_CLASSES.items():
        if type(slip) is cls:
            return kind
    raise TypeError(f"not a slip: {type(slip).__name__}")

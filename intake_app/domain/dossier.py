"""A dossier as the counter knows it: who, what, which papers, when received and due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum

from .id_documents import IdKind
from .payment import Payment
from .procedures import DocForm
from .receipt import FeeLine
from .status import DossierStatus


class Channel(IntEnum):
    """KenhThucHien: how the dossier reached the unit."""

    IN_PERSON = 1
    ONLINE = 2
    POST = 3


class Delivery(StrEnum):
    """Where the citizen receives the result (HinhThuc 0 at the counter, 1 by post)."""

    COUNTER = "counter"
    POST = "post"

    @property
    def portal_value(self) -> int:
        return 1 if self is Delivery.POST else 0


class PartyKind(IntEnum):
    """LoaiDoiTuong."""

    CITIZEN = 1
    ORGANISATION = 2


@dataclass(frozen=True)
class Party:
    """The applicant (người nộp) or the dossier's owner (chủ hồ sơ)."""

    name: str
    id_number: str | None = None
    birth_date: date | None = None
    gender: str | None = None  # "nam" | "nữ"
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    province_code: str | None = None
    commune_code: str | None = None
    kind: PartyKind = PartyKind.CITIZEN
    id_kind: IdKind = IdKind.CCCD  # which document `id_number` is the number of
    old_id_number: str | None = None  # the old 9-digit CMND, as a chip card's QR code keeps it

    @property
    def id_label(self) -> str:
        """'Số định danh cá nhân/CCCD', 'Số hộ chiếu', 'Mã số thuế': what is printed before the
        number."""
        return self.id_kind.label


@dataclass(frozen=True)
class DocumentLine:
    """One paper handed in: its name, form, number of copies and pages."""

    name: str
    form: DocForm
    copies: int = 1
    pages: int | None = None
    component_code: str = ""


@dataclass(frozen=True)
class IntakeDraft:
    """A checked intake request: everything the clerk entered, before stamping."""

    procedure_code: str
    applicant: Party
    owner: Party | None
    documents: tuple[DocumentLine, ...]
    pages: int = 1
    sets: int = 1
    channel: Channel = Channel.IN_PERSON
    delivery: Delivery = Delivery.COUNTER
    note: str = ""
    payment: Payment | None = None  # None: the default for the fee (cash, or none if free)


@dataclass(frozen=True)
class Dossier:
    """A stamped dossier, as stored."""

    dossier_id: str
    code: str
    station_no: int
    procedure_code: str
    procedure_name: str
    field_code: str
    field_name: str
    applicant: Party
    owner: Party | None
    documents: tuple[DocumentLine, ...]
    pages: int
    sets: int
    channel: Channel
    delivery: Delivery
    note: str
    received_at: datetime
    due_at: datetime | None
    status: DossierStatus
    version: int
    clerk: str
    fee_total: int | None
    fee_lines: tuple[FeeLine, ...] = field(default_factory=tuple)
    ledger_book: str = ""
    ledger_number: int = 0
    returned_at: datetime | None = None
    processing_unit: str | None = None
    # The appointment reports judge against: shifted by supplement waits, not by apologies.
    statutory_due_at: datetime | None = None
    supplement_count: int = 0
    supplement_requested_at: datetime | None = None  # set while waiting for a supplement
    finished_at: datetime | None = None  # first of done, returned, refused, withdrawn, stopped
    # How the fee is paid, as recorded at the counter; None for dossiers stamped before
    # payments were recorded (their receipt says what it said then).
    payment: Payment | None = None
    # Cơ quan chủ trì giải quyết: the procedure's lead unit at stamping ("" before it was kept).
    lead_unit: str = ""

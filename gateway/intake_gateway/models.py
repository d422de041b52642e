"""Pydantic models of the contract's documents, for the OpenAPI description.

The batch endpoint reads its body itself (gzip, size cap, per-event rejection codes), so
`BatchEnvelope` documents the request rather than validating it; the answers are built as
plain dicts matching these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
STAMP_PATTERN = r"^[0-9]{14}$"
CODE_PATTERN = r"^\S+-[0-9]{6}-[0-9]{4}$"


class Error(BaseModel):
    error: str = Field(description="machine-readable code, e.g. invalid_envelope, too_large")
    message: str = Field(description="what is wrong, for a person")


class Health(BaseModel):
    status: Literal["ok"]
    server_time: str = Field(description="ISO 8601 with offset")


class Document(BaseModel):
    model_config = ConfigDict(extra="allow")
    TenTepDinhKem: str
    MaThanhPhanHoSo: str | None
    SoLuong: int = Field(ge=0)
    LoaiBan: int = Field(ge=0, le=2, description="0 original, 1 copy, 2 electronic")


class Fee(BaseModel):
    model_config = ConfigDict(extra="allow")
    TenPhiLePhi: str
    Gia: int = Field(ge=0, description="VND")


class Snapshot(BaseModel):
    """The full dossier after the change (DongBoHoSoMC field names); every key present."""

    model_config = ConfigDict(extra="allow")
    MaHoSo: str = Field(
        pattern=CODE_PATTERN, examples=["000.00.12.H56-251123-2007"],
        description="<batch unit_code>-<yyMMdd>-<batch station_no><nnn>: a code of the "
        "batch's own station, yyMMdd a real date, nnn 001-999 (otherwise the event is "
        "rejected as malformed)")
    MaTTHC: str = Field(min_length=1)
    TenTTHC: str = Field(min_length=1)
    MaLinhVuc: str | None
    TenLinhVuc: str | None
    KenhThucHien: Literal[1, 2, 3]
    ChuHoSo: str = Field(min_length=1)
    LoaiDoiTuong: Literal[1, 2]
    MaDoiTuong: str | None
    LoaiGiayTo: Literal[0, 1, 2, 3] | None = Field(
        default=None, description="optional (absent or null: not said): which document "
        "MaDoiTuong is the number of: 0 "
        "none (MaDoiTuong null), 1 CCCD/căn cước (12 digits), 2 passport (6-9 capital letters "
        "and digits), 3 tax code (10 digits, or 10-3 for a branch)")
    SoDienThoai: str | None
    Email: str | None
    DiaChi: str | None
    TrichYeuHoSo: str | None
    NgayTiepNhan: str = Field(pattern=STAMP_PATTERN, description="yyyyMMddHHmmss")
    NgayHenTra: str | None = Field(pattern=STAMP_PATTERN)
    NgayTra: str | None = Field(pattern=STAMP_PATTERN)
    TrangThaiHoSo: int = Field(ge=1, le=10)
    HinhThuc: Literal[0, 1]
    DonViXuLy: str | None
    GhiChu: str | None
    TaiLieuNop: list[Document]
    DanhSachLePhi: list[Fee]


class Progress(BaseModel):
    model_config = ConfigDict(extra="allow")
    NguoiXuLy: str
    ThoiDiemXuLy: str = Field(pattern=STAMP_PATTERN)
    NoiDungXuLy: str | None
    TrangThai: int = Field(ge=1, le=10)


class Event(BaseModel):
    model_config = ConfigDict(extra="allow")
    event_id: str = Field(pattern=UUID_PATTERN)
    dossier_id: str = Field(pattern=UUID_PATTERN)
    version: int = Field(ge=1, le=2**31 - 1)
    kind: Literal["received", "updated", "status_changed", "returned", "voided"]
    occurred_at: str = Field(json_schema_extra={"format": "date-time"},
                             description="ISO 8601 with offset")
    actor: str
    dossier: Snapshot
    progress: Progress | None = Field(description="null for received, the step otherwise")


class ChainPoint(BaseModel):
    count: int = Field(ge=0, description="number of audit records")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="the hash of record `count`")


class AuditHead(ChainPoint):
    """The station's audit chain head (optional): its count and latest hash, and the count
    the gateway last acknowledged with the hash the chain holds at that count now."""

    acknowledged: ChainPoint | None = None


class BatchEnvelope(BaseModel):
    """POST /v1/batches body; may be sent with Content-Encoding: gzip; at most 5 MiB."""

    model_config = ConfigDict(extra="allow")
    batch_id: str = Field(pattern=UUID_PATTERN)
    unit_code: str = Field(min_length=1, examples=["000.00.12.H56"])
    station_no: int = Field(ge=1, le=9)
    app_version: str
    sent_at: str = Field(json_schema_extra={"format": "date-time"}, description="ISO 8601")
    events: list[Event] = Field(max_length=500)
    audit_head: AuditHead | None = Field(
        None, description="optional: the station's audit chain head; a mismatch with the "
        "heads sent before is flagged for the province, never refused")


class EventResult(BaseModel):
    event_id: str | None = Field(description="as sent; null when the event had no text event_id")
    status: Literal["accepted", "duplicate", "rejected"]
    code: str | None = Field(
        None,
        description="when rejected: malformed (the message names the field, e.g. a MaHoSo "
        "that is not a code of the batch's station), not_nfc, unknown_procedure, "
        "code_conflict, version_conflict, foreign_dossier (the dossier belongs to another "
        "station), or a gateway's own code",
    )
    message: str | None = None


class BatchResult(BaseModel):
    batch_id: str
    server_time: str
    results: list[EventResult]


class Update(BaseModel):
    update_id: str
    dossier_id: str
    MaHoSo: str
    TrangThaiHoSo: int = Field(ge=1, le=10)
    at: str
    by: str
    note: str


class UpdatesPage(BaseModel):
    updates: list[Update]
    next_cursor: str | None


class Summary(BaseModel):
    events: int
    dossiers: int
    highest_by_day: dict[str, int] | None = Field(
        None, description="only with ?codes=true: the highest daily sequence of the station's "
        "dossiers per local day yyMMdd (a restored station continues above it)")


class UpdateRequest(BaseModel):
    """What the province posts about one dossier (admin token only)."""

    MaHoSo: str = Field(min_length=1)
    TrangThaiHoSo: int = Field(ge=1, le=10)
    note: str = ""
    by: str = Field("province", min_length=1)


class UpdatePosted(BaseModel):
    update_id: str


class AuditFlag(BaseModel):
    seq: int
    unit_code: str
    station_no: int
    batch_id: str
    kind: Literal["malformed_head", "rewritten", "shortened", "unknown_acknowledgement"]
    message: str
    detail: dict
    flagged_at: str


class AuditFlags(BaseModel):
    flags: list[AuditFlag]

"""Outbox events in the station ↔ gateway contract (docs/sync-protocol.md, Events).

Every change the province must know becomes an event carrying the full dossier snapshot, with
the national portal's field names, so that any single event is enough to rebuild the dossier.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime
from enum import StrEnum
from typing import Any

from .clock import iso, portal_stamp
from .dossier import Dossier
from .id_documents import fits
from .procedures import DocForm


class EventKind(StrEnum):
    RECEIVED = "received"
    UPDATED = "updated"
    STATUS_CHANGED = "status_changed"
    RETURNED = "returned"
    VOIDED = "voided"


# LoaiBan in TaiLieuNop: 0 original, 1 copy (certified or photocopy), as the portal's adapters use.
_LOAI_BAN = {DocForm.ORIGINAL: 0, DocForm.CERTIFIED_COPY: 1, DocForm.PHOTOCOPY: 1}


def new_uuid() -> str:
    """A lowercase hyphenated UUID, the contract's form for every identifier."""
    return str(uuid.uuid4())


def summary_line(dossier: Dossier) -> str:
    """TrichYeuHoSo: the one-line gist of the dossier."""
    return f"{dossier.procedure_name} - {dossier.applicant.name}"


def dossier_snapshot(dossier: Dossier) -> dict[str, Any]:
    """The full `dossier` object of an event: every key present, dates as yyyyMMddHHmmss."""
    owner = dossier.owner or dossier.applicant
    copies: Counter[tuple[str, DocForm, str]] = Counter()
    for doc in dossier.documents:
        copies[(doc.name, doc.form, doc.component_code)] += doc.copies
    return {
        "MaHoSo": dossier.code,
        "MaTTHC": dossier.procedure_code,
        "TenTTHC": dossier.procedure_name,
        "MaLinhVuc": dossier.field_code or None,
        "TenLinhVuc": dossier.field_name or None,
        "KenhThucHien": int(dossier.channel),
        "ChuHoSo": owner.name,
        "LoaiDoiTuong": int(owner.kind),
        "MaDoiTuong": owner.id_number,
        # Which document MaDoiTuong is the number of (0 none, 1 CCCD, 2 passport, 3 tax code):
        # a compatible addition to the contract (docs/sync-protocol.md).
        "LoaiGiayTo": (owner.id_kind.portal_value
                       if fits(owner.id_kind, owner.id_number) else None),
        "SoDienThoai": dossier.applicant.phone,
        "Email": dossier.applicant.email,
        "DiaChi": owner.address,
        "TrichYeuHoSo": summary_line(dossier),
        "NgayTiepNhan": portal_stamp(dossier.received_at),
        "NgayHenTra": portal_stamp(dossier.due_at),
        "NgayTra": portal_stamp(dossier.returned_at),
        "TrangThaiHoSo": int(dossier.status),
        "HinhThuc": dossier.delivery.portal_value,
        "DonViXuLy": dossier.processing_unit,
        "GhiChu": dossier.note or None,
        "TaiLieuNop": [
            {
                "TenTepDinhKem": name,
                "MaThanhPhanHoSo": code or None,
                "SoLuong": count,
                "LoaiBan": _LOAI_BAN[form],
            }
            for (name, form, code), count in copies.items()
        ],
        "DanhSachLePhi": [
            {"TenPhiLePhi": line.label, "Gia": line.amount}
            for line in dossier.fee_lines
            if line.amount is not None
        ],
        # The station's own key (the portal's DongBoHoSoMC has none for it): how the fee is
        # paid, as the counter recorded it; null for dossiers stamped before it was recorded.
        "ThanhToan": (
            {"PhuongThuc": dossier.payment.method.value,
             "LyDoMien": dossier.payment.exempt_reason or None}
            if dossier.payment else None
        ),
    }


def make_event(
    dossier: Dossier,
    kind: EventKind,
    *,
    occurred_at: datetime,
    actor: str,
    progress: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A new outbox event for `dossier` at its current `version`."""
    return {
        "event_id": new_uuid(),
        "dossier_id": dossier.dossier_id,
        "version": dossier.version,
        "kind": kind.value,
        "occurred_at": iso(occurred_at),
        "actor": actor,
        "dossier": dossier_snapshot(dossier),
        "progress": progress,
    }


def progress_entry(actor: str, at: datetime, content: str, status: int) -> dict[str, Any]:
    """The CapNhatTienDoHoSoMC-like `progress` of an event."""
    return {
        "NguoiXuLy": actor,
        "ThoiDiemXuLy": portal_stamp(at),
        "NoiDungXuLy": content,
        "TrangThai": status,
    }

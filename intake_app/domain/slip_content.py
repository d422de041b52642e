"""What each official slip says, built from the dossier and the step it answers.

A slip answers one recorded step (the history entry of a supplement request, a refusal, an
apology or a stop); the control sheet answers the whole journey. The record is frozen as JSON
when first issued, so a reprint says the same thing under the same number.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from .clock import parse_iso
from .dossier import Dossier, Party
from .errors import NotFound
from .formatting import day_time_vn
from .procedures import DocForm
from .receipt import ReceiptDocument
from .slips import (
    SLIP_CLASSES,
    ApologySlip,
    ControlSheet,
    HandoverResult,
    HandoverRow,
    RefusalSlip,
    Slip,
    SlipHeader,
    SlipKind,
    StopNotice,
    SupplementSlip,
)
from .station import StationSettings

# The history action each numbered slip answers.
STEP_OF_SLIP: dict[SlipKind, str] = {
    SlipKind.SUPPLEMENT: "supplement_requested",
    SlipKind.REFUSAL: "refused",
    SlipKind.APOLOGY: "apology",
    SlipKind.STOP: "stopped",
}

# The slip a clerk usually prints right after a step (history action → slip).
SLIP_AFTER_STEP: dict[str, SlipKind] = {
    **{action: kind for kind, action in STEP_OF_SLIP.items()},
    "handed_over": SlipKind.CONTROL,  # the control sheet travels with the dossier
}

DEFAULT_SIGNER_TITLE = "CHỦ TỊCH"

class NoSuchStep(NotFound):
    """The dossier never took the step this slip answers; the message is for the clerk."""


def missing_step_message(kind: SlipKind) -> str:
    return {
        SlipKind.SUPPLEMENT: "Hồ sơ chưa có yêu cầu bổ sung nào: chưa thể in phiếu yêu cầu "
                             "bổ sung.",
        SlipKind.REFUSAL: "Hồ sơ không bị từ chối tiếp nhận: không có phiếu từ chối để in.",
        SlipKind.APOLOGY: "Hồ sơ chưa được hẹn lại ngày trả: hãy hẹn lại ngày trước khi in "
                          "phiếu xin lỗi.",
        SlipKind.STOP: "Hồ sơ không bị dừng giải quyết: không có thông báo dừng để in.",
        SlipKind.CONTROL: "",
    }[kind]


def printable_slips(history: Iterable[Mapping[str, Any]]) -> set[SlipKind]:
    """The slips whose step is in the history (the control sheet always)."""
    actions = {entry["action"] for entry in history}
    return {kind for kind in SlipKind
            if kind == SlipKind.CONTROL or STEP_OF_SLIP[kind] in actions}


def last_step(history: Sequence[Mapping[str, Any]], kind: SlipKind) -> Mapping[str, Any]:
    """The latest history entry the slip of `kind` answers."""
    action = STEP_OF_SLIP[kind]
    for entry in reversed(history):
        if entry["action"] == action:
            return entry
    raise NoSuchStep(missing_step_message(kind))


def contact_line(station: StationSettings, phone: str = "") -> str:
    line = f"Mọi thắc mắc xin liên hệ {station.office_name} - {station.unit_name}"
    return f"{line}, điện thoại {phone}." if phone else f"{line}."


def slip_header(
    dossier: Dossier, station: StationSettings, *, issued_at: datetime, number: str, clerk: str,
    address_of: Callable[[Party], str] | None = None, committee_name: str = "",
) -> SlipHeader:
    """What every slip carries; `address_of` gives the applicant's full address (with the
    commune and province picked from the lists), `committee_name` the commune's name."""
    applicant = dossier.applicant
    return SlipHeader(
        unit_name=station.unit_name,
        office_name=station.office_name,
        place_name=station.place_name,
        issued_at=issued_at,
        number=number,
        code=dossier.code,
        procedure_name=dossier.procedure_name,
        applicant_name=applicant.name,
        applicant_address=(address_of(applicant) if address_of else applicant.address) or "",
        applicant_phone=applicant.phone or "",
        applicant_email=applicant.email or "",
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        clerk_name=clerk,
        committee_name=committee_name,
    )


def _event_row(entry: Mapping[str, Any]) -> HandoverRow | None:
    """The control sheet's row for an apology letter or a stop, None for any other step."""
    detail = entry.get("detail") or {}
    at = parse_iso(entry["at"])
    if entry["action"] == "apology":
        new_due = parse_iso(detail["new_due_at"])
        original = parse_iso(detail["original_due_at"])
        note = f"Hẹn trả mới: {day_time_vn(new_due)}. Lý do: {detail.get('reason', '')}"
        return HandoverRow(from_party=detail.get("responsible", ""), to_party="", at=at,
                           result=HandoverResult.LATE if at > original else None,
                           note=note, event="apology")
    if entry["action"] == "stopped":
        result = detail.get("result")
        return HandoverRow(from_party="", to_party="", at=at,
                           result=HandoverResult(result) if result else None,
                           note=detail.get("reason", ""), event="stop")
    return None


def handover_rows(history: Sequence[Mapping[str, Any]]) -> tuple[HandoverRow, ...]:
    """One row per recorded hand-over (steps whose detail names who gave and who took), and
    one for each apology letter and stop."""
    rows = []
    for entry in history:
        detail = entry.get("detail") or {}
        event = _event_row(entry)
        if event is not None:
            rows.append(event)
            continue
        if "to_party" not in detail:
            continue
        result = detail.get("result")
        rows.append(HandoverRow(
            from_party=detail.get("from_party", ""),
            to_party=detail["to_party"],
            at=parse_iso(entry["at"]),
            result=HandoverResult(result) if result else None,
            note=detail.get("reason", ""),
        ))
    return tuple(rows)


def requested_document(item: str | Mapping[str, Any],
                       known: Mapping[str, ReceiptDocument]) -> ReceiptDocument:
    """A row of the supplement slip's table for one requested paper of the history.

    The clerk's form and count win; what the clerk did not say comes from the procedure's
    component of that name, else one original. (Steps recorded before forms and counts were
    kept hold only the name.)

    >>> requested_document({"name": "Giấy chứng sinh", "form": "ban_sao", "copies": 2}, {})
    ReceiptDocument(name='Giấy chứng sinh', originals=0, certified_copies=2, photocopies=0)
    >>> requested_document("Tờ khai", {"Tờ khai": ReceiptDocument("Tờ khai", photocopies=3)})
    ReceiptDocument(name='Tờ khai', originals=0, certified_copies=0, photocopies=3)
    """
    if isinstance(item, str):
        return known.get(item, ReceiptDocument(item, originals=1))
    name = item["name"]
    usual = known.get(name)
    form = DocForm(item["form"]) if item.get("form") else None
    copies = item.get("copies")
    if usual is not None and form is None:
        if copies is None:
            return usual
        form = (DocForm.ORIGINAL if usual.originals else DocForm.CERTIFIED_COPY
                if usual.certified_copies else DocForm.PHOTOCOPY)
    form = form or DocForm.ORIGINAL
    if copies is None:
        copies = {DocForm.ORIGINAL: usual.originals, DocForm.CERTIFIED_COPY:
                  usual.certified_copies, DocForm.PHOTOCOPY: usual.photocopies}[form] \
            if usual is not None else 0
        copies = copies or 1
    return ReceiptDocument(
        name,
        originals=copies if form == DocForm.ORIGINAL else 0,
        certified_copies=copies if form == DocForm.CERTIFIED_COPY else 0,
        photocopies=copies if form == DocForm.PHOTOCOPY else 0,
    )


def build_slip(
    kind: SlipKind,
    dossier: Dossier,
    station: StationSettings,
    history: Sequence[Mapping[str, Any]],
    *,
    issued_at: datetime,
    number: str,
    clerk: str,
    phone: str = "",
    signer_title: str = DEFAULT_SIGNER_TITLE,
    known_documents: Mapping[str, ReceiptDocument] | None = None,
    address_of: Callable[[Party], str] | None = None,
    committee_name: str = "",
) -> Slip:
    """The slip of `kind` for `dossier`, answering its latest matching step.

    A slip answering a step is dated by that step (a supplement requested on Monday and
    printed on Tuesday says Monday); the control sheet is dated the day it is printed.
    """
    if kind == SlipKind.CONTROL:
        header = slip_header(dossier, station, issued_at=issued_at, number=number, clerk=clerk,
                             address_of=address_of, committee_name=committee_name)
        return ControlSheet(header, handover_rows(history))
    step = last_step(history, kind)
    header = slip_header(dossier, station, issued_at=parse_iso(step["at"]), number=number,
                         clerk=clerk, address_of=address_of, committee_name=committee_name)
    detail = step.get("detail") or {}
    reason = detail.get("reason", "")
    if kind == SlipKind.SUPPLEMENT:
        known = known_documents or {}
        # "papers" holds each paper's form and count; steps recorded before it, names only.
        items = detail.get("papers", detail.get("documents", []))
        documents = tuple(requested_document(item, known) for item in items)
        return SupplementSlip(header, documents, reason, contact_line(station, phone))
    if kind == SlipKind.REFUSAL:
        return RefusalSlip(header, reason, contact_line(station, phone))
    if kind == SlipKind.APOLOGY:
        return ApologySlip(
            header,
            original_due_at=parse_iso(detail["original_due_at"]),
            new_due_at=parse_iso(detail["new_due_at"]),
            reason=reason,
            responsible_unit=detail.get("responsible", ""),
            signer_title=signer_title,
        )
    return StopNotice(header, reason, signer_title, statutory_due_at=dossier.statutory_due_at)


# ---- frozen JSON form ------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def slip_to_dict(slip: Slip) -> dict[str, Any]:
    return _plain(dataclasses.asdict(slip))


def _revive(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"$dt"}:
        return parse_iso(value["$dt"])
    return value


def slip_from_dict(kind: SlipKind, data: Mapping[str, Any]) -> Slip:
    values = {k: _revive(v) for k, v in data.items()}
    header_values = {k: _revive(v) for k, v in values.pop("header").items()}
    values["header"] = SlipHeader(**header_values)
    if kind == SlipKind.SUPPLEMENT:
        values["documents"] = tuple(ReceiptDocument(**d) for d in values["documents"])
    if kind == SlipKind.CONTROL:
        values["rows"] = tuple(
            HandoverRow(**{
                **{k: _revive(v) for k, v in row.items()},
                "result": HandoverResult(row["result"]) if row["result"] else None,
            })
            for row in values["rows"]
        )
    return SLIP_CLASSES[kind](**values)

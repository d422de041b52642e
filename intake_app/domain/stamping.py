"""Stamping: turning a checked intake draft into a dossier and the receipt handed out for it.

The store supplies the numbers (daily sequence, ledger number) inside its write transaction;
everything else is decided here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime

from .calendar import WorkCalendar
from .clock import to_vn
from .dossier import Delivery, DocumentLine, Dossier, IntakeDraft, Party
from .dossier_code import format_dossier_code
from .fees import FeeItem, FeeResult, compute_fee
from .formatting import processing_time_text
from .intake import IntakeError
from .payment import PaymentMismatch, settle
from .procedures import DocForm, Procedure
from .receipt import ReceiptData, ReceiptDocument
from .station import StationSettings
from .status import DossierStatus


def ledger_book(station: StationSettings, received_at: datetime) -> str:
    """The dossier log book (sổ theo dõi) a station writes in: one per station per year."""
    return f"{station.station_no:02d}/{to_vn(received_at).year}"


def fee_for(procedure: Procedure, draft: IntakeDraft) -> FeeResult:
    return fee_for_documents(procedure, draft.documents, draft.pages)


def fee_for_documents(
    procedure: Procedure, documents: Iterable[DocumentLine], default_pages: int = 1,
) -> FeeResult:
    """The fee of these document lines; a line without its own page count has `default_pages`."""
    items = [FeeItem(d.form, d.copies, d.pages or default_pages) for d in documents]
    return compute_fee(procedure.fee, items)


def due_for(calendar: WorkCalendar, procedure: Procedure, received_at: datetime):
    return calendar.due_at(received_at, procedure.time)


def stamp(
    draft: IntakeDraft,
    procedure: Procedure,
    station: StationSettings,
    *,
    dossier_id: str,
    received_at: datetime,
    day_seq: int,
    ledger_number: int,
    calendar: WorkCalendar,
    clerk: str,
) -> Dossier:
    """The stamped dossier: code, received instant, due instant, fee, ledger entry, status 2.

    Raises IntakeError when the payment given does not fit the fee (nothing is stamped).
    """
    fee = fee_for(procedure, draft)
    try:
        payment = settle(draft.payment, fee.total)
    except PaymentMismatch as exc:
        raise IntakeError({"payment.method": str(exc)}) from None
    day: date = to_vn(received_at).date()
    due_at = due_for(calendar, procedure, received_at)
    return Dossier(
        dossier_id=dossier_id,
        code=format_dossier_code(station.unit_code, day, station.station_no, day_seq),
        station_no=station.station_no,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        field_code=procedure.field_code,
        field_name=procedure.field_name,
        applicant=draft.applicant,
        owner=draft.owner,
        documents=draft.documents,
        pages=draft.pages,
        sets=draft.sets,
        channel=draft.channel,
        delivery=draft.delivery,
        note=draft.note,
        received_at=received_at,
        due_at=due_at,
        statutory_due_at=due_at,
        status=DossierStatus.RECEIVED,
        version=1,
        clerk=clerk,
        fee_total=fee.total,
        fee_lines=fee.lines,
        ledger_book=ledger_book(station, received_at),
        ledger_number=ledger_number,
        payment=payment,
        lead_unit=procedure.lead_unit or station.unit_name,
    )


def receipt_documents(dossier: Dossier) -> tuple[ReceiptDocument, ...]:
    """One table row per paper name, with its counts of originals, copies and photocopies."""
    counts: dict[str, dict[DocForm, int]] = defaultdict(lambda: defaultdict(int))
    for doc in dossier.documents:
        counts[doc.name][doc.form] += doc.copies
    return tuple(
        ReceiptDocument(
            name=name,
            originals=by_form[DocForm.ORIGINAL],
            certified_copies=by_form[DocForm.CERTIFIED_COPY],
            photocopies=by_form[DocForm.PHOTOCOPY],
        )
        for name, by_form in counts.items()
    )


AddressOf = Callable[[Party], str]


def street_address(party: Party) -> str:
    """A party's address as typed (without the commune and province picked from the lists)."""
    return party.address or ""


def result_delivery_text(dossier: Dossier, station: StationSettings,
                         address_of: AddressOf = street_address) -> str:
    if dossier.delivery == Delivery.POST:
        party = dossier.owner if dossier.owner and dossier.owner.address else dossier.applicant
        return f"Qua dịch vụ bưu chính công ích, đến địa chỉ: {address_of(party)}"
    return f"{station.office_name} - {station.unit_name}"


def build_receipt(dossier: Dossier, procedure: Procedure, station: StationSettings,
                  address_of: AddressOf = street_address) -> ReceiptData:
    """What Mẫu 01 says for this dossier, frozen at stamping.

    `address_of` gives a party's full address (with the commune and province picked from the
    administrative units, whose names the store knows); the payment line is the recorded one.
    """
    applicant = dossier.applicant
    owner = dossier.owner
    payment = dossier.payment.text if dossier.payment else ReceiptData.payment_method
    return ReceiptData(
        unit_name=station.unit_name,
        office_name=station.office_name,
        place_name=station.place_name,
        code=dossier.code,
        applicant_name=applicant.name,
        applicant_address=address_of(applicant),
        applicant_phone=applicant.phone or "",
        applicant_email=applicant.email or "",
        applicant_id_number=applicant.id_number or "",
        applicant_id_label=applicant.id_label,
        owner_name=owner.name if owner else "",
        owner_address=address_of(owner) if owner else "",
        owner_id_label=owner.id_label if owner and owner.id_number else "",
        owner_id_number=(owner.id_number or "") if owner else "",
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        documents=receipt_documents(dossier),
        sets=dossier.sets,
        processing_time_text=processing_time_text(procedure.time),
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        result_delivery_text=result_delivery_text(dossier, station, address_of),
        fees=dossier.fee_lines,
        fee_total=dossier.fee_total,
        payment_method=payment,
        ledger_book=dossier.ledger_book,
        ledger_number=dossier.ledger_number,
        clerk_name=dossier.clerk,
    )


def component_documents(procedure: Procedure) -> tuple[ReceiptDocument, ...]:
    """The procedure's components as table rows (its usual form and number of copies)."""
    return tuple(
        ReceiptDocument(
            name=c.name,
            originals=c.copies if c.form == DocForm.ORIGINAL else 0,
            certified_copies=c.copies if c.form == DocForm.CERTIFIED_COPY else 0,
            photocopies=c.copies if c.form == DocForm.PHOTOCOPY else 0,
        )
        for c in procedure.components
    )

"""What the intake screen needs from the core: a live quote of the fee and the due date."""

from __future__ import annotations

from conftest import FakeClock, at, intake_request

from intake_app.domain.dossier import DocumentLine
from intake_app.domain.procedures import DocForm
from intake_app.domain.stamping import fee_for_documents


def test_quote_gives_the_fee_and_due_date_receive_then_stamps(make_desk):
    desk = make_desk(FakeClock(at("2026-02-13 16:10")))
    request = intake_request()
    quote = desk.quote(request)
    assert quote is not None and quote.procedure.code == "2.000815"
    assert quote.fee is not None and quote.fee.total == 10_000  # 3 pages × 2 copies
    stamped = desk.receive(request).dossier
    assert quote.fee.total == stamped.fee_total
    assert quote.fee.lines == stamped.fee_lines
    assert quote.due_at == stamped.due_at


def test_quote_answers_while_the_applicant_is_still_incomplete(make_desk):
    desk = make_desk(FakeClock(at("2026-02-13 10:00")))
    request = intake_request(applicant={"name": "", "id_number": "0460"})
    quote = desk.quote(request)
    assert quote is not None and quote.fee is not None and quote.fee.total == 10_000
    assert quote.due_at == at("2026-02-13 17:00")


def test_quote_is_none_without_a_known_procedure_and_has_no_fee_for_bad_documents(make_desk):
    desk = make_desk()
    assert desk.quote(intake_request(procedure="")) is None
    assert desk.quote(intake_request(procedure="9.999999")) is None
    bad = desk.quote(intake_request(documents=[{"name": "", "form": "ban_sao", "copies": 0}]))
    assert bad is not None and bad.fee is None


def test_fee_for_documents_uses_each_line_pages_else_the_default(make_desk):
    procedure = make_desk().procedure("2.000815")
    lines = [
        DocumentLine("Giấy khai sinh", DocForm.CERTIFIED_COPY, copies=2, pages=None),
        DocumentLine("Bằng tốt nghiệp", DocForm.CERTIFIED_COPY, copies=1, pages=1),
        DocumentLine("Bản chính", DocForm.ORIGINAL, copies=1, pages=5),
    ]
    # 3 pages × 2 copies = 10.000; 1 page × 1 copy = 2.000; originals cost nothing.
    assert fee_for_documents(procedure, lines, default_pages=3).total == 12_000

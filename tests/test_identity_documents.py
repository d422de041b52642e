"""Identity documents (issue 11.3): CCCD, passport, an organisation's tax code, none for a child.

Each kind is checked by its own rules, stored with the party, sent in the snapshot
(`LoaiGiayTo`) and printed with its own label; the receipts are read back from the PDF.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import intake_request, pdf_words
from conftest import run_cli as run

from intake_app.domain.id_documents import (
    IdKind,
    check_passport,
    check_tax_code,
    legacy_kind,
    tax_check_digit,
)
from intake_app.domain.intake import IntakeError

# Real tax codes (published on the enterprises' own documents) and one branch code.
VALID_TAX_CODES = ("0100109106", "0100233488", "0314409058-002", "0312687878-001")


@pytest.mark.parametrize("code", VALID_TAX_CODES)
def test_real_tax_codes_pass_the_official_check_digit(code):
    assert check_tax_code(code) == (code, None)


@pytest.mark.parametrize("typed, reason", [
    ("0100233480", "sai chữ số kiểm tra (chữ số thứ 10 phải là 8)"),
    ("0100109196", "sai chữ số kiểm tra"),  # two digits swapped
    ("010010910", "gồm 10 chữ số"),
    ("0100109106-000", "từ 001 đến 999"),
    ("0100000000", "không có số thứ tự"),
    ("01001O9106", "gồm 10 chữ số"),  # a letter O for a zero
])
def test_wrong_tax_codes_are_refused_with_the_reason(typed, reason):
    number, problem = check_tax_code(typed)
    assert number is None and reason in problem


def test_no_tax_code_is_issued_where_the_check_would_be_ten():
    # Σ weight·digit ≡ 0 (mod 11) would need a check digit of 10.
    assert tax_check_digit("000000000") is None
    assert tax_check_digit("010010910") == 6


@pytest.mark.parametrize("typed, stored", [("c1234567", "C1234567"), ("B 1234 567", "B1234567"),
                                           ("123456789", "123456789"), ("E12345678", "E12345678")])
def test_passport_numbers(typed, stored):
    assert check_passport(typed) == (stored, None)


@pytest.mark.parametrize("typed, reason", [("C1234", "6–9"),
                                           ("C1234567890", "6–9"), ("NGUYENVAN", "phải có chữ số"),
                                           ("Đ1234567", "chữ cái A–Z")])
def test_wrong_passport_numbers(typed, reason):
    number, problem = check_passport(typed)
    assert number is None and reason in problem


def test_parties_saved_before_kinds_keep_a_sensible_kind():
    assert legacy_kind(False, "046095001234") is IdKind.CCCD
    assert legacy_kind(True, "0100109106") is IdKind.TAX_CODE
    assert legacy_kind(False, None) is IdKind.CCCD
    assert legacy_kind(False, "C1234567") is IdKind.PASSPORT


def passport_applicant() -> dict:
    return {"name": "John Smith", "id_type": "passport", "id_number": "c 1234567",
            "birth_date": "1980-06-01", "gender": "nam", "phone": "0912345678",
            "address": "12 Lê Lợi", "province_code": "46", "commune_code": "19873"}


def test_a_passport_applicant_is_stored_synced_and_printed_as_such(desk):
    result = desk.receive(intake_request(applicant=passport_applicant()))
    applicant = desk.dossier(result.dossier.code).applicant
    assert applicant.id_kind is IdKind.PASSPORT and applicant.id_number == "C1234567"
    snapshot = desk.events(result.dossier.code)[0]["dossier"]
    assert snapshot["MaDoiTuong"] == "C1234567" and snapshot["LoaiGiayTo"] == 2
    receipt = pdf_words(result.receipt_path)
    assert "Số hộ chiếu: C1234567" in receipt
    assert "Số định danh cá nhân/CCCD" not in receipt
    assert [d.code for d in desk.find("C1234567")] == [result.dossier.code]


def test_an_organisation_by_its_tax_code_and_a_newborn_owner(desk):
    company = {"name": "Công ty TNHH Thương mại Phong Quảng", "id_type": "tax_code",
               "id_number": "0100109106", "phone": "0912345678", "address": "Tổ 5",
               "province_code": "46", "commune_code": "19873"}
    result = desk.receive(intake_request(applicant=company))
    dossier = desk.dossier(result.dossier.code)
    assert dossier.applicant.kind.name == "ORGANISATION"
    snapshot = desk.events(dossier.code)[0]["dossier"]
    assert snapshot["LoaiDoiTuong"] == 2 and snapshot["LoaiGiayTo"] == 3
    assert "Mã số thuế: 0100109106" in pdf_words(result.receipt_path)

    newborn = {"name": "Nguyễn Gia Bảo", "id_type": "none", "address": "Thôn Phước Yên"}
    result = desk.receive(intake_request(procedure="1.001193", owner=newborn))
    snapshot = desk.events(result.dossier.code)[0]["dossier"]
    assert snapshot["ChuHoSo"] == "Nguyễn Gia Bảo"
    assert snapshot["LoaiGiayTo"] == 0 and snapshot["MaDoiTuong"] is None
    receipt = pdf_words(result.receipt_path)
    assert "Chủ hồ sơ: Nguyễn Gia Bảo." in receipt  # no number, no label


@pytest.mark.parametrize("applicant, field, reason", [
    ({"id_type": "passport", "id_number": "123"}, "applicant.id_number", "6–9"),
    ({"id_type": "tax_code", "id_number": "0100109107", "kind": "organisation"},
     "applicant.id_number", "chữ số kiểm tra"),
    ({"id_type": "tax_code", "id_number": "0100109106", "kind": "citizen"},
     "applicant.id_type", "chỉ dùng cho tổ chức"),
    ({"id_type": "none", "id_number": None}, "applicant.id_type",
     "phải xuất trình giấy tờ"),
    ({"id_type": "visa"}, "applicant.id_type", "cccd, passport, tax_code hoặc none"),
    ({"id_type": "passport", "id_number": None}, "applicant.id_number",
     "Số hộ chiếu không được để trống"),
    ({"old_id_number": "12345"}, "applicant.old_id_number", "đúng 9 chữ số"),
])
def test_each_kind_is_held_to_its_own_rules(desk, applicant, field, reason):
    request = intake_request()
    request["applicant"] = {**request["applicant"], **applicant}
    with pytest.raises(IntakeError) as refused:
        desk.receive(request)
    assert reason in refused.value.problems[field]


def test_the_readme_request_example_is_accepted_as_written(data_dir, capsys, tmp_path):
    """The README documents `id_type` (and the old CMND number) in its request example."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("An intake request (`receive --json`):", 1)[1]
    example = block.split("```json", 1)[1].split("```", 1)[0]
    request = json.loads(example)
    assert request["applicant"]["id_type"] == "cccd"
    path = tmp_path / "request.json"
    path.write_text(example, encoding="utf-8")
    status, out, err = run(capsys, data_dir, "receive", "--json", str(path))
    assert status == 0, err
    for id_type in ("cccd", "passport", "tax_code", "none"):
        assert f"`{id_type}`" in block.split("## Where things are", 1)[0]

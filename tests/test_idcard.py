"""The chip ID card's QR code (issue 11.2): the parser, and `intake-app idcard parse`."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from conftest import run_cli as run

from intake_app.domain.idcard import IdCardError, looks_like_idcard_qr, parse_idcard_qr

TODAY = date(2026, 12, 2)
ADDRESS = "Thôn Phước Yên, Quảng Thành, Quảng Điền, Thừa Thiên Huế"
FULL = f"046095001234|197412345|Nguyễn Văn Đức|02031995|Nam|{ADDRESS}|10042021"
WOMAN = "079301000123||Trần Thị Ngọc Ánh|20052001|Nữ|Tổ 5, phường Thuận Hóa|01072024"


def test_a_whole_card_is_read():
    card = parse_idcard_qr(FULL, today=TODAY)
    assert (card.id_number, card.old_id_number, card.name) == (
        "046095001234", "197412345", "Nguyễn Văn Đức")
    assert card.birth_date == date(1995, 3, 2) and card.gender == "nam"
    assert card.address == ADDRESS and card.issued_on == date(2021, 4, 10)
    assert card.fields == 7 and card.notes == ()


def test_a_card_of_the_identity_law_in_the_same_order():
    card = parse_idcard_qr(WOMAN, today=TODAY)
    assert card.old_id_number is None and card.gender == "nữ"
    assert card.birth_date == date(2001, 5, 20) and card.issued_on == date(2024, 7, 1)


@pytest.mark.parametrize("fields", range(2, 7))
def test_missing_trailing_fields_are_tolerated(fields):
    text = "|".join(FULL.split("|")[:fields])
    card = parse_idcard_qr(text, today=TODAY)
    assert card.id_number == "046095001234" and card.fields == fields
    assert (card.address is not None) == (fields >= 6)
    assert (card.gender is not None) == (fields >= 5)


def test_spaces_and_decomposed_text_are_tolerated():
    text = unicodedata.normalize(
        "NFD", f"  046095001234 | 197412345 |  Nguyễn   Văn Đức | 02031995 | Nam |{ADDRESS}"
               "| 10042021 \r\n")
    card = parse_idcard_qr(text, today=TODAY)
    assert card.name == "Nguyễn Văn Đức" == unicodedata.normalize("NFC", card.name)
    assert card.address == ADDRESS and card.gender == "nam"


@pytest.mark.parametrize("text, reason", [
    ("04609500123|x|Nguyễn Văn Đức", "bắt đầu bằng số định danh 12 chữ số"),
    ("046095001234", "bắt đầu bằng số định danh 12 chữ số"),
    ("000.00.12.H56-261202-2001", "bắt đầu bằng số định danh"),
    ("003095001234||A|02031995|Nam", "Mã nơi đăng ký khai sinh 003 không tồn tại"),
    ("046095001234||Nguyễn Văn Đức|02031996|Nam", "Hai chữ số năm sinh (95)"),
    ("046095001234||Nguyễn Thị Hoa|02031995|Nữ", "không khớp với giới tính nữ"),
    ("046295001234||Nguyễn Văn Đức|02031995|Nam", "sinh 2000–2099"),
    ("", "không có nội dung"),
    ("046095001234|" + "x" * 700, "dài quá 600 ký tự"),
])
def test_the_id_number_is_held_strictly(text, reason):
    with pytest.raises(IdCardError) as refused:
        parse_idcard_qr(text, today=TODAY)
    assert reason in refused.value.message and refused.value.exit_code == 2


def test_an_unreadable_field_is_left_out_with_a_note():
    card = parse_idcard_qr("046095001234|12345|Nguyễn Văn Đức|31021995|Nam|X\u202eY|1", today=TODAY)
    assert card.old_id_number is None and card.birth_date is None and card.address is None
    assert card.issued_on is None and len(card.notes) == 4
    assert any("Ngày sinh «31021995»" in note for note in card.notes)


def test_only_a_card_burst_looks_like_one():
    assert looks_like_idcard_qr(FULL) and looks_like_idcard_qr(" 046095001234 |")
    assert not looks_like_idcard_qr("000.00.12.H56-261202-2001")
    assert not looks_like_idcard_qr("046095001234")


def test_idcard_parse_prints_json_for_it_staff(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "no-station"  # no data folder is needed
    status, out, _ = run(capsys, folder, "idcard", "parse", FULL)
    assert status == 0
    assert out["name"] == "Nguyễn Văn Đức" and out["birth_date"] == "1995-03-02"
    assert out["id_number_says"] == {"birth_place": "Thừa Thiên Huế", "abroad": False,
                                     "gender": "nam", "birth_year": 1995}
    status, out, _ = run(capsys, folder, "idcard", "parse", "-", stdin=WOMAN + "\n",
                         monkeypatch=monkeypatch)
    assert status == 0 and out["name"] == "Trần Thị Ngọc Ánh" and out["gender"] == "nữ"
    status, out, err = run(capsys, folder, "idcard", "parse", "046095001234||A|02031996")
    assert status == 2 and out is None and "Hai chữ số năm sinh" in err
    assert not (folder / "intake.sqlite3").exists()

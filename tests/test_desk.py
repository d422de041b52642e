"""Receiving, stamping, storing and finding dossiers through the Desk, on real SQLite files."""

from __future__ import annotations

import json
import os
import time
import unicodedata

import pytest
from conftest import ADMIN, SUPERVISOR, UNIT, FakeClock, acting, as_user, at, intake_request, rows
from station_db import kept_pdf

from intake_app.desk import Desk, SetupError
from intake_app.domain.errors import NotAllowed
from intake_app.domain.intake import IntakeError
from intake_app.domain.lifecycle import IllegalStep

SNAPSHOT_KEYS = {
    "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien", "ChuHoSo",
    "LoaiDoiTuong", "MaDoiTuong", "SoDienThoai", "Email", "DiaChi", "TrichYeuHoSo",
    "NgayTiepNhan", "NgayHenTra", "NgayTra", "TrangThaiHoSo", "HinhThuc", "DonViXuLy", "GhiChu",
    "TaiLieuNop", "DanhSachLePhi", "ThanhToan", "LoaiGiayTo",
}
NEVER_NULL = {"MaHoSo", "MaTTHC", "TenTTHC", "KenhThucHien", "ChuHoSo", "LoaiDoiTuong",
              "NgayTiepNhan", "TrangThaiHoSo", "HinhThuc", "TaiLieuNop", "DanhSachLePhi"}


def test_receive_stamps_code_times_fee_and_receipt(make_desk, data_dir):
    clock = FakeClock(at("2026-02-13 16:10"))
    desk = make_desk(clock)
    result = desk.receive(intake_request())
    dossier = result.dossier
    assert dossier.code == "000.00.12.H56-260213-2001"
    assert dossier.received_at.isoformat() == "2026-02-13T16:10:00+07:00"
    # Same-day procedure received after 15:00 before Tết: due at the end of the next working day.
    assert dossier.due_at.isoformat() == "2026-02-23T17:00:00+07:00"
    # Chứng thực bản sao: 3 pages = 2.000 + 2.000 + 1.000 per copy, 2 copies.
    assert dossier.fee_total == 10_000
    assert kept_pdf(result.receipt_path).startswith(b"%PDF")
    assert result.receipt_path.name == "000.00.12.H56-260213-2001.pdf"
    assert dossier.ledger_book == "02/2026" and dossier.ledger_number == 1


def test_dossier_history_and_event_are_written_together(make_desk, data_dir):
    desk = make_desk(FakeClock(at("2026-03-02 08:00")))
    dossier = desk.receive(intake_request()).dossier
    history = rows(data_dir, "SELECT action, actor, status FROM dossier_history")
    assert history == [("received", "Lê Thị Hoa", 2)]
    (payload, state), = rows(data_dir, "SELECT payload, state FROM outbox")
    assert state == "pending"
    event = json.loads(payload)
    assert event["kind"] == "received" and event["version"] == 1
    assert event["dossier_id"] == dossier.dossier_id and len(event["event_id"]) == 36
    assert event["occurred_at"] == "2026-03-02T08:00:00+07:00"
    assert event["progress"] is None
    snapshot = event["dossier"]
    assert set(snapshot) == SNAPSHOT_KEYS
    assert all(snapshot[key] is not None for key in NEVER_NULL)
    assert snapshot["MaHoSo"] == dossier.code
    assert snapshot["NgayTiepNhan"] == "20260302080000"
    assert snapshot["NgayHenTra"] == "20260302170000"
    assert snapshot["TrangThaiHoSo"] == 2 and snapshot["HinhThuc"] == 0
    assert snapshot["ChuHoSo"] == "Nguyễn Văn Đức" and snapshot["MaDoiTuong"] == "046095001234"
    assert snapshot["DanhSachLePhi"] == [{"TenPhiLePhi": "Phí chứng thực bản sao", "Gia": 10000}]
    assert snapshot["TaiLieuNop"] == [
        {"TenTepDinhKem": "Giấy khai sinh", "MaThanhPhanHoSo": None, "SoLuong": 2, "LoaiBan": 1}
    ]
    assert snapshot["ThanhToan"] == {"PhuongThuc": "cash", "LyDoMien": None}  # fee > 0


def test_invalid_request_saves_nothing_and_uses_no_code(make_desk, data_dir):
    desk = make_desk(FakeClock(at("2026-03-02 08:00")))
    bad = intake_request(applicant={**intake_request()["applicant"], "id_number": "046195001234"})
    with pytest.raises(IntakeError) as caught:
        desk.receive(bad)
    assert "applicant.id_number" in caught.value.problems
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(0,)]
    assert rows(data_dir, "SELECT count(*) FROM outbox") == [(0,)]
    good = desk.receive(intake_request()).dossier
    assert good.code.endswith("-2001")


def test_every_wrong_field_is_named(make_desk):
    desk = make_desk()
    bad = {
        "procedure": "2.999999",
        "applicant": {"name": " ", "id_number": "04609500123", "phone": "12345",
                      "email": "not-an-email", "address": "Thôn 1", "commune_code": "99999"},
        "documents": [{"name": "", "form": "ban_goc", "copies": 0}],
        "channel": 7, "delivery": "drone",
    }
    with pytest.raises(IntakeError) as caught:
        desk.receive(bad)
    assert set(caught.value.problems) >= {
        "procedure", "applicant.name", "applicant.id_number", "applicant.phone",
        "applicant.email", "applicant.commune_code", "documents[0].name", "documents[0].form",
        "documents[0].copies", "channel", "delivery",
    }


def test_text_is_stored_in_nfc(make_desk, data_dir):
    desk = make_desk()
    decomposed = unicodedata.normalize("NFD", "Trần Thị Ngọc Ánh")
    request = intake_request(applicant={
        **intake_request()["applicant"], "name": decomposed, "gender": "nữ",
        "id_number": "079301000123", "birth_date": "2001-05-20",
        "address": unicodedata.normalize("NFD", "Tổ 5, phường Thuận Hóa"),
    })
    dossier = desk.receive(request).dossier
    assert dossier.applicant.name == "Trần Thị Ngọc Ánh"
    (stored,), = rows(data_dir, "SELECT json_extract(applicant, '$.name') FROM dossiers")
    assert stored == unicodedata.normalize("NFC", stored) == "Trần Thị Ngọc Ánh"


def test_codes_are_per_day_gap_free_and_ledger_runs_over_the_year(make_desk):
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    codes = []
    for _ in range(3):
        codes.append(desk.receive(intake_request()).dossier.code)
        clock.advance(minutes=5)
    clock.now = at("2026-03-03 07:45")
    next_day = desk.receive(intake_request()).dossier
    assert codes == [f"000.00.12.H56-260302-200{n}" for n in (1, 2, 3)]
    assert next_day.code == "000.00.12.H56-260303-2001"
    assert next_day.ledger_number == 4


def test_find_by_name_without_accents_id_phone_and_code(make_desk):
    desk = make_desk(FakeClock(at("2026-03-02 08:00")))
    duc = desk.receive(intake_request()).dossier
    other = intake_request(applicant={
        **intake_request()["applicant"], "name": "Đặng Thị Đào", "gender": "nữ",
        "id_number": "001185004321", "birth_date": "1985-07-01", "phone": "0388 123 456",
    })
    dao = desk.receive(other).dossier
    assert [d.code for d in desk.find("nguyen van duc")] == [duc.code]
    assert [d.code for d in desk.find("NGUYEN van Đ")] == [duc.code]
    assert [d.code for d in desk.find("dang thi dao")] == [dao.code]
    assert [d.code for d in desk.find("046095001234")] == [duc.code]
    assert [d.code for d in desk.find("0388.123.456")] == [dao.code]
    assert [d.code for d in desk.find("+84 388 123 456")] == [dao.code]
    assert [d.code for d in desk.find(dao.code.lower())] == [dao.code]
    assert [d.code for d in desk.find("260302-2002")] == [dao.code]
    assert desk.find("nguyen thi") == []
    assert desk.find('"; DROP TABLE dossiers; --') == []
    assert [d.code for d in desk.find("thi")] == [dao.code]


def test_reprint_is_marked_copy_and_recorded(make_desk, data_dir, tmp_path):
    desk = make_desk(FakeClock(at("2026-03-02 08:00")))
    result = desk.receive(intake_request())
    with acting(desk, SUPERVISOR):
        out = desk.reprint_receipt(result.dossier.code, tmp_path / "copy.pdf")
    assert kept_pdf(out).startswith(b"%PDF")
    assert out.read_bytes() != kept_pdf(result.receipt_path)
    actions = [(h["action"], h["actor"]) for h in desk.history(result.dossier.code)]
    assert actions == [("received", "Lê Thị Hoa"), ("receipt_reprinted", "Trần Văn Nam")]


def test_original_receipt_is_rebuilt_identically_after_loss(make_desk, tmp_path):
    desk = make_desk(FakeClock(at("2026-03-02 08:00")))
    result = desk.receive(intake_request())
    original = kept_pdf(result.receipt_path)
    result.receipt_path.unlink()  # e.g. the power went out before the PDF reached the disk
    desk.reprint_receipt(result.dossier.code, tmp_path / "copy.pdf")
    assert kept_pdf(result.receipt_path) == original


def test_reinit_keeps_identity_of_a_folder_with_dossiers(make_desk, data_dir):
    desk = make_desk()
    desk.receive(intake_request())
    with pytest.raises(NotAllowed, match="không được cài đặt quầy"):
        desk.init_station(**UNIT)  # set up once the station has accounts: IT's
    as_user(desk, ADMIN)
    again = desk.init_station(**UNIT)  # same identity: harmless
    assert again.station_no == 2
    with pytest.raises(SetupError, match="không thể đổi"):
        desk.init_station(**{**UNIT, "station_no": 3})
    with pytest.raises(SetupError, match="không thể đổi"):
        desk.init_station(**{**UNIT, "unit_code": "000.00.13.H56"})
    assert desk.station.station_no == 2 and desk.station.unit_code == "000.00.12.H56"


def test_init_checks_unit_code_and_admin_units(tmp_path):
    with Desk(tmp_path / "new") as desk:
        with pytest.raises(SetupError) as caught:
            desk.init_station(**{**UNIT, "unit_code": "12.H56", "commune_code": "00004"})
        message = str(caught.value)
        assert "NNN.NN.NN.XNN" in message
        assert "không thuộc tỉnh" in message  # 00004 (Ba Đình) is in Hà Nội, not Huế
        assert not desk.is_set_up()


def test_owner_and_post_delivery_reach_the_receipt(make_desk):
    desk = make_desk(FakeClock(at("2026-03-02 08:00")))
    request = intake_request(
        procedure="1.001612",
        owner={"name": "Phạm Văn Long", "address": "Thôn Đông, xã Phong Quảng",
               "id_number": "046080001111"},
        delivery="post",
        documents=[{"name": "Giấy đề nghị đăng ký hộ kinh doanh", "form": "ban_chinh"}],
    )
    dossier = desk.receive(request).dossier
    receipt = desk.receipt(dossier.code)
    assert receipt.owner_name == "Phạm Văn Long"
    assert receipt.result_delivery_text.startswith("Qua dịch vụ bưu chính công ích")
    assert dossier.due_at.isoformat() == "2026-03-05T08:00:00+07:00"  # 3 working days
    assert dossier.fee_total is None  # set by the province, not configured yet
    event = desk.events(dossier.code)[0]
    assert event["dossier"]["ChuHoSo"] == "Phạm Văn Long"
    assert event["dossier"]["HinhThuc"] == 1


def test_hand_back_records_receiver_and_event(make_desk):
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    code = desk.receive(intake_request()).dossier.code
    clock.advance(hours=3)
    returned = desk.hand_back(code, receiver_name="Nguyễn Văn Đức",
                              receiver_id_number="046095001234")
    assert returned.status == 10 and returned.version == 2
    assert desk.dossier(code).returned_at.isoformat() == "2026-03-02T11:00:00+07:00"
    history = desk.history(code)
    assert [h["action"] for h in history] == ["received", "returned"]
    assert history[1]["detail"]["receiver_name"] == "Nguyễn Văn Đức"
    events = desk.events(code)
    assert [(e["version"], e["kind"]) for e in events] == [(1, "received"), (2, "returned")]
    assert events[1]["dossier"]["TrangThaiHoSo"] == 10
    assert events[1]["dossier"]["NgayTra"] == "20260302110000"
    assert events[1]["progress"]["TrangThai"] == 10


def test_hand_back_twice_is_refused_and_changes_nothing(make_desk):
    desk = make_desk()
    code = desk.receive(intake_request()).dossier.code
    desk.hand_back(code, receiver_name="Đức", receiver_id_number=None)
    with pytest.raises(IllegalStep, match="Đã trả kết quả"):
        desk.hand_back(code, receiver_name="Đức", receiver_id_number=None)
    with pytest.raises(ValueError):
        desk.hand_back(code, receiver_name="  ", receiver_id_number=None)
    assert len(desk.events(code)) == 2 and len(desk.history(code)) == 2


def test_recover_receipts_after_a_cut_between_commit_and_pdf(make_desk):
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    kept = desk.receive(intake_request())
    lost = desk.receive(intake_request())
    original = kept_pdf(lost.receipt_path)
    lost.receipt_path.unlink()
    half = lost.receipt_path.parent / f".{lost.receipt_path.name}.x1y2.part"
    half.write_bytes(original[:100])
    an_hour_ago = time.time() - 3600
    os.utime(half, (an_hour_ago, an_hour_ago))  # left by the cut
    writing = kept.receipt_path.parent / f".{kept.receipt_path.name}.z9w8.part"
    writing.write_bytes(b"%PDF")  # another writer at work right now (the window's stamp)
    clock.advance(days=1)
    assert desk.recover_receipts().rebuilt == [lost.dossier.code]
    assert kept_pdf(lost.receipt_path) == original
    assert kept.receipt_path.exists() and not half.exists()
    assert writing.exists()  # never pulled from under its writer
    assert desk.recover_receipts().rebuilt == []


def test_hand_back_stores_the_receiver_id_number_as_digits(make_desk):
    desk = make_desk()
    code = desk.receive(intake_request()).dossier.code
    desk.hand_back(code, receiver_name="Đức", receiver_id_number=" 046 095 001 234 ")
    assert desk.history(code)[-1]["detail"]["receiver_id_number"] == "046095001234"

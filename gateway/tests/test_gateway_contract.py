"""The contract's checks on envelopes and events, without a database."""

from __future__ import annotations

import json
import unicodedata

import pytest
from intake_gateway.contract import (
    SNAPSHOT_KEYS,
    all_text_nfc,
    check_envelope,
    check_event,
    event_id_of,
    station_mismatch,
)

from .gateway_helpers import body, sample_event
from .gateway_testing import sample_snapshot


def problem(event):
    found = check_event(event)
    return None if found is None else (found.code, found.message)


def test_the_sample_event_and_its_steps_match_the_contract():
    assert check_event(sample_event()) is None
    assert check_event(sample_event(version=2)) is None
    assert check_event(sample_event(version=5, kind="returned")) is None


@pytest.mark.parametrize("field", ["event_id", "dossier_id", "version", "kind", "occurred_at",
                                   "actor", "dossier", "progress"])
def test_every_event_field_must_be_present(field):
    event = sample_event()
    del event[field]
    assert problem(event) == ("malformed", f"{field} missing")


@pytest.mark.parametrize("field", ["event_id", "dossier_id"])
def test_uuids_must_be_lowercase_hyphenated(field):
    event = sample_event()
    assert problem({**event, field: event[field].upper()})[0] == "malformed"
    assert problem({**event, field: event[field].replace("-", "")})[0] == "malformed"
    assert field in problem({**event, field: 7})[1]


@pytest.mark.parametrize("version", [0, -1, 1.0, "1", True, 2**31])
def test_version_is_a_whole_number_from_one(version):
    assert problem(sample_event(version=version, kind="updated"))[0] == "malformed"


def test_kinds():
    for kind in ("received", "updated", "status_changed", "returned", "voided"):
        event = sample_event(version=1 if kind == "received" else 2, kind=kind)
        assert check_event(event) is None, kind
    assert "kind" in problem(sample_event(kind="deleted"))[1]


@pytest.mark.parametrize("when", ["2025-11-23T09:41:07", "2025-11-23", "23/11/2025 09:41",
                                  "20251123094107", ""])
def test_occurred_at_needs_iso_8601_with_offset(when):
    assert problem(sample_event(occurred_at=when)) == (
        "malformed", "occurred_at must be an ISO 8601 date and time with its UTC offset")


@pytest.mark.parametrize("key", SNAPSHOT_KEYS)
def test_every_snapshot_key_is_present(key):
    snapshot = sample_snapshot()
    del snapshot[key]
    assert problem(sample_event(snapshot=snapshot)) == ("malformed", f"dossier.{key} missing")


@pytest.mark.parametrize("key", ["MaHoSo", "MaTTHC", "TenTTHC", "KenhThucHien", "ChuHoSo",
                                 "LoaiDoiTuong", "NgayTiepNhan", "TrangThaiHoSo", "HinhThuc",
                                 "TaiLieuNop", "DanhSachLePhi"])
def test_never_null_keys(key):
    event = sample_event(snapshot=sample_snapshot(**{key: None}))
    assert problem(event) == ("malformed", f"dossier.{key} must not be null")


@pytest.mark.parametrize("key", ["MaLinhVuc", "TenLinhVuc", "MaDoiTuong", "SoDienThoai", "Email",
                                 "DiaChi", "TrichYeuHoSo", "NgayHenTra", "NgayTra", "DonViXuLy",
                                 "GhiChu"])
def test_the_other_keys_may_be_null(key):
    assert check_event(sample_event(snapshot=sample_snapshot(**{key: None}))) is None


@pytest.mark.parametrize("key,value", [
    ("NgayTiepNhan", "2025-11-23T09:41:07+07:00"), ("NgayTiepNhan", "20251323094107"),
    ("NgayHenTra", "202511231600"), ("NgayTra", 20251123160000),
    ("KenhThucHien", 4), ("KenhThucHien", "1"), ("LoaiDoiTuong", 0), ("TrangThaiHoSo", 11),
    ("HinhThuc", 2), ("MaHoSo", "HS-1"), ("ChuHoSo", ""), ("TaiLieuNop", {}),
    ("TaiLieuNop", [{"TenTepDinhKem": "Tờ khai", "MaThanhPhanHoSo": None, "SoLuong": -1,
                     "LoaiBan": 0}]),
    ("TaiLieuNop", [{"TenTepDinhKem": "Tờ khai", "SoLuong": 1, "LoaiBan": 0}]),
    ("DanhSachLePhi", [{"TenPhiLePhi": "Lệ phí", "Gia": 2000.5}]),
])
def test_snapshot_values_are_checked(key, value):
    found = problem(sample_event(snapshot=sample_snapshot(**{key: value})))
    assert found[0] == "malformed" and f"dossier.{key}" in found[1]


def test_progress_is_null_for_received_and_a_step_otherwise():
    step = sample_event(version=2)["progress"]
    assert problem(sample_event(progress=step)) == (
        "malformed", "progress must be null for a received event")
    assert problem(sample_event(version=2, progress=None))[0] == "malformed"
    assert problem(sample_event(version=2, progress={**step, "TrangThai": 0}))[1] == (
        "progress.TrangThai must be a whole number from 1 to 10")
    assert "progress.ThoiDiemXuLy" in problem(
        sample_event(version=2, progress={**step, "ThoiDiemXuLy": "2025-11-23"}))[1]


def test_text_must_be_nfc_and_the_message_names_the_field():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert problem(sample_event(snapshot=sample_snapshot(ChuHoSo=decomposed))) == (
        "not_nfc", "dossier.ChuHoSo is not in Unicode NFC")
    documents = [{"TenTepDinhKem": unicodedata.normalize("NFD", "Giấy khai sinh"),
                  "MaThanhPhanHoSo": None, "SoLuong": 1, "LoaiBan": 0}]
    assert problem(sample_event(snapshot=sample_snapshot(TaiLieuNop=documents))) == (
        "not_nfc", "dossier.TaiLieuNop[0].TenTepDinhKem is not in Unicode NFC")
    assert problem(sample_event(actor=unicodedata.normalize("NFD", "Lê Thị Hoa")))[0] == "not_nfc"


def test_extra_keys_are_allowed():
    assert check_event(sample_event(extra={"x": 1},
                                    snapshot=sample_snapshot(SoBienNhan="12"))) is None


def test_an_event_that_is_not_an_object():
    assert problem([1, 2]) == ("malformed", "the event must be an object, not a list")
    assert event_id_of([1, 2]) is None
    assert event_id_of({"event_id": "X"}) == "X"
    assert event_id_of({"event_id": 5}) is None


def test_envelope():
    good = body([sample_event()])
    assert check_envelope(good) is None
    assert check_envelope([]).message == "the body must be a JSON object, not a list"
    for key in ("batch_id", "unit_code", "station_no", "app_version", "sent_at", "events"):
        partial = {k: v for k, v in good.items() if k != key}
        assert check_envelope(partial).message == f"{key} is missing"
    assert check_envelope({**good, "batch_id": good["batch_id"].upper()}) is not None
    assert check_envelope({**good, "station_no": 10}) is not None
    assert check_envelope({**good, "events": {}}) is not None
    many = {**good, "events": [{}] * 501}
    assert check_envelope(many).code == "too_many_events"
    assert check_envelope(many, max_events=None) is None


def test_station_mismatch_compares_only_values_of_the_right_type():
    good = body([])
    assert not station_mismatch(good, "000.00.12.H56", 2)
    assert station_mismatch(good, "000.00.12.H56", 3)
    assert station_mismatch(good, "000.00.13.H56", 2)
    assert not station_mismatch({**good, "station_no": "3"}, "000.00.12.H56", 2)
    assert not station_mismatch("x", "000.00.12.H56", 2)


def test_all_text_nfc_fast_path_is_conservative():
    nfc, nfd = "Phước Yên", unicodedata.normalize("NFD", "Phước Yên")
    assert all_text_nfc(json.dumps({"a": nfc}, ensure_ascii=False))
    assert all_text_nfc(json.dumps({"a": "plain"}))
    assert not all_text_nfc(json.dumps({"a": nfd}, ensure_ascii=False))
    assert not all_text_nfc(json.dumps({"a": nfc}))  # \u escapes: look at each string


@pytest.mark.parametrize("kind, number", [
    (None, "anything"), (0, None), (1, "046095001234"), (1, None), (2, "C1234567"),
    (3, "0100109106"), (3, "0100109106-001"),
])
def test_loai_giay_to_is_optional_and_names_the_document(kind, number):
    event = sample_event()
    event["dossier"]["MaDoiTuong"] = number
    if kind is not None:
        event["dossier"]["LoaiGiayTo"] = kind
    assert check_event(event) is None


@pytest.mark.parametrize("kind, number, says", [
    (4, None, "LoaiGiayTo must be one of 0, 1, 2, 3"),
    ("1", "046095001234", "LoaiGiayTo must be one of"),
    (0, "046095001234", "MaDoiTuong must be null when LoaiGiayTo is 0"),
    (1, "C1234567", "12-digit personal ID number"),
    (2, "c1234567", "passport number"),
    (3, "01001091", "tax code"),
])
def test_a_wrong_loai_giay_to_or_number_is_malformed(kind, number, says):
    event = sample_event()
    event["dossier"]["MaDoiTuong"] = number
    event["dossier"]["LoaiGiayTo"] = kind
    code, message = problem(event)
    assert code == "malformed" and says in message

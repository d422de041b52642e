"""Every printout as a civil servant checks it (issue 10.3), at ordinary lengths.

Receipt: the address with the commune and province the clerk picked, the payment line from
what was recorded. Slips: the supplement slip dated by its step, papers with their form and
count, the stop notice with the statutory appointment, the control sheet with the apology and
the stop. Daily log: the outcome of refused and stopped dossiers, the procedure's lead unit,
the sets and receiving-clerk columns. The seals of days closed before all this still verify.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from conftest import SUPERVISOR, FakeClock, acting, at, intake_request, pdf_words, rows
from conftest import run_cli as run

from intake_app.domain.clock import VN_TZ
from intake_app.domain.dossier_log import LogRow, row_digest, seal_day
from intake_app.domain.formatting import clock_phrase
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.slips import SlipKind
from intake_app.domain.status import DossierStatus as S

HOA = "Lê Thị Hoa"
FULL_ADDRESS = "Thôn Phước Yên, Phường Phong Quảng, Thành phố Huế"


def receive(capsys, folder: Path, tmp_path: Path, request: dict) -> tuple[int, dict | None, str]:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    return run(capsys, folder, "receive", "--json", str(path))


# ---- the receipt -------------------------------------------------------------------------------

def test_the_receipt_prints_the_full_address_and_the_recorded_payment(
    data_dir, capsys, tmp_path
):
    status, out, err = receive(capsys, data_dir, tmp_path, intake_request())
    assert status == 0, err
    receipt = pdf_words(Path(out["receipt"]))
    assert f"Địa chỉ: {FULL_ADDRESS}" in receipt
    assert "Hình thức thanh toán: Nộp tiền mặt tại Bộ phận Một cửa" in receipt  # fee > 0
    assert "Nộp trực tiếp" not in receipt
    _, shown, _ = run(capsys, data_dir, "show", out["code"])
    assert shown["payment"] == {"method": "cash", "exempt_reason": None}

    for payment, line in [
        ({"method": "online"}, "Đã thanh toán trực tuyến"),
        ({"method": "bank_transfer"}, "Chuyển khoản vào tài khoản của đơn vị"),
        ({"method": "exempt", "exempt_reason": "Người khuyết tật nặng"},
         "Miễn nộp phí, lệ phí (lý do: Người khuyết tật nặng)"),
    ]:
        status, out, err = receive(capsys, data_dir, tmp_path,
                                   intake_request(payment=payment, channel=2))
        assert status == 0, err
        assert f"Hình thức thanh toán: {line}" in pdf_words(Path(out["receipt"]))
        (snapshot,) = [json.loads(p)["dossier"] for (p,) in rows(
            data_dir, "SELECT payload FROM outbox ORDER BY id DESC LIMIT 1")]
        assert snapshot["ThanhToan"]["PhuongThuc"] == payment["method"]

    free = intake_request(procedure="1.001193",
                          documents=[{"name": "Tờ khai đăng ký khai sinh", "form": "ban_chinh"}])
    status, out, err = receive(capsys, data_dir, tmp_path, free)
    assert status == 0, err
    assert "Hình thức thanh toán: Không thu phí, lệ phí" in pdf_words(Path(out["receipt"]))


@pytest.mark.parametrize(("payment", "words"), [
    ({"method": "none"}, "hồ sơ phải nộp phí, lệ phí"),
    ({"method": "exempt"}, "phải ghi lý do miễn"),
    ({"method": "cash", "exempt_reason": "x"}, "chỉ ghi khi hồ sơ được miễn"),
    ({"method": "cheque"}, "phải là một trong none, cash, bank_transfer, online, exempt"),
    ("tiền mặt", "phải là một trong"),
])
def test_a_payment_that_does_not_fit_is_refused_naming_it(data_dir, capsys, tmp_path, payment,
                                                          words):
    status, out, err = receive(capsys, data_dir, tmp_path, intake_request(payment=payment))
    assert status == 2 and out is None
    assert words in err and ("Hình thức thanh toán" in err or "Lý do miễn" in err)
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(0,)]


def test_a_free_procedure_refuses_a_cash_payment(data_dir, capsys, tmp_path):
    free = intake_request(procedure="1.001193", payment={"method": "cash"},
                          documents=[{"name": "Tờ khai đăng ký khai sinh", "form": "ban_chinh"}])
    status, _, err = receive(capsys, data_dir, tmp_path, free)
    assert status == 2 and "không phải nộp phí, lệ phí" in err


# ---- the slips -----------------------------------------------------------------------------------

@pytest.fixture
def stepped(make_desk, tmp_path):
    """A dossier asked for a supplement on Monday, back on Tuesday, given an apology letter
    and stopped; the slips printed on Friday."""
    clock = FakeClock(at("2026-03-02 08:00"))  # Monday
    desk = make_desk(clock)
    code = desk.receive(intake_request(
        procedure="1.004873", documents=[{"name": "Tờ khai", "form": "ban_chinh"}])).dossier.code
    clock.advance(hours=1)
    desk.step(code, StepRequest(S.IN_PROCESSING, HOA, to_unit="Công chức Tư pháp - Hộ tịch"))
    clock.advance(hours=1)
    return desk, clock, code


def test_the_supplement_slip_is_dated_by_its_step_and_prints_each_paper_as_asked(
    stepped, capsys, tmp_path
):
    desk, clock, code = stepped
    desk.close()
    folder = desk.data_dir
    status, _, err = run(capsys, folder, "step", code, "--to", "supplement",
                         "--note", "Thiếu giấy tờ", "--document", "Giấy chứng sinh:ban_sao:2",
                         "--document", "Bản sao sổ hộ khẩu:ban_photo",
                         "--document", "Tờ khai xác nhận tình trạng hôn nhân")
    assert status == 0, err
    requested = rows(folder, "SELECT at FROM dossier_history WHERE action = "
                             "'supplement_requested'")[0][0]
    out = tmp_path / "bs.pdf"
    status, _, err = run(capsys, folder, "slip", code, "--kind", "supplement", "--out", str(out))
    assert status == 0, err
    text = pdf_words(out)
    day = datetime.fromisoformat(requested)
    assert f"ngày {day:%d} tháng {day:%m} năm {day:%Y}" in text
    # TT | name | Bản chính | Bản chứng thực | Bản photo
    assert "1 Giấy chứng sinh – 2 –" in text
    assert "2 Bản sao sổ hộ khẩu – – 1" in text
    assert "3 Tờ khai xác nhận tình trạng hôn nhân 1 – –" in text


def test_a_supplement_printed_days_later_keeps_the_day_it_was_asked(stepped, tmp_path):
    desk, clock, code = stepped
    desk.step(code, StepRequest(S.SUPPLEMENT_REQUESTED, HOA, note="Thiếu tờ khai"))
    clock.now = at("2026-03-06 15:00")  # printed on Friday
    text = pdf_words(desk.issue_slip(code, SlipKind.SUPPLEMENT, tmp_path / "bs.pdf"))
    assert "Phong Quảng, ngày 02 tháng 03 năm 2026" in text
    assert "ngày 06 tháng 03" not in text


def test_the_stop_notice_shows_the_statutory_appointment_not_the_apology_date(stepped, tmp_path):
    desk, clock, code = stepped
    statutory = desk.dossier(code).statutory_due_at
    clock.now = statutory.replace(hour=16)
    desk.extend_due(code, new_due=at("2026-03-27 16:00"), reason="Chờ xác minh",
                    responsible="Công chức Tư pháp - Hộ tịch")
    clock.advance(days=1)
    desk.step(code, StepRequest(S.STOPPED, HOA, note="Công dân không bổ sung"))
    stop = pdf_words(desk.issue_slip(code, SlipKind.STOP, tmp_path / "stop.pdf"))
    assert f"hẹn trả kết quả theo quy định là {clock_phrase(statutory)}" in stop
    assert "27/03/2026" not in stop
    assert "ỦY BAN NHÂN DÂN PHƯỜNG PHONG QUẢNG" in stop and "BỘ PHẬN MỘT CỬA" not in stop
    apology = pdf_words(desk.issue_slip(code, SlipKind.APOLOGY, tmp_path / "xl.pdf"))
    assert "ỦY BAN NHÂN DÂN PHƯỜNG PHONG QUẢNG" in apology
    assert "BỘ PHẬN MỘT CỬA" not in apology
    assert "Ủy ban nhân dân phường Phong Quảng chân thành xin lỗi" in apology

    control = pdf_words(desk.issue_slip(code, SlipKind.CONTROL, tmp_path / "ks.pdf"))
    assert "Xin lỗi và hẹn lại ngày trả kết quả" in control
    assert "Hẹn trả mới: 27/03/2026 16:00" in control and "Chờ xác minh" in control
    assert "Dừng giải quyết hồ sơ" in control and "Công dân không bổ sung" in control
    assert control.index("Xin lỗi") < control.index("Dừng giải quyết hồ sơ")


# ---- the daily log ---------------------------------------------------------------------------

def test_the_log_shows_outcomes_the_lead_unit_the_sets_and_the_clerk(make_desk, tmp_path):
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    catalogue = tmp_path / "catalogue.json"
    catalogue.write_text(json.dumps({"procedures": [{
        "code": "9.000002", "name": "Đăng ký thường trú", "field_code": "CT",
        "field_name": "Cư trú", "lead_unit": "Công an phường Phong Quảng",
        "time": {"unit": "working_days", "amount": 7}, "fee": {"kind": "free"}}]},
        ensure_ascii=False), encoding="utf-8")
    with acting(desk, SUPERVISOR):
        desk.import_catalogue(catalogue)
    refused = desk.receive(intake_request()).dossier.code
    with acting(desk, SUPERVISOR):
        stopped = desk.receive(intake_request(sets=3)).dossier.code
    police = desk.receive(intake_request(procedure="9.000002", documents=[])).dossier.code
    clock.advance(minutes=30)
    desk.step(refused, StepRequest(S.REFUSED, HOA, note="Không thuộc thẩm quyền"))
    desk.step(stopped, StepRequest(S.IN_PROCESSING, HOA, to_unit="Công chức Tư pháp - Hộ tịch"))
    desk.step(stopped, StepRequest(S.STOPPED, HOA, note="Công dân xin dừng"))
    day = at("2026-03-02 00:00").date()
    with acting(desk, SUPERVISOR):
        pdf = pdf_words(desk.ledger.export(day, day, tmp_path / "so.pdf"))
    for heading in ("Số bộ hồ sơ", "Người tiếp nhận", "Cơ quan chủ trì giải quyết"):
        assert heading in pdf
    assert "(14)" in pdf
    with acting(desk, SUPERVISOR):
        log = desk.ledger.build(day, day)
    by_code = {row.code: row for row in log.rows}
    assert by_code[refused].outcome == "Từ chối tiếp nhận"
    assert by_code[stopped].outcome == "Dừng giải quyết"
    assert by_code[stopped].lead_unit == "UBND phường Phong Quảng"  # not the hand-over's
    assert by_code[police].lead_unit == "Công an phường Phong Quảng"
    assert "Từ chối tiếp nhận 02/03/2026 08:30" in pdf
    assert "Dừng giải quyết 02/03/2026 08:30" in pdf
    assert "Công chức Tư pháp - Hộ tịch" not in pdf  # the hand-over is not the lead unit
    assert "Trần Văn Nam" in pdf and "Thôn Phước Yên, Phường Phong Quảng, Thành phố Huế" in pdf

    with acting(desk, SUPERVISOR):
        desk.ledger.export(day, day, tmp_path / "so.csv")
    with (tmp_path / "so.csv").open(encoding="utf-8-sig", newline="") as handle:
        records = {r["Mã hồ sơ"]: r for r in csv.DictReader(handle)}
    assert records[refused]["Kết quả"] == "Từ chối tiếp nhận"
    assert records[refused]["Hẹn trả kết quả"] == ""  # a refused dossier keeps no appointment
    assert records[stopped]["Hẹn trả kết quả"] != ""
    assert records[stopped]["Số lượng hồ sơ (bộ)"] == "3"
    assert records[police]["Cơ quan chủ trì giải quyết"] == "Công an phường Phong Quảng"


def test_a_row_sealed_before_these_changes_keeps_its_digest() -> None:
    """The printed log gained the commune, province, lead unit and outcome, but what a seal
    covers did not change: a day sealed by the previous version still verifies. The digest
    below was computed by that version (main at 429d5cd) for this row."""
    row = LogRow(ledger_book="02/2026", ledger_number=7, code="000.00.12.H56-260302-2007",
                 procedure_code="2.000815", procedure_name="Chứng thực bản sao từ bản chính",
                 applicant_name="Nguyễn Văn Đức", address="Thôn Phước Yên", phone="0912345678",
                 sets=1, processing_unit="", received_at=datetime(2026, 3, 2, 9, 15, tzinfo=VN_TZ),
                 due_at=None, returned_at=None, delivery="counter", clerk="Lê Thị Hoa", note="",
                 commune="Phường Phong Quảng", province="Thành phố Huế",
                 lead_unit="UBND phường Phong Quảng", status=3,
                 finished_at=datetime(2026, 3, 2, 9, 30, tzinfo=VN_TZ))
    assert row_digest(row) == "14a259d9e44773112922725adfdad323328ba5249e1506f2dd7bd39b1b2da310"
    assert seal_day("0" * 64, row.day, [row]).hash == (
        "cc842bfe13cc2f36c0d569de5a671e6aaf4a02a66ad061f131d4c84d859efefa")


def test_log_verify_holds_for_days_sealed_then_printed_with_the_new_columns(
    make_desk, capsys, tmp_path
):
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    code = desk.receive(intake_request()).dossier.code
    clock.now = at("2026-03-04 09:00")
    assert desk.ledger.verify() == []  # seals Monday and Tuesday
    desk.step(code, StepRequest(S.REFUSED, HOA, note="Sai thẩm quyền"))
    desk.close()
    status, verdict, err = run(capsys, desk.data_dir, "log", "verify", user=SUPERVISOR)
    assert status == 0, err

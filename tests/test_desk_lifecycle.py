"""A dossier followed from receipt to returned result through the desk, on a real data folder."""

from __future__ import annotations

import pytest
from conftest import FakeClock, acting, at, intake_request, pdf_words, rows

from intake_app.domain.lifecycle import IllegalStep, StepRequest
from intake_app.domain.slip_content import NoSuchStep
from intake_app.domain.slips import SlipKind
from intake_app.domain.status import DossierStatus as S

HOA = "Lê Thị Hoa"
UNIT = "Công chức Tư pháp - Hộ tịch"


@pytest.fixture
def world(make_desk):
    clock = FakeClock(at("2026-03-02 08:00"))  # Monday
    desk = make_desk(clock)
    # The usual request: chứng thực bản sao (2.000815), same day: due Mon 02/03 17:00.
    code = desk.receive(intake_request()).dossier.code
    return desk, clock, code


def test_every_step_is_one_transaction_of_state_history_and_event(world):
    desk, clock, code = world
    clock.advance(hours=1)
    desk.step(code, StepRequest(S.IN_PROCESSING, HOA, to_unit=UNIT))
    clock.advance(hours=2)
    with acting(desk, "Trần Văn Nam"):  # the supervisor logged in at this counter
        desk.step(code, StepRequest(S.DONE))
    clock.advance(hours=1)
    desk.step(code, StepRequest(S.RETURNED, HOA, receiver_name="Nguyễn Văn Đức"))

    assert rows(desk.data_dir, "SELECT version, kind FROM outbox ORDER BY version") == [
        (1, "received"), (2, "status_changed"), (3, "status_changed"), (4, "returned")]
    history = desk.history(code)
    assert [h["action"] for h in history] == ["received", "handed_over", "done", "returned"]
    assert [h["actor"] for h in history] == [HOA, HOA, "Trần Văn Nam", HOA]
    assert history[1]["detail"]["to_party"] == UNIT
    events = desk.events(code)
    assert [e["dossier"]["TrangThaiHoSo"] for e in events] == [2, 4, 9, 10]
    assert events[1]["progress"]["NoiDungXuLy"] == f"Chuyển xử lý: {UNIT}"
    assert events[1]["dossier"]["DonViXuLy"] == UNIT
    dossier = desk.dossier(code)
    assert dossier.finished_at == at("2026-03-02 11:00")  # done, not the hand-back
    assert dossier.returned_at == at("2026-03-02 12:00")


def test_an_illegal_step_changes_nothing(world):
    desk, clock, code = world
    with pytest.raises(IllegalStep, match="Không thể chuyển"):
        desk.step(code, StepRequest(S.FINANCIAL_OBLIGATION, HOA, note="Nộp thuế"))
    assert desk.dossier(code).version == 1
    assert len(desk.history(code)) == 1 and len(desk.events(code)) == 1


def test_the_supplement_wait_moves_the_due_date_and_shows_in_the_event(world):
    desk, clock, code = world
    assert desk.dossier(code).due_at == at("2026-03-02 17:00")
    desk.step(code, StepRequest(S.IN_PROCESSING, HOA, to_unit=UNIT))
    clock.now = at("2026-03-02 09:00")
    desk.step(code, StepRequest(S.SUPPLEMENT_REQUESTED, HOA, note="Thiếu giấy chứng sinh",
                                documents=("Giấy chứng sinh",)))
    clock.now = at("2026-03-03 09:00")  # one working day (8 h) later
    back = desk.step(code, StepRequest(S.IN_PROCESSING, HOA))
    # Waited Mon 09:00-11:30, 13:00-17:00 and Tue 07:30-09:00: 8 working hours.
    # Mon 17:00 + 8 working hours = Tue 17:00.
    assert back.due_at == at("2026-03-03 17:00")
    assert back.statutory_due_at == at("2026-03-03 17:00")
    assert desk.events(code)[-1]["dossier"]["NgayHenTra"] == back.due_at.strftime("%Y%m%d%H%M%S")


def test_slips_are_numbered_once_per_step_and_reprinted_as_copies(world, tmp_path):
    desk, clock, code = world
    with pytest.raises(NoSuchStep, match="chưa có yêu cầu bổ sung"):
        desk.issue_slip(code, SlipKind.SUPPLEMENT, tmp_path / "none.pdf")
    desk.step(code, StepRequest(S.SUPPLEMENT_REQUESTED, HOA, note="Thiếu giấy chứng sinh",
                                documents=("Giấy chứng sinh",)))
    first = desk.issue_slip(code, SlipKind.SUPPLEMENT, tmp_path / "s1.pdf")
    again = desk.issue_slip(code, SlipKind.SUPPLEMENT, tmp_path / "s2.pdf")
    text = pdf_words(first)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "1/HDHS" in text and "Thiếu giấy chứng sinh" in text and "Giấy chứng sinh" in text
    assert code in text and "Nguyễn Văn Đức" in text
    copy = pdf_words(again)
    assert "BẢN SAO" in copy and "1/HDHS" in copy and "BẢN SAO" not in text
    printed = [h for h in desk.history(code) if h["action"] == "slip_printed"]
    assert len(printed) == 2 and printed[0]["detail"]["number"] == "1/HDHS"

    # A second dossier's supplement request takes the next number of the year.
    other = desk.receive(intake_request()).dossier.code
    desk.step(other, StepRequest(S.SUPPLEMENT_REQUESTED, HOA, note="Thiếu chữ ký"))
    desk.issue_slip(other, SlipKind.SUPPLEMENT, tmp_path / "o.pdf")
    assert "2/HDHS" in pdf_words(tmp_path / "o.pdf")


def test_the_control_sheet_lists_every_handover(world, tmp_path):
    desk, clock, code = world
    desk.step(code, StepRequest(S.IN_PROCESSING, HOA, to_unit=UNIT))
    clock.advance(hours=1)
    desk.step(code, StepRequest(S.IN_PROCESSING, HOA, to_unit="Phó Chủ tịch UBND"))
    clock.advance(hours=1)
    desk.step(code, StepRequest(S.DONE, HOA))
    sheet = pdf_words(desk.issue_slip(code, SlipKind.CONTROL, tmp_path / "c.pdf"))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in sheet
    for party in (UNIT, "Phó Chủ tịch UBND", "Bộ phận Một cửa"):
        assert party in sheet
    assert "Đúng hạn" in sheet  # handed over on the day it is due


def test_the_apology_sets_the_new_appointment_and_prints_it(world, tmp_path):
    desk, clock, code = world
    desk.step(code, StepRequest(S.IN_PROCESSING, HOA, to_unit=UNIT))
    old_due = desk.dossier(code).due_at
    clock.now = old_due.replace(hour=16)
    extended = desk.extend_due(code, new_due=at("2026-03-20 16:00"),
                               reason="Chờ kết quả xác minh", responsible=UNIT)
    assert extended.due_at == at("2026-03-20 16:00")
    assert extended.statutory_due_at == old_due
    assert desk.events(code)[-1]["kind"] == "updated"
    slip = pdf_words(desk.issue_slip(code, SlipKind.APOLOGY, tmp_path / "a.pdf"))
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in slip
    assert "20/03/2026" in slip and "Chờ kết quả xác minh" in slip


def test_refusal_and_stop_slips_carry_their_reasons(world, tmp_path):
    desk, clock, code = world
    desk.step(code, StepRequest(S.REFUSED, HOA, note="Không thuộc thẩm quyền của xã"))
    text = pdf_words(desk.issue_slip(code, SlipKind.REFUSAL, tmp_path / "r.pdf"))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Không thuộc thẩm quyền của xã" in text

    other = desk.receive(intake_request()).dossier.code
    desk.step(other, StepRequest(S.IN_PROCESSING, HOA, to_unit=UNIT))
    desk.step(other, StepRequest(S.STOPPED, HOA, note="Công dân không bổ sung đúng hạn"))
    text = pdf_words(desk.issue_slip(other, SlipKind.STOP, tmp_path / "t.pdf"))
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert "Công dân không bổ sung đúng hạn" in text

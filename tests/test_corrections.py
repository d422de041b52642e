"""Correcting a stamped dossier (issue 11.1), through the real command line and its files.

A dossier received on Monday 02/03/2026 is corrected afterwards (the command line runs on the
real clock, so that day is closed and sealed by then): its history, its event, its search
text, the daily log and the receipt issued again are read back from the data folder, the
database and the PDFs; `log verify` tells the correction from an edit made with sqlite3.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SUPERVISOR, FakeClock, acting, at, intake_request, pdf_words, rows
from conftest import run_cli as run
from station_db import open_db

from intake_app.domain.corrections import CorrectionError, CorrectionNotAllowed
from intake_app.domain.errors import NotFound
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.limits import REASON_CHARS
from intake_app.domain.status import DossierStatus
from intake_app.store.db import DATABASE_FILE

HOA = "Lê Thị Hoa"
TYPED = {"name": "Trần Thị Hà", "id_number": "046195001234", "birth_date": "1995-03-02",
         "gender": "nữ", "phone": "0912345678", "email": None, "address": "Thôn Phước Yên",
         "province_code": "46", "commune_code": "19873"}
PATCH = {"applicant": {"name": "Trần Thị Hòa", "phone": "0987 654 321"},
         "documents": [{"name": "Giấy khai sinh", "form": "ban_sao", "copies": 3}]}
REASON = "Gõ sai tên và số điện thoại; thiếu một bản sao trong danh sách"


@pytest.fixture
def stamped(make_desk):
    """One dossier received on Monday 02/03/2026 at 08:20 with a typo in the name, and one on
    Tuesday (so the station's trusted clock has seen Monday end: Monday is sealed first)."""
    clock = FakeClock(at("2026-03-02 08:20"))
    desk = make_desk(clock)
    code = desk.receive(intake_request(applicant=dict(TYPED))).dossier.code
    clock.now = at("2026-03-03 09:00")
    other = {**TYPED, "name": "Võ Minh Tuấn", "id_number": "046095007654", "gender": "nam",
             "phone": None}
    desk.receive(intake_request(applicant=other))
    desk.close()
    return desk.data_dir, code


def write(tmp_path, data, name="patch.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def correct(capsys, folder, code, tmp_path, patch, reason=REASON):
    return run(capsys, folder, "correct", code, "--json", write(tmp_path, patch),
               "--reason", reason)


def test_a_stamped_dossier_is_corrected_from_the_command_line(stamped, capsys, tmp_path):
    folder, code = stamped
    original = folder / "receipts" / "2026" / "03" / f"{code}.pdf"
    first = original.read_bytes()

    status, out, err = correct(capsys, folder, code, tmp_path, PATCH)
    assert status == 0, err
    assert out["version"] == 2 and out["receipt_issue"] == 2
    assert [(c["field"], c["before"], c["after"]) for c in out["changes"]] == [
        ("applicant.name", "Trần Thị Hà", "Trần Thị Hòa"),
        ("applicant.phone", "0912345678", "0987654321"),
        ("documents", "Giấy khai sinh (bản sao, 2 bản)", "Giấy khai sinh (bản sao, 3 bản)")]
    assert out["fee"] == {"before": 10000, "after": 15000}
    assert out["due_at"] == "2026-03-02T17:00:00+07:00"  # the appointment never moves
    assert out["recorded_beside_seal"] is True  # Monday was sealed before its row changed

    # The history names every field before → after, and why.
    _, shown, _ = run(capsys, folder, "show", code)
    entry = shown["history"][-1]
    assert entry["action"] == "corrected" and entry["actor"] == HOA
    assert REASON in entry["note"] and entry["detail"]["reason"] == REASON
    assert entry["detail"]["changes"][0] == {"field": "applicant.name",
                                             "label": "Họ và tên người nộp",
                                             "before": "Trần Thị Hà", "after": "Trần Thị Hòa"}
    assert [(r["issue"], r["current"]) for r in shown["receipts"]] == [(1, False), (2, True)]

    # The event: `updated`, the next version, the whole dossier as corrected.
    ((payload,),) = rows(folder, "SELECT payload FROM outbox WHERE version = 2")
    event = json.loads(payload)
    assert event["kind"] == "updated" and event["version"] == 2
    snapshot = event["dossier"]
    assert snapshot["ChuHoSo"] == "Trần Thị Hòa" and snapshot["SoDienThoai"] == "0987654321"
    assert snapshot["TaiLieuNop"][0]["SoLuong"] == 3
    assert snapshot["DanhSachLePhi"] == [{"TenPhiLePhi": "Phí chứng thực bản sao", "Gia": 15000}]
    assert event["progress"]["TrangThai"] == 2 and REASON in event["progress"]["NoiDungXuLy"]

    # One source per fact: search, the log and the receipt all say the corrected name.
    _, found, _ = run(capsys, folder, "find", "tran thi hoa")
    assert [d["code"] for d in found] == [code]
    _, found, _ = run(capsys, folder, "find", "tran thi ha")
    assert found == []
    _, found, _ = run(capsys, folder, "find", "0987 654 321")
    assert [d["code"] for d in found] == [code]
    status, _, _ = run(capsys, folder, "log", "--from", "2026-03-02", "--to", "2026-03-02",
                       "--out", str(tmp_path / "so.pdf"), user=SUPERVISOR)
    log = pdf_words(tmp_path / "so.pdf")
    assert status == 0 and "Trần Thị Hòa" in log and "Trần Thị Hà " not in log

    # The new original: unmarked, saying what it replaces and what the fee became.
    assert out["receipt"] == str(folder / "receipts" / "2026" / "03" / f"{code}-lan2.pdf")
    receipt = pdf_words(Path(out["receipt"]))
    assert "Trần Thị Hòa" in receipt and "0987654321" in receipt
    assert "Cấp lại lần 2" in receipt and "thay cho giấy tiếp nhận cấp ngày 02/03/2026" in receipt
    assert "trước đây 10.000 đồng, nay 15.000 đồng (nộp thêm 5.000 đồng)" in receipt
    assert "BẢN SAO" not in receipt
    # The first original is kept as it was handed out.
    assert original.read_bytes() == first and "Trần Thị Hà" in pdf_words(original)

    # Copies: of the current original, and of the replaced one, which says it was replaced.
    status, _, _ = run(capsys, folder, "receipt", code, "--out", str(tmp_path / "copy.pdf"))
    copy = pdf_words(tmp_path / "copy.pdf")
    assert status == 0 and "BẢN SAO" in copy and "Trần Thị Hòa" in copy
    status, _, _ = run(capsys, folder, "receipt", code, "--issue", "1",
                       "--out", str(tmp_path / "old.pdf"))
    old = pdf_words(tmp_path / "old.pdf")
    assert status == 0 and "BẢN SAO" in old and "Trần Thị Hà" in old
    assert "đã được thay bằng giấy tiếp nhận cấp lại lần 2" in old
    status, _, err = run(capsys, folder, "receipt", code, "--issue", "7",
                         "--out", str(tmp_path / "none.pdf"))
    assert status == 1 and "cấp lần 7" in err


def test_log_verify_tells_a_correction_from_tampering(stamped, capsys, tmp_path):
    folder, code = stamped
    assert run(capsys, folder, "log", "verify",
               user=SUPERVISOR)[0] == 0  # seals Monday as it was typed
    status, _, _ = correct(capsys, folder, code, tmp_path, PATCH)
    assert status == 0

    status, verdict, _ = run(capsys, folder, "log", "verify", user=SUPERVISOR)
    assert status == 0 and verdict["ok"] and verdict["problems"] == []
    (corrected,) = verdict["corrected"]
    assert corrected["code"] == code and corrected["day"] == "2026-03-02"
    assert corrected["by"] == HOA and corrected["reason"] == REASON
    ((seal_count,),) = rows(folder, "SELECT count(*) FROM log_corrections")
    assert seal_count == 1

    # An edit made with sqlite3 after the correction is still tampering.
    with open_db(folder / DATABASE_FILE) as conn:
        conn.execute("UPDATE dossiers SET applicant = json_set(applicant, '$.phone', "
                     "'0900000000') WHERE code = ?", [code])
    status, verdict, _ = run(capsys, folder, "log", "verify", user=SUPERVISOR)
    assert status == 1
    assert [(p["kind"], p["code"]) for p in verdict["problems"]] == [("changed", code)]
    assert "kể cả sau các lần sửa thông tin" in verdict["problems"][0]["message"]

    # So is putting the row back as it was sealed, before the correction.
    with open_db(folder / DATABASE_FILE) as conn:
        conn.execute("UPDATE dossiers SET applicant = json_set(applicant, '$.name', ?, "
                     "'$.phone', '0912345678') WHERE code = ?", ["Trần Thị Hà", code])
    status, verdict, _ = run(capsys, folder, "log", "verify", user=SUPERVISOR)
    assert status == 1 and [p["kind"] for p in verdict["problems"]] == ["changed"]


def test_a_correction_record_forged_with_sqlite3_is_caught(stamped, capsys, tmp_path):
    folder, code = stamped
    assert run(capsys, folder, "log", "verify", user=SUPERVISOR)[0] == 0
    status, _, _ = correct(capsys, folder, code, tmp_path, PATCH)
    assert status == 0
    # Someone edits the name again and writes a "correction" for it without the audit key.
    with open_db(folder / DATABASE_FILE) as conn:
        ((before,),) = conn.execute("SELECT after_digest FROM log_corrections").fetchall()
        conn.execute("UPDATE dossiers SET applicant = json_set(applicant, '$.name', "
                     "'Người Khác') WHERE code = ?", [code])
        conn.execute(
            "INSERT INTO log_corrections (day, code, before_digest, after_digest, corrected_at, "
            "corrected_by, reason, mac, step) SELECT day, code, ?, ?, corrected_at, "
            "corrected_by, 'x', ?, step FROM log_corrections", [before, "f" * 64, "0" * 64])
    status, verdict, _ = run(capsys, folder, "log", "verify", user=SUPERVISOR)
    kinds = {p["kind"] for p in verdict["problems"]}
    assert status == 1 and {"changed", "forged_correction"} <= kinds


def test_what_is_never_corrected_is_refused_with_what_to_do(stamped, capsys, tmp_path):
    folder, code = stamped
    status, _, err = correct(capsys, folder, code, tmp_path,
                             {"procedure": "1.001193", "received_at": "2026-03-02T07:00:00"})
    assert status == 2
    assert "Chưa sửa gì" in err and "tiếp nhận một hồ sơ mới" in err
    assert "Thời gian tiếp nhận" in err
    status, _, err = correct(capsys, folder, code, tmp_path, {"applicant": {"phone": "12"}})
    assert status == 2 and "Số điện thoại của người nộp" in err
    status, _, err = correct(capsys, folder, code, tmp_path, {"applicant": {"name": TYPED["name"]}})
    assert status == 2 and "Không có gì thay đổi" in err
    status, _, err = correct(capsys, folder, code, tmp_path, PATCH, reason="   ")
    assert status == 2 and "lý do" in err
    status, _, err = correct(capsys, folder, code, tmp_path, PATCH, reason="x" * (REASON_CHARS + 1))
    assert status == 2 and "Lý do sửa thông tin hồ sơ" in err and "1.000 ký tự" in err
    # Nothing was saved by any of them.
    assert rows(folder, "SELECT version FROM dossiers") == [(1,), (1,)]
    assert rows(folder, "SELECT count(*) FROM dossier_history WHERE action = 'corrected'") == [(0,)]


def test_which_status_allows_what(make_desk):
    desk = make_desk(FakeClock(at("2026-03-02 08:20")))
    code = desk.receive(intake_request(applicant=dict(TYPED))).dossier.code
    desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, HOA, to_unit="Công chức Tư pháp"))
    # Processing: the papers may still be corrected.
    assert desk.correct(code, {"pages": 4}, reason="Đếm lại trang").dossier.pages == 4
    desk.step(code, StepRequest(DossierStatus.DONE, HOA))
    # Done: the people and the delivery still, not the papers.
    with pytest.raises(CorrectionNotAllowed) as refused:
        desk.correct(code, {"pages": 5}, reason="Đếm lại trang")
    assert "đã xử lý xong" in refused.value.message and refused.value.exit_code == 3
    done = desk.correct(code, {"applicant": {"name": "Trần Thị Hòa"}, "delivery": "post"},
                        reason=REASON)
    assert done.dossier.delivery.value == "post" and done.dossier.status == DossierStatus.DONE
    assert "Qua dịch vụ bưu chính công ích" in done.receipt.result_delivery_text
    # Returned: nothing at all.
    desk.hand_back(code, receiver_name="Trần Thị Hòa", receiver_id_number=None)
    with pytest.raises(CorrectionNotAllowed) as refused:
        desk.correct(code, {"note": "x"}, reason=REASON)
    assert "đã trả kết quả" in refused.value.message


def test_owner_added_then_removed_and_the_receipt_issued_each_time(make_desk):
    clock = FakeClock(at("2026-03-02 08:20"))
    desk = make_desk(clock)
    code = desk.receive(intake_request(applicant=dict(TYPED))).dossier.code
    clock.advance(days=1)
    newborn = {"name": "Trần Gia Bảo", "id_type": "none", "address": "Thôn Phước Yên"}
    added = desk.correct(code, {"owner": newborn}, reason="Quên ghi chủ hồ sơ")
    assert added.dossier.owner is not None and added.dossier.owner.name == "Trần Gia Bảo"
    event = desk.events(code)[-1]
    assert event["dossier"]["ChuHoSo"] == "Trần Gia Bảo"
    assert event["dossier"]["LoaiGiayTo"] == 0 and event["dossier"]["MaDoiTuong"] is None
    clock.advance(days=1)
    removed = desk.correct(code, {"owner": None}, reason="Người nộp là chủ hồ sơ")
    assert removed.dossier.owner is None and removed.receipt.issue == 3
    assert "thay cho giấy tiếp nhận cấp ngày 03/03/2026" in removed.receipt.reissue_note
    issues = desk.receipt_issues(code)
    assert [(i.receipt.issue, i.current) for i in issues] == [(1, False), (2, False), (3, True)]
    assert issues[1].receipt.owner_name == "Trần Gia Bảo"
    assert [e["version"] for e in desk.events(code)] == [1, 2, 3]
    # The fee was not touched: the papers did not change.
    assert removed.dossier.fee_total == removed.fee_before == 10000
    assert "Phí, lệ phí" not in removed.receipt.reissue_note


def test_a_parked_event_is_superseded_by_the_correction(make_desk, data_dir):
    desk = make_desk(FakeClock(at("2026-03-02 08:20")))
    code = desk.receive(intake_request(applicant=dict(TYPED))).dossier.code
    with open_db(data_dir / DATABASE_FILE) as conn:  # the gateway refused it
        conn.execute("UPDATE outbox SET state = 'rejected', reject_code = 'malformed', "
                     "reject_message = 'dossier.ChuHoSo must not be empty'")
    result = desk.correct(code, PATCH, reason=REASON)
    assert result.superseded == 1
    new_event = desk.events(code)[-1]
    assert rows(data_dir, "SELECT version, state, superseded_by FROM outbox ORDER BY version") == [
        (1, "rejected", new_event["event_id"]), (2, "pending", None)]
    # Nobody needs to retry it: it is not counted as refused, and listed with the new version.
    counts = desk.outbox_counts()
    assert counts["rejected"] == 0 and counts["superseded"] == 1 and counts["pending"] == 1
    (parked,) = desk.sync.parked()
    assert parked["code"] == code and parked["superseded_by_version"] == 2
    assert parked["superseded_by_state"] == "pending"
    with pytest.raises(NotFound), acting(desk, SUPERVISOR):  # nothing left to put back
        desk.sync.retry(code)
    # Once the corrected version reached the province, nothing is left to look at.
    with open_db(data_dir / DATABASE_FILE) as conn:
        conn.execute("UPDATE outbox SET state = 'delivered' WHERE version = 2")
    assert desk.sync.parked() == []


def test_the_fee_and_the_receipt_follow_only_the_papers(make_desk):
    desk = make_desk(FakeClock(at("2026-03-02 08:20")))
    code = desk.receive(intake_request(applicant=dict(TYPED))).dossier.code
    result = desk.correct(code, {"pages": 12}, reason="Đếm lại số trang")
    assert result.fee_before == 10000 and result.dossier.fee_total != 10000
    assert result.dossier.due_at == desk.receipt_issues(code)[0].receipt.due_at
    with pytest.raises(CorrectionError) as refused:
        desk.correct(code, {"applicant": {"colour": "blue"}}, reason=REASON)
    assert "colour" in refused.value.message


def test_report_06a_of_a_closed_period_is_unchanged_by_a_correction(stamped, capsys, tmp_path):
    folder, code = stamped
    status, first, _ = run(capsys, folder, "report", "--from", "2026-03-01", "--to",
                           "2026-03-31", "--out", str(tmp_path / "a.pdf"), user=SUPERVISOR)
    assert status == 0
    assert correct(capsys, folder, code, tmp_path, PATCH)[0] == 0
    status, again, _ = run(capsys, folder, "report", "--from", "2026-03-01", "--to",
                           "2026-03-31", "--out", str(tmp_path / "b.pdf"), user=SUPERVISOR)
    # A correction changes no count: not the procedure, the time received or the status.
    assert status == 0 and again["matches_first_print"] is True
    assert again["total"] == first["total"]

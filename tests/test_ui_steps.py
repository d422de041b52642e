"""Steps after receipt from the dossier dialog: Chuyển bước, Hẹn lại ngày trả, In phiếu."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import (
    UNIT,
    FakeClock,
    as_user,
    at,
    intake_request,
    pdf_text,
    set_up_accounts,
    type_text,
)
from PySide6.QtCore import QDate, Qt, QTime

from intake_app.desk import Desk
from intake_app.domain.clock import VN_TZ
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.slips import SlipKind
from intake_app.domain.status import DossierStatus as S
from intake_app.ui.find import DossierDialog
from intake_app.ui.find.dossier_dialog import read_view
from intake_app.ui.steps import ExtendDueDialog, StepDialog
from intake_app.ui.steps.slips import SlipPreviewDialog
from intake_app.ui.steps.units import recent_units

CTRL = Qt.KeyboardModifier.ControlModifier
UNIT_NAME = "Công chức Tư pháp - Hộ tịch"


@pytest.fixture(scope="module")
def stamped(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("steps") / "station"
    clock = FakeClock(at("2026-03-02 08:00"))
    codes = {}
    with Desk(folder, clock=clock) as desk:
        desk.init_station(**UNIT)
        set_up_accounts(desk)
        as_user(desk)
        payload = intake_request(procedure="1.004884")  # several working days
        payload["documents"] = [{"name": "Tờ khai", "form": "ban_chinh", "copies": 1}]
        codes["long"] = desk.receive(payload).dossier.code
        codes["late"] = desk.receive(intake_request()).dossier.code
    return folder, codes


@pytest.fixture
def world(stamped, tmp_path, qtbot, make_session):
    template, codes = stamped
    folder = shutil.copytree(template, tmp_path / "station")
    clock = FakeClock(at("2026-03-04 10:00"))
    desk = as_user(Desk(folder, clock=clock))
    yield SimpleNamespace(desk=desk, clock=clock, codes=codes,
                          session=make_session(desk))
    desk.close()


def open_dialog(world, qtbot, key: str) -> DossierDialog:
    dialog = DossierDialog(world.session, read_view(world.desk, world.codes[key]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def step_dialog(dossier_dialog: DossierDialog, qtbot) -> StepDialog:
    step = dossier_dialog.open_step_dialog()
    assert isinstance(step, StepDialog)
    activate(step, qtbot)
    return step


def activate(window, qtbot) -> None:
    """Shortcuts (Ctrl+Enter) reach the active window only."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def refused(qtbot, dialog) -> str:
    """Confirm a step dialog the desk refuses: the reason shown under the form."""
    assert dialog.confirm()
    qtbot.waitUntil(dialog.error.isVisible)
    return dialog.error.text()


def taken(qtbot, dialog) -> None:
    """Confirm a step dialog the desk accepts: it closes."""
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.confirm()


def test_hand_over_2_to_4_with_a_unit(world, qtbot):
    code = world.codes["long"]
    dialog = open_dialog(world, qtbot, "long")
    step = step_dialog(dialog, qtbot)
    assert list(step.target_buttons) == sorted(world.desk.next_statuses(code))
    assert step.chosen_target() == S.IN_PROCESSING  # the usual next step is chosen
    assert step.to_unit.isVisible() and not step.receiver_name.isVisible()
    assert not step.components.isVisible()
    type_text(qtbot, step.to_unit, UNIT_NAME)
    with qtbot.waitSignal(world.session.changed) as changed:
        qtbot.keyClick(step.to_unit, Qt.Key.Key_Return, CTRL)
    assert changed.args[0].dossiers == {code}
    assert step.result() == StepDialog.DialogCode.Accepted
    saved = world.desk.dossier(code)
    assert (saved.status, saved.processing_unit) == (S.IN_PROCESSING, UNIT_NAME)
    assert dialog.fields["status"].text() == "Đang xử lý"
    assert dialog.history.item(dialog.history.rowCount() - 1, 2).text() == "Chuyển xử lý"
    assert dialog.message.text() == "Đã chuyển hồ sơ sang «Đang xử lý»."
    assert dialog.follow_up_kind is SlipKind.CONTROL  # the control sheet goes with it
    assert dialog.follow_up_button.isVisible()
    assert recent_units(world.desk) == [UNIT_NAME]


def test_a_hand_over_without_a_unit_is_refused_under_the_form(world, qtbot):
    dialog = open_dialog(world, qtbot, "long")
    step = step_dialog(dialog, qtbot)
    assert refused(qtbot, step) == "Chưa nhập nơi nhận hồ sơ (cơ quan hoặc công chức xử lý)."
    assert step.isVisible() and step.to_unit.hasFocus()


def test_a_supplement_without_a_reason_is_refused(world, qtbot):
    code = world.codes["long"]
    before = len(world.desk.history(code))
    step = step_dialog(open_dialog(world, qtbot, "long"), qtbot)
    step.choose(S.SUPPLEMENT_REQUESTED)
    assert step.components.isVisible() and step.components.count() > 0
    assert not step.to_unit.isVisible()
    assert step.note_label.text() == "Lý do *:"
    qtbot.keyClick(step.note, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(step.error.isVisible)
    assert step.error.text() == "Chưa nhập lý do yêu cầu bổ sung, hoàn thiện hồ sơ."
    assert step.result() != StepDialog.DialogCode.Accepted
    assert world.desk.dossier(code).status == S.RECEIVED
    assert len(world.desk.history(code)) == before


def test_a_supplement_lists_the_papers_and_offers_form_02(world, qtbot, monkeypatch):
    code = world.codes["long"]
    dialog = open_dialog(world, qtbot, "long")
    step = step_dialog(dialog, qtbot)
    step.choose(S.SUPPLEMENT_REQUESTED)
    first = step.components.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    type_text(qtbot, step.other_documents, "Giấy ủy quyền")
    type_text(qtbot, step.note, "Thiếu giấy tờ chứng minh")
    taken(qtbot, step)
    detail = world.desk.history(code)[-1]["detail"]
    assert detail["documents"] == [first.text(), "Giấy ủy quyền"]
    assert detail["reason"] == "Thiếu giấy tờ chứng minh"
    assert dialog.follow_up_kind is SlipKind.SUPPLEMENT
    assert "Mẫu 02" in dialog.follow_up_button.text()

    shown: list[Path] = []
    monkeypatch.setattr(DossierDialog, "show_slip",
                        lambda self, written, kind: shown.append(written.path))
    dialog.follow_up_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert len(shown) == 1 and shown[0].parent == world.desk.data_dir / "slips"
    text = pdf_text(shown[0])
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Giấy ủy quyền" in text
    assert not dialog.follow_up_button.isVisible()
    assert world.desk.history(code)[-1]["action"] == "slip_printed"


def test_returning_from_the_step_dialog_takes_the_receiver(world, qtbot):
    code = world.codes["long"]
    world.desk.step(code, StepRequest(S.DONE, "Lê Thị Hoa"))
    step = step_dialog(open_dialog(world, qtbot, "long"), qtbot)
    assert step.chosen_target() == S.RETURNED
    assert step.receiver_name.text() == "Nguyễn Văn Đức"
    step.receiver_name.clear()
    assert refused(qtbot, step) == "Họ tên người nhận kết quả không được để trống."
    type_text(qtbot, step.receiver_name, "Trần Thị Bích Ngọc")
    taken(qtbot, step)
    assert world.desk.dossier(code).status == S.RETURNED


def test_the_step_dialog_can_send_the_clerk_to_f4(world, qtbot):
    code = world.codes["long"]
    world.desk.step(code, StepRequest(S.DONE, "Lê Thị Hoa"))
    dialog = open_dialog(world, qtbot, "long")
    step = step_dialog(dialog, qtbot)
    with qtbot.waitSignal(world.session.hand_back_requested) as asked:
        step.hand_back_button.click()
    assert asked.args == [code]
    assert not dialog.isVisible()


def test_a_finished_dossier_has_no_step(world, qtbot):
    code = world.codes["late"]
    world.desk.hand_back(code, receiver_name="Nguyễn Văn Đức", receiver_id_number=None)
    dialog = open_dialog(world, qtbot, "late")
    assert not dialog.step_button.isEnabled()
    assert not dialog.extend_button.isEnabled()
    assert dialog.open_step_dialog() is None


def test_apology_sets_a_new_appointment_and_offers_form_04(world, qtbot):
    code = world.codes["late"]
    dialog = open_dialog(world, qtbot, "late")
    assert dialog.extend_button.isEnabled()
    extend = dialog.open_extend_dialog()
    assert isinstance(extend, ExtendDueDialog)
    activate(extend, qtbot)
    assert extend.new_date.date() == QDate(2026, 3, 5)  # next working day, same time
    assert extend.new_time.time() == QTime(17, 0)
    assert refused(qtbot, extend) == "Chưa nhập lý do chậm trả kết quả."
    extend.new_date.setDate(QDate(2026, 3, 6))
    extend.new_time.setTime(QTime(16, 30))
    type_text(qtbot, extend.reason, "Chờ xác minh thông tin")
    type_text(qtbot, extend.responsible, UNIT_NAME)
    with qtbot.waitSignal(extend.accepted):
        qtbot.keyClick(extend.reason, Qt.Key.Key_Return, CTRL)
    assert world.desk.dossier(code).due_at == datetime(2026, 3, 6, 16, 30, tzinfo=VN_TZ)
    assert dialog.fields["due"].text() == "06/03/2026 16:30"
    assert dialog.message.text() == "Đã hẹn lại ngày trả kết quả: 06/03/2026 16:30."
    assert dialog.follow_up_kind is SlipKind.APOLOGY
    assert dialog.slip_actions[SlipKind.APOLOGY].isEnabled()


def test_the_slip_menu_writes_a_pdf_and_shows_it(world, qtbot):
    dialog = open_dialog(world, qtbot, "long")
    actions = dialog.slip_actions
    assert list(actions) == [SlipKind.SUPPLEMENT, SlipKind.REFUSAL, SlipKind.APOLOGY,
                             SlipKind.STOP, SlipKind.CONTROL]
    assert [a.isEnabled() for a in actions.values()] == [False, False, False, False, True]
    with qtbot.waitSignal(world.session.changed):
        actions[SlipKind.CONTROL].trigger()
    assert isinstance(dialog.preview, SlipPreviewDialog)
    assert len(dialog.preview.page_labels) >= 1
    assert dialog.preview.copies.value() == 1
    written = sorted((world.desk.data_dir / "slips").glob("*.pdf"))
    assert len(written) == 1
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in pdf_text(written[0])
    assert dialog.history.item(dialog.history.rowCount() - 1, 2).text() == "In phiếu"
    dialog.preview.reject()


def test_a_slip_whose_step_never_happened_says_so(world, qtbot):
    dialog = open_dialog(world, qtbot, "long")
    dialog.print_slip(SlipKind.REFUSAL)
    qtbot.waitUntil(lambda: dialog.message.text() != "")
    assert dialog.message.text() == (
        "Hồ sơ không bị từ chối tiếp nhận: không có phiếu từ chối để in.")
    assert not (world.desk.data_dir / "slips").exists()


def test_units_used_before_are_offered(world, qtbot):
    world.desk.set_setting("recent_units", [UNIT_NAME, "Phòng Kinh tế"])
    step = step_dialog(open_dialog(world, qtbot, "long"), qtbot)
    assert step.to_unit.completer().model().stringList() == [UNIT_NAME, "Phòng Kinh tế"]

"""Sửa thông tin… in the dossier window (issue 11.1), offscreen, on a real Desk and SQLite file.

A dossier received on Monday 02/03/2026 with a typo in the name and a paper counted short is
corrected in the window on Wednesday: the dialog says what changes (the fee too) and what the
citizen is told, the reissued receipt's PDF is read back, the dossier window shows the
corrected dossier; the supervisor's "Kiểm tra sổ" lists the sealed row as a correction.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import (
    UNIT,
    FakeClock,
    as_user,
    at,
    intake_request,
    pdf_words,
    review_file,
    set_up_accounts,
    shot,
    type_text,
)
from PySide6.QtCore import Qt
from shiboken6 import isValid

from intake_app.desk import Desk
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.procedures import DocForm
from intake_app.domain.status import DossierStatus
from intake_app.ui.find import DossierDialog
from intake_app.ui.find.correction_dialog import CorrectionDialog
from intake_app.ui.find.dossier_dialog import read_view

HOA = "Lê Thị Hoa"
TYPED = {"name": "Trần Thị Hà", "id_number": "046195001234", "birth_date": "1995-03-02",
         "gender": "nữ", "phone": "0912345678", "email": None, "address": "Thôn Phước Yên",
         "province_code": "46", "commune_code": "19873"}
REASON = "Gõ sai tên; thiếu một bản sao trong danh sách"


@pytest.fixture(scope="module")
def stamped(tmp_path_factory) -> tuple[Path, str, str]:
    """Monday 02/03: the dossier with the typo; Tuesday 03/03: another (Monday is closed)."""
    folder = tmp_path_factory.mktemp("corrections") / "station"
    clock = FakeClock(at("2026-03-02 08:20"))
    with Desk(folder, clock=clock) as desk:
        desk.init_station(**UNIT)
        set_up_accounts(desk)
        as_user(desk)
        code = desk.receive(intake_request(applicant=dict(TYPED))).dossier.code
        clock.now = at("2026-03-03 09:00")
        other = {**TYPED, "name": "Võ Minh Tuấn", "id_number": "046095007654",
                 "gender": "nam"}
        done = desk.receive(intake_request(applicant=other)).dossier.code
        desk.step(done, StepRequest(DossierStatus.IN_PROCESSING, HOA, to_unit="Tư pháp"))
        desk.step(done, StepRequest(DossierStatus.DONE, HOA))
    return folder, code, done


@pytest.fixture
def world(stamped, tmp_path, make_session):
    template, code, done = stamped
    folder = shutil.copytree(template, tmp_path / "station")
    clock = FakeClock(at("2026-03-04 10:00"))
    desk = as_user(Desk(folder, clock=clock))
    yield SimpleNamespace(desk=desk, clock=clock, code=code, done=done, folder=folder,
                          session=make_session(desk))
    desk.close()


def open_window(world, qtbot, code: str) -> DossierDialog:
    dialog = DossierDialog(world.session, read_view(world.desk, code))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def open_correction(window: DossierDialog, qtbot) -> CorrectionDialog:
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.correction is not None)
    dialog = window.correction
    assert isinstance(dialog, CorrectionDialog)
    qtbot.waitUntil(dialog.is_checked)
    return dialog


def edit(qtbot, dialog: CorrectionDialog, action) -> None:
    with qtbot.waitSignal(dialog.checked, timeout=5000):
        action()
    qtbot.waitUntil(dialog.is_checked)


def test_correcting_a_stamped_dossier_reissues_its_receipt(world, qtbot):
    window = open_window(world, qtbot, world.code)
    assert window.correct_button.isEnabled()
    dialog = open_correction(window, qtbot)
    assert dialog.form.name.text() == "Trần Thị Hà"
    assert dialog.form.id_number.text() == "046195001234"
    assert dialog.form.commune.text()  # the applicant's commune, as stored
    assert "Chưa có thay đổi" in dialog.changes_label.text()
    assert not dialog.save_button.isEnabled()

    def retype_name():
        dialog.form.name.selectAll()
        type_text(qtbot, dialog.form.name, "Trần Thị Hòa")

    edit(qtbot, dialog, retype_name)
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_Return)  # Enter: the next field
    assert dialog.form.id_number.hasFocus()
    (row,) = [r for r in dialog.checklist.rows() if r.tick.isChecked()]
    edit(qtbot, dialog, lambda: row.counts[DocForm.CERTIFIED_COPY].setValue(3))
    text = dialog.changes_label.text()
    assert "Trần Thị Hà" in text and "Trần Thị Hòa" in text
    assert "Thành phần hồ sơ" in text
    told = dialog.told_label.text()
    assert "Thời gian trả kết quả không thay đổi: 02/03/2026 17:00" in told
    before = world.desk.dossier(world.code).fee_total
    assert dialog.outcome is not None and dialog.outcome.fee_before == before
    assert dialog.outcome.fee_after == before + 5000  # a third copy of three pages
    assert "(nộp thêm 5.000 đồng)" in told

    # No reason: nothing is saved, the reason's field says why.
    assert dialog.save() is False
    assert dialog.extra.errors["reason"].text().startswith("Hãy ghi lý do")
    type_text(qtbot, dialog.reason, REASON)
    shot(dialog, "correction-dialog")
    with qtbot.waitSignal(window.session.changed, timeout=15_000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preview is not None, timeout=10_000)
    preview = window.preview
    assert preview.copies.value() == 2  # the new original: the citizen's and the file's
    shot(preview, "reissued-receipt-preview")
    if (kept := review_file("reissued-receipt.pdf")) is not None:
        kept.write_bytes(preview.pdf)

    corrected = world.desk.dossier(world.code)
    assert corrected.applicant.name == "Trần Thị Hòa" and corrected.version == 2
    assert corrected.documents[0].copies == 3
    assert window.fields["applicant"].text() == "Trần Thị Hòa"
    assert window.message.text() == "Đã sửa 2 thông tin; giấy tiếp nhận cấp lại lần 2."
    last = window.history.rowCount() - 1
    assert window.history.item(last, 2).text() == "Sửa thông tin hồ sơ"
    assert REASON in window.history.item(last, 3).text()
    history = world.desk.history(world.code)[-1]
    assert history["action"] == "corrected" and history["actor"] == HOA

    words = pdf_words(preview.pdf)
    assert "Trần Thị Hòa" in words and "Trần Thị Hà" not in words
    assert "Cấp lại lần 2" in words
    assert "Thời gian trả kết quả không thay đổi" in words
    # The new original is not printed yet: closing it asks first; Ctrl+P prints it unmarked.
    preview.reject()
    assert preview.leave_box is not None and preview.isVisible()
    leave = next(b for b in preview.leave_box.buttons() if b.text() == "Đóng, in sau")
    leave.click()
    qtbot.waitUntil(lambda: not isValid(preview) or not preview.isVisible())
    shot(window, "dossier-after-correction")
    assert not world.desk.receipt_prints.original_printed(world.code, 2)


def test_a_dossier_already_decided_keeps_its_papers(world, qtbot):
    window = open_window(world, qtbot, world.done)
    dialog = open_correction(window, qtbot)
    assert not dialog.checklist.isEnabled()
    assert "không sửa thành phần hồ sơ" in dialog.papers_note.text()
    edit(qtbot, dialog, lambda: dialog.delivery.setCurrentIndex(1))  # by post now
    assert "qua bưu chính" in dialog.changes_label.text()
    assert "documents" not in dialog.patch()
    type_text(qtbot, dialog.reason, "Công dân đề nghị nhận qua bưu điện")
    with qtbot.waitSignal(window.session.changed, timeout=15_000):
        assert dialog.save()
    assert world.desk.dossier(world.done).delivery.value == "post"


def test_what_the_desk_refuses_is_said_under_its_field(world, qtbot):
    window = open_window(world, qtbot, world.code)
    dialog = open_correction(window, qtbot)

    def wrong_number():
        dialog.form.id_number.selectAll()
        type_text(qtbot, dialog.form.id_number, "046095001234")  # a man's number for a woman

    edit(qtbot, dialog, wrong_number)
    assert dialog.form.applicant.errors["applicant.id_number"].text()
    assert not dialog.save_button.isEnabled()
    # Esc with changes not saved asks first; "Bỏ thay đổi" closes, nothing saved.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.leave_box is not None and dialog.isVisible()
    next(b for b in dialog.leave_box.buttons() if b.text() == "Bỏ thay đổi").click()
    qtbot.waitUntil(lambda: window.correction is None)
    assert world.desk.dossier(world.code).version == 1


def test_a_returned_dossier_cannot_be_corrected(world, qtbot):
    world.desk.hand_back(world.code, receiver_name="Trần Thị Hà", receiver_id_number=None)
    window = open_window(world, qtbot, world.code)
    assert not window.correct_button.isEnabled()
    assert "đã trả kết quả" in window.correct_button.toolTip()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.correction is None


def test_kiem_tra_so_lists_a_correction_not_tampering(world, qtbot):
    from conftest import show_on_screen

    from intake_app.ui.supervisor import SupervisorScreen

    screen = SupervisorScreen(world.session)
    show_on_screen(qtbot, screen)
    with qtbot.waitSignal(screen.verified) as verified:
        screen.verify_button.click()  # seals Monday and Tuesday as they were typed
    assert verified.args[0] == []
    world.desk.correct(world.code, {"applicant": {"name": "Trần Thị Hòa"}}, reason=REASON)
    with qtbot.waitSignal(screen.verified) as verified:
        screen.verify_button.click()
    assert verified.args[0] == []
    text = screen.message.text()
    assert text.startswith("Sổ theo dõi không bị sửa đổi trái phép.")
    assert f"hồ sơ {world.code}: {HOA} sửa lúc 04/03/2026 10:00 — lý do: {REASON}" in text
    assert [c.code for c in screen.corrections] == [world.code]
    qtbot.wait(100)  # the layout gives the longer message its lines
    shot(screen, "kiem-tra-so-correction")


def test_the_sync_screen_says_a_refused_dossier_was_corrected(world, qtbot):
    """The province refused the dossier's first update; the correction's update carries the
    whole dossier again: the screen says so, and "Gửi lại" never sends the stale one."""
    from conftest import show_on_screen
    from station_db import open_db

    from intake_app.ui.sync.screen import SyncScreen

    with open_db(world.folder) as conn:
        conn.execute("UPDATE outbox SET state = 'rejected', reject_code = 'invalid_dossier', "
                     "reject_message = 'HoTen', updated_at = '2026-03-02T09:00:00+07:00' "
                     "WHERE dossier = (SELECT id FROM dossiers WHERE code = ?)", [world.code])
    world.desk.correct(world.code, {"applicant": {"name": "Trần Thị Hòa"}}, reason=REASON)
    screen = SyncScreen(world.session)
    with qtbot.waitSignal(screen.read, timeout=5000):
        show_on_screen(qtbot, screen)
    rows = [screen.table.item(r, 0).text() for r in range(screen.table.rowCount())]
    assert rows == [world.code]
    why = screen.table.item(0, 2).text()
    assert "Hồ sơ đã được sửa thông tin sau đó: bản đã sửa sẽ được gửi lên tỉnh" in why
    screen.table.selectRow(0)
    assert not screen.retry_button.isEnabled()  # nothing of it is to be sent again
    shot(screen, "sync-refused-then-corrected")


def test_the_chip_card_scanned_in_the_correction_dialog_corrects_the_applicant(world, qtbot):
    from PySide6.QtWidgets import QApplication
    from scanner_keys import scanner_keys

    from intake_app.ui.main_window import build_main_window

    window = build_main_window(world.session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.load_screens()
    qtbot.waitUntil(lambda: window.scanner is not None)
    world.session.open_dossier_requested.emit(world.code)
    qtbot.waitUntil(lambda: any(isinstance(w, DossierDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    (dossier_window,) = [w for w in QApplication.topLevelWidgets()
                         if isinstance(w, DossierDialog) and w.isVisible()]
    dossier_window.activateWindow()
    qtbot.waitUntil(dossier_window.isActiveWindow)
    dialog = open_correction(dossier_window, qtbot)
    dialog.activateWindow()
    dialog.form.phone.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.phone)
    card = "046195001234||Trần Thị Hòa|02031995|Nữ|Thôn Phước Yên, Quảng Thành|10042021"
    with qtbot.waitSignal(dialog.checked, timeout=5000):
        for event, _ in scanner_keys(card):
            QApplication.sendEvent(QApplication.focusWidget(), event)
    qtbot.waitUntil(dialog.is_checked)
    assert dialog.form.name.text() == "Trần Thị Hòa"
    assert dialog.form.phone.text() == "0912345678"  # as it was before the burst
    text = dialog.changes_label.text()
    assert "Trần Thị Hà" in text and "Thôn Phước Yên, Quảng Thành" in text
    assert QApplication.focusWidget() is dialog.reason
    assert window.built_screen("intake").form.name.text() == ""  # not the receive screen's

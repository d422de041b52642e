"""Identity documents chosen in the receive form (issue 11.3), in the real window on a real
Desk: a foreigner's passport and an organisation's tax code are checked by their own rules,
stamped, and printed under their own names; an owner may have no document (a newborn).
"""

from __future__ import annotations

import pytest
from conftest import pdf_words, review_file, shot, show_on_screen, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from station_db import kept_pdf

from intake_app.domain.id_documents import IdKind
from intake_app.ui.intake import IntakeScreen


@pytest.fixture
def screen(session, qtbot) -> IntakeScreen:
    widget = IntakeScreen(session)
    show_on_screen(qtbot, widget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.picker)
    return widget


def pick_procedure(qtbot, screen: IntakeScreen) -> None:
    qtbot.keyClicks(screen.picker, "chung thuc ban sao")
    qtbot.waitUntil(screen.picker.popup_visible)
    qtbot.keyClick(screen.picker, Qt.Key.Key_Return)
    assert screen.picker.value.code == "2.000815"
    row = screen.checklist.rows()[1]
    row.tick.setChecked(True)
    row.pages.setValue(2)


def choose(qtbot, screen: IntakeScreen, text: str) -> None:
    """Alt+G from the number's field opens the list of documents; ↓ and Enter choose."""
    box = screen.form.id_kind
    screen.form.id_number.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(screen.form.id_number, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: box.view().isVisible())
    for _ in range(box.findText(text) - box.currentIndex()):
        qtbot.keyClick(box.view(), Qt.Key.Key_Down)
    qtbot.keyClick(box.view(), Qt.Key.Key_Return)
    assert box.currentText() == text


def stamp(qtbot, screen: IntakeScreen):
    qtbot.waitUntil(screen.is_checked)
    with qtbot.waitSignal(screen.stamped, timeout=15_000) as stamped:
        qtbot.keyClick(screen.form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return stamped.args[0]


def test_a_foreigner_with_a_passport_is_stamped_and_printed_as_such(screen, qtbot, desk):
    pick_procedure(qtbot, screen)
    form = screen.form
    type_text(qtbot, form.name, "John Michael Smith")
    choose(qtbot, screen, "Số hộ chiếu *")
    assert form.id_kind.kind is IdKind.PASSPORT
    assert "6–9" in form.id_number.placeholderText()
    type_text(qtbot, form.id_number, "12 ab")  # too short, and not a CCCD's rule that says so
    form.address.setFocus(Qt.FocusReason.TabFocusReason)  # leaving the field: checked
    qtbot.waitUntil(lambda: "Số hộ chiếu" in form.applicant.errors["applicant.id_number"].text())
    form.id_number.selectAll()
    type_text(qtbot, form.id_number, "c 123 4567")
    type_text(qtbot, form.address, "12 Trần Phú")
    form.id_number.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: screen.is_checked()
                    and not form.applicant.errors["applicant.id_number"].text())
    shot(screen, "passport-applicant")
    result = stamp(qtbot, screen)
    applicant = desk.dossier(result.dossier.code).applicant
    assert applicant.id_kind is IdKind.PASSPORT and applicant.id_number == "C1234567"
    words = pdf_words(result.receipt_path)
    assert "Số hộ chiếu: C1234567" in words
    assert "Số định danh cá nhân/CCCD" not in words
    assert "giấy tờ tùy thân (hộ chiếu)" in words  # what to bring back: the passport
    shot(screen.receipt_dialog, "passport-receipt-preview")
    if (kept := review_file("passport-receipt.pdf")) is not None:
        kept.write_bytes(kept_pdf(result.receipt_path))
    assert form.id_kind.kind is IdKind.CCCD  # the next citizen starts with a CCCD
    # The hand-back screen names the document too.
    from intake_app.ui.handback import HandBackScreen

    hand_back = HandBackScreen(screen.session)
    qtbot.addWidget(hand_back)
    with qtbot.waitSignal(hand_back.loaded) as loaded:
        hand_back.load(result.dossier.code)
    assert loaded.args == [True]
    assert hand_back.id_caption.text() == "Số hộ chiếu:"
    assert hand_back.fields["id_number"].text() == "C1234567"


def test_an_organisation_and_a_newborn_owner(screen, qtbot, desk):
    pick_procedure(qtbot, screen)
    form = screen.form
    type_text(qtbot, form.name, "Công ty TNHH Phong Quảng")
    choose(qtbot, screen, "Mã số thuế *")
    type_text(qtbot, form.id_number, "0100109106")
    type_text(qtbot, form.address, "12 Trần Phú")
    form.owner_check.setChecked(True)
    type_text(qtbot, form.owner_name, "Nguyễn Văn An")
    form.owner_kind.set_kind(IdKind.NONE)
    assert not form.owner_id.isEnabled()
    payload = screen.payload()
    assert payload["applicant"]["kind"] == "organisation"
    assert payload["owner"]["id_type"] == "none" and payload["owner"]["id_number"] is None
    result = stamp(qtbot, screen)
    dossier = desk.dossier(result.dossier.code)
    assert dossier.applicant.id_kind is IdKind.TAX_CODE
    assert dossier.owner is not None and dossier.owner.id_kind is IdKind.NONE
    words = pdf_words(result.receipt_path)
    assert "Mã số thuế: 0100109106" in words

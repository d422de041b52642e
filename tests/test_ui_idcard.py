"""A chip ID card's QR code scanned into the real window (issue 11.2), with the key events a
2D USB scanner sends: Shift around capitals and the ``|`` separator, Vietnamese letters as
text the OS composes, Enter at the end. On the receive screen it fills the applicant from any
field or with no field focused; elsewhere it is typed as it always was. A typed CCCD number
chooses the gender and gives the birth year's century at once.
"""

from __future__ import annotations

import pytest
from conftest import shot, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from scanner_keys import scanner_keys

from intake_app.ui.main_window import build_main_window

CARD = ("046095001234|197412345|Nguyễn Văn Đức|02031995|Nam|"
        "Thôn Phước Yên, Quảng Thành, Quảng Điền, Thừa Thiên Huế|10042021")


@pytest.fixture
def window(session, qtbot):
    window = build_main_window(session)
    qtbot.addWidget(window)
    window.resize(1366, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.load_screens()
    qtbot.waitUntil(lambda: window.scanner is not None)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    return window


def scan(qtbot, text: str) -> None:
    """The burst: every key to the focused widget, no pause between them."""
    for event, _ in scanner_keys(text):
        QApplication.sendEvent(QApplication.focusWidget(), event)


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def assert_filled(screen) -> None:
    form = screen.form
    assert form.name.text() == "Nguyễn Văn Đức"
    assert form.id_number.text() == "046095001234"
    assert form.birth_date.text() == "02/03/1995"
    assert form.gender.currentData() == "nam"
    assert form.address.text() == "Thôn Phước Yên, Quảng Thành, Quảng Điền, Thừa Thiên Huế"
    applicant = screen.payload()["applicant"]
    assert applicant["old_id_number"] == "197412345"
    assert applicant["id_type"] == "cccd" and applicant["birth_date"] == "1995-03-02"
    assert form.card_note.text() \
        == "Đã đọc thẻ căn cước: Nguyễn Văn Đức, số 046095001234; CMND cũ 197412345."


@pytest.mark.parametrize("start", ["phone", "picker", "stamp_button"])
def test_a_card_scanned_anywhere_in_the_form_fills_the_applicant(window, qtbot, start):
    screen = window.built_screen("intake")
    widget = {"phone": screen.form.phone, "picker": screen.picker,
              "stamp_button": screen.summary.stamp_button}[start]
    if start == "phone":
        type_text(qtbot, widget, "0912")  # typed before the card was scanned: kept
    focus(qtbot, widget)
    with qtbot.waitSignal(screen.card_read) as read:
        scan(qtbot, CARD)
    assert read.args[0] is not None
    assert_filled(screen)
    if start == "phone":
        assert screen.form.phone.text() == "0912"  # as it was before the burst
    # No procedure picked yet: the cursor goes there; nothing of the burst was typed in it.
    assert QApplication.focusWidget() is screen.picker
    assert screen.picker.text() == ""
    shot(window, f"idcard-scanned-{start}")


def test_a_card_whose_number_disagrees_with_it_is_refused(window, qtbot):
    screen = window.built_screen("intake")
    focus(qtbot, screen.form.name)
    with qtbot.waitSignal(screen.card_read) as read:
        scan(qtbot, CARD.replace("|Nam|", "|Nữ|"))  # a man's number on a woman's card
    assert read.args[0] is None
    assert screen.form.id_number.text() == "" and screen.form.name.text() == ""
    assert screen.form.card_note.text().startswith("Mã QR trên thẻ căn cước:")
    assert "nữ" in screen.form.card_note.text().lower()


def test_a_card_scanned_into_tra_cuu_searches_by_its_number(window, desk, qtbot):
    from conftest import intake_request

    code = desk.receive(intake_request()).dossier.code  # 046095001234
    qtbot.keyClick(window, Qt.Key.Key_F3)
    find = window.built_screen("find")
    focus(qtbot, find.search_box)
    with qtbot.waitSignal(find.searched) as found:
        scan(qtbot, CARD)  # typed into the box as it always was, then Enter
    assert found.args[0] == [code]
    assert find.search_box.text() == "046095001234"
    assert window.built_screen("intake").form.name.text() == ""


def test_a_typed_cccd_chooses_the_gender_and_the_century(window, qtbot):
    form = window.built_screen("intake").form
    focus(qtbot, form.id_number)
    type_text(qtbot, form.id_number, "046195001234")
    assert form.gender.currentData() == "nữ"
    assert "1995" in form.birth_date.placeholderText()
    focus(qtbot, form.birth_date)
    type_text(qtbot, form.birth_date, "0203")
    qtbot.keyClick(form.birth_date, Qt.Key.Key_Return)
    assert form.birth_date.text() == "02/03/1995"
    assert form.applicant_payload()["birth_date"] == "1995-03-02"


def test_a_person_typing_a_card_text_slowly_fills_nothing(window, qtbot):
    """Only a scanner's burst is a card: the same keys typed by a person stay in the field."""
    screen = window.built_screen("intake")
    focus(qtbot, screen.note)
    text = CARD[:40]  # the number, the old CMND, the start of the name
    for event, starts_character in scanner_keys(text):
        if starts_character:
            qtbot.wait(60)  # a fast typist: still slower than any scanner
        QApplication.sendEvent(QApplication.focusWidget(), event)
    assert screen.note.text() == text
    assert screen.form.name.text() == "" and not screen.form.card_note.isVisible()


def test_a_card_scanned_in_the_picker_keeps_the_procedure_picked(window, qtbot):
    screen = window.built_screen("intake")
    focus(qtbot, screen.picker)
    qtbot.keyClicks(screen.picker, "chung thuc ban sao")
    qtbot.waitUntil(screen.picker.popup_visible)
    qtbot.keyClick(screen.picker, Qt.Key.Key_Return)
    assert screen.picker.value.code == "2.000815"
    focus(qtbot, screen.picker)  # the clerk went back to it
    with qtbot.waitSignal(screen.card_read):
        scan(qtbot, CARD)
    assert screen.picker.value is not None and screen.picker.value.code == "2.000815"
    assert QApplication.focusWidget() is screen.form.phone
    assert_filled(screen)
    qtbot.wait(300)  # the type-ahead's late answers change nothing
    assert screen.picker.value.code == "2.000815" and not screen.picker.popup_visible()

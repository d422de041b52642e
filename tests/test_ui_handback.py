"""Trả kết quả (F4), offscreen, on a real Desk and a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import FakeClock, at, intake_request, rows, show_on_screen, type_text
from PySide6.QtCore import Qt

from intake_app.ui.handback import HandBackScreen

CTRL = Qt.KeyboardModifier.ControlModifier


def counts(data_dir: Path) -> tuple[int, int]:
    history = rows(data_dir, "SELECT count(*) FROM dossier_history")[0][0]
    events = rows(data_dir, "SELECT count(*) FROM outbox")[0][0]
    return history, events


@pytest.fixture
def world(make_desk, data_dir, make_session):
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    code = desk.receive(intake_request()).dossier.code
    clock.now = at("2026-03-02 14:25")
    return SimpleNamespace(desk=desk, clock=clock, code=code, data_dir=data_dir,
                           session=make_session(desk))


@pytest.fixture
def screen(world, qtbot):
    widget = HandBackScreen(world.session)
    show_on_screen(qtbot, widget)
    qtbot.waitUntil(widget.code_box.hasFocus)
    return widget


def scan(qtbot, screen: HandBackScreen, code: str) -> bool:
    """What a barcode scanner does: type the code, then Enter, into the focused code box;
    True once the dossier is shown."""
    screen.code_box.clear()
    qtbot.keyClicks(screen.code_box, code)
    with qtbot.waitSignal(screen.loaded) as loaded:
        qtbot.keyClick(screen.code_box, Qt.Key.Key_Return)
    return loaded.args[0]


def load(qtbot, screen: HandBackScreen, code: str) -> bool:
    with qtbot.waitSignal(screen.loaded) as loaded:
        screen.load(code)
    return loaded.args[0]


def confirm(qtbot, screen: HandBackScreen) -> bool:
    """Confirm as the button does; True once the desk recorded it."""
    if not screen.confirm():
        return False
    with qtbot.waitSignal(screen.confirmed) as confirmed:
        pass
    return confirmed.args[0]


def confirm_with_keyboard(qtbot, screen: HandBackScreen) -> None:
    with qtbot.waitSignal(screen.confirmed):
        qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Return, CTRL)


def test_scan_then_ctrl_enter_returns_the_dossier(screen, world, qtbot):
    scan(qtbot, screen, world.code)
    assert screen.fields["applicant"].text() == "Nguyễn Văn Đức"
    assert screen.fields["id_number"].text() == "046095001234"
    assert screen.fields["due"].text() == "02/03/2026 17:00 (sắp đến hạn)"
    assert screen.receiver_name.text() == "Nguyễn Văn Đức"
    assert screen.receiver_id.text() == "046095001234"
    assert screen.same_person.isChecked()
    assert screen.time_label.text() == "02/03/2026 14:25"
    assert screen.confirm_button.isEnabled()

    with qtbot.waitSignal(world.session.changed) as changed:
        confirm_with_keyboard(qtbot, screen)
    assert changed.args[0].dossiers == {world.code}

    assert rows(world.data_dir, "SELECT status, version, returned_at FROM dossiers "
                "WHERE code = ?", [world.code]) == [(10, 2, "2026-03-02T14:25:00+07:00")]
    events = rows(world.data_dir, "SELECT version, kind FROM outbox ORDER BY id")
    assert events == [(1, "received"), (2, "returned")]
    last = world.desk.history(world.code)[-1]
    assert last["action"] == "returned" and last["actor"] == "Lê Thị Hoa"
    assert "Nguyễn Văn Đức" in last["note"]
    assert last["detail"]["receiver_name"] == "Nguyễn Văn Đức"
    assert last["detail"]["receiver_id_number"] == "046095001234"

    assert screen.message.text() == (
        f"Đã trả kết quả hồ sơ {world.code} lúc 14:25 02/03/2026")
    assert screen.code_box.text() == "" and screen.code_box.hasFocus()
    assert screen.dossier is None and not screen.confirm_button.isEnabled()


def test_ctrl_enter_works_from_the_receiver_fields_too(screen, world, qtbot):
    scan(qtbot, screen, world.code)
    assert screen.code_box.hasFocus()  # a re-scan would replace a wrong code
    qtbot.keyClick(screen.code_box, Qt.Key.Key_Tab)
    assert screen.receiver_name.hasFocus()
    with qtbot.waitSignal(screen.confirmed):
        qtbot.keyClick(screen.receiver_name, Qt.Key.Key_Enter, CTRL)  # the keypad's Enter
    assert rows(world.data_dir, "SELECT status FROM dossiers")[0][0] == 10


def test_returning_twice_is_refused_and_writes_nothing(screen, world, qtbot):
    scan(qtbot, screen, world.code)
    confirm_with_keyboard(qtbot, screen)
    before = counts(world.data_dir)

    assert scan(qtbot, screen, world.code)  # found, but cannot be handed back
    assert screen.warning.isVisible()
    assert screen.warning.text() == (
        "Hồ sơ này đã được trả kết quả lúc 14:25 02/03/2026; không thể trả lại lần nữa.")
    assert screen.fields["status"].text() == "Đã trả kết quả"
    assert not screen.confirm_button.isEnabled()
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert screen.confirm() is False
    assert counts(world.data_dir) == before


def test_returned_meanwhile_at_another_counter_shows_the_refusal(screen, world, qtbot):
    scan(qtbot, screen, world.code)
    world.desk.hand_back(world.code, receiver_name="Nguyễn Văn Đức", receiver_id_number=None)
    before = counts(world.data_dir)
    assert confirm(qtbot, screen) is False
    qtbot.waitUntil(lambda: screen.message.text().startswith(
        "Hồ sơ này đã được trả kết quả lúc 14:25"))
    assert screen.warning.isVisible()
    assert counts(world.data_dir) == before


def test_someone_else_receives_the_result(screen, world, qtbot):
    scan(qtbot, screen, world.code)
    screen.receiver_name.clear()
    screen.receiver_id.clear()
    type_text(qtbot, screen.receiver_name, "Trần Thị Bích Ngọc")
    type_text(qtbot, screen.receiver_id, "046 195 004567")
    assert not screen.same_person.isChecked()
    assert confirm(qtbot, screen)
    detail = world.desk.history(world.code)[-1]["detail"]
    assert detail["receiver_name"] == "Trần Thị Bích Ngọc"
    assert detail["receiver_id_number"] == "046195004567"


def test_the_checkbox_fills_and_clears_the_receiver(screen, world, qtbot):
    scan(qtbot, screen, world.code)
    screen.same_person.setChecked(False)
    assert screen.receiver_name.text() == "" and screen.receiver_id.text() == ""
    screen.same_person.setChecked(True)
    assert screen.receiver_name.text() == "Nguyễn Văn Đức"


def test_empty_receiver_name_is_refused_inline(screen, world, qtbot):
    scan(qtbot, screen, world.code)
    screen.same_person.setChecked(False)
    before = counts(world.data_dir)
    assert confirm(qtbot, screen) is False
    assert screen.message.text() == "Họ tên người nhận kết quả không được để trống."
    assert counts(world.data_dir) == before
    assert rows(world.data_dir, "SELECT status FROM dossiers")[0][0] == 2


def test_partial_code_or_name_points_to_find(screen, qtbot):
    assert not scan(qtbot, screen, "nguyen van duc")
    assert screen.dossier is None
    assert "hãy dùng Tra cứu (F3)" in screen.message.text()
    assert screen.code_box.hasFocus()


def test_unknown_code_is_reported(screen, qtbot):
    assert not load(qtbot, screen, "000.00.12.H56-260302-2999")
    assert screen.message.text() == "Không có hồ sơ mã 000.00.12.H56-260302-2999."


def test_a_new_code_typed_is_loaded_before_anything_is_confirmed(screen, world, qtbot):
    other = world.desk.receive(intake_request()).dossier.code
    scan(qtbot, screen, world.code)
    screen.code_box.setText(other)  # typed, Enter not pressed yet
    with qtbot.waitSignal(screen.loaded):
        assert screen.confirm() is False
    assert screen.dossier.code == other
    assert json.dumps(rows(world.data_dir, "SELECT status FROM dossiers")) == "[[2], [2]]"


def test_load_is_public_for_the_dossier_dialog(screen, world, qtbot):
    assert load(qtbot, screen, world.code.lower())
    assert screen.code_box.text() == world.code
    assert screen.fields["code"].text() == world.code


def test_a_code_scanned_into_the_receiver_name_loads_that_dossier(screen, world, qtbot):
    other = world.desk.receive(intake_request()).dossier.code
    scan(qtbot, screen, world.code)
    qtbot.keyClick(screen.code_box, Qt.Key.Key_Tab)
    screen.receiver_name.end(False)
    qtbot.keyClicks(screen.receiver_name, other)  # the scanner types after the name…
    with qtbot.waitSignal(screen.loaded):
        qtbot.keyClick(screen.receiver_name, Qt.Key.Key_Return)  # …and presses Enter
    assert screen.dossier.code == other
    assert screen.receiver_name.text() == "Nguyễn Văn Đức"
    assert screen.code_box.hasFocus()

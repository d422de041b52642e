"""Tra cứu (F3) and the dossier dialog, offscreen, on a real Desk and a real SQLite file."""

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
    set_up_accounts,
    show_on_screen,
    type_text,
)
from PySide6.QtCore import Qt
from station_db import kept_pdf

from intake_app.desk import Desk
from intake_app.domain.deadlines import DeadlineState
from intake_app.domain.id_numbers import decode_id_number
from intake_app.ui.find import DossierDialog, FindScreen
from intake_app.ui.find import dossier_dialog as dialog_module
from intake_app.ui.find.dossier_dialog import read_view
from intake_app.ui.find.results_model import (
    NEAR_DUE_COLOURS,
    OVERDUE_COLOURS,
    STATE_ROLE,
)
from intake_app.ui.operations import Changes

BACKGROUND = Qt.ItemDataRole.BackgroundRole
DOCS = [{"name": "Tờ khai", "form": "ban_chinh", "copies": 1}]


def request(name: str, id_number: str, phone: str, procedure: str) -> dict:
    info = decode_id_number(id_number)
    payload = intake_request(procedure=procedure)
    payload["applicant"] = {**payload["applicant"], "name": name, "id_number": id_number,
                            "phone": phone, "gender": info.gender,
                            "birth_date": f"{info.birth_year}-05-01"}
    if procedure != "2.000815":
        payload["documents"] = DOCS
    return payload


NOW = "2026-03-04 10:00"


@pytest.fixture(scope="module")
def stamped(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Four dossiers stamped on Monday 02/03/2026, one handed back on Wednesday 04/03.

    Stamped once per module (writing receipts is the slow part); each test gets a copy.
    """
    folder = tmp_path_factory.mktemp("find") / "station"
    clock = FakeClock(at("2026-03-02 08:00"))
    stamp = [
        ("overdue", "Nguyễn Văn Đức", "046095001234", "0912345678", "2.000815"),  # due 02/03
        ("near", "Trần Thị Bích Ngọc", "046195004567", "0987654321", "1.004873"),  # due 05/03
        ("on_track", "Lê Văn Hùng", "046090007890", "0905111222", "1.004884"),  # due 09/03
        ("returned", "Phạm Thị Hồng Nhung", "046198001111", "0935777888", "2.000815"),
    ]
    codes = {}
    with Desk(folder, clock=clock) as desk:
        desk.init_station(**UNIT)
        set_up_accounts(desk)
        as_user(desk)
        for key, name, id_number, phone, procedure in stamp:
            codes[key] = desk.receive(request(name, id_number, phone, procedure)).dossier.code
            clock.advance(hours=1)
        clock.now = at(NOW)
        desk.hand_back(codes["returned"], receiver_name="Phạm Thị Hồng Nhung",
                       receiver_id_number=None)
    return folder, codes


@pytest.fixture
def world(stamped, tmp_path, qtbot, make_session):
    """A real Desk on a copy of the stamped SQLite file, its clock at Wednesday 10:00."""
    template, codes = stamped
    folder = shutil.copytree(template, tmp_path / "station")
    clock = FakeClock(at(NOW))
    desk = as_user(Desk(folder, clock=clock))
    yield SimpleNamespace(desk=desk, clock=clock, codes=codes,
                          session=make_session(desk))
    desk.close()


@pytest.fixture
def screen(world, qtbot):
    widget = FindScreen(world.session)
    show_on_screen(qtbot, widget)
    return widget


def shown_codes(screen: FindScreen) -> list[str]:
    return [screen.model.dossier(row).code for row in range(screen.model.rowCount())]


def press_enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def search(qtbot, screen: FindScreen, text: str) -> list[str]:
    """Search as the screen does (off the window's thread); the codes once they are shown."""
    with qtbot.waitSignal(screen.searched) as shown:
        screen.search(text)
    return shown.args[0]


def enter_and_wait(qtbot, screen: FindScreen) -> list[str]:
    with qtbot.waitSignal(screen.searched) as shown:
        press_enter(qtbot, screen.search_box)
    return shown.args[0]


def test_search_box_has_focus_when_the_screen_opens(screen, qtbot):
    qtbot.waitUntil(screen.search_box.hasFocus)


def test_accent_free_name_finds_the_dossier(screen, world, qtbot):
    qtbot.keyClicks(screen.search_box, "nguyen van duc")
    enter_and_wait(qtbot, screen)
    assert shown_codes(screen) == [world.codes["overdue"]]
    assert screen.summary.text() == "Tìm thấy 1 hồ sơ."


def test_typing_vietnamese_finds_the_same_dossier(screen, world, qtbot):
    type_text(qtbot, screen.search_box, "Nguyễn Văn Đức")
    enter_and_wait(qtbot, screen)
    assert shown_codes(screen) == [world.codes["overdue"]]


def test_search_as_you_type_waits_for_two_characters(screen, world, qtbot):
    type_text(qtbot, screen.search_box, "n")
    qtbot.wait(350)
    assert screen.model.rowCount() == 0
    type_text(qtbot, screen.search_box, "goc")
    qtbot.waitUntil(lambda: shown_codes(screen) == [world.codes["near"]], timeout=2000)


def test_search_by_id_number_and_by_phone_with_spaces(screen, world, qtbot):
    assert search(qtbot, screen, "046195004567") == [world.codes["near"]]
    assert search(qtbot, screen, "0987 654 321") == [world.codes["near"]]
    assert search(qtbot, screen, "+84 905 111 222") == [world.codes["on_track"]]


def test_nothing_found_says_so(screen, qtbot):
    assert search(qtbot, screen, "khong co ai") == []
    assert "Không tìm thấy" in screen.summary.text()


@pytest.fixture
def opened(world):
    """The codes the screens asked to show (the main window opens a DossierDialog for each)."""
    codes: list[str] = []
    world.session.open_dossier_requested.connect(codes.append)
    return codes


def test_scanned_code_opens_the_dossier(screen, world, qtbot, opened):
    code = world.codes["near"]
    qtbot.keyClicks(screen.search_box, code.lower())  # a scanner may send lower case
    enter_and_wait(qtbot, screen)
    assert opened == [code]
    assert shown_codes(screen) == [code]


def test_unknown_code_is_reported(screen, qtbot, opened):
    qtbot.keyClicks(screen.search_box, "000.00.12.H56-260302-2999")
    enter_and_wait(qtbot, screen)
    assert opened == []
    assert screen.summary.text() == "Không có hồ sơ mã 000.00.12.H56-260302-2999."


def test_a_name_and_enter_lists_without_opening(screen, qtbot, opened):
    qtbot.keyClicks(screen.search_box, "ngoc")
    enter_and_wait(qtbot, screen)
    assert screen.model.rowCount() == 1 and opened == []


def test_down_moves_into_the_results_and_enter_opens(screen, world, qtbot, opened):
    qtbot.keyClicks(screen.search_box, "046")
    qtbot.waitUntil(screen.search_box.hasFocus)
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Down)  # before the debounce: searches now
    qtbot.waitUntil(screen.table.hasFocus)  # as soon as the answer is shown
    assert screen.table.currentIndex().row() == 0
    qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    press_enter(qtbot, screen.table)
    assert opened == [shown_codes(screen)[1]]
    qtbot.keyClick(screen.table, Qt.Key.Key_Up)
    qtbot.keyClick(screen.table, Qt.Key.Key_Up)  # above the first row: back to the box
    assert screen.search_box.hasFocus()


def test_rows_are_coloured_by_deadline(screen, world, qtbot):
    search(qtbot, screen, "046")
    model = screen.model
    by_code = {model.dossier(r).code: model.index(r, 0) for r in range(model.rowCount())}
    overdue, near = by_code[world.codes["overdue"]], by_code[world.codes["near"]]
    on_track, returned = by_code[world.codes["on_track"]], by_code[world.codes["returned"]]
    assert model.data(overdue, BACKGROUND) == OVERDUE_COLOURS[0]
    assert model.data(near, BACKGROUND) == NEAR_DUE_COLOURS[0]
    assert model.data(on_track, BACKGROUND) is None
    assert model.data(returned, BACKGROUND) is None  # due 02/03 too, but handed back
    assert model.data(returned, STATE_ROLE) is DeadlineState.NONE
    # the appointment column says it in words as well, for a selected row
    assert model.data(overdue.siblingAtColumn(4)) == "02/03/2026 17:00 (quá hạn)"
    assert model.data(returned.siblingAtColumn(5)) == "Đã trả kết quả"


def open_dialog(world, code: str) -> DossierDialog:
    """The dossier window on what the main window's op reads (read here on the test's desk)."""
    return DossierDialog(world.session, read_view(world.desk, code))


def test_dialog_shows_details_documents_and_history(world, qtbot):
    dialog = open_dialog(world, world.codes["returned"])
    qtbot.addWidget(dialog)
    assert dialog.fields["applicant"].text() == "Phạm Thị Hồng Nhung"
    assert dialog.fields["id_number"].text() == "046198001111"
    assert dialog.fields["received"].text() == "02/03/2026 11:00"
    assert dialog.fields["returned"].text() == "04/03/2026 10:00"
    fee = world.desk.dossier(world.codes["returned"]).fee_total
    assert dialog.fields["fee"].text().startswith(f"{fee:,} ₫".replace(",", "."))
    assert dialog.documents.rowCount() == 1
    assert dialog.documents.item(0, 0).text() == "Giấy khai sinh"
    assert dialog.documents.item(0, 1).text() == "Bản sao chứng thực"
    assert dialog.history.rowCount() == 2
    assert [dialog.history.item(r, 2).text() for r in range(2)] == [
        "Tiếp nhận hồ sơ", "Trả kết quả"]
    assert dialog.history.item(1, 0).text() == "04/03/2026 10:00"
    assert not dialog.hand_back_button.isEnabled()


def test_reprint_writes_a_copy_and_adds_a_history_row(world, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(dialog_module.DossierDialog, "show_pdf",
                        lambda self, written, original_issue=None: shown.append(written.path))
    code = world.codes["near"]
    world.desk.receipt_prints.record_printed(code, 1, copies=2)
    dialog = open_dialog(world, code)
    qtbot.addWidget(dialog)
    assert dialog.history.rowCount() == 2  # received, the original printed
    with qtbot.waitSignal(world.session.changed) as changed:
        qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    assert changed.args[0].dossiers == {code}
    assert dialog.history.rowCount() == 3
    assert dialog.history.item(1, 2).text() == "In giấy tiếp nhận (bản gốc)"
    assert dialog.history.item(2, 2).text() == "In lại giấy tiếp nhận (bản sao)"
    assert world.desk.history(code)[-1]["action"] == "receipt_reprinted"
    assert len(shown) == 1 and shown[0].exists()
    assert shown[0].parent == world.desk.data_dir / "reprints"
    assert kept_pdf(shown[0]).startswith(b"%PDF")


def test_hand_back_button_asks_for_the_hand_back_screen(world, qtbot):
    code = world.codes["near"]
    dialog = open_dialog(world, code)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.hand_back_button.isEnabled()
    with qtbot.waitSignal(world.session.hand_back_requested) as asked:
        qtbot.mouseClick(dialog.hand_back_button, Qt.MouseButton.LeftButton)
    assert asked.args == [code]
    assert not dialog.isVisible()


def test_list_follows_a_hand_back_made_elsewhere(screen, world, qtbot):
    code = world.codes["near"]
    search(qtbot, screen, "ngoc")
    assert screen.model.data(screen.model.index(0, 0), BACKGROUND) == NEAR_DUE_COLOURS[0]
    world.desk.hand_back(code, receiver_name="Trần Thị Bích Ngọc", receiver_id_number=None)
    with qtbot.waitSignal(screen.searched):
        world.session.announce(Changes.of_dossiers([code]))
    assert screen.model.data(screen.model.index(0, 0), BACKGROUND) is None
    assert screen.model.data(screen.model.index(0, 5)) == "Đã trả kết quả"


def test_reprint_opens_the_shared_receipt_preview(world, qtbot):
    world.desk.receipt_prints.record_printed(world.codes["near"], 1, copies=2)
    dialog = open_dialog(world, world.codes["near"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.message.text().startswith("Đã tạo bản sao"), dialog.message.text()
    assert dialog.preview is not None
    assert len(dialog.preview.page_labels) == 1
    assert dialog.preview.copies.value() == 1
    dialog.preview.reject()
    assert dialog.history.rowCount() == 3


def test_in_the_main_window_a_scan_opens_the_dialog_and_f4_hands_back(world, qtbot):
    from PySide6.QtWidgets import QApplication

    from intake_app.ui.main_window import build_main_window

    window = build_main_window(world.session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    find = window.built_screen("find")
    assert window.current_screen_name() == "find"
    code = world.codes["near"]
    find.search_box.setText(code)
    press_enter(qtbot, find.search_box)

    def dialogs() -> list[DossierDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, DossierDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: len(dialogs()) == 1)
    dialogs = dialogs()
    assert [d.code for d in dialogs] == [code]
    dialogs[0].activateWindow()
    qtbot.waitUntil(dialogs[0].isActiveWindow)
    qtbot.keyClick(dialogs[0], Qt.Key.Key_F4)
    assert window.current_screen_name() == "handback"
    hand_back = window.built_screen("handback")
    qtbot.waitUntil(lambda: hand_back.dossier is not None and hand_back.dossier.code == code)
    with qtbot.waitSignal(hand_back.confirmed) as confirmed:
        assert hand_back.confirm()
    assert confirmed.args == [True]
    assert world.desk.dossier(code).status == 10
    qtbot.waitUntil(lambda: find.model.data(find.model.index(0, 5)) == "Đã trả kết quả")

"""Tra cứu's day list (issue 11.6), offscreen, on a real Desk and SQLite file: a day's dossiers
(today by default), filtered by status, procedure and receiving clerk; owners found by name.
"""

from __future__ import annotations

import shutil
from datetime import date
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
    shot,
    show_on_screen,
)
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from intake_app.desk import Desk
from intake_app.domain.status import DossierStatus
from intake_app.ui.find import FindScreen
from intake_app.ui.operations import Changes

HOA, NAM = "Lê Thị Hoa", "Trần Văn Nam"
DOCS = [{"name": "Tờ khai", "form": "ban_chinh", "copies": 1}]
OWNER = {"name": "Trần Thị Bích Ngọc", "id_number": None, "address": "Thôn Phước Yên",
         "id_type": "none"}


def request(procedure: str, name: str, owner: dict | None = None) -> dict:
    payload = intake_request(procedure=procedure, owner=owner)
    payload["applicant"] = {**payload["applicant"], "name": name}
    if procedure != "2.000815":
        payload["documents"] = DOCS
    return payload


@pytest.fixture(scope="module")
def stamped(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Monday 02/03/2026: two dossiers; Tuesday 03/03: three, by two clerks, one handed back."""
    folder = tmp_path_factory.mktemp("daylist") / "station"
    clock = FakeClock(at("2026-03-02 08:00"))
    codes: dict[str, str] = {}
    with Desk(folder, clock=clock) as desk:
        desk.init_station(**UNIT)
        set_up_accounts(desk)
        for key, procedure, name, clerk in (
            ("mon1", "2.000815", "Nguyễn Văn Đức", HOA),
            ("mon2", "1.004873", "Võ Thị Lan", NAM),
        ):
            codes[key] = as_user(desk, clerk).receive(request(procedure, name)).dossier.code
            clock.advance(hours=1)
        clock.now = at("2026-03-03 08:00")
        for key, procedure, name, clerk, owner in (
            ("birth", "1.001193", "Trần Văn Hùng", HOA, OWNER),  # a father for his newborn
            ("copy", "2.000815", "Lê Văn Tâm", NAM, None),
            ("returned", "2.000815", "Phạm Thị Hồng Nhung", HOA, None),
        ):
            codes[key] = as_user(desk, clerk).receive(
                request(procedure, name, owner)).dossier.code
            clock.advance(minutes=30)
        desk.hand_back(codes["returned"], receiver_name="Phạm Thị Hồng Nhung",
                       receiver_id_number=None)
    return folder, codes


@pytest.fixture
def world(stamped, tmp_path, make_session):
    template, codes = stamped
    folder = shutil.copytree(template, tmp_path / "station")
    clock = FakeClock(at("2026-03-03 15:00"))
    desk = as_user(Desk(folder, clock=clock))
    yield SimpleNamespace(desk=desk, clock=clock, codes=codes, session=make_session(desk))
    desk.close()


def shown(screen: FindScreen) -> list[str]:
    return [screen.model.dossier(row).code for row in range(screen.model.rowCount())]


@pytest.fixture
def screen(world, qtbot):
    widget = FindScreen(world.session)
    with qtbot.waitSignal(widget.listed, timeout=5000):
        show_on_screen(qtbot, widget)
    return widget


def listed(qtbot, screen: FindScreen, action) -> list[str]:
    with qtbot.waitSignal(screen.listed, timeout=5000) as done:
        action()
    return done.args[0]


def test_today_is_listed_when_the_screen_opens(screen, world, qtbot):
    codes = world.codes
    assert screen.selected_day() == date(2026, 3, 3)
    assert shown(screen) == [codes["returned"], codes["copy"], codes["birth"]]  # newest first
    assert screen.summary.text() == "Ngày 03/03/2026: 3 hồ sơ."
    assert screen.search_box.hasFocus()
    row = screen.model.row_of(codes["birth"])
    assert screen.model.index(row, 1).data() == "Trần Văn Hùng (chủ hồ sơ: Trần Thị Bích Ngọc)"
    shot(screen, "f3-day-list")


def test_another_day_and_each_filter(screen, world, qtbot):
    codes = world.codes
    assert listed(qtbot, screen, lambda: screen.day.setDate(QDate(2026, 3, 2))) == [
        codes["mon2"], codes["mon1"]]
    assert screen.summary.text() == "Ngày 02/03/2026: 2 hồ sơ."
    assert [screen.clerk.itemText(i) for i in range(screen.clerk.count())] == [
        "Tất cả cán bộ", HOA, NAM]
    assert listed(qtbot, screen, lambda: screen.clerk.setCurrentIndex(
        screen.clerk.findData(NAM))) == [codes["mon2"]]
    screen.clerk.setCurrentIndex(0)
    assert listed(qtbot, screen, screen.today_button.click) == [
        codes["returned"], codes["copy"], codes["birth"]]
    returned = screen.status.findData(int(DossierStatus.RETURNED))
    assert listed(qtbot, screen, lambda: screen.status.setCurrentIndex(returned)) == [
        codes["returned"]]
    assert screen.summary.text() == "Ngày 03/03/2026: 1 hồ sơ (Đã trả kết quả)."
    qtbot.waitUntil(lambda: screen.procedure.findData("2.000815") > 0)
    assert listed(qtbot, screen, lambda: screen.status.setCurrentIndex(0)) == [
        codes["returned"], codes["copy"], codes["birth"]]
    procedure = screen.procedure.findData("2.000815")
    assert listed(qtbot, screen, lambda: screen.procedure.setCurrentIndex(procedure)) == [
        codes["returned"], codes["copy"]]
    assert listed(qtbot, screen, lambda: screen.clerk.setCurrentIndex(
        screen.clerk.findData(HOA))) == [codes["returned"]]
    shot(screen, "f3-day-list-filtered")
    assert listed(qtbot, screen, lambda: screen.status.setCurrentIndex(
        screen.status.findData(int(DossierStatus.IN_PROCESSING)))) == []
    assert screen.summary.text().startswith("Ngày 03/03/2026 không có hồ sơ nào (")


def test_an_owner_is_found_by_name_without_accents(screen, world, qtbot):
    with qtbot.waitSignal(screen.searched) as found:
        screen.search("bich ngoc")
    assert found.args[0] == [world.codes["birth"]]
    # Emptying the box goes back to the day's list.
    screen.search_box.selectAll()
    assert listed(qtbot, screen, lambda: qtbot.keyClick(screen.search_box,
                                                        Qt.Key.Key_Backspace))
    assert screen.model.rowCount() == 3


def test_an_owner_added_by_a_correction_is_found_by_name(screen, world, qtbot):
    code = world.codes["copy"]
    world.desk.correct(code, {"owner": {"name": "Đặng Thị Ánh", "id_type": "none",
                                        "address": "Thôn Phước Yên"}},
                       reason="Chủ hồ sơ là người khác")
    with qtbot.waitSignal(screen.searched) as found:
        screen.search("dang thi anh")
    assert found.args[0] == [code]
    row = screen.model.row_of(code)
    assert screen.model.index(row, 1).data() == "Lê Văn Tâm (chủ hồ sơ: Đặng Thị Ánh)"


def test_the_keyboard_reaches_the_day_and_the_list_follows_a_stamp(screen, world, qtbot):
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen.search_box, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is screen.day or screen.day.isAncestorOf(
        QApplication.focusWidget())
    code = world.desk.receive(request("2.000815", "Đỗ Minh Khoa")).dossier.code
    assert listed(qtbot, screen, lambda: world.session.announce(
        Changes.of_dossiers([code])))[0] == code


def test_the_screen_with_its_filters_fits_a_1366_wide_office_screen(world, qtbot):
    from intake_app.ui.main_window import build_main_window

    window = build_main_window(world.session)
    qtbot.addWidget(window)
    window.show()
    window.load_screens()
    assert window.minimumSizeHint().width() <= 1366
    window.resize(1366, 728)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.width() == 1366
    find = window.built_screen("find")
    qtbot.waitUntil(lambda: find.model.rowCount() == 3)
    shot(window, "f3-in-the-window-1366")

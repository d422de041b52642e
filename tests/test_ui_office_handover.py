"""Trả kết quả (F4) at counter 2 of a dossier stamped at counter 1, with a real hub
(docs/office-hub.md §7.2, §7.4): the window asks the hub for the right to write, the writer
(counter 1, running its feed in this process) hands it over, and the hand-back goes on; when
counter 1 is off the clerk is told so, and a supervisor may take the dossier over; "Chuyển
bước" in the dossier window asks the same way."""

from __future__ import annotations

import time

import pytest
from conftest import SUPERVISOR, intake_request, join_office, show_on_screen
from office_testing import HubProcess, hub_rows, init_hub, pair_code, wait_until

from intake_app.desk import Desk
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus
from intake_app.sync.engine import Syncer
from intake_app.sync.office_feed import OfficeFeed
from intake_app.ui.handback import HandBackScreen
from intake_app.ui.office_write import TakeOverDialog

CONNECTED_S = 3  # the hub counts a counter off after this long without contact


@pytest.fixture
def hub(tmp_path):
    folder = tmp_path / "hub"
    init_hub(folder)
    process = HubProcess(folder, "--connected-seconds", str(CONNECTED_S)).start()
    yield process
    process.kill()


@pytest.fixture
def counters(hub, tmp_path):
    one, two = Desk(tmp_path / "c1"), Desk(tmp_path / "c2")
    join_office(one, hub.address, pair_code(hub.folder, 1))
    join_office(two, hub.address, pair_code(hub.folder, 2))
    yield one, two
    one.close()
    two.close()


def stamped_and_done(one: Desk, two: Desk) -> str:
    """A dossier stamped and done at counter 1, sent to the hub, in counter 2's copy."""
    code = one.receive(intake_request()).dossier.code
    one.step(code, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa",
                               to_unit="Phòng Tư pháp"))
    one.step(code, StepRequest(DossierStatus.DONE, "Lê Thị Hoa"))
    result = Syncer(one).run(forced=True)
    assert result.ok, result.error
    two.office.handover.catch_up()
    assert two.dossier(code).status == DossierStatus.DONE
    return code


def screen_of(qtbot, session) -> HandBackScreen:
    screen = HandBackScreen(session)
    show_on_screen(qtbot, screen)
    return screen


def hand_back(qtbot, screen: HandBackScreen, code: str, timeout: int = 20_000) -> bool:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.load(code)
    assert screen.confirm_button.isEnabled()
    with qtbot.waitSignal(screen.confirmed, timeout=timeout) as confirmed:
        assert screen.confirm()
    return confirmed.args[0]


def progress_labels(session) -> list[str]:
    """What each op started from the window says while it runs (its progress window)."""
    labels: list[str] = []
    run = session.ops.run

    def recording(op):
        labels.append(op.progress_label or "")
        return run(op)

    session.ops.run = recording
    return labels


def test_counter_2_window_hands_back_a_dossier_stamped_at_counter_1(
        counters, hub, make_session, qtbot) -> None:
    one, two = counters
    code = stamped_and_done(one, two)
    feed = OfficeFeed(one.data_dir, wait_s=2.0)  # counter 1 is running: it follows the feed
    feed.start()
    try:
        wait_until(lambda: hub_rows(hub.folder, "SELECT last_seen FROM office_counters "
                                    "WHERE station_no = 1")[0][0], 30, 0.05, "counter 1 seen")
        session = make_session(two)
        labels = progress_labels(session)
        screen = screen_of(qtbot, session)
        started = time.monotonic()
        assert hand_back(qtbot, screen, code)
        assert time.monotonic() - started < 10  # within seconds
        assert "Đang xin quyền xử lý hồ sơ từ Quầy 1…" in labels
        assert "Đã trả kết quả hồ sơ" in screen.message.text()
        history = two.history(code)
        assert [h["action"] for h in history][-2:] == ["handover", "returned"]
        assert "Chuyển quyền cập nhật hồ sơ từ Quầy 1 sang Quầy 2" in history[-2]["note"]
        assert history[-1]["actor"] == "Lê Thị Hoa"  # the account logged in at counter 2
        # Counter 1's copy follows: the same history, written by counter 2 now.
        assert Syncer(two).run(forced=True).ok
        wait_until(lambda: one.dossier(code).status == DossierStatus.RETURNED, 20, 0.05,
                   "counter 1 sees the return")
        assert [h["action"] for h in one.history(code)][-2:] == ["handover", "returned"]
    finally:
        feed.stop()


def test_writer_off_the_clerk_is_told_and_a_supervisor_takes_over(
        counters, hub, make_session, qtbot) -> None:
    one, two = counters
    code = stamped_and_done(one, two)  # then counter 1 is switched off (no feed, no sync)
    time.sleep(CONNECTED_S + 0.5)
    clerk = screen_of(qtbot, make_session(two))
    assert not hand_back(qtbot, clerk, code)
    said = clerk.message.text()
    assert "Quầy 1 không kết nối" in said and "máy có thể đang tắt" in said, said
    assert not clerk.findChildren(TakeOverDialog)  # a clerk is not offered the take-over
    assert two.dossier(code).status == DossierStatus.DONE and clerk.confirm_button.isEnabled()
    # A supervisor at counter 2 is offered "Tiếp quản hồ sơ", with a required reason.
    boss = screen_of(qtbot, make_session(two, SUPERVISOR))
    assert not hand_back(qtbot, boss, code)
    dialog = boss.findChild(TakeOverDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.take_button.isEnabled()
    dialog.reason.setPlainText("Quầy 1 tắt máy, công dân đang chờ")
    assert dialog.take_button.isEnabled()
    with qtbot.waitSignal(boss.confirmed, timeout=20_000) as confirmed:
        dialog.take_button.click()
    assert confirmed.args[0], boss.message.text()
    history = two.history(code)
    assert [h["action"] for h in history][-2:] == ["takeover", "returned"]
    assert history[-2]["actor"] == "Trần Văn Nam"
    assert "Quầy 1 tắt máy, công dân đang chờ" in history[-2]["note"]


def test_chuyen_buoc_at_counter_2_on_a_dossier_written_by_counter_1(
        counters, hub, make_session, qtbot) -> None:
    from intake_app.ui.find import DossierDialog
    from intake_app.ui.find.dossier_dialog import read_view
    from intake_app.ui.steps import StepDialog

    one, two = counters
    code = one.receive(intake_request()).dossier.code
    assert Syncer(one).run(forced=True).ok
    two.office.handover.catch_up()
    feed = OfficeFeed(one.data_dir, wait_s=2.0)
    feed.start()
    try:
        wait_until(lambda: hub_rows(hub.folder, "SELECT last_seen FROM office_counters "
                                    "WHERE station_no = 1")[0][0], 30, 0.05, "counter 1 seen")
        session = make_session(two)
        labels = progress_labels(session)
        window = DossierDialog(session, read_view(two, code))
        show_on_screen(qtbot, window)
        step = window.open_step_dialog()
        assert isinstance(step, StepDialog)
        assert step.chosen_target() == DossierStatus.IN_PROCESSING
        step.to_unit.setText("Phòng Tư pháp")
        with qtbot.waitSignal(step.accepted, timeout=20_000):
            assert step.confirm()
        assert "Đang xin quyền xử lý hồ sơ từ Quầy 1…" in labels
        assert two.dossier(code).status == DossierStatus.IN_PROCESSING
        assert [h["action"] for h in two.history(code)][-2] == "handover"
    finally:
        feed.stop()

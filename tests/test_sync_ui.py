"""The window's sync parts: the status bar fed by the background thread, the sync screen
(refused dossiers, "Gửi lại", "Đồng bộ ngay", USB files), and the settings page; every
message in Vietnamese a clerk understands (no English detail, no events or versions)."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta

import pytest
from conftest import ADMIN, SUPERVISOR, SYNC_TOKEN, acting, show_on_screen, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sync_peer import Fault, make_backlog

from intake_app.domain.sync_signing import sign_result
from intake_app.sync.batch_files import read_batch_file
from intake_app.ui.status_bar import StatusBar
from intake_app.ui.sync.controller import SyncController
from intake_app.ui.sync.screen import SyncScreen
from intake_app.ui.sync.settings_page import SyncSettingsPage

TOKEN = SYNC_TOKEN


@pytest.fixture
def session(desk, make_session):
    """A supervisor at the window: the sync screen's "Gửi lại" is a supervisor's."""
    return make_session(desk, SUPERVISOR)


@pytest.fixture
def controller(session, desk, peer):
    with acting(desk, ADMIN):
        desk.sync.configure(peer.url)
    controller = SyncController(session, runner_options={
        "token_provider": lambda: TOKEN, "interval": 3600, "rng": lambda: 0.0})
    yield controller
    assert controller.stop(5)


def test_the_status_bar_follows_the_background_sync(session, desk, controller, peer,
                                                    qtbot) -> None:
    codes = make_backlog(desk, 3, steps=0)
    peer.reject = lambda e: ("unknown_procedure", "chưa có") if e["dossier"][
        "MaHoSo"] == codes[0] else None
    peer.clock_offset = timedelta(minutes=8)
    bar = StatusBar(session)  # finds the session's controller
    qtbot.addWidget(bar)
    assert not bar.online_label.isVisible() or bar.online_label.text() == ""
    controller.start()
    qtbot.waitUntil(lambda: controller.last_result is not None, timeout=10_000)
    qtbot.waitUntil(lambda: bar.last_sync_label.text().startswith("Đồng bộ lúc"), timeout=5000)
    assert bar.online_label.text() == "Đã kết nối máy chủ tỉnh"
    # Waiting and refused are counted in dossiers, read off the window's thread.
    qtbot.waitUntil(lambda: bar.parked_label.text() == "Bị từ chối: 1", timeout=5000)
    assert bar.outbox_label.text() == "Chờ đồng bộ: 0" and not bar.parked_label.isHidden()
    assert bar.clock_warning_label.text() == "Đồng hồ máy tính lệch 8 phút so với máy chủ"
    assert not bar.clock_warning_label.isHidden()


def test_the_status_bar_says_offline_and_refused_token(session, desk, qtbot) -> None:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    status = desk.sync.status()
    bar.show_sync_status(status.live(configured=True, online=False, last_error={
        "at": "2026-03-02T08:00:00+07:00", "kind": "offline",
        "message": "gateway unreachable: [Errno 111] Connection refused"}))
    assert bar.online_label.text() == "Mất kết nối máy chủ tỉnh"
    assert bar.online_label.toolTip().startswith("Không kết nối được máy chủ của tỉnh")
    bar.show_sync_status(status.live(configured=True, online=True,
                                     auth_error={"status": 401}))
    assert bar.online_label.text() == "Mã truy cập bị từ chối, đã dừng đồng bộ"
    bar.show_sync_status(status)
    assert bar.online_label.text() == "Chưa cài đặt đồng bộ"
    assert bar.clock_warning_label.isHidden() and bar.parked_label.isHidden()


def test_the_sync_screen_lists_refused_dossiers_and_sends_them_again(session, desk, controller,
                                                                     peer, qtbot) -> None:
    codes = make_backlog(desk, 3, steps=1)
    poisoned = {codes[1]}
    peer.reject = lambda e: (("unknown_procedure", "MaTTHC is not in the catalogue")
                             if e["dossier"]["MaHoSo"] in poisoned else None)
    screen = SyncScreen(session)
    show_on_screen(qtbot, screen)
    controller.sync_now()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=10_000)
    cells = [screen.table.item(0, c).text() for c in range(3)]
    assert cells[:2] == [codes[1], "Tiếp nhận, chuyển bước xử lý"]  # one row per dossier
    assert cells[2].startswith("Thủ tục chưa có trong danh mục của tỉnh.")
    assert "catalogue" not in cells[2]  # the gateway's English stays in the log
    headers = [screen.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert not any("Phiên bản" in h or "Sự kiện" in h for h in headers)
    assert screen.parked_title.text() == "Hồ sơ bị tỉnh từ chối (không tự gửi lại): 1"
    qtbot.waitUntil(lambda: "1 hồ sơ bị tỉnh từ chối" in screen.counts_value.text())
    assert "2 hồ sơ đã gửi xong" in screen.counts_value.text()
    assert not screen.retry_button.isEnabled()

    poisoned.clear()  # the province loaded the procedure
    screen.table.selectRow(0)
    assert screen.retry_button.isEnabled()
    with qtbot.waitSignal(screen.done):
        qtbot.mouseClick(screen.retry_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Đã đưa 1 hồ sơ trở lại hàng chờ gửi lên tỉnh."
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: "3 hồ sơ đã gửi xong" in screen.counts_value.text(),
                    timeout=10_000)
    assert desk.outbox_counts()["delivered"] == 6  # both of its refused updates sent again


def test_the_sync_screen_shows_envelope_error_mismatch_and_clock(session, desk, controller,
                                                                  peer, qtbot) -> None:
    make_backlog(desk, 1, steps=0)
    peer.script("POST /v1/batches", Fault(status=422, body={"error": "too_many_events",
                                                              "message": "hơn 500 sự kiện"}))
    screen = SyncScreen(session)
    show_on_screen(qtbot, screen)
    controller.start()
    qtbot.waitUntil(lambda: screen.envelope_box.isVisible(), timeout=10_000)
    assert "too_many_events" in screen.envelope_box.text()
    assert "Đồng bộ ngay" in screen.envelope_box.text()
    peer.accepted["x"] = {"dossier_id": "someone-else"}
    qtbot.mouseClick(screen.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.mismatch_box.isVisible(), timeout=10_000)
    assert not screen.envelope_box.isVisible()
    assert "máy này đã gửi 1 hồ sơ (1 lần cập nhật), máy chủ tỉnh ghi nhận 2 hồ sơ (2 lần " \
        "cập nhật)" in screen.mismatch_box.text()
    assert screen.last_success_value.text() != "—"


def act(qtbot, screen: SyncScreen, button) -> str:
    """Click an action's button; the message once the op answered."""
    with qtbot.waitSignal(screen.done):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return screen.message.text()


def test_usb_export_and_import_from_the_screen(session, desk, credential_store, tmp_path,
                                               qtbot) -> None:
    with acting(desk, ADMIN):
        desk.sync.set_token(TOKEN)
    make_backlog(desk, 2, steps=0)
    screen = SyncScreen(session)
    show_on_screen(qtbot, screen)
    out = tmp_path / "usb.json.gz"
    screen.choose_export_path = lambda: out
    assert act(qtbot, screen, screen.export_button).startswith(
        "Đã xuất thông tin 2 hồ sơ chờ gửi ra tệp")
    body = read_batch_file(out, TOKEN)
    document = {"batch_id": body["batch_id"], "unit_code": body["unit_code"],
                "station_no": body["station_no"], "server_time": "2026-03-03T08:00:00+07:00",
                "results": [{"event_id": e["event_id"], "status": "accepted"}
                            for e in body["events"]]}
    forged = tmp_path / "tu-lam.json.gz"  # hand-made: every event "accepted", no signature
    forged.write_bytes(gzip.compress(json.dumps(document).encode()))
    screen.choose_results_path = lambda: forged
    assert act(qtbot, screen, screen.import_button).startswith(
        "Tệp kết quả không có chữ ký của máy chủ tỉnh")
    assert screen.message.text().endswith("Không có gì thay đổi.")
    assert desk.outbox_counts()["pending"] == 2
    answer = tmp_path / "ket-qua.json.gz"  # the gateway's own, signed for this station
    answer.write_bytes(gzip.compress(json.dumps(sign_result(document, TOKEN)).encode()))
    screen.choose_results_path = lambda: answer
    assert act(qtbot, screen, screen.import_button) == (
        "Đã nhập tệp kết quả của tỉnh: 2 lần cập nhật hồ sơ đã được nhận, 0 bị từ chối.")
    assert act(qtbot, screen, screen.import_button) == (
        "Tệp này đã được nhập trước đây; không có gì thay đổi.")
    assert desk.outbox_counts()["delivered"] == 2
    screen.choose_results_path = lambda: None  # cancelled dialog: nothing happens
    assert screen.import_file() is False


def test_export_without_a_token_says_so_in_vietnamese(session, tmp_path, qtbot) -> None:
    screen = SyncScreen(session)
    show_on_screen(qtbot, screen)
    screen.choose_export_path = lambda: tmp_path / "x.gz"
    assert act(qtbot, screen, screen.export_button).startswith("Chưa có mã truy cập của quầy")


def save(qtbot, page: SyncSettingsPage) -> bool:
    """"Lưu" on the settings page: True if kept, False if refused (the reason shown)."""
    answers: list[bool] = []
    page.saved.connect(lambda: answers.append(True))
    page.refused.connect(lambda: answers.append(False))
    page.save()
    qtbot.waitUntil(lambda: bool(answers))
    page.saved.disconnect()
    page.refused.disconnect()
    return answers[0]


def save_token(qtbot, page: SyncSettingsPage) -> bool:
    with qtbot.waitSignal(page.token_saved) as answer:
        qtbot.mouseClick(page.save_token_button, Qt.MouseButton.LeftButton)
    return answer.args[0]


@pytest.fixture
def admin_session(desk, make_session):
    """The settings are an administrator's (issue 12, point 4)."""
    return make_session(desk, ADMIN)


def open_page(qtbot, session) -> SyncSettingsPage:
    page = SyncSettingsPage(session)
    with qtbot.waitSignal(page.loaded):
        show_on_screen(qtbot, page)
    return page


def test_settings_page_checks_the_address_and_stores_the_settings(admin_session, desk, qtbot,
                                                                  tmp_path) -> None:
    page = open_page(qtbot, admin_session)
    page.gateway.setText("http://10.0.0.5:8000")
    assert not save(qtbot, page)
    assert page.error.text().startswith("Chỉ được dùng http://")
    page.gateway.setText("https://motcua.tinh.gov.vn/")
    page.ca_file.setText(str(tmp_path / "none.pem"))
    assert not save(qtbot, page) and "Không dùng được tệp chứng chỉ CA" in page.error.text()
    page.ca_file.setText("")
    assert save(qtbot, page) and page.error.isHidden()
    assert desk.setting("sync.gateway_url") == "https://motcua.tinh.gov.vn"
    again = open_page(qtbot, admin_session)  # what is stored is shown next time
    assert again.gateway.text() == "https://motcua.tinh.gov.vn"
    page.gateway.setText("")
    assert save(qtbot, page) and desk.sync.config() is None


def test_lưu_mã_without_a_credential_store_says_it_plainly(admin_session, qtbot, request) -> None:
    page = open_page(qtbot, admin_session)  # the station (and the window's worker) opened…
    request.getfixturevalue("no_credential_store")  # …then its store stopped answering
    type_text(qtbot, page.token, "secret-token")
    assert not save_token(qtbot, page)
    assert "không có kho lưu mật khẩu" in page.error.text()
    assert page.token.text() == ""  # not kept anywhere, not even in the field
    assert page.token_state.text() == "Chưa có mã truy cập."


def test_lưu_mã_stores_the_token_in_the_credential_store(admin_session, credential_store,
                                                         qtbot) -> None:
    page = open_page(qtbot, admin_session)
    type_text(qtbot, page.token, "có dấu")
    assert not save_token(qtbot, page) and "không có dấu cách" in page.error.text()
    page.token.setText("secret-token")
    assert save_token(qtbot, page)
    assert credential_store.passwords[("intake-app", "000.00.12.H56/2")] == "secret-token"
    assert page.token.text() == "" and page.token_state.text().startswith("Đã có mã")


def test_the_last_stop_is_said_in_vietnamese_not_the_engines_english(session, desk,
                                                                     qtbot) -> None:
    """No gateway configured: the engine records its English hint for IT; the screen names
    the problem and where to fix it."""
    from intake_app.sync.engine import Syncer

    Syncer(desk).run()  # "no gateway is configured: run `intake-app sync configure…`"
    assert "intake-app sync configure" in desk.sync.status().last_error["message"]
    screen = SyncScreen(session)
    with qtbot.waitSignal(screen.read):
        show_on_screen(qtbot, screen)
    qtbot.waitUntil(lambda: screen.last_error_value.text() != "—")
    shown = [label.text() for label in screen.findChildren(QLabel) if label.isVisible()]
    assert any("Chưa cài đặt địa chỉ máy chủ của tỉnh" in text for text in shown)
    assert not any("intake-app" in text or "gateway" in text for text in shown)

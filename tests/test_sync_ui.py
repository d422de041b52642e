"""The window's sync parts: the status bar fed by the background thread, the sync screen
(parked events, "Gửi lại", "Đồng bộ ngay", USB files), and the settings page."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta

import pytest
from conftest import SYNC_TOKEN, show_on_screen, type_text
from PySide6.QtCore import Qt
from sync_peer import Fault, make_backlog

from intake_app.domain.sync_signing import sign_result
from intake_app.ui.status_bar import StatusBar
from intake_app.ui.sync.controller import SyncController
from intake_app.ui.sync.screen import SyncScreen
from intake_app.ui.sync.settings_page import SyncSettingsPage

TOKEN = SYNC_TOKEN


@pytest.fixture
def controller(session, peer):
    session.desk.sync.configure(peer.url)
    controller = SyncController(session, runner_options={
        "token_provider": lambda: TOKEN, "interval": 3600, "rng": lambda: 0.0})
    yield controller
    assert controller.stop(5)


def test_the_status_bar_follows_the_background_sync(session, controller, peer, qtbot) -> None:
    codes = make_backlog(session.desk, 3, steps=0)
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
    assert bar.outbox_label.text() == "Chờ đồng bộ: 0"
    assert bar.parked_label.text() == "Bị từ chối: 1" and not bar.parked_label.isHidden()
    assert bar.clock_warning_label.text() == "Đồng hồ máy tính lệch 8 phút so với máy chủ"
    assert not bar.clock_warning_label.isHidden()


def test_the_status_bar_says_offline_and_refused_token(session, qtbot) -> None:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    status = session.desk.sync.status()
    bar.show_sync_status(status.live(configured=True, online=False))
    assert bar.online_label.text() == "Mất kết nối máy chủ tỉnh"
    bar.show_sync_status(status.live(configured=True, online=True,
                                     auth_error={"status": 401}))
    assert bar.online_label.text() == "Mã truy cập bị từ chối, đã dừng đồng bộ"
    bar.show_sync_status(status)
    assert bar.online_label.text() == "Chưa cài đặt đồng bộ"
    assert bar.clock_warning_label.isHidden() and bar.parked_label.isHidden()


def test_the_sync_screen_lists_parked_events_and_sends_them_again(session, controller, peer,
                                                                   qtbot) -> None:
    codes = make_backlog(session.desk, 3, steps=1)
    poisoned = {codes[1]}
    peer.reject = lambda e: (("unknown_procedure", "MaTTHC chưa có trong danh mục")
                             if e["dossier"]["MaHoSo"] in poisoned else None)
    screen = SyncScreen(session)
    show_on_screen(qtbot, screen)
    controller.sync_now()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 2, timeout=10_000)
    cells = [[screen.table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert cells == [[codes[1], "1", "Tiếp nhận", "unknown_procedure"],
                     [codes[1], "2", "Chuyển trạng thái", "unknown_procedure"]]
    assert "Thủ tục chưa có trong danh mục của tỉnh" in screen.table.item(0, 4).text()
    assert screen.parked_title.text().endswith(": 2")
    assert not screen.retry_button.isEnabled()

    poisoned.clear()  # the province loaded the procedure
    screen.table.selectRow(0)
    assert screen.retry_button.isEnabled()
    qtbot.mouseClick(screen.retry_button, Qt.MouseButton.LeftButton)
    assert "Đã đưa 1 sự kiện" in screen.message.text()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "đã gửi 5" in screen.counts_value.text(), timeout=10_000)
    assert session.desk.outbox_counts()["delivered"] == 5


def test_the_sync_screen_shows_envelope_error_mismatch_and_clock(session, controller, peer,
                                                                  qtbot) -> None:
    make_backlog(session.desk, 1, steps=0)
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
    assert "máy này đã gửi 1 sự kiện của 1 hồ sơ, máy chủ tỉnh ghi nhận 2 sự kiện" in \
        screen.mismatch_box.text()
    assert screen.last_success_value.text() != "—"


def test_usb_export_and_import_from_the_screen(session, credential_store, tmp_path,
                                               qtbot) -> None:
    session.desk.sync.set_token(TOKEN)
    make_backlog(session.desk, 2, steps=0)
    screen = SyncScreen(session)
    show_on_screen(qtbot, screen)
    out = tmp_path / "usb.json.gz"
    screen.choose_export_path = lambda: out
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert "Đã xuất 2 sự kiện" in screen.message.text()
    body = json.loads(gzip.decompress(out.read_bytes()))
    document = {"batch_id": body["batch_id"], "unit_code": body["unit_code"],
                "station_no": body["station_no"], "server_time": "2026-03-03T08:00:00+07:00",
                "results": [{"event_id": e["event_id"], "status": "accepted"}
                            for e in body["events"]]}
    forged = tmp_path / "tu-lam.json.gz"  # hand-made: every event "accepted", no signature
    forged.write_bytes(gzip.compress(json.dumps(document).encode()))
    screen.choose_results_path = lambda: forged
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert screen.message.text().startswith("Tệp kết quả không có chữ ký của máy chủ tỉnh")
    assert screen.message.text().endswith("Không có gì thay đổi.")
    assert session.desk.outbox_counts()["pending"] == 2
    answer = tmp_path / "ket-qua.json.gz"  # the gateway's own, signed for this station
    answer.write_bytes(gzip.compress(json.dumps(sign_result(document, TOKEN)).encode()))
    screen.choose_results_path = lambda: answer
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Đã nhập tệp kết quả: 2 sự kiện đã gửi, 0 bị từ chối."
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Tệp này đã được nhập trước đây; không có gì thay đổi."
    assert session.desk.outbox_counts()["delivered"] == 2
    screen.choose_results_path = lambda: None  # cancelled dialog: nothing happens
    assert screen.import_file() is None


def test_export_without_a_token_says_so_in_vietnamese(session, tmp_path, qtbot) -> None:
    screen = SyncScreen(session)
    show_on_screen(qtbot, screen)
    screen.choose_export_path = lambda: tmp_path / "x.gz"
    screen.export_file()
    assert screen.message.text().startswith("Chưa có mã truy cập của quầy")


def test_settings_page_checks_the_address_and_stores_the_settings(session, qtbot,
                                                                  tmp_path) -> None:
    page = SyncSettingsPage(session)
    show_on_screen(qtbot, page)
    page.gateway.setText("http://10.0.0.5:8000")
    assert not page.save()
    assert page.error.text().startswith("Chỉ được dùng http://")
    page.gateway.setText("https://motcua.tinh.gov.vn/")
    page.ca_file.setText(str(tmp_path / "none.pem"))
    assert not page.save() and "Không dùng được tệp chứng chỉ CA" in page.error.text()
    page.ca_file.setText("")
    assert page.save() and page.error.isHidden()
    assert session.desk.setting("sync.gateway_url") == "https://motcua.tinh.gov.vn"
    page.gateway.setText("")
    assert page.save() and session.desk.sync.config() is None


def test_lưu_mã_without_a_credential_store_says_it_plainly(session, qtbot,
                                                          no_credential_store) -> None:
    # The station opened; then its credential store stopped answering (a locked keyring).
    page = SyncSettingsPage(session)
    show_on_screen(qtbot, page)
    type_text(qtbot, page.token, "secret-token")
    qtbot.mouseClick(page.save_token_button, Qt.MouseButton.LeftButton)
    assert "không có kho lưu mật khẩu" in page.error.text()
    assert page.token.text() == ""  # not kept anywhere, not even in the field
    assert page.token_state.text() == "Chưa có mã truy cập."


def test_lưu_mã_stores_the_token_in_the_credential_store(session, credential_store,
                                                         qtbot) -> None:
    page = SyncSettingsPage(session)
    show_on_screen(qtbot, page)
    type_text(qtbot, page.token, "có dấu")
    assert not page.save_token() and "không có dấu cách" in page.error.text()
    page.token.setText("secret-token")
    qtbot.mouseClick(page.save_token_button, Qt.MouseButton.LeftButton)
    assert credential_store.passwords[("intake-app", "000.00.12.H56/2")] == "secret-token"
    assert page.token.text() == "" and page.token_state.text().startswith("Đã có mã")

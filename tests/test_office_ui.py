"""The window of a counter in an office (docs/office-hub.md §9): its sync controller also
follows the hub's feed, the other counters' dossiers reach its screens, and the status bar
speaks of the office hub (connected, unsent, how far behind, the province as the hub sees it)."""

from __future__ import annotations

import pytest
from conftest import intake_request, join_office
from office_testing import HubProcess, init_hub, pair_code

from intake_app.desk import Desk
from intake_app.sync.engine import Syncer
from intake_app.ui.status_bar import StatusBar
from intake_app.ui.sync.controller import SyncController


@pytest.fixture
def hub(tmp_path):
    folder = tmp_path / "hub"
    init_hub(folder)
    process = HubProcess(folder).start()
    yield process
    process.kill()


def test_the_window_follows_the_office_and_says_where_it_stands(hub, session, desk, tmp_path,
                                                                 qtbot) -> None:
    join_office(desk, hub.address, pair_code(hub.folder, 2))  # the window's counter: 2
    announced = []
    session.changed.connect(lambda changes, _: announced.append(changes))
    controller = SyncController(session, runner_options={"interval": 3600})
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    try:
        controller.start()
        qtbot.waitUntil(lambda: bar.online_label.text().startswith("Văn phòng: đã kết nối"),
                        timeout=20_000)
        assert "chưa gửi 0" in bar.online_label.text()
        assert bar.online_label.toolTip() == f"Máy chủ văn phòng: https://{hub.address}"
        with Desk(tmp_path / "c1") as one:
            join_office(one, hub.address, pair_code(hub.folder, 1))
            code = one.receive(intake_request()).dossier.code
            assert Syncer(one).run(forced=True).ok
        qtbot.waitUntil(lambda: any(code in c.dossiers for c in announced), timeout=20_000)
        assert [d.code for d in desk.find("nguyen van duc")] == [code]
        # A status with the hub's view of the province, and a feed behind the head.
        status = controller.last_status
        office = {**status.office, "feed": {"head": 40, "cursor": 10},
                  "hub": {"province": {"reachable": False, "pending": 320}}}
        bar.show_sync_status(status.live(office=office, online=True))
        assert bar.online_label.text() == (
            "Văn phòng: đã kết nối · chưa gửi 0 · đang cập nhật 30 thay đổi · "
            "Tỉnh: mất kết nối · máy chủ văn phòng giữ 320 thay đổi")
        bar.show_sync_status(status.live(online=False, office={
            **office, "feed": None, "hub": {"province": {
                "reachable": True, "last_success": "2026-12-02T10:42:00+07:00"}}}))
        assert bar.online_label.text() == ("Văn phòng: mất kết nối · chưa gửi 0 · "
                                           "Tỉnh: đã gửi lúc 10:42")
        bar.show_sync_status(status.live(auth_error={"status": 401}))
        assert bar.online_label.text() == ("Máy chủ văn phòng đã thu hồi quyền của quầy này. "
                                           "Nhờ IT ghép nối lại.")
    finally:
        assert controller.stop(5)

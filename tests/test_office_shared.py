"""The office's shared data (docs/office-hub.md §5): the catalogue and the calendar overrides
are edited through the hub, one linear version per section, and copied to every counter; an
edit on a stale copy or without the hub changes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import SUPERVISOR, acting, join_office
from office_testing import HubProcess, hub_rows, init_hub, pair_code

from intake_app.desk import Desk
from intake_app.domain.calendar import CalendarOverride, OverrideKind
from intake_app.domain.errors import DeskError, NotAllowed
from intake_app.store.office import config_version
from intake_app.sync.client import GatewayClient
from intake_app.sync.office_feed import OfficeFeed


@pytest.fixture
def hub(tmp_path):
    folder = tmp_path / "hub"
    init_hub(folder)
    process = HubProcess(folder).start()
    yield process
    process.kill()


def joined(hub, folder, station: int) -> Desk:
    desk = Desk(folder)
    join_office(desk, hub.address, pair_code(hub.folder, station))
    return desk


def read_feed(desk: Desk) -> None:
    with GatewayClient(desk.office.info()["hub_url"], desk.sync.token(),
                       pinned_pem=desk.setting("office.certificate")) as client:
        feed = OfficeFeed(desk.data_dir)
        while feed.read_page(desk, client, 0):
            pass


NEW_PROCEDURE = {"code": "1.999999", "name": "Thủ tục thử của văn phòng", "field_code": "HT",
                 "field_name": "Hộ tịch", "time": {"unit": "same_day", "amount": 0},
                 "fee": {"kind": "free", "label": "Lệ phí", "note": ""},
                 "components": [{"name": "Tờ khai", "form": "ban_chinh", "required": True,
                                 "copies": 1}], "note": ""}


def test_the_catalogue_and_calendar_are_the_offices(hub, tmp_path) -> None:
    one, two = joined(hub, tmp_path / "c1", 1), joined(hub, tmp_path / "c2", 2)
    try:
        off = CalendarOverride(date(2027, 1, 5), OverrideKind.DAY_OFF, "Nghỉ bù")
        with acting(one, SUPERVISOR):
            one.set_calendar_day(off)
        assert config_version(one.db, "calendar") == 1
        read_feed(two)
        assert not two.calendar().is_working_day(date(2027, 1, 5))
        assert config_version(two.db, "calendar") == 1

        path = tmp_path / "catalogue.json"
        path.write_text(json.dumps({"procedures": [NEW_PROCEDURE]}, ensure_ascii=False),
                        encoding="utf-8")
        with acting(two, SUPERVISOR):
            two.import_catalogue(path)
        read_feed(one)
        assert one.procedure("1.999999").name == "Thủ tục thử của văn phòng"
        assert hub_rows(hub.folder, "SELECT section, version, changed_by_station FROM "
                        "office_config ORDER BY section") == [("calendar", 1, 1),
                                                              ("catalogue", 1, 2)]

        # Counter 2 edits the calendar again; counter 1, not caught up, edits on its stale
        # copy: refused, and its own edit is rolled back.
        with acting(two, SUPERVISOR):
            two.clear_calendar_day(date(2027, 1, 5))
        stale = CalendarOverride(date(2027, 1, 9), OverrideKind.WORKING_DAY, "Làm bù")
        with pytest.raises(DeskError, match="Vừa có người khác sửa"), acting(one, SUPERVISOR):
            one.set_calendar_day(stale)
        assert not one.calendar().is_working_day(date(2027, 1, 9))  # a Saturday, not changed
        read_feed(one)
        assert one.calendar().is_working_day(date(2027, 1, 5))  # the office's version 2
        with acting(one, SUPERVISOR):
            one.set_calendar_day(stale)
        assert config_version(one.db, "calendar") == 3

        # Without the hub, the office's data cannot be edited (nothing changes here).
        hub.kill()
        with pytest.raises(NotAllowed, match="chỉ sửa được khi máy kết nối"), \
                acting(one, SUPERVISOR):
            one.clear_calendar_day(date(2027, 1, 9))
        assert one.calendar().is_working_day(date(2027, 1, 9))
    finally:
        one.close()
        two.close()

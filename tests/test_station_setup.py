"""Setting a station up in one go (the wizard's plan), the set-up sheet and `setup-sheet`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import UNIT, join_office, pdf_words
from conftest import run_cli as run

from intake_app.desk import Desk
from intake_app.domain.accounts import Role
from intake_app.domain.errors import InvalidInput
from intake_app.services.station_setup import (
    PRINTER_KEY,
    AdminPlan,
    SetupPlan,
    discard_new_station,
    untouched,
)
from intake_app.station_keys import KEYS_FILE, entry_name
from intake_app.store.db import DATABASE_FILE

ADMIN = AdminPlan("it.tinh", "Phạm Quốc Bảo", "mùa thu hà nội đẹp")


def plan(**changes) -> SetupPlan:
    values = dict(unit_code="000.00.12.H56", unit_name="UBND phường Phong Quảng",
                  province_code="46", commune_code="19873", station_no=2, admin=ADMIN)
    values.update(changes)
    return SetupPlan(**values)


def test_set_up_writes_everything_and_the_station_last(tmp_path: Path) -> None:
    backups = tmp_path / "usb"
    backups.mkdir()
    with Desk(tmp_path / "new") as desk:
        station = desk.set_up(plan(gateway_url="https://hub.phongquang.local:8443",
                                   printer="Canon LBP2900", backup_folder=str(backups)))
        assert (station.unit_code, station.station_no) == ("000.00.12.H56", 2)
        admin = desk.accounts.get("it.tinh")
        assert admin.role == Role.ADMINISTRATOR and not admin.must_change_password
        assert desk.accounts.authenticate("it.tinh", "mùa thu hà nội đẹp")
        assert desk.backups.place() == backups
        assert desk.sync.config().gateway_url == "https://hub.phongquang.local:8443"
        assert desk.setting(PRINTER_KEY) == "Canon LBP2900"
        actions = [r[0] for r in desk.db.execute("SELECT action FROM audit_log ORDER BY seq")]
    assert actions.index("account.created") < actions.index("station.set_up")


def test_a_bad_plan_names_every_field_and_writes_nothing(tmp_path: Path) -> None:
    with Desk(tmp_path / "new") as desk:
        with pytest.raises(InvalidInput) as refused:
            desk.set_up(plan(unit_code="12.H56", unit_name=" ", commune_code="00001",
                             admin=AdminPlan("Ng Van A", "", "123"),
                             gateway_url="http://10.0.0.2", backup_folder=str(tmp_path / "no")))
        assert set(refused.value.problems) == {"unit_code", "unit_name", "commune", "login",
                                               "display_name", "password", "gateway_url",
                                               "backup_folder"}
        assert "NNN.NN.NN.XNN" in refused.value.problems["unit_code"]
        assert "https://" in refused.value.problems["gateway_url"]
        assert not desk.is_set_up() and not desk.accounts.exist()
        assert desk.setting(PRINTER_KEY) is None


def test_the_set_up_sheet_says_what_was_configured(tmp_path: Path) -> None:
    backups = tmp_path / "usb"
    backups.mkdir()
    with Desk(tmp_path / "new") as desk:
        desk.set_up(plan(gateway_url="https://hub.phongquang.local", printer="Canon LBP2900",
                         backup_folder=str(backups)))
        out = desk.write_setup_sheet(tmp_path / "to-thiet-lap.pdf")
        recovery = desk.keys.recovery_key
    text = pdf_words(out)
    for expected in ("TỜ THIẾT LẬP QUẦY TIẾP NHẬN", "000.00.12.H56", "UBND phường Phong Quảng",
                     "Thành phố Huế", "Phường Phong Quảng", "Phạm Quốc Bảo", "it.tinh",
                     "https://hub.phongquang.local", "Canon LBP2900",
                     str((tmp_path / "new").absolute()), str(backups),
                     "KHÓA KHÔI PHỤC"):
        assert expected in text, expected
    assert re.sub(r"\D", "", text).count(re.sub(r"\D", "", recovery)) == 1
    assert "mùa thu" not in text  # never a password
    assert "cùng ổ đĩa" not in text or backups.stat().st_dev == (tmp_path / "new").stat().st_dev


def test_the_sheet_warns_when_backups_share_the_data_disk(data_dir: Path, tmp_path) -> None:
    with Desk(data_dir) as desk:
        text = pdf_words(desk.write_setup_sheet(tmp_path / "sheet.pdf"))
    assert "Nơi sao lưu nằm trên cùng ổ đĩa với dữ liệu" in text
    assert "Nguyễn Quản Trị" in text and "Chưa cấu hình" in text  # the set-up's administrator


def test_setup_sheet_command_after_init(capsys, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    status, output, _ = run(capsys, data_dir, "setup-sheet", "--out", str(out))
    assert status == 0 and output["written"] == str(out) and output["recovery_key_printed"]
    with Desk(data_dir) as desk:
        key = desk.keys.recovery_key
    assert key.split("-")[0] in pdf_words(out) and UNIT["unit_name"] in pdf_words(out)
    status, _, error = run(capsys, data_dir, "setup-sheet", "--out", str(out))
    assert status == 2 and "--force" in error  # never replaced silently
    status, _, error = run(capsys, data_dir, "setup-sheet", "--out",
                           str(data_dir / "sheet.pdf"))
    assert status == 2 and "thư mục dữ liệu" in error


def test_setup_sheet_command_on_a_folder_not_set_up(capsys, tmp_path: Path) -> None:
    status, _, error = run(capsys, tmp_path / "empty", "setup-sheet", "--out",
                           str(tmp_path / "x.pdf"))
    assert status == 1 and "intake-app init" in error
    assert not (tmp_path / "empty" / KEYS_FILE).exists()


def test_discarding_a_new_station_leaves_nothing(tmp_path: Path, station_credentials) -> None:
    folder = tmp_path / "new"
    desk = Desk(folder)
    desk.ensure_admin_units()
    assert untouched(desk)
    keys = desk.keys
    desk.close()
    removed = discard_new_station(folder, DATABASE_FILE, keys)
    assert DATABASE_FILE in removed and KEYS_FILE in removed
    assert not (folder / DATABASE_FILE).exists() and not (folder / KEYS_FILE).exists()
    assert station_credentials.get_password("intake-app", entry_name(keys.key_id)) is None


def test_a_folder_with_an_administrator_is_not_untouched(tmp_path: Path) -> None:
    with Desk(tmp_path / "new") as desk:
        desk.accounts.add(ADMIN.login, ADMIN.display_name, Role.ADMINISTRATOR, ADMIN.password)
        assert not untouched(desk)
    with Desk(tmp_path / "new") as desk:  # opened again: the keys were not made now
        assert not desk.keys.made_now and not untouched(desk)


def test_the_sheet_of_a_counter_in_an_office_names_its_hub(tmp_path: Path) -> None:
    from office_testing import HubProcess, init_hub, pair_code

    init_hub(tmp_path / "hub")
    hub = HubProcess(tmp_path / "hub").start()
    try:
        with Desk(tmp_path / "counter") as desk:
            desk.set_up(plan(station_no=2))
            joined = join_office(desk, hub.address, pair_code(hub.folder, 2))
            text = pdf_words(desk.write_setup_sheet(tmp_path / "sheet.pdf"))
    finally:
        hub.kill()
    assert f"Máy chủ văn phòng {joined['hub_url']}" in text
    assert "Cổng đồng bộ của tỉnh Chưa cấu hình" in text


def test_the_sheet_says_when_the_last_backup_was_made(data_dir: Path, tmp_path) -> None:
    from conftest import FakeClock, at

    with Desk(data_dir, clock=FakeClock(at("2026-03-02 09:05"))) as desk:
        desk.backups.make(kind="daily")
        text = pdf_words(desk.write_setup_sheet(tmp_path / "sheet.pdf"))
    assert "bản gần nhất: 09:05 02/03/2026" in text

"""Backups, restores and the health check in the window (issue 13.3, 13.4, 13.6): the status
bar, the backup on closing, the "Sao lưu và khôi phục" and "Kiểm tra hệ thống" pages.

Real Qt widgets (offscreen), a real desk on a real data folder; screenshots of the pages go to
the folder INTAKE_SHOTS names (conftest.shot).
"""

from __future__ import annotations

import zipfile

import pytest
from conftest import ADMIN, FakeClock, acting, as_user, at, intake_request, shot

from intake_app.desk import Desk
from intake_app.ui.backup.controller import BackupController
from intake_app.ui.backup.dialog import BackupDialog
from intake_app.ui.doctor.dialog import DoctorDialog
from intake_app.ui.main_window import SettingsDialog, build_main_window


@pytest.fixture
def window(session, qtbot, monkeypatch):
    from intake_app.ui import main_window

    class Stub(main_window.QLabel):
        def __init__(self, session, parent=None):
            super().__init__("stub", parent)

    for name in ("_intake_screen", "_find_screen", "_hand_back_screen", "_supervisor_screen",
                 "_sync_screen"):
        monkeypatch.setattr(main_window, name, lambda: Stub)
    window = build_main_window(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_status_bar_shows_a_failed_backup_until_one_works(window, desk, qtbot, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    with acting(desk, ADMIN):
        desk.backups.set_place(usb)
    usb.rmdir()  # the stick is not there
    label = window.status.backup_label
    window.backups.run_if_due("start")
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == "⚠ Chưa sao lưu được",
                    timeout=20_000)
    assert "ổ USB" in label.toolTip()
    shot(window.status, "status-bar-backup-failed")
    usb.mkdir()  # plugged in again
    window.backups.run_if_due("daily")
    qtbot.waitUntil(lambda: label.text().startswith("Sao lưu lúc"), timeout=20_000)
    assert desk.backups.status().failing is None
    assert len(list(usb.rglob("*.intake-backup"))) == 1


def test_closing_the_window_takes_a_backup_first(window, desk, qtbot):
    desk.receive(intake_request())
    window.back_up_on_close = True
    window.close()
    assert window.isVisible()  # waits for the backup
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    infos = desk.backups.listing()
    assert [info.kind for info in infos] == ["exit"] and infos[0].dossiers == 1


def test_closing_again_with_nothing_new_takes_no_second_backup(window, desk, qtbot):
    with acting(desk, ADMIN):
        desk.backups.make(kind="daily")
    window.back_up_on_close = True
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert [info.kind for info in desk.backups.listing()] == ["daily"]


def test_the_settings_open_the_it_pages(session, qtbot):
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    backups = dialog.open_backups()
    qtbot.addWidget(backups)
    assert isinstance(backups, BackupDialog)
    qtbot.waitSignal(backups.loaded, timeout=20_000)
    doctor = dialog.open_doctor()
    qtbot.addWidget(doctor)
    assert isinstance(doctor, DoctorDialog)


def test_the_backup_page_lists_backs_up_and_shows_what_to_re_enter(make_session, desk, qtbot):
    session = make_session(desk, ADMIN)  # backups are the administrator's
    clock = FakeClock(at("2026-03-02 09:00"))
    with as_user(Desk(desk.data_dir, clock=clock)) as earlier:
        earlier.receive(intake_request())
        with acting(earlier, ADMIN):
            earlier.backups.make(kind="daily")
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.resize(900, 640)
    dialog.show()
    with qtbot.waitSignal(dialog.loaded, timeout=20_000):
        pass
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "hằng ngày"
    assert dialog.table.item(0, 2).text() == "1"
    assert "nơi mặc định" in dialog.place_note.text()
    with qtbot.waitSignal(dialog.backed_up, timeout=30_000) as made:
        dialog.back_up.click()
    assert made.args[0].kind == "manual"
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20_000)
    assert "Đã sao lưu và kiểm tra" in dialog.message.text()
    assert dialog.missing.rowCount() == 0
    shot(dialog, "backup-page")


def test_the_backup_page_saves_the_set_up_sheet(session, desk, qtbot, tmp_path):
    from conftest import pdf_words

    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "to-thiet-lap.pdf"
    dialog.save_setup_sheet(out)
    qtbot.waitUntil(lambda: "Đã lưu tờ thiết lập" in dialog.message.text(), timeout=20_000)
    text = pdf_words(out)
    assert "TỜ THIẾT LẬP QUẦY TIẾP NHẬN" in text and str(desk.data_dir.absolute()) in text
    assert desk.keys.recovery_key.split("-")[-1] in text
    dialog.save_setup_sheet(desk.data_dir / "sheet.pdf")  # never inside the data folder
    qtbot.waitUntil(lambda: "thư mục dữ liệu" in dialog.message.text(), timeout=20_000)
    assert not (desk.data_dir / "sheet.pdf").exists()


def test_a_restore_from_the_page_closes_the_station_and_lists_the_later_dossiers(
        session, desk, qtbot, tmp_path):
    with acting(desk, ADMIN):
        backup = desk.backups.make(kind="daily").path
    names = ["Trần Thị Bích", "Lê Văn Cường"]
    for name in names:
        request = intake_request()
        request["applicant"] = {**request["applicant"], "name": name}
        desk.receive(request)
    desk.close()
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=20_000):
        pass
    text = dialog.restore_now(backup)
    assert "Đã khôi phục" in text and "2 hồ sơ tiếp nhận sau thời điểm đó" in text
    assert dialog.result_box is not None
    shot(dialog.result_box, "restore-result")
    dialog.result_box.accept()
    with Desk(desk.data_dir) as again:
        from intake_app.services.restore import missing_dossiers

        assert again.find("tran thi bich") == []
        missing = missing_dossiers(again, ask_province=False)
        assert [m.facts.applicant for m in missing] == names


def test_the_health_check_page_explains_each_finding(session, desk, qtbot, tmp_path):
    desk.receive(intake_request())
    dialog = DoctorDialog(session, network=False)
    qtbot.addWidget(dialog)
    dialog.resize(980, 640)
    dialog.show()
    with qtbot.waitSignal(dialog.checked, timeout=60_000) as checked:
        pass
    report = checked.args[0]
    rows = {key: (title.text(), text.text()) for key, (title, text) in
            dialog.row_labels.items()}
    assert rows["database"][0] == "✔  Cơ sở dữ liệu"
    assert rows["printer"][0] == "⚠  Máy in mặc định"  # offscreen Qt sees no printer
    assert "Chưa có máy in mặc định" in rows["printer"][1]
    assert rows["backup"][0].startswith("✖")  # never backed up
    assert "intake-app backup" in rows["backup"][1]
    assert dialog.heading.text() == f"{report.count('problem')} lỗi, " \
                                    f"{report.count('warning')} cảnh báo."
    shot(dialog, "doctor-page")
    out = tmp_path / "ho-tro.zip"
    with qtbot.waitSignal(dialog.bundled, timeout=30_000):
        dialog.save_bundle(str(out))
    with zipfile.ZipFile(out) as archive:
        assert "doctor.txt" in archive.namelist()
        assert "Máy in mặc định" in archive.read("doctor.txt").decode("utf-8")


def test_the_controller_is_one_per_session(session):
    assert BackupController.of(session) is BackupController.of(session)

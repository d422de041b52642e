"""The set-up wizard (issue 13.2), driven to the end on a fresh data folder like IT does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import as_user, intake_request, pdf_words, set_up_accounts, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from intake_app.desk import Desk
from intake_app.domain.accounts import Role
from intake_app.domain.errors import StorageProblem
from intake_app.station_keys import KEYS_FILE, entry_name
from intake_app.store.db import DATABASE_FILE
from intake_app.ui import app as app_module
from intake_app.ui import printer_choice, setup_wizard
from intake_app.ui.setup_wizard import SetupWizard

PRINTERS = ("HP LaserJet P1102", ["Canon LBP2900", "HP LaserJet P1102"])
PASSWORD = "mùa thu hà nội đẹp"


@pytest.fixture(autouse=True)
def keep_preferred_printer():
    before = printer_choice.preferred
    yield
    printer_choice.preferred = before


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[str]:
    """The wizard's questions ("cancel?", "not printed?") answered Yes, and recorded (a test
    widget closed at teardown must never wait for a person)."""
    return answer_yes(monkeypatch)


def click(qtbot, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def next_page(qtbot, wizard: SetupWizard) -> None:
    button = (QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage()
              else QWizard.WizardButton.NextButton)
    click(qtbot, wizard, button)


def fill_unit(qtbot, wizard: SetupWizard, station_no: int = 2) -> None:
    page = wizard.unit
    type_text(qtbot, page.unit_code, "000.00.12.h56")
    type_text(qtbot, page.unit_name, "UBND phường Phong Quảng")
    type_text(qtbot, page.province.lineEdit(), "hue")  # no accents: "Thành phố Huế"
    qtbot.keyClick(page.province.lineEdit(), Qt.Key.Key_Return)
    type_text(qtbot, page.commune.lineEdit(), "phong quang")
    qtbot.keyClick(page.commune.lineEdit(), Qt.Key.Key_Return)
    page.station_no.setValue(station_no)


def fill_admin(qtbot, wizard: SetupWizard) -> None:
    page = wizard.admin
    type_text(qtbot, page.login, "cntt.bao")
    type_text(qtbot, page.display_name, "Phạm Quốc Bảo")
    type_text(qtbot, page.password, PASSWORD)
    type_text(qtbot, page.password_again, PASSWORD)


def drive_to_commit(qtbot, wizard: SetupWizard, backups: Path | None = None) -> None:
    fill_unit(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.admin
    fill_admin(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.connection
    qtbot.mouseClick(wizard.connection.findChildren(type(wizard.button(
        QWizard.WizardButton.NextButton)))[0], Qt.MouseButton.LeftButton)  # "Bỏ qua bước này"
    assert wizard.currentPage() is wizard.printer
    assert wizard.printer.chosen() == "HP LaserJet P1102"  # the default, preselected
    wizard.printer.printer.setCurrentIndex(1)  # Canon
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.backup
    if backups is not None:
        wizard.backup.folder.setText(str(backups))
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary


def test_the_wizard_sets_a_fresh_folder_up_and_the_station_stamps(tmp_path, qtbot) -> None:
    folder = tmp_path / "IntakeApp"
    backups = tmp_path / "usb"
    backups.mkdir()
    with Desk(folder) as desk:
        wizard = SetupWizard(desk, printers=PRINTERS)
        qtbot.addWidget(wizard)
        wizard.show()
        drive_to_commit(qtbot, wizard, backups)
        summary = wizard.summary.summary.text()
        assert "Canon LBP2900" in summary and "cntt.bao" in summary and str(backups) in summary
        assert not desk.is_set_up()  # nothing is written before "Thiết lập"
        next_page(qtbot, wizard)
        assert wizard.currentPage() is wizard.sheet and desk.is_set_up()
        key = desk.keys.recovery_key
        assert key.split("-")[0] in wizard.sheet.key.text()
        sheet = wizard.save_sheet(tmp_path / "to-thiet-lap.pdf")
        assert sheet is not None
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
        assert wizard.result() == QWizard.DialogCode.Accepted
        station = desk.station
        admin = desk.accounts.get("cntt.bao")
        assert desk.backups.place() == backups
        assert printer_choice.preferred == "Canon LBP2900"
        set_up_accounts(desk)  # the administrator makes the clerks' accounts
        stamped = as_user(desk).receive(intake_request())
    assert (station.unit_code, station.unit_name, station.province_code, station.commune_code,
            station.station_no) == ("000.00.12.H56", "UBND phường Phong Quảng", "46", "19873", 2)
    assert admin.role == Role.ADMINISTRATOR and not admin.must_change_password
    assert stamped.dossier.code.endswith("-2001") and stamped.receipt_path.exists()
    text = pdf_words(sheet)
    for expected in ("TỜ THIẾT LẬP QUẦY TIẾP NHẬN", "000.00.12.H56", "UBND phường Phong Quảng",
                     "Phạm Quốc Bảo", "cntt.bao", "Canon LBP2900", str(folder.absolute()),
                     str(backups), "KHÓA KHÔI PHỤC"):
        assert expected in text, expected
    assert re.sub(r"\D", "", key) in re.sub(r"\D", "", text)
    assert PASSWORD not in text


def test_each_page_names_the_wrong_field_in_vietnamese(tmp_path, qtbot) -> None:
    with Desk(tmp_path / "new") as desk:
        wizard = SetupWizard(desk, printers=(None, []))
        qtbot.addWidget(wizard)
        wizard.show()
        type_text(qtbot, wizard.unit.unit_code, "12.H56")
        next_page(qtbot, wizard)
        assert wizard.currentPage() is wizard.unit
        form = wizard.unit.form
        assert form.message("unit_code").startswith("Mã định danh đơn vị '12.H56' không đúng")
        assert form.message("unit_name") == "Tên đơn vị không được để trống."
        assert form.message("province") == "Hãy chọn tỉnh, thành phố."
        assert form.message("commune") == "Hãy chọn xã, phường."
        assert form.message("station_no") == ""
        fill_unit_fields = wizard.unit
        fill_unit_fields.unit_code.setText("000.00.12.H56")
        fill_unit_fields.unit_name.setText("UBND phường Phong Quảng")
        fill_unit_fields.province.select_code("46")
        fill_unit_fields.commune.select_code("19873")
        next_page(qtbot, wizard)
        assert wizard.currentPage() is wizard.admin and form.message("unit_code") == ""

        type_text(qtbot, wizard.admin.login, "Phạm Bảo")
        type_text(qtbot, wizard.admin.password, "123456789")
        type_text(qtbot, wizard.admin.password_again, "123")
        next_page(qtbot, wizard)
        admin_form = wizard.admin.form
        assert wizard.currentPage() is wizard.admin
        assert admin_form.message("login").startswith("Tên đăng nhập phải dài 2–32 ký tự")
        assert admin_form.message("display_name").startswith("Họ và tên")
        assert admin_form.message("password").startswith("Mật khẩu phải có ít nhất 10 ký tự")
        wizard.admin.login.setText("cntt.bao")
        wizard.admin.display_name.setText("Phạm Quốc Bảo")
        wizard.admin.password.setText(PASSWORD)
        next_page(qtbot, wizard)
        assert admin_form.message("password_again") == \
            "Nhập lại mật khẩu: Hai lần nhập mật khẩu không giống nhau."
        wizard.admin.password_again.setText(PASSWORD)
        next_page(qtbot, wizard)

        type_text(qtbot, wizard.connection.gateway, "http://10.0.0.2")
        next_page(qtbot, wizard)
        assert wizard.currentPage() is wizard.connection
        assert wizard.connection.form.message("gateway_url").startswith(
            "Địa chỉ máy chủ đồng bộ: Chỉ được dùng http://")
        type_text(qtbot, wizard.connection.gateway, "/")  # changing the field: the line goes
        assert wizard.connection.form.message("gateway_url") == ""
        wizard.connection.gateway.setText("https://dongbo.hue.gov.vn")
        next_page(qtbot, wizard)
        assert wizard.currentPage() is wizard.printer
        assert wizard.printer.chosen() is None  # no printer here: the system's default
        next_page(qtbot, wizard)

        assert wizard.backup.warning.isVisibleTo(wizard)  # the default: the data's own disk
        wizard.backup.folder.setText(str(tmp_path / "not-plugged-in"))
        next_page(qtbot, wizard)
        assert wizard.currentPage() is wizard.backup
        assert wizard.backup.form.message("backup_folder").startswith(
            f"Nơi sao lưu: Không có thư mục {tmp_path / 'not-plugged-in'}")
        inside = tmp_path / "new" / "backups"
        inside.mkdir()
        wizard.backup.folder.setText(str(inside))
        next_page(qtbot, wizard)
        assert "không được nằm trong thư mục dữ liệu" in wizard.backup.form.message(
            "backup_folder")
        assert not desk.is_set_up() and not desk.accounts.exist()


def answer_yes(monkeypatch) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, yes, no):
        asked.append(text)
        return True

    monkeypatch.setattr(setup_wizard, "ask", question)
    return asked


def test_cancelling_the_wizard_leaves_nothing(tmp_path, qtbot, questions,
                                              station_credentials) -> None:
    from test_ui_frame import answer_dialogs

    asked = questions
    made: list[str] = []

    def cancel_midway(wizard: SetupWizard) -> None:
        made.append(wizard.desk.keys.key_id)
        fill_unit(qtbot, wizard)
        next_page(qtbot, wizard)  # on the administrator's page
        fill_admin(qtbot, wizard)
        click(qtbot, wizard, QWizard.WizardButton.CancelButton)

    folder = tmp_path / "first"
    timer, seen = answer_dialogs({SetupWizard: cancel_midway})
    assert app_module.start(QApplication.instance(), folder) is None
    timer.stop()
    assert seen == ["SetupWizard"] and len(asked) == 1 and "Hủy thiết lập" in asked[0]
    assert not (folder / DATABASE_FILE).exists() and not (folder / KEYS_FILE).exists()
    assert not [p for p in folder.iterdir() if p.name.startswith(("intake", "station"))]
    assert station_credentials.get_password("intake-app", entry_name(made[0])) is None


def test_a_failed_set_up_stays_open_and_resumes_next_time(tmp_path, qtbot,
                                                          monkeypatch) -> None:
    """The administrator was made, then writing the station failed (a full disk): the folder
    is not set up, the wizard says why and stays; the next start asks again, without asking
    for another administrator."""
    folder = tmp_path / "new"
    with Desk(folder) as desk:
        wizard = SetupWizard(desk, printers=PRINTERS)
        qtbot.addWidget(wizard)
        wizard.show()
        drive_to_commit(qtbot, wizard)

        def full_disk(*args, **kwargs):
            raise StorageProblem("Ổ đĩa đã đầy: không ghi được thiết lập.", "disk full")

        with monkeypatch.context() as patch:
            patch.setattr(Desk, "init_station", full_disk)
            next_page(qtbot, wizard)
        assert wizard.currentPage() is wizard.summary
        assert "Ổ đĩa đã đầy" in wizard.summary.error.text()
        assert not desk.is_set_up() and desk.accounts.exist()
    with Desk(folder) as desk:
        wizard = SetupWizard(desk, printers=PRINTERS)
        qtbot.addWidget(wizard)
        wizard.show()
        fill_unit(qtbot, wizard, station_no=3)
        next_page(qtbot, wizard)
        assert not wizard.admin.login.isEnabled()
        assert wizard.admin.admin() is None
        for _ in range(4):
            next_page(qtbot, wizard)
        assert wizard.currentPage() is wizard.sheet
        assert desk.station.station_no == 3
        assert [a.login for a in desk.accounts.all()] == ["cntt.bao"]


def test_closing_the_sheet_unsaved_asks_first(tmp_path, qtbot, monkeypatch) -> None:
    with Desk(tmp_path / "new") as desk:
        wizard = SetupWizard(desk, printers=PRINTERS)
        qtbot.addWidget(wizard)
        wizard.show()
        drive_to_commit(qtbot, wizard)
        next_page(qtbot, wizard)
        asked: list[str] = []
        monkeypatch.setattr(setup_wizard, "ask",
                            lambda parent, title, text, *a: asked.append(text) or False)
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
        assert wizard.isVisible() and "intake-app setup-sheet" in asked[0]
        asked.clear()
        wizard.reject()  # Esc after "Thiết lập": the station is set up; same question
        assert wizard.isVisible() and len(asked) == 1

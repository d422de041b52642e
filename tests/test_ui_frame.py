"""The window's frame: set-up wizard, main window, status bar, scanner, language.

The three screens and the dossier dialog are replaced by small stand-ins here, so these tests
prove the frame whatever state the screens are in; the desk and its SQLite file are real.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import UNIT, intake_request, type_text
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from intake_app.desk import Desk
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus
from intake_app.ui import app as app_module
from intake_app.ui import i18n, main_window
from intake_app.ui.main_window import SettingsDialog, build_main_window
from intake_app.ui.operations import Changes
from intake_app.ui.scanner import ScannerFilter
from intake_app.ui.setup_wizard import SetupWizard
from intake_app.ui.status_text import status_text

CODE = "000.00.12.H56-261123-2001"


# ---- stand-ins for the screens ---------------------------------------------------------------

class StubScreen(QLabel):
    def __init__(self, session, parent=None):
        super().__init__(type(self).__name__, parent)
        self.loaded: list[str] = []

    def load(self, code: str) -> bool:
        self.loaded.append(code)
        return True


class StubDialog(QDialog):
    opened: list[str] = []

    def __init__(self, session, view, parent=None):
        super().__init__(parent)
        StubDialog.opened.append(view.dossier.code)


@pytest.fixture
def stub_screens(monkeypatch):
    screens = {name: type(name, (StubScreen,), {})
               for name in ("IntakeStub", "FindStub", "HandBackStub")}
    monkeypatch.setattr(main_window, "_intake_screen", lambda: screens["IntakeStub"])
    monkeypatch.setattr(main_window, "_find_screen", lambda: screens["FindStub"])
    monkeypatch.setattr(main_window, "_hand_back_screen", lambda: screens["HandBackStub"])
    monkeypatch.setattr(main_window, "_dossier_dialog", lambda: StubDialog)
    StubDialog.opened = []
    return screens


@pytest.fixture
def window(session, qtbot, stub_screens):
    window = build_main_window(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def vietnamese():
    """Whatever a test installs, the next one starts in Vietnamese."""
    yield
    i18n.install_language(QApplication.instance(), "vi")


# ---- set-up ----------------------------------------------------------------------------------

def test_the_unit_page_finds_units_without_accents(tmp_path: Path, qtbot) -> None:
    with Desk(tmp_path / "new") as desk:
        wizard = SetupWizard(desk, printers=(None, []))
        qtbot.addWidget(wizard)
        page = wizard.unit
        type_text(qtbot, page.unit_code, "000.00.12")
        assert "NNN.NN.NN.XNN" in page.unit_code_hint.text()
        type_text(qtbot, page.unit_code, ".H56")
        assert page.unit_code_hint.text() == ""
        province = page.province.lineEdit()
        type_text(qtbot, province, "hue")  # no accents, a part of "Thành phố Huế"
        qtbot.keyClick(province, Qt.Key.Key_Return)
        assert page.province.current_code() == "46"
        assert page.province.currentText() == "Thành phố Huế"
        type_text(qtbot, page.commune.lineEdit(), "phong quảng")
        qtbot.keyClick(page.commune.lineEdit(), Qt.Key.Key_Return)
        assert page.commune.current_code() == "19873"


def answer_dialogs(answers: dict[type, object]):
    """Poll for modal dialogs and answer each with its function (what a person would do)."""
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        for kind, answer in answers.items():
            if isinstance(modal, kind) and type(modal).__name__ not in seen:
                seen.append(type(modal).__name__)
                answer(modal)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    return timer, seen


def fill_setup(wizard: SetupWizard) -> None:
    """Every page of the set-up wizard, as IT fills it, to the end."""
    wizard.unit.unit_code.setText("000.00.12.H56")
    wizard.unit.unit_name.setText("UBND phường Phong Quảng")
    wizard.unit.province.select_code("46")
    wizard.unit.commune.select_code("19873")
    wizard.unit.station_no.setValue(3)
    wizard.next()
    wizard.admin.login.setText("cntt.bao")
    wizard.admin.display_name.setText("Phạm Quốc Bảo")
    for field in (wizard.admin.password, wizard.admin.password_again):
        field.setText("mùa thu hà nội đẹp")
    for _ in range(5):  # gateway skipped, printer, backup place, summary ("Thiết lập")
        wizard.next()
    assert wizard.currentPage() is wizard.sheet, wizard.summary.error.text()
    wizard.sheet_kept = True  # printed
    wizard.accept()


def test_first_start_sets_up_then_opens_the_window_at_the_log_in(tmp_path, qtbot,
                                                                  stub_screens) -> None:
    timer, seen = answer_dialogs({SetupWizard: fill_setup})
    app = QApplication.instance()
    window = app_module.start(app, tmp_path / "first", lazy=False)
    timer.stop()
    qtbot.addWidget(window)
    assert seen == ["SetupWizard"]
    assert window.windowTitle() == "Tiếp nhận hồ sơ – UBND phường Phong Quảng – Quầy 3"
    assert window.locked() and window.outer.currentWidget() is window.login_screen
    qtbot.waitUntil(lambda: window.login_screen.account.count() == 1, timeout=10_000)
    assert window.login_screen.account.itemText(0) == "Phạm Quốc Bảo – Quản trị hệ thống"
    assert window.session.close()
    window.sync.start()  # the window's delayed first sync, come after it closed: no thread
    assert not window.sync.running


def test_a_set_up_station_opens_without_a_desk_on_the_windows_thread(
        data_dir, qtbot, stub_screens, monkeypatch) -> None:
    """The window's thread reads only what it needs to open (store.peek); every Desk is
    opened by a worker of the operations layer, the clerk picked is remembered there."""
    import threading

    opened_on: list[str] = []
    real_init = Desk.__init__

    def recording_init(self, *args, **kwargs):
        opened_on.append(threading.current_thread().name)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(Desk, "__init__", recording_init)
    window = app_module.start(QApplication.instance(), data_dir, lazy=False)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Tiếp nhận hồ sơ – UBND phường Phong Quảng – Quầy 2"
    qtbot.waitUntil(lambda: window.login_screen.account.count() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: window.session.ops.in_flight == 0)
    assert opened_on and all(name.startswith("desk-") for name in opened_on)
    assert window.session.close()


def test_a_store_the_worker_cannot_open_is_said_once_and_the_window_closes(
        data_dir, qtbot, stub_screens, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from intake_app.store.db import StoreError

    def refuse(self, *args, **kwargs):
        raise StoreError("Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng.",
                         "schema is newer than this app")

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: said.append(text)))
    monkeypatch.setattr(Desk, "__init__", refuse)
    window = app_module.start(QApplication.instance(), data_dir, lazy=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(said))
    qtbot.wait(200)
    assert len(said) == 1 and "phiên bản mới hơn" in said[0]
    assert not window.isVisible() and window.failed_to_open


def test_cancelling_the_setup_opens_nothing(tmp_path, qtbot) -> None:
    timer, seen = answer_dialogs({SetupWizard: lambda wizard: wizard.done(0)})
    assert app_module.start(QApplication.instance(), tmp_path / "first") is None
    timer.stop()
    assert seen == ["SetupWizard"]
    with Desk(tmp_path / "first") as desk:
        assert not desk.is_set_up()


# ---- main window -----------------------------------------------------------------------------

def test_title_and_status_bar_show_station_unit_clerk_and_waiting(session, window, desk,
                                                                   qtbot) -> None:
    assert window.windowTitle() == "Tiếp nhận hồ sơ – UBND phường Phong Quảng – Quầy 2"
    status = window.status
    assert status.station_label.text() == "Quầy số 2"
    assert UNIT["unit_name"] in status.unit_label.text()
    assert status.clerk_label.text() == "Cán bộ: Lê Thị Hoa"
    qtbot.waitUntil(lambda: status.outbox_label.text() == "Chờ đồng bộ: 0")
    assert len(status.clock_label.text()) == len("23/11/2026 14:05")
    code = desk.receive(intake_request()).dossier.code
    session.announce(Changes.of_dossiers([code]))  # as the intake screen's stamp does
    qtbot.waitUntil(lambda: status.outbox_label.text() == "Chờ đồng bộ: 1")
    # A second update of the same dossier waits too: still one dossier waiting, as the sync
    # screen says (it counted the outbox's events: 2).
    desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa", to_unit="Tư pháp"))
    assert desk.outbox_counts()["pending"] == 2
    session.announce(Changes.of_dossiers([code]))
    qtbot.wait(300)
    assert status.outbox_label.text() == "Chờ đồng bộ: 1"


def test_f2_f3_f4_switch_screens(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.current_screen_name() == "intake"
    assert window.stack.currentWidget() is window.built_screen("intake")
    for key, name in ((Qt.Key.Key_F3, "find"), (Qt.Key.Key_F4, "handback"),
                      (Qt.Key.Key_F2, "intake")):
        qtbot.keyClick(window, key)
        assert window.current_screen_name() == name
        assert window.stack.currentWidget() is window.built_screen(name)


def test_a_missing_screen_leaves_the_window_usable(session, qtbot, stub_screens,
                                                   monkeypatch) -> None:
    def missing():
        raise ModuleNotFoundError("no screen yet", name="intake_app.ui.handback.screen")

    monkeypatch.setattr(main_window, "_hand_back_screen", missing)
    window = build_main_window(session)
    qtbot.addWidget(window)
    assert window.built_screen("handback") is None
    window.show_screen("handback")
    assert "chưa có" in window.stack.currentWidget().text()


def test_screens_are_built_after_the_window_is_shown(session, qtbot, stub_screens) -> None:
    window = build_main_window(session, lazy=True)
    qtbot.addWidget(window)
    assert window.stack.currentWidget().text() == "Đang tải…"
    with qtbot.waitSignal(window.screens_loaded):
        window.show()
    assert window.stack.currentWidget() is window.built_screen("intake")


def test_hand_back_request_switches_screen_and_loads_the_code(session, window) -> None:
    session.hand_back_requested.emit(CODE)
    assert window.current_screen_name() == "handback"
    assert window.built_screen("handback").loaded == [CODE]


def test_open_dossier_request_opens_the_dossier_dialog(session, window, desk, qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    code = desk.receive(intake_request()).dossier.code
    session.open_dossier_requested.emit(code)
    session.open_dossier_requested.emit(code)  # the same dossier twice: one dialog
    qtbot.waitUntil(lambda: StubDialog.opened == [code])
    session.open_dossier_requested.emit(code)  # and again once it is open
    unknown = CODE.replace("2001", "2999")
    session.open_dossier_requested.emit(unknown)  # unknown: a message

    def told() -> list[str]:
        return [w.text() for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: told() == [f"Không tìm thấy hồ sơ có mã {unknown}."])
    assert StubDialog.opened == [code]


# ---- scanner ---------------------------------------------------------------------------------

class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class KeyRecorder(QWidget):
    """A focusable widget that is not a text field (like a button or a table)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self.typed += "⏎" if event.key() == Qt.Key.Key_Return else event.text()


def scan(target: QWidget, text: str, clock: FakeClock, gap: float) -> None:
    """Send what a USB scanner sends (`scanner_keys`), `gap` seconds between characters."""
    from scanner_keys import scanner_keys

    for event, starts_character in scanner_keys(text):
        if starts_character:
            clock.now += gap
        QApplication.sendEvent(target, event)


@pytest.fixture
def scanner_setup(qtbot):
    clock = FakeClock()
    page = QWidget()
    recorder, field = KeyRecorder(), QLineEdit()
    layout = QVBoxLayout(page)
    layout.addWidget(recorder)
    layout.addWidget(field)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    scanner = ScannerFilter(clock=clock)
    scanner.install()
    yield scanner, clock, recorder, field
    scanner.uninstall()


def test_a_fast_burst_outside_text_fields_is_a_scan(scanner_setup, qtbot) -> None:
    scanner, clock, recorder, _ = scanner_setup
    recorder.setFocus()
    with qtbot.waitSignal(scanner.code_scanned) as signal:
        scan(recorder, CODE, clock, gap=0.004)
    assert signal.args == [CODE]
    assert recorder.typed == ""  # the scanner's keys were swallowed, Enter too


def test_a_scan_into_a_text_field_is_typed_there(scanner_setup, qtbot) -> None:
    scanner, clock, _, field = scanner_setup
    field.setFocus()
    with qtbot.assertNotEmitted(scanner.code_scanned):
        scan(field, CODE, clock, gap=0.004)
    assert field.text() == CODE


def test_a_person_typing_the_same_keys_is_not_a_scan(scanner_setup, qtbot) -> None:
    scanner, clock, recorder, _ = scanner_setup
    recorder.setFocus()
    with qtbot.assertNotEmitted(scanner.code_scanned):
        scan(recorder, CODE, clock, gap=0.15)  # Shift held for the H, as a person does
    assert recorder.typed == CODE + "⏎"  # every key reached the widget, in order


def test_the_shift_around_a_capital_does_not_end_the_burst(scanner_setup, qtbot) -> None:
    """Every dossier code has a capital (H56): the scanner's Shift press and release come
    inside the burst, and the code is still recognised (it was not, before)."""
    from scanner_keys import scanner_keys

    scanner, clock, recorder, _ = scanner_setup
    recorder.setFocus()
    events = scanner_keys(CODE)
    assert sum(e.key() == Qt.Key.Key_Shift for e, _ in events) == 2  # one capital: H
    with qtbot.waitSignal(scanner.code_scanned) as signal:
        scan(recorder, CODE, clock, gap=0.004)
    assert signal.args == [CODE]
    assert recorder.typed == ""


def test_a_fast_burst_that_is_not_a_code_reaches_the_widget(scanner_setup, qtbot) -> None:
    scanner, clock, recorder, _ = scanner_setup
    recorder.setFocus()
    with qtbot.assertNotEmitted(scanner.code_scanned):
        scan(recorder, "ABC123", clock, gap=0.004)
    assert recorder.typed == "ABC123⏎"


def test_a_held_key_reaches_its_widget_after_a_pause(scanner_setup, qtbot) -> None:
    _, clock, recorder, _ = scanner_setup
    recorder.setFocus()
    QApplication.sendEvent(recorder, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_5,
                                               Qt.KeyboardModifier.NoModifier, "5"))
    assert recorder.typed == ""
    qtbot.waitUntil(lambda: recorder.typed == "5", timeout=1000)


def test_a_scan_in_the_main_window_opens_the_dossier(session, window, desk, qtbot) -> None:
    code = desk.receive(intake_request()).dossier.code
    window.stack.setFocus()
    with qtbot.waitSignal(session.open_dossier_requested) as signal:
        scan(QApplication.focusWidget() or window.stack, code, FakeClock(), gap=0.0)
    assert signal.args == [code]
    qtbot.waitUntil(lambda: StubDialog.opened == [code])


# ---- language and clerk ----------------------------------------------------------------------

def test_vietnamese_is_the_default(desk, window) -> None:
    assert i18n.get_language(desk) == "vi"
    assert window.slots["find"].button.text() == "Tra cứu (F3)"


def test_english_translation_changes_the_labels(session, desk, qtbot, stub_screens, tmp_path,
                                                vietnamese) -> None:
    i18n.set_language(desk, "en")
    language = i18n.get_language(desk)
    cache = tmp_path / "cache"
    assert i18n.install_language(QApplication.instance(), language, cache_dir=cache) == "en"
    assert (cache / "intake_en.qm").is_file() or i18n.source_file("en").with_suffix(
        ".qm").is_file()
    window = build_main_window(session)
    qtbot.addWidget(window)
    assert window.slots["find"].button.text() == "Find (F3)"
    assert window.windowTitle() == "Intake – UBND phường Phong Quảng – Counter 2"
    qtbot.waitUntil(lambda: window.status.outbox_label.text() == "Waiting to sync: 0")
    assert status_text(DossierStatus.RECEIVED) == "Received"
    assert status_text(DossierStatus.RETURNED) == "Result returned"
    # The supervisor's lateness in English whatever the number (it stayed Vietnamese for
    # every number but 1: "13 ngày 1 hour(s)").
    from datetime import timedelta

    from intake_app.ui.supervisor.watch_model import late_words

    day = timedelta(hours=8)
    assert late_words(13 * day + timedelta(hours=1), day) == "13 day(s) 1 hour(s)"
    assert late_words(2 * day + timedelta(hours=3), day) == "2 day(s) 3 hour(s)"


def test_no_compiler_means_vietnamese_not_a_crash(tmp_path, monkeypatch, vietnamese) -> None:
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    (tmp_path / "intake_en.ts").write_text("<TS></TS>", encoding="utf-8")
    app = QApplication.instance()
    assert i18n.install_language(app, "en", cache_dir=tmp_path / "cache") == "vi"


def test_an_older_compiled_file_is_better_than_none(tmp_path, monkeypatch, vietnamese) -> None:
    compiled = i18n.compiled_translation("en", tmp_path / "cache")
    assert compiled is not None
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "intake_en.qm").write_bytes(compiled.read_bytes())
    (shipped / "intake_en.ts").write_text("<TS></TS>", encoding="utf-8")  # newer than the .qm
    monkeypatch.setattr(i18n, "translations_dir", lambda: shipped)
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    app = QApplication.instance()
    assert i18n.install_language(app, "en", cache_dir=tmp_path / "other") == "en"


def test_settings_dialog_saves_the_language(session, desk, qtbot) -> None:
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.language.isEnabled)  # the stored choice is read
    assert dialog.language.currentData() == "vi"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert i18n.get_language(desk) == "en"


def test_the_free_text_clerk_name_is_gone(make_desk) -> None:
    """Who works is the account logged in: no dialog of typed names is left to pick from."""
    assert not hasattr(app_module, "ClerkDialog") and not hasattr(app_module, "remember_clerk")

"""The window's log-in (issue 12, point 1): it starts at the log-in screen, wrong passwords and
the lock-out are said, a temporary password is changed there, Ctrl+L and the idle timer lock
it, switching clerk is one log-in, the role shows only what it may do, and every op runs as
the account logged in. The real window on a real data folder."""

from __future__ import annotations

import pytest
from conftest import ADMIN, CLERK, SUPERVISOR, TEST_PASSWORD, intake_request, rows, type_text
from PySide6.QtCore import Qt

from intake_app.desk import Desk
from intake_app.domain.accounts import Role
from intake_app.ui.main_window import SettingsDialog, build_main_window
from intake_app.ui.operations import Changed, Changes, CollectionOp


@pytest.fixture
def locked_session(desk, make_session):
    """A window session nobody logged in to yet."""
    return make_session(desk, None)


@pytest.fixture
def window(locked_session, qtbot):
    window = build_main_window(locked_session)
    qtbot.addWidget(window)
    window.resize(1366, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.login_screen.account.count() > 0, timeout=10_000)
    return window


def log_in(qtbot, window, login: str, password: str = TEST_PASSWORD, *, expect_in=True):
    screen = window.login_screen
    screen.account.setCurrentIndex(screen.account.findData(login))
    screen.password.clear()
    type_text(qtbot, screen.password, password)
    if expect_in:
        with qtbot.waitSignal(window.session.account_changed, timeout=10_000):
            qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    else:
        with qtbot.waitSignal(screen.refused, timeout=10_000) as said:
            qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        return said.args[0]
    return None


def visible_screens(window) -> set[str]:
    return {name for name, slot in window.slots.items() if slot.button.isVisibleTo(window)}


def test_the_window_starts_at_the_log_in_screen_and_says_wrong_passwords(window, qtbot):
    screen = window.login_screen
    assert window.outer.currentWidget() is screen and window.locked()
    names = [screen.account.itemText(i) for i in range(screen.account.count())]
    assert names == ["Lê Thị Hoa – Cán bộ tiếp nhận", "Nguyễn Quản Trị – Quản trị hệ thống",
                     "Trần Văn Nam – Lãnh đạo, giám sát"]
    said = log_in(qtbot, window, CLERK, "không phải mật khẩu", expect_in=False)
    assert said == ("Tên đăng nhập hoặc mật khẩu không đúng. Còn 4 lần thử trước khi tài "
                    "khoản bị khóa tạm thời.")
    assert screen.message.isVisibleTo(window) and screen.password.text() == ""
    log_in(qtbot, window, CLERK)
    assert window.outer.currentWidget() is window.work
    assert window.current_screen_name() == "intake"
    assert window.status.clerk_label.text() == "Cán bộ: Lê Thị Hoa"
    assert visible_screens(window) == {"intake", "find", "handback", "supervisor", "sync"}


def test_five_wrong_passwords_lock_the_account_and_the_screen_says_until_when(window, qtbot):
    for _ in range(4):
        log_in(qtbot, window, SUPERVISOR, "sai mật khẩu rồi", expect_in=False)
    said = log_in(qtbot, window, SUPERVISOR, "sai mật khẩu rồi", expect_in=False)
    assert "bị khóa tạm thời do nhập sai mật khẩu 5 lần" in said
    said = log_in(qtbot, window, SUPERVISOR, expect_in=False)  # the right one waits too
    assert "bị khóa tạm thời" in said
    assert window.locked()


def test_a_temporary_password_is_changed_at_the_first_log_in(window, qtbot, make_desk):
    admin = make_desk(user=ADMIN)
    admin.accounts.add("mai.pt", "Phạm Thị Mai", Role.CLERK, "mưa rơi ngoài hiên nhà")
    window.login_screen.reset()
    qtbot.waitUntil(lambda: window.login_screen.account.findData("mai.pt") >= 0)
    screen = window.login_screen
    screen.account.setCurrentIndex(screen.account.findData("mai.pt"))
    type_text(qtbot, screen.password, "mưa rơi ngoài hiên nhà")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.form.isRowVisible(screen.new_password), timeout=10_000)
    assert window.locked() and screen.title.text() == "Đổi mật khẩu tạm"
    type_text(qtbot, screen.new_password, "ngắn")
    type_text(qtbot, screen.repeat_password, "ngắn")
    with qtbot.waitSignal(screen.refused, timeout=10_000) as said:
        screen.button.click()
    assert "ít nhất 10 ký tự" in said.args[0] and window.locked()
    for field in (screen.new_password, screen.repeat_password):
        field.clear()
        type_text(qtbot, field, "trăng sáng trên đồi cao")
    with qtbot.waitSignal(window.session.account_changed, timeout=10_000):
        screen.button.click()
    assert window.session.account.login == "mai.pt"
    assert not window.session.account.must_change_password
    assert Desk(window.session.data_dir).accounts.authenticate("mai.pt",
                                                               "trăng sáng trên đồi cao")


def test_ctrl_l_locks_and_switching_clerk_is_one_log_in(window, qtbot, data_dir):
    log_in(qtbot, window, CLERK)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked() and window.outer.currentWidget() is window.login_screen
    assert window.status.clerk_label.text() == "Chưa đăng nhập"
    qtbot.waitUntil(lambda: window.login_screen.account.isEnabled())
    assert window.login_screen.account.currentData() == CLERK  # the last one offered first
    refused = []
    CollectionOp(window.session, window, lambda desk: Changed(
        desk.receive(intake_request()), Changes())).failure(refused.append).run()
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert "Cần đăng nhập để tiếp nhận hồ sơ" in refused[0].message  # locked: nobody acts
    log_in(qtbot, window, SUPERVISOR)  # the next clerk: one log-in, no restart
    assert window.status.clerk_label.text() == "Cán bộ: Trần Văn Nam"
    stamped = []
    CollectionOp(window.session, window, lambda desk: Changed(
        desk.receive(intake_request()).dossier.code, Changes())).success(stamped.append).run()
    qtbot.waitUntil(lambda: bool(stamped), timeout=10_000)
    assert rows(data_dir, "SELECT actor FROM dossier_history") == [("Trần Văn Nam",)]
    (actor,), = rows(data_dir, "SELECT actor FROM audit_log WHERE action = 'dossier.received'")
    assert actor == SUPERVISOR


def test_the_window_locks_itself_when_idle(window, qtbot):
    log_in(qtbot, window, CLERK)
    qtbot.waitUntil(lambda: window.idle.timer.isActive(), timeout=5_000)  # the setting read
    window.idle.set_minutes(0.004)  # ~0.25 s instead of the default 10 minutes
    window.idle.start()
    qtbot.waitUntil(window.locked, timeout=5_000)
    assert window.outer.currentWidget() is window.login_screen


def test_the_idle_time_is_the_stations_setting(window, qtbot, make_desk):
    from intake_app.ui.login.lock import DEFAULT_IDLE_MINUTES, IDLE_KEY

    log_in(qtbot, window, CLERK)
    qtbot.waitUntil(lambda: window.idle.timer.isActive(), timeout=5_000)
    assert window.idle.minutes == DEFAULT_IDLE_MINUTES == 10
    make_desk(user=ADMIN).set_setting(IDLE_KEY, 3)
    window.lock()
    log_in(qtbot, window, CLERK)
    qtbot.waitUntil(lambda: window.idle.minutes == 3, timeout=5_000)


def test_each_role_sees_only_what_it_may_do(window, qtbot):
    log_in(qtbot, window, ADMIN)
    assert visible_screens(window) == {"sync"}
    assert window.current_screen_name() == "sync"
    window.open_dossier("000.00.12.H56-260101-2001")  # a scan at an administrator's screen
    assert window._opening == set()
    settings = SettingsDialog(window.session, window)
    qtbot.addWidget(settings)
    assert settings.backup_button.isEnabled() and not settings.calendar_button.isEnabled()
    assert not settings.sync_page.gateway.isReadOnly()
    window.lock()
    log_in(qtbot, window, CLERK)
    settings = SettingsDialog(window.session, window)
    qtbot.addWidget(settings)
    assert not settings.backup_button.isEnabled() and not settings.calendar_button.isEnabled()
    assert settings.sync_page.gateway.isReadOnly()
    assert settings.sync_page.admin_note.isVisibleTo(settings)
    window.lock()
    log_in(qtbot, window, SUPERVISOR)
    settings = SettingsDialog(window.session, window)
    qtbot.addWidget(settings)
    assert settings.calendar_button.isEnabled() and not settings.backup_button.isEnabled()


def test_a_refusal_reached_anyway_is_said_cleanly(window, qtbot):
    """A clerk who reaches what the role may not do (here: the backup place, by an op) gets
    the desk's Vietnamese refusal, not a crash."""
    log_in(qtbot, window, CLERK)
    refused = []
    CollectionOp(window.session, window, lambda desk: Changed(
        desk.backups.set_place(None), Changes())).failure(refused.append).run()
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert refused[0].exit_code == 3
    assert refused[0].message == (
        "Tài khoản vai trò Cán bộ tiếp nhận (Lê Thị Hoa) không được sao lưu, khôi phục dữ "
        "liệu; việc này cần tài khoản Quản trị hệ thống.")


def test_a_station_without_accounts_asks_for_its_first_administrator(tmp_path, qtbot,
                                                                     make_session):
    from conftest import UNIT

    with Desk(tmp_path / "old") as desk:
        desk.init_station(**UNIT)  # as an older version left it: no account
        session = make_session(desk, None)
    window = build_main_window(session)
    qtbot.addWidget(window)
    window.show()
    screen = window.login_screen
    qtbot.waitUntil(lambda: screen.form.isRowVisible(screen.login_name), timeout=10_000)
    assert screen.title.text() == "Tạo tài khoản quản trị hệ thống"
    type_text(qtbot, screen.login_name, "quantri")
    type_text(qtbot, screen.display_name, "Nguyễn Quản Trị")
    type_text(qtbot, screen.new_password, TEST_PASSWORD)
    type_text(qtbot, screen.repeat_password, TEST_PASSWORD)
    with qtbot.waitSignal(session.account_changed, timeout=10_000):
        screen.button.click()
    assert session.account.role == Role.ADMINISTRATOR and visible_screens(window) == {"sync"}

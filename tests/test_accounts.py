"""Accounts: the role table, the password policy, argon2id hashes, log-in and lock-out, and the
`intake-app user …` commands, on a real data folder."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import ADMIN, FakeClock, at, rows, run_cli

from intake_app.domain.accounts import (
    ROLE_PERMISSIONS,
    Permission,
    Role,
    allowed,
    check_password,
)
from intake_app.domain.errors import InvalidInput, NotAllowed
from intake_app.services.accounts import LoginFailed

GOOD = "mùa thu hà nội"


# ---- the rules ---------------------------------------------------------------------------------

def test_a_supervisor_does_all_a_clerk_does_and_the_administrator_no_dossier_work() -> None:
    assert ROLE_PERMISSIONS[Role.CLERK] < ROLE_PERMISSIONS[Role.SUPERVISOR]
    for permission in (Permission.RECEIVE, Permission.STEP, Permission.HAND_BACK,
                       Permission.VIEW_DOSSIERS, Permission.PRINT_SLIP):
        assert not allowed(Role.ADMINISTRATOR, permission)
    for permission in (Permission.ACCOUNTS, Permission.SYNC_SETTINGS, Permission.BACKUP,
                       Permission.STATION_SETUP):
        assert allowed(Role.ADMINISTRATOR, permission)
        assert not allowed(Role.SUPERVISOR, permission)
    for permission in (Permission.CALENDAR, Permission.FEES, Permission.CATALOGUE_IMPORT,
                       Permission.ALL_LOGS, Permission.SYNC_RETRY, Permission.CONFIRM_CLOCK):
        assert allowed(Role.SUPERVISOR, permission) and not allowed(Role.CLERK, permission)
    every = set(Permission)
    assert set().union(*ROLE_PERMISSIONS.values()) == every  # nothing nobody may do


@pytest.mark.parametrize("password, reason", [
    ("ngắn quá", "ít nhất 10 ký tự"),
    ("hoa.lt", "trùng với tên đăng nhập"),
    ("Lê Thị Hoa", "trùng với tên đăng nhập hay họ tên"),
    ("LeThiHoa", "ít nhất 10 ký tự"),
    ("matkhau123", "quá phổ biến"),
    ("Mật Khẩu 123", "quá phổ biến"),  # accents, case and spaces do not hide it
    ("0000000000", "lặp lại một ký tự"),
    ("abcdefghijkl", "dãy liên tiếp"),
    ("x" * 129, "dài quá 128"),
])
def test_the_policy_refuses_with_a_vietnamese_reason(password, reason) -> None:
    problems = check_password(password, login="hoa.lt", display_name="Lê Thị Hoa")
    assert any(reason in problem for problem in problems), problems


@pytest.mark.parametrize("password", [GOOD, "trâu ơi ta bảo trâu này", "Kh0ng-d3-doan!"])
def test_a_passphrase_or_a_long_password_passes(password) -> None:
    assert check_password(password, login="hoa.lt", display_name="Lê Thị Hoa") == []


# ---- the store ---------------------------------------------------------------------------------

@pytest.fixture
def admin(make_desk):
    """A desk acting for the station's administrator (the set-up's account)."""
    return make_desk(user=ADMIN)


def test_an_account_is_stored_with_an_argon2id_hash_and_a_temporary_flag(admin, data_dir) -> None:
    account = admin.accounts.add("Mai.PT", "  Pha\u0323m Thi\u0323 Mai ", Role.CLERK, GOOD)
    assert (account.login, account.display_name) == ("mai.pt", "Phạm Thị Mai")  # NFC, trimmed
    assert account.must_change_password
    ((digest,),) = rows(data_dir, "SELECT password_hash FROM accounts WHERE login = 'mai.pt'")
    assert digest.startswith("$argon2id$")
    raw = (data_dir / "intake.sqlite3").read_bytes()
    assert GOOD.encode() not in raw and "mùa thu".encode() not in raw


def test_names_are_unique_without_accents_and_case(admin) -> None:
    admin.accounts.add("mai.pt", "Phạm Thị Mai", Role.CLERK, GOOD)
    with pytest.raises(InvalidInput) as same_login:
        admin.accounts.add("MAI.PT", "Phạm Thị Mài", Role.CLERK, GOOD)
    assert "Đã có tài khoản tên đăng nhập mai.pt" in same_login.value.message
    with pytest.raises(InvalidInput) as same_name:
        admin.accounts.add("mai2", "pham thi mai", Role.CLERK, GOOD)
    assert "mang tên pham thi mai" in same_name.value.message
    with pytest.raises(InvalidInput) as bad_login:
        admin.accounts.add("hòa", "Trần Hòa", Role.CLERK, GOOD)
    assert "Tên đăng nhập" in bad_login.value.message


def test_the_last_administrator_stays(admin) -> None:
    with pytest.raises(NotAllowed) as caught:
        admin.accounts.disable(ADMIN)
    assert "quản trị hệ thống cuối cùng" in caught.value.message
    with pytest.raises(NotAllowed):
        admin.accounts.set_role(ADMIN, Role.CLERK)
    admin.accounts.add("it2", "Người thứ hai", Role.ADMINISTRATOR, GOOD)
    assert admin.accounts.disable(ADMIN).disabled


def test_the_first_account_is_the_set_ups_administrator(tmp_path) -> None:
    from conftest import UNIT

    from intake_app.desk import Desk

    with Desk(tmp_path / "new") as desk:
        desk.init_station(**UNIT)
        with pytest.raises(NotAllowed, match="phải là quản trị"):
            desk.accounts.add("hoa", "Lê Thị Hoa", Role.CLERK, GOOD)
        first = desk.accounts.first_administrator("quantri", "Quản Trị", GOOD)
        assert first.role == Role.ADMINISTRATOR and not first.must_change_password
        assert desk.user == first  # the set-up goes on as the administrator
        with pytest.raises(NotAllowed, match="đã có tài khoản"):
            desk.accounts.first_administrator("other", "Người Khác", GOOD)
        desk.act_as(None)
        with pytest.raises(NotAllowed, match="Cần đăng nhập"):
            desk.accounts.add("hoa", "Lê Thị Hoa", Role.CLERK, GOOD)


def test_log_in_wrong_tries_lock_for_15_minutes_and_each_is_audited(make_desk) -> None:
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock, user=ADMIN)
    desk.accounts.add("mai.pt", "Phạm Thị Mai", Role.CLERK, GOOD)
    for left in (4, 3, 2, 1):
        with pytest.raises(LoginFailed) as wrong:
            desk.accounts.authenticate("mai.pt", "sai mật khẩu rồi")
        assert f"Còn {left} lần thử" in wrong.value.message and wrong.value.exit_code == 3
    with pytest.raises(LoginFailed) as fifth:
        desk.accounts.authenticate("mai.pt", "sai mật khẩu rồi")
    assert "bị khóa tạm thời" in fifth.value.message and "08:15" in fifth.value.message
    clock.advance(minutes=5)
    with pytest.raises(LoginFailed) as locked:  # even the right password waits
        desk.accounts.authenticate("mai.pt", GOOD)
    assert "bị khóa tạm thời" in locked.value.message
    clock.advance(minutes=10, seconds=1)
    result = desk.accounts.authenticate("mai.pt", GOOD)
    assert result.account.login == "mai.pt" and result.must_change_password
    assert desk.accounts.lock_state("mai.pt").failed_tries == 0
    actions = [r.action for r in reversed(desk.audit.records(actor=None))
               if r.target == "mai.pt"]
    assert actions == ["account.created"] + ["login.failed"] * 5 + ["account.locked",
                                                                  "login.refused", "login"]


def test_an_unknown_name_and_a_disabled_account_are_refused(admin) -> None:
    admin.accounts.add("mai.pt", "Phạm Thị Mai", Role.CLERK, GOOD)
    with pytest.raises(LoginFailed) as unknown:
        admin.accounts.authenticate("ai.do", GOOD)
    assert unknown.value.message == "Tên đăng nhập hoặc mật khẩu không đúng."
    admin.accounts.disable("mai.pt")
    with pytest.raises(LoginFailed) as disabled:
        admin.accounts.authenticate("mai.pt", GOOD)
    assert "vô hiệu hóa" in disabled.value.message


def test_a_password_typed_in_nfd_logs_in(admin) -> None:
    import unicodedata

    admin.accounts.add("mai.pt", "Phạm Thị Mai", Role.CLERK, GOOD)
    assert admin.accounts.authenticate("mai.pt", unicodedata.normalize("NFD", GOOD))


def test_changing_the_temporary_password_and_a_reset(make_desk) -> None:
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock, user=ADMIN)
    desk.accounts.add("mai.pt", "Phạm Thị Mai", Role.CLERK, GOOD)
    with pytest.raises(InvalidInput, match="khác mật khẩu cũ"):
        desk.accounts.change_password("mai.pt", GOOD, GOOD)
    with pytest.raises(InvalidInput, match="ít nhất 10"):
        desk.accounts.change_password("mai.pt", GOOD, "ngắn")
    changed = desk.accounts.change_password("mai.pt", GOOD, "trâu ơi ta bảo trâu này")
    assert not changed.must_change_password
    with pytest.raises(LoginFailed):
        desk.accounts.authenticate("mai.pt", GOOD)
    for _ in range(4):
        with pytest.raises(LoginFailed):
            desk.accounts.authenticate("mai.pt", "không phải mật khẩu")
    assert desk.accounts.lock_state("mai.pt").locked_at(clock.now + timedelta(seconds=1))
    reset = desk.accounts.reset_password("mai.pt", "mưa rơi ngoài hiên")
    assert reset.must_change_password  # a temporary password again, and the lock is lifted
    assert desk.accounts.authenticate("mai.pt", "mưa rơi ngoài hiên")


# ---- the command line ----------------------------------------------------------------------------

def test_user_commands(data_dir, capsys, monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD", GOOD)
    status, added, _ = run_cli(capsys, data_dir, "user", "add", "mai.pt", "--name",
                               "Phạm Thị Mai", "--role", "clerk", user=ADMIN)
    assert status == 0 and added["role"] == "clerk" and "temporary_password" not in added
    status, generated, _ = run_cli(capsys, data_dir, "user", "add", "admin", "--name",
                                   "Quản trị", "--role", "administrator", "--generate",
                                   user=ADMIN)
    assert status == 0 and len(generated["temporary_password"]) >= 10
    status, _, err = run_cli(capsys, data_dir, "user", "add", "x1", "--name", "X",
                             "--role", "boss", user=ADMIN)
    assert status == 2 and "Không có vai trò 'boss'" in err
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD", "123")
    status, _, err = run_cli(capsys, data_dir, "user", "add", "x2", "--name", "Y",
                             "--role", "clerk", user=ADMIN)
    assert status == 2 and "ít nhất 10 ký tự" in err
    status, changed, _ = run_cli(capsys, data_dir, "user", "role", "mai.pt", "supervisor",
                                 user=ADMIN)
    assert status == 0 and changed["role"] == "supervisor"
    status, _, _ = run_cli(capsys, data_dir, "user", "disable", "mai.pt", user=ADMIN)
    status, listed, _ = run_cli(capsys, data_dir, "user", "list", user=ADMIN)
    assert ("mai.pt", True) in [(a["login"], a["disabled"]) for a in listed]
    status, active, _ = run_cli(capsys, data_dir, "user", "list", "--active", user=ADMIN)
    assert "mai.pt" not in [a["login"] for a in active]
    status, reset, _ = run_cli(capsys, data_dir, "user", "reset-password", "admin",
                               "--generate", user=ADMIN)
    assert status == 0 and reset["must_change_password"] and reset["temporary_password"]
    status, _, err = run_cli(capsys, data_dir, "user", "disable", "nobody", user=ADMIN)
    assert status == 1 and "Không có tài khoản nobody" in err
    status, _, err = run_cli(capsys, data_dir, "user", "list")  # the clerk
    assert status == 3 and "không được quản lý tài khoản" in err

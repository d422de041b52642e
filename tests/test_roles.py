"""Who may do what (issue 12, points 1 and 4): the desk refuses, the command line logs in with
`--user` and says the same refusal (exit 3), the actor recorded is the account, and the
station token only ever goes to the gateway it was entered for."""

from __future__ import annotations

import json

import pytest
from conftest import (
    ADMIN,
    CLERK,
    SUPERVISOR,
    SYNC_TOKEN,
    TEST_PASSWORD,
    UNIT,
    intake_request,
    rows,
    run_cli,
)

from intake_app.domain.accounts import NotLoggedIn, NotPermitted, Permission, Role
from intake_app.domain.calendar import CalendarOverride, OverrideKind
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus


@pytest.fixture
def request_file(tmp_path):
    path = tmp_path / "request.json"
    path.write_text(json.dumps(intake_request(), ensure_ascii=False), encoding="utf-8")
    return path


# ---- the desk --------------------------------------------------------------------------------

def test_each_role_is_refused_what_it_may_not_do_naming_it(make_desk, tmp_path) -> None:
    from datetime import date

    clerk, supervisor, admin = (make_desk(user=CLERK), make_desk(user=SUPERVISOR),
                                make_desk(user=ADMIN))
    day_off = CalendarOverride(date(2026, 12, 24), OverrideKind.DAY_OFF, "Nghỉ")
    with pytest.raises(NotPermitted) as calendar:
        clerk.set_calendar_day(day_off)
    assert calendar.value.exit_code == 3
    assert calendar.value.message == (
        "Tài khoản vai trò Cán bộ tiếp nhận (Lê Thị Hoa) không được sửa lịch làm việc; việc "
        "này cần tài khoản Lãnh đạo, giám sát.")
    supervisor.set_calendar_day(day_off)  # a supervisor may
    for refused in (lambda: clerk.accounts.add("x.y", "X Y", Role.CLERK, TEST_PASSWORD),
                    lambda: supervisor.accounts.add("x.y", "X Y", Role.CLERK, TEST_PASSWORD),
                    lambda: supervisor.sync.configure("https://gw.tinh.gov.vn"),
                    lambda: clerk.backups.make(),
                    lambda: clerk.audit.records(),
                    lambda: admin.receive(intake_request()),
                    lambda: admin.find("nguyen"),
                    lambda: clerk.sync.retry_events([])):
        with pytest.raises(NotPermitted):
            refused()
    code = clerk.receive(intake_request()).dossier.code
    with pytest.raises(NotPermitted, match="trả kết quả"):
        admin.step(code, StepRequest(DossierStatus.RETURNED, receiver_name="A"))
    admin.act_as(None)
    with pytest.raises(NotLoggedIn, match="Cần đăng nhập để tiếp nhận hồ sơ"):
        admin.receive(intake_request())


def test_the_recorded_actor_is_the_account_never_what_a_caller_says(make_desk,
                                                                     data_dir) -> None:
    desk = make_desk(user=SUPERVISOR)
    code = desk.receive(intake_request()).dossier.code
    desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, "Trưởng bộ phận (giả mạo)",
                                to_unit="Công chức tư pháp"))
    assert {actor for (actor,) in rows(data_dir, "SELECT actor FROM dossier_history")} == {
        "Trần Văn Nam"}
    events = [json.loads(payload) for (payload,) in rows(data_dir, "SELECT payload FROM outbox")]
    assert {event["actor"] for event in events} == {"Trần Văn Nam"}
    audited = {(r.action, r.actor) for r in desk.audit.records() if r.target == code}
    assert audited == {("dossier.received", SUPERVISOR), ("dossier.handed_over", SUPERVISOR)}


def test_a_role_changed_or_an_account_disabled_counts_at_once(make_desk) -> None:
    clerk, admin = make_desk(user=CLERK), make_desk(user=ADMIN)
    admin.accounts.set_role(CLERK, Role.SUPERVISOR)
    clerk.act_as(CLERK)  # what every op of the window does before it runs
    assert clerk.may(Permission.CALENDAR)
    admin.accounts.disable(CLERK)
    with pytest.raises(NotLoggedIn):
        clerk.act_as(CLERK)


# ---- the command line --------------------------------------------------------------------------

def test_the_command_line_refuses_each_role_with_exit_3(data_dir, capsys, request_file,
                                                        tmp_path) -> None:
    cases = [
        (CLERK, ["calendar", "set-off", "2026-12-24"], "không được sửa lịch làm việc"),
        (CLERK, ["sync", "configure", "--gateway", "https://gw.tinh.gov.vn"],
         "thay đổi cài đặt đồng bộ"),
        (CLERK, ["backup"], "sao lưu, khôi phục"),
        (CLERK, ["audit", "list"], "nhật ký kiểm toán"),
        (CLERK, ["log", "--from", "2026-01-01", "--to", "2026-01-02", "--out",
                 str(tmp_path / "so.csv")], "sổ theo dõi và báo cáo của mọi cán bộ"),
        (SUPERVISOR, ["user", "add", "x.y", "--name", "X Y", "--role", "clerk"],
         "quản lý tài khoản"),
        (SUPERVISOR, ["sync", "set-token"], "thay đổi cài đặt đồng bộ"),
        (ADMIN, ["receive", "--json", str(request_file)], "không được tiếp nhận hồ sơ"),
        (ADMIN, ["find", "nguyen"], "xem, tra cứu hồ sơ"),
    ]
    for user, args, words in cases:
        status, output, err = run_cli(capsys, data_dir, *args, user=user, stdin=None)
        assert (status, output) == (3, None), (user, args, err)
        assert words in err, (user, args, err)
    status, mine, err = run_cli(capsys, data_dir, "log", "--from", "2026-01-01", "--to",
                                "2026-01-02", "--clerk", "Lê Thị Hoa", "--out",
                                str(tmp_path / "mine.csv"))
    assert status == 0, err  # a clerk's own log


def test_the_command_line_logs_in_and_records_the_account(data_dir, capsys,
                                                          request_file) -> None:
    status, stamped, err = run_cli(capsys, data_dir, "receive", "--json", str(request_file),
                                   user=SUPERVISOR)
    assert status == 0, err
    status, shown, _ = run_cli(capsys, data_dir, "show", stamped["code"])
    assert [h["actor"] for h in shown["history"]] == ["Trần Văn Nam"]
    status, _, err = run_cli(capsys, data_dir, "receive", "--json", str(request_file),
                             user=CLERK, password="không phải mật khẩu")
    assert status == 3 and "Còn 4 lần thử" in err
    status, _, err = run_cli(capsys, data_dir, "--clerk", "Trưởng bộ phận (giả mạo)", "receive",
                             "--json", str(request_file))
    assert status == 2 and "--clerk không còn dùng" in err and "--user" in err
    with pytest.raises(SystemExit) as no_such_option:  # a password is never an argument
        run_cli(capsys, data_dir, "--password", TEST_PASSWORD, "find", "x")
    assert no_such_option.value.code == 2


def test_five_wrong_passwords_lock_the_account_on_the_command_line(data_dir, capsys) -> None:
    for _ in range(4):
        run_cli(capsys, data_dir, "find", "x", password="sai mật khẩu rồi")
    status, _, err = run_cli(capsys, data_dir, "find", "x", password="sai mật khẩu rồi")
    assert status == 3 and "bị khóa tạm thời" in err
    status, _, err = run_cli(capsys, data_dir, "find", "x")  # the right one waits too
    assert status == 3 and "bị khóa tạm thời" in err
    status, _, _ = run_cli(capsys, data_dir, "user", "reset-password", CLERK, "--generate",
                           user=ADMIN)
    assert status == 0


def test_without_a_login_only_reads_and_only_where_the_owner_allows(data_dir, capsys,
                                                                    request_file) -> None:
    status, _, err = run_cli(capsys, data_dir, "find", "nguyen", user=None)
    assert status == 3 and "Cần đăng nhập: thêm --user" in err
    status, _, err = run_cli(capsys, data_dir, "user", "reads-without-login", "on")
    assert status == 3  # the clerk may not decide it
    status, _, _ = run_cli(capsys, data_dir, "user", "reads-without-login", "on", user=ADMIN)
    assert status == 0
    status, found, _ = run_cli(capsys, data_dir, "find", "nguyen", user=None)
    assert (status, found) == (0, [])
    status, _, err = run_cli(capsys, data_dir, "receive", "--json", str(request_file),
                             user=None)
    assert status == 3 and "Cần đăng nhập" in err


def test_the_idle_lock_is_the_administrators_setting(data_dir, capsys, make_desk) -> None:
    status, _, err = run_cli(capsys, data_dir, "user", "lock-after", "3")
    assert status == 3 and "quản lý tài khoản" in err
    status, done, _ = run_cli(capsys, data_dir, "user", "lock-after", "3", user=ADMIN)
    assert (status, done) == (0, {"idle_lock_minutes": 3})
    assert make_desk().setting("ui.idle_lock_minutes") == 3
    status, _, err = run_cli(capsys, data_dir, "user", "lock-after", "999", user=ADMIN)
    assert status == 2 and "từ 0 đến 240" in err


def test_a_temporary_password_is_changed_before_anything_else(data_dir, capsys,
                                                              monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD", "mưa rơi ngoài hiên nhà")
    status, _, _ = run_cli(capsys, data_dir, "user", "add", "mai.pt", "--name", "Phạm Thị Mai",
                           "--role", "clerk", user=ADMIN)
    assert status == 0
    status, _, err = run_cli(capsys, data_dir, "find", "x", user="mai.pt",
                             password="mưa rơi ngoài hiên nhà")
    assert status == 3 and "mật khẩu tạm" in err
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD", "trăng sáng trên đồi cao")
    status, changed, err = run_cli(capsys, data_dir, "user", "password", user="mai.pt",
                                   password="mưa rơi ngoài hiên nhà")
    assert status == 0 and changed["must_change_password"] is False, err
    status, _, _ = run_cli(capsys, data_dir, "find", "x", user="mai.pt",
                           password="trăng sáng trên đồi cao")
    assert status == 0


def test_init_creates_the_first_administrator(tmp_path, capsys, monkeypatch) -> None:
    folder = tmp_path / "new"
    init = ["init", "--unit-code", UNIT["unit_code"], "--unit-name", UNIT["unit_name"],
            "--province-code", UNIT["province_code"], "--commune-code", UNIT["commune_code"],
            "--station", str(UNIT["station_no"])]
    status, _, err = run_cli(capsys, folder, *init, user=None)
    assert status == 2 and "--admin" in err
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD", TEST_PASSWORD)
    status, done, err = run_cli(capsys, folder, *init, "--admin", "quantri", "--admin-name",
                                "Nguyễn Quản Trị", user=None)
    assert status == 0 and done["administrator"] == "quantri", err
    status, listed, _ = run_cli(capsys, folder, "user", "list", user="quantri")
    assert [(a["login"], a["role"], a["must_change_password"]) for a in listed] == [
        ("quantri", "administrator", False)]
    status, _, err = run_cli(capsys, folder, *init, user=None)  # set up: an administrator's
    assert status == 3 and "Cần đăng nhập" in err
    status, _, _ = run_cli(capsys, folder, *init, user="quantri")
    assert status == 0


# ---- point 4: the token goes only where it was entered for --------------------------------------

def test_a_new_gateway_address_asks_for_the_token_again(data_dir, capsys, monkeypatch,
                                                        make_desk, peer) -> None:
    def admin(*args: str, stdin: str | None = None):
        return run_cli(capsys, data_dir, *args, user=ADMIN, stdin=stdin, monkeypatch=monkeypatch)

    assert admin("sync", "configure", "--gateway", peer.url)[0] == 0
    assert admin("sync", "set-token", stdin=SYNC_TOKEN + "\n")[0] == 0
    status, moved, _ = admin("sync", "configure", "--gateway", "https://gw.khac.example",
                             stdin="\n")  # asked for the token, none typed: it is forgotten
    assert status == 0 and moved["token_stored"] is False and moved["token_forgotten"]
    status, back, _ = admin("sync", "configure", "--gateway", peer.url)
    assert back["token_stored"] is False  # not even for the first address: typed again
    assert admin("sync", "set-token", stdin=SYNC_TOKEN + "\n")[0] == 0
    status, moved, _ = admin("sync", "configure", "--gateway", "https://gw2.tinh.example",
                             stdin="token-for-gw2\n")
    assert moved["token_stored"] is True
    desk = make_desk(user=ADMIN)
    assert desk.sync.token() == "token-for-gw2"
    actions = [r.detail.get("token") for r in desk.audit.records()
               if r.action == "sync.configured"]
    assert actions == ["new", "none", "forgotten", "none"]  # newest first


def test_an_address_changed_behind_the_apps_back_never_gets_the_token(
        data_dir, capsys, monkeypatch, make_desk, peer) -> None:
    from station_db import open_db

    assert run_cli(capsys, data_dir, "sync", "configure", "--gateway", peer.url,
                   user=ADMIN)[0] == 0
    assert run_cli(capsys, data_dir, "sync", "set-token", stdin=SYNC_TOKEN + "\n",
                   monkeypatch=monkeypatch, user=ADMIN)[0] == 0
    desk = make_desk()
    desk.receive(intake_request())
    with open_db(data_dir) as conn:  # someone with a SQLite tool (and the key)
        conn.execute("UPDATE settings SET value = ? WHERE key = 'sync.gateway_url'",
                     [json.dumps("http://127.0.0.1:1/steal")])
    assert desk.sync.token() is None
    status, result, _ = run_cli(capsys, data_dir, "sync", user=SUPERVISOR)
    assert status == 2 and result["stopped"] == "no_token"


def test_a_clerk_makes_their_own_cash_sheet_but_not_the_offices(make_desk, tmp_path) -> None:
    from datetime import date

    clerk, supervisor = make_desk(user=CLERK), make_desk(user=SUPERVISOR)
    clerk.receive(intake_request())
    today = clerk.clock().date()
    own = clerk.cash_sheets.build(today, clerk=clerk.user.display_name)
    assert own.clerk == clerk.user.display_name
    for refused in (lambda: clerk.cash_sheets.build(today),
                    lambda: clerk.cash_sheets.build(today, clerk="Trần Văn Nam")):
        with pytest.raises(NotPermitted) as refusal:
            refused()
        assert "xem sổ theo dõi và báo cáo của mọi cán bộ" in refusal.value.message
    assert supervisor.cash_sheets.build(date(2026, 1, 1), today).clerk is None  # the office's

"""The supervisor screen's audit trail (issue 12, point 2): who did what, filtered by account,
day and dossier, and its check naming a record edited with sqlite3; a clerk does not see it."""

from __future__ import annotations

from conftest import CLERK, SUPERVISOR, FakeClock, acting, at, intake_request
from station_db import open_db

from intake_app.domain.calendar import CalendarOverride, OverrideKind
from intake_app.store.db import DATABASE_FILE
from intake_app.ui.supervisor.audit_dialog import AuditDialog
from intake_app.ui.supervisor.screen import SupervisorScreen


def test_the_audit_list_filters_by_account_day_and_dossier_and_verifies(
        make_desk, make_session, qtbot) -> None:
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    first = desk.receive(intake_request()).dossier.code
    desk.receive(intake_request())
    with acting(desk, SUPERVISOR):
        desk.set_calendar_day(CalendarOverride(at("2026-03-06 00:00").date(),
                                               OverrideKind.DAY_OFF, "Nghỉ"))
    session = make_session(desk, SUPERVISOR)
    dialog = AuditDialog(session)
    qtbot.addWidget(dialog)
    dialog.set_filter(start=at("2026-03-02 00:00").date(), end=at("2026-03-02 00:00").date())
    with qtbot.waitSignal(dialog.listed, timeout=10_000) as listed:
        dialog.refresh()
    assert listed.args == [3]
    assert [dialog.table.item(row, 2).text() for row in range(3)] == [
        "Sửa lịch làm việc", "Tiếp nhận hồ sơ", "Tiếp nhận hồ sơ"]
    assert dialog.table.item(0, 1).text() == SUPERVISOR
    dialog.set_filter(user=CLERK, dossier=first.lower())
    with qtbot.waitSignal(dialog.listed, timeout=10_000) as listed:
        dialog.refresh()
    assert listed.args == [1] and dialog.table.item(0, 3).text() == first
    with qtbot.waitSignal(dialog.verified, timeout=10_000) as verified:
        dialog.verify()
    assert verified.args == [[]] and "nguyên vẹn" in dialog.message.text()

    with open_db(desk.data_dir / DATABASE_FILE) as conn:  # without the audit key: a tamperer
        conn.execute("UPDATE audit_log SET actor = 'ai.do' WHERE target = ?", [first])
    with qtbot.waitSignal(dialog.verified, timeout=10_000) as verified:
        dialog.verify()
    (problem,) = verified.args[0]
    assert "đã bị sửa" in problem and "đã bị thay đổi" in dialog.message.text()


def test_only_a_role_that_may_sees_the_audit_trail(make_desk, make_session, qtbot) -> None:
    desk = make_desk()
    clerk_screen = SupervisorScreen(make_session(desk, CLERK))
    qtbot.addWidget(clerk_screen)
    assert clerk_screen.audit_button.isHidden() and clerk_screen.report_button.isHidden()
    supervisor_screen = SupervisorScreen(make_session(desk, SUPERVISOR))
    qtbot.addWidget(supervisor_screen)
    assert not supervisor_screen.audit_button.isHidden()
    dialog = AuditDialog(make_session(desk, CLERK))  # reached anyway: the desk says no
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "kiểm toán" in dialog.message.text(), timeout=10_000)
    assert "không được xem và kiểm tra nhật ký kiểm toán" in dialog.message.text()

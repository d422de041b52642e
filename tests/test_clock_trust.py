"""The clock cannot rewrite the order of things (issue 9.8): a PC clock set back or measured
fast stops stamping until it is fixed or a supervisor confirms it; codes and received times
never go backwards; the daily log never seals a day a trusted clock has not seen end.

The command line runs on the real clock, so "the PC clock was set back a day" is a station
whose last stamps were made a day after the real now (by a desk on a test clock).
"""

from __future__ import annotations

import json
import random
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import ADMIN, SUPERVISOR, FakeClock, as_user, intake_request, rows, show_on_screen
from conftest import run_cli as run
from PySide6.QtCore import Qt

from intake_app.desk import Desk
from intake_app.domain.clock import now_vn, parse_iso
from intake_app.domain.clock_trust import ClockNotTrusted
from intake_app.domain.dossier_code import parse_dossier_code


def request_file(tmp_path: Path) -> Path:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(intake_request(), ensure_ascii=False), encoding="utf-8")
    return path


def stamp_at(folder: Path, clock: FakeClock, count: int = 1) -> list[str]:
    with as_user(Desk(folder, clock=clock)) as desk:
        return [desk.receive(intake_request()).dossier.code for _ in range(count)]


def test_a_clock_set_back_a_day_stops_stamping_until_a_supervisor_confirms(
        data_dir, tmp_path, capsys):
    tomorrow = FakeClock(now_vn() + timedelta(days=1))
    [ahead_code] = stamp_at(data_dir, tomorrow)  # stamped yesterday, by the clock's account
    request = request_file(tmp_path)

    status, out, err = run(capsys, data_dir, "receive", "--json", str(request))
    assert status == 3 and out is None
    assert err.startswith("intake-app: Đồng hồ máy tính đang chỉ ")
    reading = now_vn()
    assert f"{reading:%d/%m/%Y}" in err and f"{tomorrow.now:%d/%m/%Y}" in err
    assert "sớm hơn lần ghi nhận cuối cùng" in err and "intake-app clock confirm" in err
    assert "Traceback" not in err
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(1,)]
    for args in (("step", ahead_code, "--to", "processing"),
                 ("receipt", ahead_code, "--out", str(tmp_path / "copy.pdf"))):
        status, _, err = run(capsys, data_dir, *args)
        assert status == 3 and "Đồng hồ máy tính" in err, args

    status, verdict, _ = run(capsys, data_dir, "clock", "status")
    assert status == 0 and verdict["ok"] is False and "Đồng hồ" in verdict["problem"]
    status, _, err = run(capsys, data_dir, "clock", "confirm", "--reason", "   ", user=SUPERVISOR)
    assert status == 2 and "lý do" in err
    status, confirmed, _ = run(capsys, data_dir, "clock", "confirm", "--reason",
                               "Đã đối chiếu giờ với điện thoại, đồng hồ đúng",
                               user="Trần Văn Nam")
    assert status == 0 and confirmed["confirmed"] is True
    assert confirmed["confirmed_by"] == "Trần Văn Nam"
    assert parse_iso(confirmed["overrode"]) == tomorrow.now
    assert rows(data_dir, "SELECT confirmed_by, reason FROM clock_confirmations") == [
        ("Trần Văn Nam", "Đã đối chiếu giờ với điện thoại, đồng hồ đúng")]
    assert rows(data_dir, "SELECT actor FROM audit_log WHERE action = 'clock.confirmed'") == [
        ("nam.tv",)]  # in the audit trail too, by the account

    status, out, _ = run(capsys, data_dir, "receive", "--json", str(request))
    assert status == 0
    assert parse_dossier_code(out["code"]).day == reading.date()
    status, verdict, _ = run(capsys, data_dir, "clock", "status")
    assert verdict["ok"] is True and len(verdict["confirmations"]) == 1


def test_codes_and_received_times_never_go_backwards(make_desk):
    """A clock corrected back by up to five minutes (Windows' time service does it) stamps
    at the last trusted instant: the order of the codes is the order of the receipts."""
    start = now_vn().replace(hour=9, minute=0, second=0)
    clock = FakeClock(start)
    desk = make_desk(clock)
    desk.write_receipt = lambda receipt: receipt
    rng = random.Random(9)
    stamped = []
    for _ in range(60):
        clock.now = max(start, clock.now + timedelta(seconds=rng.randint(-240, 120)))
        stamped.append(desk.receive(intake_request()).dossier)
    times = [d.received_at for d in stamped]
    assert times == sorted(times)
    codes = [parse_dossier_code(d.code) for d in stamped]
    assert [(c.day, c.sequence) for c in codes] == sorted((c.day, c.sequence) for c in codes)
    clock.now = max(times) - timedelta(minutes=6)  # beyond the margin: refused
    with pytest.raises(ClockNotTrusted) as refused:
        desk.receive(intake_request())
    assert refused.value.kind == "behind" and refused.value.exit_code == 3


def test_a_midnight_crossed_backwards_never_gives_an_earlier_day_code(make_desk):
    clock = FakeClock(now_vn().replace(hour=0, minute=1, second=0))
    desk = make_desk(clock)
    desk.write_receipt = lambda receipt: receipt
    first = desk.receive(intake_request()).dossier
    clock.advance(minutes=-3)  # 23:58 of the day before, by a clock corrected back
    second = desk.receive(intake_request()).dossier
    assert parse_dossier_code(second.code).day == parse_dossier_code(first.code).day
    assert second.received_at == first.received_at and second.code > first.code


def test_a_clock_the_gateway_measured_a_day_fast_stops_stamping(
        data_dir, capsys, peer, credential_store, monkeypatch, tmp_path):
    request = request_file(tmp_path)
    assert run(capsys, data_dir, "sync", "configure", "--gateway", peer.url, user=ADMIN)[0] == 0
    run(capsys, data_dir, "sync", "set-token", stdin="station-token\n", monkeypatch=monkeypatch,
        user=ADMIN)
    peer.clock_offset = timedelta(days=-1)  # the province's clock: a day behind this PC's
    status, output, _ = run(capsys, data_dir, "sync")
    assert output["clock_warning"] is True

    status, out, err = run(capsys, data_dir, "receive", "--json", str(request))
    assert status == 3 and out is None
    assert "nhanh hơn 1 ngày" in err and "giờ máy chủ tỉnh" in err
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(0,)]

    peer.clock_offset = timedelta(seconds=20)  # the PC clock was put right; the next sync
    status, output, _ = run(capsys, data_dir, "sync")
    assert output["clock_warning"] is False
    status, out, _ = run(capsys, data_dir, "receive", "--json", str(request))
    assert status == 0


def test_a_clock_a_day_ahead_does_not_seal_the_real_today(data_dir, capsys, tmp_path):
    """The station worked on the real "today" (here: the day before the real clock's), then
    its PC clock jumped a day ahead: the log of today must stay open until a trusted clock
    has seen it end, so a dossier still received today is not flagged."""
    today = FakeClock(now_vn() - timedelta(days=1))
    stamp_at(data_dir, today, 2)
    # The command line runs on the clock a day ahead: `log verify` seals closed days first.
    status, verdict, _ = run(capsys, data_dir, "log", "verify", user=SUPERVISOR)
    assert status == 0 and verdict["ok"] is True
    assert rows(data_dir, "SELECT day FROM log_seals WHERE day = ?",
                [today.now.date().isoformat()]) == []
    today.advance(hours=1)  # the clock is put right; the counter goes on the same day
    stamp_at(data_dir, today)
    status, verdict, _ = run(capsys, data_dir, "log", "verify", user=SUPERVISOR)
    assert status == 0 and verdict == {"ok": True, "problems": [], "corrected": []}

    # The first stamp of the next day (the real clock's today) closes and seals it.
    status, _, _ = run(capsys, data_dir, "receive", "--json", str(request_file(tmp_path)))
    assert status == 0
    assert rows(data_dir, "SELECT count FROM log_seals WHERE day = ?",
                [today.now.date().isoformat()]) == [(3,)]
    status, verdict, _ = run(capsys, data_dir, "log", "verify", user=SUPERVISOR)
    assert verdict == {"ok": True, "problems": [], "corrected": []}


def test_the_intake_screen_shows_the_clock_refusal_and_keeps_the_form(session, qtbot,
                                                                      data_dir):
    from PySide6.QtWidgets import QApplication, QMessageBox
    from test_ui_intake import enter, focused, pick_procedure, type_and_enter

    from intake_app.ui.intake.screen import IntakeScreen

    stamp_at(data_dir, FakeClock(now_vn() + timedelta(days=1)))  # the clock was set back
    screen = IntakeScreen(session)
    show_on_screen(qtbot, screen)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.picker)
    pick_procedure(qtbot, screen)  # the clerk fills the form with the keyboard
    for text in ("Nguyễn Văn Đức", "046095001234", "02/03/1995"):
        type_and_enter(qtbot, text)
    enter(qtbot)  # gender
    type_and_enter(qtbot, "0912345678")
    enter(qtbot)  # no email
    enter(qtbot)  # the station's province
    enter(qtbot)  # its commune
    type_and_enter(qtbot, "Thôn Phước Yên")
    enter(qtbot)  # owner: the applicant
    enter(qtbot)  # first paper not ticked
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # second paper ticked
    enter(qtbot)
    enter(qtbot)
    type_and_enter(qtbot, "2")
    enter(qtbot)
    type_and_enter(qtbot, "3")
    qtbot.waitUntil(lambda: screen.problems() == {})

    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def refusal() -> str:
        shown = [unicodedata.normalize("NFC", box.text())
                 for box in screen.findChildren(QMessageBox) if box.isVisible()]
        return next((text for text in shown if "Đồng hồ" in text), "")

    qtbot.waitUntil(lambda: bool(refusal()), timeout=10_000)
    assert "Đồng hồ máy tính đang chỉ" in refusal() and "Hồ sơ chưa được lưu" in refusal()
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(1,)]
    assert screen.form.name.text() == "Nguyễn Văn Đức"  # the form is kept for a retry

"""Screenshots of every screen with sample data, for review: `docs/screenshots/*.png`.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--language vi|en]

Sets up a station in a temporary data folder, receives a few sample dossiers through the
desk (Vietnamese applicants with valid CCCD numbers), and grabs each screen at 1366×768 (the
common office laptop), plus the intake screen at 1366×700, the space a maximised window
leaves on that screen under the Windows taskbar and title bar. Runs offscreen unless
QT_QPA_PLATFORM says otherwise. A screen that is not in this build is skipped with a note.

For the supervisor's screen (F5) about sixty more dossiers are received over the last 30
days on a moving clock and taken through their steps (handed over, done, returned, papers
requested, refused, a new appointment); those whose next step would come after "now" stay
where they are, so some are due today or soon and some are late. "Now" is today at 11:00.
"""

from __future__ import annotations

import argparse
import heapq
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from intake_app.desk import Desk  # noqa: E402
from intake_app.domain.clock import VN_TZ  # noqa: E402
from intake_app.domain.lifecycle import IllegalStep, StepRequest  # noqa: E402
from intake_app.domain.status import DossierStatus  # noqa: E402
from intake_app.ui import i18n  # noqa: E402
from intake_app.ui.app import create_application  # noqa: E402
from intake_app.ui.fonts import load_fonts  # noqa: E402
from intake_app.ui.main_window import MainWindow, SettingsDialog, build_main_window  # noqa: E402
from intake_app.ui.session import Session  # noqa: E402
from intake_app.ui.setup_wizard import SetupWizard  # noqa: E402

SIZE = (1366, 768)
MAXIMISED = (1366, 700)
UNIT = dict(unit_code="000.00.12.H56", unit_name="UBND phường Phong Quảng", province_code="46",
            commune_code="19873", station_no=2)
CLERK = "Lê Thị Hoa"

# (name, CCCD, birth date, gender, phone, address, procedure, documents)
APPLICANTS = [
    ("Nguyễn Văn Đức", "046095001234", "1995-03-02", "nam", "0912345678", "Thôn Phước Yên",
     "2.000815", [("Giấy khai sinh", "ban_sao", 2)]),
    ("Trần Thị Thu Hương", "046188004567", "1988-07-15", "nữ", "0935123456", "Thôn Hiền Lương",
     "1.001193", [("Tờ khai đăng ký khai sinh", "ban_chinh", 1),
                  ("Giấy chứng sinh", "ban_chinh", 1)]),
    ("Lê Quang Vinh", "046201007890", "2001-11-30", "nam", "0868777999", "Thôn Phò Ninh",
     "1.000894", [("Tờ khai đăng ký kết hôn", "ban_chinh", 1)]),
    ("Hoàng Thị Ánh Nguyệt", "046172003456", "1972-01-09", "nữ", "0905246810",
     "Thôn Đông Lâm", "2.000884", [("Giấy tờ, văn bản cần chứng thực chữ ký", "ban_chinh", 1),
                                   ("Giấy tờ tùy thân (xuất trình)", "ban_chinh", 1)]),
    ("Nguyễn Thị Mai Lan", "046190005678", "1990-05-21", "nữ", "0977456123", "Thôn Phước Lập",
     "1.000656", [("Tờ khai đăng ký khai tử", "ban_chinh", 1),
                  ("Giấy báo tử", "ban_chinh", 1)]),
]


def request(applicant: tuple) -> dict:
    name, id_number, birth, gender, phone, address, procedure, documents = applicant
    return {
        "procedure": procedure,
        "applicant": {"name": name, "id_number": id_number, "birth_date": birth,
                      "gender": gender, "phone": phone, "email": None, "address": address,
                      "province_code": "46", "commune_code": "19873"},
        "owner": None,
        "documents": [{"name": doc, "form": form, "copies": copies}
                      for doc, form, copies in documents],
        "pages": 3, "channel": 1, "delivery": "counter", "note": "",
    }


class Clock:
    """The desk's clock while the sample data is made: set by hand."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def now_for_screenshots() -> datetime:
    return datetime.now(VN_TZ).replace(hour=11, minute=0, second=0, microsecond=0)


def fill_station(folder: Path) -> list[str]:
    """Set a station up and receive the sample dossiers over the last working days.

    First the month of supervision data (`fill_month`); then the five samples, received 6, 3
    and 1 days ago and today, so the find screen shows overdue, due-soon and on-time
    dossiers; the second one has been handed back.
    """
    now = now_for_screenshots()
    today = now.replace(hour=8, minute=10)
    moments = [working_days_back(today, days) + timedelta(minutes=37 * n)
               for n, days in enumerate((6, 3, 1, 0, 0))]
    clock = Clock(now - timedelta(days=31))
    codes: list[str] = []
    with Desk(folder, clock=clock) as desk:
        desk.init_station(**UNIT)
        set_up_accounts(desk)  # the administrator, a clerk and a supervisor
        desk.act_as(CLERK_LOGIN)

        def receive(applicant: tuple) -> Callable[[], None]:
            def stamp() -> None:
                desk.act_as(CLERK_LOGIN)
                codes.append(desk.receive(request(applicant)).dossier.code)
            return stamp

        def hand_back() -> None:
            desk.act_as(CLERK_LOGIN)
            desk.hand_back(codes[1], receiver_name=APPLICANTS[1][0],
                           receiver_id_number=APPLICANTS[1][1])

        # In time order with the month's steps: the station's trusted clock refuses a stamp
        # earlier than the last instant it recorded, as it would on a real counter.
        samples = [(moment, receive(applicant))
                   for applicant, moment in zip(APPLICANTS, moments, strict=True)]
        samples.append((moments[-1] + timedelta(minutes=1), hand_back))
        fill_month(desk, clock, now, samples)
    return codes


# Applicants of the month's dossiers: (name, female); none matches the find screen's "nguy".
MONTH_NAMES = [
    ("Trần Văn Bình", False), ("Lê Thị Hồng", True), ("Phạm Minh Tuấn", False),
    ("Hoàng Văn Thắng", False), ("Võ Thị Thanh Tâm", True), ("Đặng Quốc Bảo", False),
    ("Bùi Thị Lụa", True), ("Đỗ Văn Khánh", False), ("Hồ Thị Kim Oanh", True),
    ("Ngô Văn Sơn", False), ("Dương Thị Hạnh", True), ("Lý Văn Phúc", False),
    ("Phan Thị Diệu", True), ("Trương Công Danh", False), ("Huỳnh Thị Mỹ", True),
    ("Mai Văn Tài", False), ("Tôn Nữ Thu Hà", True), ("Lê Văn Toàn", False),
    ("Châu Thị Ngọc Ánh", True), ("Cao Văn Lực", False),
]
MONTH_PROCEDURES = ["2.000815", "1.004873", "1.001731", "1.004884", "2.000884", "1.001776",
                    "1.001612", "1.000894", "2.001019", "1.004746", "1.004859"]
PER_DAY = [3, 5, 2, 4, 6, 1, 3, 4, 2, 5]  # dossiers received on successive working days
UNITS = ["Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội",
         "Công chức Tài chính - Kế toán", "Phòng Kinh tế"]


def month_request(desk: Desk, index: int) -> dict:
    """A valid request: the procedure's own papers, a CCCD matching the birth year."""
    name, female = MONTH_NAMES[index % len(MONTH_NAMES)]
    year = 60 + (index * 7) % 40
    procedure = desk.procedure(MONTH_PROCEDURES[index % len(MONTH_PROCEDURES)])
    return {
        "procedure": procedure.code,
        "applicant": {"name": name, "id_number": f"046{int(female)}{year:02d}{index + 1:06d}",
                      "birth_date": f"19{year:02d}-05-01", "gender": "nữ" if female else "nam",
                      "phone": f"09{index:08d}", "email": None,
                      "address": "Thôn Phước Yên", "province_code": "46",
                      "commune_code": "19873"},
        "owner": None,
        "documents": [{"name": c.name, "form": c.form.value, "copies": c.copies}
                      for c in procedure.components if c.required] or
                     [{"name": "Tờ khai", "form": "ban_chinh", "copies": 1}],
        "pages": 2, "channel": 1, "delivery": "counter", "note": "",
    }


def fill_month(desk: Desk, clock: Clock, now: datetime,
               samples: list[tuple[datetime, Callable[[], None]]]) -> None:
    """About sixty dossiers over the 30 days before today, each taken through its steps in
    time order, with the `samples` (what to do at a given moment) among them; a step that
    would come after `now` is not taken."""
    events: list[tuple[datetime, int, str, int]] = []  # (when, order, what, dossier)
    for j, (moment, _action) in enumerate(samples):
        events.append((moment, -1 - j, "sample", j))
    day, index = now.date() - timedelta(days=29), 0
    working = 0
    while day < now.date():
        if day.weekday() < 5:
            for n in range(PER_DAY[working % len(PER_DAY)]):
                when = datetime(day.year, day.month, day.day, 7, 40, tzinfo=VN_TZ) \
                    + timedelta(minutes=43 * n + 11 * (working % 3))
                events.append((when, len(events), "receive", index))
                index += 1
            working += 1
        day += timedelta(days=1)
    heapq.heapify(events)
    codes: dict[int, str] = {}
    while events:
        when, _order, what, i = heapq.heappop(events)
        if when > now:
            continue  # not yet: the dossier stays where it is
        clock.now = when
        if what == "sample":
            samples[i][1]()
            continue
        try:
            after = take_step(desk, what, i, codes)
        except IllegalStep as exc:
            print(f"note: {what} of sample {i} refused: {exc}")
            continue
        for later, next_what in after:
            heapq.heappush(events, (later, len(codes) * 100 + i, next_what, i))


def take_step(desk: Desk, what: str, i: int, codes: dict[int, str]) -> list:
    """Do one step of sample `i`; returns the steps to come as (when, what)."""
    clerk = CLERK if i % 3 else "Trần Văn Nam"
    desk.act_as(CLERK_LOGIN if i % 3 else SUPERVISOR_LOGIN)  # who is at the counter then
    if what == "receive":
        dossier = desk.receive(month_request(desk, i)).dossier
        codes[i] = dossier.code
        start, due = dossier.received_at, dossier.due_at or dossier.received_at
        if i % 17 == 5:
            return [(start + timedelta(minutes=10), "refuse")]
        if due - start < timedelta(hours=10):  # same-day procedures: done at the counter
            return [(start + timedelta(hours=2), "return")]
        plan = [(start + timedelta(minutes=30), "hand_over")]
        if i % 9 == 4:
            plan.append((start + timedelta(hours=3), "supplement"))
        if i % 7 == 3:
            return plan  # stays with the officer: late once its day has passed
        return plan + [(due - timedelta(hours=3), "done"), (due - timedelta(hours=1), "return")]
    code = codes[i]
    if what == "hand_over":
        desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, clerk,
                                    to_unit=UNITS[i % len(UNITS)]))
    elif what == "supplement":
        desk.step(code, StepRequest(DossierStatus.SUPPLEMENT_REQUESTED, clerk,
                                    note="Thiếu bản sao giấy tờ chứng minh nhân thân",
                                    documents=("Bản sao Giấy khai sinh",)))
        if i % 2:
            return [(desk.clock() + timedelta(days=2), "supplied")]
    elif what == "supplied":
        desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, clerk))
    elif what == "refuse":
        desk.step(code, StepRequest(DossierStatus.REFUSED, clerk,
                                    note="Hồ sơ không thuộc thẩm quyền giải quyết của xã"))
    elif what == "done":
        if desk.dossier(code).status == DossierStatus.IN_PROCESSING:
            desk.step(code, StepRequest(DossierStatus.DONE, clerk))
    elif what == "return" and desk.dossier(code).status in (DossierStatus.RECEIVED,
                                                            DossierStatus.DONE):
        applicant = desk.dossier(code).applicant
        desk.hand_back(code, receiver_name=applicant.name,
                       receiver_id_number=applicant.id_number)
    return []


def working_days_back(day: datetime, count: int) -> datetime:
    """`count` weekdays before `day` (Saturdays and Sundays skipped)."""
    while count:
        day -= timedelta(days=1)
        count -= day.weekday() < 5
    return day


CLERK_LOGIN, SUPERVISOR_LOGIN = "hoa.lt", "nam.tv"


def set_up_accounts(desk: Desk) -> None:
    """The station's accounts: its administrator (the set-up's), a clerk and a supervisor."""
    from intake_app.domain.accounts import Role

    password = "mùa thu Hà Nội có gió"
    desk.accounts.first_administrator("quantri", "Nguyễn Quản Trị", password)
    desk.accounts.add(CLERK_LOGIN, CLERK, Role.CLERK, password, temporary=False)
    desk.accounts.add(SUPERVISOR_LOGIN, "Trần Văn Nam", Role.SUPERVISOR, password,
                      temporary=False)


_SESSION: list[Session] = []  # the session whose desk operations a screenshot waits for


def settle(ms: int = 150) -> None:
    """Let the window paint, and its desk operations (off the window's thread) answer."""
    QTest.qWait(ms)
    for _ in range(200):
        if not _SESSION or _SESSION[0].ops.in_flight == 0:
            break
        QTest.qWait(25)
    QTest.qWait(50)


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def shoot(name: str, action: Callable[[], None]) -> None:
    """Run one screenshot; a missing screen or a failure is a note, not the end."""
    try:
        action()
    except ModuleNotFoundError as exc:
        print(f"skipped {name}: {exc.name} is not in this build")
    except Exception as exc:  # noqa: BLE001 - a broken screen must not stop the others
        print(f"skipped {name}: {type(exc).__name__}: {exc}")


def keep_keys_in_memory() -> None:
    """The sample stations' keys live only in this process: the screenshots show a PC with a
    credential store, and this PC's own store is never touched."""
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        values: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop((service, username), None)

    keyring.set_keyring(Memory())


def main() -> int:
    keep_keys_in_memory()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGES), default="vi")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "vi" else f"-{args.language}"
    app = create_application()
    load_fonts(app)
    with tempfile.TemporaryDirectory() as tmp:
        i18n.install_language(app, args.language, cache_dir=Path(tmp) / "cache")
        codes = fill_station(Path(tmp) / "station")
        now = now_for_screenshots()
        desk = Desk(Path(tmp) / "station", clock=lambda: now)
        i18n.set_language(desk, args.language)  # what the settings dialog shows
        desk.act_as(SUPERVISOR_LOGIN)  # the supervisor's screen shows everything a clerk's does
        session = Session.for_desk(desk, desk.user)
        _SESSION.append(session)
        window = build_main_window(session)
        window.resize(*SIZE)
        window.show()
        QCursor.setPos(window.mapToGlobal(window.rect().center()))  # no hover on the menu
        shots(window, session, desk, codes, out, suffix, Path(tmp))
        window.close()
        import shiboken6

        shiboken6.delete(window)  # before the interpreter's exit (see ui/app.py)
        session.close()
        desk.close()
    return 0


def shots(window: MainWindow, session: Session, desk: Desk, codes: list[str], out: Path,
          suffix: str, tmp: Path) -> None:
    from intake_app.ui.find.dossier_dialog import read_view

    session_account = [session.account]

    def screen(name: str, prepare: Callable[[QWidget], None] | None = None) -> Callable:
        def action() -> None:
            window.show_screen(name)
            built = window.built_screen(name)
            if built is None:
                raise ModuleNotFoundError(name=f"the {name} screen")
            if prepare:
                prepare(built)
            save(window, out / f"{name}{suffix}.png")
        return action

    def search(find: QWidget) -> None:
        find.search_box.setText("nguy")  # Nguyễn, Nguyệt
        find.submit()

    def intake_small() -> None:
        window.show_screen("intake")
        if window.built_screen("intake") is None:
            raise ModuleNotFoundError(name="the intake screen")
        window.resize(*MAXIMISED)
        save(window, out / f"intake-1366x700{suffix}.png")
        window.resize(*SIZE)

    def dossier() -> None:
        from intake_app.ui.find.dossier_dialog import DossierDialog

        dialog = DossierDialog(session, read_view(desk, codes[1]), window)
        dialog.show()
        save(dialog, out / f"dossier{suffix}.png")
        dialog.close()

    def hand_back() -> None:
        window.hand_back(codes[2])
        if window.built_screen("handback") is None:
            raise ModuleNotFoundError(name="the hand-back screen")
        save(window, out / f"handback{suffix}.png")

    def setup() -> None:
        with Desk(tmp / "empty") as empty:
            wizard = SetupWizard(empty, printers=("HP LaserJet P1102",
                                                  ["Canon LBP2900", "HP LaserJet P1102"]))
            wizard.unit.unit_code.setText("000.00.12.H56")
            wizard.unit.unit_name.setText("UBND phường Phong Quảng")
            wizard.unit.province.select_code("46")
            wizard.unit.commune.select_code("19873")
            wizard.unit.station_no.setValue(2)
            wizard.show()
            save(wizard, out / f"setup{suffix}.png")
            wizard.done(0)

    def settings() -> None:
        dialog = SettingsDialog(session, window)
        dialog.show()
        save(dialog, out / f"settings{suffix}.png")
        dialog.close()

    def clerk() -> None:
        window.lock()  # the log-in screen, as at start and after Ctrl+L
        window.login_screen.account.setCurrentIndex(
            window.login_screen.account.findData(CLERK_LOGIN))
        save(window, out / f"login{suffix}.png")
        window._logged_in(session_account[0])

    def overview():
        return desk.reports.overview()

    def supervisor_dialog(name: str, open_dialog: Callable[[QWidget], QWidget]) -> Callable:
        def action() -> None:
            window.show_screen("supervisor")
            built = window.built_screen("supervisor")
            if built is None:
                raise ModuleNotFoundError(name="the supervisor screen")
            dialog = open_dialog(built)
            save(dialog, out / f"{name}{suffix}.png")
            dialog.close()
        return action

    def log_dialog(screen: QWidget) -> QWidget:
        dialog = screen.open_log_dialog()
        today = session.now().date()
        dialog.set_period(today.replace(day=1), today)
        return dialog

    def step(name: str, code: str, prepare: Callable[[QWidget], None]) -> Callable:
        def action() -> None:
            from intake_app.ui.steps import StepDialog

            dialog = StepDialog(session, read_view(desk, code), window)
            prepare(dialog)
            dialog.show()
            save(dialog, out / f"{name}{suffix}.png")
            dialog.close()
        return action

    def hand_over(dialog: QWidget) -> None:
        dialog.to_unit.setText("Công chức Tư pháp - Hộ tịch")

    def supplement(dialog: QWidget) -> None:
        dialog.choose(DossierStatus.SUPPLEMENT_REQUESTED)
        if dialog.components.count():
            from PySide6.QtCore import Qt

            dialog.components.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.other_documents.setPlainText("Giấy ủy quyền có chứng thực")
        dialog.note.setPlainText("Tờ khai chưa ghi đủ thông tin người được khai sinh")

    def extend() -> None:
        from intake_app.ui.steps import ExtendDueDialog

        late = overview().overdue[0].dossier.code
        dialog = ExtendDueDialog(session, read_view(desk, late), window)
        dialog.reason.setPlainText("Chờ kết quả xác minh của cơ quan cấp trên")
        dialog.show()
        save(dialog, out / f"extend{suffix}.png")
        dialog.close()

    def dossier_after_step() -> None:
        from intake_app.ui.find.dossier_dialog import DossierDialog

        dialog = DossierDialog(session, read_view(desk, codes[3]), window)
        dialog.show()
        step_dialog = dialog.open_step_dialog()
        step_dialog.to_unit.setText("Công chức Tư pháp - Hộ tịch")
        step_dialog.confirm()
        settle()
        save(dialog, out / f"dossier-step{suffix}.png")
        dialog.close()

    def slip() -> None:
        from intake_app.domain.slips import SlipKind
        from intake_app.ui.find.dossier_dialog import DossierDialog

        waiting = overview().waiting_supplement[0].dossier.code
        dialog = DossierDialog(session, read_view(desk, waiting), window)
        dialog.show()
        dialog.print_slip(SlipKind.SUPPLEMENT)
        settle()
        save(dialog.preview, out / f"slip{suffix}.png")
        dialog.preview.close()
        dialog.close()

    shoot("intake", screen("intake"))
    shoot("intake at 1366×700", intake_small)
    shoot("find", screen("find", search))
    shoot("dossier", dossier)
    shoot("handback", hand_back)
    shoot("setup", setup)
    shoot("settings", settings)
    shoot("clerk", clerk)
    shoot("supervisor", screen("supervisor"))
    shoot("sync", screen("sync"))
    shoot("supervisor log dialog", supervisor_dialog("supervisor-log", log_dialog))
    shoot("step", step("step", codes[3], hand_over))
    shoot("step supplement", step("step-supplement", codes[4], supplement))
    shoot("extend", extend)
    shoot("slip", slip)
    shoot("dossier after a step", dossier_after_step)  # last: it changes a dossier
    window.show_screen("intake")
    QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())

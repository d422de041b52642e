"""Screenshots of every screen with sample data, for review: `docs/screenshots/*.png`.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--language vi|en]

Sets up a station in a temporary data folder, receives a few sample dossiers through the
desk (Vietnamese applicants with valid CCCD numbers), and grabs each screen at 1366×768 (the
common office laptop), plus the intake screen at 1366×700, the space a maximised window
leaves on that screen under the Windows taskbar and title bar. Runs offscreen unless
QT_QPA_PLATFORM says otherwise. A screen that is not in this build is skipped with a note.
"""

from __future__ import annotations

import argparse
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
from intake_app.ui import i18n  # noqa: E402
from intake_app.ui.app import ClerkDialog, create_application  # noqa: E402
from intake_app.ui.fonts import load_fonts  # noqa: E402
from intake_app.ui.main_window import MainWindow, SettingsDialog, build_main_window  # noqa: E402
from intake_app.ui.session import Session  # noqa: E402
from intake_app.ui.setup_dialog import SetupDialog  # noqa: E402

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


def fill_station(folder: Path) -> list[str]:
    """Set a station up and receive the sample dossiers over the last working days.

    Received 6, 3 and 1 days ago and today, so the find screen shows overdue, due-soon and
    on-time dossiers; the second one has been handed back.
    """
    today = datetime.now(VN_TZ).replace(hour=8, minute=10, second=0, microsecond=0)
    moments = [working_days_back(today, days) + timedelta(minutes=37 * n)
               for n, days in enumerate((6, 3, 1, 0, 0))]
    now = moments[0]
    codes = []
    with Desk(folder, clock=lambda: now) as desk:
        desk.init_station(**UNIT)
        for applicant, now in zip(APPLICANTS, moments, strict=True):  # noqa: B007 (the clock)
            codes.append(desk.receive(request(applicant), clerk=CLERK).dossier.code)
        now = moments[-1]
        desk.hand_back(codes[1], receiver_name=APPLICANTS[1][0],
                       receiver_id_number=APPLICANTS[1][1], clerk=CLERK)
    return codes


def working_days_back(day: datetime, count: int) -> datetime:
    """`count` weekdays before `day` (Saturdays and Sundays skipped)."""
    while count:
        day -= timedelta(days=1)
        count -= day.weekday() < 5
    return day


def settle(ms: int = 150) -> None:
    QTest.qWait(ms)


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


def main() -> int:
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
        desk = Desk(Path(tmp) / "station")
        i18n.set_language(desk, args.language)  # what the settings dialog shows
        session = Session(desk, CLERK)
        window = build_main_window(session)
        window.resize(*SIZE)
        window.show()
        QCursor.setPos(window.mapToGlobal(window.rect().center()))  # no hover on the menu
        shots(window, session, codes, out, suffix, Path(tmp))
        window.close()
        import shiboken6

        shiboken6.delete(window)  # before the interpreter's exit (see ui/app.py)
        desk.close()
    return 0


def shots(window: MainWindow, session: Session, codes: list[str], out: Path, suffix: str,
          tmp: Path) -> None:
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

        dialog = DossierDialog(session, codes[1], window)
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
            dialog = SetupDialog(empty)
            dialog.unit_code.setText("000.00.12.H56")
            dialog.unit_name.setText("UBND phường Phong Quảng")
            dialog.province.select_code("46")
            dialog.commune.select_code("19873")
            dialog.station_no.setValue(2)
            dialog.show()
            save(dialog, out / f"setup{suffix}.png")
            dialog.close()

    def settings() -> None:
        dialog = SettingsDialog(session, window)
        dialog.show()
        save(dialog, out / f"settings{suffix}.png")
        dialog.close()

    def clerk() -> None:
        dialog = ClerkDialog([CLERK, "Trần Văn Nam"])
        dialog.show()
        save(dialog, out / f"clerk{suffix}.png")
        dialog.close()

    shoot("intake", screen("intake"))
    shoot("intake at 1366×700", intake_small)
    shoot("find", screen("find", search))
    shoot("dossier", dossier)
    shoot("handback", hand_back)
    shoot("setup", setup)
    shoot("settings", settings)
    shoot("clerk", clerk)
    window.show_screen("intake")
    QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())

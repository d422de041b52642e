"""Start the window: Qt, fonts, language, set-up, clerk, then the main window first.

`intake-app` with no command calls `run_app`. `start` does everything but the event loop, so
the start-up benchmark and the screenshot script take the same path as a clerk.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from ..desk import Desk
from ..domain.errors import DeskError
from ..domain.text import nfc
from ..logs import setup_logging
from ..store.problems import storage_problem
from .fonts import load_fonts
from .i18n import CACHE_FOLDER, get_language, install_language
from .keys_dialogs import open_desk
from .main_window import MainWindow, build_main_window
from .operations import QueryOp
from .session import Session
from .setup_dialog import SetupDialog
from .widgets import dialog_buttons, dialog_layout

log = logging.getLogger(__name__)

APP_NAME = "intake-app"
ORGANIZATION = "IntakeApp"
CLERKS_KEY = "clerks"
MAX_CLERKS = 20


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (High-DPI is always on in Qt 6; fractional scales are kept as is)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    return app


CHORES_DELAY_MS = 300  # after the screens are built
SYNC_DELAY_MS = 1500  # the first sync (offline until the gateway's health answers)


def run_app(data_dir: Path, clerk: str | None) -> int:
    """Open the window on the station of `data_dir`; returns the process exit status."""
    setup_logging(data_dir)
    app = create_application()
    install_error_hook()
    try:
        window = start(app, data_dir, clerk)
    except (DeskError, OSError, sqlite3.Error) as exc:
        problem = exc if isinstance(exc, DeskError) else storage_problem(exc)
        log.error("cannot open the data folder %s: %s", data_dir,
                  problem.detail if problem else exc, exc_info=exc)
        text = problem.message if problem else str(exc)
        QMessageBox.critical(None, APP_NAME, QCoreApplication.translate(
            "run_app", "Không mở được thư mục dữ liệu {path}:\n{error}").format(
                path=data_dir, error=text))
        return problem.exit_code if problem else 1
    if window is None:
        return 0  # set-up or clerk dialog cancelled
    status = app.exec()
    # Delete the window while Python is still whole: left to the interpreter's exit, Qt
    # closes it during finalisation and Python focus handlers then crash the process.
    window.close()
    shiboken6.delete(window)
    return status


def install_error_hook() -> None:
    """An exception nothing caught (in a slot, a timer) is logged and named in one sentence.

    Qt calls Python slots from its event loop, where an uncaught exception would only print a
    traceback to a console the clerk never sees and leave the screen half done; the person
    is told instead, and the details go to the log file.
    """
    def hook(kind: type[BaseException], error: BaseException, trace: object) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)  # type: ignore[arg-type]
            return
        log.error("unexpected error", exc_info=(kind, error, trace))  # type: ignore[arg-type]
        message = getattr(error, "message", None)
        problem = storage_problem(error)  # a full disk, a locked or damaged database…
        if not isinstance(message, str) and problem is not None:
            message = problem.message
        if not isinstance(message, str):
            message = QCoreApplication.translate(
                "run_app", "Đã xảy ra lỗi không lường trước ({kind}); chi tiết đã được ghi vào "
                "nhật ký của ứng dụng. Hồ sơ đã lưu không bị ảnh hưởng.").format(
                    kind=kind.__name__)
        if QApplication.instance() is not None:
            QMessageBox.warning(QApplication.activeWindow(), APP_NAME, message)

    sys.excepthook = hook


def start(app: QApplication, data_dir: Path, clerk: str | None, *,
          lazy: bool = True) -> MainWindow | None:
    """Everything up to the event loop; None if the person cancelled set-up or the clerk.

    The only desk the window's thread opens is the start-up one, before the window exists
    (language, first set-up, the clerk, the station); from then on the session's operations
    open their own connections on their own threads.
    """
    load_fonts(app)
    # SQLite's quick check runs in the background: the window is not held up by it, and a
    # write (a stamp) waits for it. Asks for the recovery key, or about a key file, if it must.
    desk = open_desk(data_dir, check_store="background")
    if desk is None:
        return None
    with desk:
        install_language(app, get_language(desk), cache_dir=Path(data_dir) / CACHE_FOLDER)
        if not desk.is_set_up() and SetupDialog(desk).exec() != QDialog.DialogCode.Accepted:
            return None
        if clerk is None:
            clerk = ask_clerk(desk)
            if clerk is None:
                return None
        session = Session.for_desk(desk, clerk, app)
    window = MainWindow(session)
    app.aboutToQuit.connect(window.sync.stop)
    app.aboutToQuit.connect(session.close)  # the ops asked for finish, connections close
    window.show_on_screen()
    app.processEvents()  # the frame is on screen before the heavy screens are imported
    # Once the screens are built (they would compete with them for the interpreter): the
    # start-up chores and the warm-up, on the lane for long work; then the background sync.
    window.screens_loaded.connect(lambda: QTimer.singleShot(
        CHORES_DELAY_MS, lambda: run_start_up_chores(session)))
    window.screens_loaded.connect(lambda: QTimer.singleShot(SYNC_DELAY_MS, window.sync.start))
    if lazy:
        window.load_screens_later()
    else:
        window.load_screens()
    return window


def run_start_up_chores(session: Session) -> int:
    """Rebuild lost receipts, seal the log's closed days, warm the PDF machinery: quietly, on
    the lane for long work (each chore logs its own trouble; none stops the window)."""
    return QueryOp(session, parent=None, op=start_up_chores, success=lambda _: None) \
        .failure(lambda _error: None).quietly().long().run()  # the runner logged it


def start_up_chores(desk: Desk) -> None:
    """On a worker: what the window does once at start, after it is usable."""
    _recover_receipts(desk)  # a few file checks
    _seal_closed_days(desk)  # usually one day's rows: the log's chain stays current
    warm_up()


def warm_up() -> None:
    """Load the PDF machinery before the first stamp: reportlab and its fonts, the receipt's
    module with its barcodes, PDFium for the preview, and this year's holidays.

    The first receipt of the day would otherwise pay for all of it (see bench_startup.py).
    """
    from ..documents import receipt_pdf  # noqa: F401 - imported for its import cost
    from ..documents.fonts import register_fonts
    from ..domain.calendar import WorkCalendar
    from ..domain.clock import now_vn
    from .printing import page_images

    register_fonts()
    WorkCalendar().is_working_day(now_vn().date())
    try:
        import io

        from reportlab.pdfgen.canvas import Canvas

        buffer = io.BytesIO()
        canvas = Canvas(buffer)
        canvas.showPage()
        canvas.save()
        page_images(buffer.getvalue(), 10)  # PDFium's library loaded and one page drawn
    except Exception:  # noqa: BLE001 - a warm-up must never stop anything
        log.exception("warming up the PDF machinery failed")


def notify(window: QWidget | None, text: str, *,
           icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A notice that does not block the window: the clerk reads it and goes on working."""
    box = QMessageBox(icon, APP_NAME, text, QMessageBox.StandardButton.Ok, window)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def _recover_receipts(desk: Desk, window: QWidget | None = None) -> None:
    """Rebuild receipts lost to a power cut between the stamp and the PDF (logged).

    A receipt that cannot be rebuilt never stops the start: it is logged with its traceback
    and the clerk is told which dossier(s) to print again, in a notice that does not block.
    """
    try:
        recovery = desk.recover_receipts()
    except Exception:  # noqa: BLE001 - the window opens whatever the receipts folder holds
        log.exception("could not check the receipt files")
        return
    if recovery.rebuilt:
        log.warning("rebuilt %d receipt PDFs lost before they were written: %s",
                    len(recovery.rebuilt), ", ".join(recovery.rebuilt))
    if recovery.failed:
        lines = "\n".join(f"• {code}: {why}" for code, why in recovery.failed.items())
        log.error("could not rebuild the receipts of %s", ", ".join(recovery.failed))
        notify(window, QCoreApplication.translate(
            "run_app", "Chưa dựng lại được giấy tiếp nhận của {n} hồ sơ (các hồ sơ vẫn được "
            "lưu đầy đủ):\n{lines}\nHãy in lại giấy tiếp nhận từ hồ sơ khi đã khắc phục; "
            "chi tiết đã được ghi vào nhật ký của ứng dụng.").format(
                n=len(recovery.failed), lines=lines))


def _seal_closed_days(desk: Desk) -> None:
    """Seal the daily log's closed days at start, so a later edit is caught (logged)."""
    try:
        sealed = desk.ledger.seal_closed_days()
    except (DeskError, sqlite3.Error, OSError) as exc:  # e.g. another counter holds the lock
        log.error("could not seal the closed days of the dossier log: %s",
                  getattr(exc, "detail", exc))
        return
    if sealed:
        log.info("sealed the dossier log of %d closed day(s)", len(sealed))


STORE_CHECK_EVERY_MS = 24 * 60 * 60 * 1000  # SQLite's quick check once a day
STORE_POLL_MS = 100


def watch_store(desk: Desk, window: QWidget, *, then=None) -> None:
    """When the background check of the database ends: say so if it found damage (writes are
    refused from then on), else run `then`. Starts the daily check with the first call."""
    timer = QTimer(window)
    timer.setInterval(STORE_POLL_MS)

    def poll() -> None:
        if desk.db.health.running:
            return
        timer.stop()
        timer.deleteLater()
        problem = desk.store_problem
        if problem is not None:
            log.error("the database check failed: %s", problem.detail)
            notify(window, problem.message, icon=QMessageBox.Icon.Critical)
        elif then is not None:
            then()

    timer.timeout.connect(poll)
    timer.start()
    if window.property("store_daily") is None:
        daily = QTimer(window)
        daily.setInterval(STORE_CHECK_EVERY_MS)

        def check_again() -> None:
            desk.db.health.check_in_background()
            watch_store(desk, window, then=lambda: _seal_closed_days(desk))

        daily.timeout.connect(check_again)
        daily.start()
        window.setProperty("store_daily", True)


# ---- the clerk at the counter ----------------------------------------------------------------

def known_clerks(desk: Desk) -> list[str]:
    """Names of the clerks who worked on this PC, the most recent first."""
    names = desk.setting(CLERKS_KEY, [])
    return [name for name in names if isinstance(name, str) and name]


def remember_clerk(desk: Desk, name: str) -> None:
    names = [name] + [other for other in known_clerks(desk) if other != name]
    desk.set_setting(CLERKS_KEY, names[:MAX_CLERKS])


class ClerkDialog(QDialog):
    """Who is at the counter: picked from the names used on this PC, or typed."""

    def __init__(self, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cán bộ tiếp nhận"))
        self.setMinimumWidth(440)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.addItems(names)
        self.name.lineEdit().setPlaceholderText(self.tr("Họ và tên"))
        buttons, self.ok_button = dialog_buttons(self, self.tr("Bắt đầu làm việc"),
                                                 self.tr("Thoát"))
        layout = dialog_layout(self)
        prompt = QLabel(self.tr("Họ tên cán bộ làm việc tại quầy (được ghi vào mọi bước xử lý "
                                "hồ sơ):"), self)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.name.editTextChanged.connect(self._update)
        self._update(self.name.currentText())

    def _update(self, text: str) -> None:
        self.ok_button.setEnabled(bool(nfc(text)))

    def clerk(self) -> str:
        return nfc(self.name.currentText())


def ask_clerk(desk: Desk) -> str | None:
    """Ask who is at the counter and remember the name; None if the dialog was closed."""
    dialog = ClerkDialog(known_clerks(desk))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.clerk():
        return None
    remember_clerk(desk, dialog.clerk())
    return dialog.clerk()


__all__ = ["build_main_window", "run_app", "start"]

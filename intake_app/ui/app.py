"""Start the window: Qt, fonts, language, set-up, then the main window on its log-in screen.

`intake-app` with no command calls `run_app`. `start` does everything but the event loop, so
the start-up benchmark and the screenshot script take the same path as a clerk.

A station that is set up starts on what `store.peek` reads (the station and the language: a
read-only look, without opening the store): the window shows while the
session's worker opens the store and brings it up to date. The first start (set-up) and a
folder the look cannot read open a `Desk` here, before the window exists: the only desk the
window's thread ever opens.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMessageBox,
    QWidget,
)

from ..domain.errors import DeskError, StorageProblem
from ..domain.setup_sheet import PRINTER_KEY
from ..store import cipher
from ..store.peek import peek_settings
from . import printer_choice
from .fonts import load_fonts
from .i18n import CACHE_FOLDER, LANGUAGE_KEY, install_language, language_from
from .main_window import MainWindow, build_main_window
from .operations import QueryOp, error_message
from .session import Session

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

APP_NAME = "intake-app"
ORGANIZATION = "IntakeApp"


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


RELEASE_DELAY_MS = 30  # after the first screen is built: its first paint, then the workers
CHORES_DELAY_MS = 300  # after the screens are built
STORE_CHECK_EVERY_MS = 24 * 60 * 60 * 1000  # SQLite's quick check once a day
STORE_POLL_S = 0.1
SYNC_DELAY_MS = 1500  # the first sync (offline until the gateway's health answers)
BACKUP_DELAY_MS = 4000  # the day's first backup, once the chores and the first sync began


def run_app(data_dir: Path) -> int:
    """Open the window on the station of `data_dir`; returns the process exit status."""
    from ..logs import setup_logging

    setup_logging(data_dir)
    app = create_application()
    install_error_hook()
    guard = one_window(app, Path(data_dir))
    if guard is None:
        return ALREADY_OPEN
    try:
        return _run_window(app, data_dir)
    finally:
        guard.release()


def _run_window(app: QApplication, data_dir: Path) -> int:
    from ..store.problems import storage_problem

    try:
        window = start(app, data_dir)
    except cipher.Error + (DeskError, OSError) as exc:
        problem = exc if isinstance(exc, DeskError) else storage_problem(exc)
        log.error("cannot open the data folder %s: %s", data_dir,
                  problem.detail if problem else exc, exc_info=exc)
        text = problem.message if problem else error_message(exc)
        QMessageBox.critical(None, APP_NAME, QCoreApplication.translate(
            "run_app", "Không mở được thư mục dữ liệu {path}:\n{error}").format(
                path=data_dir, error=text))
        return problem.exit_code if problem else 1
    if window is None:
        return 0  # set-up cancelled
    status = app.exec()
    if window.failed_to_open:
        status = window.failed_to_open
    # Delete the window while Python is still whole: left to the interpreter's exit, Qt
    # closes it during finalisation and Python focus handlers then crash the process.
    window.close()
    shiboken6.delete(window)
    return status


ALREADY_OPEN = 0  # a second start on the same data folder: the first window is shown


def one_window(app: QApplication, data_dir: Path):  # -> InstanceGuard | None
    """Take the data folder's window lock; None (after saying so) if a window has it."""
    from .single_instance import InstanceGuard, bring_to_front

    guard = InstanceGuard(data_dir, app)
    if guard.acquire():
        guard.show_requested.connect(bring_to_front)
        app.aboutToQuit.connect(guard.release)
        return guard
    shown = guard.ask_first_to_show()
    log.info("a window is already open on %s (pid %s); second start refused", data_dir,
             guard.holder_pid())
    text = QCoreApplication.translate(
        "run_app", "Ứng dụng đang mở cho thư mục dữ liệu này ({path}). Mỗi thư mục dữ liệu chỉ "
        "mở một cửa sổ, để hai cửa sổ không cùng cấp mã hồ sơ và sao lưu cùng lúc.").format(
            path=data_dir)
    text += "\n\n" + (QCoreApplication.translate(
        "run_app", "Cửa sổ đang mở đã được đưa lên trước.") if shown else
        QCoreApplication.translate(
            "run_app", "Hãy tìm cửa sổ đó trên thanh tác vụ. Nếu không thấy, ứng dụng có thể "
            "đang đóng hoặc đang ở một tài khoản Windows khác trên máy này."))
    QMessageBox.information(None, APP_NAME, text)
    return None


def install_error_hook() -> None:
    """An exception nothing caught (in a slot, a timer) is logged and named in one sentence.

    Qt calls Python slots from its event loop, where an uncaught exception would only print a
    traceback to a console the clerk never sees and leave the screen half done; the person
    is told instead, and the details go to the log file.
    """
    from ..store.problems import storage_problem

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


def start(app: QApplication, data_dir: Path, *, lazy: bool = True) -> MainWindow | None:
    """Everything up to the event loop (the window on its log-in screen); None if the person
    cancelled the set-up."""
    # The database key (keyring's import and the credential store: ~0.15 s) is fetched while
    # the fonts load: the quick look at the settings needs it, the database being encrypted.
    found: dict[str, bytes | None] = {}
    fetch = threading.Thread(target=lambda: found.update(key=_database_key(Path(data_dir))),
                             name="database-key", daemon=True)
    fetch.start()
    load_fonts(app)
    fetch.join()
    peeked = peek_settings(data_dir, LANGUAGE_KEY, PRINTER_KEY,
                           database_key=found.get("key"))
    if peeked is None or peeked.station is None:
        return _start_with_desk(app, Path(data_dir), lazy=lazy)
    printer_choice.choose(peeked.values.get(PRINTER_KEY))
    install_language(app, language_from(peeked.values.get(LANGUAGE_KEY)),
                     cache_dir=Path(data_dir) / CACHE_FOLDER)
    session = Session(Path(data_dir), None, station=peeked.station, parent=app)
    return _open_window(app, session, lazy=lazy)


def _database_key(data_dir: Path) -> bytes | None:
    """The database key for the quick look at the settings; None when it cannot be had
    without asking (a new PC, no credential store): the start-up desk then asks."""
    from ..station_keys import load_station_keys

    try:
        return load_station_keys(data_dir).database_key
    except (DeskError, OSError):
        return None


def _start_with_desk(app: QApplication, data_dir: Path, *, lazy: bool) -> MainWindow | None:
    """First start (set-up), or a folder the quick look could not read: the start-up desk
    (asking for the recovery key, or about a key file, if it must)."""
    from .i18n import get_language
    from .keys_dialogs import open_desk

    # SQLite's quick check runs in the background: the window is not held up by it, and a
    # write (a stamp) waits for it.
    desk = open_desk(data_dir, check_store="background")
    if desk is None:
        return None
    if not desk.is_set_up() and not _set_up(app, desk):
        return None  # the wizard was cancelled (and the desk closed)
    with desk:
        install_language(app, get_language(desk), cache_dir=data_dir / CACHE_FOLDER)
        printer_choice.choose(desk.setting(PRINTER_KEY))
        session = Session.for_desk(desk, None, app)  # the set-up's administrator logs in too
    return _open_window(app, session, lazy=lazy)


def _set_up(app: QApplication, desk: Desk) -> bool:
    """The set-up wizard on a new data folder; False if cancelled. A cancelled set-up of a
    folder this start made leaves nothing behind (the database, the keys file and the keys in
    the credential store are removed; the log stays); one that had saved something before
    (an earlier run) stays as it is, and the wizard starts again next time."""
    from ..services.station_setup import discard_new_station, untouched
    from ..store.db import DATABASE_FILE
    from .i18n import get_language
    from .setup_wizard import SetupWizard

    install_language(app, get_language(desk), cache_dir=desk.data_dir / CACHE_FOLDER)
    if SetupWizard(desk).exec() == QDialog.DialogCode.Accepted and desk.is_set_up():
        return True
    discard = untouched(desk)
    keys = desk.keys
    while desk.db.health.running:  # the background check's own connection
        time.sleep(STORE_POLL_S)
    desk.close()
    if discard:
        try:
            discard_new_station(desk.data_dir, DATABASE_FILE, keys)
        except Exception:  # noqa: BLE001 - what stays is a folder the wizard reopens
            log.exception("could not remove the files of the cancelled set-up")
    return False


def _open_window(app: QApplication, session: Session, *, lazy: bool) -> MainWindow:
    # The first screen is built before any worker starts: a worker opening the store would
    # compete with it for the interpreter. The ops asked meanwhile wait, in order.
    session.ops.hold()
    window = MainWindow(session)
    app.aboutToQuit.connect(window.sync.stop)
    app.aboutToQuit.connect(session.close)  # the ops asked for finish, connections close
    # The worker opens the store first (migrations, checks): a store that cannot be used
    # is said once, and the window closes, as when the start-up desk cannot open it.
    QueryOp(session, parent=window, op=lambda desk: None, success=lambda _: None) \
        .failure(lambda error: _cannot_open(window, session, error)).quietly().run()
    window.show_on_screen()
    app.processEvents()  # the frame is on screen before the heavy screens are imported
    # Once the screens are built (they would compete with them for the interpreter): the
    # start-up chores and the warm-up, on the lane for long work; then the background sync.
    window.screens_loaded.connect(lambda: QTimer.singleShot(
        CHORES_DELAY_MS, lambda: run_start_up_chores(session, window)))
    daily = QTimer(window)  # the window stays open for days: check the database daily
    daily.setInterval(STORE_CHECK_EVERY_MS)
    daily.timeout.connect(lambda: run_daily_check(session, window))
    daily.start()
    window.screens_loaded.connect(lambda: QTimer.singleShot(SYNC_DELAY_MS, window.sync.start))
    # Backups by themselves: the day's first (the PC may have been off at closing time), then
    # a look every half hour, and one when the window closes.
    window.back_up_on_close = True
    window.screens_loaded.connect(lambda: QTimer.singleShot(BACKUP_DELAY_MS,
                                                            window.backups.start))
    # The first screen is up: its first paint, then the workers (the form answers a moment
    # later, while the clerk's eyes find the first field).
    window.screen_loaded.connect(lambda _name: QTimer.singleShot(RELEASE_DELAY_MS,
                                                                 session.ops.release))
    if lazy:
        window.load_screens_later()
    else:
        window.load_screens()
    return window


def _cannot_open(window: MainWindow, session: Session, error: BaseException) -> None:
    from ..station_keys import KeysMissing, NoCredentialStore

    if isinstance(error, KeysMissing | NoCredentialStore) and _keys_decided(window, session):
        return  # the person restored the keys (or chose a key file): the store opened
    session.ops.abandon()  # nothing else is said: the one message below
    log.error("cannot open the data folder %s: %s", session.data_dir, error)
    QMessageBox.critical(window, APP_NAME, QCoreApplication.translate(
        "run_app", "Không mở được thư mục dữ liệu {path}:\n{error}").format(
            path=session.data_dir, error=error_message(error)))
    window.failed_to_open = getattr(error, "exit_code", 1) or 1  # run_app's exit status
    window.close()  # the last window: the event loop ends


def _keys_decided(window: MainWindow, session: Session) -> bool:
    """The store's keys need a person (a new PC, no credential store): the same dialogs as
    at a first start, over the window; True once the store opens with them (the workers
    then open it too), False if the person chose to quit or it still cannot be opened."""
    from .keys_dialogs import open_desk

    try:
        desk = open_desk(session.data_dir, window, check_store="skip")
    except Exception as exc:  # noqa: BLE001 - said by the caller's one message
        log.error("the station's keys could not be brought back: %s", exc)
        return False
    if desk is None:  # the person chose to quit
        session.ops.abandon()
        window.close()
        return True
    desk.close()
    QueryOp(session, parent=window, op=lambda desk: None, success=lambda _: None) \
        .failure(lambda error: _cannot_open(window, session, error)).quietly().run()
    return True


@dataclass(frozen=True)
class ChoresReport:
    """What the start-up chores found that a person must hear of."""

    unrebuilt: dict[str, str]  # dossier code -> why its receipt could not be rebuilt
    store_problem: StorageProblem | None  # the database check found damage


def run_start_up_chores(session: Session, window: QWidget) -> int:
    """Warm the PDF machinery, rebuild lost receipts, wait for the database check and seal
    the log's closed days: quietly, on the lane for long work; what a person must know is
    said in notices that do not block (each chore logs its own trouble)."""
    from . import receipt_preview  # noqa: F401 - its Qt print module, while the window idles

    return QueryOp(session, parent=window, op=start_up_chores,
                   success=lambda report: _tell_chores(window, report)) \
        .failure(lambda _error: None).quietly().long().run()  # the worker logged it


def start_up_chores(desk: Desk) -> ChoresReport:
    """On a worker: what the window does once at start, after it is usable."""
    warm_up()  # first: the first receipt may come soon
    unrebuilt = _recover_receipts(desk)
    problem = _await_store_check(desk)
    if problem is None:
        _seal_closed_days(desk)  # usually one day's rows: the log's chain stays current
    return ChoresReport(unrebuilt, problem)


def run_daily_check(session: Session, window: QWidget) -> int:
    """SQLite's quick check again (the window stays open for days), then the seals."""
    def check(desk: Desk) -> ChoresReport:
        desk.db.health.check()
        problem = desk.store_problem
        if problem is None:
            _seal_closed_days(desk)
        return ChoresReport({}, problem)

    return QueryOp(session, parent=window, op=check,
                   success=lambda report: _tell_chores(window, report)) \
        .failure(lambda _error: None).quietly().long().run()


def _tell_chores(window: QWidget, report: ChoresReport) -> None:
    if report.unrebuilt:
        lines = "\n".join(f"• {code}: {why}" for code, why in report.unrebuilt.items())
        notify(window, QCoreApplication.translate(
            "run_app", "Chưa dựng lại được giấy tiếp nhận của {n} hồ sơ (các hồ sơ vẫn được "
            "lưu đầy đủ):\n{lines}\nHãy in lại giấy tiếp nhận từ hồ sơ khi đã khắc phục; "
            "chi tiết đã được ghi vào nhật ký của ứng dụng.").format(
                n=len(report.unrebuilt), lines=lines))
    if report.store_problem is not None:
        notify(window, report.store_problem.message, icon=QMessageBox.Icon.Critical)


def notify(window: QWidget | None, text: str, *,
           icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A notice that does not block the window: the clerk reads it and goes on working."""
    box = QMessageBox(icon, APP_NAME, text, QMessageBox.StandardButton.Ok, window)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def warm_up() -> None:
    """Make the first receipt of the day as fast as the others: build a sample receipt in
    memory and draw it as the preview does, so reportlab, the fonts, the barcodes, PDFium and
    this year's holidays are loaded before the clerk stamps (bench_startup.py, (d))."""
    try:
        from ..documents.receipt_pdf import build_receipt_pdf
        from ..domain.calendar import WorkCalendar
        from .receipt_preview import preview_pages

        WorkCalendar().is_working_day(_SAMPLE_AT.date())
        preview_pages(build_receipt_pdf(_sample_receipt()))
    except Exception:  # noqa: BLE001 - a warm-up must never stop anything
        log.exception("warming up the PDF machinery failed")


def _sample_receipt():  # type: ignore[no-untyped-def]
    """A receipt like a real one (never written anywhere), for the warm-up."""
    from ..domain.receipt import FeeLine, ReceiptData, ReceiptDocument

    return ReceiptData(
        unit_name="UBND phường Phong Quảng", office_name="BỘ PHẬN MỘT CỬA",
        place_name="Phong Quảng", code="000.00.00.H00-000000-0001",
        applicant_name="Nguyễn Văn Đức", applicant_address="Thôn Phước Yên",
        applicant_phone="0912345678", applicant_email="", applicant_id_number="046095001234",
        owner_name="", owner_address="", procedure_code="2.000815",
        procedure_name="Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        documents=(ReceiptDocument("Giấy khai sinh", certified_copies=2),), sets=1,
        processing_time_text="Trong ngày", received_at=_SAMPLE_AT, due_at=_SAMPLE_AT,
        result_delivery_text="Tại Bộ phận Một cửa", fees=(FeeLine("Lệ phí", 10_000),),
        fee_total=10_000, ledger_book="01/2026", ledger_number=1, clerk_name="Lê Thị Hoa",
    )


_SAMPLE_AT = datetime(2026, 1, 5, 8, 0, tzinfo=timezone(timedelta(hours=7)))


def _recover_receipts(desk: Desk) -> dict[str, str]:
    """Rebuild receipts lost to a power cut between the stamp and the PDF (logged); returns
    the dossiers whose receipt could not be rebuilt, and why (the clerk is told)."""
    try:
        recovery = desk.recover_receipts()
    except Exception:  # noqa: BLE001 - the window opens whatever the receipts folder holds
        log.exception("could not check the receipt files")
        return {}
    if recovery.rebuilt:
        log.warning("rebuilt %d receipt PDFs lost before they were written: %s",
                    len(recovery.rebuilt), ", ".join(recovery.rebuilt))
    if recovery.failed:
        log.error("could not rebuild the receipts of %s", ", ".join(recovery.failed))
    return dict(recovery.failed)


def _await_store_check(desk: Desk) -> StorageProblem | None:
    """The database check started when the store was opened (in the background), once done:
    the problem it found, or None (writes wait for it meanwhile, in the store)."""
    while desk.db.health.running:
        time.sleep(STORE_POLL_S)
    problem = desk.store_problem
    if problem is not None:
        log.error("the database check failed: %s", problem.detail)
    return problem


def _seal_closed_days(desk: Desk) -> None:
    """Seal the daily log's closed days at start, so a later edit is caught (logged)."""
    try:
        sealed = desk.ledger.seal_closed_days()
    except cipher.Error + (DeskError, OSError) as exc:  # e.g. another counter holds the lock
        log.error("could not seal the closed days of the dossier log: %s",
                  getattr(exc, "detail", exc))
        return
    if sealed:
        log.info("sealed the dossier log of %d closed day(s)", len(sealed))


__all__ = ["build_main_window", "run_app", "start"]

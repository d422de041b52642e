"""The main window: a left navigation over four screens, a status bar, the scanner.

The window opens with light placeholders; the screens (which import the PDF and barcode
libraries) are built right after it is shown, the intake screen first. Until someone logs in
(and whenever it locks: Ctrl+L, or idle) the log-in screen covers the navigation and the
screens; the navigation shows only what the account's role may do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..domain.accounts import Account, Permission
from ..domain.errors import NotFound
from . import i18n
from .focus_style import FOCUS_STYLE
from .leave_guard import LeaveGuard
from .operations import QueryOp, error_message
from .session import Session
from .status_bar import StatusBar
from .widgets import dialog_buttons, dialog_layout

if TYPE_CHECKING:
    from .scanner import ScannerFilter

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 720)
NAV_WIDTH = 150


def _intake_screen() -> type[QWidget]:
    from .intake.screen import IntakeScreen

    return IntakeScreen


def _find_screen() -> type[QWidget]:
    from .find.screen import FindScreen

    return FindScreen


def _hand_back_screen() -> type[QWidget]:
    from .handback.screen import HandBackScreen

    return HandBackScreen


def _supervisor_screen() -> type[QWidget]:
    from .supervisor.screen import SupervisorScreen

    return SupervisorScreen


def _sync_screen() -> type[QWidget]:
    from .sync.screen import SyncScreen

    return SyncScreen


def _dossier_dialog() -> type[QDialog]:
    from .find.dossier_dialog import DossierDialog

    return DossierDialog


@dataclass
class ScreenSlot:
    """One entry of the navigation: its button, its key, and the screen once it is built."""

    name: str
    key: str
    load: Callable[[], type[QWidget]]
    button: QToolButton
    placeholder: QLabel
    screen: QWidget | None = None


class MainWindow(QMainWindow):
    """Tiếp nhận (F2), Tra cứu (F3), Trả kết quả (F4), Giám sát (F5); settings and exit below."""

    screen_loaded = Signal(str)  # "intake", "find", "handback", "supervisor": built and shown
    screens_loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        station = session.station
        self.setWindowTitle(self.tr("Tiếp nhận hồ sơ – {unit} – Quầy {n}").format(
            unit=station.unit_name, n=station.station_no))
        self.resize(*DEFAULT_SIZE)
        self.setStyleSheet(FOCUS_STYLE)  # the focus ring on every control, in every dialog
        self.leave_guard = LeaveGuard(self)
        self.stack = QStackedWidget(self)
        self.slots: dict[str, ScreenSlot] = {}
        self.nav = self._build_nav()
        self.work = QWidget(self)
        row = QHBoxLayout(self.work)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        from .login.lock import IdleWatch
        from .login.screen import LoginScreen

        self.login_screen = LoginScreen(session, self)
        self.login_screen.logged_in.connect(self._logged_in)
        self.outer = QStackedWidget(self)
        self.outer.addWidget(self.login_screen)
        self.outer.addWidget(self.work)
        self.setCentralWidget(self.outer)
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self.lock)
        self.lock_action = QAction(self.tr("Khóa màn hình (Ctrl+L)"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)

        from .sync.controller import SyncController

        self.sync = SyncController.of(session)  # the status bar and F6 find it; started by app
        from .backup.controller import BackupController

        self.backups = BackupController.of(session)  # started by app, with the chores
        self.status = StatusBar(session, self)
        self.status.attach_backups(self.backups)
        self.setStatusBar(self.status)
        self.back_up_on_close = False  # set by app once the store opened: back up on closing
        # Installed once the screens are built: a Python filter on every event of the first
        # frame costs PySide ~100 ms of one-time type set-up, which would delay the form.
        self.scanner: ScannerFilter | None = None  # made with the screens (not in the frame)
        self._idcard_target: QWidget | None = None  # where the card being scanned goes
        self.screens_loaded.connect(self._install_scanner)
        self._dialogs: dict[str, QDialog] = {}
        self._opening: set[str] = set()  # codes whose dossier is being read
        self.failed_to_open = 0  # the store could not be opened: the app's exit status
        self._pending_hand_back: str | None = None
        session.open_dossier_requested.connect(self.open_dossier)
        session.hand_back_requested.connect(self.hand_back)
        session.account_changed.connect(self._show_account)
        self.show_screen("intake")
        self._show_account(session.account)
        if session.account is None:
            self.login_screen.load_accounts()

    def _build_nav(self) -> QFrame:
        """The left column: one button per screen (with its F key), then settings and exit."""
        nav = QFrame(self)
        nav.setObjectName("nav")
        nav.setFixedWidth(NAV_WIDTH)
        nav.setStyleSheet(NAV_STYLE)
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(nav)
        layout.setContentsMargins(6, 8, 6, 8)
        layout.setSpacing(4)
        for name, label, key, load in (
            ("intake", self.tr("Tiếp nhận (F2)"), "F2", _intake_screen),
            ("find", self.tr("Tra cứu (F3)"), "F3", _find_screen),
            ("handback", self.tr("Trả kết quả (F4)"), "F4", _hand_back_screen),
            ("supervisor", self.tr("Giám sát (F5)"), "F5", _supervisor_screen),
            ("sync", self.tr("Đồng bộ (F6)"), "F6", _sync_screen),
        ):
            button = self._nav_button(nav, label, checkable=True)
            self._group.addButton(button, len(self.slots))
            layout.addWidget(button)
            placeholder = QLabel(self.tr("Đang tải…"), self.stack)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(placeholder)
            self.slots[name] = ScreenSlot(name, key, load, button, placeholder)
            action = QAction(label, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, n=name: self.show_screen(n))
            self.addAction(action)
            button.clicked.connect(lambda _=False, n=name: self.show_screen(n))
        layout.addStretch(1)
        self.lock_button = self._nav_button(nav, self.tr("Khóa (Ctrl+L)"))
        self.lock_button.setToolTip(self.tr("Khóa màn hình; người khác đăng nhập để làm tiếp"))
        self.lock_button.clicked.connect(self.lock)
        layout.addWidget(self.lock_button)
        self.settings_button = self._nav_button(nav, self.tr("Cài đặt (F9)"))
        self.settings_button.clicked.connect(self.open_settings)
        self.quit_button = self._nav_button(nav, self.tr("Thoát (Alt+F4)"))
        self.quit_button.clicked.connect(self.close)
        layout.addWidget(self.settings_button)
        layout.addWidget(self.quit_button)
        for keys, slot in ((("F9",), self.open_settings), (("Alt+F4", "Ctrl+Q"), self.close)):
            action = QAction(self)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.triggered.connect(slot)
            self.addAction(action)
        return nav

    @staticmethod
    def _nav_button(nav: QFrame, text: str, *, checkable: bool = False) -> QToolButton:
        button = QToolButton(nav)
        button.setText(text)
        button.setCheckable(checkable)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(40)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the screens
        return button

    def _install_scanner(self) -> None:
        """The USB scanner's filter on the whole application, once the screens are built."""
        if self.scanner is not None:
            return
        from .scanner import ScannerFilter

        self.scanner = ScannerFilter(self, accepts_idcard=self._wants_idcard)
        self.scanner.code_scanned.connect(self.session.open_dossier_requested)
        self.scanner.idcard_scanned.connect(self._idcard_scanned)
        self.scanner.install()

    def _wants_idcard(self, widget: QWidget | None) -> bool:
        """A chip ID card's QR code fills the receive screen while it is shown: from any of its
        fields, or with no field focused (a button of this window, nothing at all); and the
        applicant of an open correction dialog from any of its fields."""
        self._idcard_target = None
        window = widget.window() if widget is not None else None
        if window is not None and window is not self:
            if callable(getattr(window, "read_idcard", None)):
                self._idcard_target = window
                return True
            return False
        intake = self.built_screen("intake")
        if intake is None or self.current_screen_name() != "intake" or not intake.isVisible():
            return False
        self._idcard_target = intake
        return True

    def _idcard_scanned(self, text: str) -> None:
        target, self._idcard_target = self._idcard_target, None
        read = getattr(target, "read_idcard", None) if target is not None else None
        if read is not None and isValid(target):
            read(text)

    # ---- who works --------------------------------------------------------------------------

    SCREEN_PERMISSIONS = {
        "intake": (Permission.RECEIVE,),
        "find": (Permission.VIEW_DOSSIERS,),
        "handback": (Permission.HAND_BACK,),
        "supervisor": (Permission.OWN_LOG, Permission.ALL_LOGS),
        "sync": (Permission.SYNC_NOW,),
    }

    def screen_allowed(self, name: str) -> bool:
        return any(self.session.may(p) for p in self.SCREEN_PERMISSIONS[name])

    def _logged_in(self, account: Account) -> None:
        """The log-in screen let someone in: the same person again, or another clerk."""
        self.session.set_account(account)
        QueryOp(self.session, parent=self, op=_idle_minutes,
                success=self._start_idle_watch).quietly().run()

    def _start_idle_watch(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)
        if self.session.account is not None:
            self.idle.start()

    def locked(self) -> bool:
        return self.session.account is None

    def lock(self) -> None:
        """Ctrl+L, the lock button or the idle timer: the log-in screen, nobody working. The
        dossier windows and dialogs close; a half-filled intake form stays for whoever logs in
        next (the citizen may still be at the counter)."""
        if self.session.account is None:
            return
        last = self.session.account.login
        for dialog in list(self._dialogs.values()):
            if isValid(dialog):
                dialog.close()
        for dialog in self.findChildren(QDialog):
            if isValid(dialog) and dialog.isVisible():
                dialog.reject()
        self.session.set_account(None)
        self.login_screen.reset(keep=last)

    def _show_account(self, account: Account | None) -> None:
        """Log-in screen or work; the navigation and settings as the role allows."""
        if account is None:
            self.idle.stop()
        self.outer.setCurrentWidget(self.work if account is not None else self.login_screen)
        self.lock_action.setEnabled(account is not None)
        for name, slot in self.slots.items():
            allowed = account is not None and self.screen_allowed(name)
            slot.button.setVisible(allowed)
            for action in self.actions():
                if action.shortcut() == QKeySequence(slot.key):
                    action.setEnabled(allowed)
        if account is None:
            return
        if not self.screen_allowed(self.current_screen_name()):
            first = next((name for name in self.slots if self.screen_allowed(name)), None)
            if first is not None:
                self.show_screen(first)
            else:
                self.stack.setCurrentIndex(self.stack.count() - 1)
        screen = self.stack.currentWidget()
        if screen is not None:
            screen.setFocus()

    # ---- screens -----------------------------------------------------------------------------

    def current_screen_name(self) -> str:
        return list(self.slots)[self._group.checkedId()]

    def built_screen(self, name: str) -> QWidget | None:
        """The built screen, or None while it is loading or if it could not be built."""
        return self.slots[name].screen

    def show_screen(self, name: str) -> None:
        """Show a screen; leaving a half-filled intake form asks first (`leave_guard`)."""
        if self.leave_guard.asks_before_switching(name):
            return  # asked: the screen is shown once the clerk agrees
        self._switch_to(name)

    def _switch_to(self, name: str) -> None:
        slot = self.slots[name]
        slot.button.setChecked(True)
        self.stack.setCurrentWidget(slot.screen or slot.placeholder)

    def load_screens(self) -> None:
        """Build every screen now (tests, screenshots)."""
        for name in self.slots:
            self._load_screen(name)
        self.screens_loaded.emit()

    def load_screens_later(self) -> None:
        """Build the screens one per event-loop turn, the intake screen first."""
        pending = [name for name in self.slots if self.slots[name].screen is None]

        def next_screen() -> None:
            if not pending:
                self.screens_loaded.emit()
                return
            self._load_screen(pending.pop(0))
            QTimer.singleShot(0, next_screen)

        QTimer.singleShot(0, next_screen)

    def _load_screen(self, name: str) -> None:
        slot = self.slots[name]
        if slot.screen is not None:
            return
        try:
            slot.screen = slot.load()(self.session, self.stack)
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith(__package__):
                raise
            log.warning("screen %s is not in this build (%s)", name, exc.name)
            slot.placeholder.setText(self.tr("Màn hình này chưa có trong bản này."))
        except Exception:
            log.exception("could not build the %s screen", name)
            slot.placeholder.setText(self.tr("Không mở được màn hình này; lỗi đã được ghi lại."))
        else:
            showing = self.stack.currentWidget() is slot.placeholder
            self.stack.insertWidget(self.stack.indexOf(slot.placeholder), slot.screen)
            if showing:  # before the placeholder goes: removing the current page costs more
                self.stack.setCurrentWidget(slot.screen)
            self.stack.removeWidget(slot.placeholder)
            slot.placeholder.deleteLater()
            if name == "handback" and self._pending_hand_back:
                self.hand_back(self._pending_hand_back)
        self.screen_loaded.emit(name)

    # ---- requests from the screens -----------------------------------------------------------

    def open_dossier(self, code: str) -> None:
        """Show a dossier's details (a scan, a search result, a hand-back), once it is read."""
        if not self.session.may(Permission.VIEW_DOSSIERS):
            return  # locked (a scan at the log-in screen), or an administrator
        existing = self._dialogs.get(code)
        if existing is not None and isValid(existing):
            existing.raise_()
            existing.activateWindow()
            return
        if code in self._opening:
            return  # scanned twice: one window
        self._opening.add(code)

        def read(desk):  # type: ignore[no-untyped-def]
            from .find.dossier_dialog import read_view

            return read_view(desk, code)

        QueryOp(self.session, parent=self, op=read,
                success=lambda view: self._show_dossier(code, view)) \
            .failure(lambda error: self._not_opened(code, error)).run()

    def _show_dossier(self, code: str, view: object) -> None:
        self._opening.discard(code)
        try:
            dialog = _dossier_dialog()(self.session, view, self)
        except Exception:
            log.exception("could not open the dossier %s", code)
            self._tell(self.tr("Không mở được hồ sơ {code}.").format(code=code))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs[code] = dialog
        dialog.destroyed.connect(lambda *_, c=code: self._dialogs.pop(c, None))
        dialog.show()

    def _not_opened(self, code: str, error: BaseException) -> None:
        self._opening.discard(code)
        if isinstance(error, NotFound):
            self._tell(self.tr("Không tìm thấy hồ sơ có mã {code}.").format(code=code))
        else:
            self._tell(error_message(error))

    def hand_back(self, code: str) -> None:
        """Switch to the hand-back screen on a dossier."""
        self.show_screen("handback")
        screen = self.slots["handback"].screen
        if screen is None:
            self._pending_hand_back = code  # loaded as soon as the screen is built
            return
        self._pending_hand_back = None
        screen.load(code)

    def _tell(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.windowTitle(), message,
                          QMessageBox.StandardButton.NoButton, self)
        box.addButton(self.tr("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ---- window ------------------------------------------------------------------------------

    def open_settings(self) -> None:
        SettingsDialog(self.session, self).open()

    def show_on_screen(self) -> None:
        """Maximised on a small screen (1366×768), else at the default size."""
        screen = self.screen().availableGeometry()
        if screen.width() <= DEFAULT_SIZE[0] + 100 or screen.height() <= DEFAULT_SIZE[1] + 60:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.leave_guard.asks_before_closing():
            event.ignore()  # asked: closed again once the clerk agrees
            return
        if self.back_up_on_close and not self.failed_to_open \
                and not self.backups.exit_backup_done:
            # A backup first (if anything was written since the last one): the window closes
            # when it is done, whether it worked or not (a failure shows at the next start).
            self.back_up_on_close = False
            if self.backups.back_up_on_exit(self, self.close):  # 0: the workers are closed
                event.ignore()
                return
        if self.scanner is not None:
            self.scanner.uninstall()
        self.sync.stop()
        super().closeEvent(event)


class SettingsDialog(QDialog):
    """The language of the window (used from the next start) and the provincial gateway.

    What is stored is read, and saved, by ops off the window's thread; the dialog closes once
    the desk accepted everything (a refusal is shown in the sync page, and it stays open).
    """

    loaded = Signal()  # the stored language is shown

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Cài đặt"))
        self.setMinimumWidth(560)
        self.language = QComboBox(self)
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setEnabled(False)  # until the stored choice is read
        note = QLabel(self.tr("Ngôn ngữ mới được dùng từ lần mở ứng dụng tiếp theo."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("Ngôn ngữ:"), self.language)
        self.calendar_button = QPushButton(self.tr("Lịch làm việc…"))
        self.calendar_button.setToolTip(self.tr(
            "Ngày nghỉ, ngày làm việc bù và căn cứ của từng ngày; nhập thông báo lịch mới"))
        self.calendar_button.clicked.connect(self.open_calendar)
        form.addRow(self.tr("Ngày làm việc:"), self.calendar_button)
        # IT (an administrator, once accounts land): backups and the health check.
        it_row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Sao lưu và khôi phục…"))
        self.backup_button.clicked.connect(self.open_backups)
        self.doctor_button = QPushButton(self.tr("Kiểm tra hệ thống…"))
        self.doctor_button.clicked.connect(self.open_doctor)
        it_row.addWidget(self.backup_button)
        it_row.addWidget(self.doctor_button)
        it_row.addStretch(1)
        form.addRow(self.tr("Quản trị:"), it_row)
        self.calendar_button.setEnabled(session.may(Permission.CALENDAR))
        self.backup_button.setEnabled(session.may(Permission.BACKUP))
        self.doctor_button.setEnabled(session.may(Permission.STATION_SETUP))
        buttons, self.save_button = dialog_buttons(self, self.tr("Lưu"), self.tr("Hủy"))
        from .sync.settings_page import SyncSettingsPage

        self.sync_page = SyncSettingsPage(session, self)
        self.sync_page.saved.connect(self._saved)
        self.sync_page.refused.connect(lambda: self.save_button.setEnabled(True))
        layout = dialog_layout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.sync_page)
        layout.addWidget(buttons)
        QueryOp(session, parent=self, op=i18n.get_language, success=self._show_language) \
            .quietly().run()

    def _show_language(self, language: str) -> None:
        self.language.setCurrentIndex(self.language.findData(language))
        self.language.setEnabled(True)
        self.loaded.emit()

    def open_backups(self) -> QDialog:
        from .backup.dialog import BackupDialog

        dialog = BackupDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_doctor(self) -> QDialog:
        from .doctor.dialog import DoctorDialog

        dialog = DoctorDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_calendar(self) -> QDialog:
        from .calendar.dialog import CalendarDialog

        dialog = CalendarDialog(self.session, self)
        dialog.open()
        return dialog

    def accept(self) -> None:
        """"Lưu": the gateway settings and the language in one op; closed when both are kept."""
        language = self.language.currentData()
        self.save_button.setEnabled(False)
        self.sync_page.save(also=lambda desk: i18n.set_language(desk, language))

    def _saved(self) -> None:
        super().accept()


def _idle_minutes(desk) -> int:  # type: ignore[no-untyped-def]
    from .login.lock import IDLE_KEY, idle_minutes

    return idle_minutes(desk.setting(IDLE_KEY))


NAV_STYLE = """
QFrame#nav { background: #1f4e79; }
QFrame#nav QToolButton {
    color: white; border: none; border-radius: 4px; padding: 6px 8px; text-align: left;
}
QFrame#nav QToolButton:hover { background: #2e6aa3; }
QFrame#nav QToolButton:checked { background: white; color: #1f4e79; font-weight: bold; }
"""


def build_main_window(session: Session, *, lazy: bool = False) -> MainWindow:
    """The main window of a session; its screens built now, or after it is shown if `lazy`."""
    window = MainWindow(session)
    if lazy:
        window.load_screens_later()
    else:
        window.load_screens()
    return window

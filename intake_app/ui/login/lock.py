"""The screen lock's idle timer: no key, click or mouse move for the configured minutes.

The minutes are the station's setting `ui.idle_lock_minutes` (default 10; 0 never locks by
itself), read when someone logs in. Ctrl+L locks at once (the main window's action).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ...domain.accounts import DEFAULT_IDLE_MINUTES, IDLE_KEY, MAX_IDLE_MINUTES

__all__ = ["IDLE_KEY", "IdleWatch", "idle_minutes"]

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def idle_minutes(value: object) -> int:
    """The stored setting as minutes (anything unusable: the default)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_IDLE_MINUTES:
        return value
    return DEFAULT_IDLE_MINUTES


class IdleWatch(QObject):
    """Emits `idle` once nobody touched the application for `interval_ms`; restarted by any
    key, click or move. Watching only while someone is logged in (`start`, `stop`)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(DEFAULT_IDLE_MINUTES)
        self._installed = False

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        if self.minutes > 0:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # from now again
        return False

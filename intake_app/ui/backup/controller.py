"""The window's backups: taken when due (at start, then every half hour's look) and when the
window closes, on the lane for long work; the status bar follows `status_changed`.

An automatic backup that fails says nothing in a box (the clerk is not IT): the status bar
shows it until one works, and the next look tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..operations import QueryOp
from ..session import Session

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 30 * 60 * 1000  # a PC left open overnight gets its daily backup


class BackupController(QObject):
    """Takes the automatic backups of a session's station and says how the last one went."""

    status_changed = Signal(object)  # intake_app.services.backups.BackupStatus
    made = Signal(object)  # BackupInfo of a backup just made

    def __init__(self, session: Session):
        super().__init__(session)  # a child of the session: `of(session)` finds it
        self.session = session
        self.last_status: Any = None
        self.exit_backup_done = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(lambda: self.run_if_due("daily"))

    @classmethod
    def find(cls, session: Session) -> BackupController | None:
        return session.findChild(cls)

    @classmethod
    def of(cls, session: Session) -> BackupController:
        return cls.find(session) or cls(session)

    def start(self) -> None:
        """The first look (a day not yet backed up, e.g. the PC was off at closing), then one
        every half hour."""
        self.run_if_due("start")
        self._timer.start()

    def run_if_due(self, kind: str) -> int:
        return QueryOp(self.session, parent=None,
                       op=lambda desk: desk.backups.run_if_due(kind),
                       success=self._made).failure(self._failed).quietly().long().run()

    def back_up_now(self, parent: QWidget, done: Callable[[Any], None],
                    failed: Callable[[BaseException], None]) -> int:
        """"Sao lưu ngay" (an administrator): with a progress window."""
        def success(info: Any) -> None:
            self._made(info)
            done(info)

        def failure(error: BaseException) -> None:
            self._failed(error)
            failed(error)

        return QueryOp(self.session, parent=parent,
                       op=lambda desk: desk.backups.make(kind="manual"), success=success) \
            .failure(failure).with_progress(QCoreApplication.translate(
                "Backups", "Đang sao lưu dữ liệu…")).long().run()

    def back_up_on_exit(self, parent: QWidget, then: Callable[[], None]) -> int:
        """When the window closes: a backup if anything was written since the last good one;
        `then` runs afterwards whatever happened (the failure stays recorded for the next
        start's status bar)."""
        def backup(desk: Any) -> Any:
            if not desk.backups.changed_since_last() and desk.backups.status().failing is None:
                return None
            return desk.backups.make(kind="exit")

        def finish(_result: Any) -> None:
            self.exit_backup_done = True
            then()

        return QueryOp(self.session, parent=parent, op=backup, success=finish) \
            .failure(finish).with_progress(QCoreApplication.translate(
                "Backups", "Đang sao lưu dữ liệu trước khi thoát…")).long().run()

    def refresh(self) -> int:
        return QueryOp(self.session, parent=None, op=lambda desk: desk.backups.status(),
                       success=self._publish).quietly().latest((self, "status")).run()

    def _made(self, info: Any) -> None:
        if info is not None:
            self.made.emit(info)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        log.warning("automatic backup failed: %s", getattr(error, "detail", error))
        self.refresh()

    def _publish(self, status: Any) -> None:
        self.last_status = status
        self.status_changed.emit(status)

"""Long work (a year's log as PDF) off the window's thread, on its own connection.

`Desk` is not thread-safe, so a job opens its own `Desk` on the same data folder (SQLite
with WAL lets it read, and seal closed days, while the window keeps working) and closes it
when done. The result or the exception comes back on the window's thread through `done`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QThread, Signal

from ...desk import Desk

log = logging.getLogger(__name__)

_running: set[DeskJob] = set()  # kept alive until finished, whoever started them


class DeskJob(QThread):
    """Run `work(desk)` in a thread; `done(result, error)` is emitted on the window's thread."""

    done = Signal(object, object)  # result (or None), exception (or None)

    def __init__(self, data_dir: Path, clock: Callable[[], datetime],
                 work: Callable[[Desk], Any]):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.clock = clock
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished.connect(self._report)

    def run(self) -> None:  # the worker thread
        try:
            with Desk(self.data_dir, clock=self.clock) as desk:
                self.result = self.work(desk)
        except Exception as exc:  # noqa: BLE001 - handed to the window, which says it
            self.error = exc

    def start_job(self) -> None:
        _running.add(self)
        app = QCoreApplication.instance()
        if app is not None:  # quitting meanwhile: let the file be finished first
            app.aboutToQuit.connect(self.wait)
        self.start()

    def _report(self) -> None:  # the window's thread (QThread.finished is queued here)
        _running.discard(self)
        if self.error is not None and not isinstance(self.error, ValueError | OSError):
            log.error("background job failed", exc_info=self.error)
        self.done.emit(self.result, self.error)
        self.deleteLater()

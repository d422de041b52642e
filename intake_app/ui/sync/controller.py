"""The window's side of the background sync: one `SyncController` per session.

The runner (`intake_app.sync.runner`) works in its own thread with its own Desk; it reports
through `status_changed` and `sync_finished`, emitted from that thread and delivered to the
window's thread by queued connections. The controller is a child of the session, so the status
bar, the sync screen and the settings page find the same one (`SyncController.of(session)`).
A change made in the window (a new dossier, a step) wakes the runner; the state read after a
local change is read by an op off the window's thread (`refresh`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ..operations import Changes, QueryOp
from ..session import Session

log = logging.getLogger(__name__)

QUEUED = Qt.ConnectionType.QueuedConnection
STOP_TIMEOUT_S = 5.0


class SyncController(QObject):
    """Starts, wakes and stops the background sync; relays its state to the window."""

    status_changed = Signal(object)  # intake_app.sync.service.SyncStatus
    sync_finished = Signal(object)  # intake_app.sync.engine.SyncResult
    office_applied = Signal(object)  # intake_app.store.office.FeedApplied (office hub's feed)

    def __init__(self, session: Session, *, runner_options: dict[str, Any] | None = None):
        super().__init__(session)  # a child of the session: `of(session)` finds it
        self.session = session
        self.runner_options = dict(runner_options or {})
        self.runner: Any = None
        self.feed: Any = None  # the office hub's feed, for a counter that joined an office
        self.last_status: Any = None
        self.last_result: Any = None
        self.status_changed.connect(self._remember_status, QUEUED)
        self.sync_finished.connect(self._finished, QUEUED)
        self.office_applied.connect(self._office_applied, QUEUED)
        session.changed.connect(self._changed)

    @classmethod
    def find(cls, session: Session) -> SyncController | None:
        return session.findChild(cls)

    @classmethod
    def of(cls, session: Session, **options: Any) -> SyncController:
        """The session's controller, made on first use (not started)."""
        return cls.find(session) or cls(session, **options)

    # ---- control -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.running

    def start(self) -> None:
        """Start the background thread (the first sync runs at once); never for a window that
        closed before its delayed first sync came (its session is closed)."""
        if self.running or self.session.ops.closed:
            return
        from ...sync.office_feed import OfficeFeed
        from ...sync.runner import SyncRunner

        self.runner = SyncRunner(self.session.data_dir, on_status=self.status_changed.emit,
                                 on_result=self.sync_finished.emit, **self.runner_options)
        self.runner.start()
        # In an office the other counters' dossiers come from the hub's feed (its thread ends
        # at once on a counter that joined no office).
        self.feed = OfficeFeed(self.session.data_dir, on_applied=self.office_applied.emit,
                               only_if_joined=True)
        self.feed.start()

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> bool:
        """Stop the thread (on closing the window); True when it has stopped in time."""
        if self.feed is not None:
            self.feed.stop(0.5)  # a long-poll in flight ends with the process (daemon)
        if self.runner is None:
            return True
        stopped = self.runner.stop(timeout)
        if not stopped:
            log.warning("sync thread still busy after %.0f s; leaving it (daemon)", timeout)
        return stopped

    def sync_now(self) -> None:
        """"Đồng bộ ngay": at once, also past a refused token or envelope (one try)."""
        if self.runner is None:
            self.start()
        self.runner.sync_now()

    def refresh(self) -> None:
        """Read the state again (after a local change) and publish it (`status_changed`)."""
        QueryOp(self.session, parent=None, op=lambda desk: desk.sync.status(),
                success=self._publish).quietly().latest((self, "status")).run()

    def _publish(self, status: Any) -> None:
        if self.runner is not None:
            status = status.live(online=self.runner.online)
        elif self.last_status is not None:
            status = status.live(online=self.last_status.online)
        self.last_status = status
        self.status_changed.emit(status)

    # ---- from the thread ---------------------------------------------------------------------

    @Slot(object)
    def _remember_status(self, status: Any) -> None:
        self.last_status = status

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self.last_result = result
        codes = list(dict.fromkeys(result.changed_codes))  # the province changed them
        sent = bool(getattr(result.send, "sent", 0))  # events left the outbox
        if codes or sent:
            self.session.announce(Changes.of_dossiers(codes, outbox=sent), self)

    @Slot(object)
    def _office_applied(self, applied: Any) -> None:
        """Other counters' changes reached this copy: the screens showing them refresh."""
        self.session.announce(Changes.of_dossiers(list(applied.codes), outbox=False), self)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or self.runner is None or not changes.outbox:
            return
        self.runner.nudge()  # a new event to send: sync soon, unless backing off

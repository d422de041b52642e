"""What every screen shares: the station, the clerk, the operations runner and change signals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..domain.clock import now_vn, to_vn
from ..domain.station import StationSettings
from .operations import Changes, Operations

if TYPE_CHECKING:
    from ..desk import Desk


class Session(QObject):
    """The station and the clerk of this window, the runner of its desk operations, and the
    signals screens use to talk.

    Screens never call a `Desk` themselves: they run `QueryOp`s and `CollectionOp`s
    (`intake_app.ui.operations`) on `ops`, whose worker threads own their own connections.
    Screens never talk to each other directly either: a change made through `ops` is announced
    as `changed(changes, initiator)` and each screen refreshes what it shows; a screen that
    wants a dossier shown emits `open_dossier_requested`, and the main window decides where.
    The station's settings are read once, at start-up (they change only with `intake-app init`).
    """

    changed = Signal(object, object)  # Changes, initiator (the object that asked, or None)
    open_dossier_requested = Signal(str)  # dossier code: show its details
    hand_back_requested = Signal(str)  # dossier code: open the hand-back screen on it

    def __init__(self, data_dir: Path, clerk: str, *, station: StationSettings,
                 clock: Callable[[], datetime] = now_vn, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.clerk = clerk
        self.station = station
        self._clock = clock
        self.ops = Operations(self.data_dir, clock, self)
        self.ops.changed.connect(self.announce)

    @classmethod
    def for_desk(cls, desk: Desk, clerk: str, parent: QObject | None = None) -> Session:
        """A session on the data folder of `desk` (opened at start-up), with its clock.

        Only the folder, the clock and the station are taken: the window never uses `desk`
        (its operations open their own connections).
        """
        return cls(desk.data_dir, clerk, station=desk.station, clock=desk.clock, parent=parent)

    def now(self) -> datetime:
        """The station's clock (local time): what the screens show as "now"."""
        return to_vn(self._clock())

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.now

    def announce(self, changes: Changes, initiator: object | None = None) -> None:
        """Tell every screen what changed (the runner does it after each change)."""
        self.changed.emit(changes, initiator)

    def close(self) -> bool:
        """Finish the operations asked for and close the workers' connections."""
        return self.ops.close()

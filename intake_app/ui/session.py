"""What every screen shares: the station, the logged-in account, the operations runner and
change signals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..domain.accounts import Account, Permission
from ..domain.clock import now_vn, to_vn
from ..domain.station import StationSettings
from .operations import Changes, Operations

if TYPE_CHECKING:
    from ..desk import Desk


class Session(QObject):
    """The station and the account logged in at this window, the runner of its desk
    operations, and the signals screens use to talk.

    Every op runs as the account logged in when it was asked for (`account`; None while the
    window is locked: the desk then refuses every change). Logging in, locking and switching
    clerk only change `account` and say so (`account_changed`).

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
    account_changed = Signal(object)  # the Account logged in now, or None (locked)

    def __init__(self, data_dir: Path, account: Account | None = None, *,
                 station: StationSettings, clock: Callable[[], datetime] = now_vn,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.account = account
        self.station = station
        self._clock = clock
        self.ops = Operations(self.data_dir, clock, self, acting=self.login)
        self.ops.changed.connect(self.announce)

    @classmethod
    def for_desk(cls, desk: Desk, account: Account | None = None,
                 parent: QObject | None = None) -> Session:
        """A session on the data folder of `desk` (opened at start-up), with its clock.

        Only the folder, the clock and the station are taken: the window never uses `desk`
        (its operations open their own connections).
        """
        return cls(desk.data_dir, account, station=desk.station, clock=desk.clock,
                   parent=parent)

    # ---- who is working ------------------------------------------------------------------------

    def login(self) -> str | None:
        """The login the next op runs as (None: locked, nobody)."""
        return self.account.login if self.account is not None else None

    @property
    def clerk(self) -> str:
        """The logged-in account's name, as history entries and slips record it."""
        return self.account.display_name if self.account is not None else ""

    def may(self, permission: Permission) -> bool:
        """Whether the account logged in may do it (screens hide or disable what it may not;
        the desk refuses it anyway)."""
        return self.account is not None and self.account.may(permission) \
            and not self.account.must_change_password

    def set_account(self, account: Account | None) -> None:
        """Log in (an Account the desk authenticated), switch clerk, or lock (None)."""
        self.account = account
        self.account_changed.emit(account)

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

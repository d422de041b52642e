"""What every screen shares: the open desk, the clerk at the counter, and change signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..desk import Desk


class Session(QObject):
    """The desk and the clerk of this window, plus the signals screens use to talk.

    Screens never talk to each other directly: a screen that changed a dossier emits
    `dossier_changed`; a screen that wants a dossier shown emits `open_dossier_requested`,
    and the main window decides where to show it.
    """

    dossier_changed = Signal(str)  # dossier code: stamped, returned, reprinted…
    open_dossier_requested = Signal(str)  # dossier code: show its details
    hand_back_requested = Signal(str)  # dossier code: open the hand-back screen on it

    def __init__(self, desk: Desk, clerk: str, parent: QObject | None = None):
        super().__init__(parent)
        self.desk = desk
        self.clerk = clerk

"""The status bar: station, unit, clerk, dossiers waiting to sync, and the PC clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ..domain.clock import now_vn
from .session import Session

CLOCK_INTERVAL_MS = 20_000
WAITING_STATES = ("pending", "sending")  # outbox events not yet accepted by the province
SEPARATOR_STYLE = "border-style: solid; border-width: 0 0 0 1px; border-color: #b8b8b8;"


class StatusBar(QStatusBar):
    """Permanent labels along the bottom of the main window."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = now_vn):
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.setStyleSheet("QStatusBar::item { border: none; }")
        self._session = session
        self._clock = clock
        self._labels: list[QLabel] = []
        station = session.desk.station
        self.station_label = self._add(self.tr("Quầy số {n}").format(n=station.station_no))
        self.unit_label = self._add(f"{station.unit_name} ({station.unit_code})", stretch=1)
        self.clerk_label = self._add(self.tr("Cán bộ: {name}").format(name=session.clerk))
        self.outbox_label = self._add("")
        self.clock_label = self._add("")
        self._timer = QTimer(self)
        self._timer.setInterval(CLOCK_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh_clock)
        self._timer.start()
        session.dossier_changed.connect(self.refresh_outbox)
        self.refresh_outbox()
        self.refresh_clock()

    def _add(self, text: str, stretch: int = 0) -> QLabel:
        label = QLabel(text, self)
        label.setContentsMargins(8, 0, 8, 0)
        if self._labels:
            label.setStyleSheet(SEPARATOR_STYLE)
        self._labels.append(label)
        self.addPermanentWidget(label, stretch)
        return label

    def waiting_count(self) -> int:
        counts = self._session.desk.outbox_counts()
        return sum(counts.get(state, 0) for state in WAITING_STATES)

    def refresh_outbox(self, *_: object) -> None:
        self.outbox_label.setText(self.tr("Chờ đồng bộ: {n}").format(n=self.waiting_count()))

    def refresh_clock(self) -> None:
        self.clock_label.setText(f"{self._clock():%d/%m/%Y %H:%M}")

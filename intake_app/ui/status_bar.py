"""The status bar: station, unit, clerk, sync (online, waiting, parked, last success, clock
warning), the last backup (or why none could be made) and the PC clock.

The sync labels follow the session's `SyncController` (found, or attached later with
`attach_sync`): its runner reports from its own thread and the labels are updated on the
window's thread. Without a controller they show the waiting count from the outbox only, read
by a quiet op after each change that touched the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ..domain.clock import parse_iso
from .operations import Changes, QueryOp
from .session import Session
from .sync.texts import stop_text

CLOCK_INTERVAL_MS = 20_000
SEPARATOR_STYLE = "border-style: solid; border-width: 0 0 0 1px; border-color: #b8b8b8;"
ONLINE_STYLE = SEPARATOR_STYLE + " color: #0f5132;"
OFFLINE_STYLE = SEPARATOR_STYLE + " color: #6c4a00;"
ALERT_STYLE = SEPARATOR_STYLE + " color: #842029; font-weight: bold;"


class StatusBar(QStatusBar):
    """Permanent labels along the bottom of the main window."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] | None = None, sync: Any = None):
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.setStyleSheet("QStatusBar::item { border: none; }")
        self._session = session
        self._clock = clock or session.now
        self._labels: list[QLabel] = []
        self.sync_status: Any = None
        station = session.station
        self.station_label = self._add(self.tr("Quầy số {n}").format(n=station.station_no))
        self.unit_label = self._add(f"{station.unit_name} ({station.unit_code})", stretch=1)
        self.clerk_label = self._add("")
        self._show_account()
        session.account_changed.connect(lambda _account: self._show_account())
        self.online_label = self._add("")
        self.outbox_label = self._add("")
        self.parked_label = self._add("")
        self.last_sync_label = self._add("")
        self.clock_warning_label = self._add("")
        # The administrator chose to keep the keys in a file (a PC without a credential store):
        # said on every start, as long as it lasts.
        self.keys_warning_label = self._add(self.tr("⚠ Khóa dữ liệu nằm trong tệp không được "
                                                    "bảo vệ"))
        self.keys_warning_label.setStyleSheet(ALERT_STYLE)
        self.keys_warning_label.setToolTip(self.tr(
            "Máy này không có kho lưu mật khẩu của hệ điều hành; quản trị viên đã chọn giữ khóa "
            "mã hóa của quầy trong tệp station-keys.unprotected.json, chỉ được bảo vệ bằng "
            "quyền truy cập tệp. Ai đọc được tệp đó thì đọc được dữ liệu."))
        self.keys_warning_label.setVisible(False)  # until the worker says how keys are kept
        QueryOp(session, parent=self, op=lambda desk: desk.keys.protection,
                success=lambda kept: self.keys_warning_label.setVisible(kept == "key-file")) \
            .quietly().run()
        self.backup_label = self._add("")  # the last backup, or why none could be made
        self.clock_label = self._add("")
        for label in (self.online_label, self.parked_label, self.last_sync_label,
                      self.clock_warning_label, self.backup_label):
            label.setVisible(False)
        self._timer = QTimer(self)
        self._timer.setInterval(CLOCK_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh_clock)
        self._timer.start()
        session.changed.connect(self._changed)
        self.refresh_outbox()
        self.refresh_clock()
        if sync is None:
            from .sync.controller import SyncController

            sync = SyncController.find(session)
        if sync is not None:
            self.attach_sync(sync)

    def _show_account(self) -> None:
        account = self._session.account
        self.clerk_label.setText(
            self.tr("Cán bộ: {name}").format(name=account.display_name) if account is not None
            else self.tr("Chưa đăng nhập"))

    def _add(self, text: str, stretch: int = 0) -> QLabel:
        label = QLabel(text, self)
        label.setContentsMargins(8, 0, 8, 0)
        if self._labels:
            label.setStyleSheet(SEPARATOR_STYLE)
        self._labels.append(label)
        self.addPermanentWidget(label, stretch)
        return label

    def attach_sync(self, controller: Any) -> None:
        """Follow a SyncController's reports (queued onto the window's thread)."""
        from .sync.controller import QUEUED

        controller.status_changed.connect(self.show_sync_status, QUEUED)
        if controller.last_status is not None:
            self.show_sync_status(controller.last_status)

    def attach_backups(self, controller: Any) -> None:
        """Follow a BackupController's reports: the last good backup, or a failure until a
        backup works again."""
        controller.status_changed.connect(self.show_backup_status)
        if controller.last_status is not None:
            self.show_backup_status(controller.last_status)

    @Slot(object)
    def show_backup_status(self, status: Any) -> None:
        label = self.backup_label
        last = status.last_good
        if status.failing is not None:
            label.setText(self.tr("⚠ Chưa sao lưu được"))
            label.setStyleSheet(ALERT_STYLE)
            label.setToolTip(status.failing.error or "")
        elif last is None:
            label.setText(self.tr("⚠ Chưa có bản sao lưu"))
            label.setStyleSheet(ALERT_STYLE)
            label.setToolTip(self.tr("Quản trị viên: Cài đặt → Sao lưu và khôi phục."))
        else:
            moment = parse_iso(last.started_at)
            label.setText(self.tr("Sao lưu lúc {time}").format(time=f"{moment:%H:%M %d/%m}"))
            label.setStyleSheet(OFFLINE_STYLE if status.same_disk else SEPARATOR_STYLE)
            label.setToolTip(self.tr(
                "Bản sao lưu nằm cùng ổ đĩa với dữ liệu: hãy chọn ổ USB hoặc ổ đĩa thứ hai "
                "(Cài đặt → Sao lưu và khôi phục).") if status.same_disk else str(status.place))
        label.setVisible(True)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox or changes.sync:
            self.refresh_outbox()

    def refresh_outbox(self) -> None:
        """Read the outbox's counts again (off the window's thread) and show them."""
        QueryOp(self._session, parent=self,
                op=lambda desk: desk.outbox_dossier_counts(),
                success=self._show_outbox).quietly().latest((self, "outbox")).run()

    def _show_outbox(self, dossiers: dict[str, int]) -> None:
        # Dossiers, as the sync screen counts them (a dossier with three updates waiting is
        # one dossier waiting), never the outbox's events.
        self.outbox_label.setText(self.tr("Chờ đồng bộ: {n}").format(n=dossiers["waiting"]))
        if self.sync_status is not None:  # refused dossiers move with a retry or a correction
            self._show_parked(dossiers["rejected"])

    def refresh_clock(self) -> None:
        self.clock_label.setText(f"{self._clock():%d/%m/%Y %H:%M}")

    # ---- sync --------------------------------------------------------------------------------

    @Slot(object)
    def show_sync_status(self, status: Any) -> None:
        self.sync_status = status
        self.refresh_outbox()  # waiting and refused, in dossiers, read off the window's thread
        self._show_online(status)
        if status.last_success:
            moment = parse_iso(status.last_success)
            self.last_sync_label.setText(self.tr("Đồng bộ lúc {time}").format(
                time=f"{moment:%H:%M %d/%m}"))
            self.last_sync_label.setVisible(True)
        else:
            self.last_sync_label.setVisible(False)
        if status.clock_warning:
            self.clock_warning_label.setText(self.tr(
                "Đồng hồ máy tính lệch {n} phút so với máy chủ").format(
                    n=status.clock_skew_minutes))
            self.clock_warning_label.setStyleSheet(ALERT_STYLE)
            self.clock_warning_label.setToolTip(self.tr(
                "Giấy tiếp nhận ghi giờ của máy tính này: hãy chỉnh lại đồng hồ máy tính."))
            self.clock_warning_label.setVisible(True)
        else:
            self.clock_warning_label.setVisible(False)

    def _show_online(self, status: Any) -> None:
        label = self.online_label
        if not status.configured:
            text, style = self.tr("Chưa cài đặt đồng bộ"), SEPARATOR_STYLE
        elif status.auth_error and getattr(status, "office", None):
            text, style = self.tr("Máy chủ văn phòng đã thu hồi quyền của quầy này. Nhờ IT "
                                  "ghép nối lại."), ALERT_STYLE
        elif status.auth_error:
            text, style = self.tr("Mã truy cập bị từ chối, đã dừng đồng bộ"), ALERT_STYLE
        elif getattr(status, "office", None):
            text, style, tip = self._office_text(status)
            label.setText(text)
            label.setStyleSheet(style)
            label.setToolTip(tip)
            label.setVisible(True)
            return
        elif status.syncing:
            text, style = self.tr("Đang đồng bộ…"), ONLINE_STYLE
        elif status.online:
            text, style = self.tr("Đã kết nối máy chủ tỉnh"), ONLINE_STYLE
        elif status.online is False:
            text, style = self.tr("Mất kết nối máy chủ tỉnh"), OFFLINE_STYLE
        else:
            text, style = self.tr("Chưa kiểm tra kết nối"), SEPARATOR_STYLE
        label.setText(text)
        label.setStyleSheet(style)
        error = status.last_error
        label.setToolTip(stop_text(error.get("kind")) if isinstance(error, dict) else "")
        label.setVisible(True)

    def _office_text(self, status: Any) -> tuple[str, str, str]:
        """A counter in an office (docs/office-hub.md §9): the hub, the province as the hub
        sees it, and how far behind this counter is (unsent here, feed not yet applied)."""
        from ..domain.office import behind

        office = status.office
        hub = office.get("hub") or {}
        province = hub.get("province") or {}
        lag = behind(office.get("feed"))
        if status.online is False:
            text, style = self.tr("Văn phòng: mất kết nối"), OFFLINE_STYLE
        else:
            text, style = self.tr("Văn phòng: đã kết nối"), ONLINE_STYLE
        text += " · " + self.tr("chưa gửi {n}").format(n=status.waiting)
        if lag:
            text += " · " + self.tr("đang cập nhật {n} thay đổi").format(n=lag)
        held = int(province.get("pending") or 0)
        if province.get("reachable") is False:
            text += " · " + self.tr("Tỉnh: mất kết nối · máy chủ văn phòng giữ {n} thay đổi"
                                    ).format(n=held)
        elif province.get("last_success"):
            moment = parse_iso(province["last_success"])
            text += " · " + self.tr("Tỉnh: đã gửi lúc {time}").format(time=f"{moment:%H:%M}")
        tip = self.tr("Máy chủ văn phòng: {url}").format(url=office.get("hub_url") or "")
        return text, style, tip

    def _show_parked(self, parked: int) -> None:
        self.parked_label.setText(self.tr("Bị từ chối: {n}").format(n=parked))
        self.parked_label.setStyleSheet(ALERT_STYLE if parked else SEPARATOR_STYLE)
        self.parked_label.setVisible(parked > 0)

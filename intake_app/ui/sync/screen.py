"""Đồng bộ (a supervisor's screen): what the province has not taken, and why.

Parked events (rejected by the gateway) with their dossier, version, kind, reject code and
message; "Gửi lại" puts the selected ones back in the queue once the dossier (or the province's
catalogue) was corrected; "Đồng bộ ngay" syncs at once. It also shows the last success, the
last error, a refused batch envelope (422), a count mismatch with the gateway, the clock
warning, and exports / imports USB batch files. The file dialogs are two methods
(`choose_export_path`, `choose_results_path`) that tests replace.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import parse_iso, to_vn
from ..save_guard import checked_save_path
from ..session import Session
from ..widgets import screen_title
from .controller import QUEUED, SyncController

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"
WARNING_STYLE = "color: #664d03; background: #fff3cd; padding: 6px; border-radius: 3px;"
SUCCESS_STYLE = "color: #0f5132; background: #d1e7dd; padding: 6px; border-radius: 3px;"
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _when(text: str | None) -> str:
    if not text:
        return "—"
    try:
        return f"{to_vn(parse_iso(text)):%H:%M:%S %d/%m/%Y}"
    except ValueError:
        return text


class SyncScreen(QWidget):
    """Parked events, the sync state, "Gửi lại", "Đồng bộ ngay", USB export and import."""

    COLUMNS = ("code", "version", "kind", "reject_code", "reject_message", "rejected_at")

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 controller: SyncController | None = None):
        super().__init__(parent)
        self.session = session
        self.controller = controller or SyncController.of(session)
        self.kind_names = {
            "received": self.tr("Tiếp nhận"), "updated": self.tr("Cập nhật"),
            "status_changed": self.tr("Chuyển trạng thái"), "returned": self.tr("Trả kết quả"),
            "voided": self.tr("Hủy"),
        }
        self.code_names = {
            "malformed": self.tr("Sai cấu trúc dữ liệu"),
            "not_nfc": self.tr("Chữ tiếng Việt không đúng chuẩn (NFC)"),
            "unknown_procedure": self.tr("Thủ tục chưa có trong danh mục của tỉnh"),
            "code_conflict": self.tr("Mã hồ sơ đã thuộc hồ sơ khác"),
            "version_conflict": self.tr("Trùng phiên bản đã gửi"),
            "too_large": self.tr("Dữ liệu quá lớn"),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(screen_title(self.tr("Đồng bộ với hệ thống của tỉnh")))

        state = QGroupBox(self.tr("Tình trạng"), self)
        form = QFormLayout(state)
        self.connection_value = QLabel("—", state)
        self.counts_value = QLabel("—", state)
        self.last_success_value = QLabel("—", state)
        self.last_error_value = QLabel("—", state)
        self.last_error_value.setWordWrap(True)
        form.addRow(self.tr("Kết nối:"), self.connection_value)
        form.addRow(self.tr("Sự kiện:"), self.counts_value)
        form.addRow(self.tr("Đồng bộ thành công lần cuối:"), self.last_success_value)
        form.addRow(self.tr("Lỗi gần nhất:"), self.last_error_value)
        layout.addWidget(state)

        self.auth_box = self._notice(layout, ERROR_STYLE)
        self.envelope_box = self._notice(layout, ERROR_STYLE)
        self.mismatch_box = self._notice(layout, WARNING_STYLE)
        self.clock_box = self._notice(layout, WARNING_STYLE)
        self.updates_box = self._notice(layout, WARNING_STYLE)

        self.parked_title = QLabel(self.tr("Sự kiện bị từ chối (không tự gửi lại)"), self)
        layout.addWidget(self.parked_title)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Mã hồ sơ"), self.tr("Phiên bản"), self.tr("Loại"), self.tr("Mã lỗi"),
            self.tr("Nội dung lỗi"), self.tr("Thời điểm"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_dossier)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Gửi lại"), self)
        self.retry_button.setToolTip(self.tr(
            "Đưa các sự kiện đã chọn trở lại hàng chờ gửi (sau khi đã sửa hồ sơ)."))
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_selected)
        self.sync_button = QPushButton(self.tr("Đồng bộ ngay"), self)
        self.sync_button.clicked.connect(self.sync_now)
        self.export_button = QPushButton(self.tr("Xuất tệp USB…"), self)
        self.export_button.clicked.connect(self.export_file)
        self.import_button = QPushButton(self.tr("Nhập tệp kết quả…"), self)
        self.import_button.clicked.connect(self.import_file)
        for button in (self.retry_button, self.sync_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.export_button, self.import_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self.controller.status_changed.connect(self.show_status, QUEUED)
        session.dossier_changed.connect(self._dossier_changed)
        self.refresh()

    def _notice(self, layout: QVBoxLayout, style: str) -> QLabel:
        label = QLabel("", self)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        label.setVisible(False)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        return label

    # ---- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the state and the parked events again (on the window's thread)."""
        self.show_status(self.controller.refresh())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.refresh()

    @Slot(str)
    def _dossier_changed(self, _code: str) -> None:
        if self.isVisible():
            self.refresh()

    @Slot(object)
    def show_status(self, status: Any) -> None:
        self.status = status
        if not status.configured:
            connection = self.tr("Chưa cài đặt địa chỉ máy chủ của tỉnh (Cài đặt).")
        elif status.syncing:
            connection = self.tr("Đang đồng bộ…")
        elif status.online:
            connection = self.tr("Đã kết nối máy chủ tỉnh ({url})").format(url=status.gateway_url)
        elif status.online is False:
            connection = self.tr("Mất kết nối máy chủ tỉnh ({url})").format(
                url=status.gateway_url)
        else:
            connection = self.tr("Chưa kiểm tra ({url})").format(url=status.gateway_url)
        self.connection_value.setText(connection)
        counts = status.counts
        self.counts_value.setText(self.tr(
            "chờ gửi {pending}, đang gửi {sending}, đã gửi {delivered}, bị từ chối {rejected}"
        ).format(**{k: counts.get(k, 0)
                    for k in ("pending", "sending", "delivered", "rejected")}))
        self.last_success_value.setText(_when(status.last_success))
        error = status.last_error
        self.last_error_value.setText(
            f"{_when(error.get('at'))}: {error.get('message', '')}" if error else "—")
        self._show_notice(self.auth_box, status.auth_error and self.tr(
            "Máy chủ tỉnh từ chối mã truy cập của quầy (lỗi {status}); đồng bộ đã dừng. Hãy "
            "nhập mã mới trong Cài đặt rồi bấm \"Đồng bộ ngay\".").format(
                status=status.auth_error.get("status")))
        envelope = status.envelope_error
        self._show_notice(self.envelope_box, envelope and self.tr(
            "Máy chủ tỉnh không nhận gói dữ liệu (lỗi 422: {error} – {message}). Việc gửi "
            "tạm dừng; bấm \"Đồng bộ ngay\" để gửi lại.").format(
                error=envelope.get("error", ""), message=envelope.get("message", "")))
        mismatch = status.mismatch
        self._show_notice(self.mismatch_box, mismatch and self.tr(
            "Số liệu không khớp: máy này đã gửi {se} sự kiện của {sd} hồ sơ, máy chủ tỉnh ghi "
            "nhận {ge} sự kiện của {gd} hồ sơ (kiểm tra lúc {at}).").format(
                se=mismatch.get("station_events"), sd=mismatch.get("station_dossiers"),
                ge=mismatch.get("gateway_events"), gd=mismatch.get("gateway_dossiers"),
                at=_when(mismatch.get("at"))))
        self._show_notice(self.clock_box, status.clock_warning and self.tr(
            "Đồng hồ máy tính lệch {n} phút so với máy chủ. Giấy tiếp nhận ghi giờ của máy "
            "này: hãy chỉnh lại đồng hồ.").format(n=status.clock_skew_minutes))
        self._show_notice(self.updates_box, status.flagged_updates and self.tr(
            "{n} cập nhật từ tỉnh chỉ được ghi vào lịch sử hồ sơ, không đổi được trạng thái "
            "tại quầy (xem lịch sử hồ sơ).").format(n=status.flagged_updates))
        self.sync_button.setEnabled(status.configured)
        if self.isVisible():  # a hidden screen reads the parked events when it is shown
            self._fill_parked()

    def _show_notice(self, box: QLabel, text: Any) -> None:
        box.setVisible(bool(text))
        box.setText(text or "")

    def _fill_parked(self) -> None:
        selected = set(self.selected_event_ids())
        rows = self.session.desk.sync.parked()
        self.parked = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row["code"], str(row["version"]),
                      self.kind_names.get(row["kind"], row["kind"]),
                      row["reject_code"] or "", self._message_text(row),
                      _when(row["rejected_at"]))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(EVENT_ID_ROLE, row["event_id"])
                if c == 3:
                    item.setToolTip(self.code_names.get(row["reject_code"] or "", ""))
                self.table.setItem(r, c, item)
            if row["event_id"] in selected:
                self.table.selectRow(r)
        self.parked_title.setText(self.tr(
            "Sự kiện bị từ chối (không tự gửi lại): {n}").format(n=len(rows)))
        self._selection_changed()

    def _message_text(self, row: dict[str, Any]) -> str:
        explained = self.code_names.get(row["reject_code"] or "")
        message = row["reject_message"] or ""
        return f"{explained}: {message}" if explained and message else explained or message

    def selected_event_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(EVENT_ID_ROLE) for r in rows
                if self.table.item(r, 0) is not None]

    def _selection_changed(self) -> None:
        self.retry_button.setEnabled(bool(self.selected_event_ids()))

    def _open_dossier(self, index: Any) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.session.open_dossier_requested.emit(item.text())

    # ---- actions -----------------------------------------------------------------------------

    def retry_selected(self) -> int:
        """"Gửi lại": the selected parked events back to the queue, then sync at once."""
        ids = self.selected_event_ids()
        if not ids:
            return 0
        changed = self.session.desk.sync.retry_events(ids, actor=self.session.clerk)
        self._say(self.tr("Đã đưa {n} sự kiện trở lại hàng chờ gửi.").format(n=changed),
                  SUCCESS_STYLE)
        self.table.clearSelection()
        self.refresh()
        if changed and self.status.configured:
            self.controller.sync_now()
        return changed

    def sync_now(self) -> None:
        """"Đồng bộ ngay": wakes the background sync (it also lifts a 401/403 or 422 stop)."""
        self.controller.sync_now()
        self._say(self.tr("Đang đồng bộ…"), SUCCESS_STYLE)

    def choose_export_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất tệp đồng bộ"), str(Path.home() / "dong-bo.json.gz"),
            self.tr("Tệp đồng bộ (*.json.gz *.gz);;Tất cả (*)"))
        return Path(name) if name else None

    def choose_results_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Nhập tệp kết quả của tỉnh"), str(Path.home()),
            self.tr("Tệp đồng bộ (*.json.gz *.gz);;Tất cả (*)"))
        return Path(name) if name else None

    def export_file(self) -> dict[str, Any] | None:
        from ...domain.sync_config import SyncConfigError

        path = self.choose_export_path()
        if path is None:
            return None
        if (path := checked_save_path(self, path, asked=path)) is None:
            return None
        try:
            summary = self.session.desk.sync.export(path)
        except SyncConfigError as exc:
            self._say(exc.vi, ERROR_STYLE)
            return None
        except OSError as exc:
            log.warning("export to %s failed: %s", path, exc)
            self._say(self.tr("Không ghi được tệp {path}: {error}").format(path=path, error=exc),
                      ERROR_STYLE)
            return None
        self._say(self.tr("Đã xuất {n} sự kiện chờ gửi ra tệp {path}. Các sự kiện vẫn chờ gửi "
                          "cho đến khi nhập tệp kết quả của tỉnh hoặc có mạng.").format(
                              n=summary["events"], path=path), SUCCESS_STYLE)
        return summary

    def import_file(self) -> dict[str, Any] | None:
        """Import the province's result file: refused (and nothing changed) unless it was
        written for this station, about a batch file exported here; the message says why."""
        from ...domain.errors import DeskError

        path = self.choose_results_path()
        if path is None:
            return None
        try:
            summary = self.session.desk.sync.import_results(path)
        except DeskError as exc:
            log.warning("result file %s refused: %s", path, exc.detail)
            self._say(exc.message, ERROR_STYLE)
            return None
        if summary["already_imported"]:
            self._say(self.tr("Tệp này đã được nhập trước đây; không có gì thay đổi."),
                      SUCCESS_STYLE)
        else:
            self._say(self.tr("Đã nhập tệp kết quả: {d} sự kiện đã gửi, {r} bị từ chối.").format(
                d=summary["delivered"], r=summary["rejected"]), SUCCESS_STYLE)
        self.refresh()
        return summary

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(True)

"""Đồng bộ (a supervisor's screen): which dossiers the province has not taken, and why.

Spoken in dossiers, as a clerk counts them: how many wait to be sent, how many the province
refused (one row per dossier: what it refused, why, and what to do), how many are up to
date. "Gửi lại" puts the selected dossiers' refused updates back in the queue once the
dossier (or the province's catalogue) was corrected; "Đồng bộ ngay" syncs at once. It also
shows the last success, why the last sync stopped, a refused data package, a count mismatch
with the province, the clock warning, and exports / imports USB files. Every reading and
change goes through an op off the window's thread; the English details stay in the log.
The file dialogs are two methods (`choose_export_path`, `choose_results_path`) that tests
replace.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
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
from ..operations import Changed, Changes, CollectionOp, QueryOp, error_message
from ..save_guard import checked_save_path
from ..session import Session
from ..widgets import screen_title
from .controller import QUEUED, SyncController
from .texts import corrected_text, reason_text, stop_text, update_text

if TYPE_CHECKING:
    from ...desk import Desk

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"
WARNING_STYLE = "color: #664d03; background: #fff3cd; padding: 6px; border-radius: 3px;"
SUCCESS_STYLE = "color: #0f5132; background: #d1e7dd; padding: 6px; border-radius: 3px;"
EVENT_IDS_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class RefusedDossier:
    """One dossier with updates the province refused (its parked events, grouped)."""

    code: str
    event_ids: tuple[str, ...]
    kinds: tuple[str, ...]  # what was refused: received, status_changed…
    reasons: tuple[str, ...]  # the reject codes, in order, once each
    refused_at: str | None
    # A correction made since carries the whole dossier again: the state of its update
    # (pending, sending, rejected) while it is not delivered; None when not corrected.
    corrected: str | None = None


def refused_dossiers(rows: list[dict[str, Any]]) -> list[RefusedDossier]:
    """The parked events grouped by dossier, in the order they were first refused. Events a
    correction superseded are never sent again: "Gửi lại" leaves them out."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["code"], []).append(row)
    return [RefusedDossier(
        code, tuple(r["event_id"] for r in events if not r.get("superseded_by")),
        tuple(dict.fromkeys(r["kind"] for r in events)),
        tuple(dict.fromkeys(r["reject_code"] or "" for r in events)),
        max((r["rejected_at"] for r in events if r["rejected_at"]), default=None),
        next((r.get("superseded_by_state") or "pending" for r in reversed(events)
              if r.get("superseded_by")), None),
    ) for code, events in groups.items()]


@dataclass(frozen=True)
class SyncReading:
    """What the screen reads besides the status: refused dossiers and dossier counts."""

    refused: list[RefusedDossier]
    counts: dict[str, int]


def read_sync(desk: Desk) -> SyncReading:
    return SyncReading(refused_dossiers(desk.sync.parked()), desk.outbox_dossier_counts())


def _when(text: str | None) -> str:
    if not text:
        return "—"
    try:
        return f"{to_vn(parse_iso(text)):%H:%M:%S %d/%m/%Y}"
    except ValueError:
        return text


class SyncScreen(QWidget):
    """Refused dossiers, the sync state, "Gửi lại", "Đồng bộ ngay", USB export and import."""

    COLUMNS = ("code", "what", "why", "when")
    read = Signal()  # the refused dossiers and the counts were read and shown
    done = Signal()  # an action (retry, export, import) finished, its message shown

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 controller: SyncController | None = None):
        super().__init__(parent)
        self.session = session
        self.controller = controller or SyncController.of(session)
        self.refused: list[RefusedDossier] = []
        self.status: Any = None
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
        form.addRow(self.tr("Hồ sơ:"), self.counts_value)
        form.addRow(self.tr("Đồng bộ thành công lần cuối:"), self.last_success_value)
        form.addRow(self.tr("Lần đồng bộ gần nhất:"), self.last_error_value)
        layout.addWidget(state)

        self.auth_box = self._notice(layout, ERROR_STYLE)
        self.envelope_box = self._notice(layout, ERROR_STYLE)
        self.mismatch_box = self._notice(layout, WARNING_STYLE)
        self.clock_box = self._notice(layout, WARNING_STYLE)
        self.updates_box = self._notice(layout, WARNING_STYLE)

        self.parked_title = QLabel(self.tr("Hồ sơ bị tỉnh từ chối (không tự gửi lại)"), self)
        layout.addWidget(self.parked_title)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Mã hồ sơ"), self.tr("Thông tin bị từ chối"), self.tr("Lý do và cách xử lý"),
            self.tr("Thời điểm"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(self._open_dossier)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Gửi lại (Ctrl+G)"), self)
        self.retry_button.setToolTip(self.tr(
            "Gửi lại lên tỉnh các hồ sơ đã chọn (sau khi đã sửa hồ sơ, hoặc tỉnh đã bổ sung "
            "danh mục)."))
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_selected)
        self.sync_button = QPushButton(self.tr("Đồng bộ ngay (Ctrl+R)"), self)
        self.sync_button.clicked.connect(self.sync_now)
        self.export_button = QPushButton(self.tr("Xuất tệp USB… (Ctrl+E)"), self)
        self.export_button.clicked.connect(self.export_file)
        self.import_button = QPushButton(self.tr("Nhập tệp kết quả… (Ctrl+O)"), self)
        self.import_button.clicked.connect(self.import_file)
        for keys, button in (("Ctrl+G", self.retry_button), ("Ctrl+R", self.sync_button),
                             ("Ctrl+E", self.export_button), ("Ctrl+O", self.import_button)):
            shortcut = QShortcut(QKeySequence(keys), self, button.animateClick)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
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
        session.changed.connect(self._changed)
        if self.controller.last_status is not None:
            self.show_status(self.controller.last_status)

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
        """Read the state, the refused dossiers and the counts again (off the window's thread)."""
        self.controller.refresh()
        QueryOp(self.session, parent=self, op=read_sync, success=self._show_reading) \
            .failure(lambda error: self._say(error_message(error), ERROR_STYLE)) \
            .quietly().latest((self, "read")).run()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.refresh()

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if self.isVisible() and (changes.outbox or changes.sync or changes.dossiers):
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
        self.last_success_value.setText(_when(status.last_success))
        error = status.last_error
        self.last_error_value.setText(
            self.tr("{when}: {what}").format(when=_when(error.get("at")),
                                             what=stop_text(error.get("kind")))
            if error else self.tr("Không có lỗi."))
        self._show_notice(self.auth_box, status.auth_error and self.tr(
            "Máy chủ tỉnh từ chối mã truy cập của quầy; việc đồng bộ đã dừng. Hãy nhập mã mới "
            "do tỉnh cấp trong Cài đặt rồi bấm «Đồng bộ ngay»."))
        envelope = status.envelope_error
        self._show_notice(self.envelope_box, envelope and self.tr(
            "Máy chủ tỉnh không nhận gói dữ liệu gửi lên; việc gửi tạm dừng. Bấm «Đồng bộ ngay» "
            "để gửi lại; nếu vẫn không được, báo bộ phận kỹ thuật (mã lỗi: {error})."
        ).format(error=envelope.get("error", "") if envelope else ""))
        mismatch = status.mismatch
        self._show_notice(self.mismatch_box, mismatch and self.tr(
            "Số liệu không khớp với máy chủ tỉnh: máy này đã gửi {sd} hồ sơ ({se} lần cập "
            "nhật), máy chủ tỉnh ghi nhận {gd} hồ sơ ({ge} lần cập nhật), kiểm tra lúc {at}. "
            "Hãy báo bộ phận kỹ thuật.").format(
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
        if self.isVisible():  # a hidden screen reads the refused dossiers when it is shown
            QueryOp(self.session, parent=self, op=read_sync, success=self._show_reading) \
                .quietly().latest((self, "read")).run()

    def _show_notice(self, box: QLabel, text: Any) -> None:
        box.setVisible(bool(text))
        box.setText(text or "")

    def _show_reading(self, reading: SyncReading) -> None:
        counts = reading.counts
        self.counts_value.setText(self.tr(
            "{waiting} hồ sơ chờ gửi lên tỉnh, {rejected} hồ sơ bị tỉnh từ chối, {done} hồ sơ "
            "đã gửi xong").format(waiting=counts.get("waiting", 0),
                                   rejected=counts.get("rejected", 0),
                                   done=counts.get("up_to_date", 0)))
        selected = {code for code in self.selected_codes()}
        self.refused = reading.refused
        self.table.setRowCount(len(self.refused))
        for r, dossier in enumerate(self.refused):
            what = ", ".join(update_text(kind) for kind in dossier.kinds)
            why = "\n".join(reason_text(code) for code in dossier.reasons)
            if dossier.corrected is not None:
                why += "\n" + corrected_text(dossier.corrected)
            values = (dossier.code, what[:1].upper() + what[1:], why, _when(dossier.refused_at))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(EVENT_IDS_ROLE, list(dossier.event_ids))
                self.table.setItem(r, c, item)
            if dossier.code in selected:
                self.table.selectRow(r)
        self.table.resizeRowsToContents()
        self.parked_title.setText(self.tr(
            "Hồ sơ bị tỉnh từ chối (không tự gửi lại): {n}").format(n=len(self.refused)))
        self._selection_changed()
        self.read.emit()

    def selected_codes(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.table.item(r, 0).text() for r in rows if self.table.item(r, 0) is not None]

    def selected_event_ids(self) -> list[str]:
        """The refused updates of the selected dossiers."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [event_id for r in rows if self.table.item(r, 0) is not None
                for event_id in self.table.item(r, 0).data(EVENT_IDS_ROLE)]

    def _selection_changed(self) -> None:
        from ...domain.accounts import Permission

        self.retry_button.setEnabled(bool(self.selected_event_ids())
                                     and self.session.may(Permission.SYNC_RETRY))
        self.retry_button.setToolTip(self.retry_button.toolTip() if self.session.may(
            Permission.SYNC_RETRY) else self.tr("Gửi lại hồ sơ bị tỉnh từ chối: việc của lãnh đạo, "
                                                "giám sát."))

    def _open_dossier(self, index: Any) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.session.open_dossier_requested.emit(item.text())

    # ---- actions -----------------------------------------------------------------------------

    def retry_selected(self) -> bool:
        """"Gửi lại": the selected dossiers' refused updates back to the queue, then sync now.

        False when nothing is selected (nothing started).
        """
        ids, codes = self.selected_event_ids(), self.selected_codes()
        if not ids:
            return False
        def retry(desk: Desk) -> Changed[int]:
            changed = desk.sync.retry_events(ids)
            return Changed(changed, Changes.of_dossiers(codes) | Changes(sync=True))

        def done(changed: int) -> None:
            self._say(self.tr("Đã đưa {n} hồ sơ trở lại hàng chờ gửi lên tỉnh.").format(
                n=len(codes)) if changed else self.tr(
                "Các hồ sơ đã chọn không còn bị từ chối; không có gì để gửi lại."),
                SUCCESS_STYLE)
            self.table.clearSelection()
            self.refresh()
            if changed and self.status is not None and self.status.configured:
                self.controller.sync_now()
            self.done.emit()

        CollectionOp(self.session, self, retry).success(done).failure(self._failed) \
            .run(initiator=self)
        return True

    def _failed(self, error: BaseException) -> None:
        self._say(error_message(error), ERROR_STYLE)
        self.done.emit()

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

    def export_file(self) -> bool:
        """"Xuất tệp USB…": the dossiers waiting to be sent, as a file to carry to the province.

        False when no file was chosen (nothing started).
        """
        path = self.choose_export_path()
        if path is None:
            return False
        if (path := checked_save_path(self, path, asked=path)) is None:
            return False

        def export(desk: Desk) -> Changed[dict[str, Any]]:
            return Changed(desk.sync.export(path), Changes(sync=True))

        def done(summary: dict[str, Any]) -> None:
            self._say(self.tr("Đã xuất thông tin {n} hồ sơ chờ gửi ra tệp {path}. Các hồ sơ vẫn "
                              "chờ gửi cho đến khi nhập tệp kết quả của tỉnh hoặc có mạng.")
                      .format(n=summary.get("dossiers", summary["events"]), path=path),
                      SUCCESS_STYLE)
            self.done.emit()

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                self._say(self.tr("Không ghi được tệp {path}: kiểm tra ổ USB còn cắm, còn chỗ "
                                  "trống và cho phép ghi.").format(path=path), ERROR_STYLE)
                self.done.emit()
            else:
                self._failed(error)

        CollectionOp(self.session, self, export).with_progress(self.tr("Đang xuất tệp…")) \
            .success(done).failure(failed).run(initiator=self)
        return True

    def import_file(self) -> bool:
        """Import the province's result file: refused (and nothing changed) unless it was
        written for this station, about a batch file exported here; the message says why.

        False when no file was chosen (nothing started).
        """
        path = self.choose_results_path()
        if path is None:
            return False

        def import_results(desk: Desk) -> Changed[dict[str, Any]]:
            return Changed(desk.sync.import_results(path),
                           Changes(outbox=True, sync=True))

        def done(summary: dict[str, Any]) -> None:
            if summary["already_imported"]:
                self._say(self.tr("Tệp này đã được nhập trước đây; không có gì thay đổi."),
                          SUCCESS_STYLE)
            else:
                self._say(self.tr("Đã nhập tệp kết quả của tỉnh: {d} lần cập nhật hồ sơ đã "
                                  "được nhận, {r} bị từ chối.").format(
                                      d=summary["delivered"], r=summary["rejected"]),
                          SUCCESS_STYLE)
            self.refresh()
            self.done.emit()

        CollectionOp(self.session, self, import_results) \
            .with_progress(self.tr("Đang nhập tệp kết quả…")) \
            .success(done).failure(self._failed).run(initiator=self)
        return True

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(True)

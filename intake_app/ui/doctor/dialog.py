"""Cài đặt → "Kiểm tra hệ thống…": every check of `intake-app doctor`, each with what it found
and what to do, and "Lưu gói gửi hỗ trợ…" (the report and the logs, without personal data).

The checks run on the lane for long work (the integrity check reads the whole database); the
default printer is read here, on the window's thread, where Qt's printing classes live.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from ..operations import QueryOp, error_message
from ..session import Session
from ..widgets import dialog_layout

COLOURS = {"ok": "#0f5132", "warning": "#8a5a00", "problem": "#842029", "skipped": "#555555"}


class DoctorDialog(QDialog):
    """Kiểm tra hệ thống."""

    checked = Signal(object)  # the DoctorReport shown
    bundled = Signal(object)  # the bundle written: {"file", "size", "logs"}

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 network: bool = True):
        super().__init__(parent)
        self.session = session
        self.network = network
        self.report: Any = None
        self.setWindowTitle(self.tr("Kiểm tra hệ thống"))
        self.resize(980, 620)
        layout = dialog_layout(self)
        self.heading = QLabel(self.tr("Đang kiểm tra…"), self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(self.heading)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.StyledPanel)
        self.rows = QWidget(self.area)
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(10, 8, 10, 8)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(9)
        self.grid.setColumnStretch(1, 1)
        self.area.setWidget(self.rows)
        layout.addWidget(self.area, 1)
        self.row_labels: dict[str, tuple[QLabel, QLabel]] = {}  # key -> (title, text)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.again = QPushButton(self.tr("Kiểm tra lại"), self)
        self.bundle_button = QPushButton(self.tr("Lưu gói gửi hỗ trợ…"), self)
        self.bundle_button.setToolTip(self.tr(
            "Báo cáo kiểm tra và nhật ký của ứng dụng, đã bỏ họ tên, địa chỉ, số định danh, số "
            "điện thoại và thư điện tử của công dân"))
        close = QPushButton(self.tr("Đóng"), self)
        row.addWidget(self.again)
        row.addWidget(self.bundle_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.again.clicked.connect(self.run_checks)
        self.bundle_button.clicked.connect(self.save_bundle)
        close.clicked.connect(self.reject)
        self.bundle_button.setEnabled(False)
        self.run_checks()

    def run_checks(self) -> None:
        from ..printers import printers

        self.again.setEnabled(False)
        self.heading.setText(self.tr("Đang kiểm tra…"))
        found = printers()  # the window's thread: Qt's printing classes
        data_dir, network = self.session.data_dir, self.network

        def check(_desk: Any) -> Any:
            from ...services.doctor import run_doctor

            return run_doctor(data_dir, network=network, printer=lambda: found)

        QueryOp(self.session, parent=self, op=check, success=self._show) \
            .failure(self._failed).with_progress(self.tr("Đang kiểm tra hệ thống…")) \
            .long().run()

    def _failed(self, error: BaseException) -> None:
        self.again.setEnabled(True)
        self.heading.setText(error_message(error))

    def _show(self, report: Any) -> None:
        from ...services.doctor import MARKS

        self.report = report
        self.again.setEnabled(True)
        self.bundle_button.setEnabled(True)
        problems, warnings = report.count("problem"), report.count("warning")
        if not problems and not warnings:
            text = self.tr("Mọi mục đều ổn.")
        else:
            text = self.tr("{p} lỗi, {w} cảnh báo.").format(p=problems, w=warnings)
        self.heading.setText(text)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold; color: {c};".format(
            c=COLOURS["problem" if problems else "warning" if warnings else "ok"]))
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.row_labels.clear()
        for row, check in enumerate(report.checks):
            colour = COLOURS[check.status]
            title = QLabel(f"{MARKS[check.status]}  {escape(check.title)}", self.rows)
            title.setStyleSheet(f"color: {colour}; font-weight: bold;")
            title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            html = escape(check.summary)
            if check.advice and check.status != "ok":
                html += f"<br><span style='color:#1f4e79'>→ {escape(check.advice)}</span>"
            text = QLabel(html, self.rows)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setToolTip(check.detail)
            self.grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(text, row, 1, Qt.AlignmentFlag.AlignTop)
            title.show()  # added to a page already on screen
            text.show()
            self.row_labels[check.key] = (title, text)
        self.grid.setRowStretch(len(report.checks), 1)
        self.checked.emit(report)

    def save_bundle(self, path: str | None = None) -> None:
        if self.report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu gói gửi hỗ trợ"), str(Path.home() / "ho-tro.zip"),
                self.tr("Tệp ZIP (*.zip)"))
            if not path:
                return
        report, target = self.report, Path(path)

        def write(desk: Any) -> Any:
            from ...services.doctor import bundle

            checked = desk.check_output_path(target, replace=True)  # the dialog asked
            checked.unlink(missing_ok=True)
            return bundle(report, desk.data_dir, checked)

        def done(made: Any) -> None:
            self.message.setStyleSheet("color: #0f5132;")
            self.message.setText(self.tr("Đã lưu gói gửi hỗ trợ: {file}").format(
                file=made["file"]))
            self.bundled.emit(made)

        def failed(error: BaseException) -> None:
            self.message.setStyleSheet("color: #842029;")
            self.message.setText(error_message(error))

        QueryOp(self.session, parent=self, op=write, success=done).failure(failed).long().run()

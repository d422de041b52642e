"""One dossier in full: details, documents, history; reprint of the receipt; hand back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
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

from ...desk import UnknownDossier
from ...domain.clock import parse_iso
from ...domain.deadlines import DeadlineState, deadline_state
from ...domain.dossier import Channel, Delivery, Dossier
from ...domain.formatting import day_time_vn, money
from ...domain.lifecycle import can_hand_back
from ...domain.procedures import DocForm
from ..session import Session
from .results_model import ROW_COLOURS, deadline_text, status_text

REPRINTS_FOLDER = "reprints"
REPRINT_COPIES = 1  # the citizen lost theirs; the office copy is already in the file


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeRowsToContents()


class DossierDialog(QDialog):
    """Everything known about one dossier. Esc or Enter closes it; F4 hands it back."""

    def __init__(self, session: Session, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.preview: QDialog | None = None  # the last reprint's preview (deleted on close)
        self.dossier: Dossier = session.desk.dossier(code)  # UnknownDossier if it is not there
        self.code = self.dossier.code
        self.setWindowTitle(self.tr("Hồ sơ %s") % self.code)
        self.resize(1180, 650)  # fits a 1366×768 screen with its taskbar

        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadline = QLabel()

        self.fields: dict[str, QLabel] = {}
        details = QGroupBox(self.tr("Thông tin hồ sơ"))
        grid = QGridLayout(details)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        columns = {
            left: (
                ("procedure", self.tr("Thủ tục")), ("applicant", self.tr("Người nộp")),
                ("id_number", self.tr("Số CCCD")), ("phone", self.tr("Điện thoại")),
                ("address", self.tr("Địa chỉ")), ("owner", self.tr("Chủ hồ sơ")),
                ("channel", self.tr("Hình thức nộp")), ("delivery", self.tr("Nhận kết quả")),
            ),
            right: (
                ("status", self.tr("Trạng thái")), ("received", self.tr("Ngày nhận")),
                ("due", self.tr("Hẹn trả")), ("returned", self.tr("Ngày trả kết quả")),
                ("fee", self.tr("Phí, lệ phí")), ("ledger", self.tr("Sổ theo dõi")),
                ("clerk", self.tr("Cán bộ tiếp nhận")), ("note", self.tr("Ghi chú")),
            ),
        }
        for form, rows in columns.items():
            for key, caption in rows:
                self.fields[key] = _value_label()
                form.addRow(caption + ":", self.fields[key])
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 11)
        grid.setColumnStretch(1, 9)

        self.documents_box = QGroupBox()
        self.documents = _table(
            [self.tr("Tên giấy tờ"), self.tr("Hình thức"), self.tr("Số bản"), self.tr("Số trang")]
        )
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(self.documents_box).addWidget(self.documents)

        self.history_box = QGroupBox()
        self.history = _table(
            [self.tr("Thời gian"), self.tr("Người thực hiện"), self.tr("Nội dung"),
             self.tr("Ghi chú")]
        )
        header = self.history.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self.history_box).addWidget(self.history)

        tables = QHBoxLayout()
        tables.addWidget(self.documents_box, 9)
        tables.addWidget(self.history_box, 11)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reprint_button = QPushButton(self.tr("In lại giấy tiếp nhận (bản sao)"))
        self.reprint_button.setToolTip(self.tr("Ctrl+P"))
        self.hand_back_button = QPushButton(self.tr("Trả kết quả (F4)"))
        self.close_button = QPushButton(self.tr("Đóng"))
        for button in (self.reprint_button, self.hand_back_button):
            button.setAutoDefault(False)
        self.close_button.setDefault(True)  # Enter closes, as Esc does
        self.reprint_button.clicked.connect(self.reprint)
        self.hand_back_button.clicked.connect(self.request_hand_back)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+P"), self, self.reprint)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, self.request_hand_back)

        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.hand_back_button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.close_button)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(16)
        head.addWidget(self.deadline)
        head.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(details)
        layout.addLayout(tables, 1)
        layout.addLayout(buttons)

        session.dossier_changed.connect(self._on_dossier_changed)
        self.refresh(reload=False)
        self.close_button.setFocus()

    # ---- showing -----------------------------------------------------------------------------

    def refresh(self, reload: bool = True) -> None:
        """Read the dossier and its history again from the desk and show them."""
        desk = self.session.desk
        if reload:
            try:
                self.dossier = desk.dossier(self.code)
            except UnknownDossier:
                return
        d = self.dossier
        self.title.setText(self.tr("Hồ sơ %s") % d.code)
        state = deadline_state(d.due_at, d.status, desk.clock(), desk.calendar())
        self._show_deadline(state)
        applicant = d.applicant
        owner = d.owner
        owner_text = self.tr("Chính người nộp hồ sơ")
        if owner is not None:
            owner_text = owner.name + (f" — {self.tr('CCCD')} {owner.id_number}"
                                       if owner.id_number else "")
        fee = money(d.fee_total) if d.fee_total != 0 else self.tr("Không thu")
        if d.fee_total == 0 and d.fee_lines and d.fee_lines[0].note:
            fee += f" — {d.fee_lines[0].note}"
        elif len(d.fee_lines) == 1:
            fee += f" — {d.fee_lines[0].label}"
        elif d.fee_lines:
            fee += " (" + "; ".join(f"{line.label}: {money(line.amount)}"
                                    for line in d.fee_lines) + ")"
        values = {
            "procedure": f"{d.procedure_code} — {d.procedure_name}",
            "applicant": applicant.name,
            "id_number": applicant.id_number or "—",
            "phone": applicant.phone or "—",
            "address": applicant.address or "—",
            "owner": owner_text,
            "channel": self._channel_text(d.channel),
            "delivery": self._delivery_text(d.delivery),
            "status": status_text(d.status),
            "received": day_time_vn(d.received_at),
            "due": day_time_vn(d.due_at) if d.due_at else self.tr("Không có ngày hẹn trả"),
            "returned": day_time_vn(d.returned_at) if d.returned_at else "—",
            "fee": fee,
            "ledger": self.tr("Quyển số %1, số thứ tự %2").replace("%1", d.ledger_book)
            .replace("%2", str(d.ledger_number)),
            "clerk": d.clerk,
            "note": d.note or "—",
        }
        for key, text in values.items():
            self.fields[key].setText(text)

        self.documents_box.setTitle(self.tr("Giấy tờ đã nộp (%n)", "", len(d.documents)))
        _fill(self.documents, [
            [doc.name, self._form_text(doc.form), str(doc.copies),
             str(doc.pages) if doc.pages else "—"]
            for doc in d.documents
        ])
        history = desk.history(d.code)
        self.history_box.setTitle(self.tr("Lịch sử xử lý (%n)", "", len(history)))
        rows = []
        for entry in history:
            what = self._action_text(entry["action"])
            note = entry["note"] or ""
            rows.append([day_time_vn(parse_iso(entry["at"])), entry["actor"], what,
                         "" if note == what else note])
        _fill(self.history, rows)
        self.history.scrollToBottom()

        allowed = can_hand_back(d.status)
        self.hand_back_button.setEnabled(allowed)
        self.hand_back_button.setToolTip(
            "" if allowed else self.tr("Hồ sơ đang ở trạng thái «%s»: không thể trả kết quả.")
            % status_text(d.status)
        )

    def _show_deadline(self, state: DeadlineState) -> None:
        colours = ROW_COLOURS.get(state)
        self.deadline.setText(deadline_text(state) if colours else "")
        self.deadline.setVisible(colours is not None)
        if colours:
            self.deadline.setStyleSheet(
                f"background: {colours[0].name()}; color: {colours[1].name()};"
                " padding: 3px 8px; border-radius: 3px; font-weight: bold;"
            )

    def _channel_text(self, channel: Channel) -> str:
        return {
            Channel.IN_PERSON: self.tr("Trực tiếp tại Bộ phận Một cửa"),
            Channel.ONLINE: self.tr("Trực tuyến"),
            Channel.POST: self.tr("Qua dịch vụ bưu chính"),
        }[channel]

    def _delivery_text(self, delivery: Delivery) -> str:
        return {
            Delivery.COUNTER: self.tr("Tại Bộ phận Một cửa"),
            Delivery.POST: self.tr("Qua dịch vụ bưu chính công ích"),
        }[delivery]

    def _form_text(self, form: DocForm) -> str:
        return {
            DocForm.ORIGINAL: self.tr("Bản chính"),
            DocForm.CERTIFIED_COPY: self.tr("Bản sao chứng thực"),
            DocForm.PHOTOCOPY: self.tr("Bản photo"),
        }[form]

    def _action_text(self, action: str) -> str:
        texts = {
            "received": self.tr("Tiếp nhận hồ sơ"),
            "returned": self.tr("Trả kết quả"),
            "receipt_reprinted": self.tr("In lại giấy tiếp nhận (bản sao)"),
        }
        return texts.get(action, action)

    def _on_dossier_changed(self, code: str) -> None:
        if code == self.code:
            self.refresh()

    # ---- actions -----------------------------------------------------------------------------

    def reprint(self) -> None:
        """Write a copy (BẢN SAO) of the receipt, show it for printing; the desk records it."""
        desk = self.session.desk
        stamp = desk.clock()
        out = (desk.data_dir / REPRINTS_FOLDER
               / f"{self.code}-ban-sao-{stamp:%Y%m%d-%H%M%S}.pdf")
        try:
            path = desk.reprint_receipt(self.code, out, clerk=self.session.clerk)
        except OSError as exc:
            self._say(self.tr("Không ghi được bản sao giấy tiếp nhận: %s") % exc, error=True)
            return
        self.refresh()
        self.session.dossier_changed.emit(self.code)
        self._say(self.tr("Đã tạo bản sao giấy tiếp nhận: %s") % path.name)
        self.show_pdf(path)

    def show_pdf(self, path: Path) -> None:
        """The shared receipt preview, from which the clerk prints the copy."""
        from ..receipt_preview import ReceiptPreviewDialog  # loads PDFium: only when asked

        try:
            preview = ReceiptPreviewDialog(path, self, title=self.code, copies=REPRINT_COPIES)
        except Exception as exc:  # noqa: BLE001 - the copy is written; say where it is
            self._say(self.tr("Đã tạo bản sao nhưng không xem được (%s). Tệp: %s")
                      % (exc, path), error=True)
            return
        # Deleted when closed. Dropping the Python reference from its own `finished` signal
        # crashed (deleted while shared), so the reference stays until the next reprint.
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = preview
        preview.open()

    def request_hand_back(self) -> None:
        if not can_hand_back(self.dossier.status):
            return
        self.session.hand_back_requested.emit(self.code)
        self.accept()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b02a37;" if error else "color: #0f5132;")
        self.message.setText(text)

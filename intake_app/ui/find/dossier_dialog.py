"""One dossier in full: details, documents, history; reprint of the receipt; hand back;
the steps after receipt (Chuyển bước, Hẹn lại ngày trả) and the official slips (In phiếu)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
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
from ...domain.lifecycle import FINISHING, can_hand_back, next_statuses
from ...domain.procedures import DocForm
from ...domain.slip_content import (
    SLIP_AFTER_STEP,
    NoSuchStep,
    missing_step_message,
    printable_slips,
)
from ...domain.slips import SlipKind
from ..operations import Changes
from ..session import Session
from ..status_text import status_text as status_label
from ..steps.extend_dialog import ExtendDueDialog
from ..steps.slips import (
    SLIP_ORDER,
    SlipPreviewDialog,
    slip_label,
    slip_path,
)
from ..steps.step_dialog import StepDialog
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
        self.step_button = QPushButton(self.tr("Chuyển bước…"))
        self.extend_button = QPushButton(self.tr("Hẹn lại ngày trả…"))
        self.slip_button = QPushButton(self.tr("In phiếu"))
        self.slip_menu = QMenu(self.slip_button)
        self.slip_menu.setToolTipsVisible(True)
        self.slip_actions: dict[SlipKind, QAction] = {}
        for kind in SLIP_ORDER:
            action = self.slip_menu.addAction(slip_label(kind))
            action.triggered.connect(lambda _=False, k=kind: self.print_slip(k))
            self.slip_actions[kind] = action
        self.slip_button.setMenu(self.slip_menu)
        self.follow_up_button = QPushButton()
        self.follow_up_button.hide()
        self.follow_up_kind: SlipKind | None = None
        self.follow_up_button.clicked.connect(self._print_follow_up)
        self.close_button = QPushButton(self.tr("Đóng"))
        for button in (self.reprint_button, self.hand_back_button, self.step_button,
                       self.extend_button, self.slip_button, self.follow_up_button):
            button.setAutoDefault(False)
        self.step_dialog: QDialog | None = None  # the open Chuyển bước / Hẹn lại dialog
        self.step_button.clicked.connect(self.open_step_dialog)
        self.extend_button.clicked.connect(self.open_extend_dialog)
        self.close_button.setDefault(True)  # Enter closes, as Esc does
        self.reprint_button.clicked.connect(self.reprint)
        self.hand_back_button.clicked.connect(self.request_hand_back)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+P"), self, self.reprint)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, self.request_hand_back)

        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.follow_up_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.step_button)
        buttons.addWidget(self.extend_button)
        buttons.addWidget(self.slip_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.hand_back_button)
        buttons.addStretch(1)
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
        layout.addLayout(message_row)
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
        self._update_step_buttons(history)

    def _update_step_buttons(self, history: list[dict]) -> None:
        """Enable what the dossier's status allows; explain what it does not."""
        d = self.dossier
        movable = bool(next_statuses(d.status))
        self.step_button.setEnabled(movable)
        self.step_button.setToolTip(
            self.tr("Chuyển hồ sơ sang bước xử lý tiếp theo") if movable
            else self.tr("Hồ sơ ở trạng thái «%s» đã kết thúc: không còn bước nào.")
            % status_text(d.status))
        extendable = d.status not in FINISHING and d.due_at is not None
        self.extend_button.setEnabled(extendable)
        self.extend_button.setToolTip(
            self.tr("Hẹn ngày trả mới và in Phiếu xin lỗi (Mẫu 04)") if extendable
            else self.tr("Chỉ hẹn lại được hồ sơ đang giải quyết và có ngày hẹn trả."))
        printable = printable_slips(history)
        for kind, action in self.slip_actions.items():
            action.setEnabled(kind in printable)
            action.setToolTip("" if kind in printable else missing_step_message(kind))

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
            "accepted": self.tr("Tiếp nhận hồ sơ trực tuyến"),
            "handed_over": self.tr("Chuyển xử lý"),
            "supplement_requested": self.tr("Yêu cầu bổ sung"),
            "supplement_received": self.tr("Nhận hồ sơ bổ sung"),
            "obligation_requested": self.tr("Yêu cầu nghĩa vụ tài chính"),
            "obligation_fulfilled": self.tr("Đã thực hiện nghĩa vụ tài chính"),
            "done": self.tr("Đã xử lý xong"),
            "refused": self.tr("Từ chối tiếp nhận"),
            "withdrawn": self.tr("Công dân rút hồ sơ"),
            "stopped": self.tr("Dừng giải quyết"),
            "apology": self.tr("Hẹn lại ngày trả"),
            "slip_printed": self.tr("In phiếu"),
            "province_update": self.tr("Cập nhật từ tỉnh"),
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
        self.session.announce(Changes.of_dossiers([self.code]))
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

    # ---- steps after receipt -----------------------------------------------------------------

    def open_step_dialog(self) -> QDialog | None:
        """'Chuyển bước…': the step dialog, window-modal; the dossier is re-read after it."""
        if not self.step_button.isEnabled():
            return None
        try:
            dialog = StepDialog(self.session, self.code, self)
        except UnknownDossier:
            return None
        dialog.accepted.connect(lambda: self._step_done(dialog.action))
        dialog.use_hand_back_screen.connect(self.request_hand_back)
        self._open_step(dialog)
        return dialog

    def open_extend_dialog(self) -> QDialog | None:
        """'Hẹn lại ngày trả…': a new appointment, then the apology slip is offered."""
        if not self.extend_button.isEnabled():
            return None
        try:
            dialog = ExtendDueDialog(self.session, self.code, self)
        except UnknownDossier:
            return None
        dialog.accepted.connect(lambda: self._step_done("apology"))
        self._open_step(dialog)
        return dialog

    def _open_step(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.step_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "step_dialog", None))
        dialog.open()

    def _step_done(self, action: str | None) -> None:
        """After a step: show the new state, tell the other screens, offer the usual slip."""
        self.refresh()
        self.session.announce(Changes.of_dossiers([self.code]))
        if action == "apology" and self.dossier.due_at:
            text = self.tr("Đã hẹn lại ngày trả kết quả: %s.") % day_time_vn(self.dossier.due_at)
        else:
            text = self.tr("Đã chuyển hồ sơ sang «%s».") % status_label(self.dossier.status)
        self._say(text)
        self.offer_slip(SLIP_AFTER_STEP.get(action or ""))

    def offer_slip(self, kind: SlipKind | None) -> None:
        """Show a button printing the slip that usually follows the step just taken."""
        self.follow_up_kind = kind
        self.follow_up_button.setVisible(kind is not None)
        if kind is not None:
            self.follow_up_button.setText(self.tr("In %s") % slip_label(kind))
            self.follow_up_button.setFocus()

    def _print_follow_up(self) -> None:
        if self.follow_up_kind is not None:
            self.print_slip(self.follow_up_kind)

    def print_slip(self, kind: SlipKind) -> Path | None:
        """Write the slip (numbered on its first print), record it, show it for printing."""
        desk = self.session.desk
        try:
            path = desk.issue_slip(self.code, kind, slip_path(desk, self.code, kind),
                                   clerk=self.session.clerk)
        except NoSuchStep as exc:
            self._say(str(exc), error=True)
            return None
        except OSError as exc:
            self._say(self.tr("Không ghi được phiếu: %s") % exc, error=True)
            return None
        self.follow_up_button.hide()
        self.refresh()
        self.session.announce(Changes.of_dossiers([self.code]))
        self._say(self.tr("Đã tạo %1: %2").replace("%1", slip_label(kind))
                  .replace("%2", path.name))
        self.show_slip(path, kind)
        return path

    def show_slip(self, path: Path, kind: SlipKind) -> None:
        try:
            preview = SlipPreviewDialog(path, kind, self.code, self)
        except Exception as exc:  # noqa: BLE001 - the slip is written; say where it is
            self._say(self.tr("Đã tạo phiếu nhưng không xem được (%s). Tệp: %s")
                      % (exc, path), error=True)
            return
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = preview
        preview.open()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b02a37;" if error else "color: #0f5132;")
        self.message.setText(text)

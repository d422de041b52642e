"""One dossier in full: details, documents, history; reprint of the receipt; hand back;
the steps after receipt (Chuyển bước, Hẹn lại ngày trả) and the official slips (In phiếu).

Everything shown is one `DossierView`, read by an op off the window's thread (`read_view`)
and read again when the dossier changes; reprints and slips are written by ops too, and
their pages drawn there, so the preview opens at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QImage, QKeySequence, QShortcut
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

from ...domain.calendar import WorkCalendar
from ...domain.clock import parse_iso
from ...domain.corrections import correctable, why_not
from ...domain.deadlines import DeadlineState, deadline_state
from ...domain.dossier import Channel, Delivery, Dossier
from ...domain.formatting import day_time_vn, money
from ...domain.id_documents import IdKind
from ...domain.lifecycle import FINISHING, can_hand_back, next_statuses
from ...domain.procedures import DocForm, Procedure
from ...domain.slip_content import (
    SLIP_AFTER_STEP,
    missing_step_message,
    printable_slips,
)
from ...domain.slips import SlipKind
from ...domain.status import DossierStatus
from ..operations import Changed, Changes, CollectionOp, QueryOp, error_message
from ..session import Session
from ..status_text import status_text as status_label
from ..steps.extend_dialog import ExtendDueDialog
from ..steps.slips import (
    SLIP_ORDER,
    slip_label,
    slip_path,
)
from ..steps.step_dialog import StepDialog
from ..steps.units import recent_units, remember_unit
from .results_model import ROW_COLOURS, deadline_text, status_text

if TYPE_CHECKING:
    from ...desk import Desk

log = logging.getLogger(__name__)

REPRINTS_FOLDER = "reprints"
REPRINT_COPIES = 1  # the citizen lost theirs; the office copy is already in the file


@dataclass(frozen=True)
class DossierView:
    """What the dossier window shows, and what its step dialogs start from."""

    dossier: Dossier
    history: list[dict[str, Any]]
    calendar: WorkCalendar
    targets: list[DossierStatus]  # the steps its status allows now
    procedure: Procedure | None  # for the papers a supplement may ask for
    recent_units: list[str]  # officers and units used before on this PC


def read_view(desk: Desk, code: str) -> DossierView:
    """On the worker: the dossier and everything around it (UnknownDossier if none)."""
    dossier = desk.dossier(code)
    return DossierView(dossier, desk.history(dossier.code), desk.calendar(),
                       desk.next_statuses(dossier.code), desk.procedure(dossier.procedure_code),
                       recent_units(desk))


def view_after_change(desk: Desk, code: str, unit: str = "") -> DossierView | None:
    """On the worker, after a step committed: remember the unit used, read the dossier again.

    Neither may turn a saved step into a reported failure: a problem here is logged and the
    window reads the dossier again itself.
    """
    try:
        if unit:
            remember_unit(desk, unit)
        return read_view(desk, code)
    except Exception:  # noqa: BLE001 - the step is saved; this is only what is shown next
        log.exception("after a change of %s: could not read it again", code)
        return None


@dataclass(frozen=True)
class Written:
    """A document an op wrote for the dossier, with its pages drawn for the preview."""

    path: Path
    pages: tuple[QImage, ...]
    ratio: float
    view: DossierView
    pdf: bytes = b""  # the document in the clear (the data folder keeps it sealed)


def drawn(desk: Desk, code: str, path: Path, ratio: float) -> Written:
    """On the worker: the written file's pages for the preview, and the dossier read again."""
    from ..receipt_preview import preview_pages

    pdf = desk.read_pdf(path)
    return Written(path, tuple(preview_pages(pdf, ratio)), ratio, read_view(desk, code), pdf)


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

    loaded = Signal()  # a view was shown (after opening, and after each change)

    def __init__(self, session: Session, view: DossierView, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.preview: QDialog | None = None  # the last reprint's preview (deleted on close)
        self.view = view
        self.dossier: Dossier = view.dossier
        self.code = self.dossier.code
        self._writing = False
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
        caption = left.labelForField(self.fields["id_number"])
        assert isinstance(caption, QLabel)
        self.id_caption = caption  # names the applicant's document (CCCD, passport, tax code)
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
        self.reprint_button = QPushButton(self.tr("In giấy tiếp nhận (Ctrl+P)"))
        self.reprint_button.setToolTip(self.tr(
            "Bản gốc nếu chưa in được lần nào; đã in rồi thì in bản sao"))
        self.hand_back_button = QPushButton(self.tr("Trả kết quả (F4)"))
        self.step_button = QPushButton(self.tr("Chuyển bước… (Ctrl+B)"))
        self.extend_button = QPushButton(self.tr("Hẹn lại ngày trả… (Ctrl+H)"))
        self.correct_button = QPushButton(self.tr("Sửa thông tin… (Ctrl+E)"))
        self.correct_button.clicked.connect(self.open_correction)
        self.correction: QDialog | None = None  # the open Sửa thông tin dialog
        self.slip_button = QPushButton(self.tr("In phiếu (Ctrl+I)"))
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
        self.close_button = QPushButton(self.tr("Đóng (Esc)"))
        for button in (self.reprint_button, self.hand_back_button, self.step_button,
                       self.extend_button, self.slip_button, self.follow_up_button,
                       self.correct_button):
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
        QShortcut(QKeySequence("Ctrl+E"), self, self.open_correction)
        QShortcut(QKeySequence("Ctrl+B"), self, self.open_step_dialog)
        QShortcut(QKeySequence("Ctrl+H"), self, self.open_extend_dialog)
        QShortcut(QKeySequence("Ctrl+I"), self, self.slip_button.showMenu)

        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.follow_up_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.step_button)
        buttons.addWidget(self.extend_button)
        buttons.addWidget(self.slip_button)
        buttons.addWidget(self.correct_button)
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

        session.changed.connect(self._on_changed)
        self.show_view(view)
        self.close_button.setFocus()

    # ---- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the dossier and its history again (off the window's thread) and show them."""
        code = self.code
        QueryOp(self.session, parent=self, op=lambda desk: read_view(desk, code),
                success=self.show_view).failure(self._read_failed) \
            .quietly().latest((self, "view")).run()

    def _read_failed(self, error: BaseException) -> None:
        self._say(error_message(error), error=True)

    def show_view(self, view: DossierView) -> None:
        """Show the dossier as `view` has it."""
        self.view = view
        self.dossier = d = view.dossier
        self.title.setText(self.tr("Hồ sơ %s") % d.code)
        state = deadline_state(d.due_at, d.status, self.session.now(), view.calendar)
        self._show_deadline(state)
        applicant = d.applicant
        owner = d.owner
        owner_text = self.tr("Chính người nộp hồ sơ")
        if owner is not None:
            owner_text = owner.name + (f" — {owner.id_label} {owner.id_number}"
                                       if owner.id_number else "")
        fee = money(d.fee_total) if d.fee_total != 0 else self.tr("Không thu")
        if d.fee_total == 0 and d.fee_lines and d.fee_lines[0].note:
            fee += f" — {d.fee_lines[0].note}"
        elif len(d.fee_lines) == 1:
            fee += f" — {d.fee_lines[0].label}"
        elif d.fee_lines:
            fee += " (" + "; ".join(f"{line.label}: {money(line.amount)}"
                                    for line in d.fee_lines) + ")"
        if d.payment is not None and d.fee_total != 0:  # how it was paid (issue 11.7)
            fee += f" · {d.payment.text}"
        values = {
            "procedure": f"{d.procedure_code} — {d.procedure_name}",
            "applicant": applicant.name,
            "id_number": (applicant.id_number or "—")
            + (f" ({self.tr('CMND cũ')} {applicant.old_id_number})"
               if applicant.old_id_number else ""),
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
        self.id_caption.setText(self._id_caption(applicant.id_kind) + ":")

        self.documents_box.setTitle(self.tr("Giấy tờ đã nộp (%n)", "", len(d.documents)))
        _fill(self.documents, [
            [doc.name, self._form_text(doc.form), str(doc.copies),
             str(doc.pages) if doc.pages else "—"]
            for doc in d.documents
        ])
        history = view.history
        self.history_box.setTitle(self.tr("Lịch sử xử lý (%n)", "", len(history)))
        rows = []
        for entry in history:
            what = self._action_text(entry["action"])
            note = entry["note"] or ""
            rows.append([day_time_vn(parse_iso(entry["at"])), entry["actor"], what,
                         "" if note == what else note])
        _fill(self.history, rows)
        self.history.scrollToBottom()

        self.loaded.emit()
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
        fixable = bool(correctable(d.status))
        self.correct_button.setEnabled(fixable)
        self.correct_button.setToolTip(
            self.tr("Sửa thông tin người nộp, chủ hồ sơ, giấy tờ, nơi nhận kết quả, ghi chú; "
                    "giấy tiếp nhận được cấp lại") if fixable else why_not(d.status, "applicant"))
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

    def _id_caption(self, kind: IdKind) -> str:
        return {
            IdKind.CCCD: self.tr("Số CCCD"),
            IdKind.PASSPORT: self.tr("Số hộ chiếu"),
            IdKind.TAX_CODE: self.tr("Mã số thuế"),
            IdKind.NONE: self.tr("Giấy tờ"),
        }[kind]

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
            "receipt_printed": self.tr("In giấy tiếp nhận (bản gốc)"),
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
            "corrected": self.tr("Sửa thông tin hồ sơ"),
        }
        return texts.get(action, action)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if self.code in changes.dossiers and initiator is not self:
            self.refresh()  # changed elsewhere (this window shows its own changes itself)

    # ---- actions -----------------------------------------------------------------------------

    def _write(self, work: Any, done: Any) -> None:
        """Write a document for this dossier through an op; one at a time."""
        if self._writing:
            return
        self._writing = True
        code, ratio = self.code, self.devicePixelRatioF()

        def op(desk: Desk) -> Changed[Written]:
            path = work(desk)
            return Changed(drawn(desk, code, path, ratio), Changes.of_dossiers([code],
                                                                               outbox=False))

        def success(written: Written) -> None:
            self._writing = False
            self.show_view(written.view)
            done(written)

        def failure(error: BaseException) -> None:
            self._writing = False
            self._say(error_message(error), error=True)

        CollectionOp(self.session, self, op).success(success).failure(failure) \
            .run(initiator=self)

    def reprint(self) -> None:
        """Ctrl+P: the original receipt while it was never printed (unmarked; its print is
        recorded once it succeeded), else a copy (BẢN SAO) the desk records; shown for
        printing."""
        code = self.code
        job: dict[str, Any] = {}

        def work(desk: Desk) -> Path:
            out = (desk.data_dir / REPRINTS_FOLDER
                   / f"{code}-ban-sao-{desk.clock():%Y%m%d-%H%M%S}.pdf")
            to_print = desk.receipt_prints.to_print(code, out)
            job.update(original=to_print.original, issue=to_print.issue)
            return to_print.path

        def done(written: Written) -> None:
            if job.get("original"):
                self._say(self.tr("Bản gốc giấy tiếp nhận chưa được in: in bản gốc."))
            else:
                self._say(self.tr("Đã tạo bản sao giấy tiếp nhận: %s") % written.path.name)
            self.show_pdf(written, original_issue=job["issue"] if job.get("original") else None)

        self._write(work, done)

    def show_pdf(self, written: Written, original_issue: int | None = None) -> None:
        """The shared receipt preview, from which the clerk prints the original or the copy."""
        from ..receipt_preview import (  # loads PDFium: only when asked
            DEFAULT_COPIES,
            OriginalReceipt,
            ReceiptPreviewDialog,
            receipt_file_stem,
        )

        path = written.path
        original = (OriginalReceipt(self.session, self.code, original_issue)
                    if original_issue is not None else None)
        try:
            preview = ReceiptPreviewDialog(
                written.pdf, self, title=self.code, pages=list(written.pages),
                ratio=written.ratio,
                copies=DEFAULT_COPIES if original else REPRINT_COPIES, original=original,
                file_stem=receipt_file_stem(self.code, copy=original is None))
        except Exception as exc:  # noqa: BLE001 - the copy is written; say where it is
            log.error("could not show %s: %s", path, exc)
            self._say(self.tr("Đã tạo bản sao nhưng không xem được. Tệp: %s") % path,
                      error=True)
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

    # ---- correcting --------------------------------------------------------------------------

    def open_correction(self) -> None:
        """'Sửa thông tin…': read the dossier as stored now (an op), then open the correction
        dialog over this window; once saved, the reissued receipt's preview and the new view."""
        if not self.correct_button.isEnabled() or self.correction is not None:
            return
        from .correction_dialog import read_start

        code = self.code
        QueryOp(self.session, parent=self, op=lambda desk: read_start(desk, code),
                success=self._show_correction).failure(self._read_failed).run()

    def _show_correction(self, start: Any) -> None:
        from .correction_dialog import CorrectionDialog

        dialog = CorrectionDialog(self.session, start, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.corrected.connect(self._corrected)
        dialog.destroyed.connect(lambda *_: setattr(self, "correction", None))
        self.correction = dialog
        dialog.open()

    def _corrected(self, corrected: Any) -> None:
        """Show the corrected dossier, say what was done, open the reissued receipt."""
        result = corrected.result
        if corrected.view is not None:
            self.show_view(corrected.view)
        else:
            self.refresh()
        issue = result.receipt.issue
        if result.receipt_path is None or corrected.pdf is None:
            self._say(self.tr("Đã lưu bản sửa (%1 thông tin) nhưng chưa tạo được giấy tiếp nhận "
                              "cấp lại lần %2: hãy in lại (Ctrl+P).")
                      .replace("%1", str(len(result.changes))).replace("%2", str(issue)),
                      error=True)
            return
        self._say(self.tr("Đã sửa %1 thông tin; giấy tiếp nhận cấp lại lần %2.")
                  .replace("%1", str(len(result.changes))).replace("%2", str(issue)))
        from ..receipt_preview import OriginalReceipt, ReceiptPreviewDialog

        try:  # the new original: its print is recorded, closing it unprinted asks first
            preview = ReceiptPreviewDialog(
                corrected.pdf, self, title=self.code, pages=list(corrected.pages),
                ratio=corrected.ratio, original=OriginalReceipt(self.session, self.code, issue))
        except Exception as exc:  # noqa: BLE001 - saved; say where the receipt is
            log.error("could not show %s: %s", result.receipt_path, exc)
            self._say(self.tr("Đã lưu bản sửa nhưng không xem được giấy tiếp nhận. Tệp: %s")
                      % result.receipt_path, error=True)
            return
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = preview
        preview.open()

    # ---- steps after receipt -----------------------------------------------------------------

    def open_step_dialog(self) -> QDialog | None:
        """'Chuyển bước…': the step dialog, window-modal; the dossier is re-read after it."""
        if not self.step_button.isEnabled():
            return None
        dialog = StepDialog(self.session, self.view, self)
        dialog.accepted.connect(lambda: self._step_done(dialog.action))
        dialog.use_hand_back_screen.connect(self.request_hand_back)
        self._open_step(dialog)
        return dialog

    def open_extend_dialog(self) -> QDialog | None:
        """'Hẹn lại ngày trả…': a new appointment, then the apology slip is offered."""
        if not self.extend_button.isEnabled():
            return None
        dialog = ExtendDueDialog(self.session, self.view, self)
        dialog.accepted.connect(lambda: self._step_done("apology"))
        self._open_step(dialog)
        return dialog

    def _open_step(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.step_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "step_dialog", None))
        dialog.open()

    def _step_done(self, action: str | None) -> None:
        """After a step (its dialog read the dossier again): show the new state, offer the
        usual slip."""
        dialog = self.step_dialog
        view = getattr(dialog, "view_after", None)
        if isinstance(view, DossierView):
            self.show_view(view)
        else:
            self.refresh()
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

    def print_slip(self, kind: SlipKind) -> None:
        """Write the slip (numbered on its first print), record it, show it for printing."""
        code = self.code

        def work(desk: Desk) -> Path:
            return desk.issue_slip(code, kind, slip_path(desk, code, kind))

        def done(written: Written) -> None:
            self.follow_up_button.hide()
            self._say(self.tr("Đã tạo %1: %2").replace("%1", slip_label(kind))
                      .replace("%2", written.path.name))
            self.show_slip(written, kind)

        self._write(work, done)

    def show_slip(self, written: Written, kind: SlipKind) -> None:
        from ..steps.slips import SlipPreviewDialog  # loads PDFium: only when asked

        try:
            preview = SlipPreviewDialog(written.pdf, kind, self.code, self,
                                        pages=list(written.pages), ratio=written.ratio)
        except Exception as exc:  # noqa: BLE001 - the slip is written; say where it is
            log.error("could not show %s: %s", written.path, exc)
            self._say(self.tr("Đã tạo phiếu nhưng không xem được. Tệp: %s") % written.path,
                      error=True)
            return
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = preview
        preview.open()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b02a37;" if error else "color: #0f5132;")
        self.message.setText(text)

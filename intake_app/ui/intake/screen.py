"""Receive (Tiếp nhận, F2): from the first keystroke to the printed receipt, keyboard only.

The form builds the same request dict the command line takes (`receive --json`); the desk
checks it (`check_intake`), quotes its fee and due date (`quote`) and stamps it (`receive`),
each through an op off the window's thread (`ui/operations.py`): the quote is asked again a
moment after each change, and an answer about a form that changed since is dropped. Enter
moves to the next field, Ctrl+Enter stamps from anywhere on the screen. Once the stamp's
transaction committed, nothing on this screen says the dossier was not saved: a receipt that
could not be written or shown is named with the dossier's code and how to print it again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QImage, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.dossier import Channel, Delivery
from ...domain.errors import InvalidInput
from ...domain.limits import count_range, max_chars
from ...domain.procedures import Procedure
from ..focus_style import FOCUS_STYLE
from ..operations import (
    Changed,
    CollectionOp,
    QueryOp,
    dossier_changed,
    error_message,
    is_for_people,
)
from ..session import Session
from ..widgets import on_ctrl_enter
from .applicant_form import OWNER_KEYS, ApplicantForm
from .checklist import Checklist
from .field_grid import ERROR_STYLE, FieldGrid
from .payment_field import PaymentChoice
from .procedure_picker import ProcedurePicker
from .suggest_edit import SuggestEdit
from .summary_panel import SummaryPanel

if TYPE_CHECKING:
    from ...desk import Desk, Quote, StampResult
    from ..receipt_preview import ReceiptPreviewDialog

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150
REQUOTE_MS = 30_000
SUMMARY_WIDTH = 330
DOCUMENTS = "documents"
GENERAL = "(gốc)"
FOCUS_OUT_REASONS = (
    Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.MouseFocusReason, Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
)
SCREEN_STYLE = """
QLineEdit[bad="true"], QComboBox[bad="true"], QSpinBox[bad="true"] {
    border: 1px solid #b3261e; background: #fff6f5; }
QGroupBox { font-weight: bold; border: 1px solid #d5dde8; border-radius: 5px;
            margin-top: 9px; padding: 6px 8px 2px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
"""


@dataclass(frozen=True)
class Stamped:
    """What the stamp op hands back: the desk's result and the receipt's pages, rendered."""

    result: StampResult
    pdf: bytes | None = None
    pages: tuple[QImage, ...] = ()
    ratio: float = 1.0
    preview_error: str | None = None  # English, for the log: the pages could not be drawn


def stamp_and_render(desk: Desk, payload: dict[str, Any], ratio: float) -> Changed[Stamped]:
    """On the worker: stamp (one transaction), then read and draw the receipt for the preview.

    Everything after `receive` returned is after the commit: it may fail (a file, PDFium) but
    never raises, so the window always learns the dossier is saved.
    """
    result = desk.receive(payload)
    stamped = Stamped(result, ratio=ratio)
    if result.receipt_path is not None:
        try:
            from ..receipt_preview import preview_pages

            pdf = desk.read_pdf(result.receipt_path)  # kept sealed: drawn in memory
            stamped = Stamped(result, pdf, tuple(preview_pages(pdf, ratio)), ratio)
        except Exception as exc:  # noqa: BLE001 - the dossier is saved: say so, log this
            log.error("stamped %s but could not draw its receipt", result.dossier.code,
                      exc_info=exc)
            stamped = Stamped(result, ratio=ratio, preview_error=f"{type(exc).__name__}: {exc}")
    return dossier_changed(stamped, result.dossier.code)


def check_request(desk: Desk, payload: dict[str, Any]) -> tuple[dict[str, str], Quote | None]:
    """On the worker: the request's problems as the desk sees them, and its live quote."""
    problems: dict[str, str] = {}
    try:
        desk.check_intake(payload)
    except InvalidInput as error:
        problems = dict(error.problems) or {"": error.message}
    return problems, desk.quote(payload)


class IntakeScreen(QWidget):
    """The intake form with its live summary; `stamp()` receives the dossier."""

    stamped = Signal(object)  # StampResult, after the dossier was saved
    card_read = Signal(object)  # IdCard filled in from a scanned QR code, or None (refused)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.preview_receipts = True  # tests may turn the preview dialog off
        self.receipt_dialog: ReceiptPreviewDialog | None = None
        self.last_result: StampResult | None = None
        self._picked: Procedure | None = None  # the procedure last picked in the picker
        self._touched: set[str] = set()
        self._attempted = False
        self._problems: dict[str, str] = {}
        self._revision = 0  # bumped by every change of the form: older answers are stale
        self._checked_revision = -1  # the revision whose check is shown
        self._stamping = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._clock = QTimer(self)  # the due date moves with the clock (15:00 cut-off, 17:00)
        self._clock.setInterval(REQUOTE_MS)
        self._clock.timeout.connect(self._requote)
        self.setStyleSheet(SCREEN_STYLE + FOCUS_STYLE)
        self._build()
        self._connect_changes()
        on_ctrl_enter(self, self.stamp, whole_window=False)
        for keys, action in (("Ctrl+G", self.checklist.add_free_row_and_focus),
                             ("Ctrl+Down", self.next_paper), ("Ctrl+Up", self.previous_paper),
                             ("Alt+T", self.focus_payment)):
            shortcut = QShortcut(QKeySequence(keys), self, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear()

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        s = self.session
        self.picker = ProcedurePicker(s)
        self.top = FieldGrid(label_width=118)
        self.top.add("procedure", self.tr("Thủ tục *"), self.picker, 0)

        self.form = ApplicantForm(s)

        self.checklist = Checklist()
        self.documents_error = QLabel()
        self.documents_error.setStyleSheet(ERROR_STYLE)
        self.documents_error.setWordWrap(True)

        self.sets = QSpinBox()
        self.sets.setRange(*count_range("sets"))
        self.channel = QComboBox()
        for text, channel in ((self.tr("Trực tiếp"), Channel.IN_PERSON),
                              (self.tr("Trực tuyến"), Channel.ONLINE),
                              (self.tr("Bưu chính"), Channel.POST)):
            self.channel.addItem(text, int(channel))
        self.delivery = QComboBox()
        for text, delivery in ((self.tr("Tại Bộ phận Một cửa"), Delivery.COUNTER),
                               (self.tr("Qua bưu chính"), Delivery.POST)):
            self.delivery.addItem(text, delivery.value)
        self.note = QLineEdit()
        self.note.setMaxLength(max_chars("note"))
        self.extra = FieldGrid(label_width=92)
        self.extra.add("sets", self.tr("Số bộ hồ sơ"), self.sets, 0)
        self.extra.add("channel", self.tr("Kênh tiếp nhận"), self.channel, 1)
        self.extra.add("delivery", self.tr("Nhận kết quả"), self.delivery, 2)
        self.extra.add("note", self.tr("Ghi chú"), self.note, 3)
        self.payment = PaymentChoice(self)
        self.extra.add("payment.method", self.tr("Thu phí (Alt+T)"), self.payment.method, 4)
        self.extra.add("payment.exempt_reason", self.tr("Lý do miễn *"), self.payment.reason, 5)
        self.extra.set_row_visible("payment.exempt_reason", False)
        self.payment.exempt_toggled.connect(self._exempt_toggled)

        self.summary = SummaryPanel()
        self.summary.setFixedWidth(SUMMARY_WIDTH)
        self.summary.set_form(self.extra)  # the last fields sit right above the stamp button
        self.summary.stamp_button.clicked.connect(self.stamp)
        self.general_error = self.summary.problems
        self.last_label = self.summary.last_stamped

        self.papers_box = papers_box = QGroupBox(self.tr(
            "Thành phần hồ sơ — phím cách: đánh dấu đã nhận · Ctrl+↓ / Ctrl+↑: giấy tờ sau / "
            "trước · ← →: cột số bản"))
        papers = QVBoxLayout(papers_box)
        papers.setSpacing(2)
        papers.addWidget(self.checklist, 1)
        papers.addWidget(self.documents_error)

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.top)
        left.addWidget(self.form)
        left.addWidget(papers_box, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(12)
        layout.addLayout(left, 1)
        layout.addWidget(self.summary)

        self.grids = (self.top, *self.form.grids, self.extra)
        self.checklist.rows_changed.connect(self._order_fields)
        self.checklist.past_last_row.connect(self._after_papers)
        self._order_fields()

    def _connect_changes(self) -> None:
        for edit in (self.note, self.picker):
            edit.textEdited.connect(self.schedule_refresh)
        for combo in (self.channel, self.delivery):
            combo.currentIndexChanged.connect(self.schedule_refresh)
        self.sets.valueChanged.connect(self.schedule_refresh)
        self.form.changed.connect(self.schedule_refresh)
        self.form.owner_check.toggled.connect(self._owner_toggled)
        self.checklist.changed.connect(self.schedule_refresh)
        self.picker.picked.connect(self._procedure_picked)

    def field_order(self) -> list[QWidget]:
        """Every editor in the order Enter (and Tab) walks them."""
        return [
            self.picker, *self.form.focus_widgets(), *self.checklist.focus_widgets(),
            self.sets, self.channel, self.delivery, self.note, self.payment.method,
            self.payment.reason, self.summary.stamp_button,
        ]

    def _order_fields(self) -> None:
        order = self.field_order()
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for widget in [*order, *self.checklist.all_widgets()]:
            widget.installEventFilter(self)

    # ---- the request -------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        """The intake request the form describes (the command line's JSON shape)."""
        procedure: Procedure | None = self.picker.value
        return {
            "procedure": procedure.code if procedure else "",
            "applicant": self.form.applicant_payload(),
            "owner": self.form.owner_payload(),
            "documents": self.checklist.documents(),
            "sets": self.sets.value(),
            "channel": self.channel.currentData(),
            "delivery": self.delivery.currentData(),
            "note": self.note.text(),
            **({"payment": payment} if (payment := self.payment.payload()) else {}),
        }

    def _form_problems(self) -> dict[str, str]:
        """What only the form can tell: a date not in dd/MM/yyyy, a name typed but not picked."""
        problems = self.form.form_problems()
        if self.picker.text().strip() and self.picker.value is None:
            problems["procedure"] = self.tr(
                "Chọn thủ tục trong danh sách gợi ý (gõ vài chữ rồi nhấn Enter).")
        return problems

    # ---- live checking -----------------------------------------------------------------------

    def schedule_refresh(self, *_args: object) -> None:
        self._revision += 1
        if self.isVisible():  # a hidden screen is checked again when shown
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._clock.start()
        self.refresh()
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            QTimer.singleShot(0, self.focus_first)  # F2 lands in the procedure picker

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt name)
        self._timer.stop()
        self._clock.stop()
        super().hideEvent(event)

    def _requote(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Check the request: the fee, the due date and the reasons under fields, when the
        desk answers (an answer about an older state of the form is dropped)."""
        self._timer.stop()
        revision, payload = self._revision, self.payload()
        QueryOp(
            self.session, parent=self, op=lambda desk: check_request(desk, payload),
            success=lambda answer: self._checked(revision, *answer),
        ).failure(self._check_failed).quietly().latest((self, "check")).run()

    def is_checked(self) -> bool:
        """True when what is shown answers the form as it is now (tests wait for it)."""
        return self._checked_revision == self._revision and not self._timer.isActive()

    def _checked(self, revision: int, problems: dict[str, str], quote: Quote | None) -> None:
        if revision != self._revision:
            return  # the form changed meanwhile: its own check is on the way
        self._checked_revision = revision
        self._problems = {**problems, **self._form_problems()}
        self.summary.show_quote(quote)
        total = quote.fee.total if quote is not None and quote.fee is not None else None
        self.payment.set_due(None if quote is None or quote.fee is None
                             else total is None or total > 0)
        self._show_problems()

    def _check_failed(self, error: BaseException) -> None:
        self.general_error.setText(error_message(error))

    def problems(self) -> dict[str, str]:
        """Every problem of the request as last checked (shown or not yet)."""
        return dict(self._problems)

    def _field_of(self, key: str) -> str:
        if key.startswith(DOCUMENTS):
            return DOCUMENTS
        if any(key in grid.editors for grid in self.grids):
            return key
        return GENERAL

    def _show_problems(self) -> None:
        shown = {key: reason for key, reason in self._problems.items()
                 if self._attempted or self._field_of(key) in self._touched}
        for grid in self.grids:
            grid.show_problems(shown)
        names = self.checklist.line_names()
        paper_lines, general = [], []
        for key, reason in shown.items():
            field = self._field_of(key)
            if field == DOCUMENTS:
                paper_lines.append(self._paper_problem(key, reason, names))
            elif field == GENERAL:
                general.append(reason)
        self.documents_error.setText("\n".join(paper_lines))
        self.summary.show_problems(len(self._problems) if self._attempted else 0)
        if general:
            self.general_error.setText("\n".join([*general, self.general_error.text()]).strip())

    def _paper_problem(self, key: str, reason: str, names: list[str]) -> str:
        try:
            index = int(key.split("[", 1)[1].split("]", 1)[0])
            return f"{names[index]}: {reason}"
        except (IndexError, ValueError):
            return reason

    # ---- keyboard ----------------------------------------------------------------------------

    def _key_of(self, widget: QObject) -> str | None:
        for grid in self.grids:
            for key, editor in grid.editors.items():
                if editor is widget:
                    return key
        if widget in self.checklist.all_widgets():
            return DOCUMENTS
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self._enter_pressed(watched, event)
        elif kind == QEvent.Type.FocusOut and event.reason() in FOCUS_OUT_REASONS:
            key = self._key_of(watched)
            if key is not None:
                self._touched.add(key)
                self.schedule_refresh()
        return super().eventFilter(watched, event)

    def _enter_pressed(self, watched: QObject, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.stamp()
            return True
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if isinstance(watched, SuggestEdit) and watched.wants_enter():
            return False  # Enter picks from the list (and then moves on)
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False
        if isinstance(watched, QPushButton):
            watched.click()  # the stamp button, "add another paper"
            return True
        self.focusNextChild()
        return True

    def next_paper(self) -> None:
        """Ctrl+↓: the next paper's tick (the first one from the fields above the list)."""
        focus = QApplication.focusWidget()
        index = self.checklist.row_of(focus)
        if index is not None:
            if not self.checklist.focus_row(index + 1):
                self._after_papers()
            return
        order = self.field_order()
        papers = self.checklist.focus_widgets()
        if papers and (focus not in order or order.index(focus) < order.index(papers[0])):
            self.checklist.focus_row(0)

    def previous_paper(self) -> None:
        """Ctrl+↑: the previous paper's tick (the last one from the fields below the list)."""
        index = self.checklist.row_of(QApplication.focusWidget())
        if index is None:
            self.checklist.focus_row(len(self.checklist.rows()) - 1)
        elif index > 0:
            self.checklist.focus_row(index - 1)

    def _after_papers(self) -> None:
        """Past the last paper: the first field below the list."""
        order = self.field_order()
        papers = self.checklist.focus_widgets()
        after = order.index(papers[-1]) + 1 if papers else order.index(self.sets)
        order[after].setFocus(Qt.FocusReason.TabFocusReason)

    def has_input(self) -> bool:
        """Whether a clerk has begun a dossier here (leaving would lose what was typed)."""
        return bool(self.picker.text().strip() or self.note.text().strip()
                    or self.form.has_input())

    def describe_input(self) -> str:
        """The half-filled dossier in a few words, for the question before leaving it."""
        return self.form.name.text().strip() or self.picker.text().strip()

    def focus_first(self) -> None:
        """Put the cursor in the procedure picker (the screen was just opened, or F2)."""
        self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- reacting to fields ------------------------------------------------------------------

    def _procedure_picked(self, procedure: Procedure) -> None:
        self._picked = procedure
        current = self.checklist.property("procedure_code")
        if current != procedure.code:
            self.checklist.setProperty("procedure_code", procedure.code)
            self.checklist.set_procedure(
                procedure, pages_matter=procedure.fee.depends_on_pages)
        self.schedule_refresh()

    def read_idcard(self, text: str) -> None:
        """A chip ID card's QR code scanned on this screen: fill the applicant from it (the
        domain reads and checks it), say what was read, go on to what the card does not
        give (the procedure if none is picked yet, else the phone)."""
        from ...domain.idcard import IdCardError, parse_idcard_qr

        picked = self._picked
        if (self.picker.value is None and picked is not None
                and self.picker.text() == self.picker.text_for(picked)):
            self.picker.set_value(picked)  # the burst typed into the picker undid the pick
        try:
            card = parse_idcard_qr(text, today=self.session.now().date())
        except IdCardError as error:
            self.form.say_card(error.message, error=True)
            self.card_read.emit(None)
            return
        self._touched.update(self.form.fill_from_card(card))
        self.schedule_refresh()
        target = self.picker if self.picker.value is None else self.form.phone
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.card_read.emit(card)

    def _exempt_toggled(self, on: bool) -> None:
        self.extra.set_row_visible("payment.exempt_reason", on)
        if on and self.payment.method.hasFocus():
            self.payment.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_payment(self) -> None:
        """Alt+T: how the fee is paid."""
        self.payment.method.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _owner_toggled(self, on: bool) -> None:
        if not on:
            self._touched.difference_update(OWNER_KEYS)

    # ---- stamping ----------------------------------------------------------------------------

    def stamp(self) -> bool:
        """Show every reason, or stamp, save and show the receipt (when the desk answers).

        False when the form itself stops it (its reasons shown) or a stamp is in flight.
        """
        if self._stamping:
            return False  # a second Ctrl+Enter while the first one is saved
        self._attempted = True
        self._timer.stop()
        form_problems = self._form_problems()
        if form_problems:
            self._problems = {**self._problems, **form_problems}
            self._show_problems()
            self._focus_first_problem()
            self.refresh()  # the desk's reasons too, when they come
            return False
        payload = self.payload()
        ratio = self.devicePixelRatioF()
        self._set_stamping(True)
        CollectionOp(self.session, self,
                     lambda desk: stamp_and_render(desk, payload, ratio)) \
            .with_progress(self.tr("Đang lưu hồ sơ…")) \
            .success(self._stamped).failure(self._stamp_failed).run(initiator=self)
        return True

    def _set_stamping(self, on: bool) -> None:
        self._stamping = on
        self.summary.stamp_button.setEnabled(not on)

    def _stamped(self, stamped: Stamped) -> None:
        self._set_stamping(False)
        result = stamped.result
        code = result.dossier.code
        self.last_result = result
        self.stamped.emit(result)
        self.clear()
        self.last_label.setText(self.tr("Vừa tiếp nhận: {0}\n{1}").format(
            code, result.dossier.applicant.name))
        self._show_receipt(stamped)

    def _stamp_failed(self, error: BaseException) -> None:
        self._set_stamping(False)
        if isinstance(error, InvalidInput) and error.problems:
            self._problems = {**dict(error.problems), **self._form_problems()}
            self._checked_revision = self._revision
            self._show_problems()
            self._focus_first_problem()
            return
        if is_for_people(error):  # refused before the transaction: nothing was written
            text = self.tr("Hồ sơ chưa được lưu: {0}").format(error_message(error))
        else:  # a fault: whether it came before or after the commit is not known here
            text = self.tr("Đã xảy ra lỗi không lường trước khi tiếp nhận (chi tiết đã được ghi "
                           "vào nhật ký). Hãy tra cứu (F3) theo số CCCD để xem hồ sơ đã được "
                           "lưu chưa trước khi tiếp nhận lại.")
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Không tiếp nhận được"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _focus_first_problem(self) -> None:
        for widget in self.field_order():
            key = self._key_of(widget)
            if key is not None and key != DOCUMENTS and key in self._problems:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _show_receipt(self, stamped: Stamped) -> None:
        """The preview to print from; or, the dossier being saved, what is still missing."""
        result = stamped.result
        code = result.dossier.code
        if result.receipt_path is None:
            log.error("stamped %s without its receipt PDF: %s", code, result.receipt_error)
            self._warn(self.tr("Hồ sơ {0} đã được tiếp nhận và lưu, nhưng chưa ghi được giấy "
                               "tiếp nhận. Hãy in lại giấy tiếp nhận từ hồ sơ (Tra cứu F3, "
                               "mở hồ sơ, Ctrl+P).").format(code))
            return
        if not self.preview_receipts:
            return
        try:
            if stamped.preview_error is not None or stamped.pdf is None:
                raise RuntimeError(stamped.preview_error or "no receipt bytes")
            from ..receipt_preview import OriginalReceipt, ReceiptPreviewDialog

            dialog = ReceiptPreviewDialog(stamped.pdf, self, title=code,
                                          pages=list(stamped.pages), ratio=stamped.ratio,
                                          original=OriginalReceipt(self.session, code))
        except Exception as exc:  # noqa: BLE001 - the dossier is saved; say so and go on
            log.error("could not show the receipt of %s: %s", code, exc)
            self._warn(self.tr("Hồ sơ {0} đã được lưu nhưng không mở được giấy tiếp nhận. "
                               "Hãy in lại giấy tiếp nhận từ hồ sơ (Tra cứu F3, mở hồ sơ, "
                               "Ctrl+P). Tệp giấy tiếp nhận: {1}").format(
                                   code, Path(result.receipt_path)))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._receipt_closed)
        self.receipt_dialog = dialog
        dialog.open()

    def _receipt_closed(self) -> None:
        self.receipt_dialog = None
        self.window().activateWindow()  # after the progress and preview windows: back here
        self.focus_first()

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Giấy tiếp nhận"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.open()

    def clear(self) -> None:
        """Empty the form for the next citizen (the station's province stays filled in)."""
        self.picker.set_value(None)
        self._picked = None
        self.note.clear()
        self.payment.reset()
        for combo in (self.channel, self.delivery):
            combo.setCurrentIndex(0)
        self.sets.setValue(1)
        self.checklist.setProperty("procedure_code", None)
        self.checklist.set_procedure(None)
        self.form.clear()
        self._touched.clear()
        self._attempted = False
        self._revision += 1
        self.refresh()
        self.focus_first()

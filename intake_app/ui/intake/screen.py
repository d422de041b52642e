"""Receive (Tiếp nhận, F2): from the first keystroke to the printed receipt, keyboard only.

The form builds the same request dict the command line takes (`receive --json`); the desk
checks it (`check_intake`), quotes its fee and due date (`quote`) and stamps it (`receive`).
Enter moves to the next field, Ctrl+Enter stamps from anywhere on the screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
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

from ...desk import StampResult
from ...domain.dossier import Channel, Delivery
from ...domain.intake import IntakeError
from ...domain.procedures import Procedure
from ..receipt_preview import ReceiptPreviewDialog
from ..session import Session
from ..widgets import on_ctrl_enter
from .applicant_form import OWNER_KEYS, ApplicantForm
from .checklist import Checklist
from .field_grid import ERROR_STYLE, FieldGrid
from .procedure_picker import ProcedurePicker
from .suggest_edit import SuggestEdit
from .summary_panel import SummaryPanel

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


class IntakeScreen(QWidget):
    """The intake form with its live summary; `stamp()` receives the dossier."""

    stamped = Signal(object)  # StampResult, after the dossier was saved

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.preview_receipts = True  # tests may turn the preview dialog off
        self.receipt_dialog: ReceiptPreviewDialog | None = None
        self.last_result: StampResult | None = None
        self._touched: set[str] = set()
        self._attempted = False
        self._problems: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._clock = QTimer(self)  # the due date moves with the clock (15:00 cut-off, 17:00)
        self._clock.setInterval(REQUOTE_MS)
        self._clock.timeout.connect(self._requote)
        self.setStyleSheet(SCREEN_STYLE)
        self._build()
        self._connect_changes()
        on_ctrl_enter(self, self.stamp, whole_window=False)
        add_paper = QShortcut(QKeySequence("Ctrl+G"), self, self.checklist.add_free_row_and_focus)
        add_paper.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
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
        self.sets.setRange(1, 99)
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
        self.extra = FieldGrid(label_width=92)
        self.extra.add("sets", self.tr("Số bộ hồ sơ"), self.sets, 0)
        self.extra.add("channel", self.tr("Kênh tiếp nhận"), self.channel, 1)
        self.extra.add("delivery", self.tr("Nhận kết quả"), self.delivery, 2)
        self.extra.add("note", self.tr("Ghi chú"), self.note, 3)

        self.summary = SummaryPanel()
        self.summary.setFixedWidth(SUMMARY_WIDTH)
        self.summary.set_form(self.extra)  # the last fields sit right above the stamp button
        self.summary.stamp_button.clicked.connect(self.stamp)
        self.general_error = self.summary.problems
        self.last_label = self.summary.last_stamped

        papers_box = QGroupBox(self.tr("Thành phần hồ sơ (đánh dấu giấy tờ đã nhận)"))
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
            self.sets, self.channel, self.delivery, self.note, self.summary.stamp_button,
        ]

    def _order_fields(self) -> None:
        order = self.field_order()
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for widget in order:
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
        self.summary.show_quote(self.session.desk.quote(self.payload()))

    def refresh(self) -> None:
        """Check the request now: show the fee, the due date and the reasons under fields."""
        self._timer.stop()
        payload = self.payload()
        problems = self._form_problems()
        try:
            self.session.desk.check_intake(payload)
        except IntakeError as error:
            for key, reason in error.problems.items():
                problems.setdefault(key, reason)
        self._problems = problems
        self.summary.show_quote(self.session.desk.quote(payload))
        self._show_problems()

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
        if widget in self.checklist.focus_widgets():
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
        if isinstance(watched, SuggestEdit) and watched.popup_visible():
            return False  # Enter picks from the list (and then moves on)
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False
        if isinstance(watched, QPushButton):
            watched.click()  # the stamp button, "add another paper"
            return True
        self.focusNextChild()
        return True

    def focus_first(self) -> None:
        """Put the cursor in the procedure picker (the screen was just opened, or F2)."""
        self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- reacting to fields ------------------------------------------------------------------

    def _procedure_picked(self, procedure: Procedure) -> None:
        current = self.checklist.property("procedure_code")
        if current != procedure.code:
            self.checklist.setProperty("procedure_code", procedure.code)
            self.checklist.set_procedure(
                procedure, pages_matter=procedure.fee.depends_on_pages)
        self.schedule_refresh()

    def _owner_toggled(self, on: bool) -> None:
        if not on:
            self._touched.difference_update(OWNER_KEYS)

    # ---- stamping ----------------------------------------------------------------------------

    def stamp(self) -> StampResult | None:
        """Check everything, show every reason, or stamp, save and show the receipt."""
        self._attempted = True
        self.refresh()
        if self._problems:
            self._focus_first_problem()
            return None
        try:
            result = self.session.desk.receive(self.payload(), clerk=self.session.clerk)
        except IntakeError as error:  # the catalogue changed under the form
            self._problems = dict(error.problems)
            self._show_problems()
            return None
        except Exception as exc:  # noqa: BLE001 - shown to the clerk; nothing was saved
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Không tiếp nhận được"),
                              self.tr("Hồ sơ chưa được lưu: {0}").format(exc),
                              QMessageBox.StandardButton.Ok, self)
            box.open()
            return None
        code = result.dossier.code
        self.last_result = result
        self.session.dossier_changed.emit(code)
        self.stamped.emit(result)
        self.clear()
        self.last_label.setText(self.tr("Vừa tiếp nhận: {0}\n{1}").format(
            code, result.dossier.applicant.name))
        self._show_receipt(result)
        return result

    def _focus_first_problem(self) -> None:
        for widget in self.field_order():
            key = self._key_of(widget)
            if key is not None and key != DOCUMENTS and key in self._problems:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _show_receipt(self, result: StampResult) -> None:
        code = result.dossier.code
        if result.receipt_path is None:
            self._warn(self.tr("Hồ sơ {0} đã được tiếp nhận và lưu, nhưng chưa ghi được giấy "
                               "tiếp nhận. Hãy in lại giấy tiếp nhận từ hồ sơ.").format(code))
            return
        if not self.preview_receipts:
            return
        try:
            dialog = ReceiptPreviewDialog(result.receipt_path, self, title=code)
        except Exception:  # noqa: BLE001 - the dossier is saved; say so and go on
            self._warn(self.tr("Hồ sơ {0} đã được lưu nhưng không mở được giấy tiếp nhận. "
                               "Hãy in lại giấy tiếp nhận từ hồ sơ.").format(code))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._receipt_closed)
        self.receipt_dialog = dialog
        dialog.open()

    def _receipt_closed(self) -> None:
        self.receipt_dialog = None
        self.focus_first()

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Giấy tiếp nhận"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.open()

    def clear(self) -> None:
        """Empty the form for the next citizen (the station's province stays filled in)."""
        self.picker.set_value(None)
        self.note.clear()
        for combo in (self.channel, self.delivery):
            combo.setCurrentIndex(0)
        self.sets.setValue(1)
        self.checklist.setProperty("procedure_code", None)
        self.checklist.set_procedure(None)
        desk = self.session.desk
        station = desk.station if desk.is_set_up() else None
        self.form.clear(desk.province(station.province_code) if station else None)
        self._touched.clear()
        self._attempted = False
        self.refresh()
        self.focus_first()

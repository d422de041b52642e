"""Chuyển bước: move a dossier to one of the statuses its current one allows.

Only the fields the chosen step needs are shown: where the dossier goes (hand-over), the
reason (supplement, refusal, stop, financial obligation), the papers to add (supplement),
who takes the result (returned). Ctrl+Enter confirms; the step is taken by an op off the
window's thread, and the desk's refusal (in Vietnamese) appears under the form with nothing
written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dossier import Dossier
from ...domain.lifecycle import (
    NEEDS_REASON,
    StepRequest,
    next_statuses,
    step_action,
)
from ...domain.status import DossierStatus as S
from ...domain.text import nfc
from ..office_write import ask_for_it
from ..operations import Changed, CollectionOp, dossier_changed, error_message
from ..session import Session
from ..status_text import status_text
from ..widgets import confirm_buttons
from .units import unit_completer

if TYPE_CHECKING:
    from ...desk import Desk
    from ..find.dossier_dialog import DossierView

ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"

# The step a clerk usually takes next from each status (pre-selected).
USUAL_NEXT: dict[S, S] = {
    S.NEW: S.RECEIVED, S.RECEIVED: S.IN_PROCESSING, S.IN_PROCESSING: S.DONE,
    S.SUPPLEMENT_REQUESTED: S.IN_PROCESSING, S.FINANCIAL_OBLIGATION: S.IN_PROCESSING,
    S.DONE: S.RETURNED,
}


def is_hand_over(current: S, target: S) -> bool:
    """Handing the dossier to an officer or unit (rather than taking a supplement back)."""
    return target in next_statuses(current) and step_action(current, target) == "handed_over"


class StepDialog(QDialog):
    """Target status (radio buttons), then the step's fields; `dossier` holds the result."""

    use_hand_back_screen = Signal()  # "Trả kết quả" is better done on F4: the dialog asks

    def __init__(self, session: Session, view: DossierView, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.before: Dossier = view.dossier
        self.code = self.before.code
        self.dossier: Dossier | None = None  # after the step, once confirmed
        self.action: str | None = None  # the history action the step recorded
        self.view_after: DossierView | None = None  # the dossier read again after the step
        self._confirming = False
        self.setWindowTitle(self.tr("Chuyển bước xử lý — hồ sơ %s") % self.code)
        self.setMinimumWidth(640)

        header = QLabel()
        header.setWordWrap(True)
        header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        current = self.before
        lines = [f"<b>{current.code}</b> — {current.applicant.name}",
                 current.procedure_name,
                 self.tr("Trạng thái hiện tại: <b>%s</b>") % status_text(current.status)]
        if current.processing_unit:
            lines.append(self.tr("Đang ở: %s") % current.processing_unit)
        header.setText("<br>".join(lines))

        self.targets = list(view.targets)
        self.target_group = QButtonGroup(self)
        self.target_buttons: dict[S, QRadioButton] = {}
        target_box = QGroupBox(self.tr("Chuyển sang"))
        target_column = QVBoxLayout(target_box)
        target_column.setSpacing(2)
        for target in self.targets:
            button = QRadioButton(self._target_text(current.status, target))
            self.target_group.addButton(button, int(target))
            self.target_buttons[target] = button
            target_column.addWidget(button)
        if not self.targets:
            target_column.addWidget(QLabel(self.tr(
                "Hồ sơ ở trạng thái «%s» đã kết thúc: không còn bước nào.")
                % status_text(current.status)))

        self.to_unit = QLineEdit()
        self.to_unit.setPlaceholderText(self.tr("Công chức hoặc cơ quan, đơn vị nhận hồ sơ"))
        unit_completer(self.to_unit, view.recent_units)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.components = QListWidget()
        self.components.setSpacing(1)
        procedure = view.procedure
        for component in procedure.components if procedure else ():
            item = QListWidgetItem(component.name, self.components)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = min(max(self.components.count(), 1), 6)
        self.components.setFixedHeight(rows * (self.fontMetrics().lineSpacing() + 8) + 6)
        self.other_documents = QPlainTextEdit()
        self.other_documents.setTabChangesFocus(True)
        self.other_documents.setPlaceholderText(self.tr("Mỗi dòng một giấy tờ"))
        self.other_documents.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.receiver_name = QLineEdit(current.applicant.name)
        self.receiver_id = QLineEdit(current.applicant.id_number or "")
        self.receiver_id.setPlaceholderText(self.tr("Số CCCD / số định danh người nhận"))
        self.hand_back_button = QPushButton(self.tr("Trả kết quả tại màn hình F4…"))
        self.hand_back_button.setAutoDefault(False)
        self.hand_back_button.clicked.connect(self._use_hand_back_screen)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.to_unit_label = QLabel()
        self.note_label = QLabel()
        self.form.addRow(self.to_unit_label, self.to_unit)
        self.form.addRow(self.tr("Người nhận kết quả:"), self.receiver_name)
        self.form.addRow(self.tr("Số CCCD người nhận:"), self.receiver_id)
        self.form.addRow("", self.hand_back_button)
        self.form.addRow(self.note_label, self.note)
        self.form.addRow(self.tr("Giấy tờ cần bổ sung:"), self.components)
        self.form.addRow(self.tr("Giấy tờ khác:"), self.other_documents)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        buttons, self.confirm_button, self.cancel_button = confirm_buttons(
            self, self.tr("Xác nhận (Ctrl+Enter)"), self.tr("Hủy"), self.confirm)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(target_box)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.target_group.idToggled.connect(lambda _id, checked: checked and self._show_fields())
        usual = USUAL_NEXT.get(current.status)
        first = usual if usual in self.target_buttons else (self.targets[0] if self.targets
                                                             else None)
        if first is not None:
            self.target_buttons[first].setChecked(True)
        self._show_fields()

    # ---- the fields of the chosen step -------------------------------------------------------

    def _target_text(self, current: S, target: S) -> str:
        """The status, and what the step means for the dossier."""
        if target == S.IN_PROCESSING:
            what = {
                S.SUPPLEMENT_REQUESTED: self.tr("công dân đã nộp giấy tờ bổ sung"),
                S.FINANCIAL_OBLIGATION: self.tr("công dân đã thực hiện nghĩa vụ tài chính"),
                S.IN_PROCESSING: self.tr("chuyển cho công chức, đơn vị khác"),
            }.get(current, self.tr("chuyển cho công chức, đơn vị xử lý"))
        else:
            what = {
                S.RECEIVED: self.tr("tiếp nhận hồ sơ nộp trực tuyến"),
                S.REFUSED: self.tr("từ chối tiếp nhận, in Mẫu 03"),
                S.SUPPLEMENT_REQUESTED: self.tr("yêu cầu bổ sung, hoàn thiện, in Mẫu 02"),
                S.FINANCIAL_OBLIGATION: self.tr("chờ công dân nộp thuế, phí"),
                S.WITHDRAWN: self.tr("công dân xin rút hồ sơ"),
                S.STOPPED: self.tr("dừng giải quyết, in thông báo"),
                S.DONE: self.tr("có kết quả, chờ trả cho công dân"),
                S.RETURNED: self.tr("giao kết quả cho công dân"),
            }.get(target, "")
        return f"{status_text(target)} — {what}" if what else status_text(target)

    def chosen_target(self) -> S | None:
        checked = self.target_group.checkedId()
        return S(checked) if checked > 0 else None

    def choose(self, target: S) -> None:
        self.target_buttons[target].setChecked(True)

    def _show_fields(self) -> None:
        target = self.chosen_target()
        current = self.before.status
        hand_over = target is not None and is_hand_over(current, target)
        forward = target == S.IN_PROCESSING and not hand_over
        supplement = target == S.SUPPLEMENT_REQUESTED
        returned = target == S.RETURNED
        self.form.setRowVisible(self.to_unit, hand_over or forward)
        self.to_unit_label.setText(self.tr("Chuyển cho *:") if hand_over
                                   else self.tr("Chuyển tiếp cho:"))
        if forward and not self.to_unit.text():
            self.to_unit.setText(self.before.processing_unit or "")
        self.form.setRowVisible(self.components, supplement and self.components.count() > 0)
        self.form.setRowVisible(self.other_documents, supplement)
        for widget in (self.receiver_name, self.receiver_id, self.hand_back_button):
            self.form.setRowVisible(widget, returned)
        self.form.setRowVisible(self.note, target is not None)
        self.note_label.setText({
            S.SUPPLEMENT_REQUESTED: self.tr("Lý do *:"),
            S.REFUSED: self.tr("Lý do từ chối *:"),
            S.STOPPED: self.tr("Lý do dừng *:"),
            S.FINANCIAL_OBLIGATION: self.tr("Nghĩa vụ tài chính *:"),
        }.get(target, self.tr("Ghi chú:")))
        self.note.setPlaceholderText(
            self.tr("Bắt buộc: được in trên phiếu gửi công dân") if target in NEEDS_REASON
            else self.tr("Không bắt buộc"))
        self.confirm_button.setEnabled(target is not None)
        self.error.hide()
        self.adjustSize()

    def documents(self) -> tuple[str, ...]:
        """The papers to add: the ticked components, then the lines typed below them."""
        ticked = [self.components.item(row).text() for row in range(self.components.count())
                  if self.components.item(row).checkState() == Qt.CheckState.Checked]
        typed = [nfc(line) for line in self.other_documents.toPlainText().splitlines()]
        return tuple(dict.fromkeys(name for name in ticked + typed if name))

    # ---- confirming --------------------------------------------------------------------------

    def confirm(self) -> bool:
        """Take the step (off the window's thread); a refusal is shown and the dialog stays.

        False when nothing was started (no step chosen, or one is already being taken).
        """
        target = self.chosen_target()
        if target is None or self._confirming:
            return False
        code = self.code
        to_unit = nfc(self.to_unit.text()) if self.form.isRowVisible(self.to_unit) else ""
        receiver_name, receiver_id = self.receiver_name.text(), self.receiver_id.text()
        request = StepRequest(
            target, to_unit=to_unit, note=self.note.toPlainText(),
            documents=self.documents() if target == S.SUPPLEMENT_REQUESTED else (),
        )

        def take_step(desk: Desk) -> Changed[tuple[Dossier, DossierView | None]]:
            from ..find.dossier_dialog import view_after_change

            if target == S.RETURNED:
                dossier = desk.hand_back(code, receiver_name=receiver_name,
                                         receiver_id_number=receiver_id)
            else:
                dossier = desk.step(code, request)
            return dossier_changed((dossier, view_after_change(desk, code, to_unit)), code)

        self._confirming = True
        self.confirm_button.setEnabled(False)

        def not_moved(message: str) -> None:  # the dossier stays with its counter
            self._confirming = False
            self.confirm_button.setEnabled(True)
            self._show_error(message, target)

        def go(asked: bool = False) -> None:
            def refused(error: BaseException) -> None:
                # Another counter's dossier: ask the hub for it, then take the step (§7.2).
                if asked or ask_for_it(self.session, self, code, error, lambda: go(True),
                                       not_moved) is None:
                    self._refused(error, target)

            CollectionOp(self.session, self, take_step).success(self._taken) \
                .failure(refused).run(initiator=self)

        go()
        return True

    def _taken(self, result: tuple[Dossier, DossierView | None]) -> None:
        self._confirming = False
        self.dossier, self.view_after = result
        self.action = step_action(self.before.status, self.dossier.status)
        self.accept()

    def _refused(self, error: BaseException, target: S) -> None:
        self._confirming = False
        self.confirm_button.setEnabled(True)
        self._show_error(error_message(error), target)

    def _show_error(self, text: str, target: S) -> None:
        self.error.setText(text)
        self.error.show()
        if target == S.RETURNED:
            self.receiver_name.setFocus()
        elif "nơi nhận" in text:  # the desk names the receiving party
            self.to_unit.setFocus()
        elif target in NEEDS_REASON:
            self.note.setFocus()

    def _use_hand_back_screen(self) -> None:
        self.use_hand_back_screen.emit()
        self.reject()

"""Trả kết quả (F4): scan a dossier code, record who received the result, and when.

The dossier is read, and the hand-back recorded, by ops off the window's thread; `loaded`
and `confirmed` say when each answer is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.calendar import WorkCalendar
from ...domain.deadlines import deadline_state
from ...domain.dossier import Dossier
from ...domain.dossier_code import looks_like_dossier_code
from ...domain.errors import InvalidInput, NotAllowed, NotFound
from ...domain.formatting import datetime_vn, day_time_vn
from ...domain.id_documents import IdKind
from ...domain.id_numbers import normalize_id_number
from ...domain.lifecycle import can_hand_back
from ...domain.status import DossierStatus
from ..find.results_model import due_text, status_text
from ..office_write import ask_for_it
from ..operations import Changes, CollectionOp, QueryOp, dossier_changed, error_message
from ..session import Session

if TYPE_CHECKING:
    from ...desk import Desk
from ..widgets import on_ctrl_enter, screen_title

ERROR_STYLE = "color: #842029; background: #f8d7da; padding: 6px; border-radius: 3px;"
WARNING_STYLE = "color: #664d03; background: #fff3cd; padding: 6px; border-radius: 3px;"
SUCCESS_STYLE = "color: #0f5132; background: #d1e7dd; padding: 6px; border-radius: 3px;"


def _value_label() -> QLabel:
    label = QLabel("—")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def read_dossier(desk: Desk, code: str) -> tuple[Dossier, WorkCalendar]:
    """On the worker: the dossier (UnknownDossier if none) and the calendar for its deadline."""
    return desk.dossier(code), desk.calendar()


class HandBackScreen(QWidget):
    """Code box → dossier summary → receiver → Ctrl+Enter. One dossier after another."""

    loaded = Signal(bool)  # a code was looked up: True if its dossier is shown
    confirmed = Signal(bool)  # a hand-back was answered: True if it was recorded

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dossier: Dossier | None = None
        self._confirming = False

        title = screen_title(self.tr("Trả kết quả"))

        self.code_box = QLineEdit()
        self.code_box.setPlaceholderText(self.tr("Quét mã vạch trên giấy hẹn hoặc gõ mã hồ sơ"))
        self.code_box.setMinimumHeight(32)
        self.load_button = QPushButton(self.tr("Tìm hồ sơ (Enter)"))
        self.load_button.setAutoDefault(False)
        code_row = QHBoxLayout()
        code_row.addWidget(QLabel(self.tr("Mã hồ sơ:")))
        code_row.addWidget(self.code_box, 1)
        code_row.addWidget(self.load_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.summary_box = QGroupBox(self.tr("Hồ sơ"))
        summary = QFormLayout(self.summary_box)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("code", self.tr("Mã hồ sơ")), ("applicant", self.tr("Người nộp")),
            ("id_number", self.tr("Số CCCD")), ("procedure", self.tr("Thủ tục")),
            ("received", self.tr("Ngày nhận")), ("due", self.tr("Hẹn trả")),
            ("status", self.tr("Trạng thái")),
        ):
            self.fields[key] = _value_label()
            summary.addRow(caption + ":", self.fields[key])
        id_caption = summary.labelForField(self.fields["id_number"])
        assert isinstance(id_caption, QLabel)
        self.id_caption = id_caption  # names the applicant's document (CCCD, passport…)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        summary.addRow(self.warning)

        self.receiver_box = QGroupBox(self.tr("Người nhận kết quả"))
        receiver = QFormLayout(self.receiver_box)
        self.same_person = QCheckBox(self.tr("Người nhận là người nộp hồ sơ"))
        self.same_person.setChecked(True)
        self.receiver_name = QLineEdit()
        self.receiver_name.setPlaceholderText(self.tr("Họ và tên người nhận"))
        self.receiver_id = QLineEdit()
        self.receiver_id.setPlaceholderText(self.tr("Số CCCD / số định danh người nhận"))
        self.time_label = QLabel()
        receiver.addRow(self.same_person)
        receiver.addRow(self.tr("Họ và tên:"), self.receiver_name)
        receiver.addRow(self.tr("Số CCCD:"), self.receiver_id)
        receiver.addRow(self.tr("Thời điểm trả:"), self.time_label)

        self.confirm_button = QPushButton(self.tr("Xác nhận trả kết quả (Ctrl+Enter)"))
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.setMinimumHeight(36)
        bold = QFont(self.confirm_button.font())
        bold.setBold(True)
        self.confirm_button.setFont(bold)
        confirm_row = QHBoxLayout()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button)

        columns = QHBoxLayout()
        columns.addWidget(self.summary_box, 1)
        columns.addWidget(self.receiver_box, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(code_row)
        layout.addWidget(self.message)
        layout.addLayout(columns)
        layout.addLayout(confirm_row)
        layout.addStretch(1)

        self.code_box.returnPressed.connect(self._code_entered)
        self.load_button.clicked.connect(self._code_entered)
        self.same_person.toggled.connect(self._same_person_toggled)
        self.receiver_name.textEdited.connect(self._receiver_edited)
        self.receiver_id.textEdited.connect(self._receiver_edited)
        self.receiver_name.returnPressed.connect(self._name_entered)
        self.receiver_id.returnPressed.connect(lambda: self._take_scanned_code(self.receiver_id))
        self.confirm_button.clicked.connect(self.confirm)
        QWidget.setTabOrder(self.code_box, self.receiver_name)
        QWidget.setTabOrder(self.receiver_name, self.receiver_id)
        QWidget.setTabOrder(self.receiver_id, self.same_person)
        QWidget.setTabOrder(self.same_person, self.confirm_button)
        QWidget.setTabOrder(self.confirm_button, self.load_button)
        on_ctrl_enter(self, self.confirm, whole_window=False)
        self._clock = QTimer(self)
        self._clock.setInterval(15_000)
        self._clock.timeout.connect(self._show_time)
        session.changed.connect(self._on_changed)
        self._show(None)

    # ---- keyboard ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_time()
        self._clock.start()
        self.focus_code()

    def hideEvent(self, event: QHideEvent) -> None:
        self._clock.stop()
        super().hideEvent(event)

    def focus_code(self) -> None:
        self.code_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.code_box.selectAll()

    # ---- loading -----------------------------------------------------------------------------

    def _code_entered(self) -> None:
        # Focus stays in the code box, so a re-scan replaces a wrong code; Ctrl+Enter confirms
        # from anywhere on the screen, and Tab leads to the receiver's fields.
        self.load(self.code_box.text())
        self.focus_code()

    def load(self, code: str) -> bool:
        """Look up the dossier with this exact code and show it when it is read (`loaded`);
        False (and why, inline) at once if the text is not a whole dossier code."""
        text = code.strip().upper()
        self.code_box.setText(text if looks_like_dossier_code(text) else code.strip())
        if not text:
            self._show(None)
            self._say(self.tr("Quét hoặc gõ mã hồ sơ rồi nhấn Enter."), WARNING_STYLE)
            self.loaded.emit(False)
            return False
        if not looks_like_dossier_code(text):
            self._show(None)
            self._say(self.tr("«%s» không phải là một mã hồ sơ đầy đủ. Để tìm theo tên, số CCCD "
                              "hoặc số điện thoại, hãy dùng Tra cứu (F3).") % code.strip(),
                      ERROR_STYLE)
            self.loaded.emit(False)
            return False

        def found(answer: tuple[Dossier, WorkCalendar]) -> None:
            self._show(*answer)
            self._say("")
            self.loaded.emit(True)

        def not_found(error: BaseException) -> None:
            self._show(None)
            self._say(self.tr("Không có hồ sơ mã %s.") % text if isinstance(error, NotFound)
                      else error_message(error), ERROR_STYLE)
            self.loaded.emit(False)

        QueryOp(self.session, parent=self, op=lambda desk: read_dossier(desk, text),
                success=found).failure(not_found).latest((self, "load")).run()
        return True

    def _show(self, dossier: Dossier | None, calendar: WorkCalendar | None = None) -> None:
        self.dossier = dossier
        for label in self.fields.values():
            label.setText("—")
        self.warning.hide()
        allowed = dossier is not None and can_hand_back(dossier.status)
        self.receiver_box.setEnabled(allowed)
        self.confirm_button.setEnabled(allowed)
        self.same_person.setChecked(True)
        self._fill_receiver()
        if dossier is None:
            return
        applicant = dossier.applicant
        self.fields["code"].setText(dossier.code)
        self.fields["applicant"].setText(applicant.name)
        self.fields["id_number"].setText(applicant.id_number or "—")
        self.id_caption.setText({
            IdKind.PASSPORT: self.tr("Số hộ chiếu"), IdKind.TAX_CODE: self.tr("Mã số thuế"),
        }.get(applicant.id_kind, self.tr("Số CCCD")) + ":")
        self.fields["procedure"].setText(dossier.procedure_name)
        self.fields["received"].setText(day_time_vn(dossier.received_at))
        if calendar is not None:
            state = deadline_state(dossier.due_at, dossier.status, self.session.now(), calendar)
            self.fields["due"].setText(due_text(dossier.due_at, state))
        self.fields["status"].setText(status_text(dossier.status))
        if not allowed:
            self.warning.setText(self._refusal(dossier))
            self.warning.show()
        self._show_time()

    def _refusal(self, dossier: Dossier) -> str:
        if dossier.status == DossierStatus.RETURNED and dossier.returned_at:
            return self.tr("Hồ sơ này đã được trả kết quả lúc %s; không thể trả lại lần nữa.") \
                % datetime_vn(dossier.returned_at)
        return self.tr("Không thể trả kết quả: hồ sơ đang ở trạng thái «%s».") \
            % status_text(dossier.status)

    # ---- the receiver ------------------------------------------------------------------------

    def _fill_receiver(self) -> None:
        applicant = self.dossier.applicant if self.dossier else None
        self.receiver_name.setText(applicant.name if applicant else "")
        self.receiver_id.setText((applicant.id_number or "") if applicant else "")

    def _same_person_toggled(self, checked: bool) -> None:
        if checked:
            self._fill_receiver()
        else:
            self.receiver_name.clear()
            self.receiver_id.clear()
            self.receiver_name.setFocus()

    def _receiver_edited(self) -> None:
        """Typing another name or number means someone else came for the result."""
        applicant = self.dossier.applicant if self.dossier else None
        same = applicant is not None and (
            self.receiver_name.text().strip() == applicant.name
            and normalize_id_number(self.receiver_id.text()) == (applicant.id_number or "")
        )
        if same != self.same_person.isChecked():
            self.same_person.blockSignals(True)
            self.same_person.setChecked(same)
            self.same_person.blockSignals(False)

    def _name_entered(self) -> None:
        if not self._take_scanned_code(self.receiver_name):
            self.receiver_id.setFocus()

    def _take_scanned_code(self, field: QLineEdit) -> bool:
        """A code scanned while a receiver field had focus ends up typed after its text:
        take it back out and load that dossier, as if it had been scanned into the code box."""
        text = field.text()
        for start in range(len(text)):
            if looks_like_dossier_code(text[start:]):
                field.setText(text[:start])
                self.code_box.setText(text[start:])
                self._code_entered()
                return True
        return False

    def _show_time(self) -> None:
        self.time_label.setText(day_time_vn(self.session.now()))

    # ---- confirming --------------------------------------------------------------------------

    def confirm(self) -> bool:
        """Record the hand-back (off the window's thread); on success clear the screen for the
        next citizen. False when nothing was started (no dossier, or a new code to load)."""
        if self.dossier is None or not self.confirm_button.isEnabled() or self._confirming:
            return False
        code = self.dossier.code
        if self.code_box.text().strip().upper() != code:  # a new code typed, not yet loaded
            self._code_entered()
            return False
        name, id_number = self.receiver_name.text(), self.receiver_id.text()
        self._confirming = True
        self.confirm_button.setEnabled(False)

        def hand_back(asked: bool = False) -> None:
            def refused(error: BaseException) -> None:
                # Another counter's dossier: ask the hub for it, then hand back (§7.2).
                if asked or ask_for_it(self.session, self, code, error,
                                       lambda: hand_back(True), self._not_moved) is None:
                    self._refused(code, error)

            CollectionOp(
                self.session, self,
                lambda desk: dossier_changed(desk.hand_back(
                    code, receiver_name=name, receiver_id_number=id_number), code),
            ).success(self._returned).failure(refused).run(initiator=self)

        hand_back()
        return True

    def _not_moved(self, message: str) -> None:
        """The dossier stays with its counter (off, silent, or the hub not reachable)."""
        self._confirming = False
        self.confirm_button.setEnabled(True)
        self._say(message, ERROR_STYLE)
        self.confirmed.emit(False)

    def _returned(self, returned: Dossier) -> None:
        self._confirming = False
        self._show(None)
        self.code_box.clear()
        self._say(self.tr("Đã trả kết quả hồ sơ %1 lúc %2").replace("%1", returned.code)
                  .replace("%2", datetime_vn(returned.returned_at)), SUCCESS_STYLE)
        self.focus_code()
        self.confirmed.emit(True)

    def _refused(self, code: str, error: BaseException) -> None:
        self._confirming = False
        self.confirm_button.setEnabled(True)
        if isinstance(error, InvalidInput):  # e.g. the receiver's name is empty
            self._say(error_message(error), ERROR_STYLE)
            self.receiver_name.setFocus()
        elif isinstance(error, NotAllowed):  # changed at another counter since it was loaded
            self.loaded.connect(self._say_refusal_once)
            self.load(code)
        else:
            self._say(error_message(error), ERROR_STYLE)
        self.confirmed.emit(False)

    def _say_refusal_once(self, shown: bool) -> None:
        self.loaded.disconnect(self._say_refusal_once)
        if shown and self.dossier is not None:
            self._say(self._refusal(self.dossier), ERROR_STYLE)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if self.dossier is None or initiator is self or self.dossier.code not in changes.dossiers:
            return
        self.load(self.dossier.code)  # changed elsewhere: show it as it is now

    def _say(self, text: str, style: str = "") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(bool(text))

"""Sửa thông tin… (Ctrl+E in the dossier window): correct a stamped dossier, reissue its receipt.

The dialog shows the applicant's and owner's details, the papers and their counts, the number
of sets, where the result goes and the note, as the intake form does (the same widgets), and a
reason, always. While the clerk edits, the desk says what the correction would change
(`Desk.check_correction`: each field before → after, the fee before and after) and the dialog
says what the citizen is told (the reissued receipt's line: it replaces the earlier one, the
appointment stays, the difference to pay or give back). Saving is `Desk.correct` through an op
(one transaction); the reissued receipt's pages are drawn on the worker and the preview opens
over the dossier window, which then shows the corrected dossier. The domain's rules decide what
may change in which status (`domain.corrections`): the papers of a dossier already decided are
shown but cannot be edited; the procedure and the received time are not in the dialog at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.corrections import PAPER_KEYS, correctable, fee_sentence, why_not
from ...domain.dossier import Delivery, Dossier
from ...domain.errors import InvalidInput
from ...domain.formatting import day_time_vn, money
from ...domain.limits import count_range, max_chars
from ...domain.procedures import Procedure
from ..intake.applicant_form import ApplicantForm
from ..intake.checklist import Checklist
from ..intake.field_grid import ERROR_STYLE, FieldGrid
from ..operations import Changed, CollectionOp, QueryOp, dossier_changed, error_message
from ..session import Session

if TYPE_CHECKING:
    from ...desk import CorrectionResult, Desk
    from ...domain.corrections import CorrectionOutcome
    from ...store.admin_units import AdminUnit
    from .dossier_dialog import DossierView

log = logging.getLogger(__name__)

CHECK_DELAY_MS = 200
GENERAL = "(gốc)"
STYLE = """
QLineEdit[bad="true"], QComboBox[bad="true"], QSpinBox[bad="true"] {
    border: 1px solid #b3261e; background: #fff6f5; }
QGroupBox { font-weight: bold; border: 1px solid #d5dde8; border-radius: 5px;
            margin-top: 9px; padding: 6px 8px 2px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
"""


@dataclass(frozen=True)
class CorrectionStart:
    """What the dialog opens on: the dossier, its procedure's papers, the places it names."""

    dossier: Dossier
    procedure: Procedure | None
    units: dict[str, AdminUnit]  # the applicant's province and commune, by code


def read_start(desk: Desk, code: str) -> CorrectionStart:
    """On the worker: the dossier as stored now, its procedure and the applicant's places."""
    dossier = desk.dossier(code)
    units: dict[str, AdminUnit] = {}
    applicant = dossier.applicant
    if applicant.province_code:
        province = desk.province(applicant.province_code)
        if province is not None:
            units[province.code] = province
        if applicant.commune_code:
            for commune in desk.communes(applicant.province_code):
                if commune.code == applicant.commune_code:
                    units[commune.code] = commune
    return CorrectionStart(dossier, desk.procedure(dossier.procedure_code), units)


@dataclass(frozen=True)
class Corrected:
    """What the save op hands back: the desk's result, the new receipt drawn, the new view."""

    result: CorrectionResult
    pdf: bytes | None
    pages: tuple[QImage, ...]
    ratio: float
    view: DossierView | None
    preview_error: str | None = None


def correct_and_render(desk: Desk, code: str, patch: dict[str, Any], reason: str,
                       ratio: float) -> Changed[Corrected]:
    """On the worker: correct (one transaction), then draw the reissued receipt and read the
    dossier again. Nothing after `correct` returned may raise: the correction is saved."""
    from .dossier_dialog import view_after_change

    result = desk.correct(code, patch, reason=reason)
    pdf: bytes | None = None
    pages: tuple[QImage, ...] = ()
    error = None
    if result.receipt_path is not None:
        try:
            from ..receipt_preview import preview_pages

            pdf = desk.read_pdf(Path(result.receipt_path))  # kept sealed
            pages = tuple(preview_pages(pdf, ratio))
        except Exception as exc:  # noqa: BLE001 - saved: say so, log this
            log.error("corrected %s but could not draw its receipt", code, exc_info=exc)
            error = f"{type(exc).__name__}: {exc}"
    view = view_after_change(desk, code)
    return dossier_changed(Corrected(result, pdf, pages, ratio, view, error), code)


class CorrectionDialog(QDialog):
    """The correction form over the dossier window; `corrected(Corrected)` once saved."""

    corrected = Signal(object)
    checked = Signal()  # the desk's answer about the form as it is now is shown

    def __init__(self, session: Session, start: CorrectionStart,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.start = start
        self.dossier = d = start.dossier
        self.code = d.code
        self.allowed = correctable(d.status)
        self.papers_allowed = set(PAPER_KEYS) <= self.allowed
        self.outcome: CorrectionOutcome | None = None
        self.problems: dict[str, str] = {}
        self._papers_edited = False
        self._revision = 0
        self._checked_revision = -1
        self._saving = False
        self.leave_box: QMessageBox | None = None  # "not saved": the question shown
        self.setWindowTitle(self.tr("Sửa thông tin hồ sơ %s") % d.code)
        self.setStyleSheet(STYLE)
        self.resize(1180, 700)

        head = QLabel(self.tr("<b>%1</b> — %2<br>Tiếp nhận %3; hẹn trả %4. Thủ tục và thời "
                              "gian tiếp nhận không sửa được (nếu sai: từ chối và tiếp nhận "
                              "hồ sơ mới).")
                      .replace("%1", escape(d.code))
                      .replace("%2", escape(f"{d.procedure_code} — {d.procedure_name}"))
                      .replace("%3", day_time_vn(d.received_at))
                      .replace("%4", day_time_vn(d.due_at) if d.due_at else "—"))
        head.setWordWrap(True)

        self.form = ApplicantForm(session)
        self.form.load(d.applicant, d.owner, start.units)

        self.checklist = Checklist()
        procedure = start.procedure
        self.checklist.set_procedure(
            procedure, pages_matter=bool(procedure and procedure.fee.depends_on_pages)
            or any(doc.pages for doc in d.documents))
        self.checklist.load(d.documents, pages=d.pages)
        self.papers_note = QLabel()
        self.papers_note.setWordWrap(True)
        self.papers_error = QLabel()
        self.papers_error.setStyleSheet(ERROR_STYLE)
        self.papers_error.setWordWrap(True)
        if not self.papers_allowed:
            self.checklist.setEnabled(False)
            self.papers_note.setText(why_not(d.status, "documents"))
        elif procedure is None:
            self.papers_note.setText(self.tr(
                "Thủ tục không còn trong danh mục: chỉ sửa được các giấy tờ đã ghi."))
        papers_box = QGroupBox(self.tr("Thành phần hồ sơ"))
        papers = QVBoxLayout(papers_box)
        papers.addWidget(self.papers_note)
        papers.addWidget(self.checklist, 1)
        papers.addWidget(self.papers_error)

        self.sets = QSpinBox()
        self.sets.setRange(*count_range("sets"))
        self.sets.setValue(d.sets)
        self.sets.setEnabled(self.papers_allowed)
        self.delivery = QComboBox()
        for text, delivery in ((self.tr("Tại Bộ phận Một cửa"), Delivery.COUNTER),
                               (self.tr("Qua bưu chính"), Delivery.POST)):
            self.delivery.addItem(text, delivery.value)
        self.delivery.setCurrentIndex(max(self.delivery.findData(d.delivery.value), 0))
        self.note = QLineEdit(d.note)
        self.note.setMaxLength(max_chars("note"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(max_chars("correction.reason"))
        self.reason.setPlaceholderText(self.tr("Ví dụ: gõ nhầm họ tên; bổ sung giấy tờ đã nộp"))
        self.extra = FieldGrid(label_width=92)
        self.extra.add("sets", self.tr("Số bộ hồ sơ"), self.sets, 0)
        self.extra.add("delivery", self.tr("Nhận kết quả"), self.delivery, 1)
        self.extra.add("note", self.tr("Ghi chú"), self.note, 2)
        self.extra.add("reason", self.tr("&Lý do sửa *"), self.reason, 3)

        self.changes_label = QLabel()
        self.changes_label.setWordWrap(True)
        self.changes_label.setTextFormat(Qt.TextFormat.RichText)
        self.changes_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.told_label = QLabel()
        self.told_label.setWordWrap(True)
        self.told_label.setStyleSheet("background: #fff8e1; border: 1px solid #e0c36a;"
                                      " padding: 6px;")
        self.told_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                      QSizePolicy.Policy.Minimum)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        changes_area = QScrollArea()
        changes_area.setWidgetResizable(True)
        changes_area.setWidget(self.changes_label)
        changes_box = QGroupBox(self.tr("Những gì thay đổi"))
        changes = QVBoxLayout(changes_box)
        changes.addWidget(changes_area, 1)
        changes_area.setMinimumHeight(120)
        changes.addWidget(QLabel(self.tr("Công dân được biết (in trên giấy tiếp nhận cấp lại):")))
        changes.addWidget(self.told_label)
        changes.addWidget(self.problem_label)
        changes.addWidget(self.extra)

        self.save_button = QPushButton(self.tr("Lưu và cấp lại giấy tiếp nhận (Ctrl+Enter)"))
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Hủy (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addWidget(papers_box, 1)
        right = QVBoxLayout()
        right.addWidget(changes_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.form.changed.connect(self.schedule_check)
        self.checklist.changed.connect(self._papers_changed)
        self.sets.valueChanged.connect(self.schedule_check)
        self.delivery.currentIndexChanged.connect(self.schedule_check)
        self.note.textEdited.connect(self.schedule_check)
        self.reason.textEdited.connect(self._reason_edited)
        self._set_told(self._told(None))
        self.check()
        self.form.name.setFocus()

    # ---- the patch ---------------------------------------------------------------------------

    def patch(self) -> dict[str, Any]:
        """What the form says now, as a correction patch (the desk finds what differs)."""
        patch: dict[str, Any] = {
            "applicant": self.form.applicant_payload(),
            "owner": self.form.owner_payload(),
            "delivery": self.delivery.currentData(),
            "note": self.note.text(),
        }
        if self.papers_allowed:
            patch["sets"] = self.sets.value()
            if self._papers_edited:
                patch["documents"] = self.checklist.documents()
        return patch

    def _papers_changed(self) -> None:
        self._papers_edited = True
        self.schedule_check()

    def _reason_edited(self, _text: str) -> None:
        self.extra.show_problems({})
        self._update_save()

    def read_idcard(self, text: str) -> None:
        """The citizen's chip ID card scanned in this dialog: the applicant's details from it
        (the changes then show what the card corrects)."""
        from ...domain.idcard import IdCardError, parse_idcard_qr

        try:
            card = parse_idcard_qr(text, today=self.session.now().date())
        except IdCardError as error:
            self.form.say_card(error.message, error=True)
            return
        self.form.fill_from_card(card)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- checking ----------------------------------------------------------------------------

    def schedule_check(self, *_args: object) -> None:
        self._revision += 1
        self._timer.start()

    def is_checked(self) -> bool:
        return self._checked_revision == self._revision and not self._timer.isActive()

    def check(self) -> None:
        """Ask the desk what the form's correction would change (off the window's thread)."""
        self._timer.stop()
        revision, code, patch = self._revision, self.code, self.patch()
        QueryOp(self.session, parent=self, op=lambda desk: desk.check_correction(code, patch),
                success=lambda outcome: self._checked(revision, outcome, {})) \
            .failure(lambda error: self._checked(revision, None, self._problems_of(error))) \
            .quietly().latest((self, "check")).run()

    def _problems_of(self, error: BaseException) -> dict[str, str]:
        if isinstance(error, InvalidInput) and error.problems:
            return dict(error.problems)
        return {GENERAL: error_message(error)}

    def _checked(self, revision: int, outcome: CorrectionOutcome | None,
                 problems: dict[str, str]) -> None:
        if revision != self._revision:
            return
        self._checked_revision = revision
        self.outcome = outcome
        self.problems = problems
        for grid in self.form.grids:
            grid.show_problems(problems)
        self.papers_error.setText("\n".join(
            reason for key, reason in problems.items() if key.startswith("documents")))
        shown = {key for grid in self.form.grids for key in grid.editors}
        general = [reason for key, reason in problems.items()
                   if key not in shown and not key.startswith("documents")]
        nothing = outcome is None and not problems
        self.problem_label.setText("\n".join(general))
        self.changes_label.setText(self._changes_html(outcome, nothing))
        self._set_told(self._told(outcome))
        self._update_save()
        self.checked.emit()

    def _changes_html(self, outcome: CorrectionOutcome | None, nothing: bool) -> str:
        if outcome is None:
            return self.tr("<i>Chưa có thay đổi nào.</i>") if nothing else ""
        rows = "".join(
            f"<tr><td><b>{escape(change.label)}</b></td><td>{escape(change.before)}</td>"
            f"<td>→</td><td>{escape(change.after)}</td></tr>" for change in outcome.changes)
        html = ("<table cellspacing='0' cellpadding='3'><tr><th align='left'>"
                + self.tr("Thông tin") + "</th><th align='left'>" + self.tr("Trước")
                + "</th><th></th><th align='left'>" + self.tr("Sau") + "</th></tr>"
                + rows + "</table>")
        if outcome.fee_before != outcome.fee_after:
            html += ("<p><b>" + self.tr("Phí, lệ phí:") + "</b> "
                     + escape(money(outcome.fee_before) if outcome.fee_before is not None
                              else "—")
                     + " → " + escape(money(outcome.fee_after) if outcome.fee_after is not None
                                      else "—") + "</p>")
        else:
            html += "<p>" + self.tr("Phí, lệ phí không đổi.") + "</p>"
        return html

    def _told(self, outcome: CorrectionOutcome | None) -> str:
        due = self.dossier.due_at
        text = self.tr("Giấy tiếp nhận được cấp lại, thay cho giấy đã cấp (giấy cũ không còn "
                       "giá trị). Thời gian trả kết quả không thay đổi: %s.") % (
            day_time_vn(due) if due else self.tr("không có ngày hẹn trả"))
        if outcome is not None:
            fee = fee_sentence(outcome.fee_before, outcome.fee_after)
            if fee:
                text += " " + fee
        return text

    def _set_told(self, text: str) -> None:
        """The yellow box grows with what the citizen is told (a wrapped label in a group box
        is otherwise given one line's height)."""
        self.told_label.setText(text)
        self._fit_told()

    def _fit_told(self) -> None:
        width = max(self.told_label.width(), 200)
        self.told_label.setMinimumHeight(self.told_label.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_told)

    def _update_save(self) -> None:
        self.save_button.setEnabled(self.outcome is not None and not self.problems
                                    and not self._saving)

    # ---- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the correction (reason required); False when it is not started."""
        if self._saving:
            return False
        if self._timer.isActive() or not self.is_checked():
            self.check()
            return False
        reason = self.reason.text().strip()
        if not reason:
            self.extra.show_problems({"reason": self.tr(
                "Hãy ghi lý do sửa thông tin hồ sơ (lưu vào lịch sử và sổ theo dõi).")})
            self.reason.setFocus()
            return False
        if self.outcome is None or self.problems:
            return False
        code, patch = self.code, self.patch()
        ratio = self.devicePixelRatioF()
        self._saving = True
        self._update_save()
        CollectionOp(self.session, self,
                     lambda desk: correct_and_render(desk, code, patch, reason, ratio)) \
            .with_progress(self.tr("Đang lưu bản sửa và cấp lại giấy tiếp nhận…")) \
            .success(self._saved).failure(self._save_failed).run(initiator=self)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        """Enter moves to the next field, as on the receive screen (Ctrl+Enter saves)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc, Hủy: changes typed and not saved are lost only once the clerk says so."""
        if self._saving:
            return
        if self.outcome is None and not self.problems:
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Chưa lưu bản sửa"), self.tr(
            "Các thông tin đã sửa chưa được lưu. Bỏ các thay đổi này?"),
            QMessageBox.StandardButton.NoButton, self)
        stay = box.addButton(self.tr("Ở lại (Esc)"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(self.tr("Bỏ thay đổi"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._answered(box.clickedButton() is leave))
        self.leave_box = box
        box.open()

    def _answered(self, leave: bool) -> None:
        self.leave_box = None
        if leave:
            super().reject()

    def _saved(self, corrected: Corrected) -> None:
        self._saving = False
        self.corrected.emit(corrected)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        problems = self._problems_of(error)
        self._checked(self._revision, None, problems)
        self.problem_label.setText(self.tr("Chưa lưu: %s") % error_message(error))

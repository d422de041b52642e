"""The right-hand summary: the procedure, the live fee and due date, and the stamp button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.formatting import datetime_vn, money, processing_time_text

if TYPE_CHECKING:
    from ...desk import Quote

MAX_FEE_LINES = 2
PANEL_STYLE = """
#summaryPanel { background: #f3f6fa; border: 1px solid #d5dde8; border-radius: 6px; }
#summaryPanel QLabel { background: transparent; }
#feeValue { font-size: 20pt; font-weight: bold; color: #0b4f8a; }
#dueValue { font-size: 13pt; font-weight: bold; color: #0b4f8a; }
#caption { color: #555; }
#problems { color: #b3261e; }
#lastStamped { color: #1b6b2f; }
#stampButton { font-size: 11pt; font-weight: bold; padding: 9px; background: #0b5cad;
               color: white; border: 2px solid #0b5cad; border-radius: 5px; }
#stampButton:focus { background: #08427d; border-color: #f5b700; }
#stampButton:pressed { background: #062f59; }
"""


class SummaryPanel(QFrame):
    """What the dossier will be: procedure, fee, appointment; and the button that stamps it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.procedure_label = self._label(wrap=True)
        self.procedure_label.setStyleSheet("font-weight: bold;")
        self.procedure_detail = self._label(wrap=True, name="caption")
        self.fee_value = self._label(name="feeValue")
        self.fee_detail = self._label(wrap=True, name="caption")
        self.due_value = self._label(wrap=True, name="dueValue")
        self.due_detail = self._label(wrap=True, name="caption")
        self.problems = self._label(wrap=True, name="problems")
        self.last_stamped = self._label(wrap=True, name="lastStamped")
        self.stamp_button = QPushButton(self.tr("Đóng dấu tiếp nhận (Ctrl+Enter)"))
        self.stamp_button.setObjectName("stampButton")
        self.stamp_button.setAutoDefault(False)
        self.stamp_button.setCursor(Qt.CursorShape.PointingHandCursor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(4)
        layout.addWidget(self._label(self.tr("Thủ tục"), name="caption"))
        layout.addWidget(self.procedure_label)
        layout.addWidget(self.procedure_detail)
        layout.addSpacing(10)
        layout.addWidget(self._label(self.tr("Phí, lệ phí"), name="caption"))
        layout.addWidget(self.fee_value)
        layout.addWidget(self.fee_detail)
        layout.addSpacing(10)
        layout.addWidget(self._label(self.tr("Hẹn trả kết quả"), name="caption"))
        layout.addWidget(self.due_value)
        layout.addWidget(self.due_detail)
        layout.addStretch(1)
        layout.addWidget(self.last_stamped)
        self._form_index = layout.count()
        layout.addSpacing(6)
        layout.addWidget(self.problems)
        layout.addWidget(self.stamp_button)
        self.show_quote(None)

    def _label(self, text: str = "", *, wrap: bool = False, name: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(wrap)
        if name:
            label.setObjectName(name)
        return label

    def set_form(self, form: QWidget) -> None:
        """Place the form's last fields just above the stamp button."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(self._form_index, form)

    def show_quote(self, quote: Quote | None) -> None:
        """Show the procedure, fee and due date of the quote; dashes when there is none."""
        if quote is None:
            self.procedure_label.setText(self.tr("Chưa chọn thủ tục"))
            self.procedure_detail.setText("")
            self.fee_value.setText("—")
            self.fee_detail.setText("")
            self.due_value.setText("—")
            self.due_detail.setText("")
            return
        procedure = quote.procedure
        self.procedure_label.setText(procedure.name)
        self.procedure_detail.setText(f"{procedure.code} · {procedure.field_name}")
        if quote.fee is None:
            self.fee_value.setText("—")
            self.fee_detail.setText(self.tr("Kiểm tra lại số bản, số trang của giấy tờ."))
        elif quote.fee.total is None:  # a fee the province sets, its amount not entered yet
            self.fee_value.setText("—")
            self.fee_detail.setText(self.tr(
                "Mức thu do HĐND tỉnh quy định chưa được nhập: người giám sát nhập ở Giám sát "
                "(F5) → Mức thu của tỉnh. Giấy tiếp nhận ghi \"theo Nghị quyết của HĐND "
                "tỉnh\"."))
            self.fee_detail.setToolTip("")
        else:
            self.fee_value.setText(money(quote.fee.total))
            lines = [f"{line.label}: {money(line.amount)}"
                     + (f" ({line.note})" if line.note else "") for line in quote.fee.lines]
            shown = lines[:MAX_FEE_LINES]
            if len(lines) > MAX_FEE_LINES:
                shown.append(self.tr("… và {0} dòng khác").format(len(lines) - MAX_FEE_LINES))
            self.fee_detail.setText("\n".join(shown))
            self.fee_detail.setToolTip("\n".join(lines))
        if quote.due_at is None:
            self.due_value.setText(self.tr("Không có thời hạn hẹn trả"))
        else:
            self.due_value.setText(datetime_vn(quote.due_at))
        self.due_detail.setText(
            self.tr("Thời hạn giải quyết: {0}").format(processing_time_text(procedure.time))
        )

    def show_problems(self, count: int) -> None:
        """How many fields still stop the stamp (after a stamp attempt)."""
        self.problems.setText(
            self.tr("Còn {0} mục cần sửa (xem chữ đỏ bên trái).").format(count) if count else ""
        )

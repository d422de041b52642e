"""The supervisor's fees (issue 11.7): the cash hand-over sheet (Ctrl+T) and the amounts the
provincial People's Council set (Ctrl+M).

"Bảng kê tiền phí, lệ phí…" is an export like the log's (`ExportDialog`): a day (or a period),
all clerks or one, "Lưu tệp…" writes the PDF on the lane for long work, then it is opened or
printed. "Mức thu của tỉnh…" lists the procedures whose fee the province sets with the amount
entered and its resolution; the supervisor picks one (↑/↓), types the amount and the
resolution and saves (Ctrl+Enter); each change is kept (shown below the list) and audited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.clock import parse_iso, to_vn
from ...domain.formatting import day_time_vn, thousands
from ...domain.limits import count_range, max_chars
from ..operations import Changed, Changes, CollectionOp, QueryOp, error_message
from ..session import Session
from ..widgets import confirm_buttons, dialog_layout
from .export_dialog import ERROR_STYLE, SUCCESS_STYLE, ExportDialog, period_part, slug

if TYPE_CHECKING:
    from ...desk import Desk
    from ...services.fees import ProvincialProcedure
    from ...store.provincial_fees import AmountChange


class CashSheetDialog(ExportDialog):
    """'Bảng kê tiền phí, lệ phí…': today's sheet by default, all clerks or one."""

    FORMATS = ("pdf",)

    def __init__(self, session: Session, parent: QWidget | None = None):
        today = to_vn(session.now()).date()
        super().__init__(session, parent, start=today, end=today)
        self.setWindowTitle(self.tr("Bảng kê nộp tiền phí, lệ phí"))
        self.clerk = QComboBox()
        self.clerk.addItem(self.tr("Tất cả cán bộ"), None)
        self.form.insertRow(1, self.tr("Cán bộ tiếp nhận:"), self.clerk)
        note = QLabel(self.tr("Tiền mặt thu tại quầy theo từng ngày và từng cán bộ, để nộp cho "
                              "kế toán hoặc thủ quỹ; chuyển khoản và thanh toán trực tuyến ghi "
                              "riêng."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.layout_.insertWidget(1, note)
        self.save_button.setText(self.tr("Lưu tệp… (Enter)"))

    def read_choices(self, desk: Desk) -> dict[str, object]:
        from ...domain.accounts import Role

        clerks = [account.display_name for account in desk.accounts.active()
                  if account.role != Role.ADMINISTRATOR]
        return {**super().read_choices(desk), "clerks": clerks}

    def show_choices(self, choices: dict[str, object]) -> None:
        chosen = self.clerk.currentData()
        known = choices.get("clerks")
        names = [self.session.clerk, *(known if isinstance(known, list) else [])]
        self.clerk.clear()
        self.clerk.addItem(self.tr("Tất cả cán bộ"), None)
        for name in dict.fromkeys(name for name in names if name):
            self.clerk.addItem(name, name)
        self.clerk.setCurrentIndex(max(0, self.clerk.findData(chosen)))

    def what(self) -> str:
        return self.tr("bảng kê tiền phí, lệ phí")

    def suggested_name(self, start: date, end: date, kind: str) -> str:
        clerk = self.clerk.currentData()
        who = f"-{slug(clerk)}" if clerk else ""
        return f"bang-ke-tien-phi-{period_part(start, end)}{who}.{kind}"

    def work(self, start: date, end: date, path: Path) -> Callable[[Desk], Path]:
        clerk, made_by = self.clerk.currentData(), self.session.clerk
        return lambda desk: desk.cash_sheets.write(start, path, end, clerk=clerk,
                                                   made_by=made_by)


def read_provincial(desk: Desk) -> tuple[list[ProvincialProcedure], list[AmountChange]]:
    return desk.provincial_fees.procedures(), desk.provincial_fees.changes()


class ProvincialFeesDialog(QDialog):
    """The procedures whose fee the province sets: their amounts, entered and changed here."""

    loaded = Signal()
    saved = Signal(object)  # the AmountChange

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.items: list[ProvincialProcedure] = []
        self.setWindowTitle(self.tr("Mức thu phí, lệ phí do HĐND tỉnh quy định"))
        self.resize(980, 600)
        intro = QLabel(self.tr(
            "Các thủ tục có phí, lệ phí do Hội đồng nhân dân tỉnh quy định. Chọn thủ tục (↑/↓), "
            "nhập mức thu và Nghị quyết rồi lưu (Ctrl+Enter). Hồ sơ tiếp nhận sau đó dùng mức "
            "thu mới; giấy tiếp nhận đã cấp không đổi."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Mã"), self.tr("Thủ tục"),
                                              self.tr("Mức thu (đồng)"), self.tr("Căn cứ")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._show_current())
        self.amount = QSpinBox()
        self.amount.setRange(*count_range("provincial_fee.amount"))
        self.amount.setSingleStep(1000)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.amount.setSuffix(" đồng")
        self.basis = QLineEdit()
        self.basis.setMaxLength(max_chars("provincial_fee.basis"))
        self.basis.setPlaceholderText(self.tr("Ví dụ: Nghị quyết số 20/2025/NQ-HĐND ngày "
                                              "10/7/2025 của HĐND tỉnh"))
        form = QFormLayout()
        form.addRow(self.tr("Mức thu:"), self.amount)
        form.addRow(self.tr("Căn cứ:"), self.basis)
        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels([self.tr("Thời gian"), self.tr("Mã"),
                                                self.tr("Trước"), self.tr("Sau"),
                                                self.tr("Người sửa, căn cứ")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMaximumHeight(150)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.clear_button = QPushButton(self.tr("Bỏ mức thu đã nhập"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(lambda: self.save(clear=True))
        row, self.save_button, self.close_button = confirm_buttons(
            self, self.tr("Lưu (Ctrl+Enter)"), self.tr("Đóng (Esc)"), self.save)
        row.insertWidget(0, self.clear_button)
        layout = dialog_layout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Lịch sử thay đổi:")))
        layout.addWidget(self.history)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        QueryOp(self.session, parent=self, op=read_provincial,
                success=lambda answer: self._show(*answer, select=select)).run()

    def _show(self, items: list[ProvincialProcedure], changes: list[AmountChange], *,
              select: str | None = None) -> None:
        current = select or self.current_code()
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            amount = item.amount
            cells = [item.procedure.code, item.procedure.name,
                     thousands(amount.amount) if amount else self.tr("(chưa nhập)"),
                     amount.basis if amount else ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.history.setRowCount(len(changes))
        for row, change in enumerate(changes):
            when = day_time_vn(parse_iso(change.changed_at))
            cells = [when, change.procedure_code, _amount(change.amount_before),
                     _amount(change.amount_after), f"{change.changed_by}: {change.basis}"]
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()
        codes = [item.procedure.code for item in items]
        self.table.setCurrentCell(codes.index(current) if current in codes else 0, 0)
        self.table.setFocus()
        self._show_current()
        self.loaded.emit()

    def current_code(self) -> str | None:
        row = self.table.currentRow()
        return self.items[row].procedure.code if 0 <= row < len(self.items) else None

    def _show_current(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        amount = self.items[row].amount
        self.amount.setValue(amount.amount if amount else 0)
        self.basis.setText(amount.basis if amount else "")

    def select(self, code: str) -> None:
        codes = [item.procedure.code for item in self.items]
        self.table.setCurrentCell(codes.index(code), 0)

    def save(self, *, clear: bool = False) -> None:
        code = self.current_code()
        if code is None:
            return
        amount = None if clear else self.amount.value()
        basis = self.basis.text()

        def op(desk: Desk) -> Changed[Any]:
            change = desk.provincial_fees.set_amount(code, amount, basis)
            return Changed(change, Changes.of_settings("provincial_fees"))

        CollectionOp(self.session, self, op).success(self._saved) \
            .failure(self._failed).run(initiator=self)

    def _saved(self, change: AmountChange) -> None:
        self._say(self.tr("Đã lưu mức thu của thủ tục {0}: {1}.").format(
            change.procedure_code, _amount(change.amount_after)), SUCCESS_STYLE)
        self.saved.emit(change)
        self.refresh(select=change.procedure_code)

    def _failed(self, error: BaseException) -> None:
        self._say(error_message(error), ERROR_STYLE)

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()


def _amount(value: int | None) -> str:
    return "—" if value is None else f"{thousands(value)} đ"

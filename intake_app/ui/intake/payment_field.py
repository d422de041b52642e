"""How the fee is paid, chosen at the counter (issue 11.7): cash, transfer, paid online, or
exempt with its reason; nothing to choose for a free dossier.

The choice follows the live quote: a dossier with nothing to pay shows "Không thu phí, lệ phí"
and sends no payment (the desk records "none"); one with a fee starts on cash (what nearly every
citizen at the counter does) and sends the method chosen. The reason is asked only for an
exemption. What is sent is the request's `payment` (`domain.payment.parse_payment`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...domain.limits import max_chars
from ...domain.payment import PaymentMethod

CHOICES = (PaymentMethod.CASH, PaymentMethod.BANK_TRANSFER, PaymentMethod.ONLINE,
           PaymentMethod.EXEMPT, PaymentMethod.NONE)


class PaymentChoice(QObject):
    """The method combo box and the exemption's reason (shown only for an exemption)."""

    changed = Signal()
    exempt_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.method = QComboBox(parent)
        texts = {
            PaymentMethod.CASH: self.tr("Tiền mặt tại quầy"),
            PaymentMethod.BANK_TRANSFER: self.tr("Chuyển khoản"),
            PaymentMethod.ONLINE: self.tr("Đã thanh toán trực tuyến"),
            PaymentMethod.EXEMPT: self.tr("Miễn phí, lệ phí (ghi lý do)"),
            PaymentMethod.NONE: self.tr("Không thu phí, lệ phí"),
        }
        for choice in CHOICES:
            self.method.addItem(texts[choice], choice.value)
        self.reason = QLineEdit(parent)
        self.reason.setMaxLength(max_chars("payment.exempt_reason"))
        self.reason.setPlaceholderText(self.tr("Ví dụ: Người có công với cách mạng"))
        self._free = False
        self.method.currentIndexChanged.connect(self._method_changed)
        self.reason.textEdited.connect(self.changed)
        self._show_allowed()

    @property
    def chosen(self) -> PaymentMethod:
        return PaymentMethod(self.method.currentData())

    def set_due(self, due: bool | None) -> None:
        """The quote says whether the dossier costs something (None: not known yet)."""
        free = due is False
        if free == self._free:
            return
        self._free = free
        self._show_allowed()
        self.changed.emit()

    def _show_allowed(self) -> None:
        none_index = self.method.findData(PaymentMethod.NONE.value)
        if self._free:
            self.method.setCurrentIndex(none_index)
        elif self.chosen == PaymentMethod.NONE:
            self.method.setCurrentIndex(0)
        self.method.setEnabled(not self._free)

    def _method_changed(self, _index: int) -> None:
        if not self._free and self.chosen == PaymentMethod.NONE:
            self.method.setCurrentIndex(0)  # "none" only for a free dossier
            return
        self.exempt_toggled.emit(self.chosen == PaymentMethod.EXEMPT)
        self.changed.emit()

    def payload(self) -> dict[str, Any] | None:
        """The request's `payment`; None for a free dossier (the desk records "none")."""
        if self._free:
            return None
        reason = self.reason.text() if self.chosen == PaymentMethod.EXEMPT else ""
        return {"method": self.chosen.value, "exempt_reason": reason or None}

    def reset(self) -> None:
        """Cash again for the next citizen (or nothing to pay, as the quote says)."""
        self.reason.clear()
        self.method.setCurrentIndex(
            self.method.findData((PaymentMethod.NONE if self._free else PaymentMethod.CASH).value))
        self.exempt_toggled.emit(False)

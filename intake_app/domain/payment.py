"""How a dossier's fee is paid (issue 10): what the receipt's "Hình thức thanh toán" prints.

A `Payment` is recorded with the dossier when it is stamped: cash at the counter, a bank
transfer, paid online (on the public-service portal), exempt with its reason, or nothing to
pay. It is what the counter was told, not a ledger of money: the amount is the dossier's fee.

In an intake request it is ``"payment": {"method": "cash"}`` (or
``{"method": "exempt", "exempt_reason": "…"}``); left out, it is cash when there is a fee to
pay (or the province has not set its amount yet) and nothing for a free procedure.

>>> settle(None, 10_000)
Payment(method=<PaymentMethod.CASH: 'cash'>, exempt_reason='')
>>> settle(None, 0).text
'Không thu phí, lệ phí'
>>> Payment(PaymentMethod.EXEMPT, "Người có công với cách mạng").text
'Miễn nộp phí, lệ phí (lý do: Người có công với cách mạng)'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .limits import check_text


class PaymentMethod(StrEnum):
    NONE = "none"  # nothing to pay: a free procedure, or no fee for these papers
    CASH = "cash"  # tiền mặt, at the counter
    BANK_TRANSFER = "bank_transfer"  # chuyển khoản to the unit's account
    ONLINE = "online"  # paid on the public-service portal (Cổng dịch vụ công)
    EXEMPT = "exempt"  # a fee is due but the citizen is exempt; the reason is kept

    @property
    def label(self) -> str:
        """The method as the receipt prints it."""
        return PAYMENT_LABELS[self]


PAYMENT_LABELS: dict[PaymentMethod, str] = {
    PaymentMethod.NONE: "Không thu phí, lệ phí",
    PaymentMethod.CASH: "Nộp tiền mặt tại Bộ phận Một cửa",
    PaymentMethod.BANK_TRANSFER: "Chuyển khoản vào tài khoản của đơn vị",
    PaymentMethod.ONLINE: "Đã thanh toán trực tuyến",
    PaymentMethod.EXEMPT: "Miễn nộp phí, lệ phí",
}


@dataclass(frozen=True)
class Payment:
    """How the fee is paid; `exempt_reason` only for an exemption (and required there)."""

    method: PaymentMethod
    exempt_reason: str = ""

    @property
    def text(self) -> str:
        """The receipt's "Hình thức thanh toán" line."""
        if self.method == PaymentMethod.EXEMPT and self.exempt_reason:
            return f"{self.method.label} (lý do: {self.exempt_reason})"
        return self.method.label

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method.value, "exempt_reason": self.exempt_reason or None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Payment:
        return cls(PaymentMethod(data["method"]), data.get("exempt_reason") or "")


METHODS_TEXT = ", ".join(method.value for method in PaymentMethod)


def parse_payment(raw: Any, problems: dict[str, str]) -> Payment | None:
    """The request's `payment` (None when left out); every fault goes into `problems`."""
    if raw is None:
        return None
    if isinstance(raw, str):
        raw = {"method": raw}
    if not isinstance(raw, dict):
        problems["payment"] = ('phải có dạng {"method": "cash"}; method là một trong '
                               f"{METHODS_TEXT}.")
        return None
    method_raw = raw.get("method")
    try:
        if not isinstance(method_raw, str):
            raise ValueError("not a method")
        method = PaymentMethod(method_raw)
    except ValueError:
        problems["payment.method"] = f"phải là một trong {METHODS_TEXT}."
        return None
    reason, problem = check_text("payment.exempt_reason", raw.get("exempt_reason"))
    if problem:
        problems["payment.exempt_reason"] = problem
        return None
    if method == PaymentMethod.EXEMPT and not reason:
        problems["payment.exempt_reason"] = "miễn phí, lệ phí phải ghi lý do miễn."
        return None
    if method != PaymentMethod.EXEMPT and reason:
        problems["payment.exempt_reason"] = "chỉ ghi khi hồ sơ được miễn phí, lệ phí."
        return None
    return Payment(method, reason or "")


def settle(given: Payment | None, fee_total: int | None) -> Payment:
    """The payment recorded for a dossier whose fee is `fee_total` (None: amount not set yet).

    Left out: cash when there is something to pay, nothing for a free one. Raises
    `PaymentMismatch` when what was given does not fit the fee.
    """
    due = fee_total is None or fee_total > 0
    if given is None:
        return Payment(PaymentMethod.CASH if due else PaymentMethod.NONE)
    if due and given.method == PaymentMethod.NONE:
        raise PaymentMismatch("hồ sơ phải nộp phí, lệ phí: chọn tiền mặt, chuyển khoản, đã "
                              "thanh toán trực tuyến hoặc miễn (ghi lý do).")
    if not due and given.method != PaymentMethod.NONE:
        raise PaymentMismatch("hồ sơ này không phải nộp phí, lệ phí (thủ tục không thu phí "
                              "với các giấy tờ đã nộp).")
    return given


class PaymentMismatch(ValueError):
    """The payment given does not fit the dossier's fee; the message is the Vietnamese reason."""

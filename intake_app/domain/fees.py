"""What a dossier costs under its procedure's fee rule (domain.md §5).

>>> compute_fee(CERTIFIED_COPY_RULE, [FeeItem(DocForm.CERTIFIED_COPY, copies=2, pages=3)]).total
10000
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .formatting import thousands
from .procedures import DocForm, FeeKind, FeeRule, PageTier
from .receipt import FeeLine

FREE_NOTE = "Miễn phí"
PROVINCIAL_NOTE = "Theo Nghị quyết của HĐND tỉnh"
#: A provincial fee whose amount the supervisor has not entered yet: the receipt says whose
#: rule it is, never internal wording (Giám sát → Mức thu do HĐND tỉnh quy định fills it).
PROVINCIAL_UNSET_NOTE = PROVINCIAL_NOTE

#: Chứng thực bản sao từ bản chính: 2.000 đ/trang for pages 1–2, 1.000 đ/trang from page 3,
#: at most 200.000 đ per copy (TT 226/2016/TT-BTC).
CERTIFIED_COPY_RULE = FeeRule(
    kind=FeeKind.PER_PAGE,
    tiers=(PageTier(1, 2000), PageTier(3, 1000)),
    cap_per_copy=200_000,
    label="Phí chứng thực bản sao từ bản chính",
    note="Thông tư 226/2016/TT-BTC",
)


@dataclass(frozen=True)
class FeeItem:
    """One document line of the dossier: its form, how many copies, how many pages each."""

    form: DocForm
    copies: int
    pages: int

    def __post_init__(self) -> None:
        if self.copies < 0 or self.pages < 0:
            raise ValueError("copies and pages cannot be negative")


@dataclass(frozen=True)
class FeeResult:
    total: int | None  # VND; None when the province has not set the amount
    lines: tuple[FeeLine, ...]


def _note(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def per_page_price(tiers: Sequence[PageTier], pages: int) -> int:
    """The price of one copy of `pages` pages: each page at the tier it falls in (no cap)."""
    if pages <= 0:
        raise ValueError(f"a document has at least one page, got {pages}")
    ordered = sorted(tiers, key=lambda tier: tier.from_page)
    if not ordered or ordered[0].from_page != 1:
        raise ValueError("per-page tiers must start at page 1")
    total = 0
    for tier, following in zip(ordered, [*ordered[1:], None], strict=True):
        if following is not None and following.from_page == tier.from_page:
            raise ValueError(f"two tiers start at page {tier.from_page}")
        last = pages if following is None else min(pages, following.from_page - 1)
        if last >= tier.from_page:
            total += (last - tier.from_page + 1) * tier.price
    return total


def _amount(rule: FeeRule) -> int:
    if rule.amount is None:
        raise ValueError(f"a {rule.kind.value} fee rule needs an amount")
    return rule.amount


def _per_page_lines(rule: FeeRule, items: Sequence[FeeItem]) -> list[FeeLine]:
    lines: list[FeeLine] = []
    for item in items:
        if item.form != DocForm.CERTIFIED_COPY:
            continue
        price = per_page_price(rule.tiers, item.pages)
        capped = rule.cap_per_copy is not None and price > rule.cap_per_copy
        per_copy = min(price, rule.cap_per_copy) if rule.cap_per_copy is not None else price
        detail = f"{item.pages} trang × {item.copies} bản"
        if capped:
            detail += f" (mức tối đa {thousands(per_copy)} đ/bản)"
        lines.append(FeeLine(rule.label, per_copy * item.copies, _note(detail, rule.note)))
    if not lines:
        lines.append(FeeLine(rule.label, 0, _note("Không có bản sao cần chứng thực", rule.note)))
    return lines


def compute_fee(rule: FeeRule, items: Sequence[FeeItem]) -> FeeResult:
    """The fee lines and total of a dossier whose document lines are `items`."""
    if rule.kind == FeeKind.FREE:
        lines = [FeeLine(rule.label, 0, rule.note or FREE_NOTE)]
    elif rule.kind == FeeKind.FIXED:
        lines = [FeeLine(rule.label, _amount(rule), rule.note)]
    elif rule.kind == FeeKind.PER_COPY:
        copies = sum(item.copies for item in items if item.form == DocForm.CERTIFIED_COPY)
        copies = max(copies, 1)  # the procedure issues at least one copy
        amount = _amount(rule)
        detail = f"{thousands(amount)} đ/bản × {copies} bản"
        lines = [FeeLine(rule.label, amount * copies, _note(detail, rule.note))]
    elif rule.kind == FeeKind.PER_PAGE:
        lines = _per_page_lines(rule, items)
    elif rule.kind == FeeKind.PROVINCIAL:
        if rule.amount is None:
            line = FeeLine(rule.label, None, _note(PROVINCIAL_UNSET_NOTE, rule.note))
            return FeeResult(None, (line,))
        lines = [FeeLine(rule.label, rule.amount, rule.note or PROVINCIAL_NOTE)]
    else:  # pragma: no cover - every FeeKind is handled above
        raise ValueError(f"unknown fee kind {rule.kind!r}")
    return FeeResult(sum(line.amount or 0 for line in lines), tuple(lines))

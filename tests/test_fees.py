"""Fee computation for each kind of fee rule, with hand-computed amounts (domain.md §5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_app.domain.fees import (
    CERTIFIED_COPY_RULE,
    PROVINCIAL_UNSET_NOTE,
    FeeItem,
    compute_fee,
    per_page_price,
)
from intake_app.domain.procedures import DocForm, FeeKind, FeeRule, PageTier
from intake_app.domain.receipt import FeeLine

TT226 = CERTIFIED_COPY_RULE.tiers


def copy(copies: int = 1, pages: int = 1) -> FeeItem:
    return FeeItem(DocForm.CERTIFIED_COPY, copies, pages)


def original(pages: int = 1) -> FeeItem:
    return FeeItem(DocForm.ORIGINAL, 1, pages)


# --- per_page_price -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pages", "price"),
    [
        (1, 2000),
        (2, 4000),  # last page of the first tier
        (3, 5000),  # first page of the second tier
        (4, 6000),
        (10, 12000),
        (198, 2 * 2000 + 196 * 1000),  # 200.000
        (199, 2 * 2000 + 197 * 1000),  # 201.000, before any cap
    ],
)
def test_per_page_price_tt226(pages, price):
    assert per_page_price(TT226, pages) == price


def test_per_page_price_tier_order_does_not_matter():
    assert per_page_price(tuple(reversed(TT226)), 5) == 7000


def test_per_page_price_single_and_three_tiers():
    assert per_page_price((PageTier(1, 500),), 7) == 3500
    tiers = (PageTier(1, 3000), PageTier(2, 2000), PageTier(5, 100))
    assert per_page_price(tiers, 1) == 3000
    assert per_page_price(tiers, 4) == 3000 + 3 * 2000
    assert per_page_price(tiers, 6) == 3000 + 3 * 2000 + 2 * 100


@pytest.mark.parametrize("pages", [0, -1])
def test_per_page_price_needs_a_page(pages):
    with pytest.raises(ValueError):
        per_page_price(TT226, pages)


@pytest.mark.parametrize(
    "tiers",
    [(), (PageTier(2, 1000),), (PageTier(1, 1000), PageTier(1, 500))],
)
def test_per_page_price_rejects_bad_tiers(tiers):
    with pytest.raises(ValueError):
        per_page_price(tiers, 3)


# --- compute_fee --------------------------------------------------------------------------


def test_free():
    result = compute_fee(FeeRule(FeeKind.FREE), [original()])
    assert result.total == 0
    assert result.lines == (FeeLine("Lệ phí", 0, "Miễn phí"),)
    noted = compute_fee(FeeRule(FeeKind.FREE, note="Miễn lệ phí nếu đăng ký đúng hạn"), [])
    assert noted.lines == (FeeLine("Lệ phí", 0, "Miễn lệ phí nếu đăng ký đúng hạn"),)


def test_fixed_is_charged_once_per_dossier():
    rule = FeeRule(FeeKind.FIXED, amount=50_000, label="Phí chứng thực hợp đồng")
    result = compute_fee(rule, [original(5), copy(3, 5), copy(2, 1)])
    assert result.total == 50_000
    assert result.lines == (FeeLine("Phí chứng thực hợp đồng", 50_000, ""),)
    assert compute_fee(rule, []).total == 50_000


def test_fixed_without_amount_is_an_error():
    with pytest.raises(ValueError):
        compute_fee(FeeRule(FeeKind.FIXED), [])


def test_per_copy_counts_certified_copies():
    rule = FeeRule(FeeKind.PER_COPY, amount=8000, label="Phí cấp bản sao trích lục")
    result = compute_fee(rule, [original(), copy(2), copy(1), FeeItem(DocForm.PHOTOCOPY, 4, 1)])
    assert result.total == 24_000
    assert len(result.lines) == 1
    assert result.lines[0].amount == 24_000
    assert "3 bản" in result.lines[0].note


def test_per_copy_without_copies_counts_one():
    rule = FeeRule(FeeKind.PER_COPY, amount=8000)
    assert compute_fee(rule, []).total == 8000
    assert compute_fee(rule, [original()]).total == 8000


def test_per_page_example_three_pages_two_copies():
    result = compute_fee(CERTIFIED_COPY_RULE, [copy(copies=2, pages=3)])
    assert result.total == (2000 + 2000 + 1000) * 2 == 10_000
    assert result.lines[0].amount == 10_000
    assert "3 trang × 2 bản" in result.lines[0].note


def test_per_page_is_capped_per_copy():
    assert compute_fee(CERTIFIED_COPY_RULE, [copy(1, 250)]).total == 200_000
    assert compute_fee(CERTIFIED_COPY_RULE, [copy(1, 199)]).total == 200_000  # 201.000 capped
    assert compute_fee(CERTIFIED_COPY_RULE, [copy(1, 198)]).total == 200_000  # exactly
    assert compute_fee(CERTIFIED_COPY_RULE, [copy(1, 197)]).total == 199_000
    assert compute_fee(CERTIFIED_COPY_RULE, [copy(3, 250)]).total == 600_000
    capped = compute_fee(CERTIFIED_COPY_RULE, [copy(1, 250)]).lines[0]
    assert "tối đa 200.000" in capped.note


def test_per_page_tier_boundaries():
    assert compute_fee(CERTIFIED_COPY_RULE, [copy(1, 2)]).total == 4000
    assert compute_fee(CERTIFIED_COPY_RULE, [copy(1, 3)]).total == 5000


def test_per_page_adds_up_the_certified_copy_lines_only():
    items = [copy(2, 3), original(40), copy(1, 1), FeeItem(DocForm.PHOTOCOPY, 5, 10)]
    result = compute_fee(CERTIFIED_COPY_RULE, items)
    assert [line.amount for line in result.lines] == [10_000, 2000]
    assert result.total == 12_000


def test_per_page_without_certified_copies_is_zero():
    result = compute_fee(CERTIFIED_COPY_RULE, [original(3)])
    assert result.total == 0
    assert len(result.lines) == 1 and result.lines[0].amount == 0


@pytest.mark.parametrize("pages", [0])
def test_per_page_rejects_a_copy_without_pages(pages):
    with pytest.raises(ValueError):
        compute_fee(CERTIFIED_COPY_RULE, [copy(1, pages)])


def test_per_page_without_cap():
    rule = FeeRule(FeeKind.PER_PAGE, tiers=TT226)
    assert compute_fee(rule, [copy(1, 250)]).total == 2 * 2000 + 248 * 1000


def test_negative_counts_are_rejected():
    with pytest.raises(ValueError):
        FeeItem(DocForm.CERTIFIED_COPY, -1, 3)
    with pytest.raises(ValueError):
        FeeItem(DocForm.CERTIFIED_COPY, 1, -3)


def test_provincial_with_amount():
    rule = FeeRule(FeeKind.PROVINCIAL, amount=15_000)
    result = compute_fee(rule, [copy(3, 3)])
    assert result.total == 15_000
    assert result.lines[0].amount == 15_000


def test_provincial_without_amount_has_no_total():
    result = compute_fee(FeeRule(FeeKind.PROVINCIAL), [original()])
    assert result.total is None
    assert result.lines == (FeeLine("Lệ phí", None, PROVINCIAL_UNSET_NOTE),)
    assert PROVINCIAL_UNSET_NOTE == "Theo Nghị quyết của HĐND tỉnh"  # no internal wording


# --- properties ---------------------------------------------------------------------------

tier_sets = st.one_of(
    st.just(TT226),
    st.lists(st.tuples(st.integers(1, 50), st.integers(0, 5000)), min_size=0, max_size=3).map(
        lambda more: (
            PageTier(1, 2000),
            *{start + 1: PageTier(start + 1, price) for start, price in more}.values(),
        )
    ),
)


@given(
    tier_sets,
    st.integers(0, 1_000_000),
    st.integers(1, 400),
    st.integers(0, 400),
    st.integers(0, 10),
    st.integers(0, 10),
)
def test_per_page_total_is_monotonic_and_capped(tiers, cap, pages, more_pages, copies, more):
    rule = FeeRule(FeeKind.PER_PAGE, tiers=tiers, cap_per_copy=cap)
    base = compute_fee(rule, [copy(copies, pages)]).total
    assert base is not None
    assert 0 <= base <= copies * cap
    assert compute_fee(rule, [copy(copies, pages + more_pages)]).total >= base
    assert compute_fee(rule, [copy(copies + more, pages)]).total >= base


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 300)), max_size=5))
def test_per_page_total_is_the_sum_of_its_lines(rows):
    items = [copy(copies, pages) for copies, pages in rows]
    result = compute_fee(CERTIFIED_COPY_RULE, items)
    assert result.total == sum(line.amount for line in result.lines)
    assert result.total <= 200_000 * sum(copies for copies, _ in rows)


def test_only_a_per_page_fee_asks_for_page_counts():
    assert CERTIFIED_COPY_RULE.depends_on_pages
    assert not FeeRule(FeeKind.PER_COPY, amount=8000).depends_on_pages
    assert not FeeRule(FeeKind.FREE).depends_on_pages

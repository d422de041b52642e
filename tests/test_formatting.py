"""Vietnamese formats a person reads and types."""

from datetime import date

from intake_app.domain.formatting import date_vn, money, parse_date_vn


def test_dates_typed_day_first_are_read():
    typed_forms = ("02/03/1995", "2/3/1995", "02.03.1995", "02-03-1995", "02031995",
                   " 2 / 3 / 1995 ")
    for typed in typed_forms:
        assert parse_date_vn(typed) == date(1995, 3, 2), typed
    for wrong in ("31/02/1995", "1995-03-02", "2/3/95", "", "ngày 2"):
        assert parse_date_vn(wrong) is None, wrong
    assert date_vn(parse_date_vn("2/3/1995")) == "02/03/1995"


def test_money_groups_thousands_with_dots():
    assert money(12000) == "12.000 ₫"
    assert money(1_250_000) == "1.250.000 ₫"
    assert money(None) == "chưa quy định"

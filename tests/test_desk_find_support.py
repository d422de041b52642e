"""Core additions made for the Find and Hand-back screens."""

from __future__ import annotations

from datetime import UTC, datetime

from intake_app.domain.formatting import day_time_vn


def test_day_time_vn_puts_the_date_first_in_vietnam_time():
    assert day_time_vn(datetime(2026, 2, 13, 9, 10, tzinfo=UTC)) == "13/02/2026 16:10"
    assert day_time_vn(datetime(2026, 2, 13, 7, 5)) == "13/02/2026 07:05"  # naive: local


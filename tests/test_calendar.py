"""Working-day calendar and appointment dates; every expectation below was worked out by hand.

`CAL` is the counter's calendar with the notices shipped in `resources/calendar/` (the swaps
of 2024–2026 come from them, not from the `holidays` package); `STATUTE` is the law alone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app.domain.calendar import (
    DEFAULT_PERIODS,
    CalendarOverride,
    DayInfo,
    DaySource,
    OverrideKind,
    WorkCalendar,
    WorkingPeriod,
)
from intake_app.domain.clock import VN_TZ, parse_iso
from intake_app.domain.procedures import ProcessingTime, TimeUnit
from intake_app.store.calendar import shipped_notices

NOTICES = shipped_notices()
CAL = WorkCalendar(notices=NOTICES)
STATUTE = WorkCalendar()
OFF, WORK = OverrideKind.DAY_OFF, OverrideKind.WORKING_DAY
SAME_DAY = ProcessingTime(TimeUnit.SAME_DAY)


def vn(text: str) -> datetime:
    """'2026-02-13T16:10' → that instant in Vietnam's time."""
    return parse_iso(text)


def days(n: int) -> ProcessingTime:
    return ProcessingTime(TimeUnit.WORKING_DAYS, n)


def hours(n: int) -> ProcessingTime:
    return ProcessingTime(TimeUnit.WORKING_HOURS, n)


def calendar_days(n: int) -> ProcessingTime:
    return ProcessingTime(TimeUnit.CALENDAR_DAYS, n)


# --- which days are worked ------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 4, 26),  # Saturday worked in exchange for 2/5/2025
        date(2026, 8, 22),  # Saturday worked in exchange for 31/8/2026
        date(2026, 2, 13),  # Friday before Tết 2026
        date(2026, 2, 23),  # Monday after Tết 2026
        date(2027, 2, 11),  # Thursday after Tết 2027
    ],
)
def test_working_days(day: date) -> None:
    assert CAL.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        *(date(2026, 2, d) for d in range(16, 21)),  # Tết 2026, Mon–Fri
        *(date(2027, 2, d) for d in (4, 5, 8, 9, 10)),  # Tết 2027, weekdays
        date(2025, 5, 2),  # swapped with Saturday 26/4/2025
        date(2026, 8, 31),  # swapped with Saturday 22/8/2026
        date(2025, 4, 30),
        date(2025, 5, 1),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2027, 4, 30),
        date(2026, 4, 27),  # Hùng Kings' day falls on Sunday 26/4/2026: compensatory Monday
        date(2025, 9, 1),
        date(2025, 9, 2),
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2027, 9, 2),
        date(2027, 9, 3),
        date(2026, 11, 24),  # "Vietnam Cultural Day", as the package lists it
        date(2025, 4, 19),  # a plain Saturday
        date(2026, 4, 26),  # a Sunday that is also a holiday
    ],
)
def test_days_off(day: date) -> None:
    assert not CAL.is_working_day(day)


def test_next_working_day_is_strictly_after() -> None:
    assert CAL.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)  # over Tết 2026
    assert CAL.next_working_day(date(2026, 3, 9)) == date(2026, 3, 10)  # Mon → Tue
    assert CAL.next_working_day(date(2026, 8, 21)) == date(2026, 8, 22)  # the working Saturday
    assert CAL.next_working_day(date(2026, 8, 28)) == date(2026, 9, 3)  # over 29/8–2/9


# --- working days and hours -----------------------------------------------------------------


def test_tet_2026_one_working_day() -> None:
    # 50 min on Friday 13/2 (16:10–17:00), then 7h10 from Monday 23/2 07:30:
    # 4h in the morning, 3h10 after 13:00.
    assert CAL.due_at(vn("2026-02-13T16:10"), days(1)) == vn("2026-02-23T16:10")


def test_tet_2026_same_day() -> None:
    assert CAL.due_at(vn("2026-02-13T16:10"), SAME_DAY) == vn("2026-02-23T17:00")
    assert CAL.due_at(vn("2026-02-13T14:59"), SAME_DAY) == vn("2026-02-13T17:00")


def test_tet_2027() -> None:
    # Wed 3/2 10:00: 1h30 + 4h = 5h30 that day; 8h on Thu 11/2; 2h30 on Fri 12/2 → 10:00.
    assert CAL.due_at(vn("2027-02-03T10:00"), days(2)) == vn("2027-02-12T10:00")
    # Wed 3/2 16:00: 1h, then 3h from Thu 11/2 07:30.
    assert CAL.due_at(vn("2027-02-03T16:00"), hours(4)) == vn("2027-02-11T10:30")
    assert CAL.due_at(vn("2027-02-03T15:30"), SAME_DAY) == vn("2027-02-11T17:00")
    # Received during Tết itself (Mon 8/2): the walk starts on Thu 11/2.
    assert CAL.due_at(vn("2027-02-08T09:00"), days(1)) == vn("2027-02-11T17:00")


def test_working_saturday_2025_is_used() -> None:
    # Fri 25/4 16:00: 1h; Sat 26/4: 4h in the morning, 3h after 13:00 → 16:00.
    assert CAL.due_at(vn("2025-04-25T16:00"), days(1)) == vn("2025-04-26T16:00")
    assert CAL.due_at(vn("2025-04-26T10:00"), SAME_DAY) == vn("2025-04-26T17:00")


def test_walk_across_30_4_and_1_5_2025() -> None:
    # Tue 29/4 09:00: 2h30 + 4h = 6h30; 30/4, 1/5, 2/5 off, then the weekend; 1h30 on Mon 5/5.
    assert CAL.due_at(vn("2025-04-29T09:00"), days(1)) == vn("2025-05-05T09:00")


def test_walk_across_30_4_and_1_5_2026() -> None:
    # Wed 29/4 14:00: 3h; Thu 30/4 and Fri 1/5 off; Mon 4/5 8h; Tue 5/5 4h + 1h → 14:00.
    assert CAL.due_at(vn("2026-04-29T14:00"), days(2)) == vn("2026-05-05T14:00")


def test_walk_across_31_8_to_2_9_2026() -> None:
    # Fri 28/8 10:00: 1h30 + 4h = 5h30; 31/8, 1/9, 2/9 off; 2h30 on Thu 3/9 → 10:00.
    assert CAL.due_at(vn("2026-08-28T10:00"), days(1)) == vn("2026-09-03T10:00")


def test_working_saturday_2026_is_used() -> None:
    # Fri 21/8 15:00: 2h; 1h from Sat 22/8 07:30.
    assert CAL.due_at(vn("2026-08-21T15:00"), hours(3)) == vn("2026-08-22T08:30")


@pytest.mark.parametrize(
    ("received", "time", "due"),
    [
        ("2026-03-08T10:00", hours(2), "2026-03-09T09:30"),  # Sunday → Monday 07:30
        ("2026-03-10T12:00", hours(1), "2026-03-10T14:00"),  # lunch → 13:00
        ("2026-03-10T06:00", hours(4), "2026-03-10T11:30"),  # early → 07:30, ends at 11:30
        ("2026-03-10T18:00", days(1), "2026-03-11T17:00"),  # evening → next 07:30, ends 17:00
        ("2026-03-10T18:00", SAME_DAY, "2026-03-11T17:00"),
        ("2026-03-10T06:00", SAME_DAY, "2026-03-10T17:00"),  # before 07:30 counts as that day
        ("2026-03-10T15:00", SAME_DAY, "2026-03-11T17:00"),  # the cut-off itself is too late
        ("2026-03-08T10:00", SAME_DAY, "2026-03-09T17:00"),  # Sunday
        ("2026-03-10T13:00", hours(4), "2026-03-10T17:00"),  # ends exactly at 17:00
        ("2026-03-10T07:30", days(1), "2026-03-10T17:00"),
        ("2026-03-10T09:30", hours(2), "2026-03-10T11:30"),  # ends exactly at 11:30
        ("2026-03-10T11:30", hours(1), "2026-03-10T14:00"),  # received at the end of a period
        ("2026-03-10T17:00", hours(1), "2026-03-11T08:30"),
        ("2026-03-13T16:00", days(3), "2026-03-18T16:00"),  # Fri → Wed over a weekend
        ("2026-03-10T10:15:42", hours(1), "2026-03-10T11:15:42"),  # seconds are kept
    ],
)
def test_walk_edges(received: str, time: ProcessingTime, due: str) -> None:
    assert CAL.due_at(vn(received), time) == vn(due)


def test_input_in_another_zone_and_output_in_vn_time() -> None:
    received = datetime(2026, 2, 13, 9, 10, 45, tzinfo=UTC)  # 16:10:45 in Vietnam
    due = CAL.due_at(received, days(1))
    assert due == vn("2026-02-23T16:10:45")
    assert due is not None and due.tzinfo is VN_TZ


def test_none_has_no_due_date() -> None:
    assert CAL.due_at(vn("2026-03-10T10:00"), ProcessingTime(TimeUnit.NONE)) is None


def test_add_working_time() -> None:
    assert CAL.add_working_time(vn("2026-03-10T18:00"), timedelta()) == vn("2026-03-11T07:30")
    assert CAL.add_working_time(vn("2026-03-10T11:00"), timedelta(minutes=30)) == vn(
        "2026-03-10T11:30"
    )
    with pytest.raises(ValueError):
        CAL.add_working_time(vn("2026-03-10T11:00"), timedelta(minutes=-1))


def test_due_date_crosses_into_next_year() -> None:
    # Thu 31/12/2026 10:00: 5h30 that day; Fri 1/1/2027 off; Mon 4/1 2h30 → 10:00.
    assert CAL.due_at(vn("2026-12-31T10:00"), days(1)) == vn("2027-01-04T10:00")


# --- calendar days --------------------------------------------------------------------------


def test_calendar_days_on_a_working_day() -> None:
    assert CAL.due_at(vn("2026-03-10T18:30"), calendar_days(2)) == vn("2026-03-12T18:30")


def test_calendar_days_landing_on_a_day_off_keep_the_clock_time() -> None:
    # Mon 1/2/2027 + 3 = Thu 4/2, in Tết → Thu 11/2, same clock time.
    assert CAL.due_at(vn("2027-02-01T09:15"), calendar_days(3)) == vn("2027-02-11T09:15")
    # Mon 24/8/2026 + 7 = Mon 31/8 (swapped day off) → Thu 3/9.
    assert CAL.due_at(vn("2026-08-24T10:20:30"), calendar_days(7)) == vn("2026-09-03T10:20:30")
    # Thu 12/3/2026 + 2 = Saturday → Monday.
    assert CAL.due_at(vn("2026-03-12T16:45"), calendar_days(2)) == vn("2026-03-16T16:45")
    # Landing on the working Saturday 26/4/2025 stays there.
    assert CAL.due_at(vn("2025-04-19T10:00"), calendar_days(7)) == vn("2025-04-26T10:00")


def test_calendar_days_are_monotonic_by_date_only() -> None:
    """Keeping the clock time means a later dossier can be due earlier on the same day."""
    earlier = CAL.due_at(vn("2026-03-12T16:00"), calendar_days(2))  # Sat 16:00 → Mon 16:00
    later = CAL.due_at(vn("2026-03-13T08:00"), calendar_days(2))  # Sun 08:00 → Mon 08:00
    assert earlier == vn("2026-03-16T16:00")
    assert later == vn("2026-03-16T08:00")


# --- local overrides ------------------------------------------------------------------------


def test_extra_day_off_moves_the_due_date() -> None:
    storm = WorkCalendar([CalendarOverride(date(2026, 3, 11), OFF, "Nghỉ tránh bão")],
                         notices=NOTICES)
    assert CAL.due_at(vn("2026-03-10T10:00"), days(1)) == vn("2026-03-11T10:00")
    assert storm.due_at(vn("2026-03-10T10:00"), days(1)) == vn("2026-03-12T10:00")


def test_extra_working_saturday_is_used() -> None:
    cal = WorkCalendar([CalendarOverride(date(2026, 3, 14), WORK)])
    assert CAL.due_at(vn("2026-03-13T16:00"), hours(2)) == vn("2026-03-16T08:30")
    assert cal.due_at(vn("2026-03-13T16:00"), hours(2)) == vn("2026-03-14T08:30")


def test_override_removes_cultural_day() -> None:
    cal = WorkCalendar([CalendarOverride(date(2026, 11, 24), WORK, "Vẫn làm việc")],
                       notices=NOTICES)
    assert CAL.due_at(vn("2026-11-23T10:00"), days(1)) == vn("2026-11-25T10:00")
    assert cal.due_at(vn("2026-11-23T10:00"), days(1)) == vn("2026-11-24T10:00")
    assert DayInfo(date(2026, 11, 24), WORK, "Vẫn làm việc", DaySource.LOCAL) \
        in cal.year_days(2026)


def test_override_cancels_a_working_saturday_and_the_later_override_wins() -> None:
    cal = WorkCalendar([CalendarOverride(date(2026, 8, 22), OFF)], notices=NOTICES)
    assert CAL.is_working_day(date(2026, 8, 22))
    assert not cal.is_working_day(date(2026, 8, 22))
    twice = WorkCalendar(
        [CalendarOverride(date(2026, 3, 11), OFF), CalendarOverride(date(2026, 3, 11), WORK)]
    )
    assert twice.is_working_day(date(2026, 3, 11))


# --- custom periods -------------------------------------------------------------------------

CUSTOM = WorkCalendar(
    periods=[WorkingPeriod(time(7, 0), time(11, 30)), WorkingPeriod(time(13, 30), time(17, 0))]
)


@pytest.mark.parametrize(
    ("received", "time", "due"),
    [
        ("2026-03-10T06:00", hours(4), "2026-03-10T11:00"),
        ("2026-03-10T11:30", hours(1), "2026-03-10T14:30"),
        ("2026-03-10T12:00", hours(1), "2026-03-10T14:30"),
        # 1h30 + 3h30 = 5h on Tuesday, 3h from Wednesday 07:00.
        ("2026-03-10T10:00", days(1), "2026-03-11T10:00"),
        ("2026-03-10T14:00", hours(3), "2026-03-10T17:00"),
        ("2026-03-10T14:00", SAME_DAY, "2026-03-10T17:00"),
    ],
)
def test_custom_periods(received: str, time: ProcessingTime, due: str) -> None:
    assert CUSTOM.due_at(vn(received), time) == vn(due)


def test_working_day_length_follows_the_periods() -> None:
    mornings = WorkCalendar(periods=[WorkingPeriod(time(8, 0), time(12, 0))])
    assert mornings.due_at(vn("2026-03-10T10:00"), days(1)) == vn("2026-03-11T10:00")
    assert mornings.due_at(vn("2026-03-10T10:00"), SAME_DAY) == vn("2026-03-10T12:00")


@pytest.mark.parametrize(
    "periods",
    [
        [],
        [WorkingPeriod(time(11, 30), time(7, 30))],
        [WorkingPeriod(time(9, 0), time(9, 0))],
        [WorkingPeriod(time(7, 30), time(12, 0)), WorkingPeriod(time(11, 30), time(17, 0))],
        [WorkingPeriod(time(13, 0), time(17, 0)), WorkingPeriod(time(7, 30), time(11, 30))],
    ],
)
def test_bad_periods_are_refused(periods: list[WorkingPeriod]) -> None:
    with pytest.raises(ValueError):
        WorkCalendar(periods=periods)


# --- the year's list of exceptions ----------------------------------------------------------


def test_year_days_2026() -> None:
    """Weekdays off and weekend days worked, each with its source; 26/4/2026 (Sunday) is off
    anyway and not listed, its compensatory Monday is."""
    notice = {(1, 2): OFF, (1, 10): WORK, **{(2, d): OFF for d in range(16, 21)},
              (8, 22): WORK, (8, 31): OFF}
    statute = {(1, 1), (4, 27), (4, 30), (5, 1), (9, 1), (9, 2), (11, 24)}
    expected = sorted(
        [(date(2026, m, d), kind, DaySource.NOTICE) for (m, d), kind in notice.items()]
        + [(date(2026, m, d), OFF, DaySource.STATUTE) for m, d in statute])
    listed = CAL.year_days(2026)
    assert [(info.day, info.kind, info.source) for info in listed] == expected
    assert all(info.reason and info.document for info in listed)
    by_day = {info.day: info for info in listed}
    assert by_day[date(2026, 1, 10)].document.startswith("12729/VPCP-KGVX ngày 25/12/2025")
    assert by_day[date(2026, 8, 31)].document.startswith("9441/TB-BNV ngày 16/10/2025")
    assert by_day[date(2026, 4, 27)].document == "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)"
    assert by_day[date(2026, 4, 30)].document == "Bộ luật Lao động 2019, Điều 112"
    assert "80-NQ/TW" in by_day[date(2026, 11, 24)].document
    assert date(2026, 4, 26) not in by_day


def test_year_days_2025_and_2027() -> None:
    listed_2025 = {info.day: info for info in CAL.year_days(2025)}
    assert listed_2025[date(2025, 4, 26)].kind == WORK
    assert listed_2025[date(2025, 4, 26)].source == DaySource.NOTICE
    assert listed_2025[date(2025, 5, 2)].kind == OFF
    assert listed_2025[date(2025, 9, 1)].kind == OFF
    listed_2027 = {info.day: info.kind for info in CAL.year_days(2027)}
    for day in (4, 5, 8, 9, 10):
        assert listed_2027[date(2027, 2, day)] == OFF
    assert date(2027, 2, 6) not in listed_2027  # Saturday in Tết
    assert listed_2027[date(2027, 5, 3)] == OFF  # 1/5/2027 is a Saturday
    assert listed_2027[date(2027, 9, 3)] == OFF
    assert {info.source for info in CAL.year_days(2027)} == {DaySource.STATUTE}


def test_year_days_local_overrides_win() -> None:
    cal = WorkCalendar(
        [
            CalendarOverride(date(2026, 3, 11), OFF, "Nghỉ tránh bão"),
            CalendarOverride(date(2026, 8, 22), OFF),
            CalendarOverride(date(2027, 1, 4), OFF),  # another year: not listed in 2026
        ],
        notices=NOTICES,
    )
    listed = {info.day: info for info in cal.year_days(2026)}
    assert listed[date(2026, 3, 11)] == DayInfo(
        date(2026, 3, 11), OFF, "Nghỉ tránh bão", DaySource.LOCAL)
    assert listed[date(2026, 8, 22)].kind == OFF
    assert listed[date(2026, 8, 22)].source == DaySource.LOCAL
    assert listed[date(2026, 8, 22)].reason  # a default reason when the note is empty
    assert listed[date(2026, 8, 31)].source == DaySource.NOTICE
    assert all(day.year == 2026 for day in listed)


# --- the swaps come from the notices, not from the package -----------------------------------


@pytest.mark.parametrize(("day", "worked"), [
    (date(2025, 4, 26), False), (date(2025, 5, 2), True),  # 8726/VPCP-KGVX
    (date(2026, 1, 2), True), (date(2026, 1, 10), False),  # 12729/VPCP-KGVX
    (date(2026, 8, 22), False), (date(2026, 8, 31), True),  # 9441/TB-BNV
    (date(2024, 4, 29), True), (date(2024, 5, 4), False),  # 2450/VPCP-KGVX
])
def test_the_statute_alone_has_no_swap(day: date, worked: bool) -> None:
    """Without the notices a swapped day is a plain weekday or Saturday: the package's own
    swaps are not used (a wrong one in a package update could not slip in unseen)."""
    assert STATUTE.is_working_day(day) is worked
    assert CAL.is_working_day(day) is not worked


def test_new_year_2026_swap() -> None:
    """Issue 10: 5 working days from Mon 05/01/2026 09:00. Mon 2h30 + 4h = 6h30, Tue–Fri 8h
    each = 32h (38h30), then 1h30 on the working Saturday 10/01 from 07:30 → 09:00. Without
    the swap (the package alone) the walk ends on Mon 12/01 at 09:00."""
    assert CAL.due_at(vn("2026-01-05T09:00"), days(5)) == vn("2026-01-10T09:00")
    assert STATUTE.due_at(vn("2026-01-05T09:00"), days(5)) == vn("2026-01-12T09:00")
    # Received on Wed 31/12/2025 at 16:00: 1h that day, 1/1 holiday, 2/1 swapped off, the
    # weekend; 7h on Mon 05/01 → 16:00.
    assert CAL.due_at(vn("2025-12-31T16:00"), days(1)) == vn("2026-01-05T16:00")
    assert STATUTE.due_at(vn("2025-12-31T16:00"), days(1)) == vn("2026-01-02T16:00")


def test_a_later_notice_wins_and_a_later_edition_replaces() -> None:
    from dataclasses import replace

    from intake_app.domain.calendar import CalendarNotice, NoticeDay

    province = CalendarNotice(
        "15/TB-UBND", date(2026, 12, 1), "UBND tỉnh", "Làm việc thứ Bảy",
        (NoticeDay(date(2026, 8, 22), OFF, "Nghỉ theo tỉnh"),
         NoticeDay(date(2026, 12, 26), WORK, "Làm bù")), province_code="46", edition=3)
    cal = WorkCalendar(notices=[*NOTICES, province])
    assert not cal.is_working_day(date(2026, 8, 22))  # issued after 9441/TB-BNV: it wins
    assert cal.is_working_day(date(2026, 12, 26))
    corrected = replace(province, days=(NoticeDay(date(2026, 12, 26), WORK, "Làm bù"),),
                        edition=4)
    cal = WorkCalendar(notices=[*NOTICES, province, corrected])
    assert cal.is_working_day(date(2026, 8, 22))  # the correction no longer names 22/8
    assert cal.day_info(date(2026, 12, 26)).document.startswith("15/TB-UBND ngày 01/12/2026")


def test_subtract_working_time_undoes_add() -> None:
    for start, hours_ in (("2026-01-05T09:00", 40), ("2026-02-13T16:10", 8),
                          ("2026-08-21T15:00", 3), ("2026-03-10T11:30", 1)):
        walked = CAL.add_working_time(vn(start), timedelta(hours=hours_))
        back = CAL.subtract_working_time(walked, timedelta(hours=hours_))
        assert CAL.working_time_between(back, walked) == timedelta(hours=hours_)
    # From the working Saturday 10/01/2026 09:00 back 1h30 → 07:30 that Saturday.
    assert CAL.subtract_working_time(vn("2026-01-10T09:00"), timedelta(hours=1, minutes=30)) \
        == vn("2026-01-10T07:30")
    # Back over the swapped Friday 02/01 and the holiday 01/01 to 31/12/2025.
    assert CAL.subtract_working_time(vn("2026-01-05T08:30"), timedelta(hours=2)) \
        == vn("2025-12-31T16:00")


# --- properties -----------------------------------------------------------------------------

received_instants = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2028, 12, 31, 23, 59, 59),
    timezones=st.just(VN_TZ),
)
processing_times = st.one_of(
    st.builds(
        ProcessingTime,
        st.sampled_from([TimeUnit.WORKING_DAYS, TimeUnit.WORKING_HOURS, TimeUnit.CALENDAR_DAYS]),
        st.integers(1, 30),
    ),
    st.just(SAME_DAY),
)


def in_a_period(moment: datetime) -> bool:
    return any(p.start <= moment.time() <= p.end for p in DEFAULT_PERIODS)


@settings(max_examples=200, deadline=None)
@given(received_instants, processing_times)
def test_due_is_on_a_working_day_in_a_period(received: datetime, time: ProcessingTime) -> None:
    due = CAL.due_at(received, time)
    assert due is not None
    assert due.utcoffset() == timedelta(hours=7)
    assert due >= received
    assert CAL.is_working_day(due.date())
    if time.unit == TimeUnit.CALENDAR_DAYS:
        assert due.time() == received.time()  # the clock time is kept, in a period or not
    else:
        assert in_a_period(due)


@settings(max_examples=200, deadline=None)
@given(received_instants, received_instants, processing_times)
def test_due_is_monotonic(first: datetime, second: datetime, time: ProcessingTime) -> None:
    earlier, later = sorted([first, second])
    due_earlier, due_later = CAL.due_at(earlier, time), CAL.due_at(later, time)
    assert due_earlier is not None and due_later is not None
    if time.unit == TimeUnit.CALENDAR_DAYS:
        assert due_earlier.date() <= due_later.date()  # see the by-date-only test above
    else:
        assert due_earlier <= due_later


@settings(max_examples=200, deadline=None)
@given(received_instants, st.integers(0, 80 * 60), st.integers(0, 80 * 60))
def test_walking_is_additive(start: datetime, first: int, second: int) -> None:
    a, b = timedelta(minutes=first), timedelta(minutes=second)
    assert CAL.add_working_time(start, a + b) == CAL.add_working_time(
        CAL.add_working_time(start, a), b
    )


def test_walking_nothing_from_the_end_of_a_period_stays_there() -> None:
    """Hypothesis found it: 4 h from 06:00 end at 11:30, and 0 more must not jump to 13:00."""
    morning_end = CAL.add_working_time(datetime(2026, 3, 10, 6, tzinfo=VN_TZ), timedelta(hours=4))
    assert morning_end == datetime(2026, 3, 10, 11, 30, tzinfo=VN_TZ)
    assert CAL.add_working_time(morning_end, timedelta()) == morning_end
    day_end = datetime(2026, 3, 10, 17, tzinfo=VN_TZ)
    assert CAL.add_working_time(day_end, timedelta()) == day_end
    assert CAL.add_working_time(day_end, timedelta(minutes=1)) == datetime(
        2026, 3, 11, 7, 31, tzinfo=VN_TZ)

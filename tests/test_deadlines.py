"""Near-due and overdue, as the lists colour them; dates worked out by hand on March 2026."""

from __future__ import annotations

from datetime import date

import pytest

from intake_app.domain.calendar import CalendarOverride, OverrideKind, WorkCalendar
from intake_app.domain.clock import parse_iso
from intake_app.domain.deadlines import DeadlineState, deadline_state
from intake_app.domain.status import DossierStatus as S

CAL = WorkCalendar()
NOW = parse_iso("2026-03-02T09:00")  # a Monday


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("2026-03-02T08:59", DeadlineState.OVERDUE),
        ("2026-02-27T17:00", DeadlineState.OVERDUE),
        ("2026-03-02T09:00", DeadlineState.NEAR_DUE),  # due this very minute: not late yet
        ("2026-03-02T17:00", DeadlineState.NEAR_DUE),
        ("2026-03-03T17:00", DeadlineState.NEAR_DUE),  # next working day
        ("2026-03-04T07:30", DeadlineState.ON_TRACK),
        ("2026-04-01T17:00", DeadlineState.ON_TRACK),
    ],
)
def test_received_dossier(due, expected):
    assert deadline_state(parse_iso(due), S.RECEIVED, NOW, CAL) is expected


def test_no_appointment_date_is_none():
    assert deadline_state(None, S.IN_PROCESSING, NOW, CAL) is DeadlineState.NONE


@pytest.mark.parametrize("status", [S.REFUSED, S.WITHDRAWN, S.STOPPED, S.DONE, S.RETURNED])
def test_finished_dossiers_are_never_late(status):
    assert deadline_state(parse_iso("2026-01-05T17:00"), status, NOW, CAL) is DeadlineState.NONE


@pytest.mark.parametrize("status", [S.IN_PROCESSING, S.FINANCIAL_OBLIGATION])
def test_dossiers_still_in_the_office_can_be_late(status):
    assert deadline_state(parse_iso("2026-03-01T17:00"), status, NOW, CAL) is DeadlineState.OVERDUE


def test_waiting_for_a_supplement_stops_the_clock():
    """The due date moves when the supplement comes in, so the old one says nothing yet."""
    state = deadline_state(parse_iso("2026-03-01T17:00"), S.SUPPLEMENT_REQUESTED, NOW, CAL)
    assert state is DeadlineState.PAUSED


def test_friday_looks_over_the_weekend_to_monday():
    friday = parse_iso("2026-03-06T16:00")
    assert deadline_state(parse_iso("2026-03-09T17:00"), S.RECEIVED, friday, CAL) \
        is DeadlineState.NEAR_DUE
    assert deadline_state(parse_iso("2026-03-10T08:00"), S.RECEIVED, friday, CAL) \
        is DeadlineState.ON_TRACK


def test_a_local_day_off_pushes_the_next_working_day():
    tuesday_off = WorkCalendar([CalendarOverride(date(2026, 3, 3), OverrideKind.DAY_OFF)])
    due_wednesday = parse_iso("2026-03-04T17:00")
    assert deadline_state(due_wednesday, S.RECEIVED, NOW, tuesday_off) is DeadlineState.NEAR_DUE
    assert deadline_state(due_wednesday, S.RECEIVED, NOW, CAL) is DeadlineState.ON_TRACK


def test_utc_instants_are_compared_in_vietnam_time():
    # 2026-03-03T18:00Z is 01:00 on Wednesday in Vietnam: beyond the next working day.
    due = parse_iso("2026-03-03T18:00+00:00")
    assert deadline_state(due, S.RECEIVED, NOW, CAL) is DeadlineState.ON_TRACK

"""The dossier's steps after receipt: which are allowed, and what each one changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app.domain.calendar import WorkCalendar
from intake_app.domain.clock import parse_iso
from intake_app.domain.dossier import Channel, Delivery, Dossier, Party
from intake_app.domain.events import EventKind
from intake_app.domain.lifecycle import (
    COUNTER_PARTY,
    IllegalStep,
    StepRequest,
    plan_extension,
    plan_step,
)
from intake_app.domain.status import DossierStatus as S

CAL = WorkCalendar()

# The legal steps, written out pair by pair as the issue describes them.
LEGAL = {
    (S.NEW, S.RECEIVED), (S.NEW, S.REFUSED),
    (S.RECEIVED, S.IN_PROCESSING), (S.RECEIVED, S.SUPPLEMENT_REQUESTED),
    (S.RECEIVED, S.REFUSED), (S.RECEIVED, S.WITHDRAWN), (S.RECEIVED, S.DONE),
    (S.RECEIVED, S.RETURNED),
    (S.IN_PROCESSING, S.IN_PROCESSING), (S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED),
    (S.IN_PROCESSING, S.FINANCIAL_OBLIGATION), (S.IN_PROCESSING, S.DONE),
    (S.IN_PROCESSING, S.RETURNED), (S.IN_PROCESSING, S.WITHDRAWN),
    (S.IN_PROCESSING, S.STOPPED),
    (S.SUPPLEMENT_REQUESTED, S.IN_PROCESSING), (S.SUPPLEMENT_REQUESTED, S.WITHDRAWN),
    (S.SUPPLEMENT_REQUESTED, S.STOPPED),
    (S.FINANCIAL_OBLIGATION, S.IN_PROCESSING), (S.FINANCIAL_OBLIGATION, S.WITHDRAWN),
    (S.FINANCIAL_OBLIGATION, S.STOPPED),
    (S.DONE, S.RETURNED),
}


def dossier(status: S = S.RECEIVED, **changes: object) -> Dossier:
    base = Dossier(
        dossier_id="0b7e6f8c-2f57-4d36-9a8e-1d2c3b4a5f60",
        code="000.00.12.H56-260302-2001",
        station_no=2,
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        field_code="HT",
        field_name="Hộ tịch",
        applicant=Party("Nguyễn Văn Đức", phone="0912345678"),
        owner=None,
        documents=(),
        pages=1,
        sets=1,
        channel=Channel.IN_PERSON,
        delivery=Delivery.COUNTER,
        note="",
        received_at=parse_iso("2026-03-02T08:00"),
        due_at=parse_iso("2026-03-05T08:00"),
        statutory_due_at=parse_iso("2026-03-05T08:00"),
        status=status,
        version=1,
        clerk="Lê Thị Hoa",
        fee_total=0,
    )
    return replace(base, **changes)


def full_request(current: S, target: S) -> StepRequest:
    """A request carrying whatever the target step needs."""
    return StepRequest(
        target, "Lê Thị Hoa",
        to_unit="Công chức Văn hóa - Xã hội" if current == S.IN_PROCESSING else "Tư pháp",
        note="Thiếu bản sao giấy chứng sinh", receiver_name="Nguyễn Văn Đức",
    )


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_every_pair_of_statuses_is_legal_or_refused(current, target):
    start = dossier(current, processing_unit="Tư pháp" if current != S.RECEIVED else None)
    at = parse_iso("2026-03-03T09:00")
    if (current, target) in LEGAL:
        outcome = plan_step(start, full_request(current, target), at=at, calendar=CAL)
        assert outcome.dossier.status == target
        assert outcome.dossier.version == start.version + 1
        assert outcome.note
        expected = EventKind.RETURNED if target == S.RETURNED else EventKind.STATUS_CHANGED
        assert outcome.event_kind == expected
    else:
        with pytest.raises(IllegalStep, match="Không thể chuyển hồ sơ"):
            plan_step(start, full_request(current, target), at=at, calendar=CAL)


@pytest.mark.parametrize(("target", "words"), [
    (S.SUPPLEMENT_REQUESTED, "lý do yêu cầu bổ sung"),
    (S.REFUSED, "lý do từ chối"),
    (S.STOPPED, "lý do dừng"),
])
def test_steps_whose_slip_states_a_reason_need_one(target, words):
    start = dossier(S.IN_PROCESSING if target == S.STOPPED else S.RECEIVED,
                    processing_unit="Tư pháp")
    with pytest.raises(IllegalStep, match=words):
        plan_step(start, StepRequest(target, "Hoa", note="  "),
                  at=parse_iso("2026-03-03T09:00"), calendar=CAL)


def test_handing_over_needs_someone_to_take_it_and_records_the_handover():
    start = dossier()
    with pytest.raises(IllegalStep, match="nơi nhận"):
        plan_step(start, StepRequest(S.IN_PROCESSING, "Hoa"),
                  at=parse_iso("2026-03-02T09:00"), calendar=CAL)
    outcome = plan_step(start, StepRequest(S.IN_PROCESSING, "Hoa", to_unit="Tư pháp - Hộ tịch"),
                        at=parse_iso("2026-03-02T09:00"), calendar=CAL)
    assert outcome.dossier.processing_unit == "Tư pháp - Hộ tịch"
    assert outcome.detail["from_party"] == COUNTER_PARTY
    assert outcome.detail["to_party"] == "Tư pháp - Hộ tịch"
    assert outcome.detail["result"] == "early"  # handed over on 02/03, due 05/03
    with pytest.raises(IllegalStep, match="hãy chọn nơi nhận khác"):
        plan_step(outcome.dossier,
                  StepRequest(S.IN_PROCESSING, "Hoa", to_unit="Tư pháp - Hộ tịch"),
                  at=parse_iso("2026-03-02T10:00"), calendar=CAL)


def test_a_supplement_stops_the_clock_and_moves_the_due_date_by_the_working_time_waited():
    # Due Thu 05/03 08:00. Supplement requested Tue 03/03 10:00, completed Mon 09/03 09:00.
    # Working time waited: Tue 10:00-11:30 + 13:00-17:00 = 5h30; Wed, Thu, Fri 8h each = 24h;
    # Mon 07:30-09:00 = 1h30; total 31h.
    # Thu 05/03 08:00 + 31h: Thu 7h30 (08:00-11:30, 13:00-17:00), Fri 8h, Mon 8h = 23h30;
    # the last 7h30 on Tue 10/03: 07:30-11:30 is 4h, then 13:00 + 3h30 = 16:30.
    start = dossier(S.IN_PROCESSING, processing_unit="Tư pháp")
    asked = plan_step(start, StepRequest(S.SUPPLEMENT_REQUESTED, "Hoa",
                                         note="Thiếu giấy chứng sinh",
                                         documents=("Giấy chứng sinh",)),
                      at=parse_iso("2026-03-03T10:00"), calendar=CAL).dossier
    assert asked.supplement_count == 1
    assert asked.supplement_requested_at == parse_iso("2026-03-03T10:00")
    assert asked.due_at == start.due_at  # unchanged while waiting

    back = plan_step(asked, StepRequest(S.IN_PROCESSING, "Hoa"),
                     at=parse_iso("2026-03-09T09:00"), calendar=CAL)
    assert back.action == "supplement_received"
    assert back.detail["shifted_minutes"] == 31 * 60
    assert back.dossier.due_at == parse_iso("2026-03-10T16:30")
    assert back.dossier.statutory_due_at == parse_iso("2026-03-10T16:30")
    assert back.dossier.supplement_requested_at is None
    assert back.dossier.processing_unit == "Tư pháp"  # back to the unit that asked
    assert "31 giờ" in back.note
    # The history says where the statutory due time stood before and after (reports of a
    # past period read it back, issue 10).
    assert back.detail["statutory_due_before"] == "2026-03-05T08:00:00+07:00"
    assert back.detail["statutory_due_at"] == "2026-03-10T16:30:00+07:00"


def test_a_supplement_answered_over_a_holiday_only_counts_working_time():
    # Requested Fri 24/04/2026 15:00; 27/04 (nghỉ bù for 26/4), 30/4 and 1/5 are days off.
    # Completed Tue 28/04 09:00: Fri 15:00-17:00 = 2h, Tue 07:30-09:00 = 1h30 → 3h30.
    asked = dossier(S.SUPPLEMENT_REQUESTED, supplement_count=1,
                    supplement_requested_at=parse_iso("2026-04-24T15:00"),
                    due_at=parse_iso("2026-04-28T17:00"),
                    statutory_due_at=parse_iso("2026-04-28T17:00"))
    back = plan_step(asked, StepRequest(S.IN_PROCESSING, "Hoa", to_unit="Tư pháp"),
                     at=parse_iso("2026-04-28T09:00"), calendar=CAL)
    # 28/04 17:00 + 3h30: Wed 29/04 07:30-11:00.
    assert back.dossier.due_at == parse_iso("2026-04-29T11:00")


def test_a_second_supplement_request_is_counted():
    asked_again = plan_step(
        dossier(S.IN_PROCESSING, supplement_count=1, processing_unit="Tư pháp"),
        StepRequest(S.SUPPLEMENT_REQUESTED, "Hoa", note="Lần hai: thiếu chữ ký"),
        at=parse_iso("2026-03-04T09:00"), calendar=CAL,
    ).dossier
    assert asked_again.supplement_count == 2


def test_the_end_time_is_the_first_finishing_step():
    done = plan_step(dossier(S.IN_PROCESSING, processing_unit="Tư pháp"),
                     StepRequest(S.DONE, "Hoa"), at=parse_iso("2026-03-04T10:00"),
                     calendar=CAL).dossier
    assert done.finished_at == parse_iso("2026-03-04T10:00")
    returned = plan_step(done, StepRequest(S.RETURNED, "Hoa", receiver_name="Nguyễn Văn Đức"),
                         at=parse_iso("2026-03-06T08:00"), calendar=CAL).dossier
    assert returned.finished_at == parse_iso("2026-03-04T10:00")  # done came first
    assert returned.returned_at == parse_iso("2026-03-06T08:00")


def test_returning_needs_the_receivers_name():
    with pytest.raises(IllegalStep, match="người nhận"):
        plan_step(dossier(S.DONE), StepRequest(S.RETURNED, "Hoa"),
                  at=parse_iso("2026-03-04T10:00"), calendar=CAL)


def test_a_late_handover_is_marked_late():
    outcome = plan_step(dossier(S.IN_PROCESSING, processing_unit="Tư pháp"),
                        StepRequest(S.DONE, "Hoa"), at=parse_iso("2026-03-05T09:00"),
                        calendar=CAL)
    assert outcome.detail == {"from_status": 4, "from_party": "Tư pháp",
                              "to_party": COUNTER_PARTY, "result": "late"}


def test_an_apology_sets_a_new_appointment_but_not_the_statutory_one():
    start = dossier(S.IN_PROCESSING, processing_unit="Tư pháp")
    outcome = plan_extension(start, new_due=parse_iso("2026-03-09T17:00"),
                             reason="Chờ xác minh", responsible="Tư pháp",
                             at=parse_iso("2026-03-05T09:00"))
    assert outcome.dossier.due_at == parse_iso("2026-03-09T17:00")
    assert outcome.dossier.statutory_due_at == parse_iso("2026-03-05T08:00")
    assert outcome.dossier.status == S.IN_PROCESSING
    assert outcome.event_kind == EventKind.UPDATED
    assert outcome.detail["original_due_at"] == "2026-03-05T08:00:00+07:00"


@pytest.mark.parametrize(("changes", "words"), [
    ({"new_due": parse_iso("2026-03-04T17:00")}, "phải sau ngày hẹn cũ"),
    ({"reason": ""}, "lý do chậm"),
])
def test_an_apology_needs_a_later_date_and_a_reason(changes, words):
    args = {"new_due": parse_iso("2026-03-09T17:00"), "reason": "Chờ xác minh",
            "responsible": "Tư pháp", "at": parse_iso("2026-03-05T09:00")} | changes
    with pytest.raises(IllegalStep, match=words):
        plan_extension(dossier(S.IN_PROCESSING), **args)


def test_a_finished_dossier_gets_no_new_appointment():
    with pytest.raises(IllegalStep, match="không cần hẹn lại"):
        plan_extension(dossier(S.RETURNED), new_due=parse_iso("2026-03-09T17:00"),
                       reason="x", responsible="", at=parse_iso("2026-03-05T09:00"))


def test_working_time_between_two_instants():
    mon = parse_iso("2026-03-02T07:00")
    assert CAL.working_time_between(mon, parse_iso("2026-03-02T12:00")) == timedelta(hours=4)
    assert CAL.working_time_between(mon, parse_iso("2026-03-03T07:00")) == timedelta(hours=8)
    assert CAL.working_time_between(parse_iso("2026-03-03T07:00"), mon) == timedelta()


def naive_working_time(start, end) -> timedelta:
    """Walk minute by minute through each working period: slow but obviously right."""
    total = timedelta()
    day = start.date()
    while day <= end.date():
        if CAL.is_working_day(day):
            for period in CAL.periods:
                begin = max(start, start.replace(year=day.year, month=day.month, day=day.day,
                                                 hour=period.start.hour,
                                                 minute=period.start.minute))
                finish = min(end, start.replace(year=day.year, month=day.month, day=day.day,
                                                hour=period.end.hour, minute=period.end.minute))
                total += max(finish - begin, timedelta())
        day += timedelta(days=1)
    return total


@given(st.integers(0, 60 * 24 * 800), st.integers(0, 60 * 24 * 400))
@settings(max_examples=150, deadline=None)
def test_working_time_between_counts_whole_days_like_walking_them(offset, length):
    start = parse_iso("2025-12-20T00:00") + timedelta(minutes=offset)
    end = start + timedelta(minutes=length)
    assert CAL.working_time_between(start, end) == naive_working_time(start, end)

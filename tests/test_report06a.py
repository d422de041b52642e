"""Biểu II.06a: a month of dossiers whose place in the report is worked out by hand below."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app.domain.clock import VN_TZ
from intake_app.domain.dossier import Channel
from intake_app.domain.report06a import (
    COUNT_COLUMNS,
    FieldRow,
    Intake,
    Outcome,
    Placement,
    ReportIdentityError,
    ReportRecord,
    build_report_06a,
    classify_record,
    period_end_instant,
)
from intake_app.domain.status import DossierStatus as S

START = date(2026, 3, 1)
END = date(2026, 3, 31)
AS_OF = datetime(2026, 4, 3, 10, 0, tzinfo=VN_TZ)  # drawn up after the month: end = 31/03 24h
UNIT = "UBND xã Ưu Điềm"

HT = ("HT", "Hộ tịch")
CT = ("CT", "Chứng thực")

IN_PERSON, ONLINE, POST = Channel.IN_PERSON, Channel.ONLINE, Channel.POST


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=VN_TZ)


def rec(
    code: str,
    field: tuple[str, str],
    channel: Channel,
    received: datetime,
    due: datetime | None,
    finished: datetime | None,
    status: S,
    supplements: int = 0,
    waiting: datetime | None = None,
) -> ReportRecord:
    return ReportRecord(
        code=code,
        field_code=field[0],
        field_name=field[1],
        channel=channel,
        received_at=received,
        due_at=due,
        finished_at=finished,
        status=status,
        supplement_count=supplements,
        waiting_supplement_since=waiting,
    )


def placed(intake: Intake, outcome: Outcome) -> Placement:
    return Placement(intake, outcome)


CARRIED, NEW_ONLINE, NEW_DIRECT = Intake.CARRIED_OVER, Intake.NEW_ONLINE, Intake.NEW_DIRECT
EARLY, ON_TIME, LATE = Outcome.EARLY, Outcome.ON_TIME, Outcome.LATE
WITHIN, OVERDUE = Outcome.WITHIN_DEADLINE, Outcome.OVERDUE

# (record, where it must land — None = left out of the report), each with the reason.
CASES: list[tuple[ReportRecord, Placement | None]] = [
    # --- Hộ tịch -------------------------------------------------------------------------
    # Received in February, due 05/03, finished 03/03: carried over, finished a day earlier
    # than the due date ⇒ early.
    (rec("HT-01", HT, IN_PERSON, at(2, 25), at(3, 5, 17), at(3, 3, 10), S.RETURNED),
     placed(CARRIED, EARLY)),
    # Carried over, finished on the due day one hour before the due time ⇒ on time, not early.
    (rec("HT-02", HT, IN_PERSON, at(2, 26), at(3, 4, 17), at(3, 4, 16), S.DONE),
     placed(CARRIED, ON_TIME)),
    # Carried over, due 02/03, finished 06/03 ⇒ late.
    (rec("HT-03", HT, IN_PERSON, at(2, 20), at(3, 2, 17), at(3, 6, 10), S.RETURNED),
     placed(CARRIED, LATE)),
    # Received online on 10/03, finished 11/03, due 13/03 ⇒ new online, early.
    (rec("HT-04", HT, ONLINE, at(3, 10), at(3, 13, 17), at(3, 11, 15), S.RETURNED),
     placed(NEW_ONLINE, EARLY)),
    # Sent by post on 12/03 (post counts with "trực tiếp"), finished on the due day ⇒ on time.
    (rec("HT-05", HT, POST, at(3, 12), at(3, 16, 17), at(3, 16, 11), S.RETURNED),
     placed(NEW_DIRECT, ON_TIME)),
    # Finished on 09/03, long before the due 20/03, but two supplement requests ⇒ late.
    (rec("HT-06", HT, IN_PERSON, at(3, 2), at(3, 20, 17), at(3, 9, 10), S.RETURNED, 2),
     placed(NEW_DIRECT, LATE)),
    # Refused at the counter (3, "Không được tiếp nhận"): never received for settlement ⇒ left
    # out (it used to count as received and solved on time).
    (rec("HT-07", HT, IN_PERSON, at(3, 5), at(3, 5, 17), at(3, 6, 10), S.REFUSED), None),
    # Received online 25/03, due 30/03, finished only on 02/04 (after the period end): still in
    # progress at the end of March, and its due time had passed ⇒ in progress, overdue.
    (rec("HT-08", HT, ONLINE, at(3, 25), at(3, 30, 17), at(4, 2, 10), S.RETURNED),
     placed(NEW_ONLINE, OVERDUE)),
    # Finished on 27/02, before the period starts ⇒ left out.
    (rec("HT-09", HT, IN_PERSON, at(2, 10), at(2, 27, 17), at(2, 27, 9), S.RETURNED), None),
    # Received on 01/04, after the period end ⇒ left out.
    (rec("HT-10", HT, IN_PERSON, at(4, 1), at(4, 3, 17), None, S.IN_PROCESSING), None),
    # Received 30/03, due 03/04, still open ⇒ in progress, within the deadline.
    (rec("HT-11", HT, IN_PERSON, at(3, 30), at(4, 3, 17), None, S.IN_PROCESSING),
     placed(NEW_DIRECT, WITHIN)),
    # By post 16/03, due 20/03 (passed), but waiting for a supplement since 18/03: the clock
    # stopped before the due time ⇒ within the deadline.
    (rec("HT-12", HT, POST, at(3, 16), at(3, 20, 17), None, S.SUPPLEMENT_REQUESTED, 1,
         at(3, 18, 10)),
     placed(NEW_DIRECT, WITHIN)),
    # Carried over, due 28/02, still open ⇒ carried over, in progress, overdue.
    (rec("HT-13", HT, IN_PERSON, at(2, 15), at(2, 28, 17), None, S.IN_PROCESSING),
     placed(CARRIED, OVERDUE)),
    # Done on 27/03 (before the due 27/03 17h), result handed back in April: status RETURNED
    # but finished_at is the done time ⇒ solved on time in March.
    (rec("HT-14", HT, IN_PERSON, at(3, 23), at(3, 27, 17), at(3, 27, 10), S.RETURNED),
     placed(NEW_DIRECT, ON_TIME)),
    # --- Chứng thực ----------------------------------------------------------------------
    # Withdrawn by the citizen a week after its due time: the withdrawal is the end time
    # ([766] §2.1), later than the due time ⇒ late (it used to count on time).
    (rec("CT-01", CT, ONLINE, at(3, 3), at(3, 3, 17), at(3, 10, 10), S.WITHDRAWN),
     placed(NEW_ONLINE, LATE)),
    # Carried over, processing stopped on 12/03 after the due 02/03 ⇒ late (issue 10: it used
    # to count on time).
    (rec("CT-02", CT, IN_PERSON, at(2, 27), at(3, 2, 17), at(3, 12, 10), S.STOPPED),
     placed(CARRIED, LATE)),
    # A procedure without a due time, finished ⇒ on time.
    (rec("CT-03", CT, IN_PERSON, at(3, 18), None, at(3, 25, 10), S.RETURNED),
     placed(NEW_DIRECT, ON_TIME)),
    # A procedure without a due time, still open ⇒ within the deadline.
    (rec("CT-04", CT, ONLINE, at(3, 20), None, None, S.IN_PROCESSING),
     placed(NEW_ONLINE, WITHIN)),
    # Due only on 10/04 but two supplement requests ⇒ in progress, overdue.
    (rec("CT-05", CT, POST, at(3, 28), at(4, 10, 17), None, S.IN_PROCESSING, 2),
     placed(NEW_DIRECT, OVERDUE)),
    # Finished on its due day half an hour after the due time ⇒ late.
    (rec("CT-06", CT, IN_PERSON, at(3, 19, 8), at(3, 19, 17), at(3, 19, 17, 30), S.RETURNED),
     placed(NEW_DIRECT, LATE)),
    # Due 04/03 17h, a supplement requested only on 09/03 and still awaited: the due time had
    # passed before the clock stopped ⇒ overdue.
    (rec("CT-07", CT, IN_PERSON, at(3, 2), at(3, 4, 17), None, S.SUPPLEMENT_REQUESTED, 1,
         at(3, 9, 10)),
     placed(NEW_DIRECT, OVERDUE)),
    # Finished at exactly 00:00 on 01/03 (not before the period start), due 02/03 ⇒ carried
    # over, early.
    (rec("CT-08", CT, IN_PERSON, at(2, 28), at(3, 2, 17), at(3, 1, 0), S.DONE),
     placed(CARRIED, EARLY)),
    # Still NEW (an online submission the counter has not accepted) ⇒ left out.
    (rec("CT-09", CT, ONLINE, at(3, 29), None, None, S.NEW), None),
    # Stopped on 10/03, three days before its due date 13/03 ⇒ early, like any end.
    (rec("CT-10", CT, IN_PERSON, at(3, 9), at(3, 13, 17), at(3, 10, 10), S.STOPPED),
     placed(NEW_DIRECT, EARLY)),
    # Withdrawn on its due day, before the due time ⇒ on time.
    (rec("CT-11", CT, ONLINE, at(3, 16), at(3, 18, 17), at(3, 18, 9), S.WITHDRAWN),
     placed(NEW_ONLINE, ON_TIME)),
    # An online submission refused at the counter without being received ⇒ left out.
    (rec("CT-12", CT, ONLINE, at(3, 20), None, at(3, 20, 10), S.REFUSED), None),
]

RECORDS = [record for record, _ in CASES]

# Worked out from the table above.
# Chứng thực: carried CT-02, CT-08 = 2; online CT-01, CT-04, CT-11 = 3; direct CT-03, CT-05
#   (post), CT-06, CT-07, CT-10 = 5; total 10 (CT-09 and CT-12 left out). Solved: early
#   CT-08, CT-10; on time CT-03, CT-11; late CT-01, CT-02, CT-06 = 7. In progress: within
#   CT-04; overdue CT-05, CT-07 = 3.
# Hộ tịch: carried HT-01, 02, 03, 13 = 4; online HT-04, 08 = 2; direct HT-05, 06, 11, 12, 14
#   = 5; total 11 (HT-07 refused, left out). Solved: early HT-01, 04; on time HT-02, 05, 14;
#   late HT-03, 06 = 7. In progress: within HT-11, 12; overdue HT-08, 13 = 4.
#            total carried online direct solved early on_time late in_prog within overdue
EXPECTED_CT = (10, 2, 3, 5, 7, 2, 2, 3, 3, 1, 2)
EXPECTED_HT = (11, 4, 2, 5, 7, 2, 3, 2, 4, 2, 2)
EXPECTED_TOTAL = (21, 6, 5, 10, 14, 4, 5, 5, 7, 3, 4)


@pytest.fixture(scope="module")
def report():
    return build_report_06a(
        RECORDS, START, END, AS_OF, unit_name=UNIT, reporting_to="UBND tỉnh Quảng Trị"
    )


@pytest.mark.parametrize(
    ("record", "expected"), CASES, ids=[record.code for record, _ in CASES]
)
def test_each_dossier_lands_where_worked_out(record: ReportRecord, expected) -> None:
    assert classify_record(record, START, END, AS_OF) == expected


def test_one_row_per_field_sorted_by_name(report) -> None:
    assert [(row.number, row.field_code, row.field_name) for row in report.rows] == [
        (1, "CT", "Chứng thực"),
        (2, "HT", "Hộ tịch"),
    ]


def test_field_rows_and_total_row(report) -> None:
    chung_thuc, ho_tich = report.rows
    assert chung_thuc.counts() == EXPECTED_CT
    assert ho_tich.counts() == EXPECTED_HT
    assert report.total.counts() == EXPECTED_TOTAL
    assert report.total.is_total and report.total.label == "TỔNG CỘNG"


def test_named_columns(report) -> None:
    total = report.total
    assert (total.carried_over, total.new_online, total.new_direct) == (6, 5, 10)
    assert (total.early, total.on_time, total.late) == (4, 5, 5)
    assert (total.within_deadline, total.overdue) == (3, 4)
    assert COUNT_COLUMNS[0] == "total" and COUNT_COLUMNS[-1] == "overdue"


def test_heading_data(report) -> None:
    assert report.unit_name == UNIT
    assert report.reporting_to == "UBND tỉnh Quảng Trị"
    assert (report.start, report.end) == (START, END)
    assert report.period_end_instant == datetime(2026, 3, 31, 23, 59, 59, 999999, tzinfo=VN_TZ)


def test_report_drawn_up_mid_month_stops_at_as_of() -> None:
    as_of = at(3, 15, 12)
    assert period_end_instant(END, as_of) == as_of
    report = build_report_06a(RECORDS, START, END, as_of, unit_name=UNIT)
    ho_tich = next(row for row in report.rows if row.field_code == "HT")
    # HT-05 (received 12/03, finished 16/03, due 16/03) is still open on 15/03, not yet due.
    by_code = {record.code: record for record in RECORDS}
    assert classify_record(by_code["HT-05"], START, END, as_of) == placed(NEW_DIRECT, WITHIN)
    # HT-11, HT-08, HT-12, HT-14 were received after 15/03 noon ⇒ left out.
    for code in ("HT-08", "HT-11", "HT-12", "HT-14"):
        assert classify_record(by_code[code], START, END, as_of) is None
    # HT-13 (carried, due 28/02) overdue; HT-01..04, 06 solved as in the full month (HT-07,
    # refused, left out). carried 01,02,03,13; online 04; direct 05,06. Solved: early 01,04;
    # on time 02; late 03,06. In progress: within 05; overdue 13.
    assert ho_tich.counts() == (7, 4, 1, 2, 5, 2, 1, 2, 2, 1, 1)


def test_decomposed_field_names_group_with_composed_ones() -> None:
    decomposed = ("HT", unicodedata.normalize("NFD", "Hộ tịch"))
    extra = rec("HT-99", decomposed, IN_PERSON, at(3, 5), None, None, S.RECEIVED)
    report = build_report_06a([*RECORDS, extra], START, END, AS_OF, unit_name=UNIT)
    assert [row.field_name for row in report.rows] == ["Chứng thực", "Hộ tịch"]
    assert report.rows[1].total == 12


def test_empty_period_gives_only_a_zero_total_row() -> None:
    report = build_report_06a([], START, END, AS_OF, unit_name=UNIT)
    assert report.rows == ()
    assert report.total.counts() == (0,) * 11


def test_nameless_field_gets_a_label() -> None:
    record = rec("X-1", ("", ""), IN_PERSON, at(3, 5), None, None, S.RECEIVED)
    report = build_report_06a([record], START, END, AS_OF, unit_name=UNIT)
    assert report.rows[0].label == "Lĩnh vực chưa xác định"


def test_bad_periods_are_refused() -> None:
    with pytest.raises(ValueError):
        build_report_06a(RECORDS, END, START, AS_OF, unit_name=UNIT)
    with pytest.raises(ValueError):
        build_report_06a(RECORDS, START, END, at(2, 20), unit_name=UNIT)


def test_tampered_field_row_is_caught_naming_the_field(report) -> None:
    ho_tich = report.rows[1]
    tampered = replace(report, rows=(report.rows[0], replace(ho_tich, on_time=ho_tich.on_time + 1)))
    with pytest.raises(ReportIdentityError, match="Hộ tịch"):
        tampered.check()


def test_tampered_totals_are_caught(report) -> None:
    ct = report.rows[0]
    # Moving one dossier from "đã giải quyết" to "đang giải quyết" keeps (3) but breaks (7).
    moved = replace(
        ct, solved_total=ct.solved_total - 1, in_progress_total=ct.in_progress_total + 1
    )
    with pytest.raises(ReportIdentityError, match="Chứng thực"):
        replace(report, rows=(moved, report.rows[1])).check()
    # A consistent total row that is not the sum of the fields.
    total = report.total
    wrong = replace(total, total=total.total + 1, new_direct=total.new_direct + 1,
                    in_progress_total=total.in_progress_total + 1, overdue=total.overdue + 1)
    wrong.check()  # the row on its own adds up
    with pytest.raises(ReportIdentityError, match="dòng tổng cộng"):
        replace(report, total=wrong).check()
    with pytest.raises(ReportIdentityError, match="không hợp lệ"):
        replace(ct, early=-1, on_time=ct.on_time + ct.early + 1).check()


# --- property: the identity holds for any set of records -------------------------------------

_BASE = datetime(2026, 1, 15, tzinfo=VN_TZ)
_SPAN_MINUTES = 120 * 24 * 60  # mid-January to mid-May


def _moment(minutes: int) -> datetime:
    return _BASE + timedelta(minutes=minutes)


@st.composite
def records(draw) -> ReportRecord:
    received = draw(st.integers(0, _SPAN_MINUTES))
    due = draw(st.none() | st.integers(received, received + 30 * 24 * 60))
    finished = draw(st.none() | st.integers(received, received + 60 * 24 * 60))
    waiting = draw(st.none() | st.integers(received, received + 20 * 24 * 60))
    field = draw(st.sampled_from([HT, CT, ("BTXH", "Bảo trợ xã hội"), ("", "")]))
    status = draw(st.sampled_from(list(S)))
    return rec(
        f"R-{received}",
        field,
        draw(st.sampled_from(list(Channel))),
        _moment(received),
        None if due is None else _moment(due),
        None if finished is None else _moment(finished),
        status,
        draw(st.integers(0, 3)),
        None if waiting is None else _moment(waiting),
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(records(), max_size=40),
    st.integers(0, 100),
    st.integers(0, 40),
    st.integers(0, 60 * 24 * 60),
)
def test_identity_holds_for_random_records(items, start_day, length, after_start) -> None:
    start = date(2026, 1, 15) + timedelta(days=start_day)
    end = start + timedelta(days=length)
    as_of = datetime(start.year, start.month, start.day, tzinfo=VN_TZ) + timedelta(
        minutes=after_start
    )
    report = build_report_06a(items, start, end, as_of, unit_name=UNIT)  # build checks too
    report.check()
    counted = [p for p in (classify_record(r, start, end, as_of) for r in items) if p]
    total = report.total
    assert total.total == len(counted) == total.solved_total + total.in_progress_total
    assert total.solved_total == sum(p.outcome.solved for p in counted)
    for row in report.all_rows():
        assert isinstance(row, FieldRow)
        assert row.total == row.carried_over + row.new_online + row.new_direct
        assert row.solved_total == row.early + row.on_time + row.late
        assert row.in_progress_total == row.within_deadline + row.overdue

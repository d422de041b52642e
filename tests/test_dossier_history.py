"""Reading a dossier's history back as it stood at an instant (`domain/dossier_history.py`).

Times worked out by hand on the counter's calendar (07:30–11:30, 13:00–17:00).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from conftest import at

from intake_app.domain.calendar import WorkCalendar
from intake_app.domain.dossier_history import (
    HistoryStep,
    dossier_as_of,
    statutory_due_as_of,
    supplement_spans,
)
from intake_app.domain.status import DossierStatus as S
from intake_app.domain.sync_updates import parse_update, plan_province_update
from intake_app.store.calendar import shipped_notices

CAL = WorkCalendar(notices=shipped_notices())


def step(when: str, action: str, status: S | None, **detail) -> HistoryStep:
    return HistoryStep(at(when), action, status, detail)


# Received Mon 02/03/2026 09:00, due Thu 05/03 08:00; supplement asked Tue 03/03 10:00 and
# brought Mon 09/03 09:00 (31 working hours: the due time moves to Tue 10/03 16:30); asked
# again Wed 11/03 09:00, brought Thu 12/03 09:00 (8 h: due Wed 11/03 16:30); done 13/03.
STEPS = [
    step("2026-03-02 09:00", "received", S.RECEIVED),
    step("2026-03-02 10:00", "handed_over", S.IN_PROCESSING, from_status=2),
    step("2026-03-03 10:00", "supplement_requested", S.SUPPLEMENT_REQUESTED, from_status=4),
    step("2026-03-09 09:00", "supplement_received", S.IN_PROCESSING, from_status=5,
         shifted_minutes=31 * 60, statutory_due_before="2026-03-05T08:00:00+07:00",
         statutory_due_at="2026-03-10T16:30:00+07:00"),
    step("2026-03-11 09:00", "supplement_requested", S.SUPPLEMENT_REQUESTED, from_status=4),
    step("2026-03-12 09:00", "supplement_received", S.IN_PROCESSING, from_status=5,
         shifted_minutes=8 * 60, statutory_due_before="2026-03-10T16:30:00+07:00",
         statutory_due_at="2026-03-11T16:30:00+07:00"),
    step("2026-03-12 10:00", "slip_printed", None, kind="control"),
    step("2026-03-13 09:00", "done", S.DONE, from_status=4),
]
NOW_DUE = at("2026-03-11 16:30")


def test_the_dossier_at_each_moment() -> None:
    def then(when: str):
        return dossier_as_of(current_status=S.DONE, current_due=NOW_DUE, steps=STEPS,
                             at=at(when), calendar=CAL)

    before_anything = then("2026-03-03 09:00")
    assert (before_anything.status, before_anything.supplement_count) == (S.IN_PROCESSING, 0)
    assert before_anything.statutory_due_at == at("2026-03-05 08:00")
    waiting = then("2026-03-06 17:00")
    assert waiting.status is S.SUPPLEMENT_REQUESTED and waiting.supplement_count == 1
    assert waiting.waiting_supplement_since == at("2026-03-03 10:00")
    assert waiting.statutory_due_at == at("2026-03-05 08:00")  # not moved yet
    back = then("2026-03-10 12:00")
    assert back.status is S.IN_PROCESSING and back.waiting_supplement_since is None
    assert back.statutory_due_at == at("2026-03-10 16:30")
    second = then("2026-03-11 12:00")
    assert second.supplement_count == 2 and second.statutory_due_at == at("2026-03-10 16:30")
    assert then("2026-03-20 09:00").statutory_due_at == NOW_DUE
    assert then("2026-03-20 09:00").status is S.DONE


def test_history_recorded_before_issue_10_is_walked_back_by_its_shift() -> None:
    """Steps that recorded only `shifted_minutes`: the due time before is found by walking
    the working time back from the current one."""
    legacy = [replace(s, detail={k: v for k, v in s.detail.items()
                                 if not k.startswith("statutory_due")}) for s in STEPS]
    for when, due in (("2026-03-06 17:00", "2026-03-05 08:00"),
                      ("2026-03-10 12:00", "2026-03-10 16:30"),
                      ("2026-03-12 12:00", "2026-03-11 16:30")):
        assert statutory_due_as_of(NOW_DUE, legacy, at(when), CAL) == at(due)


def test_supplement_spans_include_province_steps() -> None:
    province = [
        step("2026-03-03 10:00", "province_update", S.SUPPLEMENT_REQUESTED, status_applied=True,
             step="supplement_requested"),
        step("2026-03-04 10:00", "province_update", None, status_applied=False,
             step="supplement_received"),  # not applied: not a step
        step("2026-03-05 10:00", "province_update", S.IN_PROCESSING, status_applied=True,
             step="supplement_received"),
        step("2026-03-06 10:00", "supplement_requested", S.SUPPLEMENT_REQUESTED),
    ]
    assert supplement_spans(province) == [
        (at("2026-03-03 10:00"), at("2026-03-05 10:00")), (at("2026-03-06 10:00"), None)]


def test_a_province_update_records_how_it_moved_the_due_time(make_desk) -> None:
    from conftest import intake_request

    from intake_app.domain.lifecycle import StepRequest

    desk = make_desk(lambda: at("2026-03-02 09:00"))
    dossier = desk.receive(intake_request(procedure="2.001035")).dossier
    desk.clock = lambda: at("2026-03-03 10:00")
    asked = desk.step(dossier.code, StepRequest(S.SUPPLEMENT_REQUESTED, "Hoa", note="Thiếu"))
    update = parse_update({"update_id": "u1", "dossier_id": asked.dossier_id,
                           "TrangThaiHoSo": 4, "at": "2026-03-04T10:00:00+07:00",
                           "by": "Phòng Tư pháp"})
    plan = plan_province_update(asked, update, now=at("2026-03-04 11:00"), calendar=CAL)
    # Waited Tue 10:00 → Wed 10:00 = 8 h: due Wed 04/03 09:00 → Thu 05/03 09:00.
    assert plan.detail["statutory_due_before"] == "2026-03-04T09:00:00+07:00"
    assert plan.detail["statutory_due_at"] == "2026-03-05T09:00:00+07:00"
    assert plan.dossier.statutory_due_at - asked.statutory_due_at == timedelta(days=1)

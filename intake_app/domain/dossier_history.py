"""Reading a dossier's history (`dossier_history`) back: what it was at a given instant.

Each step the desk records says when, which action, the status after it and a detail. A report
of a past period, or the preview of a calendar notice, needs the dossier as it stood at some
instant, not as it is now: its status then, the supplement requests made by then, and its
statutory due time then (a supplement completed later moves the due time *later*, and must
not move it back in time for the report).

A step applied from the province's updates (`province_update`) counts as the step it applied
(`detail["step"]`) when it changed the status.

Since issue 10 a step that moves the statutory due time records it in its detail
(`statutory_due_before`, `statutory_due_at`); older steps only recorded `shifted_minutes`,
from which the due time before is found by walking the working time back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .calendar import WorkCalendar
from .clock import iso, parse_iso_or_none, to_vn
from .status import DossierStatus

PROVINCE_ACTION = "province_update"  # sync_updates.PROVINCE_ACTION (not imported: no cycle)
DUE_BEFORE = "statutory_due_before"
DUE_AFTER = "statutory_due_at"


@dataclass(frozen=True)
class HistoryStep:
    """One history entry, as the rules read it."""

    at: datetime
    action: str
    status: DossierStatus | None  # the status after the step (None: not recorded)
    detail: Mapping[str, Any] = field(default_factory=dict)

    @property
    def step(self) -> str:
        """The lifecycle step taken: the action, or the step a province update applied."""
        if self.action == PROVINCE_ACTION:
            if self.detail.get("status_applied"):
                return str(self.detail.get("step") or "")
            return ""
        return self.action


def due_change_detail(before: datetime | None, after: datetime | None) -> dict[str, str]:
    """What a step records when it moves the statutory due time (empty when it does not)."""
    if before is None or after is None or to_vn(before) == to_vn(after):
        return {}
    return {DUE_BEFORE: iso(before), DUE_AFTER: iso(after)}


def supplement_spans(steps: Iterable[HistoryStep]) -> list[tuple[datetime, datetime | None]]:
    """Each supplement request with the instant it was completed (None: still awaited)."""
    spans: list[tuple[datetime, datetime | None]] = []
    requested: datetime | None = None
    for step in steps:
        if step.step == "supplement_requested":
            requested = step.at
        elif step.step == "supplement_received" and requested is not None:
            spans.append((requested, step.at))
            requested = None
    if requested is not None:
        spans.append((requested, None))
    return spans


def statutory_due_as_of(
    current: datetime | None, steps: Sequence[HistoryStep], at: datetime,
    calendar: WorkCalendar,
) -> datetime | None:
    """The statutory due time as it stood at `at`, from the current one and the history.

    Every step after `at` that moved the due time is undone, latest first: with the due time
    it recorded before the move, or, for a step recorded before issue 10, by walking back the
    working time it recorded (`shifted_minutes`).
    """
    if current is None:
        return None
    at = to_vn(at)
    due = to_vn(current)
    later = [s for s in steps if to_vn(s.at) > at and s.step == "supplement_received"]
    for step in reversed(later):
        before = parse_iso_or_none(step.detail.get(DUE_BEFORE))
        if before is not None:
            due = to_vn(before)
            continue
        minutes = step.detail.get("shifted_minutes")
        if isinstance(minutes, int) and minutes > 0:
            due = calendar.subtract_working_time(due, timedelta(minutes=minutes))
    return due


@dataclass(frozen=True)
class DossierAt:
    """A dossier's state at an instant, as the history tells it."""

    status: DossierStatus
    supplement_count: int
    waiting_supplement_since: datetime | None  # the request still awaited at that instant
    statutory_due_at: datetime | None


def dossier_as_of(
    *, current_status: DossierStatus, current_due: datetime | None,
    steps: Sequence[HistoryStep], at: datetime, calendar: WorkCalendar,
) -> DossierAt:
    """The dossier at `at`: the status of its last step by then, the supplement requests made
    by then, the request still awaited then, and its statutory due time then.

    `steps` are in the order they were recorded. A dossier with no step by `at` (history lost,
    or a dossier imported without one) keeps its current status.
    """
    at = to_vn(at)
    before = [s for s in steps if to_vn(s.at) <= at]
    status = current_status
    for step in before:
        if step.status is not None:
            status = step.status
    spans = supplement_spans(before)
    waiting = None
    if spans and spans[-1][1] is None and status == DossierStatus.SUPPLEMENT_REQUESTED:
        waiting = spans[-1][0]
    return DossierAt(
        status=status,
        supplement_count=len(spans),
        waiting_supplement_since=waiting,
        statutory_due_at=statutory_due_as_of(current_due, steps, at, calendar),
    )

"""Is a dossier late? The colour a list gives a dossier against its appointment date (hẹn trả).

A dossier whose result was handed over, refused, withdrawn, stopped or already processed (done,
waiting for the citizen) is never late in the lists: only dossiers still in the office's hands
count. Near-due means the appointment falls today or on the next working day.

>>> from .calendar import WorkCalendar
>>> from .clock import parse_iso
>>> deadline_state(parse_iso("2026-03-03T17:00"), DossierStatus.RECEIVED,
...                parse_iso("2026-03-02T09:00"), WorkCalendar()).value
'near_due'
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from .calendar import WorkCalendar
from .clock import to_vn
from .status import DossierStatus

# Statuses that leave the office's hands: no deadline is running any more.
FINISHED = frozenset({
    DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.STOPPED,
    DossierStatus.DONE, DossierStatus.RETURNED,
})


class DeadlineState(StrEnum):
    NONE = "none"  # no appointment date, or the dossier is finished
    ON_TRACK = "on_track"
    NEAR_DUE = "near_due"  # due today or on the next working day
    OVERDUE = "overdue"  # the appointment instant has passed
    PAUSED = "paused"  # waiting for the citizen's supplement: the clock is stopped


def deadline_state(
    due_at: datetime | None, status: DossierStatus, now: datetime, calendar: WorkCalendar,
) -> DeadlineState:
    """Where a dossier stands against its appointment at `now`."""
    if due_at is None or status in FINISHED:
        return DeadlineState.NONE
    if status == DossierStatus.SUPPLEMENT_REQUESTED:
        return DeadlineState.PAUSED
    due, now = to_vn(due_at), to_vn(now)
    if due < now:
        return DeadlineState.OVERDUE
    if due.date() <= calendar.next_working_day(now.date()):
        return DeadlineState.NEAR_DUE
    return DeadlineState.ON_TRACK

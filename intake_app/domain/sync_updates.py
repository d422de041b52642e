"""What the province's updates do to a dossier here (docs/sync-protocol.md, `GET /v1/updates`).

An update is recorded in the dossier's history (action `province_update`, actor = `by`). When
it carries a `TrangThaiHoSo` that the counter's own rules allow from the dossier's status, the
dossier moves there as a clerk's step would (end time, supplement clock, appointment shift),
but its `version` stays: the change came from the province, so it makes no outbox event and
nothing is sent back. A status the rules do not allow from here (a dossier already returned at
the counter said to be "in processing", say) is recorded in the history only, and flagged for
the supervisor: the counter's record is not overwritten by a step it could not have taken.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from .calendar import WorkCalendar
from .clock import parse_iso
from .dossier import Dossier
from .dossier_history import due_change_detail
from .lifecycle import IllegalStep, StepRequest, check_step, plan_step
from .status import DossierStatus
from .text import nfc

PROVINCE_ACTION = "province_update"
PROVINCE_ACTOR = "Hệ thống của tỉnh"
DEFAULT_NOTE = "Theo cập nhật của tỉnh"

APPLIED = "applied"  # recorded; the status changed when it carried a new legal one
HISTORY_ONLY = "history_only"  # recorded, but its status could not be taken: flagged
UNKNOWN_DOSSIER = "unknown_dossier"  # no such dossier at this station: logged, flagged


class BadUpdate(ValueError):
    """An update that does not match the contract (logged and skipped, never applied)."""


@dataclass(frozen=True)
class ProvinceUpdate:
    update_id: str
    dossier_id: str
    code: str | None
    status: DossierStatus | None
    at: datetime | None
    by: str
    note: str
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def parse_update(raw: Any) -> ProvinceUpdate:
    """One entry of `updates`, checked; BadUpdate names what is wrong."""
    if not isinstance(raw, dict):
        raise BadUpdate("an update is not an object")
    update_id, dossier_id = raw.get("update_id"), raw.get("dossier_id")
    if not isinstance(update_id, str) or not update_id:
        raise BadUpdate("an update has no update_id")
    if not isinstance(dossier_id, str) or not dossier_id:
        raise BadUpdate(f"update {update_id} has no dossier_id")
    status_raw = raw.get("TrangThaiHoSo")
    status = None
    if status_raw is not None:
        try:
            status = DossierStatus(int(status_raw))
        except (TypeError, ValueError):
            raise BadUpdate(f"update {update_id}: TrangThaiHoSo {status_raw!r} is not 1-10") \
                from None
    at = None
    if isinstance(raw.get("at"), str):
        try:
            at = parse_iso(raw["at"].replace("Z", "+00:00")).replace(microsecond=0)
        except ValueError:
            at = None
    code = raw.get("MaHoSo")
    by = raw.get("by")
    note = raw.get("note")
    return ProvinceUpdate(
        update_id=update_id, dossier_id=dossier_id.lower(),
        code=code if isinstance(code, str) else None, status=status, at=at,
        by=nfc(by) if isinstance(by, str) and nfc(by) else PROVINCE_ACTOR,
        note=nfc(note) if isinstance(note, str) else "", raw=raw,
    )


@dataclass(frozen=True)
class UpdatePlan:
    """What to write for one update: the history entry, and the dossier if its status moves."""

    outcome: str  # APPLIED | HISTORY_ONLY
    dossier: Dossier | None  # the dossier after the update (same version), None: unchanged
    history_status: int | None  # the history entry's status column
    note: str
    detail: dict[str, Any]
    reason: str | None = None  # English, for the log, when flagged


def plan_province_update(dossier: Dossier, update: ProvinceUpdate, *, now: datetime,
                         calendar: WorkCalendar) -> UpdatePlan:
    """What `update` does to `dossier` (pure; the caller writes it in one transaction)."""
    at = update.at or now
    current = dossier.status
    target = update.status
    detail: dict[str, Any] = {"update_id": update.update_id, "from_status": int(current),
                              "province_status": int(target) if target else None}
    note = update.note or (f"{DEFAULT_NOTE}: {target.label}" if target else DEFAULT_NOTE)
    if target is None or target == current:
        return UpdatePlan(APPLIED, None, int(current), note, {**detail, "status_applied": False})
    try:
        check_step(current, target)
        outcome = plan_step(dossier, StepRequest(
            target, update.by, to_unit=update.by, note=update.note or DEFAULT_NOTE,
            receiver_name=update.by,
        ), at=at, calendar=calendar)
    except IllegalStep as exc:
        reason = (f"status {int(target)} is not a legal step from {int(current)} at the counter; "
                  "recorded in the history only")
        flagged = {**detail, "status_applied": False, "flag": str(exc)}
        return UpdatePlan(HISTORY_ONLY, None, None, note, flagged, reason)
    # The province's change is not the station's event: the version (event count) stays.
    after = replace(outcome.dossier, version=dossier.version)
    return UpdatePlan(APPLIED, after, int(target), note,
                      {**detail, "status_applied": True, "step": outcome.action,
                       **due_change_detail(dossier.statutory_due_at, after.statutory_due_at)})

"""The province's updates (`GET /v1/updates`) and the count check (`…/summary`).

Each page of updates is one transaction: every update not applied before (by `update_id`) is
recorded in its dossier's history and, when allowed, moves the dossier's status
(`domain.sync_updates`); the page's `next_cursor` is stored in the same transaction. Changes
that came from the province make no outbox event: nothing is sent back for them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from ..domain.clock import iso
from ..domain.sync_rules import (
    UPDATES_PAGE_LIMIT,
    CountMismatch,
    ProtocolError,
    compare_counts,
)
from ..domain.sync_updates import (
    APPLIED,
    PROVINCE_ACTION,
    UNKNOWN_DOSSIER,
    BadUpdate,
    parse_update,
    plan_province_update,
)
from ..store import dossiers, outbox, settings, sync_state
from ..store.calendar import work_calendar
from ..store.db import write_transaction
from .client import GatewayClient

log = logging.getLogger(__name__)

MAX_PAGES = 10_000  # a bound on one pull (10 million updates at 1000 a page)


class PullFailed(Exception):
    """The updates feed or the summary answered something unusable; `status` if HTTP."""

    def __init__(self, message: str, status: int | None = None,
                 retry_after: str | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass
class PullReport:
    applied: int = 0  # recorded, status moved when it carried a legal new one
    history_only: int = 0  # recorded in the history, status not taken (flagged)
    unknown_dossier: int = 0  # for no dossier at this station (flagged)
    skipped: int = 0  # already applied before
    malformed: int = 0  # not matching the contract: logged, not applied
    pages: int = 0
    changed_codes: list[str] = field(default_factory=list)  # dossiers the updates touched

    def as_dict(self) -> dict[str, int]:
        return {"applied": self.applied, "history_only": self.history_only,
                "unknown_dossier": self.unknown_dossier, "skipped": self.skipped,
                "malformed": self.malformed, "pages": self.pages}


def _check(answer: Any, what: str) -> Any:
    if answer.status != 200:
        raise PullFailed(f"{what}: the gateway answered {answer.status}: {answer.text(200)}",
                         answer.status, answer.headers.get("retry-after"))
    data = answer.json()
    if not isinstance(data, dict):
        raise PullFailed(f"{what}: the answer is not a JSON object")
    return data


def pull_updates(db: Database, client: GatewayClient, *, clock: Callable[[], datetime],
                 limit: int = UPDATES_PAGE_LIMIT,
                 keep_lease: Callable[[], bool] = lambda: True,
                 audit: Callable[[str, str, dict[str, Any]], Any] | None = None) -> PullReport:
    """Ask for updates after the stored cursor until a page is empty."""
    report = PullReport()
    cursor = sync_state.get(db, sync_state.CURSOR)
    while report.pages < MAX_PAGES:
        if not keep_lease():
            raise PullFailed("another sync of this data folder took over")
        data = _check(client.updates(cursor, limit), "updates")
        updates, next_cursor = data.get("updates"), data.get("next_cursor")
        if not isinstance(updates, list):
            raise PullFailed("updates: the answer has no list `updates`")
        if next_cursor is not None and not isinstance(next_cursor, str):
            next_cursor = str(next_cursor)
        report.pages += 1
        if not updates:
            if next_cursor is not None and next_cursor != cursor:
                with write_transaction(db):
                    sync_state.put(db, sync_state.CURSOR, next_cursor)
            return report
        with write_transaction(db):
            for raw in updates:
                _apply_one(db, raw, clock, report, audit)
            if next_cursor is not None:
                sync_state.put(db, sync_state.CURSOR, next_cursor)
        if next_cursor is None or next_cursor == cursor:
            log.warning("the updates feed gave a page without moving its cursor; stopping")
            return report
        cursor = next_cursor
    return report


def _apply_one(db: Database, raw: Any, clock: Callable[[], datetime],
               report: PullReport,
               audit: Callable[[str, str, dict[str, Any]], Any] | None = None) -> None:
    """Inside the page's transaction: record one update once."""
    now = clock()
    try:
        update = parse_update(raw)
    except BadUpdate as exc:
        report.malformed += 1
        sync_state.log(db, iso(now), "error", "bad_update", f"update skipped: {exc}",
                       {"update": raw if isinstance(raw, dict) else str(raw)[:500]})
        return
    if sync_state.update_applied(db, update.update_id):
        report.skipped += 1
        return
    row = db.execute("SELECT id, code FROM dossiers WHERE dossier_id = ?",
                     [update.dossier_id]).fetchone()
    dossier = dossiers.get_dossier(db, row[1]) if row is not None else None
    if row is None or dossier is None:
        report.unknown_dossier += 1
        reason = f"no dossier {update.dossier_id} ({update.code}) at this station"
        sync_state.mark_update(db, update.update_id, update.dossier_id, UNKNOWN_DOSSIER,
                               reason, iso(now))
        sync_state.log(db, iso(now), "warning", "unknown_dossier", f"update "
                       f"{update.update_id}: {reason}", {"update": update.raw})
        return
    row_id, code = row
    calendar = work_calendar(db, settings.load_station(db))
    plan = plan_province_update(dossier, update, now=now, calendar=calendar)
    if plan.dossier is not None:
        dossiers.update_progress(db, plan.dossier)
    dossiers.add_history(db, row_id, at=iso(update.at or now), actor=update.by,
                         action=PROVINCE_ACTION, status=plan.history_status, note=plan.note,
                         detail={**plan.detail, "received_at": iso(now)})
    sync_state.mark_update(db, update.update_id, update.dossier_id, plan.outcome, plan.reason,
                           iso(now))
    if audit is not None:
        audit("dossier.province_update", code, {
            "update_id": update.update_id, "by": update.by, "outcome": plan.outcome,
            "status": plan.history_status})
    if plan.outcome == APPLIED:
        report.applied += 1
    else:
        report.history_only += 1
        sync_state.log(db, iso(now), "warning", "update_not_applied",
                       f"update {update.update_id} for {code}: {plan.reason}",
                       {"update": update.raw})
    report.changed_codes.append(code)


def check_summary(db: Database, client: GatewayClient, unit_code: str, station_no: int, *,
                  clock: Callable[[], datetime]) -> CountMismatch | None:
    """Compare delivered events and dossiers with the gateway's; store any mismatch."""
    data = _check(client.summary(unit_code, station_no), "summary")
    events, dossier_count = outbox.delivered_counts(db)
    try:
        mismatch = compare_counts(events, dossier_count, data)
    except ProtocolError as exc:
        raise PullFailed(f"summary: {exc}") from exc
    with write_transaction(db):
        if mismatch is None:
            sync_state.delete(db, sync_state.MISMATCH)
        else:
            sync_state.put(db, sync_state.MISMATCH, {"at": iso(clock()), **mismatch.as_dict()})
            sync_state.log(db, iso(clock()), "error", "mismatch",
                           "the gateway's counts differ from the station's delivered events",
                           mismatch.as_dict())
    return mismatch

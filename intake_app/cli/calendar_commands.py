"""`intake-app calendar days|notices|import`: where each day off comes from, signed notices."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..desk import Desk
from ..domain.clock import iso
from ..services.calendar_notices import NoticeImport
from .commands import OK, emit


def cmd_calendar_days(args: argparse.Namespace, desk: Desk) -> int:
    emit([
        {"day": info.day.isoformat(), "kind": info.kind.value, "reason": info.reason,
         "source": info.source.value, "document": info.document}
        for info in desk.calendar_notices.days(args.year)
    ])
    return OK


def cmd_calendar_notices(args: argparse.Namespace, desk: Desk) -> int:
    emit([
        {"number": item.notice.number, "issued_on": item.notice.issued_on.isoformat(),
         "issuer": item.notice.issuer, "title": item.notice.title,
         "province_code": item.notice.province_code,
         "origin": "imported" if item.imported else "shipped",
         "days": [{"day": d.day.isoformat(), "kind": d.kind.value, "reason": d.reason}
                  for d in item.notice.days]}
        for item in desk.calendar_notices.notices()
    ])
    return OK


def import_summary(result: NoticeImport) -> dict[str, Any]:
    """What `calendar import` prints: the notice, its days, the open dossiers it concerns."""
    impact = result.impact
    notice = result.notice
    return {
        "notice": notice.reference,
        "title": notice.title,
        "signed_by": f"{result.signed.key.key_id} ({result.signed.key.owner})",
        "applied": result.applied,
        "already_imported": result.already_imported,
        "days": [{"day": d.day.isoformat(), "kind": d.kind.value, "reason": d.reason,
                  "worked_before": d.worked_before, "worked_after": d.worked_after,
                  "kept_by_local_override": d.kept_by_local_override}
                 for d in impact.days],
        "open_dossiers": impact.open_count,
        "appointments_kept": "Hạn đã hẹn của hồ sơ đang giải quyết không thay đổi; lịch mới "
                             "áp dụng cho hồ sơ tiếp nhận từ nay và thời gian tính tiếp từ nay.",
        "dossiers_concerned": [
            {"code": e.code, "applicant": e.applicant_name, "appointment": iso(e.appointment),
             "due_now": iso(e.due_before), "due_with_notice": iso(e.due_after),
             "days_moved": e.days_moved, "appointment_on_day_off": e.appointment_on_day_off,
             "text": e.describe()}
            for e in impact.dossiers
        ],
        "not_computed": list(impact.not_computed),
    }


def cmd_calendar_import(args: argparse.Namespace, desk: Desk) -> int:
    service = desk.calendar_notices
    apply = service.preview if args.dry_run else service.apply
    result = apply(Path(args.file))
    emit(import_summary(result))
    return OK


def add_parsers(cal_sub: argparse._SubParsersAction) -> None:
    days = cal_sub.add_parser(
        "days", help="days off and extra working days in force in a year, with where each "
        "comes from (statute, a notice with its number, a local override)")
    days.add_argument("year", type=int)
    days.set_defaults(action=cmd_calendar_days)
    notices = cal_sub.add_parser("notices", help="the calendar notices in force here")
    notices.set_defaults(action=cmd_calendar_notices)
    imp = cal_sub.add_parser(
        "import", help="apply a signed calendar notice file; prints what it changes for the "
        "days and for dossiers already open (their appointments are kept)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true",
                     help="only show what the notice would change")
    imp.set_defaults(action=cmd_calendar_import)

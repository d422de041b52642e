"""Command-line actions after receipt: steps, slips, the daily log and the 06a report."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..desk import Desk
from ..domain.clock import iso, parse_iso
from ..domain.errors import InvalidInput
from ..domain.formatting import parse_date_vn
from ..domain.lifecycle import IllegalStep, StepRequest, parse_paper
from ..domain.report06a import ReportIdentityError
from ..domain.slip_content import NoSuchStep
from ..domain.slips import SlipKind
from ..domain.status import DossierStatus
from ..services.exports import UnknownFormat, format_of
from ..services.ledger import LOG_FORMATS
from ..services.reports import REPORT_FORMATS
from .commands import FAILED, INVALID, OK, add_force, dossier_summary, emit, fail, out_path

# Names a person may type for --to, besides the national code 1-10.
STATUS_NAMES: dict[str, DossierStatus] = {
    "received": DossierStatus.RECEIVED,
    "processing": DossierStatus.IN_PROCESSING,
    "supplement": DossierStatus.SUPPLEMENT_REQUESTED,
    "obligation": DossierStatus.FINANCIAL_OBLIGATION,
    "done": DossierStatus.DONE,
    "returned": DossierStatus.RETURNED,
    "refused": DossierStatus.REFUSED,
    "withdrawn": DossierStatus.WITHDRAWN,
    "stopped": DossierStatus.STOPPED,
}


def status_arg(text: str) -> DossierStatus:
    """`--to 4` or `--to processing`."""
    value = text.strip().lower()
    if value in STATUS_NAMES:
        return STATUS_NAMES[value]
    try:
        return DossierStatus(int(value))
    except ValueError:
        names = ", ".join(STATUS_NAMES)
        raise argparse.ArgumentTypeError(
            f"không có trạng thái “{text}”: dùng số 1-10 hoặc một trong {names}"
        ) from None


def date_arg(text: str) -> date:
    """YYYY-MM-DD or dd/mm/yyyy."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        day = parse_date_vn(text)
        if day is None:
            raise argparse.ArgumentTypeError(
                f"“{text}” không phải một ngày (YYYY-MM-DD hoặc dd/mm/yyyy)"
            ) from None
        return day


def cmd_step(args: argparse.Namespace, desk: Desk) -> int:
    request = StepRequest(
        args.to, to_unit=args.to_unit or "", note=args.note or "",
        documents=tuple(parse_paper(text) for text in args.document or ()),
        receiver_name=args.receiver or "",
        receiver_id_number=args.receiver_id or "",
    )
    try:
        dossier = desk.step(args.code, request)
    except IllegalStep as exc:
        return fail(str(exc), INVALID)
    emit({**dossier_summary(dossier), "version": dossier.version,
          "processing_unit": dossier.processing_unit,
          "supplement_count": dossier.supplement_count})
    return OK


def cmd_extend(args: argparse.Namespace, desk: Desk) -> int:
    try:
        new_due = parse_iso(args.due)
    except ValueError:
        raise InvalidInput(f"--due: “{args.due}” không phải thời điểm dạng ISO 8601 (ví dụ "
                           "2026-12-04T16:00:00+07:00).", f"not an ISO 8601 time: {args.due}",
                           {"due": "không phải thời điểm ISO 8601"}) from None
    try:
        dossier = desk.extend_due(args.code, new_due=new_due, reason=args.reason,
                                  responsible=args.responsible or "")
    except IllegalStep as exc:
        return fail(str(exc), INVALID)
    emit({**dossier_summary(dossier), "statutory_due_at": iso(dossier.statutory_due_at)})
    return OK


def cmd_slip(args: argparse.Namespace, desk: Desk) -> int:
    kind = SlipKind(args.kind)
    try:
        out = desk.issue_slip(args.code, kind, out_path(args, desk))
    except NoSuchStep as exc:
        return fail(str(exc), INVALID)
    emit({"code": args.code.strip().upper(), "kind": kind.value, "file": str(out)})
    return OK


def cmd_log(args: argparse.Namespace, desk: Desk) -> int:
    if args.what == "verify":
        return _verify_log(desk)
    if args.start is None or args.end is None or args.out is None:
        return fail("Lệnh `log` cần --from, --to và --out (hoặc `log verify`).", INVALID)
    try:
        format_of(Path(args.out), LOG_FORMATS)
        out = out_path(args, desk)
        log = desk.ledger.build(args.start, args.end, args.log_clerk,
                                counter=args.counter, office=args.office)
        out = desk.ledger.write(log, out)
    except (UnknownFormat, ValueError) as exc:
        return fail(str(exc), INVALID)
    emit({"file": str(out), "rows": log.totals.rows,
          "days": [{"day": g.day.isoformat(), "count": g.count, "hash": g.hash,
                    "sealed": g.sealed} for g in log.days]})
    return OK


def _verify_log(desk: Desk) -> int:
    check = desk.ledger.check()
    emit({"ok": check.ok,
          "problems": [{"day": p.day.isoformat(), "code": p.code, "kind": p.kind.value,
                        "message": p.message} for p in check.problems],
          # Sealed rows changed by a correction made in the app: not a problem, said as such.
          "corrected": [{"day": c.day.isoformat(), "code": c.code, "at": c.at, "by": c.by,
                         "reason": c.reason,
                         "message": f"Hồ sơ {c.code} (ngày {c.day:%d/%m/%Y}) được sửa thông tin "
                                    f"lúc {c.at} bởi {c.by}; lý do: {c.reason}"}
                        for c in check.corrected]})
    return OK if check.ok else FAILED


def cmd_report(args: argparse.Namespace, desk: Desk) -> int:
    if args.office or args.counter is not None or args.report_clerk:
        return _scoped_report(args, desk)
    try:
        format_of(Path(args.out), REPORT_FORMATS)
        out = out_path(args, desk)
        printed = desk.reports.print_06a(args.start, args.end, out)
    except ReportIdentityError as exc:
        return fail(str(exc))
    except (UnknownFormat, ValueError) as exc:
        return fail(str(exc), INVALID)
    report = printed.report
    total = report.total
    first = printed.first
    emit({"file": str(printed.path), "fields": len(report.rows),
          "total": {"received": total.total, "carried_over": total.carried_over,
                    "new_online": total.new_online, "new_direct": total.new_direct,
                    "solved": total.solved_total, "early": total.early,
                    "on_time": total.on_time, "late": total.late,
                    "in_progress": total.in_progress_total,
                    "within_deadline": total.within_deadline, "overdue": total.overdue},
          "period_closed": printed.closed,
          "counted_at": iso(report.period_end_instant),
          "file_sha256": printed.file_sha256,
          "first_print": None if first is None else {
              "printed_at": iso(first.printed_at), "printed_by": first.printed_by,
              "file": first.file_name, "file_sha256": first.file_sha256},
          "matches_first_print": printed.matches,
          "same_file_as_first_print": printed.same_file,
          "differences": list(printed.differences),
          "check": printed.summary()})
    if printed.matches is False:
        return fail(printed.summary())
    return OK


def _scoped_report(args: argparse.Namespace, desk: Desk) -> int:
    """06a of the office, one counter or one clerk (a working copy, not a recorded print)."""
    try:
        format_of(Path(args.out), REPORT_FORMATS)
        out = out_path(args, desk)
        report = desk.reports.write_scoped_06a(args.start, args.end, out, office=args.office,
                                               counter=args.counter,
                                               clerk=args.report_clerk or None)
    except (UnknownFormat, ValueError) as exc:
        return fail(str(exc), INVALID)
    total = report.total
    emit({"file": str(out), "fields": len(report.rows),
          "scope": {"office": args.office, "counter": args.counter, "clerk": args.report_clerk},
          "total": {"received": total.total, "solved": total.solved_total,
                    "in_progress": total.in_progress_total}})
    return OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    step = sub.add_parser("step", help="move a dossier to another status (records who, when)")
    step.add_argument("code")
    step.add_argument("--to", required=True, type=status_arg,
                      help="national status 1-10 or: " + ", ".join(STATUS_NAMES))
    step.add_argument("--to-unit", help="officer or unit that receives the dossier")
    step.add_argument("--note", help="reason or note (required for supplement, refusal, stop)")
    step.add_argument("--document", action="append", metavar="NAME[:FORM[:COPIES]]",
                      help="a paper to supplement (repeat for several); FORM is ban_chinh, "
                      'ban_sao or ban_photo, e.g. "Giấy chứng sinh:ban_sao:2"; without FORM '
                      "the procedure's usual form (else 1 bản chính)")
    step.add_argument("--receiver", help="who takes the result (for returned)")
    step.add_argument("--receiver-id", help="the receiver's ID number")
    step.set_defaults(action=cmd_step)

    extend = sub.add_parser("extend", help="set a new appointment for a late dossier (apology)")
    extend.add_argument("code")
    extend.add_argument("--due", required=True, help="new appointment, ISO 8601")
    extend.add_argument("--reason", required=True)
    extend.add_argument("--responsible", help="unit or person responsible for the delay")
    extend.set_defaults(action=cmd_extend)

    slip = sub.add_parser("slip", help="print an official slip of a dossier")
    slip.add_argument("code")
    slip.add_argument("--kind", required=True, choices=[k.value for k in SlipKind])
    slip.add_argument("--out", required=True, help="PDF file to write (outside the data folder)")
    add_force(slip)
    slip.set_defaults(action=cmd_slip)

    log = sub.add_parser("log", help="the daily dossier log (sổ theo dõi hồ sơ), or `log verify`")
    log.add_argument("what", nargs="?", choices=["verify"],
                     help="verify: check that no logged row changed after its day was sealed "
                     "(a correction made in the app is listed under \"corrected\", with who, "
                     "when and why)")
    log.add_argument("--from", dest="start", type=date_arg)
    log.add_argument("--to", dest="end", type=date_arg)
    log.add_argument("--clerk", dest="log_clerk", help="only this clerk's dossiers")
    log.add_argument("--office", action="store_true",
                     help="in an office: every counter's dossiers (this PC's copy)")
    log.add_argument("--counter", type=int, default=None,
                     help="in an office: the book of counter N (this PC's copy)")
    log.add_argument("--out", help="FILE.pdf, FILE.csv or FILE.xlsx")
    add_force(log)
    log.set_defaults(action=cmd_log)

    report = sub.add_parser("report", help="the period report (Biểu II.06a) by field")
    report.add_argument("--from", dest="start", type=date_arg, required=True)
    report.add_argument("--to", dest="end", type=date_arg, required=True)
    report.add_argument("--out", required=True, help="FILE.pdf or FILE.xlsx")
    report.add_argument("--office", action="store_true",
                        help="in an office: every counter's dossiers (a working copy)")
    report.add_argument("--counter", type=int, default=None,
                        help="in an office: the dossiers received at counter N")
    report.add_argument("--clerk", dest="report_clerk", default=None,
                        help="only the dossiers this clerk received")
    add_force(report)
    report.set_defaults(action=cmd_report)

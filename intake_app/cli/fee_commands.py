"""Fees (issue 11.7): `intake-app cash-sheet --date D [--to D2] [--clerk-only NAME] [--out FILE]`
writes the cash hand-over sheet (PDF) and prints its totals per day and clerk as JSON;
`intake-app fees list` shows the procedures whose fee the provincial council sets and the
amounts entered; `intake-app fees set CODE AMOUNT --basis "Nghị quyết số …"` enters one
(`--clear` removes it). Every change is kept with who and when.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..desk import Desk
from .commands import OK, add_force, emit, not_a_date

SHEET_NAME = "bang-ke-tien-phi-{period}.pdf"


def add_parsers(sub: argparse._SubParsersAction) -> None:
    sheet = sub.add_parser("cash-sheet", help="the cash hand-over sheet (PDF): fees taken per "
                           "day and per clerk")
    sheet.add_argument("--date", required=True, help="the day (YYYY-MM-DD)")
    sheet.add_argument("--to", help="last day of a period (YYYY-MM-DD; default: --date)")
    sheet.add_argument("--clerk-only", help="only this clerk's dossiers")
    sheet.add_argument("--out", help="the PDF to write (default: bang-ke-tien-phi-DATE.pdf "
                       "in the current folder)")
    add_force(sheet)
    sheet.set_defaults(action=cmd_cash_sheet)

    fees = sub.add_parser("fees", help="fees the provincial People's Council sets")
    fees_sub = fees.add_subparsers(dest="fees_command", required=True)
    listing = fees_sub.add_parser("list", help="procedures whose fee the province sets, and "
                                  "the amounts entered")
    listing.set_defaults(action=cmd_fees_list)
    setting = fees_sub.add_parser("set", help="enter the province's amount of a procedure")
    setting.add_argument("code", help="the procedure's code, e.g. 1.004873")
    setting.add_argument("amount", nargs="?", type=int, help="VND (whole number)")
    setting.add_argument("--basis", default="", help='the resolution, e.g. "Nghị quyết số '
                         '20/2025/NQ-HĐND tỉnh Quảng Trị" (printed on the receipt)')
    setting.add_argument("--clear", action="store_true", help="remove the amount entered")
    setting.set_defaults(action=cmd_fees_set)


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise not_a_date(value, option) from None


def cmd_cash_sheet(args: argparse.Namespace, desk: Desk) -> int:
    start = _day(args.date, "--date")
    end = _day(args.to, "--to") if args.to else start
    period = start.isoformat() if end == start else f"{start.isoformat()}_{end.isoformat()}"
    out = Path(args.out) if args.out else Path.cwd() / SHEET_NAME.format(period=period)
    out = desk.check_output_path(out, replace=bool(args.force))
    sheet = desk.cash_sheets.build(start, end, clerk=args.clerk_only, made_by=args.clerk)
    desk.cash_sheets.write(start, out, end, clerk=args.clerk_only, made_by=args.clerk)
    emit({
        "file": str(out),
        "from": start.isoformat(), "to": end.isoformat(),
        "cash_total": sheet.cash, "in_account_total": sheet.in_account,
        "dossiers": sheet.dossier_count,
        "by_day_and_clerk": [
            {"day": group.day.isoformat(), "clerk": group.clerk,
             "dossiers": len(group.dossiers), "cash": group.cash,
             "in_account": group.in_account, "exempt": group.exempt_count,
             "free": group.free_count, "amount_not_set": group.unset_count}
            for group in sheet.groups],
    })
    return OK


def cmd_fees_list(args: argparse.Namespace, desk: Desk) -> int:
    emit([{"code": item.procedure.code, "name": item.procedure.name,
           "label": item.procedure.fee.label,
           "amount": item.amount.amount if item.amount else None,
           "basis": item.amount.basis if item.amount else None,
           "set_at": item.amount.set_at if item.amount else None,
           "set_by": item.amount.set_by if item.amount else None}
          for item in desk.provincial_fees.procedures()])
    return OK


def cmd_fees_set(args: argparse.Namespace, desk: Desk) -> int:
    from ..domain.errors import InvalidInput

    if args.clear == (args.amount is not None):
        message = "Ghi số tiền (đồng), hoặc --clear để bỏ mức thu đã nhập."
        raise InvalidInput(message, "give AMOUNT or --clear", {"amount": message})
    change = desk.provincial_fees.set_amount(args.code, None if args.clear else args.amount,
                                             args.basis)
    emit({"code": change.procedure_code, "before": change.amount_before,
          "after": change.amount_after, "basis": change.basis, "at": change.changed_at,
          "by": change.changed_by})
    return OK

"""The command-line actions: each takes the parsed arguments and an open Desk, prints JSON.

Every action returns an exit status: 0 done, 1 not found or failed, 2 invalid input; or
raises a `DeskError`, which the command line's door (`cli.main`) prints in Vietnamese and
turns into its exit status (3 not allowed now, 4 the data folder cannot be used, …).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..desk import Desk
from ..domain.calendar import CalendarOverride, OverrideKind
from ..domain.clock import iso, parse_iso
from ..domain.dossier import Dossier
from ..domain.dossier_code import DailyLimitReached
from ..domain.errors import InvalidInput
from ..domain.intake import IntakeError
from ..domain.limits import label
from ..domain.procedures import CatalogueError, procedure_to_dict
from ..domain.status import DossierStatus
from ..json_files import REQUEST, read_json_file, read_json_stream

OK, FAILED, INVALID = 0, 1, 2


def add_force(parser: argparse.ArgumentParser) -> None:
    """`--force`: the one way to let an `--out` replace an existing file."""
    parser.add_argument("--force", action="store_true",
                        help="replace the --out file if it exists (never a file the app keeps)")


def out_path(args: argparse.Namespace, desk: Desk) -> Path:
    """The `--out` file, once the desk's guard has let it through (see `check_output_path`)."""
    return desk.check_output_path(Path(args.out), replace=bool(getattr(args, "force", False)))


def not_a_date(value: str, option: str) -> InvalidInput:
    return InvalidInput(f"{option}: “{value}” không phải một ngày dạng YYYY-MM-DD.",
                        f"not a date (YYYY-MM-DD): {value}", {option: "không phải ngày"})


def emit(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def fail(message: str, status: int = FAILED) -> int:
    print(f"intake-app: {message}", file=sys.stderr)
    return status


def dossier_summary(dossier: Dossier) -> dict[str, Any]:
    return {
        "code": dossier.code,
        "dossier_id": dossier.dossier_id,
        "procedure": dossier.procedure_code,
        "procedure_name": dossier.procedure_name,
        "applicant": dossier.applicant.name,
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
        "status": int(dossier.status),
        "status_label": DossierStatus(dossier.status).label,
    }


# ---- set-up ----------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace, desk: Desk) -> int:
    """Set the station up; a station without accounts gets its first administrator here."""
    first_admin = None
    if not desk.accounts.exist():
        from ..domain.accounts import check_display_name, check_login, require_good_password
        from .user_commands import new_password

        if not args.admin or not args.admin_name:
            raise InvalidInput(
                "Cài đặt quầy tạo luôn tài khoản quản trị hệ thống đầu tiên: hãy cho biết "
                "--admin TÊN_ĐĂNG_NHẬP và --admin-name \"Họ và tên\" (mật khẩu lấy từ biến môi "
                "trường INTAKE_APP_NEW_PASSWORD hoặc nhập hai lần).",
                "init needs --admin and --admin-name", {"admin": "thiếu"})
        login, name = check_login(args.admin), check_display_name(args.admin_name)
        password, _ = new_password(args, login)
        first_admin = (login, name, require_good_password(password, login=login,
                                                          display_name=name))
    station = desk.init_station(
        unit_code=args.unit_code, unit_name=args.unit_name,
        province_code=args.province_code, commune_code=args.commune_code,
        station_no=args.station, office_name=args.office_name,
    )
    if first_admin is not None:
        desk.accounts.first_administrator(*first_admin)
    emit({
        "data_dir": str(desk.data_dir),
        "unit_code": station.unit_code,
        "unit_name": station.unit_name,
        "province_code": station.province_code,
        "commune_code": station.commune_code,
        "place_name": station.place_name,
        "station": station.station_no,
        "procedures": len(desk.procedures()),
        **({"administrator": first_admin[0]} if first_admin else {}),
        **keys_summary(desk, show_recovery_key=desk.keys.made_now),
    })
    return OK


def keys_summary(desk: Desk, *, show_recovery_key: bool = False) -> dict[str, Any]:
    """Where the station's keys are kept; the recovery key only once, right after set-up."""
    keys = desk.keys
    summary: dict[str, Any] = {"keys_kept_in": keys.protection, "key_id": keys.key_id}
    if keys.protection == "key-file":
        summary["warning"] = ("Khóa của quầy nằm trong tệp station-keys.unprotected.json, chỉ "
                              "được bảo vệ bằng quyền truy cập tệp.")
    if show_recovery_key:
        summary["recovery_key"] = keys.recovery_key
        summary["recovery_note"] = ("Khóa khôi phục chỉ hiện một lần: hãy in phiếu khôi phục "
                                    "(intake-app keys recovery-sheet --out phieu.pdf) và cất "
                                    "riêng, xa máy tính này.")
    return summary


def cmd_catalogue_import(args: argparse.Namespace, desk: Desk) -> int:
    try:
        added, replaced = desk.import_catalogue(Path(args.file))
    except CatalogueError as exc:
        lines = "\n".join(f"  - {p}" for p in exc.faults)
        return fail(f"Chưa nhập danh mục, không có gì thay đổi. Sửa các lỗi sau:\n{lines}",
                    INVALID)
    emit({"added": added, "replaced": replaced})
    return OK


def cmd_catalogue_list(args: argparse.Namespace, desk: Desk) -> int:
    emit([procedure_to_dict(p) for p in desk.procedures(args.search or "")])
    return OK


# ---- receiving -------------------------------------------------------------------------------

def _read_json(source: str) -> Any:
    """The request file (or standard input for "-"): UTF-8 with or without a byte-order mark,
    within its size and nesting limits; FileRefused (Vietnamese) otherwise."""
    if source == "-":
        return read_json_stream(None, REQUEST)
    return read_json_file(Path(source), REQUEST)


def cmd_receive(args: argparse.Namespace, desk: Desk) -> int:
    payload = _read_json(args.json)
    try:
        result = desk.receive(payload)
    except IntakeError as exc:
        lines = "\n".join(f"  - {label(field)} ({field}): {reason}"
                          for field, reason in exc.problems.items())
        return fail(f"Hồ sơ chưa được tiếp nhận, chưa lưu gì. Sửa các trường sau:\n{lines}",
                    INVALID)
    except DailyLimitReached as exc:
        return fail(str(exc), FAILED)
    dossier = result.dossier
    emit({
        "code": dossier.code,
        "dossier_id": dossier.dossier_id,
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
        "fee": dossier.fee_total,
        "receipt": str(result.receipt_path) if result.receipt_path else None,
    })
    if result.receipt_error:
        # Saved means saved: exit 0 with the code; what is missing is said, not hidden.
        print(f"intake-app: đã lưu hồ sơ {dossier.code}, nhưng chưa in được giấy tiếp nhận: "
              f"{result.receipt_error}; in lại bằng `intake-app receipt {dossier.code} "
              "--out TỆP.pdf`.", file=sys.stderr)
    return OK


def cmd_receipt(args: argparse.Namespace, desk: Desk) -> int:
    out = desk.reprint_receipt(args.code, out_path(args, desk), issue=args.issue)
    emit({"code": args.code.strip().upper(), "receipt": str(out), "copy": True,
          **({"issue": args.issue} if args.issue is not None else {})})
    return OK


# ---- looking up ------------------------------------------------------------------------------

def cmd_find(args: argparse.Namespace, desk: Desk) -> int:
    emit([dossier_summary(d) for d in desk.find(args.text, args.limit)])
    return OK


def cmd_show(args: argparse.Namespace, desk: Desk) -> int:
    dossier = desk.dossier(args.code)
    receipt = desk.receipt(dossier.code)
    emit({
        **dossier_summary(dossier),
        "field": dossier.field_name,
        "applicant": {
            "name": dossier.applicant.name,
            "id_type": dossier.applicant.id_kind.value,
            "id_number": dossier.applicant.id_number,
            "old_id_number": dossier.applicant.old_id_number,
            "phone": dossier.applicant.phone,
            "email": dossier.applicant.email,
            "address": dossier.applicant.address,
        },
        "owner": dossier.owner.name if dossier.owner else None,
        "owner_id": ({"id_type": dossier.owner.id_kind.value,
                      "id_number": dossier.owner.id_number} if dossier.owner else None),
        "documents": [
            {"name": d.name, "form": d.form.value, "copies": d.copies, "pages": d.pages}
            for d in dossier.documents
        ],
        "fee": dossier.fee_total,
        "fee_lines": [{"label": f.label, "amount": f.amount} for f in dossier.fee_lines],
        "payment": dossier.payment.to_dict() if dossier.payment else None,
        "lead_unit": dossier.lead_unit or None,
        "ledger": {"book": dossier.ledger_book, "number": dossier.ledger_number},
        "clerk": dossier.clerk,
        "version": dossier.version,
        "receipt_file": str(desk.receipt_path(receipt)),
        "receipts": [{"issue": item.receipt.issue, "issued_at": iso(item.issued_at),
                      "replaced_at": iso(item.replaced_at), "current": item.current}
                     for item in desk.receipt_issues(dossier.code)],
        "history": desk.history(dossier.code),
        "events": [
            {"event_id": e["event_id"], "version": e["version"], "kind": e["kind"],
             "state": e["state"]}
            for e in desk.events(dossier.code)
        ],
    })
    return OK


# ---- calendar --------------------------------------------------------------------------------

def cmd_calendar_due(args: argparse.Namespace, desk: Desk) -> int:
    procedure = desk.procedure(args.procedure)
    if procedure is None:
        raise InvalidInput(f"Không có thủ tục mã {args.procedure} trong danh mục.",
                           f"no procedure {args.procedure} in the catalogue",
                           {"procedure": "không có trong danh mục"})
    try:
        at = parse_iso(args.at) if args.at else desk.clock()
    except ValueError:
        raise InvalidInput(f"--at: “{args.at}” không phải thời điểm dạng ISO 8601 (ví dụ "
                           "2026-02-13T16:10:00+07:00).", f"not an ISO 8601 time: {args.at}",
                           {"at": "không phải thời điểm ISO 8601"}) from None
    due = desk.calendar().due_at(at, procedure.time)
    emit({"procedure": procedure.code, "received_at": iso(at), "due_at": iso(due)})
    return OK


def cmd_calendar_set(args: argparse.Namespace, desk: Desk) -> int:
    try:
        day = date.fromisoformat(args.day)
    except ValueError:
        raise not_a_date(args.day, "day") from None
    kind = OverrideKind.DAY_OFF if args.calendar_command == "set-off" else OverrideKind.WORKING_DAY
    desk.set_calendar_day(CalendarOverride(day, kind, args.note or ""))
    emit({"day": day.isoformat(), "kind": kind.value, "note": args.note or ""})
    return OK


def cmd_calendar_clear(args: argparse.Namespace, desk: Desk) -> int:
    try:
        day = date.fromisoformat(args.day)
    except ValueError:
        raise not_a_date(args.day, "day") from None
    removed = desk.clear_calendar_day(day)
    emit({"day": day.isoformat(), "removed": removed})
    return OK

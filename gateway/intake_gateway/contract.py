"""Pure checks of a batch envelope and its events against sync protocol v1.

No database here: `check_envelope` says whether the envelope is usable (else the whole batch is
a 422), `check_event` says whether one event matches the contract (else it is rejected with
`malformed` or `not_nfc` and a message naming the field), including whether its `MaHoSo` is a
code of the batch's own station (`dossier_code_problem`, revision of 2026-12).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeGuard

MAX_EVENTS = 500
MAX_VERSION = 2**31 - 1
KINDS = frozenset({"received", "updated", "status_changed", "returned", "voided"})

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_STAMP = re.compile(r"[0-9]{14}")
_DOSSIER_CODE = re.compile(r"\S+-[0-9]{6}-[0-9]{4}")
_CODE_TAIL = re.compile(r"(?P<day>[0-9]{6})-(?P<station>[0-9])(?P<number>[0-9]{3})")

# The snapshot's keys (DongBoHoSoMC names), in the contract's order.
SNAPSHOT_KEYS = (
    "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien", "ChuHoSo",
    "LoaiDoiTuong", "MaDoiTuong", "SoDienThoai", "Email", "DiaChi", "TrichYeuHoSo",
    "NgayTiepNhan", "NgayHenTra", "NgayTra", "TrangThaiHoSo", "HinhThuc", "DonViXuLy", "GhiChu",
    "TaiLieuNop", "DanhSachLePhi",
)
NEVER_NULL = frozenset({
    "MaHoSo", "MaTTHC", "TenTTHC", "KenhThucHien", "ChuHoSo", "LoaiDoiTuong", "NgayTiepNhan",
    "TrangThaiHoSo", "HinhThuc", "TaiLieuNop", "DanhSachLePhi",
})
# Text that may be null; the never-null text keys are checked as non-empty text.
_TEXT_KEYS = (
    "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "ChuHoSo", "MaDoiTuong",
    "SoDienThoai", "Email", "DiaChi", "TrichYeuHoSo", "DonViXuLy", "GhiChu",
)
# Small integer codes: key -> allowed values.
_CODES = {
    "KenhThucHien": frozenset({1, 2, 3}),
    "LoaiDoiTuong": frozenset({1, 2}),
    "TrangThaiHoSo": frozenset(range(1, 11)),
    "HinhThuc": frozenset({0, 1}),
}
_DATE_KEYS = ("NgayTiepNhan", "NgayHenTra", "NgayTra")
LOAI_BAN = frozenset({0, 1, 2})  # 0 original, 1 copy, 2 electronic (domain.md §3)


@dataclass(frozen=True)
class Problem:
    """Why something does not match the contract: a rejection or error code and a message."""

    code: str
    message: str


class _Bad(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ---- small type checks ------------------------------------------------------------------------


def is_uuid(value: Any) -> bool:
    """A UUID in the contract's lowercase hyphenated 36-character form."""
    return isinstance(value, str) and len(value) == 36 and _UUID.fullmatch(value) is not None


def is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def is_iso_instant(value: Any, *, need_offset: bool) -> bool:
    """ISO 8601 date and time (with a UTC offset when `need_offset`)."""
    if not isinstance(value, str) or not 15 <= len(value) <= 40:
        return False
    if "T" not in value and "t" not in value and " " not in value:
        return False  # a date alone is not an instant
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.tzinfo is not None or not need_offset


def is_portal_stamp(value: Any) -> bool:
    """`yyyyMMddHHmmss`, a real calendar date and time."""
    if not isinstance(value, str) or _STAMP.fullmatch(value) is None:
        return False
    try:
        datetime(int(value[:4]), int(value[4:6]), int(value[6:8]), int(value[8:10]),
                 int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return True


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)


def _text(obj: dict, key: str, where: str, *, nullable: bool, non_empty: bool = False) -> None:
    value = obj[key]
    if value is None:
        if not nullable:
            raise _Bad(f"{where}{key} must not be null")
        return
    if not isinstance(value, str):
        raise _Bad(f"{where}{key} must be text, not {_type_name(value)}")
    if non_empty and not value.strip():
        raise _Bad(f"{where}{key} must not be empty")


def _require_keys(obj: dict, keys: tuple[str, ...] | list[str], where: str) -> None:
    missing = [key for key in keys if key not in obj]
    if missing:
        raise _Bad(f"{where}{', '.join(missing)} missing")


# ---- the envelope ------------------------------------------------------------------------------


def check_envelope(body: Any, *, max_events: int | None = MAX_EVENTS) -> Problem | None:
    """None when the envelope is usable, else the 422 error code and message.

    `max_events` is None for batch files, which carry any number of events.
    """
    if not isinstance(body, dict):
        return Problem("invalid_envelope",
                       f"the body must be a JSON object, not {_type_name(body)}")
    for key in ("batch_id", "unit_code", "station_no", "app_version", "sent_at", "events"):
        if key not in body:
            return Problem("invalid_envelope", f"{key} is missing")
    if not is_uuid(body["batch_id"]):
        return Problem("invalid_envelope", "batch_id must be a lowercase hyphenated UUID")
    if not isinstance(body["unit_code"], str) or not body["unit_code"]:
        return Problem("invalid_envelope", "unit_code must be non-empty text")
    if not is_int(body["station_no"]) or not 1 <= body["station_no"] <= 9:
        return Problem("invalid_envelope", "station_no must be a whole number from 1 to 9")
    if not isinstance(body["app_version"], str):
        return Problem("invalid_envelope", "app_version must be text")
    if not is_iso_instant(body["sent_at"], need_offset=False):
        return Problem("invalid_envelope", "sent_at must be an ISO 8601 date and time")
    events = body["events"]
    if not isinstance(events, list):
        return Problem("invalid_envelope", f"events must be a list, not {_type_name(events)}")
    if max_events is not None and len(events) > max_events:
        return Problem(
            "too_many_events", f"{len(events)} events in one batch; at most {max_events}"
        )
    return None


def station_mismatch(body: Any, unit_code: str, station_no: int) -> bool:
    """True when the body names another unit or station than the token's (the 403 case).

    Only values of the right type are compared; a missing or mistyped one is the envelope's
    problem (422), judged after this.
    """
    if not isinstance(body, dict):
        return False
    unit = body.get("unit_code")
    station = body.get("station_no")
    if isinstance(unit, str) and unit != unit_code:
        return True
    return is_int(station) and station != station_no


# ---- one event ---------------------------------------------------------------------------------


def event_id_of(event: Any) -> str | None:
    """The event_id to echo in the event's result: the text sent, or None."""
    if isinstance(event, dict):
        value = event.get("event_id")
        if isinstance(value, str):
            return value
    return None


def dossier_code_problem(code: str, unit_code: str, station_no: int) -> str | None:
    """None when `code` is a dossier code of station `station_no` of unit `unit_code`:
    `<unit_code>-<yyMMdd>-<station_no><nnn>`, yyMMdd a real date, nnn from 001 to 999;
    else what is wrong, naming `dossier.MaHoSo`.

    >>> dossier_code_problem("000.00.12.H56-251123-2007", "000.00.12.H56", 2) is None
    True
    >>> print(dossier_code_problem("000.00.12.H56-251123-2007", "000.00.12.H56", 3))
    dossier.MaHoSo '000.00.12.H56-251123-2007' is not a code of station 3 of unit \
000.00.12.H56 (the batch's unit_code and station_no): it must be 000.00.12.H56-<yyMMdd>-3<nnn>
    """
    shown = code if len(code) <= 60 else code[:57] + "..."
    prefix = f"{unit_code}-"
    tail = _CODE_TAIL.fullmatch(code, len(prefix)) if code.startswith(prefix) else None
    if tail is None or int(tail["station"]) != station_no:
        return (f"dossier.MaHoSo {shown!r} is not a code of station {station_no} of unit "
                f"{unit_code} (the batch's unit_code and station_no): it must be "
                f"{unit_code}-<yyMMdd>-{station_no}<nnn>")
    day = tail["day"]
    try:
        datetime(2000 + int(day[:2]), int(day[2:4]), int(day[4:]))
    except ValueError:
        return f"dossier.MaHoSo {shown!r}: {day} is not a date yyMMdd"
    if tail["number"] == "000":
        return f"dossier.MaHoSo {shown!r}: the day's number nnn runs from 001 to 999"
    return None


def check_event(event: Any, *, known_nfc: bool = False,
                station: tuple[str, int] | None = None) -> Problem | None:
    """None when the event matches the contract, else `malformed` or `not_nfc` with a message.

    `known_nfc`: the caller has seen that all text of the event is NFC (see `all_text_nfc`).
    `station`: (unit_code, station_no) of the batch: its MaHoSo must be a code of that station.
    """
    try:
        _check_structure(event)
        if station is not None:
            wrong = dossier_code_problem(event["dossier"]["MaHoSo"], *station)
            if wrong is not None:
                raise _Bad(wrong)
        where = None if known_nfc else _first_non_nfc(event, "")
    except _Bad as bad:
        return Problem("malformed", bad.message)
    except RecursionError:
        return Problem("malformed", "the event is nested too deeply")
    if where is not None:
        return Problem("not_nfc", f"{where or 'a key'} is not in Unicode NFC")
    return None


def _check_structure(event: Any) -> None:
    if not isinstance(event, dict):
        raise _Bad(f"the event must be an object, not {_type_name(event)}")
    _require_keys(event, ("event_id", "dossier_id", "version", "kind", "occurred_at", "actor",
                          "dossier", "progress"), "")
    for key in ("event_id", "dossier_id"):
        if not is_uuid(event[key]):
            raise _Bad(f"{key} must be a lowercase hyphenated UUID")
    version = event["version"]
    if not is_int(version) or not 1 <= version <= MAX_VERSION:
        raise _Bad(f"version must be a whole number from 1 to {MAX_VERSION}")
    kind = event["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise _Bad(f"kind must be one of {', '.join(sorted(KINDS))}")
    if not is_iso_instant(event["occurred_at"], need_offset=True):
        raise _Bad("occurred_at must be an ISO 8601 date and time with its UTC offset")
    _text(event, "actor", "", nullable=False)
    _check_snapshot(event["dossier"])
    _check_progress(event["progress"], kind)


def _check_snapshot(dossier: Any) -> None:
    if not isinstance(dossier, dict):
        raise _Bad(f"dossier must be an object, not {_type_name(dossier)}")
    _require_keys(dossier, SNAPSHOT_KEYS, "dossier.")
    for key in _TEXT_KEYS:
        never_null = key in NEVER_NULL
        _text(dossier, key, "dossier.", nullable=not never_null, non_empty=never_null)
    if _DOSSIER_CODE.fullmatch(dossier["MaHoSo"]) is None:
        raise _Bad("dossier.MaHoSo must have the form <unit_code>-<yyMMdd>-<4 digits>")
    for key, allowed in _CODES.items():
        value = dossier[key]
        if value is None:
            raise _Bad(f"dossier.{key} must not be null")
        if not is_int(value) or value not in allowed:
            raise _Bad(f"dossier.{key} must be one of {', '.join(map(str, sorted(allowed)))}")
    for key in _DATE_KEYS:
        value = dossier[key]
        if value is None:
            if key in NEVER_NULL:
                raise _Bad(f"dossier.{key} must not be null")
            continue
        if not is_portal_stamp(value):
            raise _Bad(f"dossier.{key} must be a date yyyyMMddHHmmss")
    _check_id_document(dossier)
    _check_documents(dossier["TaiLieuNop"])
    _check_fees(dossier["DanhSachLePhi"])


# LoaiGiayTo (optional; absent or null from stations before it): which document MaDoiTuong is
# the number of, and the shape that number must have.
LOAI_GIAY_TO = {0: "none", 1: "CCCD", 2: "passport", 3: "tax code"}
_ID_SHAPES = {
    1: (re.compile(r"[0-9]{12}"), "a 12-digit personal ID number"),
    2: (re.compile(r"[A-Z0-9]{6,9}"), "a passport number of 6-9 capital letters and digits"),
    3: (re.compile(r"[0-9]{10}(-[0-9]{3})?"), "a tax code of 10 digits, or 10-3 for a branch"),
}


def _check_id_document(dossier: dict) -> None:
    kind = dossier.get("LoaiGiayTo")
    if kind is None:
        return
    if not is_int(kind) or kind not in LOAI_GIAY_TO:
        raise _Bad("dossier.LoaiGiayTo must be one of 0, 1, 2, 3")
    number = dossier["MaDoiTuong"]
    if kind == 0:
        if number is not None:
            raise _Bad("dossier.MaDoiTuong must be null when LoaiGiayTo is 0 (no document)")
        return
    if number is None:
        return
    shape, what = _ID_SHAPES[kind]
    if shape.fullmatch(number) is None:
        raise _Bad(f"dossier.MaDoiTuong must be {what} when LoaiGiayTo is {kind}")


def _list(value: Any, name: str) -> list:
    if value is None:
        raise _Bad(f"{name} must not be null")
    if not isinstance(value, list):
        raise _Bad(f"{name} must be a list, not {_type_name(value)}")
    return value


def _check_documents(value: Any) -> None:
    for index, item in enumerate(_list(value, "dossier.TaiLieuNop")):
        where = f"dossier.TaiLieuNop[{index}]."
        if not isinstance(item, dict):
            raise _Bad(f"{where[:-1]} must be an object")
        _require_keys(item, ("TenTepDinhKem", "MaThanhPhanHoSo", "SoLuong", "LoaiBan"), where)
        _text(item, "TenTepDinhKem", where, nullable=False, non_empty=True)
        _text(item, "MaThanhPhanHoSo", where, nullable=True)
        if not is_int(item["SoLuong"]) or item["SoLuong"] < 0:
            raise _Bad(f"{where}SoLuong must be a whole number, 0 or more")
        if not is_int(item["LoaiBan"]) or item["LoaiBan"] not in LOAI_BAN:
            raise _Bad(f"{where}LoaiBan must be 0, 1 or 2")


def _check_fees(value: Any) -> None:
    for index, item in enumerate(_list(value, "dossier.DanhSachLePhi")):
        where = f"dossier.DanhSachLePhi[{index}]."
        if not isinstance(item, dict):
            raise _Bad(f"{where[:-1]} must be an object")
        _require_keys(item, ("TenPhiLePhi", "Gia"), where)
        _text(item, "TenPhiLePhi", where, nullable=False, non_empty=True)
        if not is_int(item["Gia"]) or item["Gia"] < 0:
            raise _Bad(f"{where}Gia must be a whole number of VND, 0 or more")


def _check_progress(progress: Any, kind: str) -> None:
    if kind == "received":
        if progress is not None:
            raise _Bad("progress must be null for a received event")
        return
    if not isinstance(progress, dict):
        raise _Bad(f"progress must be an object for a {kind} event, not {_type_name(progress)}")
    _require_keys(progress, ("NguoiXuLy", "ThoiDiemXuLy", "NoiDungXuLy", "TrangThai"),
                  "progress.")
    _text(progress, "NguoiXuLy", "progress.", nullable=False)
    _text(progress, "NoiDungXuLy", "progress.", nullable=True)
    if not is_portal_stamp(progress["ThoiDiemXuLy"]):
        raise _Bad("progress.ThoiDiemXuLy must be a date yyyyMMddHHmmss")
    status = progress["TrangThai"]
    if not is_int(status) or not 1 <= status <= 10:
        raise _Bad("progress.TrangThai must be a whole number from 1 to 10")


def all_text_nfc(json_text: str) -> bool:
    """True when every string in this JSON text is surely NFC: the text is NFC and has no
    \\u escapes. (A string's content is bounded by quotes, which never compose with their
    neighbours, so the whole being NFC makes each string NFC.) False means: look at each one.
    """
    if json_text.isascii():
        return "\\u" not in json_text
    return "\\u" not in json_text and unicodedata.is_normalized("NFC", json_text)


def _first_non_nfc(value: Any, path: str) -> str | None:
    """The path of the first text (value or key) that is not NFC, or None."""
    if isinstance(value, str):
        return None if value.isascii() or unicodedata.is_normalized("NFC", value) else path
    if isinstance(value, dict):
        for key, item in value.items():
            sub = f"{path}.{key}" if path else key
            if not (key.isascii() or unicodedata.is_normalized("NFC", key)):
                return sub
            found = _first_non_nfc(item, sub)
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _first_non_nfc(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None

"""The procedure catalogue (danh mục thủ tục hành chính): what a procedure needs, costs and takes.

A catalogue file is JSON: ``{"procedures": [ {...}, ... ]}``, each procedure shaped as
`procedure_from_dict` reads it. `parse_catalogue` checks a whole file and reports every fault
with its place, in Vietnamese naming the field ("Tên thủ tục (thủ tục thứ 3): dài quá 300 ký
tự …"), so that an import either takes the whole file or changes nothing. Every text and number
is held to its limit in `limits.LIMITS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .errors import InvalidInput
from .limits import (
    DOCUMENTS_MAX,
    LIMITS,
    TIME_DAYS_MAX,
    TIME_HOURS_MAX,
    CountLimit,
    TextLimit,
    check_count,
    check_text,
    label,
)

PROCEDURE_CODE_RE = re.compile(r"^\d\.\d{6}$")


class TimeUnit(StrEnum):
    """How a procedure's processing time is counted (domain.md §4)."""

    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"  # same day if received before the 15:00 cut-off, else next working day
    CALENDAR_DAYS = "calendar_days"
    NONE = "none"  # no appointment date (không có ngày hẹn trả)


class DocForm(StrEnum):
    """The form in which a component document is handed in."""

    ORIGINAL = "ban_chinh"
    CERTIFIED_COPY = "ban_sao"
    PHOTOCOPY = "ban_photo"


class FeeKind(StrEnum):
    FREE = "free"
    FIXED = "fixed"  # one amount per dossier (per case, per contract)
    PER_COPY = "per_copy"  # amount × number of copies (bản sao trích lục)
    PER_PAGE = "per_page"  # tiered price per page of each copy, capped per copy (chứng thực)
    PROVINCIAL = "provincial"  # set by the provincial People's Council; amount may be unset


@dataclass(frozen=True)
class ProcessingTime:
    unit: TimeUnit
    amount: int = 0

    def __post_init__(self) -> None:
        if self.unit in (TimeUnit.SAME_DAY, TimeUnit.NONE):
            return
        if self.amount <= 0:
            raise ValueError(f"processing time in {self.unit} needs a positive amount")
        most = TIME_HOURS_MAX if self.unit == TimeUnit.WORKING_HOURS else TIME_DAYS_MAX
        if self.amount > most:
            raise ValueError(f"processing time of {self.amount} {self.unit} is over {most}")


@dataclass(frozen=True)
class PageTier:
    """From page `from_page` on (1-based), each page costs `price` VND."""

    from_page: int
    price: int


@dataclass(frozen=True)
class FeeRule:
    kind: FeeKind
    amount: int | None = None  # FIXED, PER_COPY, PROVINCIAL
    tiers: tuple[PageTier, ...] = ()  # PER_PAGE
    cap_per_copy: int | None = None  # PER_PAGE
    label: str = "Lệ phí"
    note: str = ""  # legal basis or remark printed with the fee

    @property
    def depends_on_pages(self) -> bool:
        """Whether the clerk must count the pages of each paper to price the dossier."""
        return self.kind == FeeKind.PER_PAGE


@dataclass(frozen=True)
class Component:
    """One component document (thành phần hồ sơ) a procedure asks for."""

    name: str
    form: DocForm
    required: bool = True
    copies: int = 1
    code: str = ""  # MaThanhPhanHoSo, where the province has one


@dataclass(frozen=True)
class Procedure:
    code: str  # national code (mã TTHC), e.g. 2.000815
    name: str
    field_code: str  # lĩnh vực
    field_name: str
    time: ProcessingTime
    fee: FeeRule
    components: tuple[Component, ...] = field(default_factory=tuple)
    note: str = ""
    # Cơ quan chủ trì giải quyết, when it is not the unit that receives the dossier (the
    # commune's People's Committee): e.g. "Công an xã" for residence procedures.
    lead_unit: str = ""


class CatalogueError(InvalidInput):
    """A catalogue file that cannot be taken; `faults` lists every fault with its place.

    Each fault names the field in Vietnamese and where it is ("Tên thủ tục (thủ tục thứ 3)").
    """

    #: Faults listed in the message; the rest are counted (a broken file can have thousands).
    SHOWN = 20

    def __init__(self, faults: list[str]):
        shown = faults[: self.SHOWN]
        text = "Chưa nhập danh mục, không có gì thay đổi. " + " ".join(shown)
        if len(faults) > len(shown):
            text += f" (và {len(faults) - len(shown)} lỗi khác)"
        super().__init__(text, f"catalogue file refused: {len(faults)} faults")
        self.faults = faults


_INDEX_RE = re.compile(r"\[(\d+)\]")
_PLACE_WORDS = {"procedures": "thủ tục", "components": "thành phần", "tiers": "bậc giá"}
_ENUM_NAMES = {
    "time.unit": "Cách tính thời hạn giải quyết",
    "fee.kind": "Loại phí, lệ phí",
    "form": "Hình thức giấy tờ",
}


def _key(where: str) -> str:
    """The limits table's name of a field: `procedures[3].fee.amount` → `procedures[].fee…`.

    A stored definition is read with `where` = "procedure"; it shares the file's limits.
    """
    generic = _INDEX_RE.sub("[]", where)
    if generic == "procedure" or generic.startswith("procedure."):
        generic = "procedures[]" + generic[len("procedure"):]
    return generic


def _place(where: str) -> str:
    """'procedures[2].components[0].form' → 'thủ tục thứ 3, thành phần thứ 1'."""
    parts = [f"{_PLACE_WORDS.get(name, name)} thứ {int(index) + 1}"
             for name, index in re.findall(r"(\w+)\[(\d+)\]", where)]
    return ", ".join(parts) or "thủ tục"


def _fault(name: str, where: str, reason: str, problems: list[str]) -> None:
    """One fault: "<field in Vietnamese> (<where>): <reason>."."""
    text = f"{name} ({_place(where)}): {reason}"
    problems.append(text if text.endswith(".") else text + ".")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _int(value: Any, where: str, problems: list[str], *, key: str | None = None) -> int:
    """A whole number held to its limit (`key`: the table's name when it is not `where`'s)."""
    entry = LIMITS[key or _key(where)]
    assert isinstance(entry, CountLimit)
    number, problem = check_count(where, value, entry=entry)
    if problem:
        _fault(entry.label, where, problem, problems)
        return entry.minimum
    assert number is not None
    return number


def _text(value: Any, where: str, problems: list[str], *, required: bool = True) -> str:
    """A text held to its limit, in NFC; "" (and a fault) when it cannot be taken."""
    if value is None and not required:
        return ""
    entry = LIMITS[_key(where)]
    assert isinstance(entry, TextLimit)
    text, problem = check_text(where, value, entry=entry)
    if problem:
        _fault(entry.label, where, problem, problems)
        return ""
    if required and not text:
        _fault(entry.label, where, "không được để trống", problems)
        return ""
    return text or ""


def _enum(enum: type[StrEnum], value: Any, where: str, problems: list[str]) -> Any:
    try:
        if not isinstance(value, str):
            raise ValueError("not text")
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        name = next((n for suffix, n in _ENUM_NAMES.items() if where.endswith(suffix)), where)
        _fault(name, where, f"{_short(value)} không phải một trong {allowed}", problems)
        return next(iter(enum))


def _fee_from_dict(raw: Any, where: str, problems: list[str]) -> FeeRule:
    if not isinstance(raw, dict):
        _fault("Phí, lệ phí", where, "phải là một đối tượng JSON {\"kind\": …}", problems)
        return FeeRule(FeeKind.FREE)
    kind = _enum(FeeKind, raw.get("kind"), f"{where}.kind", problems)
    amount = raw.get("amount")
    amount_required = kind in (FeeKind.FIXED, FeeKind.PER_COPY)
    if amount_required or (kind == FeeKind.PROVINCIAL and amount is not None):
        amount = _int(amount, f"{where}.amount", problems)
    elif kind in (FeeKind.FREE, FeeKind.PER_PAGE):
        amount = None
    tiers: list[PageTier] = []
    cap = None
    if kind == FeeKind.PER_PAGE:
        raw_tiers = raw.get("tiers")
        count_fault = len(problems)
        if isinstance(raw_tiers, list):
            _int(len(raw_tiers), f"{where}.tiers", problems)
        if not isinstance(raw_tiers, list) or not raw_tiers:
            if len(problems) == count_fault:
                _fault("Bậc giá theo trang", where,
                       "phí tính theo trang cần ít nhất một bậc giá", problems)
        elif len(problems) == count_fault:
            for i, tier in enumerate(raw_tiers):
                tw = f"{where}.tiers[{i}]"
                if not isinstance(tier, dict):
                    _fault("Bậc giá theo trang", tw, "phải là một đối tượng JSON", problems)
                    continue
                tiers.append(
                    PageTier(
                        _int(tier.get("from_page"), f"{tw}.from_page", problems),
                        _int(tier.get("price"), f"{tw}.price", problems),
                    )
                )
            tiers.sort(key=lambda t: t.from_page)
            if tiers and tiers[0].from_page != 1:
                _fault("Bậc giá theo trang", where, "bậc đầu tiên phải bắt đầu từ trang 1",
                       problems)
            starts = [t.from_page for t in tiers]
            if len(set(starts)) != len(starts):
                _fault("Bậc giá theo trang", where, "hai bậc giá bắt đầu cùng một trang",
                       problems)
        if raw.get("cap_per_copy") is not None:
            cap = _int(raw.get("cap_per_copy"), f"{where}.cap_per_copy", problems)
    return FeeRule(
        kind=kind,
        amount=amount,
        tiers=tuple(tiers),
        cap_per_copy=cap,
        label=_text(raw.get("label", "Lệ phí"), f"{where}.label", problems),
        note=_text(raw.get("note", ""), f"{where}.note", problems, required=False),
    )


_TIME_LIMITS = {
    TimeUnit.WORKING_DAYS: "procedures[].time.amount@working_days",
    TimeUnit.CALENDAR_DAYS: "procedures[].time.amount@calendar_days",
    TimeUnit.WORKING_HOURS: "procedures[].time.amount@working_hours",
}


def procedure_from_dict(raw: Any, where: str, problems: list[str]) -> Procedure | None:
    """Read one procedure, appending every fault to `problems`; None when it cannot be read."""
    if not isinstance(raw, dict):
        _fault("Thủ tục", where, "phải là một đối tượng JSON {\"code\": …, \"name\": …}",
               problems)
        return None
    before = len(problems)
    code = raw.get("code")
    if not isinstance(code, str) or not PROCEDURE_CODE_RE.match(code):
        _fault("Mã thủ tục", where, f"{_short(code)} không phải mã thủ tục quốc gia dạng "
               "2.000815", problems)
        code = ""
    time_raw = raw.get("time")
    time = ProcessingTime(TimeUnit.NONE)
    if not isinstance(time_raw, dict):
        _fault("Thời hạn giải quyết", where,
               "phải là một đối tượng JSON {\"unit\": …, \"amount\": …}", problems)
    else:
        unit = _enum(TimeUnit, time_raw.get("unit"), f"{where}.time.unit", problems)
        amount = time_raw.get("amount", 0)
        if unit in (TimeUnit.SAME_DAY, TimeUnit.NONE):
            time = ProcessingTime(unit)
        else:
            amount = _int(amount, f"{where}.time.amount", problems, key=_TIME_LIMITS[unit])
            time = ProcessingTime(unit, amount)
    components: list[Component] = []
    raw_components = raw.get("components", [])
    if not isinstance(raw_components, list):
        _fault("Thành phần hồ sơ", where, "phải là một danh sách", problems)
        raw_components = []
    elif len(raw_components) > DOCUMENTS_MAX:
        _int(len(raw_components), f"{where}.components", problems)
        raw_components = []
    for i, comp in enumerate(raw_components):
        cw = f"{where}.components[{i}]"
        if not isinstance(comp, dict):
            _fault("Thành phần hồ sơ", cw, "phải là một đối tượng JSON", problems)
            continue
        required = comp.get("required", True)
        if not isinstance(required, bool):
            _fault("Thành phần bắt buộc", cw, "phải là true hoặc false", problems)
            required = True
        components.append(
            Component(
                name=_text(comp.get("name"), f"{cw}.name", problems),
                form=_enum(DocForm, comp.get("form"), f"{cw}.form", problems),
                required=required,
                copies=_int(comp.get("copies", 1), f"{cw}.copies", problems),
                code=_text(comp.get("code", ""), f"{cw}.code", problems, required=False),
            )
        )
    procedure = Procedure(
        code=code,
        name=_text(raw.get("name"), f"{where}.name", problems),
        field_code=_text(raw.get("field_code"), f"{where}.field_code", problems),
        field_name=_text(raw.get("field_name"), f"{where}.field_name", problems),
        time=time,
        fee=_fee_from_dict(raw.get("fee"), f"{where}.fee", problems),
        components=tuple(components),
        note=_text(raw.get("note", ""), f"{where}.note", problems, required=False),
        lead_unit=_text(raw.get("lead_unit"), f"{where}.lead_unit", problems, required=False),
    )
    return procedure if len(problems) == before else None


def parse_catalogue(raw: Any) -> list[Procedure]:
    """Check a whole catalogue document; raise `CatalogueError` listing every fault."""
    problems: list[str] = []
    items = raw.get("procedures") if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise CatalogueError(['Tệp danh mục phải có dạng {"procedures": [ … ]} với ít nhất '
                              "một thủ tục."])
    count, problem = check_count("procedures", len(items))
    if problem:
        raise CatalogueError([f"{label('procedures')}: {problem}"])
    procedures: list[Procedure] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        procedure = procedure_from_dict(item, f"procedures[{i}]", problems)
        if procedure is None:
            continue
        if procedure.code in seen:
            _fault("Mã thủ tục", f"procedures[{i}]", f"mã {procedure.code} có hai lần trong tệp",
                   problems)
        seen.add(procedure.code)
        procedures.append(procedure)
    if problems:
        raise CatalogueError(problems)
    return procedures


def procedure_to_dict(procedure: Procedure) -> dict[str, Any]:
    """The catalogue-file form of a procedure (the inverse of `procedure_from_dict`)."""
    fee = procedure.fee
    fee_dict: dict[str, Any] = {"kind": fee.kind.value, "label": fee.label}
    if fee.amount is not None:
        fee_dict["amount"] = fee.amount
    if fee.tiers:
        fee_dict["tiers"] = [{"from_page": t.from_page, "price": t.price} for t in fee.tiers]
    if fee.cap_per_copy is not None:
        fee_dict["cap_per_copy"] = fee.cap_per_copy
    if fee.note:
        fee_dict["note"] = fee.note
    return {
        "code": procedure.code,
        "name": procedure.name,
        "field_code": procedure.field_code,
        "field_name": procedure.field_name,
        "time": {"unit": procedure.time.unit.value, "amount": procedure.time.amount},
        "fee": fee_dict,
        "components": [
            {
                "name": c.name,
                "form": c.form.value,
                "required": c.required,
                "copies": c.copies,
                **({"code": c.code} if c.code else {}),
            }
            for c in procedure.components
        ],
        "note": procedure.note,
        **({"lead_unit": procedure.lead_unit} if procedure.lead_unit else {}),
    }

"""The procedure catalogue (danh mục thủ tục hành chính): what a procedure needs, costs and takes.

A catalogue file is JSON: ``{"procedures": [ {...}, ... ]}``, each procedure shaped as
`procedure_from_dict` reads it. `parse_catalogue` checks a whole file and reports every fault
with its place, so that an import either takes the whole file or changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .errors import InvalidInput
from .text import nfc

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


class CatalogueError(InvalidInput):
    """A catalogue file that cannot be taken; `faults` lists every fault with its place."""

    def __init__(self, faults: list[str]):
        super().__init__("; ".join(faults), "catalogue file refused: " + "; ".join(faults))
        self.faults = faults


def _int(value: Any, where: str, problems: list[str], *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        problems.append(f"{where}: expected a whole number ≥ {minimum}, got {value!r}")
        return minimum
    return value


def _text(value: Any, where: str, problems: list[str], *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{where}: expected text, got {value!r}")
        return ""
    return nfc(value)


def _enum(enum: type[StrEnum], value: Any, where: str, problems: list[str]) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        problems.append(f"{where}: {value!r} is not one of {allowed}")
        return next(iter(enum))


def _fee_from_dict(raw: Any, where: str, problems: list[str]) -> FeeRule:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected an object")
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
        if not isinstance(raw_tiers, list) or not raw_tiers:
            problems.append(f"{where}.tiers: a per-page fee needs at least one tier")
        else:
            for i, tier in enumerate(raw_tiers):
                tw = f"{where}.tiers[{i}]"
                if not isinstance(tier, dict):
                    problems.append(f"{tw}: expected an object")
                    continue
                tiers.append(
                    PageTier(
                        _int(tier.get("from_page"), f"{tw}.from_page", problems, minimum=1),
                        _int(tier.get("price"), f"{tw}.price", problems),
                    )
                )
            tiers.sort(key=lambda t: t.from_page)
            if tiers and tiers[0].from_page != 1:
                problems.append(f"{where}.tiers: the first tier must start at page 1")
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


def procedure_from_dict(raw: Any, where: str, problems: list[str]) -> Procedure | None:
    """Read one procedure, appending every fault to `problems`; None when it cannot be read."""
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected an object")
        return None
    before = len(problems)
    code = raw.get("code")
    if not isinstance(code, str) or not PROCEDURE_CODE_RE.match(code):
        problems.append(f"{where}.code: {code!r} is not a national procedure code like 2.000815")
        code = ""
    time_raw = raw.get("time")
    time = ProcessingTime(TimeUnit.NONE)
    if not isinstance(time_raw, dict):
        problems.append(f"{where}.time: expected an object with unit and amount")
    else:
        unit = _enum(TimeUnit, time_raw.get("unit"), f"{where}.time.unit", problems)
        amount = time_raw.get("amount", 0)
        if unit in (TimeUnit.SAME_DAY, TimeUnit.NONE):
            time = ProcessingTime(unit)
        else:
            amount = _int(amount, f"{where}.time.amount", problems, minimum=1)
            time = ProcessingTime(unit, amount)
    components: list[Component] = []
    raw_components = raw.get("components", [])
    if not isinstance(raw_components, list):
        problems.append(f"{where}.components: expected a list")
        raw_components = []
    for i, comp in enumerate(raw_components):
        cw = f"{where}.components[{i}]"
        if not isinstance(comp, dict):
            problems.append(f"{cw}: expected an object")
            continue
        required = comp.get("required", True)
        if not isinstance(required, bool):
            problems.append(f"{cw}.required: expected true or false")
            required = True
        components.append(
            Component(
                name=_text(comp.get("name"), f"{cw}.name", problems),
                form=_enum(DocForm, comp.get("form"), f"{cw}.form", problems),
                required=required,
                copies=_int(comp.get("copies", 1), f"{cw}.copies", problems, minimum=1),
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
    )
    return procedure if len(problems) == before else None


def parse_catalogue(raw: Any) -> list[Procedure]:
    """Check a whole catalogue document; raise `CatalogueError` listing every fault."""
    problems: list[str] = []
    items = raw.get("procedures") if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise CatalogueError(['the file must be {"procedures": [ ... ]} with at least one'])
    procedures: list[Procedure] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        procedure = procedure_from_dict(item, f"procedures[{i}]", problems)
        if procedure is None:
            continue
        if procedure.code in seen:
            problems.append(f"procedures[{i}].code: {procedure.code} appears twice")
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
    }

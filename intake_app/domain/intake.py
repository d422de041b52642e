"""Check an intake request before anything is stamped.

`parse_intake` reads the JSON form of a request (the command line's `receive --json`, and the
window's form, which builds the same dict) and either returns an `IntakeDraft` in NFC or raises
`IntakeError` naming every wrong field, each with a Vietnamese reason for the clerk. Every
field is held to its limit in `limits.LIMITS` (length, visible Unicode text, range).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .dossier import Channel, Delivery, DocumentLine, IntakeDraft, Party, PartyKind
from .errors import InvalidInput
from .id_documents import (
    KINDS_TEXT,
    IdKind,
    check_document,
    check_old_id_number,
    missing_number_reason,
    parse_kind,
)
from .id_numbers import normalize_gender
from .limits import LIMITS, TextLimit, check_count, check_text, problems_message
from .payment import parse_payment
from .phones import check_phone, normalize_phone
from .procedures import DocForm

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class IntakeError(InvalidInput):
    """Invalid intake input; `problems` maps each wrong field to a Vietnamese reason.

    The message names every field in Vietnamese ("Họ và tên người nộp: dài quá 70 ký tự …").
    """

    def __init__(self, problems: dict[str, str]):
        text = problems_message(problems, lead="Hồ sơ chưa được tiếp nhận, chưa lưu gì")
        super().__init__(text, f"invalid intake request: {', '.join(problems)}", problems)


@dataclass(frozen=True)
class References:
    """Look-ups the check needs from the store, passed in so this module stays pure."""

    has_procedure: Callable[[str], bool]
    has_province: Callable[[str], bool]
    commune_province: Callable[[str], str | None]  # the province a commune belongs to


def _text(raw: dict[str, Any], key: str, where: str, problems: dict[str, str],
          entry: TextLimit | None = None) -> str | None:
    """The field's text in NFC (None when absent or blank), held to its limit."""
    path = f"{where}.{key}" if where else key
    value, problem = check_text(path, raw.get(key), entry=entry)
    if problem:
        problems[path] = problem
    return value


def _birth_date(raw: dict[str, Any], where: str, problems: dict[str, str], today: date):
    value = raw.get("birth_date")
    if value in (None, ""):
        return None
    try:
        born = date.fromisoformat(str(value))
    except ValueError:
        problems[f"{where}.birth_date"] = "Ngày sinh không hợp lệ (định dạng YYYY-MM-DD)."
        return None
    if born > today:
        problems[f"{where}.birth_date"] = "Ngày sinh không được sau ngày hôm nay."
        return None
    if born.year < 1900:
        problems[f"{where}.birth_date"] = "Năm sinh phải từ 1900 trở đi."
        return None
    return born


def parse_party(
    raw: Any, where: str, problems: dict[str, str], refs: References, today: date,
    *, require_id: bool,
) -> Party | None:
    """Read the applicant or the owner; every fault goes into `problems` under `where.field`."""
    if not isinstance(raw, dict):
        problems[where] = "Thiếu thông tin người nộp hồ sơ."
        return None
    id_kind = IdKind.CCCD
    id_type_raw = raw.get("id_type")
    if id_type_raw not in (None, ""):
        parsed = parse_kind(id_type_raw) if isinstance(id_type_raw, str) and len(
            id_type_raw) <= 20 else None
        if parsed is None:
            problems[f"{where}.id_type"] = f"phải là {KINDS_TEXT}."
        else:
            id_kind = parsed
    kind_raw = raw.get("kind", "organisation" if id_kind is IdKind.TAX_CODE else "citizen")
    kind = PartyKind.ORGANISATION if kind_raw in ("organisation", 2) else PartyKind.CITIZEN
    if id_type_raw in (None, "") and kind == PartyKind.ORGANISATION:
        id_kind = IdKind.TAX_CODE  # an organisation is identified by its tax code
    if id_kind is IdKind.TAX_CODE and kind != PartyKind.ORGANISATION:
        problems[f"{where}.id_type"] = ("mã số thuế chỉ dùng cho tổ chức; một người dùng số "
                                        "định danh cá nhân (CCCD) làm mã số thuế.")
    name_limit = LIMITS[f"{where}.organisation_name" if kind == PartyKind.ORGANISATION
                        else f"{where}.name"]
    assert isinstance(name_limit, TextLimit)
    name = _text(raw, "name", where, problems, name_limit)
    if not name:
        problems.setdefault(f"{where}.name", "Họ và tên không được để trống.")

    gender = None
    if raw.get("gender") not in (None, ""):
        try:
            if not isinstance(raw["gender"], str) or len(raw["gender"]) > 10:
                raise ValueError("not a gender")
            gender = normalize_gender(raw["gender"])
        except ValueError:
            problems[f"{where}.gender"] = "Giới tính phải là 'nam' hoặc 'nữ'."
    _text(raw, "birth_date", where, problems)  # a hostile value is named, not parsed
    birth_date = None if f"{where}.birth_date" in problems else _birth_date(
        raw, where, problems, today)

    id_number = _text(raw, "id_number", where, problems)
    if id_number and f"{where}.id_number" not in problems:
        id_number, problem = check_document(id_kind, id_number, birth_date=birth_date,
                                            gender=gender, today=today)
        if problem:
            problems[f"{where}.id_number"] = problem
    elif (require_id and kind == PartyKind.CITIZEN and id_kind is not IdKind.NONE
          and f"{where}.id_number" not in problems):
        # A person at the counter shows a document; an organisation without a tax code (a
        # residents' group, an association) may still hand in a dossier.
        problems[f"{where}.id_number"] = missing_number_reason(id_kind)
    if require_id and id_kind is IdKind.NONE:
        problems.setdefault(f"{where}.id_type", missing_number_reason(IdKind.NONE))
    old_id_number = _text(raw, "old_id_number", where, problems)
    if old_id_number:
        old_id_number, problem = check_old_id_number(old_id_number)
        if problem:
            problems[f"{where}.old_id_number"] = problem

    phone = _text(raw, "phone", where, problems)
    if phone:
        phone_problems = check_phone(phone)
        if phone_problems:
            problems[f"{where}.phone"] = " ".join(phone_problems)
        else:
            phone = normalize_phone(phone)

    email = _text(raw, "email", where, problems)
    if email and not EMAIL_RE.match(email):
        problems[f"{where}.email"] = "Địa chỉ email không hợp lệ."

    address = _text(raw, "address", where, problems)
    province_code = _text(raw, "province_code", where, problems)
    commune_code = _text(raw, "commune_code", where, problems)
    if province_code and not refs.has_province(province_code):
        problems[f"{where}.province_code"] = f"Không có tỉnh, thành phố mã {province_code}."
    if commune_code:
        owner_province = refs.commune_province(commune_code)
        if owner_province is None:
            problems[f"{where}.commune_code"] = f"Không có xã, phường mã {commune_code}."
        elif province_code and owner_province != province_code:
            problems[f"{where}.commune_code"] = (
                f"Xã, phường mã {commune_code} không thuộc tỉnh, thành phố mã {province_code}."
            )
        elif not province_code:
            province_code = owner_province
    return Party(
        name=name or "",
        id_number=id_number,
        birth_date=birth_date,
        gender=gender,
        phone=phone,
        email=email,
        address=address,
        province_code=province_code,
        commune_code=commune_code,
        kind=kind,
        id_kind=id_kind,
        old_id_number=old_id_number,
    )


def _count(raw: dict[str, Any], key: str, where: str, problems: dict[str, str],
           default: int) -> int:
    """A count held to its limit (`limits.LIMITS`); absent or null means `default`."""
    value = raw.get(key, default)
    if value is None:
        return default
    path = f"{where}{key}"
    number, problem = check_count(path, value)
    if problem:
        problems[path] = problem
        return default
    assert number is not None
    return number


def parse_documents(raw: Any, problems: dict[str, str]) -> tuple[DocumentLine, ...]:
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        problems["documents"] = "phải là một danh sách giấy tờ."
        return ()
    _, too_many = check_count("documents", len(raw))
    if too_many:
        problems["documents"] = too_many
        return ()  # 10,000 papers are not read one by one: the count alone refuses them
    lines: list[DocumentLine] = []
    for i, item in enumerate(raw):
        where = f"documents[{i}]"
        if not isinstance(item, dict):
            problems[where] = "mỗi giấy tờ phải có tên, hình thức và số bản."
            continue
        name = _text(item, "name", where, problems)
        if not name:
            problems.setdefault(f"{where}.name", "Tên giấy tờ không được để trống.")
            name = ""
        form_raw = item.get("form", DocForm.ORIGINAL.value)
        try:
            if not isinstance(form_raw, str):
                raise ValueError("not a form")
            form = DocForm(form_raw)
        except ValueError:
            problems[f"{where}.form"] = "Hình thức phải là ban_chinh, ban_sao hoặc ban_photo."
            form = DocForm.ORIGINAL
        copies = _count(item, "copies", f"{where}.", problems, 1)
        pages = item.get("pages")
        if pages is not None:
            pages = _count(item, "pages", f"{where}.", problems, 1)
        code = _text(item, "component_code", where, problems) if isinstance(
            item.get("component_code"), str) else None
        lines.append(DocumentLine(name, form, copies, pages, code or ""))
    return tuple(lines)


def parse_intake(raw: Any, refs: References, *, today: date) -> IntakeDraft:
    """Check a whole intake request; raise `IntakeError` naming every wrong field."""
    if not isinstance(raw, dict):
        raise IntakeError({"(gốc)": "Yêu cầu tiếp nhận phải là một đối tượng JSON."})
    problems: dict[str, str] = {}
    procedure_code, problem = check_text("procedure", raw.get("procedure"))
    if problem:
        problems["procedure"] = problem
    elif not procedure_code:
        problems["procedure"] = "Chưa chọn thủ tục hành chính."
    elif not refs.has_procedure(procedure_code):
        problems["procedure"] = f"Thủ tục mã {procedure_code} không có trong danh mục."
    procedure_code = procedure_code or ""

    applicant = parse_party(raw.get("applicant"), "applicant", problems, refs, today,
                            require_id=True)
    owner = None
    if raw.get("owner") is not None:
        owner = parse_party(raw.get("owner"), "owner", problems, refs, today, require_id=False)
    if applicant is not None and not applicant.address:
        problems.setdefault("applicant.address", "Địa chỉ không được để trống.")

    documents = parse_documents(raw.get("documents"), problems)
    pages = _count(raw, "pages", "", problems, 1)
    sets = _count(raw, "sets", "", problems, 1)
    try:
        channel_raw = raw.get("channel", 1)
        if isinstance(channel_raw, bool) or not isinstance(channel_raw, int):
            raise ValueError("not a channel")
        channel = Channel(channel_raw)
    except ValueError:
        problems["channel"] = (
            "Kênh tiếp nhận phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính)."
        )
        channel = Channel.IN_PERSON
    try:
        delivery_raw = raw.get("delivery", "counter")
        if not isinstance(delivery_raw, str):
            raise ValueError("not a delivery")
        delivery = Delivery(delivery_raw)
    except ValueError:
        problems["delivery"] = "Nơi nhận kết quả phải là 'counter' hoặc 'post'."
        delivery = Delivery.COUNTER
    note = _text(raw, "note", "", problems)
    payment = parse_payment(raw.get("payment"), problems)
    if problems or applicant is None:
        raise IntakeError(problems)
    return IntakeDraft(
        procedure_code=procedure_code,
        applicant=applicant,
        owner=owner,
        documents=documents,
        pages=pages,
        sets=sets,
        channel=channel,
        delivery=delivery,
        note=note or "",
        payment=payment,
    )

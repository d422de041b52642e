"""Every input's limit, in one table, and the checks that name the field in Vietnamese (issue 9.2).

The same table serves the intake request (`intake.parse_intake`: the window's form and
`intake-app receive --json`), the steps after receipt (`lifecycle`), the catalogue file
(`procedures.parse_catalogue`) and the window's editors (`setMaxLength`, spin-box ranges).
Each limit says why it is what it is (`why`): a field must hold what the official form and
real data need, and what the app prints from it must fit its place on the page.

What a text field accepts (`check_text`):

* Unicode text only: a lone surrogate (``"Nguy\\ud800n"``, what a broken file or a bad
  converter leaves) is refused, as it cannot be stored or printed.
* No control characters (tab, line feed, NUL, …; multi-line reasons may hold line breaks and
  tabs, which become single spaces) and no bidirectional controls (U+202A–U+202E,
  U+2066–U+2069, LRM/RLM/ALM: they make printed text read in another order than stored).
* Something visible: a text made only of invisible characters (zero-width spaces, joiners,
  combining marks without a letter, spaces) is refused. Invisible characters *inside* a name
  are kept as typed (the value is stored NFC, otherwise unchanged); the search folds them
  away (`text.fold`) and the printed documents leave them out.
* At most `max_chars` characters, counted after NFC and after trimming and collapsing spaces
  (`text.nfc`), which is what is stored.

A count (`check_count`) is a whole number (not a boolean, not a fraction, not a string) from
`minimum` to `maximum`; a number too large for the form (10²⁰ copies) is refused by the same
rule, before any arithmetic can overflow.

>>> check_text("applicant.name", "  Nguyễn   Văn Đức ")
('Nguyễn Văn Đức', None)
>>> check_text("applicant.name", "Nguy\\u202eễn")[1]
'có ký tự đổi chiều văn bản U+202E, không được phép.'
>>> label("documents[2].copies")
'Số bản của giấy tờ thứ 3'
>>> check_count("sets", 10**20)
(None, 'phải là số nguyên từ 1 đến 99 (đã nhập một số có 21 chữ số).')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .text import is_invisible, nfc

# ---- the limits ------------------------------------------------------------------------------

#: A person's full name: what one line of the receipt holds in bold 12 pt Tinos, mixed case
#: (about 74 letters on the 151 mm after "Ông/Bà:"); Vietnamese names run 2–7 words, rarely
#: past 40 letters.
PERSON_NAME_CHARS = 70
#: An organisation's name (công ty, hợp tác xã, hộ kinh doanh): long legal names reach ~120
#: letters ("Công ty Trách nhiệm hữu hạn Một thành viên Thương mại Dịch vụ Xuất nhập khẩu …");
#: two lines of the receipt.
ORGANISATION_NAME_CHARS = 150
#: The street part of an address (số nhà, đường, thôn, tổ dân phố), without the commune and
#: province picked from the lists: the longest permanent addresses read from a chip ID card's
#: QR code, with their pre-2025 district, are under 150 letters; the receipt gives the address
#: with its commune and province three lines.
ADDRESS_CHARS = 200
#: An email: a local part is at most 64 characters (RFC 5321); real ones are under 40. Printed
#: on its own line, broken only after "@" or "." when longer than the line.
EMAIL_CHARS = 100
#: What a person types before the ID number or phone is normalised: 12 digits (or a passport's
#: 9 letters) with spaces; a phone of 11 digits with "+84", spaces and dots.
ID_NUMBER_CHARS = 20
PHONE_CHARS = 20
#: A paper's name: the national catalogue names components with their legal qualifiers
#: ("Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền
#: với đất (trường hợp …)"); 300 letters is four lines of the receipt's table.
DOCUMENT_NAME_CHARS = 300
#: Papers of one dossier: commune procedures ask for 1–10 components; 50 leaves room for a
#: dossier with many annexes and keeps the receipt to a few pages (10,000 made 639 pages).
DOCUMENTS_MAX = 50
#: Copies of one paper: three digits fit the receipt's count columns; a company certifying
#: copies for a tender brings a few hundred at most.
COPIES_MAX = 999
#: Pages of one paper (the fee of chứng thực counts them): four digits, as the window's box.
PAGES_MAX = 9999
#: Sets (bộ) of one dossier: the receipt prints two digits ("02 bộ").
SETS_MAX = 99
#: The clerk's note on a dossier: a few sentences; the daily log prints it in its "Ghi chú"
#: column and the province receives it in the event (a 50 MB note made an event the contract
#: refuses).
NOTE_CHARS = 500
#: A reason on a slip (supplement, refusal, stop, delay): a paragraph, about twelve lines of
#: the slip; typed in a multi-line box.
REASON_CHARS = 1000
#: An officer, a unit or a counter named in a hand-over or as responsible for a delay.
UNIT_NAME_CHARS = 150
#: A procedure's name: the longest names of the national catalogue (joint procedures,
#: "Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo
#: hiểm y tế cho trẻ em dưới 6 tuổi") are about 200 letters; 300 is four lines on the receipt.
PROCEDURE_NAME_CHARS = 300
#: A field (lĩnh vực) name, a fee's label: one line of report 06a's field column, two at most.
FIELD_NAME_CHARS = 150
FEE_LABEL_CHARS = 150
FEE_NOTE_CHARS = 300
#: Short codes: a field code, a component code (MaThanhPhanHoSo), a procedure code as typed.
CODE_CHARS = 50
PROCEDURE_NOTE_CHARS = 1000
#: A processing time: the longest statutory times at commune level are 30–45 days (land);
#: one year is the most any procedure is given. Working hours: a year of 8-hour days.
TIME_DAYS_MAX = 365
TIME_HOURS_MAX = 8 * 365
#: One amount of money in the catalogue (a fee, a price per page, a cap per copy): commune
#: fees are thousands to hundreds of thousands of đồng; 100 million is far above any of them
#: and keeps every total well inside what the documents print.
MONEY_MAX = 100_000_000
FEE_TIERS_MAX = 10
#: Procedures in one catalogue file: the national catalogue has about 2,000 commune-level
#: procedures; 10,000 is every level.
CATALOGUE_PROCEDURES_MAX = 10_000
#: Files read by the app: a request is a few kilobytes (1 MiB is 50 papers of the longest name
#: many times over); the national catalogue as JSON is about 10 MB. JSON nesting: a request
#: is 3 levels deep, a catalogue 5.
REQUEST_FILE_BYTES = 1 << 20
CATALOGUE_FILE_BYTES = 32 << 20
JSON_DEPTH_MAX = 20


@dataclass(frozen=True)
class TextLimit:
    """A text field: its Vietnamese name, its longest length, whether it may hold lines."""

    label: str
    max_chars: int
    why: str = ""
    multiline: bool = False


@dataclass(frozen=True)
class CountLimit:
    """A whole number (a count, an amount of money, a time): its Vietnamese name and range."""

    label: str
    minimum: int
    maximum: int
    why: str = ""
    unit: str = ""  # printed after the numbers: "ký tự", "đồng", …


Limit = TextLimit | CountLimit


def _party(prefix: str, who: str) -> dict[str, Limit]:
    return {
        f"{prefix}.name": TextLimit(f"Họ và tên {who}", PERSON_NAME_CHARS,
                                    "one line of the receipt"),
        f"{prefix}.organisation_name": TextLimit(f"Tên tổ chức ({who})",
                                                 ORGANISATION_NAME_CHARS,
                                                 "two lines of the receipt"),
        f"{prefix}.id_number": TextLimit(f"Số định danh của {who}", ID_NUMBER_CHARS,
                                         "12 digits or a passport number, with spaces"),
        f"{prefix}.phone": TextLimit(f"Số điện thoại của {who}", PHONE_CHARS,
                                     "11 digits with +84 and separators"),
        f"{prefix}.email": TextLimit(f"Email của {who}", EMAIL_CHARS,
                                     "RFC 5321 local part 64; one line, broken after @ or ."),
        f"{prefix}.address": TextLimit(f"Địa chỉ của {who}", ADDRESS_CHARS,
                                       "three lines of the receipt with commune and province"),
        f"{prefix}.province_code": TextLimit(f"Mã tỉnh, thành phố của {who}", 10, "2 digits"),
        f"{prefix}.commune_code": TextLimit(f"Mã xã, phường của {who}", 10, "5 digits"),
        f"{prefix}.birth_date": TextLimit(f"Ngày sinh của {who}", 10, "YYYY-MM-DD"),
        f"{prefix}.id_type": TextLimit(f"Loại giấy tờ của {who}", 20,
                                       "cccd, passport, tax_code or none"),
        f"{prefix}.old_id_number": TextLimit(f"Số CMND cũ của {who}", ID_NUMBER_CHARS,
                                             "9 digits, with spaces"),
    }


#: The one table: every field a person or a file can fill in, by its path in the request
#: (indices written ``[]``).
LIMITS: dict[str, Limit] = {
    # ---- the intake request (window form, `receive --json`) ----
    "procedure": TextLimit("Mã thủ tục hành chính", CODE_CHARS, "a code like 2.000815"),
    **_party("applicant", "người nộp"),
    **_party("owner", "chủ hồ sơ"),
    "documents": CountLimit("Số giấy tờ của hồ sơ", 0, DOCUMENTS_MAX, "a few pages of receipt",
                            "giấy tờ"),
    "documents[].name": TextLimit("Tên giấy tờ", DOCUMENT_NAME_CHARS, "four table lines"),
    "documents[].copies": CountLimit("Số bản", 1, COPIES_MAX, "three-digit count columns"),
    "documents[].pages": CountLimit("Số trang", 1, PAGES_MAX, "the window's four digits"),
    "documents[].component_code": TextLimit("Mã thành phần hồ sơ", CODE_CHARS, "a code"),
    "pages": CountLimit("Số trang", 1, PAGES_MAX, "the window's four digits"),
    "sets": CountLimit("Số bộ hồ sơ", 1, SETS_MAX, "two digits on the receipt"),
    "note": TextLimit("Ghi chú", NOTE_CHARS, "the log's note column; the event's size"),
    "payment": TextLimit("Hình thức thanh toán phí, lệ phí", 20, "a method's name"),
    "payment.method": TextLimit("Hình thức thanh toán phí, lệ phí", 20, "a method's name"),
    "payment.exempt_reason": TextLimit("Lý do miễn phí, lệ phí", FEE_NOTE_CHARS,
                                       "two lines of the receipt's payment line"),
    "clerk": TextLimit("Tên người tiếp nhận", PERSON_NAME_CHARS, "a person's name"),
    # ---- the station (`init`, the set-up dialog) ----
    "station.unit_name": TextLimit("Tên đơn vị", UNIT_NAME_CHARS,
                                   "the slips' header column, two or three lines"),
    "station.office_name": TextLimit("Tên bộ phận tiếp nhận", 60, "one header line"),
    # ---- steps after receipt (`step`, `extend`, the step dialogs) ----
    "step.note": TextLimit("Lý do, ghi chú của bước xử lý", REASON_CHARS,
                           "a paragraph of the slip", multiline=True),
    "step.to_unit": TextLimit("Nơi nhận hồ sơ", UNIT_NAME_CHARS, "a unit's name"),
    "step.documents": CountLimit("Số giấy tờ cần bổ sung", 0, DOCUMENTS_MAX, "as the receipt",
                                 "giấy tờ"),
    "step.documents[].name": TextLimit("Tên giấy tờ cần bổ sung", DOCUMENT_NAME_CHARS,
                                       "as the receipt's table"),
    "step.documents[].copies": CountLimit("Số bản của giấy tờ cần bổ sung", 1, COPIES_MAX,
                                          "as the receipt"),
    "step.receiver_name": TextLimit("Họ tên người nhận kết quả", PERSON_NAME_CHARS,
                                    "a person's name"),
    "step.receiver_id_number": TextLimit("Số định danh người nhận kết quả", ID_NUMBER_CHARS,
                                         "as the applicant's"),
    "extend.reason": TextLimit("Lý do chậm trả kết quả", REASON_CHARS, "a paragraph",
                               multiline=True),
    "extend.responsible": TextLimit("Đơn vị, cá nhân để xảy ra chậm trễ", UNIT_NAME_CHARS,
                                    "a unit's name"),
    # ---- correcting a stamped dossier (`correct`, the dossier window's "Sửa thông tin…") ----
    "correction.reason": TextLimit("Lý do sửa thông tin hồ sơ", REASON_CHARS,
                                   "a paragraph; the history and the log's seal keep it",
                                   multiline=True),
    "provincial_fee.amount": CountLimit("Mức thu theo Nghị quyết của HĐND tỉnh", 0, MONEY_MAX,
                                        "far above any fee", "đồng"),
    "provincial_fee.basis": TextLimit("Căn cứ (Nghị quyết của HĐND tỉnh)", FEE_NOTE_CHARS,
                                      "the receipt's fee note: two lines"),
    # ---- the catalogue file (`catalogue import`) ----
    "procedures": CountLimit("Số thủ tục trong tệp danh mục", 1, CATALOGUE_PROCEDURES_MAX,
                             "every level of the national catalogue", "thủ tục"),
    "procedures[].name": TextLimit("Tên thủ tục", PROCEDURE_NAME_CHARS, "four receipt lines"),
    "procedures[].field_code": TextLimit("Mã lĩnh vực", CODE_CHARS, "a code"),
    "procedures[].field_name": TextLimit("Tên lĩnh vực", FIELD_NAME_CHARS, "06a's column"),
    "procedures[].note": TextLimit("Ghi chú của thủ tục", PROCEDURE_NOTE_CHARS, "a paragraph"),
    "procedures[].lead_unit": TextLimit("Cơ quan chủ trì giải quyết", UNIT_NAME_CHARS,
                                        "a unit's name; the log's column"),
    "procedures[].time.amount@working_days": CountLimit(
        "Thời hạn giải quyết (ngày làm việc)", 1, TIME_DAYS_MAX, "one year", "ngày"),
    "procedures[].time.amount@calendar_days": CountLimit(
        "Thời hạn giải quyết (ngày)", 1, TIME_DAYS_MAX, "one year", "ngày"),
    "procedures[].time.amount@working_hours": CountLimit(
        "Thời hạn giải quyết (giờ làm việc)", 1, TIME_HOURS_MAX, "a year of 8-hour days", "giờ"),
    "procedures[].fee.amount": CountLimit("Mức phí, lệ phí", 0, MONEY_MAX, "far above any fee",
                                          "đồng"),
    "procedures[].fee.tiers": CountLimit("Số bậc giá theo trang", 1, FEE_TIERS_MAX,
                                         "two tiers in law", "bậc"),
    "procedures[].fee.tiers[].from_page": CountLimit("Trang bắt đầu của bậc giá", 1, PAGES_MAX,
                                                     "as pages"),
    "procedures[].fee.tiers[].price": CountLimit("Giá mỗi trang", 0, MONEY_MAX, "money",
                                                 "đồng"),
    "procedures[].fee.cap_per_copy": CountLimit("Mức thu tối đa mỗi bản", 0, MONEY_MAX,
                                                "money", "đồng"),
    "procedures[].fee.label": TextLimit("Tên khoản phí, lệ phí", FEE_LABEL_CHARS, "one line"),
    "procedures[].fee.note": TextLimit("Căn cứ thu phí, lệ phí", FEE_NOTE_CHARS, "two lines"),
    "procedures[].components": CountLimit("Số thành phần hồ sơ", 0, DOCUMENTS_MAX,
                                          "as a dossier's papers", "thành phần"),
    "procedures[].components[].name": TextLimit("Tên thành phần hồ sơ", DOCUMENT_NAME_CHARS,
                                                "as a paper's name"),
    "procedures[].components[].copies": CountLimit("Số bản của thành phần hồ sơ", 1,
                                                   COPIES_MAX, "as a paper"),
    "procedures[].components[].code": TextLimit("Mã thành phần hồ sơ", CODE_CHARS, "a code"),
}

_INDEX_RE = re.compile(r"\[(\d+)\]")

# How a position in a list is said: documents[2] → "giấy tờ thứ 3".
_ITEM_WORDS = {
    "documents": "giấy tờ",
    "procedures": "thủ tục",
    "components": "thành phần",
    "tiers": "bậc giá",
}


def generic(path: str) -> str:
    """`documents[2].copies` → `documents[].copies`: the table's key of a concrete path."""
    return _INDEX_RE.sub("[]", path)


def limit_of(path: str) -> Limit:
    return LIMITS[generic(path)]


def label(path: str) -> str:
    """The Vietnamese name of the field at `path`, with the positions it sits at.

    >>> label("procedures[3].components[0].name")
    'Tên thành phần hồ sơ (thủ tục thứ 4, thành phần thứ 1)'
    """
    key = generic(path)
    entry = LIMITS.get(key) or LIMITS.get(key.split("@")[0])
    name = entry.label if entry else path
    places = [
        f"{_ITEM_WORDS.get(part, part)} thứ {int(index) + 1}"
        for part, index in re.findall(r"(\w+)\[(\d+)\]", path)
    ]
    if path.startswith("documents[") and path.count("[") == 1:
        return f"{name} của {places[0]}"
    return f"{name} ({', '.join(places)})" if places else name


# ---- text --------------------------------------------------------------------------------------

#: Bidirectional controls: embeddings, overrides, isolates and the invisible direction marks.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")
_MULTILINE_SPACES = frozenset("\t\n\r")


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def text_problem(value: str, entry: TextLimit) -> str | None:
    """Why `value` cannot be taken for a field limited by `entry` (Vietnamese), or None."""
    for char in value:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            return (f"không phải văn bản Unicode hợp lệ (có mã {_code_point(char)} đứng "
                    "một mình); hãy gõ lại hoặc lưu tệp bằng UTF-8.")
        if char in BIDI_CONTROLS:
            return f"có ký tự đổi chiều văn bản {_code_point(char)}, không được phép."
        category = unicodedata.category(char)
        if category == "Cc" and not (entry.multiline and char in _MULTILINE_SPACES):
            return (f"có ký tự điều khiển {_code_point(char)} (không in được), "
                    "không được phép.")
        if category == "Cn" or (code & 0xFFFE) == 0xFFFE:
            return f"có mã {_code_point(char)} không phải là chữ, không được phép."
    cleaned = nfc(value)
    if cleaned and all(is_invisible(char) for char in cleaned):
        return "chỉ gồm ký tự không nhìn thấy được (khoảng trắng ẩn, dấu thanh đứng riêng)."
    if len(cleaned) > entry.max_chars:
        return (f"dài quá {entry.max_chars:,} ký tự (đã nhập {len(cleaned):,} ký tự).".replace(
            ",", "."))
    return None


def check_text(path: str, value: Any, *, entry: TextLimit | None = None,
               ) -> tuple[str | None, str | None]:
    """(the value as stored, None) or (None, the Vietnamese reason it is refused).

    None and blank text give (None, None): whether the field is required is the caller's
    rule. The stored value is `text.nfc` of what was given.
    """
    if value is None:
        return None, None
    if not isinstance(value, str):
        return None, "phải là chuỗi ký tự."
    limit = entry or limit_of(path)
    assert isinstance(limit, TextLimit), path
    problem = text_problem(value, limit)
    if problem:
        return None, problem
    return nfc(value) or None, None


def _number_said(value: int) -> str:
    digits = len(str(abs(value))) if abs(value) < 10**100 else 101
    if digits > 15:
        return f"một số có {digits if digits <= 100 else 'hơn 100'} chữ số"
    return f"{value:,}".replace(",", ".")


def check_count(path: str, value: Any, *, entry: CountLimit | None = None,
                ) -> tuple[int | None, str | None]:
    """(the whole number, None) or (None, the Vietnamese reason it is refused).

    Only a JSON/Python integer is taken: not a boolean, not 2.0, not "2".
    """
    limit = entry or limit_of(path)
    assert isinstance(limit, CountLimit), path
    low, high = limit.minimum, limit.maximum
    span = f"từ {_number_said(low)} đến {_number_said(high)}"
    if limit.unit:
        span += f" {limit.unit}"
    if isinstance(value, bool) or not isinstance(value, int):
        return None, f"phải là số nguyên {span}."
    if not low <= value <= high:
        return None, f"phải là số nguyên {span} (đã nhập {_number_said(value)})."
    return value, None


def problems_message(problems: dict[str, str], *, lead: str = "") -> str:
    """One Vietnamese text naming every refused field: "Họ và tên người nộp: dài quá …".

    >>> problems_message({"sets": "phải là số nguyên từ 1 đến 99."}, lead="Chưa lưu")
    'Chưa lưu: Số bộ hồ sơ: phải là số nguyên từ 1 đến 99.'
    """
    parts = [f"{label(path)}: {reason}" for path, reason in problems.items()]
    text = " ".join(part if part.endswith(".") else part + "." for part in parts)
    return f"{lead}: {text}" if lead else text


def checked_text(path: str, value: Any) -> str:
    """`value` as stored, or InvalidInput naming the field ("Tên người tiếp nhận: …").

    >>> checked_text("clerk", "Lê Thị\\tHoa")
    Traceback (most recent call last):
    ...
    intake_app.domain.errors.InvalidInput: Tên người tiếp nhận: có ký tự điều khiển U+0009 \
(không in được), không được phép.
    """
    from .errors import InvalidInput

    cleaned, problem = check_text(path, value)
    if problem:
        raise InvalidInput(problems_message({path: problem}), f"{path} refused", {path: problem})
    return cleaned or ""


def max_chars(path: str) -> int:
    """The longest text of the field at `path` (for a window's `setMaxLength`)."""
    entry = limit_of(path)
    assert isinstance(entry, TextLimit), path
    return entry.max_chars


def count_range(path: str) -> tuple[int, int]:
    """The smallest and largest number of the field at `path` (for a spin box's range)."""
    entry = limit_of(path)
    assert isinstance(entry, CountLimit), path
    return entry.minimum, entry.maximum

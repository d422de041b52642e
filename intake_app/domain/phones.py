"""Vietnamese telephone numbers, stored in the national form that starts with 0.

* mobile: ``0`` + ``3|5|7|8|9`` + 8 digits (10 digits; the 11-digit ``01x`` numbers were
  moved to ``03x/05x/07x/08x`` in 2018);
* landline: ``02`` + 9 digits (11 digits; area codes ``2xx`` since 2017).

Spaces, dots, dashes and parentheses are allowed, and so is a ``+84`` or ``84`` prefix.

>>> normalize_phone("+84 912.345.678")
'0912345678'
>>> normalize_phone("(028) 3822 1234")
'02838221234'
"""

from __future__ import annotations

import re

_ALLOWED_RE = re.compile(r"\+?[0-9.\-()]*")
_SEPARATORS_RE = re.compile(r"[.\-()]")
MOBILE_RE = re.compile(r"0[35789][0-9]{8}")
LANDLINE_RE = re.compile(r"02[0-9]{9}")


def _analyse(value: str) -> tuple[str | None, str | None]:
    """(national form, None) for a valid number, (None, Vietnamese problem) otherwise."""
    compact = "".join(value.split())
    if not compact:
        return None, "Chưa nhập số điện thoại."
    if not _ALLOWED_RE.fullmatch(compact):
        return None, (
            "Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, gạch ngang, "
            "ngoặc đơn và tiền tố +84."
        )
    digits = _SEPARATORS_RE.sub("", compact)
    if digits.startswith("+"):
        if not digits.startswith("+84"):
            return None, "Chỉ nhận số điện thoại Việt Nam (mã quốc gia +84)."
        digits = digits[1:]
    if digits.startswith("84"):
        rest = digits[2:]
        # "+84 (0) 912 …": the trunk 0 written after the country code
        digits = rest if rest.startswith("0") else "0" + rest
    if not digits.startswith("0"):
        return None, "Số điện thoại phải bắt đầu bằng 0 hoặc +84."
    if MOBILE_RE.fullmatch(digits) or LANDLINE_RE.fullmatch(digits):
        return digits, None
    if digits.startswith("01"):
        return None, (
            "Đầu số 01x không còn dùng: từ năm 2018 các số di động 11 chữ số đã chuyển sang "
            "đầu số 03x, 05x, 07x, 08x."
        )
    if digits.startswith("02"):
        return None, (
            f"Số điện thoại cố định phải gồm đúng 11 chữ số, bắt đầu bằng 02 "
            f"(số đã nhập có {len(digits)} chữ số)."
        )
    if digits[1:2] in ("3", "5", "7", "8", "9"):
        return None, (
            f"Số điện thoại di động phải gồm đúng 10 chữ số (số đã nhập có {len(digits)} chữ số)."
        )
    return None, (
        f"Đầu số {digits[:2] or '0'} không phải đầu số di động (03, 05, 07, 08, 09) "
        "hay cố định (02) của Việt Nam."
    )


def normalize_phone(value: str) -> str:
    """The national form ('+84 912 345 678' → '0912345678'); ValueError (Vietnamese) if invalid."""
    number, problem = _analyse(value)
    if number is None:
        raise ValueError(problem)
    return number


def check_phone(value: str) -> list[str]:
    """The problems with a phone number, as Vietnamese sentences; [] when valid."""
    _, problem = _analyse(value)
    return [problem] if problem else []

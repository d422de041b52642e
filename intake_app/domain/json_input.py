"""Reading a JSON document a person hands the app (an intake request, a catalogue file).

Pure: it takes the file's bytes. A file is taken when it is UTF-8 text, with or without a
byte-order mark, within its size limit and nested no deeper than `limits.JSON_DEPTH_MAX`.
Anything else is refused with a Vietnamese message that says what is wrong and what to do
(`FileRefused`, an `InvalidInput`): a file saved by Windows Notepad as "Unicode" (UTF-16) or
"ANSI" (Windows-1258 on a Vietnamese PC) is named as such, a file too big or nested too deep
is refused before it is parsed (no RecursionError, no memory blow-up), and a number with
hundreds of digits or NaN is refused instead of becoming an error deep in the app.

>>> parse_json_bytes(b'\\xef\\xbb\\xbf{"a": [1]}', what="Tệp yêu cầu", max_bytes=100)
{'a': [1]}
>>> parse_json_bytes('{"a": 1}'.encode("utf-16"), what="Tệp yêu cầu", max_bytes=100)
Traceback (most recent call last):
...
intake_app.domain.json_input.FileRefused: Tệp yêu cầu được lưu bằng mã UTF-16 (Notepad gọi là \
"Unicode"), không phải UTF-8. Hãy mở tệp và lưu lại với mã hóa UTF-8 (Notepad: Tệp → Lưu thành… \
→ Mã hóa: UTF-8).
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import InvalidInput
from .limits import JSON_DEPTH_MAX

UTF8_BOM = b"\xef\xbb\xbf"
_SAVE_AS_UTF8 = ("Hãy mở tệp và lưu lại với mã hóa UTF-8 (Notepad: Tệp → Lưu thành… → "
                 "Mã hóa: UTF-8).")
#: Digits of the longest number a document may hold: money and counts have at most 9, so a
#: longer number is refused by its field's limit (naming the field); past 100 digits the file
#: is refused as a whole (Python refuses to read numbers past 4,300 digits at all).
NUMBER_DIGITS_MAX = 100
_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS_RE = re.compile(r"[\[\]{}]")


class FileRefused(InvalidInput):
    """A file the app cannot read as its JSON document; the message says why in Vietnamese."""


def size_text(size: int) -> str:
    """'1 MB', '52,4 MB', '900 byte' in Vietnamese notation."""
    if size < 1024:
        return f"{size} byte"
    if size < 1 << 20:
        return f"{size / 1024:.0f} kB"
    mb = size / (1 << 20)
    text = f"{mb:.0f}" if mb >= 10 or mb == int(mb) else f"{mb:.1f}".replace(".", ",")
    return f"{text} MB"


def _encoding_problem(data: bytes, what: str) -> str | None:
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return f"{what} được lưu bằng mã UTF-32, không phải UTF-8. {_SAVE_AS_UTF8}"
    head = data[:200]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) >= 2 and head.count(0)
                                                        >= len(head) // 4):
        return (f'{what} được lưu bằng mã UTF-16 (Notepad gọi là "Unicode"), không phải '
                f"UTF-8. {_SAVE_AS_UTF8}")
    return None


def decode_text(data: bytes, *, what: str) -> str:
    """The document's text: UTF-8, a leading byte-order mark removed; else FileRefused."""
    problem = _encoding_problem(data, what)
    if problem:
        raise FileRefused(problem, "file is UTF-16/32, not UTF-8")
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            data.decode("cp1258")
            guess = ('có vẻ được lưu bằng bảng mã Windows-1258 (Notepad gọi là "ANSI")')
        except UnicodeDecodeError:
            guess = "không phải văn bản UTF-8"
        raise FileRefused(
            f"{what} {guess}: byte thứ {exc.start + 1} không đọc được bằng UTF-8. "
            f"{_SAVE_AS_UTF8}",
            f"not UTF-8 at byte {exc.start}",
        ) from None


def nesting_depth(text: str) -> int:
    """How deep the arrays and objects of a JSON text nest (strings skipped), without parsing.

    >>> nesting_depth('{"a": [[1], "]]]"]}')
    3
    """
    depth = deepest = 0
    for bracket in _BRACKETS_RE.findall(_STRING_RE.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _refuse_constant(what: str) -> Any:
    def refuse(name: str) -> Any:
        raise FileRefused(f"{what} có giá trị {name}, không phải một số; hãy ghi một số.",
                          f"JSON constant {name}")
    return refuse


def _integer(what: str) -> Any:
    def integer(digits: str) -> int:
        length = len(digits.lstrip("-"))
        if length > NUMBER_DIGITS_MAX:
            raise FileRefused(
                f"{what} có một số dài {length} chữ số; không trường nào cần số dài quá "
                f"{NUMBER_DIGITS_MAX} chữ số.",
                "number with too many digits",
            )
        return int(digits)
    return integer


def too_big(what: str, max_bytes: int, size: int | None = None) -> FileRefused:
    """The refusal of a file over `max_bytes` (`size`: its real size, when known)."""
    said = size_text(size) if size is not None else f"hơn {size_text(max_bytes)}"
    return FileRefused(f"{what} quá lớn: {said} (tối đa {size_text(max_bytes)}).",
                       f"file over {max_bytes} bytes")


def parse_json_bytes(data: bytes, *, what: str, max_bytes: int,
                     max_depth: int = JSON_DEPTH_MAX) -> Any:
    """The JSON document in `data`, or FileRefused naming `what` ("Tệp yêu cầu tiếp nhận").

    A reader that stops after `max_bytes + 1` bytes hands those: they are refused as too big.
    """
    if len(data) > max_bytes:
        raise too_big(what, max_bytes)
    text = decode_text(data, what=what)
    if not text.strip():
        raise FileRefused(f"{what} trống.", "empty file")
    depth = nesting_depth(text)
    if depth > max_depth:
        raise FileRefused(
            f"{what} lồng nhau quá sâu ({depth} tầng; tối đa {max_depth}): đây không phải "
            "một tệp của ứng dụng.",
            f"JSON nested {depth} deep",
        )
    try:
        return json.loads(text, parse_int=_integer(what), parse_constant=_refuse_constant(what))
    except json.JSONDecodeError as exc:
        raise FileRefused(
            f"{what} không phải JSON hợp lệ: lỗi cú pháp ở dòng {exc.lineno}, cột {exc.colno}.",
            f"invalid JSON: {exc}",
        ) from None
    except RecursionError:  # pragma: no cover - the depth is checked first
        raise FileRefused(f"{what} lồng nhau quá sâu.", "JSON recursion") from None

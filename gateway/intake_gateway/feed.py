"""Cursors of the updates feed: opaque to stations, a position in the updates table to us."""

from __future__ import annotations

import base64
import binascii

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
_PREFIX = "u1:"


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The position after which to read; ValueError when the cursor is not one of ours."""
    if cursor is None:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeError, ValueError) as exc:
        raise ValueError("not a cursor given by this gateway") from exc
    number = text[len(_PREFIX):]
    if not text.startswith(_PREFIX) or not number.isdigit() or not number.isascii() \
            or len(number) > 18:
        raise ValueError("not a cursor given by this gateway")
    return int(number)

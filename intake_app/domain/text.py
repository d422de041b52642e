"""Vietnamese text at the boundaries: NFC storage and accent-free folding for search.

>>> fold("Nguyễn Văn Đức")
'nguyen van duc'
>>> fold("Nguy\\u200bễn\\u00adVăn")  # a zero-width space or soft hyphen does not hide a name
'nguyenvan'
"""

from __future__ import annotations

import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """NFC form with surrounding white space removed and inner runs of spaces collapsed.

    Unikey and IBus can type either composed or decomposed letters; reportlab draws decomposed
    accents beside their letters, so every string is stored composed.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def nfc_or_none(text: str | None) -> str | None:
    """`nfc` for optional fields: None and blank strings become None."""
    if text is None:
        return None
    cleaned = nfc(text)
    return cleaned or None


def is_invisible(char: str) -> bool:
    """A character that shows nothing by itself: a format character (zero-width space and
    joiners, soft hyphen, word joiner, byte-order mark…), a combining mark, or a space."""
    return unicodedata.category(char) in ("Cf", "Mn", "Me", "Zs", "Zl", "Zp") or char.isspace()


def without_format_characters(text: str) -> str:
    """`text` without its format characters (category Cf: zero-width space, soft hyphen…):
    what a reader sees, for search and for print. Letters and their marks stay."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def fold(text: str) -> str:
    """Lower-case, accent-free form: `đ` becomes `d` (it has no Unicode decomposition).

    Invisible format characters are dropped first, so that a zero-width space typed or pasted
    inside a name does not split it into two words the search cannot match.
    """
    decomposed = unicodedata.normalize("NFD", without_format_characters(text).translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())

"""Vietnamese text at the boundaries: NFC storage and accent-free folding for search.

>>> fold("Nguyễn Văn Đức")
'nguyen van duc'
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


def fold(text: str) -> str:
    """Lower-case, accent-free form: `đ` becomes `d` (it has no Unicode decomposition)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())

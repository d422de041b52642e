"""The bundled Tinos family (Times New Roman metrics, every Vietnamese letter) for reportlab.

reportlab's built-in Helvetica/Times have no Vietnamese glyphs, so every style of every PDF
names these fonts. Registration parses four TrueType files; it happens once per process.
"""

from __future__ import annotations

import struct
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..domain.errors import StorageProblem
from ..paths import resources_dir

FAMILY = "Tinos"
REGULAR = "Tinos"
BOLD = "Tinos-Bold"
ITALIC = "Tinos-Italic"
BOLD_ITALIC = "Tinos-BoldItalic"

_FILES = {
    REGULAR: "Tinos-Regular.ttf",
    BOLD: "Tinos-Bold.ttf",
    ITALIC: "Tinos-Italic.ttf",
    BOLD_ITALIC: "Tinos-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


class FontsMissing(StorageProblem):
    """A bundled font file is missing or unreadable: no document can be printed."""

    def __init__(self, path: Path, detail: str):
        super().__init__(
            f"Thiếu tệp phông chữ {path.name} (hoặc tệp bị hỏng) trong thư mục cài đặt "
            f"{path.parent}: ứng dụng không in được giấy tờ. Hãy cài lại ứng dụng từ bộ cài "
            "chính thức.", f"bundled font missing or unreadable: {path}: {detail}")
        self.path = path


def fonts_dir() -> Path:
    """`resources/fonts`, wherever the resources are (checkout, bundle or override)."""
    return resources_dir() / "fonts"


def register_fonts() -> str:
    """Register the Tinos family with reportlab (once per process) and return its name.

    Paragraph markup `<b>`/`<i>` then picks the bold and italic faces by itself.
    """
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        folder = fonts_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            if not path.is_file():
                raise FontsMissing(path, "no such file")
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (TTFError, OSError, ValueError, struct.error) as exc:  # a damaged file
                raise FontsMissing(path, f"{type(exc).__name__}: {exc}") from exc
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
    return FAMILY

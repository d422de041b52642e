"""The bundled window font (Arimo), loaded at start so the app looks the same on every PC."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..paths import resources_dir

log = logging.getLogger(__name__)

FONT_FAMILY = "Arimo"
FONT_FILES = ("Arimo-Regular.ttf", "Arimo-Bold.ttf")
POINT_SIZE = 10


def load_fonts(app: QApplication, point_size: int = POINT_SIZE) -> str | None:
    """Register the bundled fonts and make Arimo the application font.

    Returns the family that was set, or None when no bundled file could be loaded (the
    platform's default font stays; Vietnamese letters may then show as boxes).
    """
    families: set[str] = set()
    for name in FONT_FILES:
        path = resources_dir() / "fonts" / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the bundled font %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FONT_FAMILY not in families:
        return None
    font = QFont(FONT_FAMILY, point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    return FONT_FAMILY

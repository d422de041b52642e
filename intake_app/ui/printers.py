"""The PC's printers as Qt sees them (QtPrintSupport): the default one, and a test page."""

from __future__ import annotations

import os
import sys


def display_available() -> bool:
    """Whether a Qt GUI application can start here (Linux needs a display or a platform)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


def printers() -> tuple[str | None, list[str]] | None:
    """(the default printer's name or None, every printer's name); None when no Qt GUI
    application can be made (a headless command line). Offscreen Qt sees no printer."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not display_available():
            return None
        from .app import create_application

        create_application()
    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinter()
    return (None if default.isNull() else default.printerName(),
            list(QPrinterInfo.availablePrinterNames()))

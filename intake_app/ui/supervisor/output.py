"""After a file is written: open it with the PC's own program, or print a PDF.

The log and the report are A4 landscape and may run to many pages: the sheet is turned to
match the first page, and `ui/printing.print_pdf` renders one page at a time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ..printing import is_landscape, new_receipt_printer, print_pdf


def open_file(path: Path) -> bool:
    """Open the file with the program the PC uses for it (PDF reader, Excel…)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_folder(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def printer_for(pdf_path: Path) -> QPrinter:
    """An A4 printer turned like the document's first page."""
    return new_receipt_printer(1, pdf_path.name, landscape=is_landscape(pdf_path))


def print_document(pdf_path: Path, parent: QWidget | None = None) -> bool | None:
    """Ask for the printer, then print every page; None if cancelled, False if it failed."""
    printer = printer_for(pdf_path)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Output", "In {0}").format(pdf_path.name))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return print_pdf(pdf_path, printer)

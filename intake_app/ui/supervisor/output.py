"""After a file is written: open it with the PC's own program, or print a PDF.

The log and the report are A4 landscape and may run to many pages, so printing here renders
one page at a time (the receipt printer in `ui/printing.py` holds every page of a one-page
receipt in memory) and turns the sheet to match the page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ..printing import MAX_PRINT_DPI, POINTS_PER_INCH, new_receipt_printer


def open_file(path: Path) -> bool:
    """Open the file with the program the PC uses for it (PDF reader, Excel…)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_folder(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def _landscape(pdf_path: Path) -> bool:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf_path))
    try:
        if len(document) == 0:
            return False
        width, height = document[0].get_size()
        return width > height
    finally:
        document.close()


def printer_for(pdf_path: Path) -> QPrinter:
    """An A4 printer turned like the document's first page."""
    printer = new_receipt_printer(1, pdf_path.stem)
    if _landscape(pdf_path):
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_document(pdf_path: Path, parent: QWidget | None = None) -> bool | None:
    """Ask for the printer, then print every page; None if cancelled, False if it failed."""
    printer = printer_for(pdf_path)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Output", "In {0}").format(pdf_path.name))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return print_pages(pdf_path, printer)


def print_pages(pdf_path: Path, printer: QPrinter) -> bool:
    """Paint each page of the PDF on `printer`, scaled to the sheet, one page in memory."""
    import pypdfium2 as pdfium

    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    try:
        document = pdfium.PdfDocument(str(pdf_path))
    except Exception:  # noqa: BLE001 - an unreadable file is a failed print
        return False
    painter = QPainter()
    try:
        if len(document) == 0 or not painter.begin(printer):
            return False
        sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
        for index in range(len(document)):
            if index and not printer.newPage():
                return False
            page = document[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True,
                                 prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888)
            painter.drawImage(_fit(image, sheet), image)
            bitmap.close()
            page.close()
    finally:
        ok = painter.end() if painter.isActive() else False
        document.close()
    return ok and printer.printerState() != QPrinter.PrinterState.Error


def _fit(image: QImage, sheet: QRectF) -> QRectF:
    scale = min(sheet.width() / image.width(), sheet.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(sheet.x() + (sheet.width() - width) / 2,
                  sheet.y() + (sheet.height() - height) / 2, width, height)

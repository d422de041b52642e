"""Printing a PDF exactly as it is: each page rendered with pypdfium2 and painted on the printer.

PySide6-Essentials has no QtPdf, so the receipt's PDF is rasterised by PDFium (the same engine
that draws the preview) at the printer's resolution, at most `MAX_PRINT_DPI`.

PDFium is not thread-safe, and it is called from the window's thread (printing) and from the
operations' workers (a stamp's preview, the warm-up) at once: every call holds `PDFIUM`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from . import printer_choice

MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72
PDFIUM = threading.RLock()  # one thread in PDFium at a time (it is not thread-safe)


def iter_page_images(pdf: bytes | Path, dpi: float) -> Iterator[QImage]:
    """The pages of `pdf` (bytes or a file) as images at `dpi`, one at a time (white, RGB):
    a long log is printed without holding every page in memory."""
    import pypdfium2 as pdfium  # heavy: only when something is shown or printed

    with PDFIUM:
        document = pdfium.PdfDocument(str(pdf) if isinstance(pdf, Path) else pdf)
        count = len(document)
    try:
        for index in range(count):
            with PDFIUM:
                page = document[index]
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True,
                                     prefer_bgrx=True)
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBX8888).copy()  # own the pixels
                bitmap.close()
                page.close()
            yield image
    finally:
        with PDFIUM:
            document.close()


def page_images(pdf: bytes | Path, dpi: float) -> list[QImage]:
    """Every page of `pdf` as an image at `dpi` (the preview shows them all)."""
    return list(iter_page_images(pdf, dpi))


def is_landscape(pdf: bytes | Path) -> bool:
    """Whether the first page is wider than tall (the log and report 06a are)."""
    import pypdfium2 as pdfium

    with PDFIUM:
        document = pdfium.PdfDocument(str(pdf) if isinstance(pdf, Path) else pdf)
        try:
            if len(document) == 0:
                return False
            width, height = document[0].get_size()
            return width > height
        finally:
            document.close()


def page_count(pdf: bytes | Path) -> int:
    import pypdfium2 as pdfium

    with PDFIUM:
        document = pdfium.PdfDocument(str(pdf) if isinstance(pdf, Path) else pdf)
        try:
            return len(document)
        finally:
            document.close()


def new_receipt_printer(copies: int, title: str = "", *, landscape: bool = False) -> QPrinter:
    """A high-resolution A4 printer for our documents, the whole sheet addressable.

    `title` is the document's name in the print queue, and the file name a "print to file"
    dialog suggests: give it with its `.pdf` (Qt cuts what follows the last dot, and every
    dossier code has dots).
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setCopyCount(max(1, copies))
    printer.setCollateCopies(True)
    if printer_choice.preferred:  # the printer chosen at set-up, while it is installed
        from PySide6.QtPrintSupport import QPrinterInfo

        if printer_choice.preferred in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(printer_choice.preferred)
    if title:
        printer.setDocName(title)
    return printer


def print_pdf(pdf: bytes | Path, printer: QPrinter) -> bool:
    """Print every page of `pdf` on `printer`, scaled to the sheet, one page in memory at a
    time; False when printing failed.

    Copies: the printer's own copy count when its driver supports it; otherwise each copy is
    painted here, one after the other (collated).
    """
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    try:
        if page_count(pdf) == 0:
            return False
    except Exception:  # noqa: BLE001 - an unreadable PDF is a failed print, not a crash
        return False
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
        if not printer.fullPage():
            sheet = printer.pageRect(QPrinter.Unit.DevicePixel).translated(
                -printer.pageRect(QPrinter.Unit.DevicePixel).topLeft())
        first = True
        for _copy in range(copies):
            for image in iter_page_images(pdf, dpi):
                if not first and not printer.newPage():
                    return False
                first = False
                painter.drawImage(_fit(image, sheet), image)
    finally:
        ok = painter.end()
    return ok and printer.printerState() != QPrinter.PrinterState.Error


def _fit(image: QImage, sheet: QRectF) -> QRectF:
    """The largest rectangle of the image's shape centred on the sheet."""
    scale = min(sheet.width() / image.width(), sheet.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(sheet.x() + (sheet.width() - width) / 2,
                  sheet.y() + (sheet.height() - height) / 2, width, height)

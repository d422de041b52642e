"""Printing a PDF exactly as it is: each page rendered with pypdfium2 and painted on the printer.

PySide6-Essentials has no QtPdf, so the receipt's PDF is rasterised by PDFium (the same engine
that draws the preview) at the printer's resolution, at most `MAX_PRINT_DPI`.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of `pdf` as an image at `dpi` (white background, RGB)."""
    import pypdfium2 as pdfium  # heavy: only when something is shown or printed

    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True,
                                 prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888)
            images.append(image.copy())  # own the pixels before PDFium frees them
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def new_receipt_printer(copies: int, title: str = "") -> QPrinter:
    """A high-resolution A4 printer for the receipt, the whole sheet addressable."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setCopyCount(max(1, copies))
    printer.setCollateCopies(True)
    if title:
        printer.setDocName(title)
    return printer


def print_pdf(pdf: bytes, printer: QPrinter) -> bool:
    """Print every page of `pdf` on `printer`, scaled to the sheet; False when printing failed.

    Copies: the printer's own copy count when its driver supports it; otherwise each copy is
    painted here, one after the other (collated).
    """
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    try:
        images = page_images(pdf, dpi)
    except Exception:  # noqa: BLE001 - an unreadable PDF is a failed print, not a crash
        return False
    if not images:
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
            for image in images:
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

"""The receipt preview: the exact PDF's pages, then print (two copies by default) or save.

Shared by the intake screen (after stamping) and the find screen (reprints). The dossier is
already saved when this opens: cancelling or a failed print loses nothing, and the message
says the receipt can be printed again from the dossier.

An original (`OriginalReceipt`: after a stamp, or Ctrl+P on a dossier whose original was never
printed) is recorded as printed only once the printer took the job (`ReceiptPrints`); until
then Ctrl+P on the dossier prints it again, unmarked. Leaving an original not printed (Esc,
Đóng) asks first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..documents.files import write_atomically
from .printing import new_receipt_printer, page_images, print_pdf
from .save_guard import checked_save_path

log = logging.getLogger(__name__)

PREVIEW_DPI = 96
DEFAULT_COPIES = 2  # one for the citizen, one for the file
SHEET_MARGIN = 16
MIN_WIDTH = 780  # the buttons' row, with their keys, unclipped
WINDOW_FRAME = 40  # the title bar and frame the system adds around the dialog
FILE_PREFIX = "giay-tiep-nhan"


@dataclass(frozen=True)
class OriginalReceipt:
    """The preview shows this dossier's original receipt of `issue`: its print is recorded."""

    session: Any  # the window's Session (its ops record the print)
    code: str
    issue: int = 1


def receipt_file_stem(code: str, *, copy: bool = False) -> str:
    """The name suggested for a dossier's receipt (print to file, Lưu PDF): it carries the code,
    with no dot after it that a dialog could take for an extension."""
    return f"{FILE_PREFIX}-{code}" + ("-ban-sao" if copy else "") if code else FILE_PREFIX


def preview_pages(pdf: bytes | Path, ratio: float = 1.0) -> list[QImage]:
    """The pages of `pdf` as the preview shows them, at the screen's pixel ratio.

    Safe off the window's thread: the stamp's op renders them with the receipt, so the preview
    opens at once.
    """
    return page_images(pdf, PREVIEW_DPI * ratio)


class ReceiptPreviewDialog(QDialog):
    """Shows the PDF's pages as they will print; "In", "Lưu PDF…", "Đóng".

    `pages`, when given, are the pages already rendered by `preview_pages` at `ratio`.
    """

    def __init__(self, pdf: bytes | Path, parent: QWidget | None = None, *,
                 title: str = "", copies: int = DEFAULT_COPIES,
                 pages: list[QImage] | None = None, ratio: float | None = None,
                 file_stem: str | None = None, original: OriginalReceipt | None = None):
        super().__init__(parent)
        self.original = original
        self.leave_box: QMessageBox | None = None  # "not printed yet": the question shown
        self._leaving = False
        self.pdf = pdf.read_bytes() if isinstance(pdf, Path) else bytes(pdf)
        self.file_stem = file_stem or receipt_file_stem(title)
        self.printed = False
        self.fit_page = True  # the whole page in view; Ctrl+1 shows it at its real size
        self.setWindowTitle(self.tr("Giấy tiếp nhận hồ sơ {0}").format(title).strip())

        if pages is None or ratio is None:
            ratio = self.devicePixelRatioF()
            pages = preview_pages(self.pdf, ratio)
        sheet = QWidget()
        sheet.setStyleSheet("background: #7a8088;")
        column = QVBoxLayout(sheet)
        column.setContentsMargins(*(SHEET_MARGIN,) * 4)
        column.setSpacing(SHEET_MARGIN)
        self.ratio = ratio
        self.page_labels: list[QLabel] = []
        self._pixmaps: list[QPixmap] = []
        for image in pages:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setStyleSheet("background: white; border: 1px solid #444;")
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
            self._pixmaps.append(pixmap)
        self.scroll = QScrollArea()
        self.scroll.setWidget(sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and PgUp/PgDn scroll

        self.copies = QSpinBox()
        self.copies.setRange(1, 10)
        self.copies.setValue(copies)
        self.copies.valueChanged.connect(self._update_print_text)
        copies_label = QLabel(self.tr("Số bản:"))
        copies_label.setBuddy(self.copies)
        self.print_button = QPushButton()
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button = QPushButton(self.tr("Lưu PDF…"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.zoom_button = QPushButton()
        self.zoom_button.setAutoDefault(False)
        self.zoom_button.clicked.connect(lambda: self.set_fit_page(not self.fit_page))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self._update_print_text()
        self.save_button.setText(self.tr("Lưu PDF… (Ctrl+S)"))
        self.close_button.setText(self.tr("Đóng (Esc)"))
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_receipt)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)
        QShortcut(QKeySequence("Ctrl+0"), self, lambda: self.set_fit_page(True))
        QShortcut(QKeySequence("Ctrl+1"), self, lambda: self.set_fit_page(False))

        buttons = QHBoxLayout()
        buttons.addWidget(copies_label)
        buttons.addWidget(self.copies)
        buttons.addWidget(self.zoom_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(self._first_size())
        self.set_fit_page(True)
        self.print_button.setFocus()

    def _first_size(self) -> QSize:
        """As tall as the screen allows (a 1366×768 office screen: the whole page shows, at
        about half its size), as wide as the page at that size."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        height = max(400, min(screen.height() - WINDOW_FRAME, 1100))
        page = self._page_size()
        buttons = 40 + 2 * 12 + 8
        page_height = height - buttons - 2 * SHEET_MARGIN
        width = page.width() * page_height / max(1, page.height())
        chrome = 2 * SHEET_MARGIN + self.scroll.verticalScrollBar().sizeHint().width() + 2 * 12
        return QSize(max(MIN_WIDTH, min(int(width) + chrome, screen.width())), height)

    def _page_size(self) -> QSize:
        """The first page's size at 100 % (device-independent pixels)."""
        if not self._pixmaps:
            return QSize(794, 1123)
        return self._pixmaps[0].deviceIndependentSize().toSize()

    def set_fit_page(self, on: bool) -> None:
        """Whole pages in view (Ctrl+0), or the page at its real size (Ctrl+1)."""
        self.fit_page = on
        self.zoom_button.setText(self.tr("Xem cỡ thật (Ctrl+1)") if on
                                 else self.tr("Xem cả trang (Ctrl+0)"))
        self._show_pages()

    def _show_pages(self) -> None:
        viewport = self.scroll.viewport().size()
        for label, pixmap in zip(self.page_labels, self._pixmaps, strict=True):
            if not self.fit_page:
                label.setPixmap(pixmap)
                continue
            room = QSize(viewport.width() - 2 * SHEET_MARGIN - 2,
                         viewport.height() - 2 * SHEET_MARGIN - 2)
            size = pixmap.deviceIndependentSize().toSize().scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio)
            scaled = pixmap.scaled(size * self.ratio, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
            scaled.setDevicePixelRatio(self.ratio)
            label.setPixmap(scaled)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self.fit_page:
            self._show_pages()

    def page_fits(self) -> bool:
        """Whether every page shows whole without scrolling (tests; the 1366×768 promise)."""
        viewport = self.scroll.viewport().size()
        return all(label.pixmap().deviceIndependentSize().height() + 2 * SHEET_MARGIN
                   <= viewport.height() + 1 for label in self.page_labels)

    def _update_print_text(self) -> None:
        self.print_button.setText(self.tr("In {0} bản (Ctrl+P)").format(self.copies.value()))

    def _say(self, text: str, *, problem: bool) -> None:
        self.message.setStyleSheet("color: #b3261e;" if problem else "color: #1b6b2f;")
        self.message.setText(text)
        self.message.show()

    # ---- printing ----------------------------------------------------------------------------

    def choose_printer(self, printer: QPrinter) -> bool:
        """Ask which printer and how many copies (the system dialog); False when cancelled."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In giấy tiếp nhận"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_receipt(self) -> bool:
        """Print through the system print dialog; a failure or cancel only shows a message."""
        printer = new_receipt_printer(self.copies.value(), f"{self.file_stem}.pdf")
        if not self.choose_printer(printer):
            self._say(self.tr("Chưa in giấy tiếp nhận. Hồ sơ đã được lưu; có thể in lại giấy "
                              "tiếp nhận từ hồ sơ bất cứ lúc nào."), problem=True)
            return False
        if not print_pdf(self.pdf, printer):
            self._say(self.tr("Không in được giấy tiếp nhận (kiểm tra máy in), chưa ghi nhận là "
                              "đã in. Hồ sơ đã được lưu; bản gốc vẫn in lại được ở đây (Ctrl+P) "
                              "hoặc từ hồ sơ."), problem=True)
            return False
        self.printed = True
        if self.original is not None:
            self._record_print(self.copies.value(), printer.printerName())
        self.accept()  # printed: back to the form for the next citizen
        return True

    def _record_print(self, copies: int, printer_name: str) -> None:
        """The printer took the original: record it (off the window's thread)."""
        from .operations import CollectionOp, dossier_changed, error_message

        original = self.original
        assert original is not None
        owner = self.parentWidget()

        def record(desk: Any) -> Any:
            desk.receipt_prints.record_printed(original.code, original.issue, copies=copies,
                                               printer=printer_name)
            return dossier_changed(None, original.code, outbox=False)

        def failed(error: BaseException) -> None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Giấy tiếp nhận"), self.tr(
                "Đã in giấy tiếp nhận {0} nhưng chưa ghi nhận được việc in: {1}").format(
                    original.code, error_message(error)),
                QMessageBox.StandardButton.Ok, owner)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        CollectionOp(original.session, owner, record).failure(failed).quietly().run()

    # ---- leaving -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Đóng: an original not printed yet asks first."""
        if self.original is None or self.printed or self._leaving:
            super().reject()
            return
        if self.leave_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Chưa in giấy tiếp nhận"), self.tr(
            "Giấy tiếp nhận hồ sơ {0} chưa được in. Công dân cần một bản gốc. Nếu đóng bây giờ, "
            "bản gốc vẫn in được sau: Tra cứu (F3), mở hồ sơ, Ctrl+P.").format(
                self.original.code), QMessageBox.StandardButton.NoButton, self)
        stay = box.addButton(self.tr("Ở lại để in (Esc)"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(self.tr("Đóng, in sau"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            self.leave_box = None
            if box.clickedButton() is leave:
                self._leaving = True
                super(ReceiptPreviewDialog, self).reject()
            else:
                self.print_button.setFocus()

        box.finished.connect(answered)
        self.leave_box = box
        box.open()

    # ---- saving ------------------------------------------------------------------------------

    def choose_file(self) -> str:
        """Ask where to save the PDF; an empty string when cancelled."""
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Lưu giấy tiếp nhận"), f"{self.file_stem}.pdf",
            self.tr("Tệp PDF (*.pdf)"),
        )
        return name

    def save_pdf(self) -> Path | None:
        name = self.choose_file()
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        if (path := checked_save_path(self, path, asked=name)) is None:
            return None
        try:
            write_atomically(path, self.pdf)
        except OSError as exc:
            log.warning("could not save %s: %s", path, exc)
            self._say(self.tr("Không lưu được tệp {0}: thư mục không có, không được phép ghi, "
                              "hoặc ổ đĩa đã đầy.").format(path), problem=True)
            return None
        self._say(self.tr("Đã lưu {0}").format(str(path)), problem=False)
        return path

"""The receipt preview: the exact PDF's pages, then print (two copies by default) or save.

Shared by the intake screen (after stamping) and the find screen (reprints). The dossier is
already saved when this opens: cancelling or a failed print loses nothing, and the message
says the receipt can be printed again from the dossier.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
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
                 pages: list[QImage] | None = None, ratio: float | None = None):
        super().__init__(parent)
        self.pdf = pdf.read_bytes() if isinstance(pdf, Path) else bytes(pdf)
        self.file_stem = title or "giay-tiep-nhan"
        self.printed = False
        self.setWindowTitle(self.tr("Giấy tiếp nhận hồ sơ {0}").format(title).strip())

        if pages is None or ratio is None:
            ratio = self.devicePixelRatioF()
            pages = preview_pages(self.pdf, ratio)
        sheet = QWidget()
        sheet.setStyleSheet("background: #7a8088;")
        column = QVBoxLayout(sheet)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for image in pages:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setStyleSheet("background: white; border: 1px solid #444;")
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
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
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self._update_print_text()
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_receipt)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)

        buttons = QHBoxLayout()
        buttons.addWidget(copies_label)
        buttons.addWidget(self.copies)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        page_width = max((lbl.pixmap().width() / ratio for lbl in self.page_labels), default=600)
        chrome = 2 * 16 + self.scroll.verticalScrollBar().sizeHint().width() + 2 * 12 + 8
        self.resize(int(page_width) + chrome, 700)
        self.print_button.setFocus()

    def _update_print_text(self) -> None:
        self.print_button.setText(self.tr("In ({0} bản)").format(self.copies.value()))

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
        printer = new_receipt_printer(self.copies.value(), self.file_stem)
        if not self.choose_printer(printer):
            self._say(self.tr("Chưa in giấy tiếp nhận. Hồ sơ đã được lưu; có thể in lại giấy "
                              "tiếp nhận từ hồ sơ bất cứ lúc nào."), problem=True)
            return False
        if not print_pdf(self.pdf, printer):
            self._say(self.tr("Không in được giấy tiếp nhận (kiểm tra máy in). Hồ sơ đã được "
                              "lưu; có thể in lại giấy tiếp nhận từ hồ sơ."), problem=True)
            return False
        self.printed = True
        self.accept()  # printed: back to the form for the next citizen
        return True

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

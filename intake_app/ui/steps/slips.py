"""The official slips from the dossier dialog: their names, where they are written, and the
preview they are printed from (which slip follows which step: `domain/slip_content.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ...domain.slips import SlipKind
from ..printing import new_receipt_printer, print_pdf
from ..receipt_preview import ReceiptPreviewDialog

if TYPE_CHECKING:
    from ...desk import Desk

SLIPS_FOLDER = "slips"
SLIP_ORDER = (SlipKind.SUPPLEMENT, SlipKind.REFUSAL, SlipKind.APOLOGY, SlipKind.STOP,
              SlipKind.CONTROL)

def slip_label(kind: SlipKind) -> str:
    """The slip's name with its form number, as the menu shows it."""
    texts = {
        SlipKind.SUPPLEMENT: QCoreApplication.translate(
            "Slips", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"),
        SlipKind.REFUSAL: QCoreApplication.translate(
            "Slips", "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)"),
        SlipKind.APOLOGY: QCoreApplication.translate(
            "Slips", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
        SlipKind.STOP: QCoreApplication.translate(
            "Slips", "Thông báo dừng giải quyết hồ sơ"),
        SlipKind.CONTROL: QCoreApplication.translate(
            "Slips", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    }
    return texts[kind]


def slip_copies(kind: SlipKind) -> int:
    """The citizen's copy and the file's; the control sheet travels with the dossier."""
    return 1 if kind == SlipKind.CONTROL else 2


def slip_path(desk: Desk, code: str, kind: SlipKind) -> Path:
    stamp = desk.clock()
    return desk.data_dir / SLIPS_FOLDER / f"{code}-{kind.value}-{stamp:%Y%m%d-%H%M%S}.pdf"


class SlipPreviewDialog(ReceiptPreviewDialog):
    """The receipt preview, worded for a slip: its pages, "In", "Lưu PDF…", "Đóng"."""

    def __init__(self, pdf: bytes | Path, kind: SlipKind, code: str,
                 parent: QWidget | None = None, *, pages: list[QImage] | None = None,
                 ratio: float | None = None):
        super().__init__(pdf, parent, title=f"{code}-{kind.value}", copies=slip_copies(kind),
                         pages=pages, ratio=ratio, file_stem=f"{kind.value}-{code}")
        self.kind = kind
        self.setWindowTitle(f"{slip_label(kind)} — {code}")

    def choose_printer(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In %s") % slip_label(self.kind))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_receipt(self) -> bool:
        printer = new_receipt_printer(self.copies.value(), f"{self.file_stem}.pdf")
        if not self.choose_printer(printer):
            self._say(self.tr("Chưa in phiếu. Phiếu đã được lưu; có thể in lại từ hồ sơ "
                              "(In phiếu ▾)."), problem=True)
            return False
        if not print_pdf(self.pdf, printer):
            self._say(self.tr("Không in được phiếu (kiểm tra máy in). Có thể in lại từ hồ sơ "
                              "(In phiếu ▾)."), problem=True)
            return False
        self.printed = True
        self.accept()
        return True

    def choose_file(self) -> str:
        name, _filter = QFileDialog.getSaveFileName(
            self, slip_label(self.kind), f"{self.file_stem}.pdf", self.tr("Tệp PDF (*.pdf)"))
        return name

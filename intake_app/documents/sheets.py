"""What every Excel file of the app shares: its print set-up and its atomic save."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .files import write_atomically


def print_on_landscape_a4(sheet: Worksheet) -> None:
    """Printed from Excel: A4 landscape, all columns on the page's width, pages as needed."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Write the workbook so that a crash leaves the old file or the new one, never half."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(Path(path), buffer.getvalue())

"""Biểu số II.06a/VPCP/KSTT as an Excel workbook (openpyxl), laid out like the PDF.

One sheet: heading, title, period, units, the three merged header rows, the row of column
numbers (1) … (13), one row per field and the total row. Every count is written as a number
(the computed value, no formula), so a supervisor can re-add it and reading the file back
gives the same numbers. No text cell is a formula, whatever a field's or a unit's name begins
with (`sheets.sheet_cell`). The file is written to a temporary file beside the target, then put
in place with one rename.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.formatting import date_vn, place_date_line
from ..domain.report06a import FORM_CODE, TITLE, UNIT_OF_COUNT, Report06a
from ..domain.text import nfc
from .layout import MOTTO, NATIONAL_NAME
from .report06a_pdf import HEADER_ROWS, HEADER_SPANS, NOTES
from .sheets import print_on_landscape_a4, save_workbook, sheet_cell

__all__ = ["write_report_06a_xlsx", "SHEET_TITLE", "HEADER_FIRST_ROW", "DATA_FIRST_ROW"]

SHEET_TITLE = "Biểu II.06a"
FONT_NAME = "Times New Roman"
COLUMNS = 13
LAST = get_column_letter(COLUMNS)

#: Worksheet row of the first of the three header rows.
HEADER_FIRST_ROW = 9
#: Worksheet row of the column numbers (1) … (13).
NUMBERS_ROW = HEADER_FIRST_ROW + len(HEADER_ROWS)
#: Worksheet row of the first field; the total row follows the last field.
DATA_FIRST_ROW = NUMBERS_ROW + 1

COLUMN_WIDTHS = (5, 34, *([11] * 11))
BLANK = "……………………"
# About how many letters of 11 pt Times fit on one line of the field-name column; used to
# give wrapped names a tall enough row (Excel does not grow rows written by openpyxl).
_NAME_CHARS_PER_LINE = 38

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_GREY = PatternFill("solid", fgColor="EEEEEE")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="center")


def _font(bold: bool = False, italic: bool = False, size: float = 12) -> Font:
    return Font(name=FONT_NAME, bold=bold, italic=italic, size=size)


def _merged(
    sheet: Worksheet,
    row: int,
    first: int,
    last: int,
    value: str,
    font: Font,
    alignment: Alignment = _CENTER,
) -> None:
    """`value` in columns `first`…`last` (1-based) of `row`, merged when wider than one cell."""
    cell = sheet_cell(sheet, row, first, value)
    cell.font = font
    cell.alignment = alignment
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _heading(sheet: Worksheet, report: Report06a) -> None:
    _merged(sheet, 1, 10, COLUMNS, FORM_CODE, _font(bold=True, size=11), _RIGHT)
    _merged(sheet, 2, 1, 4, nfc(report.unit_name).upper(), _font(bold=True))
    _merged(sheet, 2, 6, COLUMNS, NATIONAL_NAME, _font(bold=True))
    _merged(sheet, 3, 6, COLUMNS, MOTTO, _font(bold=True, size=13))
    _merged(sheet, 5, 1, COLUMNS, TITLE, _font(bold=True, size=13))
    period = f"Kỳ báo cáo: từ ngày {date_vn(report.start)} đến ngày {date_vn(report.end)}"
    _merged(sheet, 6, 1, COLUMNS, period, _font(italic=True))
    reporting = nfc(report.unit_name) or BLANK
    receiving = nfc(report.reporting_to) or BLANK
    _merged(sheet, 7, 1, 6, f"Đơn vị báo cáo: {reporting}", _font(), _LEFT)
    _merged(sheet, 7, 7, COLUMNS, f"Đơn vị nhận báo cáo: {receiving}", _font(), _LEFT)
    _merged(sheet, 8, 1, COLUMNS, UNIT_OF_COUNT, _font(italic=True), _RIGHT)
    sheet.row_dimensions[5].height = 20


def _table(sheet: Worksheet, report: Report06a) -> int:
    """The header, numbers, field and total rows; returns the worksheet row of the total."""
    for offset, labels in enumerate(HEADER_ROWS):
        row = HEADER_FIRST_ROW + offset
        for column, label in enumerate(labels, start=1):
            cell = sheet_cell(sheet, row, column, label or None)
            cell.font = _font(bold=True, size=11)
            cell.alignment = _CENTER
            cell.fill = _GREY
    for (first_col, first_row), (last_col, last_row) in HEADER_SPANS:
        sheet.merge_cells(
            start_row=HEADER_FIRST_ROW + first_row,
            start_column=first_col + 1,
            end_row=HEADER_FIRST_ROW + last_row,
            end_column=last_col + 1,
        )
    sheet.row_dimensions[HEADER_FIRST_ROW + 2].height = 80

    for column in range(1, COLUMNS + 1):
        cell = sheet_cell(sheet, NUMBERS_ROW, column, f"({column})")
        cell.font = _font(italic=True, size=10)
        cell.alignment = _CENTER
        cell.fill = _GREY

    row = DATA_FIRST_ROW
    for field_row in report.all_rows():
        bold = field_row.is_total
        values: list[object] = [field_row.number, field_row.label, *field_row.counts()]
        for column, value in enumerate(values, start=1):
            cell = sheet_cell(sheet, row, column, value)
            cell.font = _font(bold=bold, size=11)
            cell.alignment = _LEFT if column == 2 else _CENTER
            if column > 2:
                cell.number_format = "#,##0"
        lines = math.ceil(len(field_row.label) / _NAME_CHARS_PER_LINE)
        if lines > 1:
            sheet.row_dimensions[row].height = 15 * lines
        row += 1
    total_row = row - 1

    for table_row in sheet.iter_rows(
        min_row=HEADER_FIRST_ROW, max_row=total_row, min_col=1, max_col=COLUMNS
    ):
        for cell in table_row:
            cell.border = _BOX
    return total_row


def _footer(sheet: Worksheet, total_row: int, place_name: str, issued_on: date) -> None:
    notes_row = total_row + 1
    _merged(sheet, notes_row, 1, COLUMNS, NOTES, _font(italic=True, size=10), _LEFT)
    sheet.row_dimensions[notes_row].height = 42  # three lines of the notes at 10 pt
    place = nfc(place_name) or BLANK
    date_row = notes_row + 2
    _merged(sheet, date_row, 9, COLUMNS, place_date_line(place, issued_on), _font(italic=True))
    _merged(sheet, date_row + 1, 1, 4, "NGƯỜI LẬP BIỂU", _font(bold=True))
    _merged(sheet, date_row + 1, 9, COLUMNS, "THỦ TRƯỞNG ĐƠN VỊ", _font(bold=True))
    _merged(sheet, date_row + 2, 1, 4, "(Ký, ghi rõ họ tên)", _font(italic=True))
    _merged(sheet, date_row + 2, 9, COLUMNS, "(Ký tên, đóng dấu)", _font(italic=True))


def _workbook(report: Report06a, place_name: str, issued_on: date) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    for column, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _heading(sheet, report)
    total_row = _table(sheet, report)
    _footer(sheet, total_row, place_name, issued_on)

    sheet.freeze_panes = sheet.cell(row=DATA_FIRST_ROW, column=3)
    sheet.print_title_rows = f"{HEADER_FIRST_ROW}:{NUMBERS_ROW}"
    sheet.print_area = f"A1:{LAST}{total_row + 6}"
    print_on_landscape_a4(sheet)
    sheet.print_options.horizontalCentered = True

    properties = workbook.properties
    properties.title = f"{FORM_CODE} {date_vn(report.start)} – {date_vn(report.end)}"
    properties.subject = TITLE
    properties.creator = nfc(report.unit_name) or "intake-app"
    return workbook


def write_report_06a_xlsx(
    report: Report06a, path: Path | str, *, place_name: str, issued_on: date
) -> None:
    """Write Biểu II.06a of `report` to `path` (.xlsx), replacing any file there in one rename.

    The report is checked first (`ReportIdentityError` if it does not add up).
    """
    report.check()
    save_workbook(_workbook(report, place_name, issued_on), Path(path))

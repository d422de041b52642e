"""What every spreadsheet file of the app shares: cells that stay data, print set-up, atomic save.

**Cells stay data** (issue 9.5). A name, a procedure name or a clerk's name is text typed by
someone; a spreadsheet must never run it. Text that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return is what Excel and LibreOffice take for the start of a formula
(OWASP, "CSV Injection").

* XLSX (`sheet_cell`): every text is written as a string cell (``t="inlineStr"``), never as a
  formula (openpyxl makes any text that begins with ``=`` a ``<f>`` formula element unless told
  otherwise), and a text with a formula prefix also gets Excel's *quote prefix* cell flag, so
  that editing the cell in Excel and pressing Enter keeps it text. The cell's value is the
  original string. Characters that XML cannot carry as they are (a carriage return, which an
  XML reader turns into a line feed, and the other C0 controls, which openpyxl refuses) are
  written with OOXML's own escape ``_xHHHH_`` (ECMA-376 Part 1, §22.9.2.19 ST_Xstring), which
  Excel and LibreOffice read back as the character; a literal ``_xHHHH_`` in the text is
  escaped as ``_x005F_xHHHH_`` so that it reads back as written.
* CSV (`csv_cell`, `csv_rows_text`): every field is quoted (so a separator inside a value,
  ``,`` or the ``;`` of a Vietnamese-locale Excel, can never start a new cell), and a field
  that begins with a formula prefix, or with ``'`` itself, gets one ``'`` in front of it: the
  apostrophe is OWASP's recommended guard (Excel and LibreOffice then show the text and do
  not evaluate it). Guarding ``'`` too makes the guard reversible: `csv_uncell` removes exactly
  one leading ``'`` and gives back the original text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from .files import write_atomically

#: What a spreadsheet takes for the start of a formula (OWASP CSV Injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_GUARD = "'"

# Characters an XLSX string cannot hold as they are: C0 controls other than tab and line
# feed (a carriage return is normalised away by every XML reader; the rest are not XML).
_XML_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f]")
_OOXML_ESCAPE_RE = re.compile("_(x[0-9A-Fa-f]{4}_)")


def starts_like_formula(value: str) -> bool:
    """Whether a spreadsheet would take `value` for a formula if it were typed into a cell.

    >>> starts_like_formula("=HYPERLINK(\\"http://x\\")"), starts_like_formula("Nguyễn Văn Đức")
    (True, False)
    """
    return value.startswith(FORMULA_PREFIXES)


def xlsx_text(value: str) -> str:
    """`value` as an XLSX string carries it: OOXML ``_xHHHH_`` escapes where XML cannot.

    >>> xlsx_text("\\r=1+2"), xlsx_text("mã _x0041_")
    ('_x000D_=1+2', 'mã _x005F_x0041_')
    """
    value = _OOXML_ESCAPE_RE.sub(r"_x005F_\1", value)
    return _XML_UNSAFE_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


def sheet_cell(
    sheet: Worksheet, row: int, column: int, value: Any = None, *, style: str | None = None
) -> Cell:
    """Put `value` in a cell so that it stays data: text is a string cell, never a formula.

    `style` (a named style of the workbook) is given first, so that it does not undo the
    quote-prefix flag.
    """
    cell = sheet.cell(row=row, column=column)
    if style is not None:
        cell.style = style
    if isinstance(value, str):
        cell.value = xlsx_text(value)
        cell.data_type = "s"  # openpyxl made it "f" (formula) when it began with "="
        if starts_like_formula(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def keep_cells_as_data(workbook: Workbook) -> None:
    """The last guard before saving: no cell of any sheet is a formula.

    Every cell the app writes goes through `sheet_cell`; a cell put in by openpyxl directly
    (`ws["A1"] = …`, a merged heading) is made a string cell here too.
    """
    for sheet in workbook.worksheets:
        for cell in sheet._cells.values():
            if cell.data_type == "f" and isinstance(cell.value, str):
                cell.data_type = "s"
                cell.quotePrefix = True


def print_on_landscape_a4(sheet: Worksheet) -> None:
    """Printed from Excel: A4 landscape, all columns on the page's width, pages as needed."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Write the workbook so that a crash leaves the old file or the new one, never half."""
    keep_cells_as_data(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(Path(path), buffer.getvalue())


# --- CSV -------------------------------------------------------------------------------------


def csv_cell(value: str) -> str:
    """`value` guarded for a CSV field: one ``'`` in front of a formula prefix (or of ``'``).

    >>> csv_cell("=1+2"), csv_cell("-"), csv_cell("'x"), csv_cell("Lê Thị Hoa")
    ("'=1+2", "'-", "''x", 'Lê Thị Hoa')
    """
    if starts_like_formula(value) or value.startswith(CSV_GUARD):
        return CSV_GUARD + value
    return value


def csv_uncell(field: str) -> str:
    """The original text of a field written by `csv_cell` (one leading ``'`` removed).

    >>> all(csv_uncell(csv_cell(v)) == v for v in ("=1", "'=1", "''", "a", "", "\\t-"))
    True
    """
    return field[1:] if field.startswith(CSV_GUARD) else field


def csv_rows_text(rows: Iterable[Iterable[str]]) -> str:
    """CSV text: every field guarded by `csv_cell` and quoted, CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow([csv_cell(field) for field in row])
    return buffer.getvalue()

"""The daily dossier log (Sổ theo dõi hồ sơ) as CSV and as an Excel workbook.

CSV: one header row, then one row per dossier and nothing else, so that sorting, filtering
and pivot tables work on it. Every field is quoted, and a text that begins like a formula
(``=``, ``+``, ``-``, ``@``, tab, carriage return) or with ``'`` is written with one ``'`` in
front, so that Excel shows it as text (`sheets.csv_cell`). The day's check code is a column
of every row (with a column saying whether the day is sealed) instead of foot rows mixed into
the data. UTF-8 with a byte-order mark, so that Excel reads the Vietnamese letters; values are
written as stored (Excel's CSV import drops the leading 0 of a phone number: the workbook is
the file for Excel users, the CSV is for other programs).

XLSX: a title, the two heading rows of the printed log, the dossiers, a foot row after each
day with its count and full check code, and the totals. Dates are real Excel dates (local
time, no zone), text that looks like a number (phone, codes, book) stays text, the heading
is frozen and repeated on printed pages. No cell is ever a formula (`sheets.sheet_cell`).

Both are written to a temporary file in the destination folder and renamed into place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..domain.clock import to_vn
from ..domain.dossier_log import DayGroup, DossierLog, LogRow
from ..domain.formatting import day_time_vn
from ..domain.text import nfc
from .files import write_atomically
from .sheets import csv_rows_text, print_on_landscape_a4, save_workbook, sheet_cell

TITLE = "SỔ THEO DÕI HỒ SƠ"
DATE_FORMAT = "dd/mm/yyyy hh:mm"
SEALED_TEXT = "Đã khóa sổ"
PROVISIONAL_TEXT = "Tạm (ngày chưa khóa sổ)"


def _naive_local(moment: datetime | None) -> datetime | None:
    return None if moment is None else to_vn(moment).replace(tzinfo=None)


# Heading, Excel column width, value (dates as naive local datetimes; CSV formats them).
Column = tuple[str, float, Callable[[LogRow], Any]]
COLUMNS: list[Column] = [
    ("TT", 6, lambda r: r.ledger_number),
    ("Quyển số", 9, lambda r: nfc(r.ledger_book)),
    ("Mã hồ sơ", 26, lambda r: nfc(r.code)),
    ("Mã TTHC", 10, lambda r: nfc(r.procedure_code)),
    ("Tên thủ tục hành chính", 40, lambda r: nfc(r.procedure_name)),
    ("Tên cá nhân, tổ chức", 24, lambda r: nfc(r.applicant_name)),
    ("Địa chỉ", 30, lambda r: nfc(r.full_address)),
    ("Số điện thoại", 13, lambda r: nfc(r.phone)),
    ("Số lượng hồ sơ (bộ)", 8, lambda r: r.sets),
    ("Cơ quan chủ trì giải quyết", 22, lambda r: nfc(r.lead_unit)),
    ("Nhận hồ sơ", 16, lambda r: _naive_local(r.received_at)),
    ("Hẹn trả kết quả", 16,
     lambda r: _naive_local(r.due_at) if r.shows_appointment else None),
    ("Trả kết quả", 16, lambda r: _naive_local(r.returned_at or (
        r.finished_at if r.outcome else None))),
    ("Kết quả", 18, lambda r: r.outcome or ("Đã trả kết quả" if r.returned_at else "")),
    ("Phương thức nhận kết quả", 18, lambda r: r.delivery_text),
    ("Người tiếp nhận", 20, lambda r: nfc(r.clerk)),
    ("Ghi chú", 24, lambda r: nfc(r.note)),
]
DATE_COLUMNS = range(10, 13)  # 0-based: Nhận, Hẹn trả, Trả kết quả
NUMBER_HEADINGS = {"TT", "Số lượng hồ sơ (bộ)"}
DATES_HEADING = "Ngày, tháng, năm"
CSV_HASH_COLUMNS = ["Mã kiểm tra của ngày", "Khóa sổ"]


# --- CSV -----------------------------------------------------------------------------------


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return day_time_vn(value)
    return str(value)


def log_csv_text(log: DossierLog) -> str:
    """The CSV text: header, then one line per dossier with its day's check code.

    Every field is quoted and a text that begins like a formula gets a leading ``'``
    (`sheets.csv_cell`): a name such as ``=HYPERLINK(…)`` stays text in Excel.
    """
    lines: list[list[str]] = [[heading for heading, _, _ in COLUMNS] + CSV_HASH_COLUMNS]
    for group in log.days:
        state = SEALED_TEXT if group.sealed else PROVISIONAL_TEXT
        for row in group.rows:
            values = [_csv_value(value(row)) for _, _, value in COLUMNS]
            lines.append([*values, group.hash, state])
    return csv_rows_text(lines)


def write_log_csv(log: DossierLog, path: Path) -> None:
    """Write the log as CSV (UTF-8 with BOM, comma-separated, CRLF) to `path` atomically."""
    write_atomically(Path(path), log_csv_text(log).encode("utf-8-sig"))


# --- XLSX ----------------------------------------------------------------------------------

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TITLE_FONT = Font(bold=True, size=14)
_BOLD = Font(bold=True)
_ITALIC = Font(italic=True)

# Cell styles are registered once as named styles and given to cells by name: setting font,
# border and alignment on each cell makes openpyxl hash style objects and is ~4x slower.
HEAD, TEXT, NUMBER, DATE, FOOT = "Sổ: tiêu đề", "Sổ: chữ", "Sổ: số", "Sổ: ngày giờ", "Sổ: cuối ngày"


def _named_styles() -> list[NamedStyle]:
    top_left = Alignment(vertical="top", wrap_text=True)
    top_centre = Alignment(horizontal="center", vertical="top")
    return [
        NamedStyle(
            HEAD,
            font=_BOLD,
            border=_BORDER,
            fill=PatternFill("solid", fgColor="F2F2F2"),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
        NamedStyle(TEXT, border=_BORDER, alignment=top_left, number_format="@"),
        NamedStyle(NUMBER, border=_BORDER, alignment=top_centre),
        NamedStyle(DATE, border=_BORDER, alignment=top_centre, number_format=DATE_FORMAT),
        NamedStyle(
            FOOT,
            font=_BOLD,
            border=Border(top=_THIN, bottom=_THIN),
            fill=PatternFill("solid", fgColor="E6E6E6"),
        ),
    ]


def _heading(ws: Any, top: int) -> None:
    """Two heading rows: each column spans both, except the three dates under one heading."""
    width = len(COLUMNS)
    first_date, last_date = DATE_COLUMNS[0] + 1, DATE_COLUMNS[-1] + 1
    for index, (heading, _, _) in enumerate(COLUMNS, start=1):
        if first_date <= index <= last_date:
            ws.cell(top + 1, index, heading)
        else:
            ws.cell(top, index, heading)
            ws.merge_cells(start_row=top, start_column=index, end_row=top + 1, end_column=index)
    ws.cell(top, first_date, DATES_HEADING)
    ws.merge_cells(start_row=top, start_column=first_date, end_row=top, end_column=last_date)
    for row in (top, top + 1):
        for column in range(1, width + 1):
            ws.cell(row, column).style = HEAD
    ws.row_dimensions[top + 1].height = 30


def log_workbook(log: DossierLog) -> Workbook:
    """The log as an openpyxl workbook with one sheet."""
    workbook = Workbook()
    for style in _named_styles():
        workbook.add_named_style(style)
    ws = workbook.active
    ws.title = "Sổ theo dõi hồ sơ"
    width = len(COLUMNS)
    last = get_column_letter(width)

    sheet_cell(ws, 1, 1, f"{TITLE} — {log.unit_name}").font = _TITLE_FONT
    subtitle = f"Quyển số: {log.books_text}. {log.range_text}"
    if log.clerk:
        subtitle += f". Người tiếp nhận: {log.clerk}"
    sheet_cell(ws, 2, 1, subtitle).font = _ITALIC
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")

    head = 4
    _heading(ws, head)
    for index, (_, column_width, _) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column_width

    kinds = [
        DATE if index in DATE_COLUMNS else NUMBER if heading in NUMBER_HEADINGS else TEXT
        for index, (heading, _, _) in enumerate(COLUMNS)
    ]
    line = head + 2
    for group in log.days:
        for row in group.rows:
            for index, (_, _, value) in enumerate(COLUMNS, start=1):
                sheet_cell(ws, line, index, value(row), style=kinds[index - 1])
            line += 1
        _foot(ws, line, log, group)
        line += 1

    line += 1
    totals = log.totals
    for label, amount in (
        ("Tổng số hồ sơ", totals.rows),
        ("Đã trả kết quả", totals.returned),
        ("Nhận kết quả tại Bộ phận Một cửa", totals.at_counter),
        ("Nhận kết quả qua bưu chính", totals.by_post),
    ):
        ws.cell(line, 3, label).font = _BOLD
        ws.cell(line, 4, amount).font = _BOLD
        line += 1
    if log.clerk:
        ws.cell(line, 3, "Mã kiểm tra in ở mỗi ngày là mã của cả ngày (mọi người tiếp nhận).")
        ws.cell(line, 3).font = _ITALIC

    ws.freeze_panes = ws.cell(head + 2, 4)  # headings and TT, Quyển số, Mã hồ sơ stay
    ws.print_title_rows = f"{head}:{head + 1}"
    print_on_landscape_a4(ws)
    return workbook


def _foot(ws: Any, line: int, log: DossierLog, group: DayGroup) -> None:
    """The day's count and full check code in the first cell (it flows over the empty ones)."""
    sheet_cell(ws, line, 1, log.foot_line(group, full_hash=True))
    for column in range(1, len(COLUMNS) + 1):
        ws.cell(line, column).style = FOOT


def write_log_xlsx(log: DossierLog, path: Path) -> None:
    """Write the log as an Excel workbook to `path` atomically."""
    save_workbook(log_workbook(log), path)

"""The daily dossier log (Sổ theo dõi hồ sơ) as an A4 landscape PDF.

The columns of the Thanh Hóa list form (domain.md §1), numbered (1)…(14): TT, Mã hồ sơ,
Tên thủ tục hành chính, Tên cá nhân/tổ chức, Địa chỉ/số điện thoại (with the commune and
province picked from the lists), Cơ quan chủ trì giải quyết (the procedure's lead unit),
Số bộ hồ sơ, the three dates (Nhận hồ sơ, Hẹn trả kết quả, Trả kết quả) under one spanned
heading, Phương thức nhận kết quả, Người tiếp nhận, Ký nhận (left empty for the signature)
and Ghi chú; the columns of the CSV and the workbook, but the check codes. A refused, stopped
or withdrawn dossier shows its outcome and date where the return date goes (a refused one no
appointment). Every day ends with a foot row giving its count and the first hex digits of its
seal; the last page has the totals and the two signature blocks; every page says "Trang x/y".

A log can run to thousands of rows, so the table is laid out here rather than by platypus:
each cell is wrapped once with font metrics (cached: names and procedures repeat), the rows
are paginated by their heights, and the pages are drawn straight on the canvas. That is
linear in the number of rows, and with the page count known before drawing, "Trang x/y"
needs no second rendering. The same log always gives the same bytes (invariant mode).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..domain.clock import to_vn
from ..domain.dossier_log import DossierLog, LogRow
from ..domain.formatting import date_vn, place_date_line
from ..domain.text import nfc, without_format_characters
from .fonts import BOLD, ITALIC, REGULAR, register_fonts


def _printed(value: str) -> str:
    """A stored text as the page shows it: NFC, single-spaced, no invisible characters."""
    return without_format_characters(nfc(value))

TITLE = "SỔ THEO DÕI HỒ SƠ"
CREATOR = "intake-app"
EMPTY_TEXT = "Không có hồ sơ nào trong khoảng thời gian này."
HASH_NOTE = (
    "Mã kiểm tra: 16 ký tự đầu của mã SHA-256 khóa sổ cuối ngày (nối với mã của ngày trước); "
    "sổ in lại của cùng ngày phải có cùng mã. Ngày có ghi \u201ctạm\u201d chưa khóa sổ."
)
CLERK_NOTE = (
    "Sổ này chỉ gồm hồ sơ của một người tiếp nhận; mã kiểm tra in ở mỗi ngày là mã của cả ngày "
    "(mọi người tiếp nhận)."
)

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
LEFT_MARGIN = RIGHT_MARGIN = 10 * mm
TOP_MARGIN = 10 * mm
BOTTOM_MARGIN = 13 * mm  # the page foot sits below this line
TABLE_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
TABLE_BOTTOM = BOTTOM_MARGIN

SIZE = 8.5  # body cells
LEADING = 10.0
HEAD_SIZE = 8.5
PAD_X = 3.0  # points, each side of a cell
PAD_TOP = 2.0
PAD_BOTTOM = 3.0
FOOT_FILL = colors.Color(0.92, 0.92, 0.92)
HEAD_FILL = colors.Color(0.96, 0.96, 0.96)
LINE = 0.5
CODE_MIN_SCALE = 72.0  # narrowest horizontal scale (%) for a dossier code kept on one line
# A cell longer than this is cut with "…", so that one row always fits on a page. Every value
# within the input limits (`domain.limits`: a 500-letter note, a 300-letter procedure name, a
# 200-letter address with its commune and province) takes fewer lines; only text saved before
# the limits can reach it.
MAX_CELL_LINES = 44

# (width, alignment) of the fourteen columns; the last takes what is left.
_WIDTHS_MM = [8, 29, 31, 26, 30, 22, 10, 17, 17, 17, 15, 18, 12]
WIDTHS = [w * mm for w in _WIDTHS_MM] + [TABLE_WIDTH - sum(_WIDTHS_MM) * mm]
ALIGN = ["C", "L", "L", "L", "L", "L", "C", "C", "C", "C", "L", "L", "L", "L"]
X = [LEFT_MARGIN + sum(WIDTHS[:i]) for i in range(len(WIDTHS) + 1)]
CODE_COLUMN = 1
DATE_COLUMNS = (7, 8, 9)

HEADINGS = [
    "TT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Số bộ\nhồ sơ",
    "Nhận hồ sơ",
    "Hẹn trả\nkết quả",
    "Trả\nkết quả",
    "Phương thức nhận kết quả",
    "Người tiếp nhận",
    "Ký nhận",
    "Ghi chú",
]
DATES_HEADING = "Ngày, tháng, năm"


# --- text fitting --------------------------------------------------------------------------


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the cell, cut after '-', '/', '.' or ',' where possible, else anywhere."""
    pieces: list[str] = []
    rest = word
    while rest and stringWidth(rest, font, size) > width:
        cut = 0
        for index in range(1, len(rest)):
            if stringWidth(rest[:index], font, size) > width:
                break
            if rest[index - 1] in "-/.,":
                cut = index
        if cut == 0:  # no break point fits: cut at the last character that fits
            cut = 1
            while cut < len(rest) and stringWidth(rest[: cut + 1], font, size) <= width:
                cut += 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        pieces.append(rest)
    return pieces


@lru_cache(maxsize=16384)
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


@lru_cache(maxsize=16384)
def _wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Greedy word wrap of one paragraph (no newlines) to `width` points."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        trial = f"{current} {word}" if current else word
        if stringWidth(trial, font, size) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        if stringWidth(word, font, size) <= width:
            current = word
        else:
            *full, current = _break_word(word, font, size, width)
            lines.extend(full)
    if current:
        lines.append(current)
    return tuple(lines)


def _capped(lines: list[str]) -> tuple[str, ...]:
    """At most MAX_CELL_LINES lines, so that one row always fits on a page."""
    if len(lines) <= MAX_CELL_LINES:
        return tuple(lines)
    return (*lines[: MAX_CELL_LINES - 1], "…")


def _lines(text: str, width: float, font: str = REGULAR, size: float = SIZE) -> list[str]:
    """`text` (may hold newlines) as the lines it takes in a cell of `width`."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        out.extend(_wrap(paragraph, font, size, width - 2 * PAD_X))
    return out


# --- rows ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    kind: str  # "data" | "foot" (end of a day) | "book" (a ledger book starts) | "note"
    cells: tuple[tuple[str, ...], ...]  # data: lines per column; foot/note: one cell
    height: float
    code_scale: float = 100.0  # horizontal scale of the dossier code (data rows)


def _moment(value: datetime | None) -> str:
    if value is None:
        return ""
    local = to_vn(value)
    return f"{local:%d/%m/%Y}\n{local:%H:%M}"


def _outcome(row: LogRow) -> str:
    """The "Trả kết quả" cell: the return date, or what ended the dossier and when."""
    if row.outcome:
        ended = _moment(row.finished_at)
        return f"{row.outcome}\n{ended}" if ended else row.outcome
    return _moment(row.returned_at)


def _data_row(row: LogRow) -> _Row:
    number = str(row.ledger_number) if row.ledger_number else ""
    procedure = _printed(row.procedure_name)
    if nfc(row.procedure_code):
        procedure = f"{procedure} ({nfc(row.procedure_code)})"
    contact = _printed(row.full_address)
    if nfc(row.phone):
        contact = f"{contact}\nĐT: {nfc(row.phone)}" if contact else f"ĐT: {nfc(row.phone)}"

    # The code stays on one line (narrowed if need be), so that a viewer's search finds it.
    code = nfc(row.code)
    room = WIDTHS[CODE_COLUMN] - 2 * PAD_X
    scale = min(100.0, 100.0 * room / max(_width(code, REGULAR, SIZE), 1.0))
    code_lines: tuple[str, ...] = (code,)
    if scale < CODE_MIN_SCALE:
        code_lines, scale = tuple(_lines(code, WIDTHS[CODE_COLUMN])), 100.0

    texts = [
        number,
        None,
        procedure,
        _printed(row.applicant_name),
        contact,
        _printed(row.lead_unit),
        f"{row.sets:02d}" if row.sets else "",
        _moment(row.received_at),
        _moment(row.due_at) if row.shows_appointment else "",
        _outcome(row),
        row.delivery_text,
        _printed(row.clerk),
        "",
        _printed(row.note),
    ]
    cells = tuple(
        code_lines if text is None else _capped(_lines(text, WIDTHS[i]))
        for i, text in enumerate(texts)
    )
    tallest = max(len(lines) for lines in cells) or 1
    return _Row("data", cells, tallest * LEADING + PAD_TOP + PAD_BOTTOM, scale)


def _wide_row(kind: str, text: str, font: str) -> _Row:
    lines = tuple(_lines(text, TABLE_WIDTH, font))
    return _Row(kind, (lines,), max(len(lines), 1) * LEADING + PAD_TOP + PAD_BOTTOM)


# --- the heading of the table --------------------------------------------------------------


@dataclass(frozen=True)
class _Heading:
    labels: tuple[tuple[str, ...], ...]  # wrapped heading of each column
    dates: tuple[str, ...]  # the spanned "Ngày, tháng, năm"
    top: float  # height of the row holding the spanned heading
    sub: float  # height of the row under it (the three date headings)
    numbers: float  # height of the (1)…(12) row

    @property
    def height(self) -> float:
        return self.top + self.sub + self.numbers


@lru_cache(maxsize=1)
def _heading() -> _Heading:
    labels = tuple(tuple(_lines(h, WIDTHS[i], BOLD, HEAD_SIZE)) for i, h in enumerate(HEADINGS))
    dates = tuple(_lines(DATES_HEADING, sum(WIDTHS[DATE_COLUMNS[0]:DATE_COLUMNS[-1] + 1]),
                         BOLD, HEAD_SIZE))
    top = len(dates) * LEADING + PAD_TOP + PAD_BOTTOM
    sub = max(len(labels[i]) for i in DATE_COLUMNS) * LEADING + PAD_TOP + PAD_BOTTOM
    spanned = max(len(lab) for i, lab in enumerate(labels) if i not in DATE_COLUMNS)
    sub = max(sub, spanned * LEADING + PAD_TOP + PAD_BOTTOM - top)
    return _Heading(labels, dates, top, sub, LEADING + PAD_TOP + PAD_BOTTOM - 1)


# --- pagination ----------------------------------------------------------------------------

CLOSING_BLOCK = 56 * mm  # totals, notes, signatures

# Page 1's title: the unit (and office) in a block at the left, the title, book, range and
# clerk centred in the middle; each wrapped to its block, so that no length runs into another.
UNIT_BLOCK = 80 * mm
CENTRE_BLOCK = PAGE_WIDTH - 2 * (LEFT_MARGIN + UNIT_BLOCK)
TITLE_SIZE, TITLE_LEADING = 15.0, 18.0
LINE_SIZE, LINE_LEADING = 11.0, 13.5


@dataclass(frozen=True)
class _Title:
    unit: tuple[str, ...]  # the unit's name, upper case, regular
    office: tuple[str, ...]  # the office's name, upper case, bold
    centre: tuple[tuple[str, float, str], ...]  # (font, size, line) of the centre block

    @property
    def left_height(self) -> float:
        return (len(self.unit) + len(self.office)) * LINE_LEADING + 6

    @property
    def centre_height(self) -> float:
        return sum(TITLE_LEADING if size == TITLE_SIZE else LINE_LEADING
                   for _, size, _ in self.centre)

    @property
    def height(self) -> float:
        return max(self.left_height, self.centre_height) + 5 * mm


def _title(log: DossierLog) -> _Title:
    def wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
        return _wrap(_printed(text), font, size, width)

    unit = wrap(nfc(log.unit_name).upper(), REGULAR, LINE_SIZE, UNIT_BLOCK)
    office = wrap(nfc(log.office_name).upper(), BOLD, LINE_SIZE, UNIT_BLOCK) \
        if log.office_name else ()
    centre: list[tuple[str, float, str]] = [(BOLD, TITLE_SIZE, TITLE)]
    lines = [(BOLD, f"Quyển số: {log.books_text}"), (ITALIC, log.range_text)]
    if log.clerk:
        lines.append((REGULAR, f"Người tiếp nhận: {log.clerk}"))
    for font, text in lines:
        centre += [(font, LINE_SIZE, line) for line in wrap(text, font, LINE_SIZE, CENTRE_BLOCK)]
    return _Title(unit, office, tuple(centre))


def _title_height(log: DossierLog) -> float:
    return _title(log).height


def _rows(log: DossierLog) -> list[_Row]:
    """Data rows, a foot row after each day, and a "Quyển số" row where a book starts when
    the log covers more than one book (TT is the number in that book)."""
    several_books = len(log.books) > 1
    book: str | None = None
    rows: list[_Row] = []
    for group in log.days:
        for row in group.rows:
            if several_books and nfc(row.ledger_book) != book:
                book = nfc(row.ledger_book)
                rows.append(_wide_row("book", f"Quyển số: {book or '……'}", BOLD))
            rows.append(_data_row(row))
        rows.append(_wide_row("foot", log.foot_line(group), BOLD))
    if not rows:
        rows.append(_wide_row("note", EMPTY_TEXT, ITALIC))
    return rows


def _paginate(log: DossierLog, rows: Sequence[_Row]) -> tuple[list[list[_Row]], bool]:
    """Rows per page, and whether the closing block needs a page of its own.

    A foot row never starts a page alone (the day's last row moves with it), and a book
    row never ends one (it moves on with the first row of its book).
    """
    top_first = PAGE_HEIGHT - TOP_MARGIN - _title_height(log)
    top_other = PAGE_HEIGHT - TOP_MARGIN
    room_first = top_first - TABLE_BOTTOM - _heading().height
    room_other = top_other - TABLE_BOTTOM - _heading().height
    pages: list[list[_Row]] = [[]]
    left = room_first
    for index, row in enumerate(rows):
        needed = row.height
        follower = rows[index + 1] if index + 1 < len(rows) else None
        if follower is not None and (
            (row.kind == "data" and follower.kind == "foot") or row.kind == "book"
        ):
            needed += follower.height
        if needed > left and pages[-1]:
            pages.append([])
            left = room_other
        pages[-1].append(row)
        left -= row.height
    own_page = left < CLOSING_BLOCK
    return pages, own_page


# --- drawing -------------------------------------------------------------------------------


def _centred_lines(
    canvas: Canvas, lines: Sequence[str], x0: float, x1: float, top: float, bottom: float
) -> None:
    """Lines centred in the box (x0..x1, bottom..top), in the current font."""
    block = len(lines) * LEADING
    baseline = (top + bottom) / 2 + block / 2 - LEADING + (LEADING - HEAD_SIZE) / 2 + 1.2
    for line in lines:
        canvas.drawCentredString((x0 + x1) / 2, baseline, line)
        baseline -= LEADING


def _draw_heading(canvas: Canvas, top: float) -> float:
    """The three heading rows; returns their bottom."""
    head = _heading()
    mid = top - head.top
    low = mid - head.sub
    bottom = low - head.numbers
    canvas.setFillColor(HEAD_FILL)
    canvas.rect(X[0], low, TABLE_WIDTH, top - low, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(BOLD, HEAD_SIZE)
    for i, lines in enumerate(head.labels):
        cell_top = mid if i in DATE_COLUMNS else top
        _centred_lines(canvas, lines, X[i], X[i + 1], cell_top, low)
    first, last = DATE_COLUMNS[0], DATE_COLUMNS[-1] + 1
    _centred_lines(canvas, head.dates, X[first], X[last], top, mid)
    canvas.setFont(ITALIC, HEAD_SIZE)
    for i in range(len(WIDTHS)):
        _centred_lines(canvas, [f"({i + 1})"], X[i], X[i + 1], low, bottom)

    canvas.setLineWidth(LINE)
    path = canvas.beginPath()
    for y in (top, low, bottom):
        path.moveTo(X[0], y)
        path.lineTo(X[-1], y)
    path.moveTo(X[first], mid)
    path.lineTo(X[last], mid)
    for i, x in enumerate(X):
        start = mid if first < i < last else top
        path.moveTo(x, start)
        path.lineTo(x, bottom)
    canvas.drawPath(path, stroke=1, fill=0)
    return bottom


def _draw_rows(canvas: Canvas, rows: Sequence[_Row], top: float) -> float:
    """The rows of one page under the heading; returns the table's bottom.

    All the page's cell text goes into one text object (a PDF BT…ET block), which is
    several times cheaper than one object per string; the grid is one path.
    """
    text = canvas.beginText()
    font = (REGULAR, SIZE)
    text.setFont(*font)
    grid = canvas.beginPath()
    fills: list[tuple[float, float]] = []
    y = top
    block_top = y
    for row in rows:
        bottom = y - row.height
        baseline = y - PAD_TOP - SIZE + 0.5
        if row.kind == "data":
            if font != (REGULAR, SIZE):
                font = (REGULAR, SIZE)
                text.setFont(*font)
            for i, lines in enumerate(row.cells):
                line_y = baseline
                scaled = i == CODE_COLUMN and row.code_scale < 100.0
                if scaled:
                    text.setHorizScale(row.code_scale)
                for line in lines:
                    if ALIGN[i] == "C":
                        x = (X[i] + X[i + 1] - _width(line, REGULAR, SIZE)) / 2
                    else:
                        x = X[i] + PAD_X
                    text.setTextOrigin(x, line_y)
                    text.textOut(line)
                    line_y -= LEADING
                if scaled:
                    text.setHorizScale(100)
        else:
            if block_top > y:  # close the column lines of the data rows above
                for x in X:
                    grid.moveTo(x, block_top)
                    grid.lineTo(x, y)
            if row.kind == "foot":
                fills.append((bottom, row.height))
            wide = (ITALIC if row.kind == "note" else BOLD, SIZE)
            if font != wide:
                font = wide
                text.setFont(*font)
            for line in row.cells[0]:
                text.setTextOrigin(X[0] + PAD_X, baseline)
                text.textOut(line)
                baseline -= LEADING
            grid.moveTo(X[0], y)
            grid.lineTo(X[0], bottom)
            grid.moveTo(X[-1], y)
            grid.lineTo(X[-1], bottom)
            block_top = bottom
        grid.moveTo(X[0], bottom)
        grid.lineTo(X[-1], bottom)
        y = bottom
    if block_top > y:
        for x in X:
            grid.moveTo(x, block_top)
            grid.lineTo(x, y)
    canvas.setFillColor(FOOT_FILL)
    for fill_bottom, height in fills:
        canvas.rect(X[0], fill_bottom, TABLE_WIDTH, height, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.drawText(text)
    canvas.setLineWidth(LINE)
    canvas.drawPath(grid, stroke=1, fill=0)
    return y


def _draw_title(canvas: Canvas, log: DossierLog) -> float:
    """Unit block at the left, title block in the middle; returns where the table starts."""
    title = _title(log)
    top = PAGE_HEIGHT - TOP_MARGIN
    unit_centre = LEFT_MARGIN + UNIT_BLOCK / 2
    y = top - LINE_SIZE
    canvas.setFont(REGULAR, LINE_SIZE)
    for line in title.unit:
        canvas.drawCentredString(unit_centre, y, line)
        y -= LINE_LEADING
    canvas.setFont(BOLD, LINE_SIZE)
    for line in title.office:
        canvas.drawCentredString(unit_centre, y, line)
        y -= LINE_LEADING
    rule_y = y + LINE_LEADING - 6  # under the last line, clear of its dots below (ậ)
    canvas.setLineWidth(0.6)
    canvas.line(unit_centre - 14 * mm, rule_y, unit_centre + 14 * mm, rule_y)

    centre = PAGE_WIDTH / 2
    y = top
    for font, size, line in title.centre:
        y -= TITLE_LEADING if size == TITLE_SIZE else LINE_LEADING
        canvas.setFont(font, size)
        canvas.drawCentredString(centre, y + 3, line)
    return top - title.height


FOOT_SIZE, FOOT_SMALLEST = 8.0, 6.0


def _draw_page_foot(canvas: Canvas, log: DossierLog, page: int, pages: int) -> None:
    """The log's name, unit, books and range at the left, "Trang x/y" at the right; a long
    unit name makes the left text smaller, then takes two lines, never reaching the page
    number."""
    y = BOTTOM_MARGIN - 7 * mm
    number = f"Trang {page}/{pages}"
    canvas.setFont(REGULAR, 9)
    canvas.drawRightString(PAGE_WIDTH - RIGHT_MARGIN, y, number)
    room = TABLE_WIDTH - stringWidth(number, REGULAR, 9) - 6 * mm
    left = (f"{TITLE.capitalize()} — {_printed(log.unit_name)} — Quyển số: {log.books_text} — "
            f"{log.range_text}")
    size = FOOT_SIZE
    while size > FOOT_SMALLEST and stringWidth(left, ITALIC, size) > room:
        size -= 0.5
    lines = _wrap(left, ITALIC, size, room)[:2]
    canvas.setFont(ITALIC, size)
    for index, line in enumerate(lines):
        canvas.drawString(LEFT_MARGIN, y + (len(lines) - 1 - index) * (size + 1.5), line)


def _draw_closing(canvas: Canvas, log: DossierLog, top: float) -> None:
    """Totals, the notes about the check codes, the place and date, the two signatures."""
    totals = log.totals
    y = top - 6 * mm
    first = f"Tổng số hồ sơ: {totals.rows}"
    canvas.setFont(BOLD, 10)
    canvas.drawString(LEFT_MARGIN, y, first)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(
        LEFT_MARGIN + stringWidth(first, BOLD, 10),
        y,
        f";  đã trả kết quả: {totals.returned};  "
        f"nhận kết quả tại Bộ phận Một cửa: {totals.at_counter};  "
        f"qua bưu chính: {totals.by_post}.",
    )
    canvas.setFont(ITALIC, 8.5)
    notes = [HASH_NOTE] + ([CLERK_NOTE] if log.clerk else [])
    for note in notes:
        for line in _lines(note, TABLE_WIDTH, ITALIC, 8.5):
            y -= LEADING + 1
            canvas.drawString(LEFT_MARGIN, y, line)

    left_centre = LEFT_MARGIN + TABLE_WIDTH / 4
    right_centre = LEFT_MARGIN + TABLE_WIDTH * 3 / 4
    y -= 7 * mm
    canvas.setFont(ITALIC, 11)
    canvas.drawCentredString(right_centre, y, place_date_line(log.place_name, log.printed_on))
    y -= 6 * mm
    canvas.setFont(BOLD, 11)
    canvas.drawCentredString(left_centre, y, "NGƯỜI LẬP SỔ")
    canvas.drawCentredString(right_centre, y, "THỦ TRƯỞNG ĐƠN VỊ")
    y -= 5 * mm
    canvas.setFont(ITALIC, 10)
    canvas.drawCentredString(left_centre, y, "(Ký, ghi rõ họ tên)")
    canvas.drawCentredString(right_centre, y, "(Ký tên, đóng dấu)")


def build_log_pdf(log: DossierLog) -> bytes:
    """The log as A4 landscape PDF bytes; identical bytes for an identical log."""
    register_fonts()
    rows = _rows(log)
    pages, closing_page = _paginate(log, rows)
    total = len(pages) + (1 if closing_page else 0)

    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=SIZE,
    )
    canvas.setTitle(f"Sổ theo dõi hồ sơ {date_vn(log.start)} - {date_vn(log.end)}")
    canvas.setAuthor(log.unit_name)
    canvas.setSubject(log.range_text)
    canvas.setCreator(CREATOR)
    canvas.setProducer(CREATOR)

    bottom = PAGE_HEIGHT - TOP_MARGIN
    for number, page_rows in enumerate(pages, start=1):
        top = _draw_title(canvas, log) if number == 1 else PAGE_HEIGHT - TOP_MARGIN
        bottom = _draw_rows(canvas, page_rows, _draw_heading(canvas, top))
        _draw_page_foot(canvas, log, number, total)
        if number < len(pages):
            canvas.showPage()
    if closing_page:
        canvas.showPage()
        bottom = PAGE_HEIGHT - TOP_MARGIN
        _draw_page_foot(canvas, log, total, total)
    _draw_closing(canvas, log, bottom)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

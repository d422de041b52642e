"""Biểu số II.06a/VPCP/KSTT as an A4 landscape PDF, in the house style of the receipt.

Heading (the unit on the left, national name and motto on the right, the form number above
them), title, period, reporting and receiving units, the table with its three header rows and
the row of column numbers (1) … (13), one row per field, the bold total row, the place and
date line and the two signature blocks. Identical reports give identical bytes (reportlab's
invariant mode, fixed metadata); write the file with `files.write_atomically`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.formatting import date_vn, place_date_line, thousands
from ..domain.report06a import FORM_CODE, TITLE, UNIT_OF_COUNT, FieldRow, Report06a
from ..domain.text import nfc
from .fonts import BOLD, FAMILY, ITALIC, register_fonts
from .layout import MOTTO, NATIONAL_NAME, plain_table, render_pdf, short_rule, text

__all__ = ["build_report_06a_pdf", "column_widths", "HEADER_ROWS", "HEADER_SPANS", "NOTES"]

BLANK = "……………………………………"

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
LEFT_MARGIN = 15 * mm
RIGHT_MARGIN = 12 * mm
TOP_MARGIN = 12 * mm
BOTTOM_MARGIN = 12 * mm
FRAME_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN

BODY_SIZE = 12
BODY_LEADING = 14.5
MOTTO_SIZE = 13
HEAD_SIZE = 10
HEAD_LEADING = 11.5
CELL_SIZE = 11
CELL_LEADING = 13

#: The three header rows of the table, 13 cells each; "" is a cell covered by a span.
HEADER_ROWS: tuple[tuple[str, ...], ...] = (
    (
        "TT",
        "Lĩnh vực giải quyết",
        "Số hồ sơ nhận giải quyết",
        "",
        "",
        "",
        "Kết quả giải quyết",
        "",
        "",
        "",
        "",
        "",
        "",
    ),
    (
        "",
        "",
        "Tổng số",
        "Trong đó",
        "",
        "",
        "Số hồ sơ đã giải quyết",
        "",
        "",
        "",
        "Số hồ sơ đang giải quyết",
        "",
        "",
    ),
    (
        "",
        "",
        "",
        "Số kỳ trước chuyển qua",
        "Số mới tiếp nhận trực tuyến",
        "Số mới tiếp nhận (trực tiếp và dịch vụ bưu chính)",
        "Tổng số",
        "Trả trước hạn",
        "Trả đúng thời hạn",
        "Trả quá hạn",
        "Tổng số",
        "Chưa đến hạn",
        "Quá hạn",
    ),
)

#: (first column, first row) → (last column, last row) of every merged header cell.
HEADER_SPANS: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = (
    ((0, 0), (0, 2)),  # TT
    ((1, 0), (1, 2)),  # Lĩnh vực giải quyết
    ((2, 0), (5, 0)),  # Số hồ sơ nhận giải quyết
    ((6, 0), (12, 0)),  # Kết quả giải quyết
    ((2, 1), (2, 2)),  # Tổng số (nhận)
    ((3, 1), (5, 1)),  # Trong đó
    ((6, 1), (9, 1)),  # Đã giải quyết
    ((10, 1), (12, 1)),  # Đang giải quyết
)

# The counting rules of domain/report06a.py, as a reader of the printed form needs them.
NOTES = (
    "Ghi chú: Số liệu theo tình trạng hồ sơ tại thời điểm kết thúc kỳ báo cáo. Hồ sơ bị từ "
    "chối tiếp nhận không tính; hồ sơ dừng giải quyết, công dân xin rút được tính theo thời "
    "điểm kết thúc so với hạn giải quyết; cột (12) gồm cả hồ sơ đang chờ bổ sung; hồ sơ bị yêu "
    "cầu bổ sung quá một lần được tính quá hạn."
)

_NUMBER_WIDTH = 10 * mm
_NAME_WIDTH = 58 * mm


def column_widths(total_width: float) -> list[float]:
    """TT, field name, then eleven equal number columns filling `total_width`."""
    rest = (total_width - _NUMBER_WIDTH - _NAME_WIDTH) / 11
    return [_NUMBER_WIDTH, _NAME_WIDTH, *([rest] * 11)]


class _Styles:
    def __init__(self) -> None:
        base = ParagraphStyle(
            "body", fontName=FAMILY, fontSize=BODY_SIZE, leading=BODY_LEADING, alignment=TA_LEFT
        )
        self.body = base
        self.center = ParagraphStyle("center", parent=base, alignment=TA_CENTER)
        self.center_bold = ParagraphStyle("center_bold", parent=self.center, fontName=BOLD)
        self.unit = ParagraphStyle("unit", parent=self.center_bold)
        self.motto = ParagraphStyle(
            "motto", parent=self.center_bold, fontSize=MOTTO_SIZE, leading=BODY_LEADING + 1
        )
        self.form_code = ParagraphStyle(
            "form_code", parent=base, fontName=BOLD, fontSize=11, alignment=TA_RIGHT
        )
        self.title = ParagraphStyle(
            "title", parent=self.center_bold, fontSize=13, leading=16, spaceBefore=8
        )
        self.period = ParagraphStyle("period", parent=self.center, fontName=ITALIC, spaceAfter=4)
        self.unit_of_count = ParagraphStyle(
            "unit_of_count", parent=base, fontName=ITALIC, alignment=TA_RIGHT
        )
        self.head = ParagraphStyle(
            "head",
            parent=self.center_bold,
            fontSize=HEAD_SIZE,
            leading=HEAD_LEADING,
        )
        self.cell = ParagraphStyle("cell", parent=base, fontSize=CELL_SIZE, leading=CELL_LEADING)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=BOLD)
        self.note = ParagraphStyle(
            "note", parent=base, fontName=ITALIC, fontSize=10, leading=12, spaceBefore=3
        )
        self.place_date = ParagraphStyle("place_date", parent=self.center, fontName=ITALIC)
        self.sign_note = ParagraphStyle("sign_note", parent=self.center, fontName=ITALIC)


def _layout_table(rows: list[list[object]], widths: list[float], extra: tuple = ()) -> Table:
    """The house layout table, at reportlab's default size for the few plain-string cells."""
    return plain_table(rows, widths, (("FONTSIZE", (0, 0), (-1, -1), 10), *extra))


@lru_cache(maxsize=1)
def _styles() -> _Styles:
    register_fonts()
    return _Styles()


def _heading(report: Report06a, st: _Styles) -> list[Flowable]:
    left_width = 100 * mm
    right_width = FRAME_WIDTH - left_width
    unit = nfc(report.unit_name).upper()
    left = [
        Paragraph(text(unit), st.unit),
        short_rule(min(35 * mm, stringWidth(unit, BOLD, BODY_SIZE)), 4),
    ]
    right = [
        Paragraph(NATIONAL_NAME, st.center_bold),
        Paragraph(MOTTO, st.motto),
        short_rule(stringWidth(MOTTO, BOLD, MOTTO_SIZE), 4),
    ]
    return [
        Paragraph(FORM_CODE, st.form_code),
        Spacer(0, 2 * mm),
        _layout_table(
            [[left, right]], [left_width, right_width], (("ALIGN", (0, 0), (-1, -1), "CENTER"),)
        ),
    ]


def _titles(report: Report06a, st: _Styles) -> list[Flowable]:
    period = f"Kỳ báo cáo: từ ngày {date_vn(report.start)} đến ngày {date_vn(report.end)}"
    reporting = text(report.unit_name) or BLANK
    receiving = text(report.reporting_to) or BLANK
    units = _layout_table(
        [
            [
                Paragraph(f"Đơn vị báo cáo: <b>{reporting}</b>", st.body),
                Paragraph(f"Đơn vị nhận báo cáo: <b>{receiving}</b>", st.body),
            ]
        ],
        [FRAME_WIDTH / 2, FRAME_WIDTH / 2],
    )
    return [
        Paragraph(TITLE, st.title),
        Paragraph(period, st.period),
        units,
        Paragraph(UNIT_OF_COUNT, st.unit_of_count),
        Spacer(0, 1.5 * mm),
    ]


def _count(value: int) -> str:
    return thousands(value)


def _data_row(row: FieldRow, st: _Styles) -> list[object]:
    name_style = st.cell_bold if row.is_total else st.cell
    number = "" if row.number is None else str(row.number)
    return [number, Paragraph(text(row.label), name_style), *map(_count, row.counts())]


def _table(report: Report06a, st: _Styles) -> Table:
    header: list[list[object]] = [
        [Paragraph(text(label), st.head) if label else "" for label in row] for row in HEADER_ROWS
    ]
    numbers: list[object] = [f"({i})" for i in range(1, 14)]
    body = [_data_row(row, st) for row in report.all_rows()]
    rows = [*header, numbers, *body]
    head_rows = len(HEADER_ROWS) + 1
    table = Table(rows, colWidths=column_widths(FRAME_WIDTH), repeatRows=head_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("FONTNAME", (0, head_rows - 1), (-1, head_rows - 1), ITALIC),
        ("FONTSIZE", (0, head_rows - 1), (-1, head_rows - 1), HEAD_SIZE),
        ("FONTNAME", (0, -1), (-1, -1), BOLD),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), colors.Color(0.93, 0.93, 0.93)),
    ]
    style += [("SPAN", first, last) for first, last in HEADER_SPANS]
    table.setStyle(TableStyle(style))
    return table


def _signatures(report: Report06a, st: _Styles, place_name: str, issued_on: date) -> Table:
    def block(role: str, note: str) -> list[Flowable]:
        return [
            Paragraph(role, st.center_bold),
            Paragraph(note, st.sign_note),
            Spacer(0, 22 * mm),
        ]

    side = 110 * mm
    place = nfc(place_name) or "……………………"
    return _layout_table(
        [
            ["", "", Paragraph(text(place_date_line(place, issued_on)), st.place_date)],
            [
                block("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"),
                "",
                block("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"),
            ],
        ],
        [side, FRAME_WIDTH - 2 * side, side],
        (("TOPPADDING", (0, 1), (-1, 1), 2),),
    )


def _story(report: Report06a, place_name: str, issued_on: date) -> list[Flowable]:
    st = _styles()
    story = _heading(report, st)
    story += _titles(report, st)
    story.append(_table(report, st))
    story.append(
        KeepTogether(
            [
                Paragraph(NOTES, st.note),
                Spacer(0, 3 * mm),
                _signatures(report, st, place_name, issued_on),
            ]
        )
    )
    return story


def build_report_06a_pdf(report: Report06a, *, place_name: str, issued_on: date) -> bytes:
    """Biểu II.06a of `report` as A4 landscape PDF bytes; identical bytes for identical input.

    `place_name` and `issued_on` give the line "<place>, ngày … tháng … năm …" above the
    signatures. The report is checked first (`ReportIdentityError` if it does not add up).
    """
    report.check()
    register_fonts()
    footer = (
        f"{FORM_CODE} – {nfc(report.unit_name)} – "
        f"từ {date_vn(report.start)} đến {date_vn(report.end)}"
    )

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(ITALIC, 9)
        canvas.drawString(LEFT_MARGIN, BOTTOM_MARGIN - 6 * mm, footer)
        canvas.drawRightString(
            PAGE_WIDTH - RIGHT_MARGIN, BOTTOM_MARGIN - 6 * mm, f"Trang {doc.page}"
        )
        canvas.restoreState()

    content, _pages = render_pdf(
        _story(report, place_name, issued_on),
        title=f"{FORM_CODE} {date_vn(report.start)} – {date_vn(report.end)}",
        author=nfc(report.unit_name),
        subject=nfc(TITLE),
        on_page=on_page,
        template_id="report06a",
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        margins=(LEFT_MARGIN, RIGHT_MARGIN, TOP_MARGIN, BOTTOM_MARGIN),
    )
    return content

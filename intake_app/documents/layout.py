"""What every printed slip of the counter shares: A4 page, Tinos styles, header, tables, marks.

The receipt (Mẫu 01, `receipt_pdf`) and the later slips (Mẫu 02–06, `slips_pdf`) are laid out
with these pieces so that they look alike: the agency and national-motto header, the same
paragraph styles, the component table, the signature blocks and the BẢN SAO mark. Documents
are built in reportlab's invariant mode with fixed metadata, so the same data gives the same
bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.receipt import ReceiptDocument
from ..domain.text import nfc, without_format_characters
from .fonts import BOLD, FAMILY, ITALIC, REGULAR, register_fonts

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
COPY_MARK = "BẢN SAO"
CREATOR = "intake-app"
BLANK = "……………………"

LEFT_MARGIN = 20 * mm
RIGHT_MARGIN = 15 * mm
TOP_MARGIN = 15 * mm
BOTTOM_MARGIN = 15 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
FRAME_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN

BODY_SIZE = 12
BODY_LEADING = 14.5
MOTTO_SIZE = 13

HEADER_LEFT_WIDTH = 72 * mm

# Upper-case office names as printed in the header, and how a sentence writes them.
_OFFICE_IN_SENTENCE = {
    "BỘ PHẬN MỘT CỬA": "Bộ phận Một cửa",
    "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ": "Bộ phận Tiếp nhận và Trả kết quả",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG": "Trung tâm Phục vụ hành chính công",
}


def text(value: object) -> str:
    """NFC, single-spaced and escaped for paragraph markup; invisible format characters (a
    zero-width space inside a name) left out, as a reader sees the text."""
    return escape(without_format_characters(nfc(str(value))))


def break_points(value: str, first_width: float, width: float, font: str, size: float,
                 after: str = "@.-_") -> list[str]:
    """`value` (one word with no space: an email) cut into lines that fit: the first line
    `first_width` wide (after its label), the next ones `width`; cut only after one of
    `after` ("@" and "." for an email), and inside a piece only when that piece alone is
    wider than a whole line."""
    pieces: list[str] = []
    current = ""
    for char in value:
        current += char
        if char in after:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    lines: list[str] = []
    line = ""
    room = first_width
    for piece in pieces:
        if stringWidth(line + piece, font, size) <= room:
            line += piece
            continue
        if line:
            lines.append(line)
            room = width
            line = ""
        while stringWidth(piece, font, size) > room:  # one piece wider than a line
            cut = len(piece)
            while cut > 1 and stringWidth(piece[:cut], font, size) > room:
                cut -= 1
            lines.append(piece[:cut])
            piece = piece[cut:]
            room = width
        line = piece
    if line:
        lines.append(line)
    return lines


def labelled_unbroken(label: str, value: str, style: ParagraphStyle,
                      width: float = 0.0) -> Paragraph:
    """'<label> <value>' where the value (an email) breaks only after "@" or "." when it does
    not fit the line, never in the middle of a word; blank dots when there is no value."""
    width = width or FRAME_WIDTH
    cleaned = without_format_characters(nfc(value))
    if not cleaned:
        return Paragraph(f"{label} {BLANK}", style)
    first = width - stringWidth(f"{label} ", style.fontName, style.fontSize) - 1
    lines = break_points(cleaned, first, width - 1, style.fontName, style.fontSize)
    return Paragraph(f"{label} " + "<br/>".join(escape(line) for line in lines), style)


def or_blank(value: str) -> str:
    """`text`, or a dotted blank to fill in by hand when there is nothing to print."""
    cleaned = text(value)
    return cleaned if cleaned else BLANK


def upper(value: str) -> str:
    return nfc(value).upper()


def office_in_sentence(office_name: str) -> str:
    """'BỘ PHẬN MỘT CỬA' → 'Bộ phận Một cửa'; a name not in upper case is kept as it is."""
    name = nfc(office_name)
    return _OFFICE_IN_SENTENCE.get(name.upper(), name) if name.isupper() else name


class Styles:
    """Every paragraph style of the slips, all in the bundled Tinos family.

    `compact` is the tighter variant tried when the normal one spills onto a second page.
    """

    def __init__(self, compact: bool) -> None:
        self.compact = compact
        body_size, body_leading = (11.5, 13.5) if compact else (BODY_SIZE, BODY_LEADING)
        cell_size, cell_leading = (11, 12.5) if compact else (11.5, 13.5)
        self.signature_space = (15 if compact else 18) * mm
        base = ParagraphStyle(
            "body",
            fontName=FAMILY,
            fontSize=body_size,
            leading=body_leading,
            alignment=TA_JUSTIFY,
            spaceAfter=0.5 if compact else 1,
        )
        self.body = base
        self.center = ParagraphStyle("center", parent=base, alignment=TA_CENTER, spaceAfter=0)
        self.center_bold = ParagraphStyle("center_bold", parent=self.center, fontName=BOLD)
        self.national = ParagraphStyle(
            "national", parent=self.center_bold, fontSize=BODY_SIZE, leading=BODY_LEADING
        )
        self.national_plain = ParagraphStyle(
            "national_plain", parent=self.national, fontName=FAMILY
        )
        self.motto = ParagraphStyle(
            "motto", parent=self.national, fontSize=MOTTO_SIZE, leading=BODY_LEADING + 1
        )
        self.place_date = ParagraphStyle(
            "place_date", parent=self.national, fontName=ITALIC, spaceBefore=0
        )
        self.code_line = ParagraphStyle(
            "code_line", parent=self.national, fontName=FAMILY, alignment=TA_LEFT
        )
        self.title = ParagraphStyle(
            "title",
            parent=self.national,
            fontSize=13,
            leading=16,
            spaceBefore=2 if compact else 4,
            spaceAfter=4 if compact else 6,
        )
        self.fee = ParagraphStyle("fee", parent=base, leftIndent=6 * mm)
        self.cell = ParagraphStyle(
            "cell",
            parent=base,
            fontSize=cell_size,
            leading=cell_leading,
            alignment=TA_LEFT,
            spaceAfter=0,
        )
        self.sign_note = ParagraphStyle("sign_note", parent=self.center, fontName=ITALIC)
        self.note = ParagraphStyle(
            "note",
            parent=base,
            fontName=FAMILY,
            fontSize=11,
            leading=12.5 if compact else 13.5,
            spaceBefore=3 if compact else 4,
        )


@lru_cache(maxsize=2)
def styles(compact: bool) -> Styles:
    register_fonts()
    return Styles(compact)


def short_rule(width: float, space_before: float = 3.5) -> HRFlowable:
    """The short centred line under the agency name and under the motto."""
    return HRFlowable(
        width=width,
        thickness=0.6,
        color=colors.black,
        hAlign="CENTER",
        spaceBefore=space_before,
        spaceAfter=0,
    )


def plain_table(rows: list[list[object]], widths: list[float], extra: Iterable = ()) -> Table:
    """A borderless layout table with no cell padding."""
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *extra,
            ]
        )
    )
    return table


def agency_header(
    unit_name: str, office_name: str, left_line: Flowable | str, place_date: str, st: Styles,
    *, issuer: tuple[str, str] | None = None,
) -> Table:
    """Agency (unit, office, short rule) | national name, motto, short rule; then one line each.

    Under the agency comes `left_line` (the receipt's dossier code, a slip's number), under
    the motto the place and date in italics. `issuer` replaces the unit and office with the
    two bold lines of a letter's issuing body ("ỦY BAN NHÂN DÂN", "PHƯỜNG PHONG QUẢNG").
    """
    right_width = FRAME_WIDTH - HEADER_LEFT_WIDTH
    if issuer is not None:
        body, place = (upper(part) for part in issuer)
        left = [Paragraph(text(body), st.national), Paragraph(text(place), st.national),
                short_rule(min(28 * mm, stringWidth(place, BOLD, BODY_SIZE)))]
    else:
        office = upper(office_name)
        left = [
            Paragraph(text(upper(unit_name)), st.national_plain),
            Paragraph(text(office), st.national),
            short_rule(min(28 * mm, stringWidth(office, BOLD, BODY_SIZE))),
        ]
    right = [
        Paragraph(NATIONAL_NAME, st.national),
        Paragraph(MOTTO, st.motto),
        short_rule(stringWidth(MOTTO, BOLD, MOTTO_SIZE)),
    ]
    return plain_table(
        [
            [left, right],
            [left_line, Paragraph(text(place_date), st.place_date)],
        ],
        [HEADER_LEFT_WIDTH, right_width],
        [("ALIGN", (0, 0), (-1, 0), "CENTER"), ("TOPPADDING", (0, 1), (-1, 1), 6)],
    )


def _count(value: int) -> str:
    return str(value) if value else "–"


def documents_table(
    documents: Sequence[ReceiptDocument],
    st: Styles,
    *,
    name_heading: str = "Tên giấy tờ",
    copy_heading: str = "Bản sao",
    count_width: float = 21 * mm,
    with_total: bool = True,
) -> Table:
    """TT | <name_heading> | Số lượng (Bản chính, <copy_heading>, Bản photo), maybe a total row.

    Only the names are paragraphs (they wrap); numbers and headings are plain cell strings,
    which reportlab draws without paragraph layout ('\\n' breaks a heading).
    """
    number_width = 11 * mm
    name_width = FRAME_WIDTH - number_width - 3 * count_width
    rows: list[list[object]] = [
        ["TT", name_heading, "Số lượng", "", ""],
        ["", "", "Bản chính", copy_heading, "Bản photo"],
    ]
    for index, doc in enumerate(documents, start=1):
        rows.append(
            [
                str(index),
                Paragraph(text(doc.name), st.cell),
                _count(doc.originals),
                _count(doc.certified_copies),
                _count(doc.photocopies),
            ]
        )
    if not documents:
        rows.append(["", Paragraph("(Không có giấy tờ)", st.cell), "", "", ""])
    if with_total:
        rows.append(
            [
                "",
                "Tổng cộng",
                _count(sum(d.originals for d in documents)),
                _count(sum(d.certified_copies for d in documents)),
                _count(sum(d.photocopies for d in documents)),
            ]
        )
    table = Table(
        rows,
        colWidths=[number_width, name_width, count_width, count_width, count_width],
        repeatRows=2,
    )
    total_style = [("FONTNAME", (0, -1), (-1, -1), BOLD)] if with_total else []
    total_align = [("ALIGN", (1, -1), (1, -1), "LEFT")] if with_total else []
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("FONTNAME", (0, 0), (-1, 1), BOLD),
                *total_style,
                ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
                ("LEADING", (0, 0), (-1, -1), st.cell.leading),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (1, 0), (1, 1)),
                ("SPAN", (2, 0), (4, 0)),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                *total_align,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


SIGN_NOTE = "(Ký và ghi rõ họ tên)"


def signature_block(role: str, name: str, st: Styles, note: str = SIGN_NOTE) -> list[Flowable]:
    """Role in bold, the italic note, room to sign, then the signer's name in bold (if known)."""
    return [
        Paragraph(role, st.center_bold),
        Paragraph(note, st.sign_note),
        Spacer(0, st.signature_space),
        Paragraph(f"<b>{text(name)}</b>" if nfc(name) else "", st.center),
    ]


def draw_copy_mark(canvas: Canvas) -> None:
    """A boxed 'BẢN SAO' in the top margin and a light diagonal watermark under the text."""
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.9, 0.9, 0.9))
    canvas.setFont(BOLD, 110)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(40)
    canvas.drawCentredString(0, -35, COPY_MARK)
    canvas.restoreState()

    canvas.saveState()
    size = 13
    width = stringWidth(COPY_MARK, BOLD, size) + 6 * mm
    height = 7.5 * mm
    right = PAGE_WIDTH - RIGHT_MARGIN
    top = PAGE_HEIGHT - 5 * mm
    canvas.setLineWidth(1.2)
    canvas.rect(right - width, top - height, width, height, stroke=1, fill=0)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(right - width / 2, top - height / 2 - 0.35 * size, COPY_MARK)
    canvas.restoreState()


PageHook = Callable[[Canvas, BaseDocTemplate], None]


def render_pdf(
    story: list[Flowable],
    *,
    title: str,
    author: str,
    subject: str,
    on_page: PageHook,
    template_id: str,
    pagesize: tuple[float, float] = A4,
    margins: tuple[float, float, float, float] = (LEFT_MARGIN, RIGHT_MARGIN, TOP_MARGIN,
                                                  BOTTOM_MARGIN),
) -> tuple[bytes, int]:
    """Lay `story` out on pages (A4 portrait and the common margins unless told otherwise);
    the PDF bytes and the page count. `margins` are left, right, top, bottom.

    Invariant mode and fixed creator/producer: no time stamp or random id in the file.
    """
    left, right, top, bottom = margins
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        subject=subject,
        creator=CREATOR,
        producer=CREATOR,
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=BODY_SIZE,
    )
    frame = Frame(
        left,
        bottom,
        pagesize[0] - left - right,
        pagesize[1] - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id=template_id, frames=[frame], onPage=on_page)])
    doc.build(story)
    return buffer.getvalue(), doc.page

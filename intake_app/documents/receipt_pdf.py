"""The receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01) as PDF.

Layout of Mẫu 01 of Circular 01/2018/TT-VPCP as provincial systems print it: agency and
national motto header, dossier code with Code128 and QR, applicant, requested procedure,
component table, times, fees, ledger entry, two signature blocks and the collection note.

The same `ReceiptData` always gives the same bytes (reportlab's invariant mode, fixed
metadata), so a reprint can be compared with the original.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
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
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.clock import to_vn
from ..domain.formatting import clock_phrase, money_words_unit, place_date_line
from ..domain.receipt import ReceiptData, ReceiptDocument
from ..domain.text import nfc
from .barcodes import Code128Flowable, QrFlowable
from .fonts import BOLD, FAMILY, ITALIC, REGULAR, register_fonts

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
COPY_MARK = "BẢN SAO"
NO_DUE_DATE = "Không có thời hạn hẹn trả"
COLLECTION_NOTE = (
    "Khi đến nhận kết quả, ông/bà mang theo Giấy tiếp nhận hồ sơ này và giấy tờ tùy thân "
    "(CCCD/Căn cước); nếu nhận thay phải có giấy ủy quyền theo quy định."
)
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

# Upper-case office names as printed in the header, and how a sentence writes them.
_OFFICE_IN_SENTENCE = {
    "BỘ PHẬN MỘT CỬA": "Bộ phận Một cửa",
    "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ": "Bộ phận Tiếp nhận và Trả kết quả",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG": "Trung tâm Phục vụ hành chính công",
}


def _text(value: object) -> str:
    """NFC, single-spaced and escaped for paragraph markup."""
    return escape(nfc(str(value)))


def _or_blank(value: str) -> str:
    cleaned = _text(value)
    return cleaned if cleaned else BLANK


def _upper(value: str) -> str:
    return nfc(value).upper()


def _office_in_sentence(office_name: str) -> str:
    name = nfc(office_name)
    return _OFFICE_IN_SENTENCE.get(name.upper(), name) if name.isupper() else name


class _Styles:
    """Every paragraph style of the slip, all in the bundled Tinos family.

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
def _styles(compact: bool) -> _Styles:
    register_fonts()
    return _Styles(compact)


def _short_rule(width: float, space_before: float = 3.5) -> HRFlowable:
    return HRFlowable(
        width=width,
        thickness=0.6,
        color=colors.black,
        hAlign="CENTER",
        spaceBefore=space_before,
        spaceAfter=0,
    )


def _plain_table(rows: list[list[object]], widths: list[float], extra: Iterable = ()) -> Table:
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


def _header(data: ReceiptData, st: _Styles) -> list[Flowable]:
    left_width = 72 * mm
    right_width = FRAME_WIDTH - left_width
    office = _upper(data.office_name)
    left = [
        Paragraph(_text(_upper(data.unit_name)), st.national_plain),
        Paragraph(_text(office), st.national),
        _short_rule(min(28 * mm, stringWidth(office, BOLD, BODY_SIZE))),
    ]
    right = [
        Paragraph(NATIONAL_NAME, st.national),
        Paragraph(MOTTO, st.motto),
        _short_rule(stringWidth(MOTTO, BOLD, MOTTO_SIZE)),
    ]
    code = nfc(data.code)
    place_date = place_date_line(nfc(data.place_name), to_vn(data.received_at).date())
    header = _plain_table(
        [
            [left, right],
            [
                Paragraph(f"Mã hồ sơ: <b>{escape(code)}</b>", st.code_line),
                Paragraph(_text(place_date), st.place_date),
            ],
        ],
        [left_width, right_width],
        [("ALIGN", (0, 0), (-1, 0), "CENTER"), ("TOPPADDING", (0, 1), (-1, 1), 6)],
    )

    qr_size = 22 * mm
    barcode = Code128Flowable(
        code,
        bar_height=12 * mm,
        max_width=FRAME_WIDTH - qr_size - 20 * mm,
        caption_font=FAMILY,
        caption_size=10,
    )
    codes = _plain_table(
        [[barcode, QrFlowable(code, qr_size)]],
        [FRAME_WIDTH - qr_size, qr_size],
        [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")],
    )
    return [header, codes]


def _count(value: int) -> str:
    return str(value) if value else "–"


def _documents_table(documents: tuple[ReceiptDocument, ...], st: _Styles) -> Table:
    """TT | Tên giấy tờ | Số lượng (Bản chính, Bản sao, Bản photo), with a total row.

    Only the names are paragraphs (they wrap); numbers and headings are plain cell strings,
    which reportlab draws without paragraph layout.
    """
    number_width = 11 * mm
    count_width = 21 * mm
    name_width = FRAME_WIDTH - number_width - 3 * count_width
    rows: list[list[object]] = [
        ["TT", "Tên giấy tờ", "Số lượng", "", ""],
        ["", "", "Bản chính", "Bản sao", "Bản photo"],
    ]
    for index, doc in enumerate(documents, start=1):
        rows.append(
            [
                str(index),
                Paragraph(_text(doc.name), st.cell),
                _count(doc.originals),
                _count(doc.certified_copies),
                _count(doc.photocopies),
            ]
        )
    if not documents:
        rows.append(["", Paragraph("(Không có giấy tờ)", st.cell), "", "", ""])
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
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("FONTNAME", (0, 0), (-1, 1), BOLD),
                ("FONTNAME", (0, -1), (-1, -1), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
                ("LEADING", (0, 0), (-1, -1), st.cell.leading),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (1, 0), (1, 1)),
                ("SPAN", (2, 0), (4, 0)),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("ALIGN", (1, -1), (1, -1), "LEFT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _fee_lines(data: ReceiptData, st: _Styles) -> list[Flowable]:
    if not data.fees:
        total = "Không thu" if data.fee_total == 0 else money_words_unit(data.fee_total)
        return [Paragraph(f"Phí, lệ phí: {_text(total)}", st.body)]

    def line(label: str, amount: int | None, note: str) -> str:
        text = f"{_text(label)}: <b>{_text(money_words_unit(amount))}</b>"
        return f"{text} ({_text(note)})" if nfc(note) else text

    if len(data.fees) == 1:
        fee = data.fees[0]
        out = [Paragraph(f"Phí, lệ phí: {line(fee.label, fee.amount, fee.note)}", st.body)]
        if fee.amount != data.fee_total:
            out.append(
                Paragraph(f"Tổng cộng: <b>{_text(money_words_unit(data.fee_total))}</b>", st.body)
            )
        return out
    out = [Paragraph("Phí, lệ phí:", st.body)]
    out += [Paragraph(f"- {line(f.label, f.amount, f.note)}", st.fee) for f in data.fees]
    out.append(Paragraph(f"Tổng cộng: <b>{_text(money_words_unit(data.fee_total))}</b>", st.fee))
    return out


def ledger_line(data: ReceiptData) -> str:
    """'Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 125' (dots when not set)."""
    book = nfc(data.ledger_book) or BLANK
    number = str(data.ledger_number) if data.ledger_number else BLANK
    return f"Vào Sổ theo dõi hồ sơ, Quyển số: {book}, Số thứ tự: {number}"


def _signatures(data: ReceiptData, st: _Styles) -> Table:
    def block(role: str, name: str) -> list[Flowable]:
        return [
            Paragraph(role, st.center_bold),
            Paragraph("(Ký và ghi rõ họ tên)", st.sign_note),
            Spacer(0, st.signature_space),
            Paragraph(f"<b>{_text(name)}</b>" if nfc(name) else "", st.center),
        ]

    half = FRAME_WIDTH / 2
    return _plain_table(
        [
            [
                block("NGƯỜI NỘP HỒ SƠ", data.applicant_name),
                block("NGƯỜI TIẾP NHẬN HỒ SƠ", data.clerk_name),
            ]
        ],
        [half, half],
    )


def _story(data: ReceiptData, compact: bool) -> list[Flowable]:
    st = _styles(compact)
    office = _office_in_sentence(data.office_name)
    story: list[Flowable] = _header(data, st)
    story.append(Paragraph(TITLE, st.title))
    story.append(
        Paragraph(f"{_text(office)} {_text(data.unit_name)} tiếp nhận hồ sơ của:", st.body)
    )
    story.append(
        _plain_table(
            [
                [
                    Paragraph(f"Ông/Bà: <b>{_text(data.applicant_name)}</b>", st.body),
                    Paragraph(
                        f"Số định danh cá nhân/CCCD: {_or_blank(data.applicant_id_number)}",
                        st.body,
                    ),
                ]
            ],
            [75 * mm, FRAME_WIDTH - 75 * mm],
        )
    )
    story.append(Paragraph(f"Địa chỉ: {_or_blank(data.applicant_address)}", st.body))
    story.append(
        _plain_table(
            [
                [
                    Paragraph(f"Số điện thoại: {_or_blank(data.applicant_phone)}", st.body),
                    Paragraph(f"Email: {_or_blank(data.applicant_email)}", st.body),
                ]
            ],
            [75 * mm, FRAME_WIDTH - 75 * mm],
        )
    )
    if nfc(data.owner_name):
        story.append(
            Paragraph(
                f"Chủ hồ sơ: <b>{_text(data.owner_name)}</b>. "
                f"Địa chỉ: {_or_blank(data.owner_address)}",
                st.body,
            )
        )
    story.append(
        Paragraph(
            f"Nội dung yêu cầu giải quyết: <b>{_text(data.procedure_name)}</b>"
            f" (Mã TTHC: {_text(data.procedure_code)})",
            st.body,
        )
    )
    story.append(Paragraph("1. Thành phần hồ sơ nộp gồm:", st.body))
    story.append(_documents_table(data.documents, st))
    story.append(Spacer(0, 2 * mm))
    due = f"<b>{_text(clock_phrase(data.due_at))}</b>" if data.due_at is not None else NO_DUE_DATE
    story += [
        Paragraph(f"2. Số lượng hồ sơ: {data.sets:02d} bộ", st.body),
        Paragraph(
            f"3. Thời gian giải quyết hồ sơ theo quy định: {_or_blank(data.processing_time_text)}",
            st.body,
        ),
        Paragraph(f"4. Thời gian nhận hồ sơ: {_text(clock_phrase(data.received_at))}", st.body),
        Paragraph(f"5. Thời gian trả kết quả giải quyết hồ sơ: {due}", st.body),
        Paragraph(f"6. Đăng ký nhận kết quả tại: {_or_blank(data.result_delivery_text)}", st.body),
    ]
    story += _fee_lines(data, st)
    story.append(Paragraph(f"Hình thức thanh toán: {_or_blank(data.payment_method)}", st.body))
    story.append(Paragraph(_text(ledger_line(data)), st.body))
    story.append(
        KeepTogether(
            [
                Spacer(0, 3 * mm),
                _signatures(data, st),
                Paragraph(f"<b>Lưu ý:</b> <i>{COLLECTION_NOTE}</i>", st.note),
            ]
        )
    )
    return story


def _draw_copy_mark(canvas: Canvas) -> None:
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


def build_receipt_pdf(data: ReceiptData) -> bytes:
    """The A4 receipt of `data` as PDF bytes; identical bytes for identical data.

    Laid out with the normal sizes first; when that spills onto a second page, a tighter
    variant (smaller leading, shorter signature space) is used if it fits on one page.
    """
    register_fonts()
    content, pages = _render(data, compact=False)
    if pages > 1:
        tight, tight_pages = _render(data, compact=True)
        if tight_pages == 1:
            return tight
    return content


def _render(data: ReceiptData, compact: bool) -> tuple[bytes, int]:
    """The PDF bytes and their page count."""
    code = nfc(data.code)

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if data.is_copy:
            _draw_copy_mark(canvas)
        if doc.page > 1:
            canvas.saveState()
            canvas.setFont(ITALIC, 10)
            canvas.drawString(
                LEFT_MARGIN,
                PAGE_HEIGHT - TOP_MARGIN + 3 * mm,
                f"Giấy tiếp nhận hồ sơ, mã hồ sơ {code} – trang {doc.page}",
            )
            canvas.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {code}",
        author=nfc(data.unit_name),
        subject=code,
        creator=CREATOR,
        producer=CREATOR,
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=BODY_SIZE,
    )
    frame = Frame(
        LEFT_MARGIN,
        BOTTOM_MARGIN,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="receipt", frames=[frame], onPage=on_page)])
    doc.build(_story(data, compact))
    return buffer.getvalue(), doc.page


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; Windows cannot open a folder for fsync, so it is skipped there."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_pdf_atomically(path: Path, content: bytes) -> None:
    """Write `content` to `path` so that a crash leaves either the old file or the new one.

    The bytes go to a temporary file in the same folder, are flushed and fsynced, then the
    temporary file replaces `path` in one rename and the folder entry is fsynced.
    """
    path = Path(path)
    folder = path.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        with suppress(OSError):
            os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)

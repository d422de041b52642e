"""The receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01) as PDF.

Layout of Mẫu 01 of Circular 01/2018/TT-VPCP as provincial systems print it: agency and
national motto header, dossier code with Code128 and QR, applicant, requested procedure,
component table, times, fees, ledger entry, two signature blocks and the collection note.

The same `ReceiptData` always gives the same bytes (reportlab's invariant mode, fixed
metadata), so a reprint can be compared with the original.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from ..domain.clock import to_vn
from ..domain.formatting import clock_phrase, money_words_unit, place_date_line
from ..domain.id_documents import IdKind
from ..domain.receipt import ReceiptData
from ..domain.text import nfc
from .barcodes import Code128Flowable, QrFlowable
from .fonts import FAMILY, ITALIC, register_fonts
from .layout import (
    BLANK,
    FRAME_WIDTH,
    LEFT_MARGIN,
    PAGE_HEIGHT,
    TOP_MARGIN,
    agency_header,
    documents_table,
    draw_copy_mark,
    labelled_unbroken,
    render_pdf,
    signature_block,
)
from .layout import Styles as _Styles
from .layout import office_in_sentence as _office_in_sentence
from .layout import or_blank as _or_blank
from .layout import plain_table as _plain_table
from .layout import styles as _styles
from .layout import text as _text

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
NO_DUE_DATE = "Không có thời hạn hẹn trả"
COLLECTION_NOTE = (
    "Khi đến nhận kết quả, ông/bà mang theo Giấy tiếp nhận hồ sơ này và giấy tờ tùy thân "
    "(CCCD/Căn cước); nếu nhận thay phải có giấy ủy quyền theo quy định."
)


def collection_note(id_label: str) -> str:
    """What the citizen brings to collect the result: the document the receipt names."""
    if nfc(id_label) == IdKind.PASSPORT.label:  # a foreigner brings the passport
        return COLLECTION_NOTE.replace("(CCCD/Căn cước)", "(hộ chiếu)")
    return COLLECTION_NOTE


def _header(data: ReceiptData, st: _Styles) -> list[Flowable]:
    code = nfc(data.code)
    place_date = place_date_line(nfc(data.place_name), to_vn(data.received_at).date())
    header = agency_header(
        data.unit_name,
        data.office_name,
        Paragraph(f"Mã hồ sơ: <b>{escape(code)}</b>", st.code_line),
        place_date,
        st,
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


def _fee_lines(data: ReceiptData, st: _Styles) -> list[Flowable]:
    if not data.fees:
        total = "Không thu" if data.fee_total == 0 else money_words_unit(data.fee_total)
        return [Paragraph(f"Phí, lệ phí: {_text(total)}", st.body)]

    def line(label: str, amount: int | None, note: str) -> str:
        if amount is None:  # the province's amount, not entered: its rule, no internal words
            return f"{_text(label)}: theo Nghị quyết của HĐND tỉnh"
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
    half = FRAME_WIDTH / 2
    return _plain_table(
        [
            [
                signature_block("NGƯỜI NỘP HỒ SƠ", data.applicant_name, st),
                signature_block("NGƯỜI TIẾP NHẬN HỒ SƠ", data.clerk_name, st),
            ]
        ],
        [half, half],
    )


def _story(data: ReceiptData, compact: bool) -> list[Flowable]:
    st = _styles(compact)
    office = _office_in_sentence(data.office_name)
    story: list[Flowable] = _header(data, st)
    story.append(Paragraph(TITLE, st.title))
    if nfc(data.reissue_note):
        # A receipt issued again after a correction says so under its title, and what changed
        # for the citizen (the fee), so the two originals are never taken for one another.
        story.append(Paragraph(_text(data.reissue_note), st.sign_note))
    story.append(
        Paragraph(f"{_text(office)} {_text(data.unit_name)} tiếp nhận hồ sơ của:", st.body)
    )
    # The name has the whole line (a long one wraps under itself, never into a label), the
    # ID number and phone share the next, the email and the address have a line each.
    story.append(Paragraph(f"Ông/Bà: <b>{_text(data.applicant_name)}</b>", st.body))
    story.append(
        _plain_table(
            [
                [
                    Paragraph(
                        f"{_text(data.applicant_id_label)}: "
                        f"{_or_blank(data.applicant_id_number)}",
                        st.body,
                    ),
                    Paragraph(f"Số điện thoại: {_or_blank(data.applicant_phone)}", st.body),
                ]
            ],
            [FRAME_WIDTH - 70 * mm, 70 * mm],
        )
    )
    story.append(labelled_unbroken("Email:", data.applicant_email, st.body))
    story.append(Paragraph(f"Địa chỉ: {_or_blank(data.applicant_address)}", st.body))
    if nfc(data.owner_name):
        owner_id = (f", {_text(data.owner_id_label)}: {_text(data.owner_id_number)}"
                    if nfc(data.owner_id_number) else "")
        story.append(
            Paragraph(
                f"Chủ hồ sơ: <b>{_text(data.owner_name)}</b>{owner_id}. "
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
    story.append(documents_table(data.documents, st))
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
                Paragraph(f"<b>Lưu ý:</b> <i>{collection_note(data.applicant_id_label)}</i>",
                          st.note),
            ]
        )
    )
    return story


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
            draw_copy_mark(canvas)
        if doc.page > 1:
            canvas.saveState()
            canvas.setFont(ITALIC, 10)
            canvas.drawString(
                LEFT_MARGIN,
                PAGE_HEIGHT - TOP_MARGIN + 3 * mm,
                f"Giấy tiếp nhận hồ sơ, mã hồ sơ {code} – trang {doc.page}",
            )
            canvas.restoreState()

    return render_pdf(
        _story(data, compact),
        title=f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {code}",
        author=nfc(data.unit_name),
        subject=code,
        on_page=on_page,
        template_id="receipt",
    )

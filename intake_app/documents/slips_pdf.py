"""The official slips issued after receipt (Mẫu 02–06 of Circular 03/2025/TT-VPCP, numbered as
docs/official-sources.md §1 lists them) as A4 PDFs.

- Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (`SupplementSlip`);
- Mẫu 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ (`RefusalSlip`);
- Mẫu 04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (`ApologySlip`);
- Mẫu 05 Thông báo dừng giải quyết hồ sơ (`StopNotice`);
- Mẫu 06 Phiếu kiểm soát quá trình giải quyết hồ sơ (`ControlSheet`): a row per hand-over, and
  one for the apology letter and for the stop.

They share the receipt's look (`layout`): agency and national-motto header, place and date in
italics, Tinos fonts, Code128 of the dossier code, BẢN SAO mark on copies. The two letters
signed by the Chairman (apology, stop) carry the People's Committee's letterhead ("ỦY BAN NHÂN
DÂN / PHƯỜNG …") instead of the counter's. A slip is dated by the step it answers; a long email
breaks only after "@" or ".". The same record always gives the same bytes (reportlab's
invariant mode, fixed metadata).

One-page slips are laid out with the normal sizes first and with the compact ones when that
spills over; whatever still runs over several pages (a long control sheet) carries
"Trang x/y" at the bottom and the slip's name and dossier code at the top of every later page.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
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

from ..domain.clock import to_vn
from ..domain.formatting import clock_phrase, place_date_line
from ..domain.slips import (
    ApologySlip,
    ControlSheet,
    HandoverRow,
    RefusalSlip,
    Slip,
    SlipHeader,
    SlipKind,
    StopNotice,
    SupplementSlip,
    slip_kind,
)
from ..domain.text import fold, nfc
from .barcodes import Code128Flowable
from .fonts import BOLD, BOLD_ITALIC, FAMILY, ITALIC, register_fonts
from .layout import (
    BLANK,
    BOTTOM_MARGIN,
    FRAME_WIDTH,
    LEFT_MARGIN,
    PAGE_HEIGHT,
    TOP_MARGIN,
    Styles,
    agency_header,
    documents_table,
    draw_copy_mark,
    labelled_unbroken,
    office_in_sentence,
    or_blank,
    plain_table,
    render_pdf,
    signature_block,
    styles,
    text,
)

NO_DUE_DATE = "Không có thời hạn hẹn trả"
NBSP = "\u00a0"
HEAD_SIGN_NOTE = "(Ký, ghi rõ họ tên và đóng dấu)"
SIGN_LINE = "………………………………"
HAND_BLANK = "…" * 7  # a party to write in by hand: fits after "1. Giao:" in its cell
BLANK_HANDOVER_ROWS = 5  # rows to fill in by hand on a control sheet without any hand-over yet

_CONTACT_SENTENCE_STARTS = ("mọi thắc mắc", "mọi vướng mắc", "trong quá trình", "nếu có vướng mắc")


# --- styles -----------------------------------------------------------------------------------


class _SlipStyles:
    """The receipt's styles (`base`) and the few the slips add on top of them."""

    def __init__(self, compact: bool) -> None:
        base: Styles = styles(compact)
        self.base = base
        self.compact = compact
        body = base.body
        self.letter = ParagraphStyle(
            "letter", parent=body, firstLineIndent=10 * mm, spaceAfter=2 if compact else 3
        )
        self.quote = ParagraphStyle(
            "quote",
            parent=body,
            fontName=ITALIC,
            leftIndent=10 * mm,
            rightIndent=5 * mm,
            spaceBefore=1,
            spaceAfter=3,
        )
        self.addressee = ParagraphStyle(
            "addressee",
            parent=base.center,
            fontSize=body.fontSize + 1,
            leading=body.leading + 1,
            spaceBefore=2 if compact else 4,
            spaceAfter=2 if compact else 3,
        )
        self.new_date_label = ParagraphStyle("new_date_label", parent=base.center)
        self.new_date = ParagraphStyle(
            "new_date", parent=base.center_bold, fontSize=15, leading=19, spaceBefore=2
        )
        self.recipients_head = ParagraphStyle(
            "recipients_head",
            parent=body,
            fontName=BOLD_ITALIC,
            fontSize=12,
            leading=14,
            alignment=TA_LEFT,
        )
        self.recipients = ParagraphStyle(
            "recipients", parent=body, fontSize=11, leading=13, alignment=TA_LEFT, spaceAfter=0
        )
        self.cell = base.cell
        self.cell_center = ParagraphStyle("cell_center", parent=base.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle(
            "cell_head", parent=self.cell_center, fontName=BOLD, fontSize=11, leading=13
        )
        self.cell_head_note = ParagraphStyle(
            "cell_head_note", parent=self.cell_center, fontName=ITALIC, fontSize=10, leading=12
        )
        self.sign_label = ParagraphStyle(
            "sign_label", parent=self.cell_center, fontName=ITALIC, fontSize=10, leading=12
        )
        self.sheet_info = ParagraphStyle("sheet_info", parent=body, alignment=TA_LEFT)


@lru_cache(maxsize=2)
def _styles(compact: bool) -> _SlipStyles:
    register_fonts()
    return _SlipStyles(compact)


# --- pieces shared by the slips ---------------------------------------------------------------


def _lines(value: str) -> str:
    """Paragraph markup of `value` keeping the clerk's line breaks (each line NFC, escaped)."""
    lines = [text(line) for line in str(value).splitlines() if nfc(line)]
    return "<br/>".join(lines) if lines else BLANK


def _when(moment: datetime) -> str:
    """'16 giờ 10 phút, ngày 13/02/2026' as markup; the hour and minute never split a line."""
    phrase = text(clock_phrase(moment))
    return phrase.replace(" giờ ", f"{NBSP}giờ{NBSP}").replace(" phút", f"{NBSP}phút")


def _strip_end(value: str) -> str:
    """`value` without the full stop or semicolon it may end with (a sentence continues)."""
    return nfc(value).rstrip(" .;,")


def _office(header: SlipHeader) -> str:
    """'Bộ phận Một cửa UBND phường Phong Quảng', as a sentence names the issuing office."""
    return f"{office_in_sentence(header.office_name)} {nfc(header.unit_name)}".strip()


COMMITTEE = "Ủy ban nhân dân"
LETTERS = (SlipKind.APOLOGY, SlipKind.STOP)
_COMMITTEE_PREFIXES = ("ubnd ", "uy ban nhan dan ")


def _committee_place(header: SlipHeader) -> str:
    """The commune of the People's Committee: the admin units' name ("Phường Phong Quảng"),
    else the unit's name without its "UBND" ("phường Phong Quảng")."""
    if nfc(header.committee_name):
        return nfc(header.committee_name)
    unit = nfc(header.unit_name)
    folded = fold(unit)
    for prefix in _COMMITTEE_PREFIXES:
        if folded.startswith(prefix):
            return unit[len(prefix):].strip()
    return unit


def _committee(header: SlipHeader) -> str:
    """'Ủy ban nhân dân phường Phong Quảng', as a letter's sentence names its issuer."""
    place = _committee_place(header)
    return f"{COMMITTEE} {place[:1].lower()}{place[1:]}" if place else COMMITTEE


def _number_line(header: SlipHeader, kind: SlipKind) -> str:
    """'Số: 12/HDHS'; dots before the suffix when the slip has no number yet."""
    number = nfc(header.number)
    suffix = kind.number_suffix
    if not number:
        number = f"……/{suffix}" if suffix else "……"
    elif suffix and "/" not in number:
        number = f"{number}/{suffix}"
    return f"Số: {text(number)}"


def _header(slip_header: SlipHeader, kind: SlipKind, st: _SlipStyles) -> list[Flowable]:
    """Agency and motto header, number and place/date, the Code128 of the code, the title."""
    base = st.base
    if kind is SlipKind.CONTROL:
        left_line: Flowable | str = ""
    else:
        left_line = Paragraph(_number_line(slip_header, kind), base.center)
    place_date = place_date_line(nfc(slip_header.place_name), to_vn(slip_header.issued_at).date())
    # The apology and stop letters are the People's Committee's, signed by its Chairman: they
    # carry its letterhead, not the counter's.
    issuer = (COMMITTEE, _committee_place(slip_header)) if kind in LETTERS else None
    story: list[Flowable] = [
        agency_header(slip_header.unit_name, slip_header.office_name, left_line, place_date, base,
                      issuer=issuer)
    ]
    code = nfc(slip_header.code)
    if code:
        story.append(Spacer(0, 2 * mm))
        story.append(
            Code128Flowable(
                code,
                bar_height=11 * mm,
                max_width=FRAME_WIDTH - 20 * mm,
                caption_font=FAMILY,
                caption_size=10,
            )
        )
        story.append(Spacer(0, 1.5 * mm))
    else:
        story.append(Spacer(0, 4 * mm))
    story.append(Paragraph(text(kind.title), base.title))
    return story


def _applicant_block(header: SlipHeader, st: _SlipStyles, opening: str) -> list[Flowable]:
    """'<office> tiếp nhận hồ sơ của:' and the applicant, the request, the code and the time."""
    body = st.base.body
    return [
        Paragraph(f"{text(_office(header))} {opening}", body),
        Paragraph(f"Ông/Bà: <b>{text(header.applicant_name)}</b>", body),
        Paragraph(f"Địa chỉ: {or_blank(header.applicant_address)}", body),
        Paragraph(f"Số điện thoại: {or_blank(header.applicant_phone)}", body),
        labelled_unbroken("Email:", header.applicant_email, body),
        Paragraph(f"Nội dung yêu cầu giải quyết: <b>{text(header.procedure_name)}</b>", body),
        Paragraph(f"Mã hồ sơ: <b>{or_blank(header.code)}</b>", body),
        Paragraph(f"Thời gian tiếp nhận hồ sơ: {_when(header.received_at)}", body),
    ]


def _contact_line(contact: str, header: SlipHeader) -> str:
    """The 'Mọi thắc mắc xin liên hệ …' sentence around the counter and phone in `contact`.

    A `contact` that already is the whole sentence is printed as it is.
    """
    cleaned = nfc(contact)
    if cleaned.lower().startswith(_CONTACT_SENTENCE_STARTS):
        return text(cleaned)
    who = _strip_end(cleaned) or _office(header)
    code = nfc(header.code)
    ask_code = f"; khi liên hệ hoặc tra cứu, xin cho biết mã hồ sơ {code}" if code else ""
    return f"Mọi thắc mắc xin liên hệ {text(who)} để được hướng dẫn{text(ask_code)}./."


def _addressee(header: SlipHeader, st: _SlipStyles) -> list[Flowable]:
    """'Kính gửi: Ông/Bà …', centred, with the address and phone under it."""
    center = st.base.center
    return [
        Paragraph(f"Kính gửi: Ông/Bà <b>{text(header.applicant_name)}</b>", st.addressee),
        Paragraph(f"Địa chỉ: {or_blank(header.applicant_address)}", center),
        Paragraph(f"Số điện thoại: {or_blank(header.applicant_phone)}", center),
        Spacer(0, (2 if st.compact else 3) * mm),
    ]


def _received_sentence(header: SlipHeader) -> str:
    return (
        f"{text(_office(header))} đã tiếp nhận hồ sơ của ông/bà vào lúc "
        f"{_when(header.received_at)}, về việc: "
        f"<b>{text(header.procedure_name)}</b>, mã hồ sơ: <b>{or_blank(header.code)}</b>."
    )


def _head_signature(
    signer_title: str, header: SlipHeader, st: _SlipStyles, extra_recipient: str = ""
) -> Table:
    """'Nơi nhận:' on the left; the head of agency's title, room to sign and a dotted line."""
    recipients = [
        Paragraph("Nơi nhận:", st.recipients_head),
        Paragraph("- Như trên;", st.recipients),
    ]
    if nfc(extra_recipient):
        recipients.append(Paragraph(f"- {text(extra_recipient)};", st.recipients))
    recipients.append(
        Paragraph(f"- Lưu: VT, {text(office_in_sentence(header.office_name))}.", st.recipients)
    )
    base = st.base
    signer = [
        Paragraph(_lines(signer_title.upper()), base.center_bold),
        Paragraph(HEAD_SIGN_NOTE, base.sign_note),
        Spacer(0, base.signature_space + 2 * mm),
        Paragraph(SIGN_LINE, base.center),
    ]
    half = FRAME_WIDTH / 2
    return plain_table([[recipients, signer]], [half, half])


# --- the five slips ---------------------------------------------------------------------------


def _supplement_story(slip: SupplementSlip, st: _SlipStyles) -> list[Flowable]:
    header = slip.header
    base = st.base
    story = _header(header, SlipKind.SUPPLEMENT, st)
    story += _applicant_block(header, st, "tiếp nhận hồ sơ, yêu cầu của:")
    if slip.documents:
        story.append(
            Paragraph("Yêu cầu ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", base.body)
        )
        story.append(
            documents_table(
                slip.documents,
                base,
                name_heading="Thành phần hồ sơ",
                copy_heading="Bản chứng\nthực",
                count_width=22 * mm,
                with_total=False,
            )
        )
        story.append(Spacer(0, 1.5 * mm))
    else:
        story.append(
            Paragraph("Yêu cầu ông/bà bổ sung, hoàn thiện hồ sơ theo nội dung sau:", base.body)
        )
    story.append(Paragraph(f"<b>Lý do:</b> {_lines(slip.reason)}", base.body))
    story.append(
        KeepTogether(
            [
                Paragraph(_contact_line(slip.contact, header), base.body),
                Spacer(0, 3 * mm),
                plain_table(
                    [["", signature_block("NGƯỜI HƯỚNG DẪN", header.clerk_name, base)]],
                    [FRAME_WIDTH / 2, FRAME_WIDTH / 2],
                ),
            ]
        )
    )
    return story


def _refusal_story(slip: RefusalSlip, st: _SlipStyles) -> list[Flowable]:
    header = slip.header
    base = st.base
    story = _header(header, SlipKind.REFUSAL, st)
    story += _applicant_block(header, st, "tiếp nhận hồ sơ của:")
    story.append(
        Paragraph(
            f"Qua xem xét, {text(_office(header))} thông báo không tiếp nhận, giải quyết hồ sơ "
            "này với lý do cụ thể như sau:",
            base.body,
        )
    )
    story.append(Paragraph(_lines(slip.reason), st.quote))
    story.append(Paragraph("Xin thông báo để ông/bà được biết và thực hiện.", base.body))
    half = FRAME_WIDTH / 2
    story.append(
        KeepTogether(
            [
                Paragraph(_contact_line(slip.contact, header), base.body),
                Spacer(0, 3 * mm),
                plain_table(
                    [
                        [
                            signature_block("NGƯỜI NỘP HỒ SƠ", header.applicant_name, base),
                            signature_block("NGƯỜI TIẾP NHẬN HỒ SƠ", header.clerk_name, base),
                        ]
                    ],
                    [half, half],
                ),
            ]
        )
    )
    return story


def _new_date_box(moment: datetime, st: _SlipStyles) -> Table:
    """The new appointment, large and boxed, so that it is what the citizen reads first."""
    width = 120 * mm
    box = Table(
        [
            [Paragraph("Thời gian hẹn trả kết quả mới:", st.new_date_label)],
            [Paragraph(_when(moment), st.new_date)],
        ],
        colWidths=[width],
        hAlign="CENTER",
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, 0), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ]
        )
    )
    return box


def _apology_story(slip: ApologySlip, st: _SlipStyles) -> list[Flowable]:
    header = slip.header
    story = _header(header, SlipKind.APOLOGY, st)
    story += _addressee(header, st)
    story.append(
        Paragraph(
            f"{_received_sentence(header)} Thời gian hẹn trả kết quả là "
            f"<b>{_when(slip.original_due_at)}</b>.",
            st.letter,
        )
    )
    story.append(
        Paragraph(
            "Tuy nhiên, đến nay hồ sơ của ông/bà chưa được giải quyết xong theo đúng thời hạn "
            "đã hẹn.",
            st.letter,
        )
    )
    story.append(Paragraph(f"<b>Lý do chậm trễ:</b> {_lines(slip.reason)}", st.letter))
    if nfc(slip.responsible_unit):
        story.append(
            Paragraph(
                f"<b>Đơn vị, cá nhân để xảy ra chậm trễ:</b> {text(slip.responsible_unit)}",
                st.letter,
            )
        )
    story.append(
        Paragraph(
            f"{text(_committee(header))} chân thành xin lỗi ông/bà vì sự chậm trễ này và rất mong "
            "nhận được sự thông cảm của ông/bà. Hồ sơ của ông/bà được hẹn lại ngày trả kết quả "
            "như sau:",
            st.letter,
        )
    )
    story.append(Spacer(0, 1 * mm))
    story.append(_new_date_box(slip.new_due_at, st))
    story.append(Spacer(0, 2 * mm))
    story.append(
        Paragraph(
            f"Khi đến nhận kết quả, ông/bà vui lòng mang theo văn bản này và Giấy tiếp nhận hồ sơ "
            f"và hẹn trả kết quả đến {text(_office(header))}.",
            st.letter,
        )
    )
    story.append(Paragraph("Trân trọng./.", st.letter))
    story.append(KeepTogether([Spacer(0, 2 * mm), _head_signature(slip.signer_title, header, st)]))
    return story


def _stop_story(slip: StopNotice, st: _SlipStyles) -> list[Flowable]:
    header = slip.header
    story = _header(header, SlipKind.STOP, st)
    story += _addressee(header, st)
    received = _received_sentence(header)
    # The appointment the law gives (an apology's new date does not change it); notices
    # issued before it was kept print the header's.
    due = slip.statutory_due_at or header.due_at
    if due is not None:
        received += f" Thời gian hẹn trả kết quả theo quy định là <b>{_when(due)}</b>."
    story.append(Paragraph(received, st.letter))
    story.append(
        Paragraph(
            f"{text(_committee(header))} thông báo dừng giải quyết hồ sơ nêu trên của ông/bà "
            "với lý do:",
            st.letter,
        )
    )
    story.append(Paragraph(_lines(slip.reason), st.quote))
    story.append(Paragraph("Xin thông báo để ông/bà được biết./.", st.letter))
    story.append(KeepTogether([Spacer(0, 3 * mm), _head_signature(slip.signer_title, header, st)]))
    return story


# Control sheet columns: agency | time of hand-over (two halves: giver, receiver) | result | note
_CONTROL_WIDTHS = [47 * mm, 32 * mm, 32 * mm, 35 * mm, 29 * mm]
_HANDOVER_SIGN_SPACE = 14 * mm


#: A note longer than this goes into a row of its own under its hand-over, across the whole
#: table: a reason of a thousand characters in the narrow "Ghi chú" column would make a row
#: taller than a page (which a table cannot split).
NOTE_IN_COLUMN_CHARS = 160
EVENT_TITLES = {"apology": "Xin lỗi và hẹn lại ngày trả kết quả",
                "stop": "Dừng giải quyết hồ sơ"}


def _handover_rows(row: HandoverRow | None, st: _SlipStyles) -> list[list[object]]:
    """The table rows of one hand-over (None: a blank one to fill in by hand): two rows, and a
    third across the table when its note is too long for the "Ghi chú" column."""
    long_note = ""
    if row is None:
        giver, taker = HAND_BLANK, HAND_BLANK
        when = "…… giờ …… phút,<br/>ngày ……/……/………"
        result, note = "", ""
    else:
        giver, taker = or_blank(row.from_party), or_blank(row.to_party)
        local = to_vn(row.at)
        when = f"{local.hour:02d} giờ {local.minute:02d} phút,<br/>ngày {local:%d/%m/%Y}"
        result = row.result.label if row.result is not None else ""
        note = row.note
        if len(nfc(note)) > NOTE_IN_COLUMN_CHARS:
            long_note, note = note, "(xem dòng dưới)"
    if row is not None and row.event:
        title = EVENT_TITLES.get(row.event, row.event)
        parties: list[Flowable] = [Paragraph(f"<b>{text(title)}</b>", st.cell)]
        if nfc(row.from_party):
            parties.append(Paragraph(f"Đơn vị, cá nhân: {text(row.from_party)}", st.cell))
        at_cell = Paragraph(f"Lúc {when}", st.cell_center)
        signs: list[object] | None = None  # no hand-over: nobody signs
    else:
        parties = [
            Paragraph(f"<b>1. Giao:</b> {giver}", st.cell),
            Spacer(0, (1.5 if row is not None else 8) * mm),  # blank: room to write
            Paragraph(f"<b>2. Nhận:</b> {taker}", st.cell),
        ]
        at_cell = Paragraph(f"Giao/Nhận lúc {when}", st.cell_center)
        signs = ["", Paragraph("Người giao", st.sign_label),
                 Paragraph("Người nhận", st.sign_label), "", ""]
    rows: list[list[object]] = [
        [parties, at_cell, "", Paragraph(text(result), st.cell_center),
         Paragraph(text(note), st.cell)],
    ]
    if signs is not None:
        rows.append(signs)
    if long_note:
        rows.append([Paragraph(f"<b>Ghi chú:</b> {text(long_note)}", st.cell), "", "", "", ""])
    return rows


def _control_table(sheet: ControlSheet, st: _SlipStyles) -> Table:
    head = [
        Paragraph("TÊN CƠ QUAN", st.cell_head),
        Paragraph("THỜI GIAN GIAO, NHẬN HỒ SƠ", st.cell_head),
        "",
        [
            Paragraph("KẾT QUẢ GIẢI QUYẾT HỒ SƠ", st.cell_head),
            Paragraph("(Trước hạn/Đúng hạn/<br/>Quá hạn)", st.cell_head_note),
        ],
        Paragraph("GHI CHÚ", st.cell_head),
    ]
    rows: list[list[object]] = [head]
    heights: list[float | None] = [None]
    commands: list[tuple] = [("SPAN", (1, 0), (2, 0))]
    handovers: list[HandoverRow | None] = list(sheet.rows) or [None] * BLANK_HANDOVER_ROWS
    for handover in handovers:
        first = len(rows)
        block = _handover_rows(handover, st)
        rows += block
        if handover is not None and handover.event:  # one row: no one signs for it
            heights.append(None)
            commands.append(("SPAN", (1, first), (2, first)))
            last = first
        else:
            second = first + 1
            heights += [None, _HANDOVER_SIGN_SPACE]
            commands += [
                ("SPAN", (0, first), (0, second)),
                ("SPAN", (1, first), (2, first)),
                ("SPAN", (3, first), (3, second)),
                ("SPAN", (4, first), (4, second)),
                ("VALIGN", (1, second), (2, second), "TOP"),
            ]
            last = second
        if len(rows) - 1 > last:  # the long note's own row, across the table
            heights.append(None)
            commands.append(("SPAN", (0, last + 1), (4, last + 1)))
    table = Table(rows, colWidths=_CONTROL_WIDTHS, rowHeights=heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("VALIGN", (0, 1), (0, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
                *commands,
            ]
        )
    )
    return table


def _control_story(sheet: ControlSheet, st: _SlipStyles) -> list[Flowable]:
    header = sheet.header
    info = st.sheet_info
    due = f"<b>{_when(header.due_at)}</b>" if header.due_at is not None else NO_DUE_DATE
    story = _header(header, SlipKind.CONTROL, st)
    story += [
        Paragraph(f"Mã hồ sơ: <b>{or_blank(header.code)}</b>", info),
        Paragraph(f"Tên tổ chức, cá nhân: <b>{text(header.applicant_name)}</b>", info),
        Paragraph(
            f"Địa chỉ: {or_blank(header.applicant_address)}; "
            f"số điện thoại: {or_blank(header.applicant_phone)}",
            info,
        ),
        Paragraph(f"Nội dung yêu cầu giải quyết: <b>{text(header.procedure_name)}</b>", info),
        Paragraph(f"Thời gian nhận hồ sơ: {_when(header.received_at)}", info),
        Paragraph(f"Thời gian hẹn trả kết quả: {due}", info),
        Spacer(0, 2.5 * mm),
        _control_table(sheet, st),
    ]
    return story


def _story(slip: Slip, compact: bool) -> list[Flowable]:
    st = _styles(compact)
    match slip:
        case SupplementSlip():
            return _supplement_story(slip, st)
        case RefusalSlip():
            return _refusal_story(slip, st)
        case ApologySlip():
            return _apology_story(slip, st)
        case StopNotice():
            return _stop_story(slip, st)
        case ControlSheet():
            return _control_story(slip, st)
    raise TypeError(f"not a slip: {type(slip).__name__}")


# --- rendering --------------------------------------------------------------------------------


def build_slip_pdf(slip: Slip) -> bytes:
    """The A4 PDF of `slip` (any of the five records of `domain.slips`); same record, same bytes.

    A slip meant for one page is laid out with the normal sizes first and with the compact
    ones if those fit it on one page. Pages are numbered "Trang x/y" when there are several,
    and always on the control sheet.
    """
    register_fonts()
    kind = slip_kind(slip)
    content, pages = _render(slip, kind, compact=False, total=1)
    if pages > 1 and kind is not SlipKind.CONTROL:
        tight, tight_pages = _render(slip, kind, compact=True, total=1)
        if tight_pages == 1:
            return tight
    if pages > 1:
        # The footer sits in the margin: knowing the total does not move anything.
        content, _ = _render(slip, kind, compact=False, total=pages)
    return content


def _render(slip: Slip, kind: SlipKind, compact: bool, total: int) -> tuple[bytes, int]:
    """The PDF bytes and their page count; `total` is the page count the footer prints."""
    header = slip.header
    code = nfc(header.code)
    name = nfc(kind.title).capitalize()
    numbered = total > 1 or kind is SlipKind.CONTROL

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if header.is_copy:
            draw_copy_mark(canvas)
        canvas.saveState()
        canvas.setFont(ITALIC, 10)
        if doc.page > 1:
            running = f"{name}, mã hồ sơ {code}" if code else name
            canvas.drawString(LEFT_MARGIN, PAGE_HEIGHT - TOP_MARGIN + 3 * mm, running)
        if numbered:
            canvas.drawCentredString(
                LEFT_MARGIN + FRAME_WIDTH / 2,
                BOTTOM_MARGIN - 8 * mm,
                f"Trang {doc.page}/{max(total, doc.page)}",
            )
        canvas.restoreState()

    return render_pdf(
        _story(slip, compact),
        title=f"{name} {code}".strip(),
        author=nfc(header.unit_name),
        subject=code,
        on_page=on_page,
        template_id=kind.value,
    )

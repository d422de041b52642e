"""The cash hand-over sheet as an A4 office form (bảng kê nộp tiền phí, lệ phí).

Agency and national-motto header, place and date; the title and period; a summary table, one
row per day and clerk (dossiers, cash to hand over, transfers and online payments already in
the account, exemptions, free dossiers); the total in figures and in words; then each clerk's
dossiers of each day (code, time, procedure, applicant, amount, how it was paid) with its
subtotal; and three signatures: the clerk who hands over, the accountant or treasurer who
receives, the supervisor who checked.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate

from ..domain.cash_sheet import CashSheet, ClerkDay, PaidDossier
from ..domain.clock import to_vn
from ..domain.formatting import date_vn, place_date_line, thousands
from ..domain.number_words import amount_in_words
from ..domain.payment import PaymentMethod
from ..domain.text import nfc
from .fonts import BOLD, FAMILY, ITALIC, register_fonts
from .layout import (
    FRAME_WIDTH,
    LEFT_MARGIN,
    PAGE_HEIGHT,
    TOP_MARGIN,
    Styles,
    agency_header,
    plain_table,
    render_pdf,
    signature_block,
    styles,
    text,
)

METHOD_SHORT = {
    PaymentMethod.CASH: "Tiền mặt",
    PaymentMethod.BANK_TRANSFER: "Chuyển khoản",
    PaymentMethod.ONLINE: "Trực tuyến",
    PaymentMethod.EXEMPT: "Miễn",
    PaymentMethod.NONE: "Không thu",
}
CELL = 9.5


def _money(amount: int | None) -> str:
    return "–" if not amount else thousands(amount)


def _period(sheet: CashSheet) -> str:
    if sheet.start == sheet.end:
        return f"Ngày {date_vn(sheet.start)}"
    return f"Từ ngày {date_vn(sheet.start)} đến ngày {date_vn(sheet.end)}"


def _table(rows: list[list[object]], widths: list[float], *, header_rows: int = 1,
           total: bool = False, extra: list[tuple] | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), CELL),
        ("LEADING", (0, 0), (-1, -1), CELL + 2),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        *(extra or []),
    ]
    if total:
        style.append(("FONTNAME", (0, -1), (-1, -1), BOLD))
    table.setStyle(TableStyle(style))
    return table


def _summary(sheet: CashSheet, st: Styles) -> Table:
    widths = [10 * mm, 22 * mm, 0.0, 16 * mm, 27 * mm, 27 * mm, 14 * mm, 16 * mm]
    widths[2] = FRAME_WIDTH - sum(widths)
    rows: list[list[object]] = [["TT", "Ngày", "Cán bộ tiếp nhận", "Số hồ sơ",
                                 "Tiền mặt\nphải nộp (đồng)", "Chuyển khoản,\ntrực tuyến (đồng)",
                                 "Miễn", "Không\nthu"]]
    for index, group in enumerate(sheet.groups, start=1):
        rows.append([str(index), date_vn(group.day), Paragraph(text(group.clerk), _cell(st)),
                     str(len(group.dossiers)), _money(group.cash), _money(group.in_account),
                     str(group.exempt_count or "–"), str(group.free_count or "–")])
    if not sheet.groups:
        rows.append(["", "", Paragraph("(Không có hồ sơ nào)", _cell(st)), "", "", "", "", ""])
    rows.append(["", "", "Tổng cộng", str(sheet.dossier_count), _money(sheet.cash),
                 _money(sheet.in_account),
                 str(sum(g.exempt_count for g in sheet.groups) or "–"),
                 str(sum(g.free_count for g in sheet.groups) or "–")])
    return _table(rows, widths, total=True, extra=[
        ("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("ALIGN", (6, 1), (-1, -1), "CENTER")])


def _cell(st: Styles) -> ParagraphStyle:
    return ParagraphStyle("cash_cell", parent=st.cell, fontSize=CELL, leading=CELL + 2)


def _how(dossier: PaidDossier) -> str:
    if dossier.fee_total is None:
        return "Chưa có mức thu của tỉnh"
    how = METHOD_SHORT[dossier.method]
    if dossier.method == PaymentMethod.EXEMPT and dossier.payment and \
            dossier.payment.exempt_reason:
        how += f": {nfc(dossier.payment.exempt_reason)}"
    return how


def _details(group: ClerkDay, st: Styles) -> list[Flowable]:
    cell = _cell(st)
    widths = [9 * mm, 47 * mm, 12 * mm, 0.0, 22 * mm, 30 * mm]
    widths[3] = FRAME_WIDTH - sum(widths)
    rows: list[list[object]] = [["TT", "Mã hồ sơ", "Giờ", "Thủ tục – người nộp",
                                 "Số tiền (đồng)", "Hình thức"]]
    for index, dossier in enumerate(group.dossiers, start=1):
        rows.append([
            str(index), Paragraph(text(dossier.code), cell), f"{to_vn(dossier.received_at):%H:%M}",
            Paragraph(f"{text(dossier.procedure_name)} – {text(dossier.applicant_name)}", cell),
            _money(dossier.fee_total), Paragraph(text(_how(dossier)), cell)])
    rows.append(["", "", "", "Cộng tiền mặt phải nộp", _money(group.cash), ""])
    heading = Paragraph(f"<b>{text(group.clerk)}</b> – ngày {date_vn(group.day)}: "
                        f"{len(group.dossiers)} hồ sơ, tiền mặt {_money(group.cash)} đồng", st.body)
    table = _table(rows, widths, total=True, extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "RIGHT"), ("ALIGN", (3, -1), (3, -1), "RIGHT")])
    return [Spacer(0, 2 * mm), heading, Spacer(0, 1 * mm), table]


def _story(sheet: CashSheet) -> list[Flowable]:
    st = styles(False)
    made = to_vn(sheet.made_at)
    story: list[Flowable] = [
        agency_header(sheet.unit_name, sheet.office_name, Paragraph("", st.center),
                      place_date_line(nfc(sheet.place_name), made.date()), st),
        Spacer(0, 5 * mm),
        Paragraph("BẢNG KÊ NỘP TIỀN PHÍ, LỆ PHÍ THU TẠI BỘ PHẬN MỘT CỬA", st.title),
        Paragraph(text(_period(sheet)) + (f" – cán bộ {text(sheet.clerk)}" if sheet.clerk
                                          else ""), st.center),
        Spacer(0, 4 * mm),
        Paragraph("I. Tổng hợp theo ngày và theo cán bộ tiếp nhận", st.body),
        Spacer(0, 1 * mm),
        _summary(sheet, st),
        Spacer(0, 2 * mm),
        Paragraph(f"Tổng số tiền mặt phải nộp: <b>{_money(sheet.cash)} đồng</b>", st.body),
        Paragraph(f"Bằng chữ: <i>{text(amount_in_words(sheet.cash))}</i>.", st.body),
    ]
    if sheet.in_account:
        story.append(Paragraph(
            f"Đã vào tài khoản của đơn vị (chuyển khoản, trực tuyến; không nộp tiền mặt): "
            f"{_money(sheet.in_account)} đồng.", st.body))
    unset = sum(group.unset_count for group in sheet.groups)
    if unset:
        story.append(Paragraph(
            f"{unset} hồ sơ tiếp nhận khi chưa có mức thu của HĐND tỉnh: không thu tiền tại quầy.",
            st.body))
    if sheet.groups:
        story += [Spacer(0, 4 * mm), Paragraph("II. Chi tiết từng hồ sơ", st.body)]
        for group in sheet.groups:
            story += _details(group, st)
    clerks = sheet.clerks()
    hands_over = clerks[0] if len(clerks) == 1 else ""
    signatures = plain_table(
        [[signature_block("NGƯỜI NỘP TIỀN", hands_over, st),
          signature_block("NGƯỜI NHẬN TIỀN", "", st),
          signature_block("NGƯỜI LẬP BẢNG KÊ", sheet.made_by, st)]],
        [FRAME_WIDTH / 3] * 3, [("ALIGN", (0, 0), (-1, -1), "CENTER")])
    story += [Spacer(0, 6 * mm), KeepTogether([signatures])]
    return story


def build_cash_sheet_pdf(sheet: CashSheet) -> bytes:
    """The sheet's PDF bytes (identical bytes for the same sheet)."""
    register_fonts()

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if doc.page > 1:
            canvas.saveState()
            canvas.setFont(ITALIC, 10)
            canvas.drawString(LEFT_MARGIN, PAGE_HEIGHT - TOP_MARGIN + 3 * mm,
                              f"Bảng kê nộp tiền phí, lệ phí – {_period(sheet)} – trang {doc.page}")
            canvas.restoreState()

    content, _pages = render_pdf(
        _story(sheet), title=f"Bảng kê nộp tiền phí, lệ phí – {_period(sheet)}",
        author=nfc(sheet.unit_name), subject="bang-ke-tien-phi", on_page=on_page,
        template_id="cash_sheet")
    return content

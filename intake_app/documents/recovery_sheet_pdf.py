"""The recovery sheet (A4, one page): the station's recovery key, like BitLocker's, printed by
the administrator and kept away from the PC. It is the only way back into the station's data
(its database, kept receipts and backups) when the PC's credential store is lost: a new PC, a
reinstalled Windows, another Windows account (`intake-app keys restore`, `intake-app restore
… ` of a backup, `intake-app station import`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Spacer

from ..domain.formatting import place_date_line
from .fonts import FAMILY, ITALIC
from .layout import agency_header, render_pdf, styles, text
from .setup_sheet_pdf import FOOTER_SIZE, recovery_key_block

TITLE = "PHIẾU KHÓA KHÔI PHỤC"


@dataclass(frozen=True)
class RecoverySheet:
    """What the recovery sheet says."""

    unit_code: str
    unit_name: str
    office_name: str
    place_name: str
    station_no: int
    key_id: str
    keys_created_at: str
    recovery_key: str
    made_at: datetime
    app_version: str


def _when(value: str) -> str:
    """An ISO instant as Vietnam's local time (as it is, if it does not parse)."""
    from ..domain.clock import parse_iso, to_vn

    try:
        return f"{to_vn(parse_iso(value)):%H:%M ngày %d/%m/%Y}"
    except (TypeError, ValueError):
        return text(value)


def _story(sheet: RecoverySheet) -> list[Flowable]:
    st = styles(True)
    header = agency_header(sheet.unit_name, sheet.office_name,
                           Paragraph(f"Quầy số: <b>{sheet.station_no}</b>", st.code_line),
                           place_date_line(sheet.place_name, sheet.made_at.date()), st)
    facts = (f"Đơn vị: <b>{text(sheet.unit_code)}</b> – {text(sheet.unit_name)}, quầy số "
             f"<b>{sheet.station_no}</b>.<br/>Mã khóa (key id): {text(sheet.key_id)}"
             + (f", tạo lúc {_when(sheet.keys_created_at)}" if sheet.keys_created_at else "")
             + f".<br/>In lúc {sheet.made_at:%H:%M ngày %d/%m/%Y}.")
    steps = [
        "Cơ sở dữ liệu, giấy tiếp nhận lưu trong thư mục dữ liệu và các bản sao lưu của quầy "
        "đều được mã hóa. Khóa mã hóa nằm trong kho mật khẩu của Windows trên máy này.",
        "Khi đổi máy, cài lại Windows hoặc mất tài khoản Windows: chép thư mục dữ liệu (hoặc "
        "một bản sao lưu) sang máy mới, mở ứng dụng và nhập khóa khôi phục ở trên "
        "(hoặc <i>intake-app keys restore</i>; một bản sao lưu: <i>intake-app restore TỆP</i> "
        "hỏi khóa khôi phục).",
        "Khoảng trắng, dấu gạch ngang giữa các nhóm không quan trọng; một nhóm gõ sai sẽ được "
        "chỉ ra.",
    ]
    return [
        header,
        Spacer(0, 4 * mm),
        Paragraph(TITLE, st.title),
        Spacer(0, 2 * mm),
        Paragraph(facts, st.body),
        Spacer(0, 4 * mm),
        *recovery_key_block(sheet.recovery_key, st),
        Spacer(0, 4 * mm),
        *[Paragraph(f"{number}. {line}", st.body) for number, line in enumerate(steps, 1)],
    ]


def build_recovery_sheet_pdf(sheet: RecoverySheet) -> bytes:
    """The recovery sheet as PDF bytes (one page)."""
    footer = f"intake-app {sheet.app_version} · {sheet.unit_code} quầy {sheet.station_no}"

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(ITALIC, FOOTER_SIZE)
        canvas.drawString(doc.leftMargin, 8 * mm, footer)
        canvas.setFont(FAMILY, FOOTER_SIZE)
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 8 * mm,
                               "MẬT – cất trong tủ có khóa, xa máy tính")
        canvas.restoreState()

    pdf, _pages = render_pdf(_story(sheet), title=f"Phiếu khóa khôi phục {sheet.unit_code} "
                             f"quầy {sheet.station_no}", author=sheet.unit_name,
                             subject="Phiếu khóa khôi phục", on_page=on_page,
                             template_id="recovery-sheet")
    return pdf

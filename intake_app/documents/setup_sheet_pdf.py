"""The set-up sheet (A4, Tinos): what was configured, where the data and backups are, the
recovery key. IT prints it at the end of the set-up wizard (or `intake-app setup-sheet`) and
keeps it away from the PC: with the recovery key and a backup, anyone can read the station.

`recovery_key_block` draws the key alone (large, in two lines of four groups, boxed), for
any other sheet that must carry it.
"""

from __future__ import annotations

from reportlab.lib import colors
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

from ..domain.formatting import place_date_line
from ..domain.setup_sheet import SetupSheet
from .fonts import BOLD, FAMILY, ITALIC
from .layout import FRAME_WIDTH, Styles, agency_header, render_pdf, styles, text

TITLE = "TỜ THIẾT LẬP QUẦY TIẾP NHẬN"
LABEL_WIDTH = 46 * mm
KEY_SIZE = 17
NOT_SET = "Chưa cấu hình"
FOOTER_SIZE = 8.5


def recovery_key_block(recovery_key: str, st: Styles) -> list[Flowable]:
    """The 48 digits in a box, four groups a line, with what the key is for."""
    groups = recovery_key.split("-")
    lines = [" - ".join(groups[i:i + 4]) for i in range(0, len(groups), 4)]
    key_style = ParagraphStyle("recovery_key", parent=st.center_bold, fontName=BOLD,
                               fontSize=KEY_SIZE, leading=KEY_SIZE + 7)
    box = Table([[Paragraph(text(line), key_style)] for line in lines],
                colWidths=[FRAME_WIDTH - 10 * mm])
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))
    return [
        Paragraph("<b>KHÓA KHÔI PHỤC</b> (48 chữ số, 8 nhóm)", st.body),
        Spacer(0, 2 * mm),
        box,
        Spacer(0, 2 * mm),
        Paragraph(
            "Khóa này mở được khóa mã hóa của quầy trên một máy tính mới, sau khi cài lại "
            "Windows, hoặc để nhập một bản sao lưu, một tệp chuyển quầy "
            "(<i>intake-app keys restore</i>, <i>intake-app station import</i>). Ai có khóa "
            "này và một bản sao lưu thì đọc được toàn bộ hồ sơ: hãy cất tờ này trong tủ có "
            "khóa, xa máy tính, không chụp ảnh, không gửi qua mạng.", st.note),
    ]


def _section(title: str, rows: list[tuple[str, str]], st: Styles) -> list[Flowable]:
    label_style = ParagraphStyle("sheet_label", parent=st.cell, fontName=BOLD)
    path_style = ParagraphStyle("sheet_path", parent=st.cell, wordWrap="CJK")
    table = Table([[Paragraph(text(label), label_style),
                    Paragraph(value.removeprefix(PATH_MARK),
                              path_style if value.startswith(PATH_MARK) else st.cell)]
                   for label, value in rows],
                  colWidths=[LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    heading = ParagraphStyle("sheet_heading", parent=st.body, fontName=BOLD, spaceBefore=4,
                             spaceAfter=2)
    return [KeepTogether([Paragraph(text(title), heading), table])]


PATH_MARK = "\x00path\x00"


def _path(value: str) -> str:
    """A folder path: its cell may break it anywhere (a long Windows path wraps)."""
    return PATH_MARK + text(value)


def _story(sheet: SetupSheet) -> list[Flowable]:
    st = styles(True)
    header = agency_header(sheet.unit_name, sheet.office_name,
                           Paragraph(f"Quầy số: <b>{sheet.station_no}</b>", st.code_line),
                           place_date_line(sheet.place_name, sheet.made_at.date()), st)
    station = [
        ("Mã định danh đơn vị", f"<b>{text(sheet.unit_code)}</b>"),
        ("Tên đơn vị", text(sheet.unit_name)),
        ("Tên bộ phận", text(sheet.office_name)),
        ("Tỉnh, thành phố", text(sheet.province_name)),
        ("Xã, phường", text(sheet.commune_name)),
        ("Số quầy", f"<b>{sheet.station_no}</b> (mã hồ sơ của quầy này có số thứ tự "
                    f"{sheet.station_no}001 trở đi)"),
    ]
    admins = "<br/>".join(f"{text(a.display_name)} – tên đăng nhập <b>{text(a.login)}</b>"
                          for a in sheet.administrators) or "Chưa có tài khoản quản trị"
    people = [("Quản trị hệ thống", admins + "<br/><i>Mật khẩu không in trên tờ này: "
               "người quản trị tự giữ.</i>")]
    gateway = text(sheet.gateway_url) if sheet.gateway_url else \
        f"{NOT_SET} (quầy gửi hồ sơ lên tỉnh khi đã cấu hình)"
    links = [("Máy chủ văn phòng", text(sheet.hub_url))] if sheet.hub_url else []
    links += [
        ("Cổng đồng bộ của tỉnh", gateway),
        ("Mã truy cập của quầy", "Đã lưu trong kho mật khẩu" if sheet.token_stored else
         "Chưa lưu (intake-app sync set-token, hoặc Cài đặt → Đồng bộ)"),
        ("Máy in giấy tiếp nhận", text(sheet.printer) if sheet.printer else
         "Máy in mặc định của hệ điều hành"),
    ]
    places = [
        ("Thư mục dữ liệu", _path(sheet.data_dir)),
        ("Nơi sao lưu", _path(sheet.backup_place)),
        ("Sao lưu của quầy này", _path(sheet.backup_folder)),
        ("Sao lưu tự động", "Mỗi ngày và khi đóng ứng dụng; giữ 7 bản ngày, 4 bản tuần, "
                            "12 bản tháng" + (f"; bản gần nhất: {text(sheet.last_backup)}"
                                              if sheet.last_backup else "")),
    ]
    if sheet.backup_same_disk:
        places.insert(2, ("Lưu ý", "<b>Nơi sao lưu nằm trên cùng ổ đĩa với dữ liệu</b>: hỏng "
                                   "ổ đĩa là mất cả hai. Nên chọn ổ đĩa thứ hai hoặc ổ USB."))
    keys = [("Nơi giữ khóa mã hóa", text(sheet.keys_kept_text)),
            ("Mã khóa (key id)", text(sheet.key_id) if sheet.key_id else "–")]
    story: list[Flowable] = [
        header,
        Spacer(0, 3 * mm),
        Paragraph(TITLE, st.title),
        *_section("1. Đơn vị và quầy", station, st),
        *_section("2. Tài khoản quản trị", people, st),
        *_section("3. Kết nối và máy in", links, st),
        *_section("4. Dữ liệu và sao lưu", places, st),
        *_section("5. Khóa của quầy", keys, st),
        Spacer(0, 3 * mm),
    ]
    if sheet.recovery_key:
        story.append(KeepTogether(recovery_key_block(sheet.recovery_key, st)))
    else:
        story.append(Paragraph("Quầy này không có khóa khôi phục.", st.note))
    for note in sheet.notes:
        story.append(Paragraph(text(note), st.note))
    sign = ParagraphStyle("sheet_sign", parent=st.center_bold)
    story += [
        Spacer(0, 2 * mm),
        Table([["", [Paragraph("NGƯỜI THIẾT LẬP", sign),
                     Paragraph("(Ký và ghi rõ họ tên)", st.sign_note)]]],
              colWidths=[FRAME_WIDTH / 2, FRAME_WIDTH / 2]),
    ]
    return story


def build_setup_sheet_pdf(sheet: SetupSheet) -> bytes:
    """The set-up sheet as PDF bytes (one page, usually)."""
    footer = (f"intake-app {sheet.app_version} · máy tính {sheet.computer} · lập lúc "
              f"{sheet.made_at:%H:%M %d/%m/%Y}")

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(ITALIC, FOOTER_SIZE)
        canvas.drawString(doc.leftMargin, 8 * mm, footer)
        canvas.setFont(FAMILY, FOOTER_SIZE)
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 8 * mm,
                               f"Trang {doc.page} · MẬT – cất giữ riêng")
        canvas.restoreState()

    pdf, _pages = render_pdf(_story(sheet), title=f"Tờ thiết lập quầy {sheet.unit_code} "
                             f"số {sheet.station_no}", author=sheet.unit_name,
                             subject="Tờ thiết lập quầy tiếp nhận", on_page=on_page,
                             template_id="setup-sheet")
    return pdf

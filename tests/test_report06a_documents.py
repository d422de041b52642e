"""Biểu II.06a printed: the PDF reads back with its title, fields and totals; so does the XLSX."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest
from conftest import pdf_text

from intake_app.documents.report06a_pdf import build_report_06a_pdf
from intake_app.documents.report06a_xlsx import (
    DATA_FIRST_ROW,
    HEADER_FIRST_ROW,
    SHEET_TITLE,
    write_report_06a_xlsx,
)
from intake_app.domain.clock import VN_TZ
from intake_app.domain.dossier import Channel
from intake_app.domain.report06a import (
    TITLE,
    ReportIdentityError,
    ReportRecord,
    build_report_06a,
)
from intake_app.domain.status import DossierStatus as S

START, END = date(2026, 3, 1), date(2026, 3, 31)
AS_OF = datetime(2026, 4, 2, 8, 0, tzinfo=VN_TZ)
ISSUED = date(2026, 4, 2)
PLACE = "Ưu Điềm"


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=VN_TZ)


def rec(code, field, channel, received, due, finished, status, supplements=0) -> ReportRecord:
    return ReportRecord(
        code, field[0], field[1], channel, received, due, finished, status, supplements, None
    )


HT = ("HT", "Hộ tịch")
CT = ("CT", "Chứng thực")
RECORDS = [
    # Hộ tịch: carried early, online on time, in person late, in progress overdue.
    rec("H1", HT, Channel.IN_PERSON, at(2, 26), at(3, 5, 17), at(3, 3), S.RETURNED),
    rec("H2", HT, Channel.ONLINE, at(3, 10), at(3, 12, 17), at(3, 12), S.RETURNED),
    rec("H3", HT, Channel.IN_PERSON, at(3, 11), at(3, 13, 17), at(3, 16), S.RETURNED),
    rec("H4", HT, Channel.POST, at(3, 20), at(3, 25, 17), None, S.IN_PROCESSING),
    # Chứng thực: withdrawn on its due day before the due time (on time), in progress within
    # deadline.
    rec("C1", CT, Channel.IN_PERSON, at(3, 2), at(3, 2, 17), at(3, 2, 16), S.WITHDRAWN),
    rec("C2", CT, Channel.ONLINE, at(3, 30), at(4, 6, 17), None, S.IN_PROCESSING),
]
# Chứng thực: total 2 = online 1 + direct 1; solved 1 (on time 1); in progress 1 (within 1).
CT_ROW = (2, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0)
# Hộ tịch: total 4 = carried 1 + online 1 + direct 2; solved 3 = early 1 + on time 1 + late 1;
# in progress 1, overdue.
HT_ROW = (4, 1, 1, 2, 3, 1, 1, 1, 1, 0, 1)
TOTAL_ROW = (6, 1, 2, 3, 4, 1, 2, 1, 2, 1, 1)


@pytest.fixture(scope="module")
def report():
    return build_report_06a(
        RECORDS, START, END, AS_OF, unit_name="UBND xã Ưu Điềm", reporting_to="UBND tỉnh Quảng Trị"
    )


@pytest.fixture(scope="module")
def pdf(report) -> bytes:
    return build_report_06a_pdf(report, place_name=PLACE, issued_on=ISSUED)


def numbers_after(text: str, label: str) -> tuple[int, ...]:
    """The eleven counts printed right after `label` on its table row."""
    match = re.search(re.escape(label) + r"((?:\s+[\d.]+){11})", text)
    assert match, f"no row {label!r} in {text!r}"
    return tuple(int(part.replace(".", "")) for part in match.group(1).split())


def test_report_numbers_are_the_worked_out_ones(report) -> None:
    assert [row.counts() for row in report.rows] == [CT_ROW, HT_ROW]
    assert report.total.counts() == TOTAL_ROW


def test_pdf_is_one_a4_landscape_page(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    document = pdfium.PdfDocument(pdf)
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (842, 595)


def test_pdf_text_has_title_fields_and_totals(pdf: bytes) -> None:
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    assert TITLE in flat
    assert "Biểu số II.06a/VPCP/KSTT" in flat
    assert "Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026" in flat
    assert "Đơn vị báo cáo: UBND xã Ưu Điềm" in flat
    assert "Đơn vị nhận báo cáo: UBND tỉnh Quảng Trị" in flat
    assert "Đơn vị tính: Số hồ sơ TTHC" in flat
    for heading in ("Số hồ sơ nhận giải quyết", "Kết quả giải quyết", "Trả đúng thời hạn"):
        assert heading in flat
    assert "(1) (2) (3)" in flat and "(13)" in flat
    assert numbers_after(flat, "Chứng thực") == CT_ROW
    assert numbers_after(flat, "Hộ tịch") == HT_ROW
    assert numbers_after(flat, "TỔNG CỘNG") == TOTAL_ROW
    assert "Ưu Điềm, ngày 02 tháng 04 năm 2026" in flat
    assert "NGƯỜI LẬP BIỂU" in flat and "THỦ TRƯỞNG ĐƠN VỊ" in flat


def test_pdf_bytes_are_deterministic(report, pdf: bytes) -> None:
    assert build_report_06a_pdf(report, place_name=PLACE, issued_on=ISSUED) == pdf


def test_many_fields_spill_over_pages_with_the_header_repeated() -> None:
    records = [
        rec(f"F{i}", (f"F{i:02d}", f"Lĩnh vực thử số {i:02d}"), Channel.IN_PERSON,
            at(3, 5), at(3, 9, 17), at(3, 6), S.RETURNED)
        for i in range(40)
    ]
    report = build_report_06a(records, START, END, AS_OF, unit_name="UBND xã Ưu Điềm")
    content = build_report_06a_pdf(report, place_name=PLACE, issued_on=ISSUED)
    document = pdfium.PdfDocument(content)
    assert len(document) >= 2
    last = " ".join(
        unicodedata.normalize("NFC", document[len(document) - 1].get_textpage().get_text_range())
        .split()
    )
    assert "Lĩnh vực giải quyết" in last  # the header rows repeat on every page
    assert numbers_after(last, "TỔNG CỘNG") == (40, 0, 0, 40, 40, 40, 0, 0, 0, 0, 0)


def test_tampered_report_is_not_printed(report, tmp_path: Path) -> None:
    row = report.rows[0]
    tampered = replace(report, rows=(replace(row, late=row.late + 1), report.rows[1]))
    with pytest.raises(ReportIdentityError):
        build_report_06a_pdf(tampered, place_name=PLACE, issued_on=ISSUED)
    with pytest.raises(ReportIdentityError):
        write_report_06a_xlsx(tampered, tmp_path / "x.xlsx", place_name=PLACE, issued_on=ISSUED)
    assert list(tmp_path.iterdir()) == []


def test_xlsx_reads_back_the_same_numbers(report, tmp_path: Path) -> None:
    path = tmp_path / "bao-cao-06a.xlsx"
    path.write_bytes(b"old file")  # replaced in one rename
    write_report_06a_xlsx(report, path, place_name=PLACE, issued_on=ISSUED)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left

    workbook = openpyxl.load_workbook(path)
    sheet = workbook[SHEET_TITLE]

    def row_values(row: int) -> tuple:
        return tuple(sheet.cell(row=row, column=c).value for c in range(1, 14))

    assert row_values(DATA_FIRST_ROW) == (1, "Chứng thực", *CT_ROW)
    assert row_values(DATA_FIRST_ROW + 1) == (2, "Hộ tịch", *HT_ROW)
    assert row_values(DATA_FIRST_ROW + 2) == (None, "TỔNG CỘNG", *TOTAL_ROW)
    for row in range(DATA_FIRST_ROW, DATA_FIRST_ROW + 3):
        for column in range(3, 14):
            cell = sheet.cell(row=row, column=column)
            assert cell.data_type == "n" and isinstance(cell.value, int)  # numbers, no formula

    texts = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert TITLE in texts
    assert "Biểu số II.06a/VPCP/KSTT" in texts
    assert "Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026" in texts
    assert "Ưu Điềm, ngày 02 tháng 04 năm 2026" in texts

    merged = {str(rng) for rng in sheet.merged_cells.ranges}
    first, second, third = HEADER_FIRST_ROW, HEADER_FIRST_ROW + 1, HEADER_FIRST_ROW + 2
    assert {
        f"A{first}:A{third}",  # TT
        f"B{first}:B{third}",  # Lĩnh vực giải quyết
        f"C{first}:F{first}",  # Số hồ sơ nhận giải quyết
        f"G{first}:M{first}",  # Kết quả giải quyết
        f"C{second}:C{third}",  # Tổng số
        f"D{second}:F{second}",  # Trong đó
        f"G{second}:J{second}",  # Đã giải quyết
        f"K{second}:M{second}",  # Đang giải quyết
    } <= merged
    assert sheet.cell(row=first, column=3).value == "Số hồ sơ nhận giải quyết"
    assert sheet.cell(row=third, column=6).value == (
        "Số mới tiếp nhận (trực tiếp và dịch vụ bưu chính)"
    )
    assert sheet.column_dimensions["B"].width >= 30
    assert sheet.page_setup.orientation == "landscape"

"""The dossier log as PDF (landscape, every code, day foot lines, page numbers), CSV and XLSX."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook

from intake_app.documents.log_export import COLUMNS, write_log_csv, write_log_xlsx
from intake_app.documents.log_pdf import build_log_pdf
from intake_app.domain.clock import VN_TZ
from intake_app.domain.dossier_log import (
    GENESIS,
    DossierLog,
    LogRow,
    build_log,
    rows_by_day,
    seal_day,
)

DAYS = [date(2026, 2, 11), date(2026, 2, 12), date(2026, 2, 13)]
PROCEDURES = [
    ("2.000815", "Chứng thực bản sao từ bản chính"),
    ("1.001193", "Đăng ký khai sinh"),
    (
        "2.001035",
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, "
        "quyền sử dụng đất và nhà ở",
    ),
]
NAMES = ["Nguyễn Văn Đức", "Lê Thị Hoa", "Công ty TNHH Thương mại Dịch vụ Ưu Điềm"]


def make_rows() -> list[LogRow]:
    """Sixty dossiers, twenty a day, two clerks, some returned, some by post."""
    rows: list[LogRow] = []
    number = 0
    for day in DAYS:
        for seq in range(1, 21):
            number += 1
            code, name = PROCEDURES[seq % 3]
            received = datetime(day.year, day.month, day.day, 7, 30, tzinfo=VN_TZ)
            received += timedelta(minutes=7 * seq)
            rows.append(
                LogRow(
                    ledger_book="01/2026",
                    ledger_number=number,
                    code=f"000.00.12.H56-{day:%y%m%d}-{1 + seq % 2}{seq:03d}",
                    procedure_code=code,
                    procedure_name=name,
                    applicant_name=NAMES[seq % 3],
                    address="Thôn Phước Yên, xã Ưu Điềm" if seq % 4 else "",
                    phone="0912345678" if seq % 2 else "",
                    sets=2 if seq % 5 == 0 else 1,
                    processing_unit="Công chức Tư pháp - Hộ tịch" if seq % 3 == 0 else "",
                    received_at=received,
                    due_at=received + timedelta(days=2) if seq % 6 else None,
                    returned_at=received + timedelta(days=1) if seq % 4 == 0 else None,
                    delivery="post" if seq % 7 == 0 else "counter",
                    clerk="Trần Thị Mai" if seq % 2 else "Lê Văn Hùng",
                    note="Nộp thay" if seq % 9 == 0 else "",
                )
            )
    return rows


def make_log(clerk: str | None = None) -> DossierLog:
    rows = make_rows()
    by_day = rows_by_day(rows)
    first = seal_day(GENESIS, DAYS[0], by_day[DAYS[0]])
    second = seal_day(first.hash, DAYS[1], by_day[DAYS[1]])  # the last day is still open
    return build_log(
        rows,
        {DAYS[0]: first, DAYS[1]: second},
        start=DAYS[0],
        end=DAYS[2],
        unit_name="UBND xã Ưu Điềm",
        place_name="Ưu Điềm",
        clerk=clerk,
        today=DAYS[2],
        office_name="BỘ PHẬN MỘT CỬA",
    )


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [unicodedata.normalize("NFC", page.get_textpage().get_text_range()) for page in document]


def flat(text: str) -> str:
    """Line breaks of wrapped cells become single spaces."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def log() -> DossierLog:
    return make_log()


@pytest.fixture(scope="module")
def pdf(log: DossierLog) -> bytes:
    return build_log_pdf(log)


def test_pdf_is_a4_landscape_with_several_pages(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    document = pdfium.PdfDocument(pdf)
    assert len(document) > 1
    for page in document:
        width, height = page.get_size()
        assert width > height
        assert (round(width), round(height)) == (842, 595)


def test_pdf_text(pdf: bytes, log: DossierLog) -> None:
    pages = page_texts(pdf)
    text = flat("\n".join(pages))
    for expected in [
        "SỔ THEO DÕI HỒ SƠ",
        "Quyển số: 01/2026",
        "Từ ngày 11/02/2026 đến ngày 13/02/2026",
        "UBND XÃ ƯU ĐIỀM",
        "Nguyễn Văn Đức",
        "Tên thủ tục hành chính",
        "Ngày, tháng, năm",
        "Phương thức nhận kết quả",
        "Tại Bộ phận Một cửa",
        "Qua bưu chính",
        "(12)",
        "NGƯỜI LẬP SỔ",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "Ưu Điềm, ngày 13 tháng 02 năm 2026",
        "Tổng số hồ sơ: 60",
    ]:
        assert expected in text, expected
    for row in log.rows:
        assert row.code in text, row.code
    for group in log.days:
        assert flat(log.foot_line(group)) in text
    assert "Ngày 11/02/2026: 20 hồ sơ — Mã kiểm tra: " in text
    assert "Ngày 13/02/2026: 20 hồ sơ" in text
    assert "(tạm, ngày chưa khóa sổ)" in text


def test_every_page_is_numbered_and_repeats_the_heading(pdf: bytes) -> None:
    pages = page_texts(pdf)
    total = len(pages)
    assert "Trang 1/" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Trang {number}/{total}" in text
    for text in pages:
        if "Mã hồ sơ" in text:  # table pages (the closing block may stand alone)
            assert "(1)" in text and "(11)" in text


def test_pdf_is_deterministic(pdf: bytes) -> None:
    assert build_log_pdf(make_log()) == pdf


def test_clerk_log_says_the_hash_covers_the_whole_day() -> None:
    log = make_log(clerk="Trần Thị Mai")
    text = flat("\n".join(page_texts(build_log_pdf(log))))
    assert "Người tiếp nhận: Trần Thị Mai" in text
    assert "Ngày 11/02/2026: 10 hồ sơ (cả ngày: 20) — Mã kiểm tra của cả ngày:" in text
    assert "Lê Văn Hùng" not in text


def test_an_empty_log_still_prints() -> None:
    log = build_log(
        [],
        {},
        start=DAYS[0],
        end=DAYS[0],
        unit_name="UBND xã Ưu Điềm",
        place_name="Ưu Điềm",
        clerk=None,
        today=DAYS[0],
    )
    text = flat("\n".join(page_texts(build_log_pdf(log))))
    assert "Không có hồ sơ nào" in text
    assert "Trang 1/1" in text


def test_decomposed_text_prints_composed() -> None:
    rows = make_rows()
    nfd = unicodedata.normalize("NFD", "Đặng Thị Ngọc Ánh")
    rows[0] = replace(rows[0], applicant_name=nfd)
    log = build_log(
        rows,
        {},
        start=DAYS[0],
        end=DAYS[0],
        unit_name="UBND xã Ưu Điềm",
        place_name="Ưu Điềm",
        clerk=None,
        today=DAYS[0],
    )
    assert "Đặng Thị Ngọc Ánh" in flat("\n".join(page_texts(build_log_pdf(log))))


def test_csv_reads_back(tmp_path: Path, log: DossierLog) -> None:
    path = tmp_path / "so-theo-doi.csv"
    write_log_csv(log, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    header, data = records[0], records[1:]
    assert header[:3] == ["TT", "Quyển số", "Mã hồ sơ"]
    assert "Tên cá nhân, tổ chức" in header
    assert header[-2:] == ["Mã kiểm tra của ngày", "Khóa sổ"]
    assert len(data) == 60
    assert [record[2] for record in data] == [row.code for row in log.rows]
    first = dict(zip(header, data[0], strict=True))
    assert first["Nhận hồ sơ"] == "11/02/2026 07:37"
    assert first["Phương thức nhận kết quả"] == "Tại Bộ phận Một cửa"
    assert first["Mã kiểm tra của ngày"] == log.days[0].hash
    assert first["Khóa sổ"] == "Đã khóa sổ"
    assert dict(zip(header, data[-1], strict=True))["Khóa sổ"].startswith("Tạm")
    assert not list(tmp_path.glob(".*.part"))


def test_xlsx_reads_back(tmp_path: Path, log: DossierLog) -> None:
    path = tmp_path / "so-theo-doi.xlsx"
    write_log_xlsx(log, path)
    sheet = load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert "SỔ THEO DÕI HỒ SƠ" in values[0][0]
    headings = [heading for heading, _, _ in COLUMNS]
    code_column = headings.index("Mã hồ sơ")
    received_column = headings.index("Nhận hồ sơ")
    data = [row for row in values if isinstance(row[0], int)]
    assert [row[code_column] for row in data] == [row.code for row in log.rows]
    first = data[0]
    assert first[received_column] == datetime(2026, 2, 11, 7, 37)
    assert first[headings.index("Số điện thoại")] == "0912345678"
    assert sheet.cell(6, received_column + 1).number_format == "dd/mm/yyyy hh:mm"
    feet = [row[0] for row in values if isinstance(row[0], str) and row[0].startswith("Ngày ")]
    assert feet == [log.foot_line(group, full_hash=True) for group in log.days]
    assert "Ngày 12/02/2026: 20 hồ sơ — Mã kiểm tra: " + log.days[1].hash == feet[1]
    assert sheet.freeze_panes == "D6"
    assert ("Tổng số hồ sơ", 60) in [(row[2], row[3]) for row in values]


def test_a_huge_note_and_two_ledger_books_still_lay_out() -> None:
    rows = make_rows()
    rows[3] = replace(rows[3], note="Ghi chú rất dài " * 400)
    rows[-1] = replace(rows[-1], ledger_book="02/2026", ledger_number=1)
    log = build_log(
        rows,
        {},
        start=DAYS[0],
        end=DAYS[2],
        unit_name="UBND xã Ưu Điềm",
        place_name="Ưu Điềm",
        clerk=None,
        today=DAYS[2],
    )
    assert log.books == ("01/2026", "02/2026")
    pages = page_texts(build_log_pdf(log))
    text = flat("\n".join(pages))
    assert "Quyển số: 01/2026, 02/2026" in text
    text = text.replace("Quyển số: 01/2026, 02/2026", "")
    assert text.count("Quyển số: 01/2026") == 1  # the row where the first book starts
    assert text.count("Quyển số: 02/2026") == 1
    assert "…" in text
    assert f"Trang {len(pages)}/{len(pages)}" in pages[-1]

"""The receipt and appointment slip (Mẫu 01): readable barcodes, intact Vietnamese, same bytes."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import pdf_text
from PIL import Image
from reportlab.graphics.barcode.qr import QrCodeWidget

from intake_app.documents.barcodes import bar_runs, code128_modules, qr_modules
from intake_app.documents.files import write_atomically
from intake_app.documents.receipt_pdf import (
    build_receipt_pdf,
    ledger_line,
)
from intake_app.domain.clock import VN_TZ
from intake_app.domain.receipt import FeeLine, ReceiptData, ReceiptDocument

CODE = "000.00.12.H56-260213-2001"


def make_receipt(documents: int = 3, **changes: object) -> ReceiptData:
    names = [
        "Bản chính giấy khai sinh",
        "Bản sao cần chứng thực (giấy khai sinh)",
        "Căn cước của người yêu cầu chứng thực",
    ]
    rows = [
        ReceiptDocument(
            names[i] if i < len(names) else f"Giấy tờ kèm theo số {i + 1}",
            originals=1 if i % 2 == 0 else 0,
            certified_copies=0,
            photocopies=2 if i % 2 else 0,
        )
        for i in range(documents)
    ]
    data = ReceiptData(
        unit_name="UBND xã Ưu Điềm",
        office_name="BỘ PHẬN MỘT CỬA",
        place_name="Ưu Điềm",
        code=CODE,
        applicant_name="Nguyễn Văn Đức",
        applicant_address="Thôn Phước Yên, xã Ưu Điềm",
        applicant_phone="0912 345 678",
        applicant_email="",
        applicant_id_number="038085012345",
        owner_name="",
        owner_address="",
        procedure_code="2.000815",
        procedure_name="Chứng thực bản sao từ bản chính",
        documents=tuple(rows),
        sets=1,
        processing_time_text="Trong ngày",
        received_at=datetime(2026, 2, 13, 16, 10, tzinfo=VN_TZ),
        due_at=datetime(2026, 2, 23, 8, 0, tzinfo=VN_TZ),
        result_delivery_text="Bộ phận Một cửa UBND xã Ưu Điềm",
        fees=(FeeLine("Lệ phí chứng thực bản sao", 10000, "5 trang"),),
        fee_total=10000,
        ledger_book="01/2026",
        ledger_number=125,
        clerk_name="Trần Thị Mai",
    )
    return replace(data, **changes)


def page_count(pdf: bytes) -> int:
    return len(pdfium.PdfDocument(pdf))


def page_image(pdf: bytes, index: int = 0, dpi: int = 200) -> Image.Image:
    page = pdfium.PdfDocument(pdf)[index]
    return page.render(scale=dpi / 72).to_pil()


def decoded(pdf: bytes, index: int = 0) -> dict[str, str]:
    """Barcode format name → decoded text, for every symbol zxing finds on the page."""
    results = zxingcpp.read_barcodes(page_image(pdf, index))
    return {str(result.format): result.text for result in results}


@pytest.fixture(scope="module")
def original() -> bytes:
    return build_receipt_pdf(make_receipt())


@pytest.fixture(scope="module")
def copy() -> bytes:
    return build_receipt_pdf(make_receipt().as_copy())


def test_it_is_a_one_page_a4_pdf(original: bytes) -> None:
    assert original.startswith(b"%PDF-")
    document = pdfium.PdfDocument(original)
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)


def test_code128_and_qr_both_decode_to_the_dossier_code(original: bytes) -> None:
    found = decoded(original)
    code128 = [text for name, text in found.items() if "128" in name]
    qr = [text for name, text in found.items() if "QR" in name.upper()]
    assert code128 == [CODE], found
    assert qr == [CODE], found


def test_vietnamese_text_is_intact(original: bytes) -> None:
    text = pdf_text(original)
    for expected in [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND XÃ ƯU ĐIỀM",
        "Ưu Điềm, ngày 13 tháng 02 năm 2026",
        "Nguyễn Văn Đức",
        "Thôn Phước Yên, xã Ưu Điềm",
        CODE,
        "Chứng thực bản sao từ bản chính",
        "16 giờ 10 phút, ngày 13/02/2026",
        "08 giờ 00 phút, ngày 23/02/2026",
        "10.000",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Trần Thị Mai",
        ledger_line(make_receipt()),
        "Quyển số: 01/2026",
        "Số thứ tự: 125",
    ]:
        assert expected in text, expected


def test_only_the_copy_is_marked(original: bytes, copy: bytes) -> None:
    assert "BẢN SAO" not in pdf_text(original)
    assert "BẢN SAO" in pdf_text(copy)
    found = decoded(copy)
    assert sorted(found.values()) == [CODE, CODE], found


def test_same_data_gives_the_same_bytes(original: bytes) -> None:
    assert build_receipt_pdf(make_receipt()) == original
    assert build_receipt_pdf(make_receipt().as_copy()) == build_receipt_pdf(
        make_receipt().as_copy()
    )


def test_decomposed_input_prints_composed_letters() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    text = pdf_text(build_receipt_pdf(make_receipt(applicant_name=nfd)))
    assert "Nguyễn Văn Đức" in text


def test_no_appointment_date() -> None:
    text = pdf_text(build_receipt_pdf(make_receipt(due_at=None)))
    assert "Không có thời hạn hẹn trả" in text


def test_owner_and_several_fees_are_printed() -> None:
    data = make_receipt(
        owner_name="Lê Thị Hoa",
        owner_address="Thôn Phước Yên, xã Ưu Điềm",
        fees=(
            FeeLine("Lệ phí chứng thực", 10000),
            FeeLine("Phí sao y", 4000, "2 trang"),
        ),
        fee_total=14000,
    )
    text = pdf_text(build_receipt_pdf(data))
    assert "Chủ hồ sơ: Lê Thị Hoa" in text
    assert "Phí sao y: 4.000 đồng (2 trang)" in text
    assert "Tổng cộng: 14.000 đồng" in text


def test_eight_rows_fit_on_one_page() -> None:
    assert page_count(build_receipt_pdf(make_receipt(documents=8))) == 1


def test_a_long_table_flows_on_and_the_barcodes_still_read() -> None:
    pdf = build_receipt_pdf(make_receipt(documents=12))
    assert page_count(pdf) >= 1
    found = decoded(pdf)
    assert sorted(found.values()) == [CODE, CODE], found
    text = pdf_text(pdf)
    assert "Giấy tờ kèm theo số 12" in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text


def test_a_very_long_table_repeats_its_header_on_page_two() -> None:
    pdf = build_receipt_pdf(make_receipt(documents=40))
    assert page_count(pdf) == 2
    second = unicodedata.normalize(
        "NFC", pdfium.PdfDocument(pdf)[1].get_textpage().get_text_range()
    )
    assert "Tên giấy tờ" in second
    assert "Bản chính" in second
    assert CODE in second


def test_qr_matrix_is_the_one_reportlab_draws() -> None:
    for value in [CODE, "G09.20-20260609-0092637", "x", "Nguyễn Văn Đức"]:
        widget = QrCodeWidget(value, barLevel="M")
        widget.qr.make()
        expected = tuple("".join("1" if d else "0" for d in row) for row in widget.qr.modules)
        assert qr_modules(value, "M") == expected


def test_code128_runs_cover_the_dark_modules() -> None:
    modules = code128_modules(CODE)
    assert modules.startswith("11010") and modules.endswith("1100011101011")
    rebuilt = ["0"] * len(modules)
    for start, width in bar_runs(modules):
        rebuilt[start : start + width] = "1" * width
    assert "".join(rebuilt) == modules


def test_write_atomically_replaces_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "receipt.pdf"
    target.write_bytes(b"old content")
    write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    write_atomically(tmp_path / "fresh.pdf", b"%PDF-fresh")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.pdf", "receipt.pdf"]


def test_write_atomically_keeps_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "receipt.pdf"
    target.write_bytes(b"old content")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr("intake_app.documents.files.os.fsync", broken_fsync)
    with pytest.raises(OSError, match="disk gone"):
        write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["receipt.pdf"]

"""The slips issued after receipt (Mẫu 02–06): readable text and barcode, same bytes, paging."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import datetime

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from intake_app.documents.slips_pdf import build_slip_pdf
from intake_app.domain.clock import VN_TZ
from intake_app.domain.receipt import ReceiptDocument
from intake_app.domain.slips import (
    ApologySlip,
    ControlSheet,
    HandoverResult,
    HandoverRow,
    RefusalSlip,
    Slip,
    SlipHeader,
    SlipKind,
    StopNotice,
    SupplementSlip,
    slip_kind,
)

CODE = "000.00.12.H56-260213-2001"
APPLICANT = "Nguyễn Văn Đức"
UNIT = "UBND phường Phong Quảng"
REASON = (
    "Bản sao giấy khai sinh chưa được chứng thực; tờ khai thiếu chữ ký của người yêu cầu "
    "và chưa ghi rõ quan hệ với người được đăng ký."
)
LONG_REASON = " ".join(
    ["Hồ sơ chưa đủ thành phần theo quy định tại Quyết định công bố thủ tục hành chính."] * 7
)[:600]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 2, day, hour, minute, tzinfo=VN_TZ)


def make_header(number: str = "12/HDHS", **changes: object) -> SlipHeader:
    header = SlipHeader(
        unit_name=UNIT,
        office_name="BỘ PHẬN MỘT CỬA",
        place_name="Phong Quảng",
        issued_at=at(16, 9, 30),
        number=number,
        code=CODE,
        procedure_name="Đăng ký khai sinh",
        applicant_name=APPLICANT,
        applicant_address="Tổ dân phố 3, phường Phong Quảng",
        applicant_phone="0912 345 678",
        applicant_email="duc.nguyen@example.vn",
        received_at=at(13, 16, 10),
        due_at=at(23, 8),
        clerk_name="Trần Thị Mai",
    )
    return replace(header, **changes)


def make_documents(count: int = 3) -> tuple[ReceiptDocument, ...]:
    names = [
        "Tờ khai đăng ký khai sinh theo mẫu",
        "Bản chính giấy chứng sinh",
        "Bản sao có chứng thực giấy chứng nhận kết hôn của cha, mẹ",
    ]
    return tuple(
        ReceiptDocument(
            names[i] if i < len(names) else f"Giấy tờ kèm theo số {i + 1}",
            originals=1 if i % 2 == 0 else 0,
            certified_copies=1 if i % 3 == 2 else 0,
            photocopies=2 if i % 2 else 0,
        )
        for i in range(count)
    )


def make_supplement(**changes: object) -> SupplementSlip:
    slip = SupplementSlip(
        header=make_header("12/HDHS"),
        documents=make_documents(),
        reason=REASON,
        contact="Bộ phận Một cửa UBND phường Phong Quảng, số điện thoại 0234 3812 345",
    )
    return replace(slip, **changes)


def make_refusal() -> RefusalSlip:
    return RefusalSlip(
        header=make_header("03/TCHS"),
        reason="Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường Phong Quảng.",
        contact="",
    )


def make_apology() -> ApologySlip:
    return ApologySlip(
        header=make_header("05/XLHS", issued_at=at(23, 10)),
        original_due_at=at(23, 8),
        new_due_at=at(27, 14, 30),
        reason="Cần xác minh thông tin nơi cư trú của người được đăng ký khai sinh.",
        responsible_unit="Công chức Tư pháp - Hộ tịch",
        signer_title="Chủ tịch",
    )


def make_stop() -> StopNotice:
    return StopNotice(
        header=make_header("02/DGQ", issued_at=at(18, 15)),
        reason="Người nộp hồ sơ có văn bản đề nghị rút hồ sơ ngày 17/02/2026.",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    )


PARTIES = [
    "Bộ phận Một cửa",
    "Công chức Tư pháp - Hộ tịch",
    "Lãnh đạo UBND phường",
    "Văn thư UBND phường",
]


def make_control(rows: int = 4) -> ControlSheet:
    results = [None, HandoverResult.EARLY, HandoverResult.ON_TIME, HandoverResult.LATE]
    handovers = tuple(
        HandoverRow(
            from_party=f"{PARTIES[i % 4]} (lượt {i + 1})",
            to_party=f"{PARTIES[(i + 1) % 4]} (lượt {i + 1})",
            at=at(13 + i % 10, 8 + i % 9, (7 * i) % 60),
            result=results[i % 4],
            note="Xin gia hạn" if i % 5 == 3 else "",
        )
        for i in range(rows)
    )
    return ControlSheet(header=make_header(""), rows=handovers)


def page_count(pdf: bytes) -> int:
    return len(pdfium.PdfDocument(pdf))


def page_image(pdf: bytes, index: int = 0, dpi: int = 200, top_only: bool = False) -> Image.Image:
    """Page `index` as an image; `top_only` keeps the top third (where the barcode is)."""
    crop = (0, 560, 0, 0) if top_only else (0, 0, 0, 0)
    return pdfium.PdfDocument(pdf)[index].render(scale=dpi / 72, crop=crop).to_pil()


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, NFC, with line breaks and runs of spaces made single spaces."""
    return [
        " ".join(unicodedata.normalize("NFC", page.get_textpage().get_text_range()).split())
        for page in pdfium.PdfDocument(pdf)
    ]


def pdf_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def code128(pdf: bytes) -> list[str]:
    results = zxingcpp.read_barcodes(page_image(pdf, top_only=True))
    return [r.text for r in results if "128" in str(r.format)]


SLIPS = {
    "supplement": make_supplement,
    "refusal": make_refusal,
    "apology": make_apology,
    "stop": make_stop,
    "control": make_control,
}


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {name: build_slip_pdf(make()) for name, make in SLIPS.items()}


@pytest.mark.parametrize("name", SLIPS)
def test_each_slip_is_one_a4_page_with_its_title_code_and_applicant(
    pdfs: dict[str, bytes], name: str
) -> None:
    slip: Slip = SLIPS[name]()
    pdf = pdfs[name]
    assert pdf.startswith(b"%PDF-")
    document = pdfium.PdfDocument(pdf)
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)
    text = pdf_text(pdf)
    for expected in [
        slip_kind(slip).title,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        # The letters signed by the Chairman carry the People's Committee's letterhead.
        "ỦY BAN NHÂN DÂN PHƯỜNG PHONG QUẢNG" if name in ("apology", "stop")
        else "UBND PHƯỜNG PHONG QUẢNG",
        "Phong Quảng, ngày",
        CODE,
        APPLICANT,
        "Đăng ký khai sinh",
    ]:
        assert expected in text, (name, expected)
    assert "BẢN SAO" not in text
    assert ("BỘ PHẬN MỘT CỬA" in text) == (name not in ("apology", "stop"))
    assert code128(pdf) == [CODE]


@pytest.mark.parametrize("name", ["supplement", "refusal", "apology", "stop"])
def test_the_reason_and_the_number_are_printed(pdfs: dict[str, bytes], name: str) -> None:
    slip = SLIPS[name]()
    text = pdf_text(pdfs[name])
    assert " ".join(slip.reason.split()) in text
    assert f"Số: {slip.header.number}" in text


def test_supplement_lists_the_papers_and_the_guide(pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["supplement"])
    for expected in [
        "Số: 12/HDHS",
        "Phong Quảng, ngày 16 tháng 02 năm 2026",
        "Thành phần hồ sơ",
        "Bản chính",
        "Bản photo",
        "Bản sao có chứng thực giấy chứng nhận kết hôn của cha, mẹ",
        "Lý do:",
        "Thời gian tiếp nhận hồ sơ: 16 giờ 10 phút, ngày 13/02/2026",
        "Tổ dân phố 3, phường Phong Quảng",
        "0912 345 678",
        "duc.nguyen@example.vn",
        "số điện thoại 0234 3812 345",
        "NGƯỜI HƯỚNG DẪN",
        "Trần Thị Mai",
    ]:
        assert expected in text, expected


def test_refusal_gives_the_sentence_and_both_signatures(pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["refusal"])
    assert "không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:" in text
    assert "NGƯỜI NỘP HỒ SƠ" in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text
    assert "Mọi thắc mắc xin liên hệ Bộ phận Một cửa UBND phường Phong Quảng" in text


def test_apology_gives_both_appointments_and_apologises(pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["apology"])
    for expected in [
        f"Kính gửi: Ông/Bà {APPLICANT}",
        "08 giờ 00 phút, ngày 23/02/2026",  # the original appointment
        "Thời gian hẹn trả kết quả mới:",
        "14 giờ 30 phút, ngày 27/02/2026",  # the new one
        "xin lỗi ông/bà vì sự chậm trễ này",
        "Công chức Tư pháp - Hộ tịch",
        "Nơi nhận:",
        "- Như trên;",
        "CHỦ TỊCH",
    ]:
        assert expected in text, expected


def test_stop_notice_says_processing_stops(pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["stop"])
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert "thông báo dừng giải quyết hồ sơ nêu trên của ông/bà" in text
    assert "với lý do:" in text
    assert "Nơi nhận:" in text
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text


def test_control_sheet_has_every_handover(pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["control"])
    assert "Số:" not in text
    for expected in [
        "TÊN CƠ QUAN",
        "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
        "GHI CHÚ",
        "Người giao",
        "Người nhận",
        "Giao/Nhận lúc 08 giờ 00 phút, ngày 13/02/2026",
        "Trước hạn",
        "Đúng hạn",
        "Quá hạn",
        "Xin gia hạn",
        "Trang 1/1",
    ]:
        assert expected in text, expected
    for row in make_control().rows:
        assert f"1. Giao: {row.from_party}" in text
        assert f"2. Nhận: {row.to_party}" in text


def test_a_long_control_sheet_spans_pages_and_loses_no_row() -> None:
    sheet = make_control(rows=40)
    pdf = build_slip_pdf(sheet)
    pages = page_texts(pdf)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in text
        assert "TÊN CƠ QUAN" in text  # the heading row repeats
    for row in sheet.rows:
        assert any(f"1. Giao: {row.from_party}" in text for text in pages), row.from_party
        assert any(f"2. Nhận: {row.to_party}" in text for text in pages), row.to_party
    assert CODE in pages[-1]  # the running head of later pages


def test_an_empty_control_sheet_leaves_rows_to_fill_in() -> None:
    text = pdf_text(build_slip_pdf(ControlSheet(header=make_header(""))))
    assert text.count("1. Giao:") == 5
    assert "Người nhận" in text


def test_same_record_gives_the_same_bytes(pdfs: dict[str, bytes]) -> None:
    for name, make in SLIPS.items():
        assert build_slip_pdf(make()) == pdfs[name], name


def test_a_copy_is_marked_and_still_scans() -> None:
    slip = make_refusal()
    pdf = build_slip_pdf(replace(slip, header=replace(slip.header, is_copy=True)))
    assert "BẢN SAO" in pdf_text(pdf)
    assert code128(pdf) == [CODE]


def test_decomposed_input_prints_composed_letters() -> None:
    nfd = unicodedata.normalize("NFD", APPLICANT)
    slip = make_apology()
    pdf = build_slip_pdf(replace(slip, header=replace(slip.header, applicant_name=nfd)))
    assert f"Kính gửi: Ông/Bà {APPLICANT}" in pdf_text(pdf)


def test_long_reason_and_ten_papers_stay_on_one_page() -> None:
    slip = make_supplement(documents=make_documents(10), reason=LONG_REASON)
    pdf = build_slip_pdf(slip)
    assert page_count(pdf) == 1
    text = pdf_text(pdf)
    assert "Giấy tờ kèm theo số 10" in text
    assert "NGƯỜI HƯỚNG DẪN" in text
    for make in (make_refusal, make_apology, make_stop):
        assert page_count(build_slip_pdf(replace(make(), reason=LONG_REASON))) == 1


def test_a_reason_keeps_its_line_breaks() -> None:
    reason = "1. Thiếu tờ khai.\n2. Giấy chứng sinh bị tẩy xóa."
    text = pdf_text(build_slip_pdf(replace(make_refusal(), reason=reason)))
    assert "1. Thiếu tờ khai. 2. Giấy chứng sinh bị tẩy xóa." in text


def test_slip_kind_names_every_record() -> None:
    assert [slip_kind(make()) for make in SLIPS.values()] == [
        SlipKind.SUPPLEMENT,
        SlipKind.REFUSAL,
        SlipKind.APOLOGY,
        SlipKind.STOP,
        SlipKind.CONTROL,
    ]
    with pytest.raises(TypeError):
        build_slip_pdf(object())  # type: ignore[arg-type]

"""The documents hold at the limits (issue 9.2, issue 10.3).

One dossier is stamped with every field at its longest at once, under the longest procedure the
catalogue accepts with the most components and fee lines, with the most papers; it is handed
over, asked for a supplement (the most papers, the longest reason), given an apology letter and
stopped; a second one is refused, a third returned. The receipt, the five slips and the daily
log are then read back from the PDFs themselves: no text run overlaps another or runs into the
next one, none is outside the printable area of its page, and the longest values are there in
full (nothing cut).
"""

from __future__ import annotations

import json
import os
import re
from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import (
    ADMIN,
    SUPERVISOR,
    TEST_PASSWORD,
    UNIT,
    FakeClock,
    acting,
    at,
    intake_request,
    layout_problems,
    pdf_text,
    set_up_accounts,
)

from intake_app.desk import Desk
from intake_app.domain import limits
from intake_app.domain.accounts import Role
from intake_app.domain.lifecycle import RequestedPaper, StepRequest
from intake_app.domain.procedures import DocForm
from intake_app.domain.slips import SlipKind
from intake_app.domain.status import DossierStatus as S
from intake_app.domain.text import nfc

SHOTS = os.environ.get("INTAKE_SHOTS")  # a folder: also render every page there to look at


def text_of_length(length: int, words: str) -> str:
    text = (words * (length // len(words) + 1))[:length]
    return text[:-1] + "a" if text.endswith(" ") else text


NAME = text_of_length(limits.PERSON_NAME_CHARS, "Tôn Nữ Thị Hoàng Phương Thảo Nguyễn ")
OWNER = text_of_length(limits.PERSON_NAME_CHARS, "Trương Công Minh Khôi Nguyên ")
CLERK = text_of_length(limits.PERSON_NAME_CHARS, "Lê Thị Phương Hoa Nguyễn Thị ")
ADDRESS = text_of_length(limits.ADDRESS_CHARS, "Số 12 kiệt 34 đường Nguyễn Sinh Cung, tổ 5, ")
OWNER_ADDRESS = text_of_length(limits.ADDRESS_CHARS, "Thôn Phước Yên, xóm Đông, ")
# 100 characters: wider than a line after "Email:", so it must break, after "@" or ".".
EMAIL = ("nguyen.thi.hoang.phuong.thao.1995.ton.nu.hue"
         "@buudien-thuathienhue.phongquang.thanhpho.hue.gov.vn.xaa")
assert len(EMAIL) == limits.EMAIL_CHARS
NOTE = text_of_length(limits.NOTE_CHARS, "Nộp thay theo giấy ủy quyền; đã đối chiếu bản chính. ")
PROCEDURE = text_of_length(limits.PROCEDURE_NAME_CHARS,
                           "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký "
                           "thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; ")
FIELD = text_of_length(limits.FIELD_NAME_CHARS, "Hộ tịch, chứng thực và liên thông ")
LEAD = text_of_length(limits.UNIT_NAME_CHARS, "Ủy ban nhân dân phường Phong Quảng và Công an ")
UNIT_OFFICER = text_of_length(limits.UNIT_NAME_CHARS, "Công chức Tư pháp - Hộ tịch phường ")
REASON = text_of_length(limits.REASON_CHARS,
                        "Thiếu bản chính giấy chứng sinh và tờ khai chưa ghi đủ quê quán. ")
EXEMPT = text_of_length(limits.FEE_NOTE_CHARS, "Người có công với cách mạng, ")
PAPER = text_of_length(limits.DOCUMENT_NAME_CHARS,
                       "Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài "
                       "sản khác gắn liền với đất (trường hợp ")
FEE_LABEL = text_of_length(limits.FEE_LABEL_CHARS, "Phí chứng thực bản sao từ bản chính ")
FEE_NOTE = text_of_length(limits.FEE_NOTE_CHARS, "Thông tư 226/2016/TT-BTC, ")


def longest_procedure() -> dict:
    return {
        "code": "9.000001", "name": PROCEDURE, "field_code": "HTCT", "field_name": FIELD,
        "lead_unit": LEAD, "time": {"unit": "working_days", "amount": limits.TIME_DAYS_MAX},
        "fee": {"kind": "per_page", "label": FEE_LABEL, "note": FEE_NOTE,
                "tiers": [{"from_page": 1 + 10 * i, "price": limits.MONEY_MAX - i}
                          for i in range(limits.FEE_TIERS_MAX)],
                "cap_per_copy": limits.MONEY_MAX},
        "components": [{"name": f"{i + 1:02d}. {PAPER}"[: limits.DOCUMENT_NAME_CHARS],
                        "form": "ban_sao", "copies": limits.COPIES_MAX}
                       for i in range(limits.DOCUMENTS_MAX)],
        "note": text_of_length(limits.PROCEDURE_NOTE_CHARS, "Ghi chú thủ tục. "),
    }


def longest_request() -> dict:
    request = intake_request(procedure="9.000001")
    request["applicant"].update(name=NAME, email=EMAIL, address=ADDRESS, phone="0912345678")
    request["owner"] = {"name": OWNER, "address": OWNER_ADDRESS, "province_code": "46",
                        "commune_code": "19873"}
    request["documents"] = [
        {"name": f"{i + 1:02d}. {PAPER}"[: limits.DOCUMENT_NAME_CHARS], "form": "ban_sao",
         "copies": limits.COPIES_MAX, "pages": limits.PAGES_MAX}
        for i in range(limits.DOCUMENTS_MAX)]
    request.update(sets=limits.SETS_MAX, pages=limits.PAGES_MAX, note=NOTE, delivery="post",
                   payment={"method": "exempt", "exempt_reason": EXEMPT})
    return request


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    """Every document of the longest dossiers, as PDF files."""
    folder = tmp_path_factory.mktemp("limits")
    out = folder / "out"
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = Desk(folder / "station", clock=clock)
    desk.init_station(**{**UNIT, "unit_name": text_of_length(
        limits.UNIT_NAME_CHARS, "Ủy ban nhân dân phường Phong Quảng, thành phố Huế ")})
    set_up_accounts(desk)
    with acting(desk, ADMIN):  # the clerk with the longest name an account may have
        desk.accounts.add("ten.dai", CLERK, Role.CLERK, TEST_PASSWORD, temporary=False)
    desk.act_as("ten.dai")
    catalogue = folder / "catalogue.json"
    catalogue.write_text(json.dumps({"procedures": [longest_procedure()]}, ensure_ascii=False),
                         encoding="utf-8")
    with acting(desk, SUPERVISOR):
        desk.import_catalogue(catalogue)
    longest = desk.receive(longest_request())
    assert longest.receipt_path is not None
    code = longest.dossier.code
    refused = desk.receive(longest_request()).dossier.code
    returned = desk.receive(longest_request()).dossier.code

    clock.advance(hours=1)
    desk.step(code, StepRequest(S.IN_PROCESSING, CLERK, to_unit=UNIT_OFFICER))
    clock.advance(hours=1)
    papers = tuple(RequestedPaper(f"{i + 1:02d}. {PAPER}"[: limits.DOCUMENT_NAME_CHARS],
                                  DocForm.ORIGINAL, limits.COPIES_MAX)
                   for i in range(limits.DOCUMENTS_MAX))
    desk.step(code, StepRequest(S.SUPPLEMENT_REQUESTED, CLERK, note=REASON, documents=papers))
    clock.advance(days=1)
    desk.step(code, StepRequest(S.IN_PROCESSING, CLERK, to_unit=UNIT_OFFICER + "x"[:0]))
    clock.advance(days=600)  # past the 365 working days of its processing time
    desk.extend_due(code, new_due=clock.now + timedelta(days=30), reason=REASON,
                    responsible=UNIT_OFFICER)
    clock.advance(days=1)
    desk.step(code, StepRequest(S.STOPPED, CLERK, note=REASON))
    desk.step(refused, StepRequest(S.REFUSED, CLERK, note=REASON))
    desk.step(returned, StepRequest(S.RETURNED, CLERK, receiver_name=OWNER))

    files = {"receipt": longest.receipt_path}
    for kind in SlipKind:
        target = refused if kind is SlipKind.REFUSAL else code
        files[kind.value] = desk.issue_slip(target, kind, out / f"{kind.value}.pdf")
    day = at("2026-03-02 00:00").date()
    with acting(desk, SUPERVISOR):
        files["log"] = desk.ledger.export(day, day, out / "log.pdf")
    desk.close()
    if SHOTS:
        import subprocess

        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        for name, path in files.items():
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(path),
                            str(Path(SHOTS) / f"max-{name}")], check=True)
    return files


DOCUMENTS = ["receipt", *[kind.value for kind in SlipKind], "log"]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_nothing_overlaps_runs_into_a_label_or_leaves_the_page(printed, document) -> None:
    assert layout_problems(printed[document]) == []


def words(path: Path) -> str:
    """The PDF's body text, single-spaced: the running head of later pages ("…, mã hồ sơ …")
    and the page numbers left out, so that a paragraph broken over two pages reads whole."""
    from station_db import kept_pdf

    document = pdfium.PdfDocument(kept_pdf(path))  # the kept receipt is sealed
    kept: list[str] = []
    try:
        for number, page in enumerate(document):
            lines = page.get_textpage().get_text_range().splitlines()
            if number > 0 and lines and "mã hồ sơ" in lines[0]:
                lines = lines[1:]
            kept += [line for line in lines if not re.fullmatch(r"\s*Trang \d+/\d+\s*", line)]
    finally:
        document.close()
    return nfc(" ".join(kept))


def has(path: Path, value: str) -> bool:
    """Whether `value` is printed whole (spaces aside: a line break may fall anywhere)."""
    return "".join(nfc(value).split()) in "".join(words(path).split())


def test_the_receipt_prints_every_longest_value_whole(printed) -> None:
    receipt = printed["receipt"]
    for value in (NAME, OWNER, EMAIL, ADDRESS, PROCEDURE, EXEMPT, CLERK, FEE_LABEL):
        assert has(receipt, value), value[:40]
    assert has(receipt, f"{ADDRESS}, Phường Phong Quảng, Thành phố Huế")
    assert has(receipt, "Hình thức thanh toán: Miễn nộp phí, lệ phí (lý do: ")
    assert has(receipt, f"50. {PAPER}"[: limits.DOCUMENT_NAME_CHARS])
    assert has(receipt, "Số lượng hồ sơ: 99 bộ")


def test_the_slips_print_every_longest_value_whole(printed) -> None:
    for kind in ("supplement", "refusal", "apology", "stop"):
        assert has(printed[kind], REASON), kind
        assert has(printed[kind], NAME), kind
    assert has(printed["supplement"], f"50. {PAPER}"[: limits.DOCUMENT_NAME_CHARS])
    assert has(printed["supplement"], EMAIL)
    assert has(printed["apology"], UNIT_OFFICER)
    control = printed["control"]
    assert has(control, UNIT_OFFICER)
    assert has(control, "Xin lỗi") and has(control, "Dừng giải quyết")


def test_the_log_prints_every_longest_value_whole(printed) -> None:
    log = printed["log"]
    for value in (NAME, PROCEDURE, NOTE, CLERK, LEAD):
        assert has(log, value), value[:40]
    assert has(log, f"{ADDRESS}, Phường Phong Quảng, Thành phố Huế")
    assert has(log, "Từ chối tiếp nhận") and has(log, "Dừng giải quyết")


def email_pieces(path: Path) -> list[str]:
    """The email as its printed lines give it: what follows "Email:" and the lines after it."""
    lines = [line.strip() for line in pdf_text(path).splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Email:"))
    pieces = [lines[start].removeprefix("Email:").strip()]
    for line in lines[start + 1:]:
        if not EMAIL.startswith("".join(pieces) + line):
            break
        pieces.append(line)
    return pieces


@pytest.mark.parametrize("document", ["receipt", "supplement"])
def test_a_long_email_breaks_only_after_at_or_a_dot(printed, document) -> None:
    pieces = email_pieces(printed[document])
    assert "".join(pieces) == EMAIL and len(pieces) >= 2
    assert all(piece.endswith(("@", ".")) for piece in pieces[:-1]), pieces

"""Fees at the counter (issue 11.7), in the real window on a real SQLite file: how the fee was
paid chosen in the form and printed on the receipt; the provincial council's amounts entered
by the supervisor, then a receipt printed with the amount; the cash hand-over sheet per day
and per clerk, from the supervisor's screen and the command line, read back from its PDF."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import (
    FakeClock,
    acting,
    as_user,
    at,
    intake_request,
    pdf_words,
    rows,
    run_cli,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake_app.desk import Desk
from intake_app.domain.payment import PaymentMethod
from intake_app.ui.main_window import build_main_window

NOW = "2026-12-02 09:00"
SUPERVISOR = "Trần Văn Nam"  # the test station's supervisor (conftest)
MARRIAGE_STATUS = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân: the province sets its fee
RESOLUTION = "Nghị quyết số 20/2025/NQ-HĐND ngày 10/7/2025 của HĐND tỉnh Quảng Trị"


@pytest.fixture
def clock():
    return FakeClock(at(NOW))


@pytest.fixture
def desk(data_dir, clock):
    with as_user(Desk(data_dir, clock=clock)) as desk:
        yield desk


@pytest.fixture
def window(desk, make_session, qtbot):
    window = build_main_window(make_session(desk, "nam.tv"))  # fees: a supervisor's
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focused():
    return QApplication.focusWidget()


def fill(qtbot, screen, procedure: str, documents: list[tuple[int, int]] | None = None) -> None:
    """The form as a clerk leaves it: the procedure picked, the applicant typed, papers ticked
    with their counts (row index, count of the row's usual form)."""
    window = screen.window()
    window.activateWindow()  # no window manager here: a closed dialog leaves none active
    qtbot.waitUntil(window.isActiveWindow)
    screen.picker.setFocus()
    qtbot.keyClicks(screen.picker, procedure)
    qtbot.waitUntil(screen.picker.popup_visible)
    qtbot.keyClick(screen.picker, Qt.Key.Key_Return)
    assert screen.picker.value.code == procedure
    for edit, value in ((screen.form.name, "Nguyễn Văn Đức"),
                        (screen.form.id_number, "046095001234"),
                        (screen.form.address, "Thôn Phước Yên")):
        edit.setFocus()
        type_text(qtbot, edit, value)
    for index, count in documents or [(0, 1)]:
        row = screen.checklist.rows()[index]
        row.tick.setChecked(True)
        row.counts[row.form].setValue(count)
    qtbot.waitUntil(screen.is_checked)


def stamp(qtbot, screen):
    screen.preview_receipts = False
    with qtbot.waitSignal(screen.stamped) as stamped:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return stamped.args[0]


def test_the_clerk_chooses_an_exemption_with_its_reason_and_the_receipt_says_so(
        window, desk, qtbot, data_dir):
    screen = window.built_screen("intake")
    fill(qtbot, screen, "2.000815", [(1, 2)])
    assert screen.summary.fee_value.text() == "4.000 ₫"
    payment = screen.payment
    assert payment.chosen == PaymentMethod.CASH and payment.method.isEnabled()
    assert not payment.reason.isVisibleTo(screen)
    # Alt+T goes to the choice; the arrows pick "Miễn"; the reason field appears.
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert focused() is payment.method
    from PySide6.QtWidgets import QLabel

    caption = next(label for label in screen.extra.findChildren(QLabel)
                   if label.buddy() is payment.method)
    assert "(Alt+T)" in caption.text()  # the key is shown
    while payment.chosen != PaymentMethod.EXEMPT:
        qtbot.keyClick(payment.method, Qt.Key.Key_Down)
    assert payment.reason.isVisibleTo(screen)
    # No reason: refused beside the field, nothing saved.
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    errors = screen.extra.errors
    qtbot.waitUntil(lambda: errors["payment.exempt_reason"].text() != "")
    assert "lý do" in errors["payment.exempt_reason"].text()
    assert rows(data_dir, "SELECT count(*) FROM dossiers") == [(0,)]
    payment.reason.setFocus()
    type_text(qtbot, payment.reason, "Người có công với cách mạng")
    result = stamp(qtbot, screen)
    dossier = desk.dossier(result.dossier.code)
    assert dossier.payment.method == PaymentMethod.EXEMPT
    assert dossier.payment.exempt_reason == "Người có công với cách mạng"
    receipt = pdf_words(result.receipt_path)
    assert "Hình thức thanh toán: Miễn nộp phí, lệ phí (lý do: Người có công với cách mạng)" \
        in receipt
    from intake_app.ui.find.dossier_dialog import DossierDialog, read_view

    shown = DossierDialog(screen.session, read_view(desk, dossier.code))
    qtbot.addWidget(shown)
    assert "Miễn nộp phí, lệ phí (lý do: Người có công" in shown.fields["fee"].text()
    # The next citizen starts on cash again.
    assert payment.chosen == PaymentMethod.CASH and not payment.reason.isVisibleTo(screen)

    fill(qtbot, screen, "2.000815", [(1, 1)])
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(payment.method, Qt.Key.Key_Down)  # chuyển khoản
    assert payment.chosen == PaymentMethod.BANK_TRANSFER
    result = stamp(qtbot, screen)
    assert desk.dossier(result.dossier.code).payment.method == PaymentMethod.BANK_TRANSFER
    assert "Chuyển khoản vào tài khoản của đơn vị" in pdf_words(result.receipt_path)


def test_a_free_procedure_has_nothing_to_choose(window, desk, qtbot):
    screen = window.built_screen("intake")
    fill(qtbot, screen, "1.001193")
    assert not screen.payment.method.isEnabled()
    assert screen.payment.chosen == PaymentMethod.NONE
    result = stamp(qtbot, screen)
    assert desk.dossier(result.dossier.code).payment.method == PaymentMethod.NONE


def test_the_supervisor_enters_the_provincial_amount_and_the_receipt_prints_it(
        window, desk, qtbot, clock):
    screen = window.built_screen("intake")
    # Not entered yet: the summary says who enters it; the receipt has no internal wording.
    fill(qtbot, screen, MARRIAGE_STATUS)
    assert screen.summary.fee_value.text() == "—"
    assert "Giám sát (F5)" in screen.summary.fee_detail.text()
    before = stamp(qtbot, screen)
    text = pdf_words(before.receipt_path)
    assert "theo Nghị quyết của HĐND tỉnh" in text
    for internal in ("chưa quy định", "chưa cấu hình", "None"):
        assert internal not in text

    # F5, Ctrl+M: the amounts; pick the procedure, type the amount and the resolution.
    qtbot.keyClick(window, Qt.Key.Key_F5)
    supervisor = window.built_screen("supervisor")
    assert "(Ctrl+M)" in supervisor.fees_button.text()
    supervisor.setFocus()
    qtbot.keyClick(supervisor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    from intake_app.ui.supervisor.fees_dialogs import ProvincialFeesDialog

    qtbot.waitUntil(lambda: supervisor.findChild(ProvincialFeesDialog) is not None)
    dialog = supervisor.findChild(ProvincialFeesDialog)
    qtbot.waitUntil(lambda: dialog.items != [])
    codes = [item.procedure.code for item in dialog.items]
    assert MARRIAGE_STATUS in codes and "2.000815" not in codes  # only the province's fees
    while dialog.current_code() != MARRIAGE_STATUS:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    dialog.amount.setFocus()
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "15000")
    dialog.basis.setFocus()
    type_text(qtbot, dialog.basis, RESOLUTION)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.basis, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].amount_after == 15_000 and saved.args[0].amount_before is None
    qtbot.waitUntil(lambda: dialog.history.rowCount() == 1)
    assert "15.000" in dialog.history.item(0, 3).text()
    assert [r.action for r in as_user(desk, "nam.tv").audit.records(limit=5)][0] == \
        "fee.provincial_set"
    as_user(desk)
    dialog.reject()

    # Back at the counter: the quote and the receipt use the amount and its resolution.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.current_screen_name() == "intake"
    fill(qtbot, screen, MARRIAGE_STATUS)
    qtbot.waitUntil(lambda: screen.summary.fee_value.text() == "15.000 ₫")
    after = stamp(qtbot, screen)
    assert desk.dossier(after.dossier.code).fee_total == 15_000
    text = pdf_words(after.receipt_path)
    assert "15.000 đồng" in text and RESOLUTION in text
    assert "Nộp tiền mặt tại Bộ phận Một cửa" in text
    # A change is kept with before and after; the earlier dossier keeps what it printed.
    as_user(desk, "nam.tv").provincial_fees.set_amount(MARRIAGE_STATUS, 20_000, RESOLUTION)
    assert [(c.amount_before, c.amount_after) for c in desk.provincial_fees.changes()] == [
        (15_000, 20_000), (None, 15_000)]
    assert desk.dossier(after.dossier.code).fee_total == 15_000
    assert desk.dossier(before.dossier.code).fee_total is None


def test_a_non_provincial_fee_cannot_be_overridden(desk):
    from intake_app.domain.errors import InvalidInput, NotAllowed

    with pytest.raises(NotAllowed, match="không được sửa mức phí"):
        desk.provincial_fees.set_amount(MARRIAGE_STATUS, 1000, RESOLUTION)  # the clerk
    as_user(desk, "nam.tv")
    with pytest.raises(NotAllowed):
        desk.provincial_fees.set_amount("2.000815", 1000, RESOLUTION)
    with pytest.raises(InvalidInput) as refused:
        desk.provincial_fees.set_amount(MARRIAGE_STATUS, 15_000, "")
    assert "provincial_fee.basis" in refused.value.problems


def receive_day(desk: Desk, clock: FakeClock) -> None:
    """A morning at two counters: cash, a transfer, an exemption, a free dossier."""
    with acting(desk, "nam.tv"):
        desk.provincial_fees.set_amount(MARRIAGE_STATUS, 15_000, RESOLUTION)
    marriage = intake_request(procedure=MARRIAGE_STATUS, documents=[
        {"name": "Tờ khai", "form": "ban_chinh", "copies": 1}])
    free = intake_request(procedure="1.001193", documents=[
        {"name": "Tờ khai đăng ký khai sinh", "form": "ban_chinh", "copies": 1}], pages=1)
    for clerk, request in (
            ("Lê Thị Hoa", intake_request()),  # 10.000 cash
            ("Lê Thị Hoa", intake_request(payment={"method": "bank_transfer"})),  # 10.000
            ("Trần Văn Nam", intake_request()),  # 10.000 cash
            ("Trần Văn Nam", intake_request(payment={
                "method": "exempt", "exempt_reason": "Người có công với cách mạng"})),
            ("Lê Thị Hoa", marriage),  # 15.000 cash
            ("Trần Văn Nam", free)):
        clock.advance(minutes=13)
        with acting(desk, clerk):
            desk.receive(request)
    clock.advance(days=1)
    desk.receive(intake_request())  # the next day: not on the sheet


def test_the_cash_sheet_from_the_supervisor_screen_read_back(window, desk, qtbot, clock,
                                                             tmp_path):
    receive_day(desk, clock)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    supervisor = window.built_screen("supervisor")
    supervisor.setFocus()
    qtbot.keyClick(supervisor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = supervisor.export_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.loaded):
        pass
    dialog.set_period(date(2026, 12, 2), date(2026, 12, 2))
    asked = []
    dialog.choose_path = lambda suggested: asked.append(suggested) or tmp_path / "bang-ke.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as written:
        dialog.save_button.click()
    assert asked[0].name == "bang-ke-tien-phi-2026-12-02.pdf"
    text = pdf_words(written.args[0])
    assert "BẢNG KÊ NỘP TIỀN PHÍ, LỆ PHÍ THU TẠI BỘ PHẬN MỘT CỬA" in text
    assert "Ngày 02/12/2026" in text
    assert "Lê Thị Hoa" in text and "Trần Văn Nam" in text
    assert "Tổng số tiền mặt phải nộp: 35.000 đồng" in text  # 10 + 15 (Hoa) + 10 (Nam)
    assert "Bằng chữ: Ba mươi lăm nghìn đồng" in text
    assert "Cộng tiền mặt phải nộp 25.000" in text and "Cộng tiền mặt phải nộp 10.000" in text
    assert "Miễn: Người có công với cách mạng" in text
    assert "10.000 đồng" in text  # in the account (the transfer)
    assert "NGƯỜI NỘP TIỀN" in text and "NGƯỜI NHẬN TIỀN" in text and "NGƯỜI LẬP BẢNG KÊ" in text
    assert "261203" not in text  # the next day's dossier is not on it


def test_the_cash_sheet_from_the_command_line(desk, clock, data_dir, capsys, tmp_path):
    receive_day(desk, clock)
    out = tmp_path / "sheet.pdf"
    status, output, _err = run_cli(capsys, data_dir, "cash-sheet", "--date", "2026-12-02",
                                   "--out", str(out), user=SUPERVISOR)
    assert status == 0
    assert output["cash_total"] == 35_000 and output["in_account_total"] == 10_000
    assert output["dossiers"] == 6
    by_clerk = {(g["day"], g["clerk"]): g for g in output["by_day_and_clerk"]}
    hoa = by_clerk[("2026-12-02", "Lê Thị Hoa")]
    nam = by_clerk[("2026-12-02", "Trần Văn Nam")]
    assert (hoa["cash"], hoa["in_account"], hoa["dossiers"]) == (25_000, 10_000, 3)
    assert (nam["cash"], nam["exempt"], nam["free"]) == (10_000, 1, 1)
    assert out.read_bytes().startswith(b"%PDF")
    assert SUPERVISOR in pdf_words(out)
    status, output, _err = run_cli(capsys, data_dir, "cash-sheet", "--date", "2026-12-02",
                                   "--clerk-only", "Trần Văn Nam", "--out",
                                   str(tmp_path / "nam.pdf"), user=SUPERVISOR)
    assert status == 0 and output["cash_total"] == 10_000
    # A clerk makes their own sheet, not another clerk's.
    status, output, _err = run_cli(capsys, data_dir, "cash-sheet", "--date", "2026-12-02",
                                   "--clerk-only", "Lê Thị Hoa", "--out",
                                   str(tmp_path / "hoa.pdf"))
    assert status == 0 and output["cash_total"] == 25_000
    status, _output, err = run_cli(capsys, data_dir, "cash-sheet", "--date", "2026-12-02",
                                   "--clerk-only", "Trần Văn Nam", "--out",
                                   str(tmp_path / "nam2.pdf"))
    assert status == 3 and "mọi cán bộ" in err
    status, _output, err = run_cli(capsys, data_dir, "cash-sheet", "--date", "2/12/2026")
    assert status == 2 and "YYYY-MM-DD" in err
    status, output, _err = run_cli(capsys, data_dir, "fees", "list")
    assert {"code": MARRIAGE_STATUS, "amount": 15_000}.items() <= next(
        item for item in output if item["code"] == MARRIAGE_STATUS).items()


def test_a_long_cash_sheet_stays_on_its_pages(tmp_path):
    """Forty dossiers, two clerks with the longest names a clerk may have, the longest
    procedure and applicant names: nothing outside the printable area or written over."""
    from conftest import layout_problems, pdf_text

    from intake_app.documents.cash_sheet_pdf import build_cash_sheet_pdf
    from intake_app.domain.cash_sheet import PaidDossier, build_cash_sheet
    from intake_app.domain.limits import max_chars
    from intake_app.domain.payment import Payment

    long_clerk = ("Tôn Nữ Hoàng Phương Thảo " * 5)[:max_chars("clerk")].strip()
    name = ("Nguyễn Thị Phương Hoàng Anh " * 5)[:max_chars("applicant.name")].strip()
    procedure = "Chứng thực hợp đồng, giao dịch liên quan đến động sản, quyền sử dụng đất " * 3
    methods = [None, Payment(PaymentMethod.BANK_TRANSFER),
               Payment(PaymentMethod.EXEMPT, "Người có công với cách mạng " * 4)]
    dossiers = [PaidDossier(f"000.00.12.H56-261202-{n:04d}", at(NOW).replace(minute=n),
                            long_clerk if n % 2 else "Lê Thị Hoa", procedure, name,
                            50_000 * (n % 3), methods[n % 3]) for n in range(1, 41)]
    sheet = build_cash_sheet(dossiers, start=date(2026, 12, 2), end=date(2026, 12, 2),
                             unit_name="UBND phường Phong Quảng", office_name="Bộ phận Một cửa",
                             place_name="Phong Quảng", made_at=at(NOW), made_by=long_clerk)
    pdf = build_cash_sheet_pdf(sheet)
    (tmp_path / "long.pdf").write_bytes(pdf)
    assert layout_problems(pdf) == []
    text = pdf_text(pdf)
    assert "trang 2" in text and text.count("000.00.12.H56-261202-") == 40
    assert pdf == build_cash_sheet_pdf(sheet)  # the same sheet, the same bytes

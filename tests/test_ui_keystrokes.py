"""The keystrokes a certification dossier takes beyond the typed data (issue 11: ≤ 20 with a
scanned chip ID card), from an empty form to the printed receipt, in the real window.

Typed data (the procedure's words, the phone, the counts, what the scanner sends) costs
nothing; every other key the clerk presses counts one, a chord (Ctrl+Enter) counting one and
its modifier presses listed beside. The system's print dialog is the one key it takes to
accept it (Enter), counted as such; the job goes to a PDF file here. `bench/bench_keystrokes.py`
prints the counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import pdf_words, rows, type_text
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from scanner_keys import scanner_keys

from intake_app.ui.main_window import build_main_window

CARD = ("046095001234|197412345|Nguyễn Văn Đức|02031995|Nam|"
        "Thôn Phước Yên, Quảng Thành, Quảng Điền, Thừa Thiên Huế|10042021")
GOAL = 20
CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class Keys:
    """The clerk's keyboard: keys beyond the data are counted, typed data is not."""

    qtbot: object
    pressed: list[str] = field(default_factory=list)
    modifiers: int = 0  # Ctrl presses inside chords

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              *, name: str) -> None:
        self.pressed.append(name)
        if modifier != Qt.KeyboardModifier.NoModifier:
            self.modifiers += 1
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    def count_only(self, name: str) -> None:
        """A key pressed in a system dialog the test cannot drive (the print dialog's Enter)."""
        self.pressed.append(name)

    def data(self, text: str) -> None:
        """Typed data: free."""
        focus = QApplication.focusWidget()
        if text.isascii():
            self.qtbot.keyClicks(focus, text)
        else:
            type_text(self.qtbot, focus, text)

    def scan(self, text: str) -> None:
        """What the 2D scanner types (the card's data and its Enter): free."""
        for event, _ in scanner_keys(text):
            QApplication.sendEvent(QApplication.focusWidget(), event)

    def report(self, how: str) -> str:
        return (f"Keystrokes beyond the typed data ({how}): {len(self.pressed)} "
                f"(+{self.modifiers} Ctrl in chords = {len(self.pressed) + self.modifiers} key "
                f"presses): {', '.join(self.pressed)}")


@pytest.fixture
def window(session, qtbot):
    window = build_main_window(session)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.scanner is not None)
    screen = window.built_screen("intake")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.picker)
    qtbot.waitUntil(lambda: screen.form.commune.value is not None)  # the station's, filled in
    return window


def print_to(out: Path, keys: Keys):
    def choose(printer: QPrinter) -> bool:
        keys.count_only("Enter (hộp thoại in)")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(100)
        printer.setOutputFileName(str(out))
        return True
    return choose


def pick_procedure(keys: Keys, qtbot, screen) -> None:
    keys.data("chung thuc ban sao")
    qtbot.waitUntil(screen.picker.popup_visible)
    keys.press(Qt.Key.Key_Return, name="Enter (chọn thủ tục)")
    assert screen.picker.value.code == "2.000815"


def papers_stamp_and_print(keys: Keys, qtbot, window, screen, desk, data_dir, out: Path) -> str:
    """From the applicant's last field: the second paper ticked with 2 copies of 3 pages,
    stamped, the receipt printed. Returns the dossier's code."""
    rows_ = screen.checklist.rows()
    keys.press(Qt.Key.Key_Down, CTRL, name="Ctrl+↓ (tới giấy tờ)")
    assert QApplication.focusWidget() is rows_[0].tick
    keys.press(Qt.Key.Key_Down, name="↓ (giấy tờ sau)")
    assert QApplication.focusWidget() is rows_[1].tick
    keys.press(Qt.Key.Key_Space, name="Space (đánh dấu)")
    keys.press(Qt.Key.Key_Return, name="Enter (số bản sao)")
    assert QApplication.focusWidget() is rows_[1].counts[rows_[1].form]
    keys.data("2")
    keys.press(Qt.Key.Key_Return, name="Enter (số trang)")
    assert QApplication.focusWidget() is rows_[1].pages
    keys.data("3")
    qtbot.waitUntil(lambda: screen.summary.fee_value.text() == "10.000 ₫")
    with qtbot.waitSignal(screen.stamped, timeout=10_000):
        keys.press(Qt.Key.Key_Return, CTRL, name="Ctrl+Enter (đóng dấu)")
    qtbot.waitUntil(lambda: screen.receipt_dialog is not None)
    preview = screen.receipt_dialog
    preview.choose_printer = print_to(out, keys)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    assert QApplication.focusWidget() is preview.print_button
    keys.press(Qt.Key.Key_Return, name="Enter (In)")
    assert preview.printed and out.read_bytes().startswith(b"%PDF")
    code = screen.last_result.dossier.code
    qtbot.waitUntil(lambda: desk.receipt_prints.original_printed(code))
    assert rows(data_dir, "SELECT count(*) FROM dossiers")[0][0] >= 1
    dossier = desk.dossier(code)
    assert dossier.fee_total == 10_000 and dossier.payment.method.value == "cash"
    assert [(d.form.value, d.copies, d.pages) for d in dossier.documents] == [("ban_sao", 2, 3)]
    return code


def test_a_certification_dossier_with_a_scanned_id_card(window, qtbot, desk, data_dir,
                                                        tmp_path):
    screen = window.built_screen("intake")
    keys = Keys(qtbot)
    pick_procedure(keys, qtbot, screen)
    assert QApplication.focusWidget() is screen.form.name
    with qtbot.waitSignal(screen.card_read):
        keys.scan(CARD)  # the card's QR code: name, number, birth date, gender, address
    assert QApplication.focusWidget() is screen.form.phone
    keys.data("0912345678")
    code = papers_stamp_and_print(keys, qtbot, window, screen, desk, data_dir,
                                  tmp_path / "printed.pdf")
    receipt = pdf_words(desk.receipt_path(desk.receipt(code)))
    assert "Nguyễn Văn Đức" in receipt and "046095001234" in receipt
    print("\n" + keys.report("chip ID card scanned"))
    assert len(keys.pressed) <= GOAL
    assert len(keys.pressed) + keys.modifiers <= GOAL  # even counting Ctrl on its own


def test_a_certification_dossier_with_the_card_typed(window, qtbot, desk, data_dir, tmp_path):
    """The same dossier with the card typed by hand (a card whose chip or QR cannot be read)."""
    screen = window.built_screen("intake")
    keys = Keys(qtbot)
    pick_procedure(keys, qtbot, screen)
    keys.data("Nguyễn Văn Đức")
    keys.press(Qt.Key.Key_Return, name="Enter (họ tên)")
    keys.data("046095001234")  # the number chooses the gender and gives the century
    keys.press(Qt.Key.Key_Return, name="Enter (số CCCD)")
    keys.data("02/03/1995")
    keys.press(Qt.Key.Key_Return, name="Enter (ngày sinh)")
    assert screen.form.gender.currentData() == "nam"
    keys.press(Qt.Key.Key_Return, name="Enter (giới tính)")
    keys.data("0912345678")
    keys.press(Qt.Key.Key_Return, name="Enter (điện thoại)")
    keys.press(Qt.Key.Key_Return, name="Enter (email)")
    keys.press(Qt.Key.Key_Return, name="Enter (tỉnh)")
    keys.press(Qt.Key.Key_Return, name="Enter (xã, phường)")
    assert QApplication.focusWidget() is screen.form.address
    keys.data("Thôn Phước Yên")
    papers_stamp_and_print(keys, qtbot, window, screen, desk, data_dir, tmp_path / "p.pdf")
    print("\n" + keys.report("card typed"))
    assert len(keys.pressed) <= GOAL

"""First run for IT: the set-up wizard of a new data folder, ending with the set-up sheet.

Unit and counter → the first administrator → the province's gateway (may be skipped) → the
printer (the PC's default preselected) → the backup place (a warning when it shares the data
folder's disk) → a summary whose "Thiết lập" writes everything at once (`Desk.set_up`: each
page's input is checked when leaving it, the whole again before writing, the station itself
last) → the set-up sheet: print it, or save it as PDF.

Nothing is written before "Thiết lập". Cancelling before it leaves the folder as it was
(the window's start-up then removes what opening a new folder made: `station_setup.untouched`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..desk import Desk
from ..domain.accounts import Role
from ..domain.dossier_code import UNIT_CODE_RE
from ..domain.errors import DeskError, InvalidInput
from ..domain.text import nfc
from ..services import station_setup
from ..services.backups import default_place, same_disk
from ..services.station_setup import AdminPlan, SetupPlan
from .setup_dialog import DEFAULT_OFFICE, ERROR_STYLE, UnitComboBox

log = logging.getLogger(__name__)

WARNING_STYLE = "color: #8a5300;"
NOTE_STYLE = "color: #444;"
Printers = tuple[str | None, list[str]]  # (the default printer, every printer)


def system_printers() -> Printers:
    """The PC's printers as Qt sees them (offscreen Qt sees none)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinter()
    return (None if default.isNull() else default.printerName(),
            list(QPrinterInfo.availablePrinterNames()))


class FieldForm(QFormLayout):
    """A form whose fields each have a red line under them for what is wrong with them."""

    def __init__(self, parent: QWidget):
        super().__init__()
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(6)
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        self.widgets: dict[str, QWidget] = {}
        self.parent_widget = parent

    def add(self, name: str, label: str, widget: QWidget | QHBoxLayout,
            focus: QWidget | None = None) -> None:
        self.addRow(label, widget)
        error = QLabel(self.parent_widget)
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE + " margin-left: 24px;")
        error.setWordWrap(True)
        error.hide()
        self.addRow(error)  # the whole width: a long reason wraps without being cut
        self.errors[name] = error
        self.labels[name] = label.rstrip(":")
        if focus is not None or isinstance(widget, QWidget):
            self.widgets[name] = focus or widget  # type: ignore[assignment]
            self._clear_on_change(self.widgets[name], error)

    @staticmethod
    def _clear_on_change(widget: QWidget, error: QLabel) -> None:
        """A field's red line goes once the person changes the field (checked again on Next)."""
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: error.hide())
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: error.hide())
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(lambda _value: error.hide())

    def show_problems(self, problems: dict[str, str]) -> bool:
        """Each problem under its field, named by the field's label; False if any."""
        for name, error in self.errors.items():
            message = problems.get(name)
            if message and self.labels[name].lower() not in message.lower():
                message = f"{self.labels[name]}: {message}"
            error.setText(message or "")
            error.setVisible(bool(message))
        wrong = [name for name in self.errors if name in problems]
        if wrong and wrong[0] in self.widgets:
            self.widgets[wrong[0]].setFocus()
        return not wrong

    def message(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisible() else ""


def ask(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """A question with Vietnamese answers on its buttons (Qt's own Yes/No are in English
    when Qt ships no Vietnamese translation); the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def _intro(page: QWizardPage, text: str) -> QLabel:
    label = QLabel(text, page)
    label.setWordWrap(True)
    return label


class UnitPage(QWizardPage):
    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setTitle(self.tr("Đơn vị và quầy tiếp nhận"))
        self.setSubTitle(self.tr("In trên mọi giấy tiếp nhận và nằm trong mã hồ sơ."))
        self.unit_code = QLineEdit(self)
        self.unit_code.setPlaceholderText("000.00.12.H56")
        self.unit_code_hint = QLabel(self)
        self.unit_code_hint.setStyleSheet(NOTE_STYLE)
        self.unit_name = QLineEdit(self)
        self.unit_name.setPlaceholderText(self.tr("Ví dụ: UBND phường Phong Quảng"))
        self.province = UnitComboBox(self)
        self.province.lineEdit().setPlaceholderText(self.tr("Gõ tên để tìm, không cần dấu"))
        self.commune = UnitComboBox(self)
        self.commune.lineEdit().setPlaceholderText(self.tr("Chọn tỉnh, thành phố trước"))
        self.station_no = QSpinBox(self)
        self.station_no.setRange(1, 9)
        self.office_name = QLineEdit(DEFAULT_OFFICE, self)  # printed on slips: not translated
        code_row = QHBoxLayout()
        code_row.addWidget(self.unit_code, 1)
        code_row.addWidget(self.unit_code_hint, 1)
        self.form = FieldForm(self)
        self.form.add("unit_code", self.tr("Mã định danh đơn vị:"), code_row, self.unit_code)
        self.form.add("unit_name", self.tr("Tên đơn vị:"), self.unit_name)
        self.form.add("province", self.tr("Tỉnh, thành phố:"), self.province)
        self.form.add("commune", self.tr("Xã, phường:"), self.commune)
        self.form.add("station_no", self.tr("Số quầy (1–9):"), self.station_no)
        self.form.add("office_name", self.tr("Tên bộ phận:"), self.office_name)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_intro(self, self.tr(
            "Mỗi máy tính tiếp nhận của đơn vị có một số quầy riêng (1, 2, 3…): hai máy cùng "
            "số quầy sẽ cấp trùng mã hồ sơ.")))
        self.unit_code.textChanged.connect(self._check_unit_code)
        self.province.currentIndexChanged.connect(self._load_communes)
        self.province.set_units(desk.provinces())

    def _check_unit_code(self, text: str) -> None:
        wrong = bool(text) and not UNIT_CODE_RE.match(text.strip().upper())
        self.unit_code_hint.setText(
            self.tr("dạng NNN.NN.NN.XNN (ví dụ 000.00.12.H56)") if wrong else "")

    def _load_communes(self, *_: object) -> None:
        code = self.province.current_code()
        self.commune.set_units(self.desk.communes(code) if code else [])
        self.commune.setEnabled(code is not None)

    def values(self) -> dict:
        return dict(unit_code=self.unit_code.text().strip().upper(),
                    unit_name=nfc(self.unit_name.text()),
                    province_code=self.province.current_code() or "",
                    commune_code=self.commune.current_code() or "",
                    station_no=self.station_no.value(),
                    office_name=nfc(self.office_name.text()) or DEFAULT_OFFICE)

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        plan = SetupPlan(**self.values())
        return self.form.show_problems(station_setup.check_station(self.desk, plan))


class AdminPage(QWizardPage):
    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setTitle(self.tr("Tài khoản quản trị hệ thống"))
        self.setSubTitle(self.tr("Người của bộ phận CNTT: tạo tài khoản, sao lưu, đồng bộ."))
        self.existing = [a for a in desk.accounts.active() if a.role == Role.ADMINISTRATOR] \
            if desk.accounts.exist() else []
        self.login = QLineEdit(self)
        self.login.setPlaceholderText(self.tr("ví dụ: cntt.bao"))
        self.display_name = QLineEdit(self)
        self.display_name.setPlaceholderText(self.tr("Họ và tên"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("ít nhất 10 ký tự; một câu ngắn dễ nhớ"))
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = FieldForm(self)
        self.form.add("login", self.tr("Tên đăng nhập:"), self.login)
        self.form.add("display_name", self.tr("Họ và tên:"), self.display_name)
        self.form.add("password", self.tr("Mật khẩu:"), self.password)
        self.form.add("password_again", self.tr("Nhập lại mật khẩu:"), self.password_again)
        layout = QVBoxLayout(self)
        if self.existing:
            names = ", ".join(f"{a.display_name} ({a.login})" for a in self.existing)
            layout.addWidget(_intro(self, self.tr(
                "Thư mục dữ liệu này đã có tài khoản quản trị: {names}. Không cần tạo thêm; "
                "bấm Tiếp theo.").format(names=names)))
            for widget in (self.login, self.display_name, self.password, self.password_again):
                widget.setEnabled(False)
        layout.addLayout(self.form)
        layout.addWidget(_intro(self, self.tr(
            "Mật khẩu do chính người quản trị đặt và không in ra ở đâu cả (kể cả tờ thiết "
            "lập): hãy ghi nhớ. Có thể là một câu ngắn có dấu, ví dụ “mùa thu hà nội đẹp”.")))
        layout.addStretch(1)

    def admin(self) -> AdminPlan | None:
        if self.existing:
            return None
        return AdminPlan(self.login.text().strip(), nfc(self.display_name.text()),
                         self.password.text())

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        admin = self.admin()
        if admin is None:
            return True
        return self.form.show_problems(
            station_setup.check_admin(self.desk, admin, self.password_again.text()))


class ConnectionPage(QWizardPage):
    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setTitle(self.tr("Kết nối với tỉnh (có thể bỏ qua)"))
        self.setSubTitle(self.tr("Cổng đồng bộ của tỉnh."))
        self.gateway = QLineEdit(self)
        self.gateway.setPlaceholderText("https://dongbo.tinh.gov.vn")
        self.form = FieldForm(self)
        self.form.add("gateway_url", self.tr("Địa chỉ máy chủ đồng bộ:"), self.gateway)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_intro(self, self.tr(
            "Để trống nếu chưa có: quầy vẫn tiếp nhận bình thường và gửi hồ sơ lên khi đã cấu "
            "hình. Chỉ dùng https://. Mã truy cập của quầy do tỉnh cấp được nhập sau, ở Cài đặt → "
            "Đồng bộ (hoặc intake-app sync set-token).\n\nQuầy trong một văn phòng có máy chủ "
            "văn phòng: bỏ qua bước này; sau khi thiết lập, ghép nối với máy chủ văn phòng bằng "
            "mã ghép nối nó cấp (intake-app hub join ĐỊA_CHỈ MÃ).")))
        skip = QPushButton(self.tr("Bỏ qua bước này"), self)
        skip.clicked.connect(self.skip)
        row = QHBoxLayout()
        row.addWidget(skip)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def skip(self) -> None:
        self.gateway.clear()
        self.wizard().next()

    def url(self) -> str | None:
        return self.gateway.text().strip() or None

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        return self.form.show_problems(station_setup.check_gateway(self.gateway.text()))


class PrinterPage(QWizardPage):
    def __init__(self, printers: Printers, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Máy in giấy tiếp nhận"))
        self.setSubTitle(self.tr("Dùng cho giấy tiếp nhận và các phiếu; khi in vẫn chọn lại "
                                 "được."))
        default, names = printers
        self.printer = QComboBox(self)
        self.printer.addItem(self.tr("Máy in mặc định của hệ điều hành"), None)
        for name in names:
            shown = self.tr("{name} (mặc định)").format(name=name) if name == default else name
            self.printer.addItem(shown, name)
        if default in names:
            self.printer.setCurrentIndex(names.index(default) + 1)
        self.form = FieldForm(self)
        self.form.add("printer", self.tr("Máy in:"), self.printer)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        if not names:
            layout.addWidget(_intro(self, self.tr(
                "Máy tính này chưa có máy in nào. Có thể cài máy in sau; ứng dụng sẽ dùng máy "
                "in mặc định của hệ điều hành.")))
        layout.addStretch(1)

    def chosen(self) -> str | None:
        return self.printer.currentData()


class BackupPage(QWizardPage):
    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.default = default_place(desk.data_dir)
        self.setTitle(self.tr("Nơi sao lưu"))
        self.setSubTitle(self.tr("Tốt nhất là ổ đĩa thứ hai hoặc ổ USB luôn cắm."))
        self.folder = QLineEdit(str(self.desk.backups.place()), self)
        choose = QPushButton(self.tr("Chọn thư mục…"), self)
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.form = FieldForm(self)
        self.form.add("backup_folder", self.tr("Nơi sao lưu:"), row, self.folder)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.warning)
        layout.addWidget(_intro(self, self.tr(
            "Mỗi ngày và khi đóng ứng dụng, một bản sao lưu được ghi vào đây và được kiểm tra; "
            "giữ 7 bản ngày, 4 bản tuần, 12 bản tháng.\nThư mục dữ liệu: {path}").format(
                path=desk.data_dir.absolute())))
        layout.addStretch(1)
        self.folder.textChanged.connect(self._warn)
        self._warn(self.folder.text())

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn nơi sao lưu"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _warn(self, text: str) -> None:
        shared = bool(text.strip()) and same_disk(Path(text.strip()), self.desk.data_dir)
        self.warning.setText(self.tr(
            "Nơi sao lưu này nằm trên cùng ổ đĩa với thư mục dữ liệu: hỏng ổ đĩa là mất cả dữ "
            "liệu lẫn bản sao lưu. Nên chọn ổ đĩa thứ hai hoặc ổ USB.") if shared else "")
        self.warning.setVisible(shared)

    def chosen(self) -> str | None:
        """The folder typed; None for the default place beside the data folder."""
        text = self.folder.text().strip()
        if not text or Path(text).expanduser().absolute() == self.default:
            return None
        return text

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        return self.form.show_problems(
            station_setup.check_backup_folder(self.desk, self.chosen() or ""))


class SummaryPage(QWizardPage):
    """What will be set up; "Thiết lập" writes it (the commit page: no way back after it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Kiểm tra lại trước khi thiết lập"))
        self.setSubTitle(self.tr("Bấm Thiết lập để lưu; sau bước này không quay lại được."))
        self.setCommitPage(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        self.summary.setText(wizard.summary_html())
        self.error.hide()

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        return wizard.commit()


class SheetPage(QWizardPage):
    """The end: the set-up sheet, to print or save, and the recovery key on screen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Đã thiết lập xong: in tờ thiết lập"))
        self.setSubTitle(self.tr("In ra, ký, cất trong tủ có khóa, xa máy tính."))
        self.key_title = QLabel(self.tr("Khóa khôi phục:"), self)
        self.key = QLabel(self)
        font = QFont(self.key.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.key.setFont(font)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setStyleSheet("border: 1px solid #888; padding: 8px; background: #fff;")
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.print_button = QPushButton(self.tr("In tờ thiết lập…"), self)
        self.save_button = QPushButton(self.tr("Lưu tờ thiết lập (PDF)…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self, self.tr(
            "Tờ thiết lập ghi những gì đã cấu hình, nơi để dữ liệu và bản sao lưu, và khóa "
            "khôi phục: cần nó để mở dữ liệu trên máy mới hoặc từ bản sao lưu.")))
        layout.addWidget(self.key_title)
        layout.addWidget(self.key)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        key = wizard.desk.keys.recovery_key
        groups = key.split("-") if key else []
        self.key.setText("\n".join(" - ".join(groups[i:i + 4]) for i in range(0, len(groups), 4))
                         or self.tr("(quầy này không có khóa khôi phục)"))
        self.where.setText(self.tr("Dữ liệu: {data}\nSao lưu: {backups}").format(
            data=wizard.desk.data_dir.absolute(), backups=wizard.desk.backups.place()))

    def say(self, text: str, *, problem: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if problem else "color: #1b6b2f;")
        self.message.setText(text)
        self.message.show()


class SetupWizard(QWizard):
    """The first run of a data folder, on the start-up desk (the window's thread, as the
    set-up dialog before it: nothing else runs yet)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None, *,
                 printers: Printers | None = None):
        super().__init__(parent)
        self.desk = desk
        self.committed = False
        self.sheet_kept = False  # printed or saved
        self.setWindowTitle(self.tr("Thiết lập quầy tiếp nhận"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(720, 560)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("Tiếp theo >")),
                             (QWizard.WizardButton.BackButton, self.tr("< Quay lại")),
                             (QWizard.WizardButton.CancelButton, self.tr("Hủy")),
                             (QWizard.WizardButton.CommitButton, self.tr("Thiết lập")),
                             (QWizard.WizardButton.FinishButton, self.tr("Bắt đầu làm việc"))):
            self.setButtonText(button, text)
        desk.ensure_admin_units()
        self.unit = UnitPage(desk, self)
        self.admin = AdminPage(desk, self)
        self.connection = ConnectionPage(desk, self)
        self.printer = PrinterPage(printers if printers is not None else system_printers(),
                                   self)
        self.backup = BackupPage(desk, self)
        self.summary = SummaryPage(self)
        self.sheet = SheetPage(self)
        for page in (self.unit, self.admin, self.connection, self.printer, self.backup,
                     self.summary, self.sheet):
            self.addPage(page)
        self.sheet.print_button.clicked.connect(self.print_sheet)
        self.sheet.save_button.clicked.connect(lambda: self.save_sheet())

    # ---- what was chosen ---------------------------------------------------------------------

    def plan(self) -> SetupPlan:
        return SetupPlan(**self.unit.values(), admin=self.admin.admin(),
                         gateway_url=self.connection.url(), printer=self.printer.chosen(),
                         backup_folder=self.backup.chosen())

    def summary_html(self) -> str:
        from html import escape

        plan = self.plan()
        province = self.unit.province.currentText()
        commune = self.unit.commune.currentText()
        admin = (f"{plan.admin.display_name} ({plan.admin.login})" if plan.admin else
                 ", ".join(f"{a.display_name} ({a.login})" for a in self.admin.existing))
        rows = [
            (self.tr("Đơn vị"), f"{plan.unit_name} – {plan.unit_code}"),
            (self.tr("Địa bàn"), f"{commune}, {province}"),
            (self.tr("Quầy số"), str(plan.station_no)),
            (self.tr("Bộ phận"), plan.office_name),
            (self.tr("Quản trị hệ thống"), admin),
            (self.tr("Cổng đồng bộ của tỉnh"),
             plan.gateway_url or self.tr("chưa cấu hình (bỏ qua)")),
            (self.tr("Máy in"), plan.printer or self.tr("máy in mặc định của hệ điều hành")),
            (self.tr("Thư mục dữ liệu"), str(self.desk.data_dir.absolute())),
            (self.tr("Nơi sao lưu"), plan.backup_folder or str(self.backup.default)),
        ]
        body = "".join(f"<tr><td style='padding:3px 12px 3px 0'><b>{escape(k)}</b></td>"
                       f"<td style='padding:3px 0'>{escape(v)}</td></tr>" for k, v in rows)
        warning = self.backup.warning.text()
        note = f"<p style='color:#8a5300'>{escape(warning)}</p>" if warning else ""
        return f"<table>{body}</table>{note}"

    # ---- doing it ----------------------------------------------------------------------------

    def commit(self) -> bool:
        """Write the plan (the station last); a refusal is shown and the wizard stays."""
        if self.committed:
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.desk.set_up(self.plan())
        except InvalidInput as exc:
            self.summary.error.setText(self.tr("Chưa thiết lập được: {why}").format(
                why=exc.message))
            self.summary.error.show()
            return False
        except DeskError as exc:
            log.error("set-up failed: %s", exc.detail)
            self.summary.error.setText(exc.message)
            self.summary.error.show()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.committed = True
        from . import printer_choice

        printer_choice.choose(self.printer.chosen())
        log.info("station set up by the wizard: %s/%s", self.desk.station.unit_code,
                 self.desk.station.station_no)
        return True

    def sheet_pdf(self) -> bytes:
        from ..documents.setup_sheet_pdf import build_setup_sheet_pdf

        return build_setup_sheet_pdf(self.desk.setup_sheet())

    def print_sheet(self) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        from .printing import new_receipt_printer, print_pdf

        printer = new_receipt_printer(1, self.tr("Tờ thiết lập quầy"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In tờ thiết lập"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        if not print_pdf(self.sheet_pdf(), printer):
            self.sheet.say(self.tr("Không in được tờ thiết lập (kiểm tra máy in); có thể lưu "
                                   "thành tệp PDF để in ở máy khác."), problem=True)
            return False
        self.sheet_kept = True
        self.sheet.say(self.tr("Đã gửi tờ thiết lập tới máy in."), problem=False)
        return True

    def save_sheet(self, path: Path | None = None) -> Path | None:
        """Save the sheet as PDF (asked where, unless given); None if not saved."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu tờ thiết lập"), str(Path.home() / "to-thiet-lap-quay.pdf"),
                self.tr("Tệp PDF (*.pdf)"))
            if not name:
                return None
            path = Path(name)
        try:
            written = self.desk.write_setup_sheet(path, replace=True)
        except DeskError as exc:
            self.sheet.say(exc.message, problem=True)
            return None
        except OSError as exc:
            log.error("could not save the set-up sheet to %s: %s", path, exc)
            self.sheet.say(self.tr("Không lưu được tệp {path} ({why}).").format(
                path=path, why=exc.strerror or type(exc).__name__), problem=True)
            return None
        self.sheet_kept = True
        self.sheet.say(self.tr("Đã lưu {path}. Hãy in ra, rồi xoá tệp này: nó chứa khóa khôi "
                               "phục.").format(path=written), problem=False)
        return written

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt name)
        if self.currentPage() is self.sheet and not self.sheet_kept:
            return self.ask_without_sheet()
        return super().validateCurrentPage()

    def ask_without_sheet(self) -> bool:
        return ask(self, self.tr("Chưa in tờ thiết lập"),
                   self.tr("Tờ thiết lập (có khóa khôi phục) chưa được in hay lưu. Có thể in "
                           "lại sau bằng lệnh intake-app setup-sheet. Vẫn bắt đầu làm việc?"),
                   self.tr("Bắt đầu, in sau"), self.tr("Quay lại để in"))

    def reject(self) -> None:
        """Cancel: before "Thiết lập" nothing was written; after it, the station is set up,
        so closing the wizard is finishing it."""
        if self.committed:
            if self.sheet_kept or self.ask_without_sheet():
                self.accept()
            return
        if ask(self, self.tr("Hủy thiết lập"),
               self.tr("Hủy thiết lập quầy? Chưa có gì được lưu; lần mở sau ứng dụng sẽ hỏi lại "
                       "từ đầu."), self.tr("Hủy thiết lập"), self.tr("Tiếp tục thiết lập")):
            super().reject()

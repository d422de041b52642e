"""First start of a data folder: the set-up dialog, doing what `intake-app init` does."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..desk import Desk, SetupError
from ..domain.dossier_code import UNIT_CODE_RE
from ..domain.text import fold
from ..store.admin_units import AdminUnit
from .widgets import dialog_buttons

CODE_ROLE = Qt.ItemDataRole.UserRole
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #b00020;"
DEFAULT_OFFICE = "Bộ phận Một cửa"


class FoldingCompleter(QCompleter):
    """Completes on accent-free names: "hue" and "Huế" both find "Thành phố Huế"."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt name)
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex) -> str:  # noqa: N802 (Qt name)
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class UnitComboBox(QComboBox):
    """An editable list of provinces or communes with accent-free type-ahead.

    What is typed is only a search: on Enter or leaving the field, the text is resolved to
    the first unit it finds (or back to the current unit), so the choice is always a real one.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setCompleter(FoldingCompleter(self.model(), self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        self.lineEdit().editingFinished.connect(self.resolve_text)

    def set_units(self, units: list[AdminUnit]) -> None:
        self.blockSignals(True)
        self.clear()
        for unit in units:
            self.addItem(unit.full_name, unit.code)
            self.setItemData(self.count() - 1, fold(unit.full_name), FOLDED_ROLE)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
        self.currentIndexChanged.emit(-1)

    def current_code(self) -> str | None:
        return self.currentData(CODE_ROLE) if self.currentIndex() >= 0 else None

    def select_code(self, code: str) -> None:
        self.setCurrentIndex(self.findData(code, CODE_ROLE))

    def resolve_text(self) -> None:
        """Select the unit the typed text names (exact first, then first containing it)."""
        folded = fold(self.currentText())
        if not folded:
            self.setCurrentIndex(-1)
            return
        names = [str(self.itemData(row, FOLDED_ROLE)) for row in range(self.count())]
        row = next((r for r, name in enumerate(names) if name == folded), None)
        if row is None:
            row = next((r for r, name in enumerate(names) if folded in name), None)
        if row is None:
            row = self.currentIndex()
        self.setCurrentIndex(row)
        self.setEditText(self.itemText(row) if row >= 0 else "")


class SetupDialog(QDialog):
    """Unit, commune and counter of this station; OK sets the data folder up via the desk."""

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Thiết lập quầy tiếp nhận"))
        self.setMinimumWidth(620)
        desk.ensure_admin_units()

        self.unit_code = QLineEdit(self)
        self.unit_code.setPlaceholderText("000.00.12.H56")
        self.unit_code_hint = QLabel(self)
        self.unit_code_hint.setStyleSheet(ERROR_STYLE)
        self.unit_name = QLineEdit(self)
        self.unit_name.setPlaceholderText(self.tr("Ví dụ: UBND phường Phong Quảng"))
        self.province = UnitComboBox(self)
        self.province.lineEdit().setPlaceholderText(self.tr("Gõ tên để tìm, không cần dấu"))
        self.commune = UnitComboBox(self)
        self.commune.lineEdit().setPlaceholderText(self.tr("Chọn tỉnh, thành phố trước"))
        self.station_no = QSpinBox(self)
        self.station_no.setRange(1, 9)
        self.office_name = QLineEdit(DEFAULT_OFFICE, self)  # printed on slips: not translated
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        code_row = QHBoxLayout()
        code_row.addWidget(self.unit_code, 1)
        code_row.addWidget(self.unit_code_hint, 1)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Mã định danh đơn vị:"), code_row)
        form.addRow(self.tr("Tên đơn vị:"), self.unit_name)
        form.addRow(self.tr("Tỉnh, thành phố:"), self.province)
        form.addRow(self.tr("Xã, phường:"), self.commune)
        form.addRow(self.tr("Số quầy (1–9):"), self.station_no)
        form.addRow(self.tr("Tên bộ phận:"), self.office_name)

        buttons, self.ok_button = dialog_buttons(self, self.tr("Thiết lập"), self.tr("Hủy"))

        heading = QLabel(self.tr("Thiết lập quầy tiếp nhận"), self)
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        intro = QLabel(self.tr("Thư mục dữ liệu này chưa được thiết lập. Nhập thông tin của đơn "
                               "vị và quầy tiếp nhận; việc này chỉ làm một lần trên máy này."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.unit_code.textChanged.connect(self._check_unit_code)
        self.province.currentIndexChanged.connect(self._load_communes)
        self.province.set_units(desk.provinces())
        self._check_unit_code("")

    def _check_unit_code(self, text: str) -> None:
        wrong = bool(text) and not UNIT_CODE_RE.match(text.strip().upper())
        self.unit_code_hint.setText(
            self.tr("Sai dạng NNN.NN.NN.XNN (ví dụ 000.00.12.H56)") if wrong else "")

    def _load_communes(self, *_: object) -> None:
        code = self.province.current_code()
        self.commune.set_units(self.desk.communes(code) if code else [])
        self.commune.setEnabled(code is not None)

    def accept(self) -> None:
        """Set the station up; a refusal is shown in the dialog, which stays open."""
        province, commune = self.province.current_code(), self.commune.current_code()
        missing = [label for label, value in ((self.tr("tỉnh, thành phố"), province),
                                              (self.tr("xã, phường"), commune)) if not value]
        if missing:
            self._show_error(self.tr("Hãy chọn {what}.").format(what=self.tr(" và ").join(missing)))
            return
        try:
            self.desk.init_station(
                unit_code=self.unit_code.text().strip().upper(),
                unit_name=self.unit_name.text(), province_code=province,
                commune_code=commune, station_no=self.station_no.value(),
                office_name=self.office_name.text().strip() or DEFAULT_OFFICE,
            )
        except SetupError as exc:
            self._show_error(str(exc))
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

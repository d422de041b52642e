"""The applicant (người nộp) and, when it is someone else, the dossier's owner (chủ hồ sơ)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLineEdit, QVBoxLayout, QWidget

from ...domain.formatting import date_vn, parse_date_vn
from ...domain.limits import max_chars
from ..session import Session
from .address_picker import CommuneEdit, ProvinceEdit
from .field_grid import FieldGrid

LABEL_WIDTH = 100
OWNER_KEYS = ("owner.name", "owner.id_number", "owner.address")


class ApplicantForm(QGroupBox):
    """Name, CCCD, birth date, gender, phone, email, province → commune, address; the owner."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("Người nộp hồ sơ"), parent)
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("12 chữ số"))
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.gender = QComboBox()
        for text, value in ((self.tr("(chưa chọn)"), None), (self.tr("Nam"), "nam"),
                            (self.tr("Nữ"), "nữ")):
            self.gender.addItem(text, value)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.province = ProvinceEdit(session)
        self.commune = CommuneEdit(session, self.province)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Số nhà, đường, thôn, tổ dân phố"))
        self.applicant = FieldGrid(label_width=LABEL_WIDTH)
        add = self.applicant.add
        add("applicant.name", self.tr("Họ và tên *"), self.name, 0, 0)
        add("applicant.id_number", self.tr("Số CCCD *"), self.id_number, 0, 1)
        add("applicant.birth_date", self.tr("Ngày sinh"), self.birth_date, 1, 0)
        add("applicant.gender", self.tr("Giới tính"), self.gender, 1, 1)
        add("applicant.phone", self.tr("Điện thoại"), self.phone, 2, 0)
        add("applicant.email", self.tr("Email"), self.email, 2, 1)
        add("applicant.province_code", self.tr("Tỉnh, thành phố"), self.province, 3, 0)
        add("applicant.commune_code", self.tr("Xã, phường"), self.commune, 3, 1)
        add("applicant.address", self.tr("Địa chỉ *"), self.address, 4, 0, span=2)

        self.owner_check = QCheckBox(self.tr("Chủ hồ sơ khác người nộp"))
        self.owner_name = QLineEdit()
        self.owner_id = QLineEdit()
        self.owner_address = QLineEdit()
        self.owner = FieldGrid(label_width=LABEL_WIDTH)
        self.owner.add("owner.name", self.tr("Chủ hồ sơ *"), self.owner_name, 0, 0)
        self.owner.add("owner.id_number", self.tr("Số CCCD"), self.owner_id, 0, 1)
        self.owner.add("owner.address", self.tr("Địa chỉ"), self.owner_address, 0, 2)
        self.owner.setVisible(False)
        self.owner_check.toggled.connect(self.owner.setVisible)
        # Each editor stops at its field's limit (`domain.limits`: the same the check uses).
        for path, edit in (("applicant.name", self.name), ("applicant.id_number", self.id_number),
                           ("applicant.birth_date", self.birth_date),
                           ("applicant.phone", self.phone), ("applicant.email", self.email),
                           ("applicant.address", self.address), ("owner.name", self.owner_name),
                           ("owner.id_number", self.owner_id),
                           ("owner.address", self.owner_address)):
            edit.setMaxLength(max_chars(path))

        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.applicant)
        layout.addWidget(self.owner_check)
        layout.addWidget(self.owner)

        for edit in (*self._texts(), self.province, self.commune):
            edit.textEdited.connect(self.changed)
        for edit in (self.province, self.commune):
            edit.picked.connect(self.changed)
        self.gender.currentIndexChanged.connect(self.changed)
        self.owner_check.toggled.connect(self.changed)
        self.birth_date.editingFinished.connect(self._tidy_birth_date)

    def _texts(self) -> tuple[QLineEdit, ...]:
        return (self.name, self.id_number, self.birth_date, self.phone, self.email,
                self.address, self.owner_name, self.owner_id, self.owner_address)

    @property
    def grids(self) -> tuple[FieldGrid, FieldGrid]:
        return self.applicant, self.owner

    def focus_widgets(self) -> list[QWidget]:
        """The editors in keyboard order (the owner's are skipped while hidden)."""
        return [self.name, self.id_number, self.birth_date, self.gender, self.phone,
                self.email, self.province, self.commune, self.address, self.owner_check,
                self.owner_name, self.owner_id, self.owner_address]

    # ---- the request -------------------------------------------------------------------------

    def applicant_payload(self) -> dict[str, Any]:
        born = parse_date_vn(self.birth_date.text())
        province, commune = self.province.value, self.commune.value
        return {
            "name": self.name.text(),
            "id_number": self.id_number.text() or None,
            "birth_date": born.isoformat() if born else None,
            "gender": self.gender.currentData(),
            "phone": self.phone.text() or None,
            "email": self.email.text() or None,
            "address": self.address.text(),
            "province_code": province.code if province else None,
            "commune_code": commune.code if commune else None,
        }

    def owner_payload(self) -> dict[str, Any] | None:
        if not self.owner_check.isChecked():
            return None
        return {"name": self.owner_name.text(), "id_number": self.owner_id.text() or None,
                "address": self.owner_address.text() or None}

    def form_problems(self) -> dict[str, str]:
        """What only the form can tell: a date not in dd/MM/yyyy, a place typed but not picked."""
        problems: dict[str, str] = {}
        text = self.birth_date.text().strip()
        if text and parse_date_vn(text) is None:
            problems["applicant.birth_date"] = self.tr(
                "Ngày sinh ghi theo ngày/tháng/năm và phải là ngày có thật, ví dụ 02/03/1995.")
        if self.province.text().strip() and self.province.value is None:
            problems["applicant.province_code"] = self.tr(
                "Chọn tỉnh, thành phố trong danh sách gợi ý (gõ vài chữ rồi nhấn Enter).")
        if self.commune.text().strip() and self.commune.value is None:
            problems["applicant.commune_code"] = self.tr(
                "Chọn xã, phường trong danh sách gợi ý (chọn tỉnh trước, gõ vài chữ rồi "
                "nhấn Enter).")
        return problems

    def clear(self) -> None:
        """Empty every field; the station's province is filled in as the likely one."""
        for edit in self._texts():
            edit.clear()
        self.gender.setCurrentIndex(0)
        self.owner_check.setChecked(False)
        self.commune.set_value(None)
        self.province.reset()

    def _tidy_birth_date(self) -> None:
        born = parse_date_vn(self.birth_date.text())
        if born is not None and self.birth_date.text() != date_vn(born):
            self.birth_date.setText(date_vn(born))

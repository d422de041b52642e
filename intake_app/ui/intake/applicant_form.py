"""The applicant (người nộp) and, when it is someone else, the dossier's owner (chủ hồ sơ)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.dossier import Party
from ...domain.formatting import date_vn
from ...domain.id_documents import IdKind
from ...domain.limits import max_chars
from ..session import Session
from .address_picker import CommuneEdit, ProvinceEdit
from .field_grid import FieldGrid
from .id_document import APPLICANT_KINDS, OWNER_KINDS, IdKindBox, birth_date_from, id_info

if TYPE_CHECKING:
    from ...domain.idcard import IdCard
    from ...store.admin_units import AdminUnit

LABEL_WIDTH = 100
OWNER_KEYS = ("owner.name", "owner.id_number", "owner.address")


class ApplicantForm(QGroupBox):
    """Name, CCCD, birth date, gender, phone, email, province → commune, address; the owner."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("Người nộp hồ sơ"), parent)
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_kind = IdKindBox(self.id_number, APPLICANT_KINDS, required=True)
        self.old_id_number: str | None = None  # the old CMND, kept from a chip card's QR code
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
        add("applicant.id_number", "", self.id_number, 0, 1, caption_widget=self.id_kind)
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
        self.owner_kind = IdKindBox(self.owner_id, OWNER_KINDS, required=False)
        self.owner_address = QLineEdit()
        self.owner = FieldGrid(label_width=LABEL_WIDTH)
        self.owner.add("owner.name", self.tr("Chủ hồ sơ *"), self.owner_name, 0, 0)
        self.owner.add("owner.id_number", "", self.owner_id, 0, 1,
                       caption_widget=self.owner_kind)
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
        layout.addWidget(self.owner_check, 0, Qt.AlignmentFlag.AlignLeft)  # its ring fits it
        layout.addWidget(self.owner)

        for edit in (*self._texts(), self.province, self.commune):
            edit.textEdited.connect(self.changed)
        for edit in (self.province, self.commune):
            edit.picked.connect(self.changed)
        self.gender.currentIndexChanged.connect(self.changed)
        for box in (self.id_kind, self.owner_kind):
            box.currentIndexChanged.connect(self.changed)
        self.owner_check.toggled.connect(self.changed)
        # The document's kind is out of the Enter walk (a CCCD costs no keystroke): Alt+G
        # ("giấy tờ") opens the applicant's list, or the owner's from the owner's fields.
        choose = QShortcut(QKeySequence("Alt+G"), self, self.choose_id_kind)
        choose.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.birth_date.editingFinished.connect(self._tidy_birth_date)
        self.id_number.textEdited.connect(self._id_number_edited)
        self.card_note = QLabel()  # what the last chip ID card's QR code gave, or why not
        self.card_note.setWordWrap(True)
        self.card_note.hide()
        layout.insertWidget(0, self.card_note)

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

    def choose_id_kind(self) -> None:
        """Alt+G: open the list of documents of the party whose field has the cursor."""
        owner_fields = (self.owner_name, self.owner_id, self.owner_address, self.owner_kind)
        box = self.owner_kind if any(w.hasFocus() for w in owner_fields) else self.id_kind
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.showPopup()

    def _birth_year(self) -> int | None:
        info = id_info(self.id_kind.kind, self.id_number.text())
        return info.birth_year if info else None

    def birth_date_value(self) -> Any:
        """The birth date typed (completed with the CCCD number's year), or None."""
        return birth_date_from(self.birth_date.text(), self._birth_year())

    def _id_number_edited(self, text: str) -> None:
        """A whole CCCD number typed: its gender chosen (if none was) and its birth year put
        in the birth date's hint, so the day and month are enough."""
        info = id_info(self.id_kind.kind, text)
        if info is None:
            self.birth_date.setPlaceholderText(self.tr("ngày/tháng/năm"))
            return
        if self.gender.currentData() is None:
            self.gender.setCurrentIndex(max(self.gender.findData(info.gender), 0))
        self.birth_date.setPlaceholderText(
            self.tr("ngày/tháng (năm %d theo số CCCD)") % info.birth_year)
        self._tidy_birth_date()

    def applicant_payload(self) -> dict[str, Any]:
        born = self.birth_date_value()
        province, commune = self.province.value, self.commune.value
        kind = self.id_kind.kind
        return {
            "name": self.name.text(),
            "kind": "organisation" if kind is IdKind.TAX_CODE else "citizen",
            "id_type": kind.value,
            "id_number": self.id_number.text() or None,
            "old_id_number": self.old_id_number,
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
        kind = self.owner_kind.kind
        return {"name": self.owner_name.text(),
                "kind": "organisation" if kind is IdKind.TAX_CODE else "citizen",
                "id_type": kind.value,
                "id_number": (self.owner_id.text() or None) if kind is not IdKind.NONE else None,
                "address": self.owner_address.text() or None}

    def form_problems(self) -> dict[str, str]:
        """What only the form can tell: a date not in dd/MM/yyyy, a place typed but not picked."""
        problems: dict[str, str] = {}
        text = self.birth_date.text().strip()
        if text and self.birth_date_value() is None:
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

    def has_input(self) -> bool:
        """Whether anything was typed about the applicant or the owner (the province and
        commune filled in by default do not count)."""
        return self.owner_check.isChecked() or self.gender.currentIndex() > 0 or any(
            edit.text().strip() for edit in self._texts())

    def clear(self) -> None:
        """Empty every field; the station's province and commune are filled in as the likely
        ones."""
        for edit in self._texts():
            edit.clear()
        self.gender.setCurrentIndex(0)
        self.id_kind.set_kind(IdKind.CCCD)
        self.owner_kind.set_kind(IdKind.CCCD)
        self.old_id_number = None
        self.birth_date.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.card_note.hide()
        self.owner_check.setChecked(False)
        self.commune.set_value(None)
        self.province.reset()
        self.commune.reset()

    def _tidy_birth_date(self) -> None:
        born = self.birth_date_value()
        if born is not None and self.birth_date.text() != date_vn(born):
            self.birth_date.setText(date_vn(born))

    # ---- filling -----------------------------------------------------------------------------

    def load(self, applicant: Party, owner: Party | None,
             units: dict[str, AdminUnit]) -> None:
        """Show a stored dossier's parties (the correction dialog); `units` holds the applicant's
        province and commune by code (read by the op that opened the dialog)."""
        self.name.setText(applicant.name)
        self.id_kind.set_kind(applicant.id_kind if applicant.id_kind in APPLICANT_KINDS
                              else IdKind.CCCD)
        self.id_number.setText(applicant.id_number or "")
        self.old_id_number = applicant.old_id_number
        self.birth_date.setText(date_vn(applicant.birth_date) if applicant.birth_date else "")
        self.gender.setCurrentIndex(max(self.gender.findData(applicant.gender), 0))
        self.phone.setText(applicant.phone or "")
        self.email.setText(applicant.email or "")
        self.address.setText(applicant.address or "")
        self.province.set_value(units.get(applicant.province_code or ""))
        self.commune.set_value(units.get(applicant.commune_code or ""))
        self.owner_check.setChecked(owner is not None)
        if owner is not None:
            self.owner_name.setText(owner.name)
            self.owner_kind.set_kind(owner.id_kind)
            self.owner_id.setText(owner.id_number or "")
            self.owner_address.setText(owner.address or "")

    def fill_from_card(self, card: IdCard) -> list[str]:
        """Fill the applicant from a chip ID card's QR code (name, number, birth date, gender,
        address; the old CMND kept); returns the names of the fields filled."""
        filled = []
        self.id_kind.set_kind(IdKind.CCCD)
        self.id_number.setText(card.id_number)
        filled.append("applicant.id_number")
        self.old_id_number = card.old_id_number
        if card.name:
            self.name.setText(card.name)
            filled.append("applicant.name")
        if card.birth_date:
            self.birth_date.setText(date_vn(card.birth_date))
            filled.append("applicant.birth_date")
        if card.gender:
            self.gender.setCurrentIndex(max(self.gender.findData(card.gender), 0))
            filled.append("applicant.gender")
        if card.address:
            # The card's line is the whole permanent address (with the old district names):
            # the commune and province pickers would repeat part of it on the receipt.
            self.address.setText(card.address)
            self.commune.set_value(None)
            self.province.set_value(None)
            filled.append("applicant.address")
        old = (self.tr("; CMND cũ %s") % card.old_id_number) if card.old_id_number else ""
        note = self.tr("Đã đọc thẻ căn cước: %1, số %2%3.").replace("%1", card.name or "") \
            .replace("%2", card.id_number).replace("%3", old)
        self.say_card(" ".join([note, *card.notes]), error=bool(card.notes))
        self.changed.emit()
        return filled

    def say_card(self, text: str, *, error: bool = False) -> None:
        """Say what a scanned card gave (green) or why it was not taken (red)."""
        self.card_note.setStyleSheet("color: #b3261e;" if error else "color: #0f5132;")
        self.card_note.setText(text)
        self.card_note.setVisible(bool(text))

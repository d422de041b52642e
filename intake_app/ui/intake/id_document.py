"""The choice of identity document that stands before its number in the form.

A party shows a CCCD / căn cước card, a passport, or (an organisation) a tax code; a dossier's
owner may have none (a newborn whose parent acts for it). The list sits where the number's
label would be (`FieldGrid.add(caption_widget=…)`), out of the Enter walk: the usual CCCD costs
no keystroke, another document is chosen with the mouse or Alt+the underlined letter of the
label it replaces. The number's field follows the choice (its placeholder, and disabled for
"none"); the desk checks the number by the kind's own rules (`domain.id_documents`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...domain.id_documents import IdKind

APPLICANT_KINDS = (IdKind.CCCD, IdKind.PASSPORT, IdKind.TAX_CODE)
OWNER_KINDS = (IdKind.CCCD, IdKind.PASSPORT, IdKind.TAX_CODE, IdKind.NONE)


class IdKindBox(QComboBox):
    """Which document `number` is the number of; `kind` is the `IdKind` chosen."""

    def __init__(self, number: QLineEdit, kinds: tuple[IdKind, ...], *, required: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._number = number
        self._required = required
        for kind in kinds:
            self.addItem(self._text(kind), kind.value)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # out of the Enter/Tab walk
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setToolTip(self.tr("Loại giấy tờ tùy thân: CCCD/căn cước, hộ chiếu, mã số thuế "
                                "của tổ chức, hoặc không có (trẻ em)"))
        self.currentIndexChanged.connect(self._follow)
        self._follow()

    def _text(self, kind: IdKind) -> str:
        star = " *" if self._required else ""
        return {
            IdKind.CCCD: self.tr("Số CCCD") + star,
            IdKind.PASSPORT: self.tr("Số hộ chiếu") + star,
            IdKind.TAX_CODE: self.tr("Mã số thuế") + star,
            IdKind.NONE: self.tr("Không có giấy tờ"),
        }[kind]

    @property
    def kind(self) -> IdKind:
        return IdKind(self.currentData())

    def set_kind(self, kind: IdKind) -> None:
        index = self.findData(kind.value)
        self.setCurrentIndex(max(index, 0))

    def _follow(self) -> None:
        kind = self.kind
        self._number.setPlaceholderText({
            IdKind.CCCD: self.tr("12 chữ số"),
            IdKind.PASSPORT: self.tr("6–9 chữ cái, chữ số"),
            IdKind.TAX_CODE: self.tr("10 chữ số (chi nhánh: -001)"),
            IdKind.NONE: self.tr("(trẻ em, không có giấy tờ)"),
        }[kind])
        none = kind is IdKind.NONE
        if none:
            self._number.clear()
        self._number.setEnabled(not none)

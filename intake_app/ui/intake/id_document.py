"""The choice of identity document that stands before its number in the form.

A party shows a CCCD / căn cước card, a passport, or (an organisation) a tax code; a dossier's
owner may have none (a newborn whose parent acts for it). The list sits where the number's
label would be (`FieldGrid.add(caption_widget=…)`), out of the Enter walk: the usual CCCD costs
no keystroke, another document is chosen with the mouse or Alt+the underlined letter of the
label it replaces. The number's field follows the choice (its placeholder, and disabled for
"none"); the desk checks the number by the kind's own rules (`domain.id_documents`).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...domain.formatting import parse_date_vn
from ...domain.id_documents import IdKind
from ...domain.id_numbers import IdNumberInfo, decode_id_number

_SHORT_DATE_RE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]?\s*(\d{1,2})\s*(?:[/.\-]\s*(\d{2}))?\s*$")

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
        self.setToolTip(self.tr("Loại giấy tờ tùy thân (Alt+G): CCCD/căn cước, hộ chiếu, mã số "
                                "thuế của tổ chức, hoặc không có (trẻ em)"))
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


def id_info(kind: IdKind, number: str) -> IdNumberInfo | None:
    """What a typed CCCD number tells (sex, birth year), or None (another kind, not yet whole)."""
    if kind is not IdKind.CCCD:
        return None
    try:
        return decode_id_number(number)
    except ValueError:
        return None


def birth_date_from(text: str, birth_year: int | None) -> date | None:
    """A typed birth date; with the year a CCCD number gives, the day and month are enough
    (0203, 2/3) and a two-digit year takes its century from the number (02/03/95 → 1995)."""
    whole = parse_date_vn(text)
    if whole is not None or birth_year is None:
        return whole
    match = _SHORT_DATE_RE.match(text)
    if match is None:
        return None
    day, month, short_year = match.groups()
    if short_year is not None and int(short_year) != birth_year % 100:
        return None  # another year than the number's: the check says so once it is whole
    try:
        return date(birth_year, int(month), int(day))
    except ValueError:
        return None

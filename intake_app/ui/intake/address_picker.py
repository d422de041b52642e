"""Province → commune type-ahead over the administrative units (after the 2025 reform)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain.text import fold
from ...store.admin_units import AdminUnit
from ..session import Session
from .suggest_edit import SuggestEdit

MAX_SHOWN = 40


class ProvinceEdit(SuggestEdit):
    """Type part of a province's name without accents; `value` is the picked `AdminUnit`."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent, popup_width=260)
        self._units = session.desk.provinces()
        self.setPlaceholderText(self.tr("Gõ tên tỉnh, thành phố"))

    def suggestions(self, text: str) -> list[tuple[str, AdminUnit]]:
        words = fold(text).split()
        found = [u for u in self._units if all(w in fold(u.full_name) for w in words)]
        return [(u.full_name, u) for u in found[:MAX_SHOWN]]

    def text_for(self, value: AdminUnit) -> str:
        return value.full_name


class CommuneEdit(SuggestEdit):
    """The communes of the province picked in `province`; cleared when the province changes."""

    def __init__(self, session: Session, province: ProvinceEdit, parent: QWidget | None = None):
        super().__init__(parent, popup_width=260)
        self._session = session
        self._province = province
        self.setPlaceholderText(self.tr("Gõ tên xã, phường"))
        province.picked.connect(self._province_changed)
        province.value_cleared.connect(lambda: self._province_changed(None))

    def suggestions(self, text: str) -> list[tuple[str, AdminUnit]]:
        province = self._province.value
        if province is None:
            return []
        found = self._session.desk.communes(province.code, text)
        return [(u.full_name, u) for u in found[:MAX_SHOWN]]

    def text_for(self, value: AdminUnit) -> str:
        return value.full_name

    def _province_changed(self, province: AdminUnit | None) -> None:
        if self.value is not None and (province is None
                                       or self.value.province_code != province.code):
            self.set_value(None)
            self.value_cleared.emit()

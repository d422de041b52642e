"""Province → commune type-ahead over the administrative units (after the 2025 reform)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ...domain.text import fold
from ..operations import QueryOp
from ..session import Session
from .suggest_edit import SuggestEdit

if TYPE_CHECKING:
    from ...store.admin_units import AdminUnit

MAX_SHOWN = 40


class ProvinceEdit(SuggestEdit):
    """Type part of a province's name without accents; `value` is the picked `AdminUnit`.

    The provinces (a few dozen) are read once; `reset()` fills in the station's own province,
    as soon as the list has arrived if it has not yet.
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent, popup_width=260)
        self._units: list[AdminUnit] | None = None
        self._default_code = session.station.province_code
        self._reset_pending = False
        self.setPlaceholderText(self.tr("Gõ tên tỉnh, thành phố"))
        QueryOp(session, parent=self, op=lambda desk: desk.provinces(),
                success=self._loaded).quietly().run()

    def _loaded(self, units: list[AdminUnit]) -> None:
        self._units = units
        if self._reset_pending:
            self._reset_pending = False
            if not self.text() and self.value is None:
                self.set_value(self.unit(self._default_code))
                self.picked.emit(self.value)
        if self.waiting():
            self.fetch_suggestions(self.text())

    def unit(self, code: str | None) -> AdminUnit | None:
        return next((u for u in self._units or () if u.code == code), None)

    def reset(self) -> None:
        """Show the station's province (the likely one), or nothing until the list is read."""
        self.set_value(self.unit(self._default_code))
        self._reset_pending = self._units is None

    def fetch_suggestions(self, text: str) -> None:
        if self._units is None:
            return  # answered when the provinces arrive (`_loaded`)
        words = fold(text).split()
        found = [u for u in self._units if all(w in fold(u.full_name) for w in words)]
        self.show_list(text, [(u.full_name, u) for u in found[:MAX_SHOWN]])

    def text_for(self, value: AdminUnit) -> str:
        return value.full_name


class CommuneEdit(SuggestEdit):
    """The communes of the province picked in `province`; cleared when the province changes.

    `reset()` fills in the station's own commune (most citizens live where they come), as soon
    as it is read.
    """

    def __init__(self, session: Session, province: ProvinceEdit, parent: QWidget | None = None):
        super().__init__(parent, popup_width=260)
        self._session = session
        self._province = province
        self._default: AdminUnit | None = None
        self._default_code = session.station.commune_code
        self._reset_pending = False
        self.setPlaceholderText(self.tr("Gõ tên xã, phường"))
        province.picked.connect(self._province_changed)
        province.value_cleared.connect(lambda: self._province_changed(None))
        province_code = session.station.province_code
        code = self._default_code
        QueryOp(session, parent=self,
                op=lambda desk: next((u for u in desk.communes(province_code)
                                      if u.code == code), None),
                success=self._default_loaded).quietly().run()

    def _default_loaded(self, unit: AdminUnit | None) -> None:
        self._default = unit
        if self._reset_pending:
            self._reset_pending = False
            if not self.text() and self.value is None:
                self.reset()

    def reset(self) -> None:
        """Show the station's commune when the province shown is the station's."""
        province = self._province.value
        if self._default is None:
            self._reset_pending = True
            return
        if province is None or province.code == self._default.province_code:
            self.set_value(self._default)
            self.picked.emit(self._default)

    def fetch_suggestions(self, text: str) -> None:
        province = self._province.value
        if province is None:
            self.show_list(text, [])
            return
        QueryOp(
            self._session, parent=self,
            op=lambda desk: desk.communes(province.code, text)[:MAX_SHOWN],
            success=lambda found: self.show_list(text, [(u.full_name, u) for u in found]),
        ).failure(lambda _error: self.show_list(text, [])).quietly().latest(self).run()

    def text_for(self, value: AdminUnit) -> str:
        return value.full_name

    def _province_changed(self, province: AdminUnit | None) -> None:
        if self.value is not None and (province is None
                                       or self.value.province_code != province.code):
            self.set_value(None)
            self.value_cleared.emit()

"""The province and commune pickers of the set-up wizard (`setup_wizard`), accent-free."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QWidget,
)

from ..domain.text import fold
from ..store.admin_units import AdminUnit

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

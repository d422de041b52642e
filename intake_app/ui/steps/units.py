"""The officers and units dossiers were handed to on this PC, offered as the clerk types.

`recent_units` and `remember_unit` run inside the dialogs' ops (on the worker's Desk).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from ...domain.text import nfc

if TYPE_CHECKING:
    from ...desk import Desk

RECENT_UNITS_KEY = "recent_units"
MAX_RECENT_UNITS = 30


def recent_units(desk: Desk) -> list[str]:
    """The names used before, the most recent first."""
    names = desk.setting(RECENT_UNITS_KEY, [])
    return [name for name in names if isinstance(name, str) and name] if isinstance(
        names, list) else []


def remember_unit(desk: Desk, name: str) -> None:
    name = nfc(name)
    if not name:
        return
    names = [name] + [other for other in recent_units(desk) if other != name]
    desk.set_setting(RECENT_UNITS_KEY, names[:MAX_RECENT_UNITS])


def unit_completer(field: QLineEdit, names: list[str]) -> QCompleter:
    """Suggestions from the units used before (`recent_units`), matching any part of the name."""
    completer = QCompleter(field)
    # Parented to the completer: a model Python alone holds is collected at once.
    completer.setModel(QStringListModel(names, completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    field.setCompleter(completer)
    return completer

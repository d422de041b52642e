"""The officers and units dossiers were handed to on this PC, offered as the clerk types."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from ...desk import Desk
from ...domain.text import nfc

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


def unit_completer(field: QLineEdit, desk: Desk) -> QCompleter:
    """Suggestions from the units used before, matching any part of the name."""
    completer = QCompleter(field)
    # Parented to the completer: a model Python alone holds is collected at once.
    completer.setModel(QStringListModel(recent_units(desk), completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    field.setCompleter(completer)
    return completer

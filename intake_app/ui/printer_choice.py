"""The printer chosen at set-up (the setting `printer.name`): the print dialogs open on it while
it is installed. A module of its own, without Qt: the window's start sets it before anything
of Qt's printing is imported."""

from __future__ import annotations

from typing import Any

preferred: str | None = None  # None: the system's default printer


def choose(value: Any) -> None:
    """Remember the setting's value (anything but a name means the default printer)."""
    global preferred
    preferred = value if isinstance(value, str) and value else None

"""The window's door for a file a person saves: the one output guard, with its message.

Every "Lưu…" dialog calls `checked_save_path(self, path, asked=name)` once the system's save
dialog has answered: a path inside the data folder, the database, a receipt or backup the app
keeps is refused with the guard's Vietnamese message (a warning the person closes), and an
existing file is replaced only when it is exactly the one the system's dialog already asked
"replace?" about (not when the app changed the name's extension afterwards). The guard is the
desk's (`Desk.check_output_path` → `data_folder.check_output_path`), applied to the data
folder of the window's session.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..data_folder import check_output_path
from ..domain.errors import InvalidInput
from ..paths import DATABASE_FILE


def data_dir_of(widget: QObject | None) -> Path | None:
    """The data folder of the session the screen or dialog `widget` belongs to (its own
    `session`, or a parent's)."""
    while widget is not None:
        session = getattr(widget, "session", None)
        data_dir = getattr(session, "data_dir", None)
        if isinstance(data_dir, Path):
            return data_dir
        widget = widget.parent()
    return None


def checked_save_path(widget: QWidget, path: Path, *, asked: str | Path | None) -> Path | None:
    """`path` if it may be written, else None after telling the person why (see module)."""
    data_dir = data_dir_of(widget)
    if data_dir is None:
        raise RuntimeError("a save dialog outside any window session: no data folder to guard")
    replace = asked is not None and Path(asked) == Path(path)
    try:
        return check_output_path(Path(path), data_dir=data_dir, database_file=DATABASE_FILE,
                                 replace=replace)
    except InvalidInput as refusal:
        box = QMessageBox(QMessageBox.Icon.Warning, widget.tr("Không lưu vào đây"),
                          refusal.message, QMessageBox.StandardButton.Ok, widget)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        widget.setProperty("save_refusal", refusal.message)
        return None

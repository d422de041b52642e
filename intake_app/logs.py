"""The rotating log file in the data folder: English details for IT, never shown to a clerk.

Every error a person sees is one Vietnamese sentence; what support needs to understand it (the
English detail, the traceback) goes to `<data folder>/logs/intake-app.log`, rotated at 1 MB with
five old files kept, readable only by the account that runs the app. When the data folder
cannot hold a log (a read-only disk), the per-user log folder takes it (`fallback_log_dir`);
a record that cannot be written there (a full disk) goes to that folder too, or is dropped:
a log never stops the app, and never prints a traceback where a clerk would see it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_FOLDER = "logs"
LOG_FILE = "intake-app.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file whose every generation is created for its owner only (0600)."""

    def _open(self):  # the base class leaves it untyped
        path = Path(self.baseFilename)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600))
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A record that cannot be written here (a full disk) goes to the per-user log folder
        if it can, else it is dropped: never to standard error (the base class would print a
        traceback there, where a clerk or a script would see it)."""
        fallback = fallback_log_dir() / LOG_FILE
        if Path(self.baseFilename) == fallback:
            return
        try:
            from .data_folder import make_private_folder

            make_private_folder(fallback.parent)
            fd = os.open(fallback, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                handle.write(self.format(record) + "\n")
        except Exception:  # noqa: BLE001 - nowhere left to log: drop the record
            pass


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_FOLDER / LOG_FILE


def fallback_log_dir() -> Path:
    """The per-user log folder, for when the data folder cannot hold the log."""
    from platformdirs import user_log_dir

    return Path(user_log_dir("intake-app", "IntakeApp"))


def _handler(path: Path) -> _PrivateRotatingFileHandler:
    from .data_folder import make_private_folder

    make_private_folder(path.parent)
    return _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                       encoding="utf-8")


def setup_logging(data_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Send the app's log records to the data folder's log file; returns its path.

    Called once per process by the command line and the window (again with another folder,
    it moves the file handler there). A data folder where no log can be written (read-only)
    sends it to the per-user log folder; where none can be written at all, records are
    dropped and None is returned: a log must never stop the app.
    """
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if isinstance(handler, (_PrivateRotatingFileHandler, logging.NullHandler)):
            root.removeHandler(handler)
            handler.close()
    # Not Python's "last resort" handler, which prints to standard error.
    root.addHandler(logging.NullHandler())
    for path in (log_path(data_dir), fallback_log_dir() / LOG_FILE):
        try:
            handler = _handler(path)
        except OSError:
            continue
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
        return path
    return None

"""The rotating log file in the data folder: English details for IT, never shown to a clerk.

Every error a person sees is one Vietnamese sentence; what support needs to understand it (the
English detail, the traceback) goes to `<data folder>/logs/intake-app.log`, rotated at 1 MB with
five old files kept, readable only by the account that runs the app.
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


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_FOLDER / LOG_FILE


def setup_logging(data_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Send the app's log records to the data folder's log file; returns its path.

    Called once per process by the command line and the window (again with another folder,
    it moves the file handler there). A folder where no log can be written (read-only, full)
    leaves logging to standard error and returns None: a log must never stop the app.
    """
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if isinstance(handler, _PrivateRotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path

"""Writing a finished document to disk so that a crash or power cut never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from ..data_folder import fsync_folder


def _mode_for(folder: Path) -> int:
    """A file is as private as its folder: 0600 in a folder only its owner may enter (the
    data folder and its folders), else 0644 as usual for a document."""
    try:
        private = os.stat(folder).st_mode & 0o077 == 0
    except OSError:
        private = False
    return 0o600 if private else 0o644


def write_atomically(path: Path, content: bytes) -> None:
    """Write `content` to `path` so that a crash leaves either the old file or the new one.

    The bytes go to a temporary file in the same folder, are flushed and fsynced, then the
    temporary file replaces `path` in one rename and the folder entry is fsynced. The file is
    0600 in a private folder (the data folder's), 0644 elsewhere.
    """
    path = Path(path)
    folder = path.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        with suppress(OSError):
            os.chmod(temp, _mode_for(folder))
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(folder)

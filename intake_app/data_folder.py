"""The station's data folder: private to the account that runs the app, and never overwritten.

Privacy. The folder holds citizens' personal data (the database, receipts, slips, logs). On
Linux and macOS it is made 0700 and its files 0600 whatever the umask, and an existing folder
is tightened when it is opened: the folder itself, its first-level folders and the database
files at every open (a handful of `chmod`s), and everything inside once per folder (a walk,
recorded by a marker file). On Windows the per-user folder (`%LOCALAPPDATA%`) keeps the ACL it
inherits, which already gives access to that account (and administrators) only; the guide
tells IT not to put it on a shared drive.

Outputs. Every file a person asks for (`--out`, a save dialog) passes `check_output_path`:
a path inside the data folder, or that is the database, its `-wal`/`-shm`, a receipt, slip or
backup the app keeps (wherever a symbolic link puts them), is refused; an existing file
elsewhere is replaced only when the person said so (`--force`, or the save dialog's own
"replace?" question). Paths are compared after resolving symbolic links and `..`, and without
regard to case on Windows.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .domain.errors import InvalidInput

log = logging.getLogger(__name__)

FOLDER_MODE = 0o700
FILE_MODE = 0o600
PRIVATE_MARKER = ".private"  # written once everything inside has been tightened
DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")
CASE_INSENSITIVE = os.name == "nt"
POSIX_MODES = os.name == "posix"


# ---- privacy -----------------------------------------------------------------------------------

def _tighten(path: Path, mode: int) -> None:
    """chmod `path` to `mode` when it is looser; never follows a symbolic link."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) & ~mode == 0:
        return
    try:
        os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
    except OSError as exc:  # a read-only disk, a folder someone else owns
        log.warning("could not make %s private: %s", path, exc)


def make_private(data_dir: Path, database_file: str) -> None:
    """Create the data folder if needed and make it private to this account (see module).

    Never raises for a folder it cannot tighten (a read-only disk): that is logged, and the
    database's own open then says what is wrong.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if not POSIX_MODES:
        return
    _tighten(data_dir, FOLDER_MODE)
    for suffix in DATABASE_SUFFIXES:
        _tighten(data_dir / f"{database_file}{suffix}", FILE_MODE)
    marker = data_dir / PRIVATE_MARKER
    if marker.exists():
        try:
            entries = list(os.scandir(data_dir))
        except OSError:
            return
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _tighten(Path(entry.path), FOLDER_MODE)
        return
    _tighten_everything(data_dir)
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_WRONLY, FILE_MODE))
    except OSError as exc:
        log.warning("could not record that %s is private: %s", data_dir, exc)


def _tighten_everything(data_dir: Path) -> None:
    for folder, folders, files in os.walk(data_dir):
        for name in folders:
            _tighten(Path(folder) / name, FOLDER_MODE)
        for name in files:
            _tighten(Path(folder) / name, FILE_MODE)


def make_private_folder(folder: Path) -> None:
    """Create a folder and its missing parents 0700 (each one, whatever the umask); an
    existing folder is tightened."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for created in reversed(missing):
        created.mkdir(exist_ok=True, mode=FOLDER_MODE)
    if POSIX_MODES:
        for created in missing or [folder]:
            _tighten(created, FOLDER_MODE)


# ---- outputs -----------------------------------------------------------------------------------

def _resolved(path: Path) -> Path:
    """`path` made absolute with every symbolic link and `..` resolved (existing or not)."""
    return Path(os.path.realpath(os.path.abspath(os.fspath(path))))


def _key(path: Path) -> str:
    text = os.path.normpath(str(path))
    return text.casefold() if CASE_INSENSITIVE else text


def _inside(path: Path, folder: Path) -> bool:
    child, parent = _key(path), _key(folder)
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


def kept_elsewhere(data_dir: Path) -> list[Path]:
    """Folders outside the data folder whose files the app keeps: its default backup place
    (beside the data folder; the desk adds the configured one); nothing is ever written there
    on a person's request."""
    data_dir = Path(data_dir).absolute()
    return [data_dir.with_name(data_dir.name + "-backups")]


def kept_places(data_dir: Path, database_file: str,
                extra: Iterable[Path] = ()) -> tuple[list[Path], list[Path]]:
    """(folders, files) the app keeps: the data folder and wherever its first-level links
    point, the database files (as named and as resolved), and `extra` folders (backups)."""
    data_dir = Path(data_dir)
    folders = [_resolved(data_dir)]
    try:
        for entry in os.scandir(data_dir):
            if entry.is_symlink():
                folders.append(_resolved(Path(entry.path)))
    except OSError:
        pass
    folders += [_resolved(Path(folder)) for folder in extra]
    database = data_dir / database_file
    files = [_resolved(Path(f"{base}{suffix}"))
             for base in (database, _resolved(database)) for suffix in DATABASE_SUFFIXES]
    return folders, files


def check_output_path(path: Path, *, data_dir: Path, database_file: str,
                      replace: bool, also_kept: Iterable[Path] = ()) -> Path:
    """Return `path` if a person's output may be written there, else raise `InvalidInput`.

    Refused: anything inside the data folder (or a folder it links to, or a backup folder),
    the database and its companion files wherever they are, a folder, and an existing file
    unless `replace` (the person said so: `--force`, or the save dialog asked).
    """
    path = Path(path)
    target = _resolved(path)
    folders, files = kept_places(data_dir, database_file,
                                 [*kept_elsewhere(data_dir), *also_kept])
    same_file = False
    if target.exists() and not target.is_dir():
        for kept in files:
            try:
                same_file = same_file or (kept.exists() and os.path.samefile(kept, target))
            except OSError:
                continue
    if same_file or any(_key(target) == _key(kept) for kept in files):
        raise InvalidInput(
            f"Không ghi vào {path}: đó là cơ sở dữ liệu của ứng dụng (hoặc tệp đi kèm của nó); "
            "ghi đè sẽ làm mất mọi hồ sơ. Hãy chọn một tệp khác, ở ngoài thư mục dữ liệu.",
            f"refused output {path} -> {target}: the database or its companion file")
    for folder in folders:
        if _inside(target, folder):
            raise InvalidInput(
                f"Không ghi vào {path}: tệp này nằm trong thư mục dữ liệu của ứng dụng "
                f"({folder}), nơi giữ cơ sở dữ liệu, giấy tiếp nhận, phiếu và bản sao lưu. "
                "Hãy chọn một nơi khác (ví dụ thư mục Tài liệu hoặc ổ USB).",
                f"refused output {path} -> {target}: inside kept folder {folder}")
    if target.is_dir():
        raise InvalidInput(
            f"{path} là một thư mục: hãy ghi rõ tên tệp cần ghi (ví dụ {path / 'ban-sao.pdf'}).",
            f"refused output {path}: a folder")
    if target.exists() and not replace:
        raise InvalidInput(
            f"Tệp {path} đã có. Ứng dụng không ghi đè khi chưa được yêu cầu: hãy chọn tên "
            "khác, hoặc thêm --force nếu muốn thay tệp cũ.",
            f"refused output {path}: exists and --force not given")
    return path


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; Windows cannot open a folder for fsync, so it is
    skipped there (NTFS journals the rename)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

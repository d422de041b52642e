"""Converting an older version's plaintext database to SQLCipher, in place, crash-safe.

At the first start of this version on a data folder whose `intake.sqlite3` is still plain
SQLite, the store converts it before anything else opens it. The steps, and what a crash
after each leaves (the next start finishes the work; nothing is ever lost):

1. the plaintext file is checkpointed and left in rollback-journal mode, so it is one
   self-contained file (a crash: still the plaintext database, as before);
2. `sqlcipher_export` writes every table, index, trigger and the search index into a new
   file `intake.sqlite3.encrypting` under the station's key, which is fsynced (a crash: a
   half-made new file, removed and made again at the next start);
3. the new file is opened with the key and checked: `PRAGMA integrity_check`, and the same
   row count in every table as the plaintext file (a mismatch: the new file is removed and
   the plaintext one is kept, `ConversionFailed`);
4. the plaintext file is copied aside as `intake.sqlite3.plaintext-aside` (fsynced, then
   renamed into place);
5. the new file replaces `intake.sqlite3` in one atomic rename, and the folder is fsynced
   (a crash before: the plaintext file is still in place; after: the encrypted one is);
6. the encrypted database is opened with the key once more, and only then is the plaintext
   copy set aside removed (`finish_conversion` also removes it at a later start, when the
   database opens with the key).

The copy aside and the half-made file are named so that no backup, restore or high-water
logic mistakes them for the database. A folder used by two processes at the first start is
not supported: the conversion runs while the window's first opening holds the store.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..data_folder import fsync_folder
from . import cipher
from .problems import StoreError

log = logging.getLogger(__name__)

NEW_SUFFIX = ".encrypting"
ASIDE_SUFFIX = ".plaintext-aside"
STEPS = ("checkpoint", "export", "verify", "aside", "replace", "cleanup")


class ConversionFailed(StoreError):
    """The encrypted copy did not match the plaintext database: nothing was changed."""


@dataclass(frozen=True)
class Conversion:
    """What one conversion did."""

    tables: int
    rows: int
    seconds: float


def new_file(path: Path) -> Path:
    return path.with_name(path.name + NEW_SUFFIX)


def aside_file(path: Path) -> Path:
    return path.with_name(path.name + ASIDE_SUFFIX)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError):
            name.unlink()


def _counts(conn: cipher.Connection) -> dict[str, int]:
    names = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names}


def after_step(step: str) -> None:
    """Called once each step is done (`STEPS`); the tests' child process replaces it to die
    there, proving a cut after any step loses nothing."""


def finish_conversion(path: Path, key: bytes) -> None:
    """Remove what a conversion cut short left behind, once `path` opens with the key: a
    half-made new file, and the plaintext copy set aside (a plaintext database in place is
    left alone: `encrypt_in_place` converts it)."""
    new = new_file(path)
    if new.exists() or Path(f"{new}-journal").exists():
        _remove(new)
    aside = aside_file(path)
    if (aside.exists() or Path(f"{aside}.part").exists()) and not cipher.is_plaintext(path) \
            and cipher.opens_with(path, key):
        _remove(Path(f"{aside}.part"))
        _remove(aside)
        fsync_folder(path.parent)
        log.info("removed the plaintext copy %s left by the conversion", aside)


def encrypt_in_place(path: Path, key: bytes) -> Conversion:
    """Convert the plaintext database at `path` to SQLCipher under `key` (see the module)."""
    import time

    started = time.perf_counter()
    path = Path(path)
    new, aside = new_file(path), aside_file(path)
    _remove(new)  # a conversion cut short
    log.warning("converting the plaintext database %s to an encrypted one", path)
    plain = cipher.connect(path, None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute("PRAGMA journal_mode=DELETE")
        after_step("checkpoint")
        before = _counts(plain)
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", [str(new)])
        try:
            plain.execute("SELECT sqlcipher_export('encrypted')")
            plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        finally:
            plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    os.chmod(new, 0o600)
    _fsync_file(new)
    fsync_folder(path.parent)
    after_step("export")
    check = cipher.connect(new, key)
    try:
        integrity = [row[0] for row in check.execute("PRAGMA integrity_check")]
        after = _counts(check)
        check.execute("PRAGMA journal_mode=WAL")
    finally:
        check.close()
    if integrity != ["ok"] or after != before:
        _remove(new)
        differing = sorted(name for name in set(before) | set(after)
                           if before.get(name) != after.get(name))
        raise ConversionFailed(
            f"Không mã hóa được cơ sở dữ liệu {path}: bản mã hóa không khớp với bản cũ. Cơ sở "
            "dữ liệu cũ vẫn nguyên vẹn; hãy gửi thư mục logs cho bộ phận công nghệ thông tin.",
            f"the encrypted copy of {path} does not match: integrity {integrity[:3]}, "
            f"tables differing {differing[:10]}")
    after_step("verify")
    part = Path(f"{aside}.part")
    shutil.copyfile(path, part)
    _fsync_file(part)
    os.replace(part, aside)
    fsync_folder(path.parent)
    after_step("aside")
    os.replace(new, path)
    fsync_folder(path.parent)
    after_step("replace")
    if not cipher.opens_with(path, key):  # cannot happen after the check; never lose the copy
        raise ConversionFailed(
            f"Cơ sở dữ liệu {path} vừa mã hóa không mở được; bản cũ được giữ ở {aside.name}.",
            f"{path} does not open with the key after the rename; {aside} kept")
    _remove(aside)
    fsync_folder(path.parent)
    after_step("cleanup")
    seconds = time.perf_counter() - started
    log.warning("database %s encrypted: %d tables, %d rows, %.2f s", path, len(after),
                sum(after.values()), seconds)
    return Conversion(len(after), sum(after.values()), seconds)

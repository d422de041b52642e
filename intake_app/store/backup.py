"""Backup files: a consistent copy of the live database, checked, in one file with its manifest.

**The copy.** SQLite's online backup API copies the database page by page inside one read
transaction of its own (`pages=-1`: a single step), so the copy is the database exactly as it
stood when the backup began, WAL included, while other connections and processes go on
stamping; a file copy of `intake.sqlite3` would miss what is still in the WAL. With SQLCipher
the destination is keyed with the station's database key before the first page is written:
the backup API then writes every page encrypted under that key (a destination without a key is
refused by SQLCipher), so a backup is never plaintext. `VACUUM INTO` would also keep the key,
but rebuilds every index (slower); the page copy is what SQLCipher documents for a backup.

**The check.** The copy is opened on its own connection (with the key) and must pass
`PRAGMA integrity_check`; its dossiers are counted and its schema level read. Only then is it
packed, and the packed bytes are read back from the backup place and compared (SHA-256) with
the checked copy: what sits on the USB stick is byte for byte what passed the check.

**The file** (`*.intake-backup`) is a ZIP archive, stored (the database is encrypted, so there
is nothing to compress), holding:

- `manifest.json`: what the backup is (station, time, kind, schema level, counts, the database's
  SHA-256), no personal data, readable without any key (listing needs no key);
- `station-keys.json`: the station's keys sealed under its recovery key (`station_keys`), so a
  new PC with the recovery sheet opens the backup; never the unprotected key file;
- `intake.sqlite3`: the database (encrypted under the station's database key).

So a backup is readable with this station's key (from its credential store) or with its
recovery key, and with nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..data_folder import fsync_folder
from ..domain.errors import StorageProblem
from . import cipher
from .db import BUSY_TIMEOUT_S

FORMAT = "intake-app/backup/1"
SUFFIX = ".intake-backup"
MANIFEST = "manifest.json"
KEYS_MEMBER = "station-keys.json"
DATABASE_MEMBER = "intake.sqlite3"
CHUNK = 1 << 20
FILE_MODE = 0o600


class BackupFileProblem(StorageProblem):
    """A backup file that cannot be read, is not a backup, or fails its check."""


@dataclass(frozen=True)
class DatabaseFacts:
    """What a database file holds, read on a connection of its own."""

    integrity: list[str]  # ["ok"] when sound
    migrations: list[str]
    dossiers: int
    last_code: str | None
    changes: int  # the audit trail's last record that is not about backups (0: none)
    unit_code: str | None
    station_no: int | None

    @property
    def sound(self) -> bool:
        return self.integrity == ["ok"]


# ---- connections ---------------------------------------------------------------------------------

def open_file(path: Path, key: bytes | None) -> cipher.Connection:
    """A bare connection to a database file (the station's key first, when it has one)."""
    return cipher.connect(path, key, timeout=BUSY_TIMEOUT_S)


def snapshot(source: Path, target: Path, key: bytes | None) -> None:
    """Copy the live database `source` into the new file `target`, consistently, online.

    One step of the backup API: one read transaction, so other processes keep writing (WAL)
    and the copy holds exactly what was committed when it began. The copy leaves WAL mode
    (journal_mode=DELETE): it is one self-contained file.
    """
    if target.exists():
        raise FileExistsError(target)
    _create_private(target)
    src = open_file(source, key)
    try:
        dst = open_file(target, key)
        try:
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _create_private(path: Path) -> None:
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))


def _table_exists(conn: cipher.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        [name]).fetchone() is not None


def read_facts(path: Path, key: bytes | None, *, full_check: bool = True) -> DatabaseFacts:
    """Open `path` (with the key) and read what it holds; `full_check`: integrity_check,
    else quick_check. A `cipher.DatabaseError` if it is not a database (or the key is wrong)."""
    conn = open_file(path, key)
    try:
        check = "integrity_check" if full_check else "quick_check"
        try:
            integrity = [row[0] for row in conn.execute(f"PRAGMA {check}")][:20]
        except cipher.DatabaseError as exc:  # so damaged that the check itself stops
            if "not a database" in str(exc).lower():
                raise  # not a database at all, or not with this key
            integrity = [f"{check} stopped: {exc}"]
        migrations: list[str] = []
        dossiers, last_code, changes = 0, None, 0
        unit_code = station_no = None
        try:  # a damaged file still reports its integrity_check; the rest is best effort
            if _table_exists(conn, "_sqlite_migrations"):
                migrations = [row[0] for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations ORDER BY rowid")]
            if _table_exists(conn, "dossiers"):
                dossiers = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
                row = conn.execute("SELECT code FROM dossiers ORDER BY id DESC LIMIT 1"
                                   ).fetchone()
                last_code = row[0] if row else None
            if _table_exists(conn, "audit_log"):
                changes = conn.execute("SELECT max(seq) FROM audit_log WHERE action NOT LIKE "
                                       "'backup.%'").fetchone()[0] or 0
            if _table_exists(conn, "settings"):
                row = conn.execute("SELECT value FROM settings WHERE key = 'station'"
                                   ).fetchone()
                if row:
                    with contextlib.suppress(ValueError, TypeError, AttributeError):
                        station = json.loads(row[0])
                        unit_code = station.get("unit_code")
                        station_no = station.get("station_no")
        except cipher.DatabaseError:
            if integrity == ["ok"]:
                raise
        return DatabaseFacts(integrity, migrations, int(dossiers), last_code, int(changes),
                             unit_code, station_no)
    finally:
        conn.close()


# ---- the file ----------------------------------------------------------------------------------

def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_archive(out: Path, manifest: dict[str, Any], database: Path,
                  keys_file: Path | None, *, replace: bool = False) -> None:
    """Pack the checked database copy with its manifest (and sealed keys) into `out`, whole
    or not at all (a `.part` file fsynced, then one rename); never over an existing file
    unless `replace`."""
    out = Path(out)
    fd, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        with contextlib.suppress(OSError):
            os.chmod(temp, FILE_MODE)
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            if keys_file is not None:
                archive.write(keys_file, KEYS_MEMBER)
            archive.write(database, DATABASE_MEMBER)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        if replace:
            os.replace(temp, out)
        else:
            _link_new(temp, out)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    fsync_folder(out.parent)


def _link_new(temp: Path, out: Path) -> None:
    """Give `temp` the name `out`, failing if that name is taken (FileExistsError)."""
    if os.name == "nt":
        os.rename(temp, out)  # never replaces on Windows
        return
    try:
        os.link(temp, out)
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise
        # a file system without hard links (FAT/exFAT USB sticks): check, then rename
        if out.exists():
            raise FileExistsError(out) from exc
        os.rename(temp, out)


def _open_archive(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise BackupFileProblem(f"Không có tệp sao lưu {path}.", f"no file {path}") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupFileProblem(
            f"Tệp {Path(path).name} không phải là bản sao lưu của ứng dụng, hoặc đã bị hỏng.",
            f"{path} is not a readable backup archive: {exc}") from exc


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a backup file (no key needed); BackupFileProblem if it has none."""
    with _open_archive(path) as archive:
        try:
            data = json.loads(archive.read(MANIFEST).decode("utf-8"))
        except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
            raise BackupFileProblem(
                f"Tệp {Path(path).name} không phải là bản sao lưu của ứng dụng, hoặc đã bị hỏng.",
                f"{path}: no readable {MANIFEST}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupFileProblem(
            f"Tệp {Path(path).name} không phải là bản sao lưu của ứng dụng này.",
            f"{path}: manifest format {data.get('format') if isinstance(data, dict) else None}")
    return data


def member_sha256(path: Path, member: str = DATABASE_MEMBER) -> str:
    """SHA-256 of one member, read back from the file (zip's CRC is checked too)."""
    digest = hashlib.sha256()
    with _open_archive(path) as archive, archive.open(member) as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract_member(path: Path, member: str, target: Path) -> bool:
    """Copy one member out to the new private file `target`; False if the archive lacks it."""
    with _open_archive(path) as archive:
        if member not in archive.namelist():
            return False
        _create_private(target)
        with archive.open(member) as source, open(target, "wb") as out:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    return True


@contextlib.contextmanager
def private_temp_folder(near: Path) -> Iterator[Path]:
    """A temporary folder readable by its owner only, inside `near` (on the same disk)."""
    near.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".backup-", dir=near))
    try:
        yield folder
    finally:
        for item in sorted(folder.rglob("*"), reverse=True):
            with contextlib.suppress(OSError):
                item.unlink() if not item.is_dir() else item.rmdir()
        with contextlib.suppress(OSError):
            folder.rmdir()


def made_at(manifest: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(manifest["made_at"]))
    except (KeyError, ValueError):
        return None

"""What can go wrong with the data folder and its database, said in Vietnamese (exit code 4).

Every failure of the disk or of SQLite that a person can meet becomes one of these
`StorageProblem`s: a full disk, a read-only folder or file, a database another program keeps
locked, a damaged database, a database written by a newer version of the app. Each message
names the file and says what to do next; the English detail (SQLite's or the system's own
words) goes to the log file for IT.

`storage_problem(exc, database=…)` maps a raw SQLite (SQLCipher) error or `OSError` to its
problem (or None when it is not a storage failure); the command line's error door and the
window's error hook both use it, so the same failure reads the same everywhere.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from ..domain.errors import StorageProblem
from . import cipher

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

WHAT_TO_SEND = "thư mục logs trong thư mục dữ liệu"


class StoreError(StorageProblem):
    """The database cannot be used (missing FTS5, newer schema, unreadable file)."""


class DiskFull(StoreError):
    """The disk (or the user's quota) that holds the file is full."""

    def __init__(self, where: Path | str, detail: str):
        super().__init__(
            f"Ổ đĩa chứa {where} đã đầy nên không ghi được. Những gì đã lưu trước đó vẫn còn "
            "nguyên; hãy giải phóng dung lượng (xoá bớt tệp không cần, dọn Thùng rác) rồi "
            "làm lại.", f"disk full writing {where}: {detail}")
        self.where = Path(where)


class ReadOnlyStorage(StoreError):
    """The folder or file cannot be written by this account (read-only disk, permissions)."""

    def __init__(self, where: Path | str, detail: str):
        super().__init__(
            f"Không ghi được vào {where}: thư mục hoặc tệp chỉ cho đọc, hoặc tài khoản đang "
            "dùng ứng dụng không có quyền ghi. Hãy nhờ bộ phận công nghệ thông tin cấp quyền "
            "ghi cho tài khoản này (không chuyển thư mục dữ liệu sang ổ mạng hay ổ dùng chung).",
            f"read-only or not writable: {where}: {detail}")
        self.where = Path(where)


class DatabaseLocked(StoreError):
    """Another program kept the database locked for longer than the busy timeout."""

    def __init__(self, database: Path | str, waited_s: float, detail: str):
        super().__init__(
            f"Cơ sở dữ liệu {database} đang bị một chương trình khác giữ (đã chờ "
            f"{waited_s:g} giây). Hãy đóng các cửa sổ khác của ứng dụng và mọi chương trình "
            "đang mở tệp này rồi làm lại; nếu vẫn vậy, hãy khởi động lại máy.",
            f"database locked after {waited_s:g} s: {database}: {detail}")
        self.database = Path(database)


class DatabaseDamaged(StoreError):
    """SQLite found the database file damaged: nothing more is written into it."""

    def __init__(self, database: Path | str, detail: str):
        database = Path(database)
        super().__init__(
            f"Cơ sở dữ liệu {database} bị hỏng (SQLite kiểm tra thấy lỗi), nên ứng dụng "
            "ngừng ghi vào đó để không làm hỏng thêm. Hãy khôi phục từ bản sao lưu gần nhất; "
            f"nếu chưa có bản sao lưu, hãy gửi tệp {database.name} (cùng các tệp "
            f"{database.name}-wal, {database.name}-shm nếu có) và {WHAT_TO_SEND} cho bộ phận "
            "công nghệ thông tin, và đừng xoá hay ghi đè các tệp này.",
            f"database damaged: {database}: {detail}")
        self.database = database


class WrongDatabaseKey(StoreError):
    """The station's key does not open the database file: a file damaged from its first page,
    or another station's file (or keys). With encryption the two look alike."""

    def __init__(self, database: Path | str, detail: str):
        database = Path(database)
        super().__init__(
            f"Không mở được cơ sở dữ liệu {database} bằng khóa mã hóa của quầy này: tệp đã "
            "bị hỏng, hoặc là tệp của một thư mục dữ liệu khác (khóa của quầy khác). Ứng dụng "
            "không ghi gì vào tệp này. Hãy kiểm tra đúng thư mục dữ liệu và khôi phục từ bản "
            "sao lưu gần nhất; nếu khóa trên máy này đã bị thay, hãy khôi phục khóa bằng phiếu "
            f"khôi phục (`intake-app keys restore`); hoặc gửi {WHAT_TO_SEND} cho bộ phận công "
            "nghệ thông tin.",
            f"the station's key does not open {database} (damaged, or another key): {detail}")
        self.database = database


class DiskFailure(StoreError):
    """The disk answered an error when reading or writing (failing disk, removed drive)."""

    def __init__(self, where: Path | str, detail: str):
        super().__init__(
            f"Ổ đĩa báo lỗi khi đọc hoặc ghi {where}; ổ đĩa có thể đang hỏng hoặc đã bị rút "
            "ra. Hãy ngừng tiếp nhận trên máy này và nhờ bộ phận công nghệ thông tin kiểm tra "
            f"ổ đĩa (gửi kèm {WHAT_TO_SEND}).", f"disk I/O error on {where}: {detail}")
        self.where = Path(where)


class NewerDatabase(StoreError):
    """The database was brought to a schema this version of the app does not know."""

    def __init__(self, database: Path | str, *, app_level: str, file_level: str,
                 unknown: list[str], app_version: str):
        names = ", ".join(unknown)
        super().__init__(
            f"Cơ sở dữ liệu {database} đã được một phiên bản mới hơn của ứng dụng nâng cấp "
            f"(lược đồ {file_level}; có {names} mà bản này không biết), còn bản đang chạy "
            f"({app_version}) chỉ đến lược đồ {app_level}. Ứng dụng không ghi gì vào tệp "
            "này; hãy cài phiên bản mới nhất của ứng dụng rồi mở lại.",
            f"database {database} has schema {file_level} (unknown migrations: {names}); "
            f"this app {app_version} knows up to {app_level}; nothing was written")
        self.database = Path(database)
        self.unknown = list(unknown)


NEARLY_FULL_BYTES = 1_000_000


def _nearly_full(path: Path) -> bool:
    """The disk that holds `path` has less than 1 MB free (or cannot tell)."""
    for folder in (path, *path.parents):
        if folder.exists():
            try:
                return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
            except OSError:
                return False
    return False


def _errno_problem(exc: OSError, where: Path | str) -> StoreError | None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(where, str(exc))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyStorage(where, str(exc))
    if exc.errno == errno.EIO:
        return DiskFailure(where, str(exc))
    return None


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_corruption(exc: BaseException) -> bool:
    """SQLite says the file (or the full-text index inside it) is damaged."""
    if not isinstance(exc, cipher.DatabaseError):
        return False
    code = _sqlite_code(exc)
    text = str(exc).lower()
    return code in (SQLITE_CORRUPT, SQLITE_NOTADB) or any(words in text for words in (
        "malformed", "not a database", "vtable constructor failed", "fts5: corrupt",
        "database corrupt"))


def storage_problem(exc: BaseException, *, database: Path | None = None,
                    busy_timeout_s: float | None = None) -> StoreError | None:
    """The `StorageProblem` that `exc` is, or None when it is not a storage failure.

    `database` names the file in the message of a SQLite error (SQLite's errors do not);
    an `OSError` names its own file when it has one.
    """
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        where = exc.filename or database or "thư mục dữ liệu"
        return _errno_problem(exc, where)
    if not isinstance(exc, cipher.Error):
        return None
    where = database or "cơ sở dữ liệu"
    code = _sqlite_code(exc)
    text = str(exc).lower()
    detail = f"{type(exc).__name__}: {exc}" + (
        f" ({getattr(exc, 'sqlite_errorname', '')})" if code is not None else "")
    if is_corruption(exc):
        return DatabaseDamaged(where, detail)
    if code == SQLITE_FULL or "disk is full" in text or "database or disk is full" in text:
        return DiskFull(where, detail)
    if code in (SQLITE_READONLY, SQLITE_PERM) or "readonly database" in text \
            or "read-only" in text:
        return ReadOnlyStorage(where, detail)
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        from .db import BUSY_TIMEOUT_S

        return DatabaseLocked(where, busy_timeout_s or BUSY_TIMEOUT_S, detail)
    if code == SQLITE_CANTOPEN or "unable to open database" in text:
        return ReadOnlyStorage(where, detail)
    if code == SQLITE_IOERR or "disk i/o error" in text:
        # SQLite says "I/O error", not "full", when a full disk stops it growing its
        # shared-memory or journal file: the free space tells.
        if database is not None and _nearly_full(Path(database)):
            return DiskFull(where, f"{detail}; the disk has almost no free space")
        return DiskFailure(where, detail)
    return None

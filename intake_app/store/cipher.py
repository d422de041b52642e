"""The one door to the station's database files: SQLCipher (through sqlcipher3), keyed.

Every connection to a station database (the store's, the health check's, the quick look at
start-up, the backups', the restore's, the doctor's) is made by `connect` here: the station's
database key (32 random bytes from `station_keys`) is given as a raw key
(`PRAGMA key = "x'…'"`, no passphrase stretching: the key is already random) before anything
else reads the file. Without the key the file is noise: SQLCipher 4 encrypts every page with
AES-256 and authenticates it with HMAC-SHA512; only a 16-byte random salt stands in clear.

`key=None` opens a plaintext SQLite file with the same library (an older version's data
folder before it is converted, `store.encrypt_in_place`; the bench's "without encryption").

sqlcipher3's exceptions are its own classes, not `sqlite3`'s: `Error`, `DatabaseError`,
`OperationalError` and `IntegrityError` here are tuples of both, for `except` and
`isinstance` (sqlite-utils still raises `sqlite3`'s in a few places).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as driver

Connection = sqlite3.Connection  # sqlcipher3's connection has the same DB-API interface
Row: Any = driver.Row

Error: tuple[type[Exception], ...] = (sqlite3.Error, driver.Error)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError, driver.DatabaseError)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError,
                                                  driver.OperationalError)
IntegrityError: tuple[type[Exception], ...] = (sqlite3.IntegrityError, driver.IntegrityError)

KEY_BYTES = 32
PLAINTEXT_HEADER = b"SQLite format 3\x00"
DEFAULT_TIMEOUT_S = 30.0


def key_pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: the 32 bytes as hex, used as the AES key as they are."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _quiet_library() -> None:
    """SQLCipher writes its own error lines to stderr (a wrong key's "hmac check failed"):
    the store says what went wrong in its own words and logs the details, so the library's
    log is turned off (a process-wide setting)."""
    conn = driver.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


_quiet_library()


def connect(path: Path | str, key: bytes | None, *, read_only: bool = False,
            timeout: float = DEFAULT_TIMEOUT_S, isolation_level: str | None = None,
            check_same_thread: bool = False) -> Connection:
    """A connection to the database file `path`, keyed with `key` (None: a plaintext file).

    Nothing is read before the key is set; a wrong key (or a plaintext file opened with a
    key) fails at the first statement with SQLite's "file is not a database".
    """
    path = Path(path)
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    conn = driver.connect(target, uri=read_only, timeout=timeout,
                          isolation_level=isolation_level,
                          check_same_thread=check_same_thread)
    try:
        if key is not None:
            conn.execute(key_pragma(key))
        conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    except BaseException:
        conn.close()
        raise
    return conn


def is_plaintext(path: Path) -> bool:
    """The file starts as a plain SQLite database does (an older version's, not encrypted)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER
    except OSError:
        return False


def opens_with(path: Path, key: bytes | None) -> bool:
    """Whether `key` (None: no key) reads the schema of the database file at `path`."""
    try:
        conn = connect(path, key, read_only=True, timeout=5.0)
    except Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Error:
        return False
    finally:
        conn.close()
    return True


def complete_statement(sql: str) -> bool:
    return sqlite3.complete_statement(sql)


def library_versions() -> dict[str, str]:
    """SQLite's and SQLCipher's versions of the library the store uses (the doctor's report)."""
    conn = driver.connect(":memory:")
    try:
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
        cipher = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return {"sqlite": str(sqlite), "sqlcipher": str(cipher[0]) if cipher else ""}


# ---- pages that SQLCipher cannot authenticate -------------------------------------------------
# SQLCipher 4's page format with a raw key: AES-256-CBC under the key; each page reserves 80
# bytes at its end for a random IV (16) and an HMAC-SHA512 (64) of the encrypted bytes, the IV
# and the page number (4 bytes, little-endian), keyed with PBKDF2-HMAC-SHA512(key, salt ^ 0x3a,
# 2 rounds); page 1 starts with the file's 16-byte salt.

PAGE_RESERVE, IV_BYTES, SALT_BYTES = 80, 16, 16


def _hmac_key(key: bytes, salt: bytes) -> bytes:
    import hashlib

    return hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, KEY_BYTES)


def blank_page(key: bytes, salt: bytes, number: int, page_size: int) -> bytes:
    """An empty page (zeros) encrypted and authenticated as SQLCipher writes page `number`."""
    import hashlib
    import hmac
    import secrets

    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if number == 1:
        raise ValueError("page 1 holds the salt and the schema")
    iv = secrets.token_bytes(IV_BYTES)
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    body = encryptor.update(bytes(page_size - PAGE_RESERVE)) + encryptor.finalize()
    tag = hmac.new(_hmac_key(key, salt), body + iv + number.to_bytes(4, "little"),
                   hashlib.sha512).digest()
    return body + iv + tag + bytes(PAGE_RESERVE - IV_BYTES - len(tag))


def blank_pages(path: Path, key: bytes, numbers: list[int], page_size: int) -> None:
    """Overwrite pages no b-tree uses any more (SQLite's "never used") with valid empty ones,
    so that SQLite may read them again (VACUUM, the backup API): a damaged page fails its
    authentication and stops whatever reads it, even when nothing refers to it."""
    import os

    with open(path, "r+b") as handle:
        salt = handle.read(SALT_BYTES)
        for number in numbers:
            handle.seek((number - 1) * page_size)
            handle.write(blank_page(key, salt, number, page_size))
        handle.flush()
        os.fsync(handle.fileno())

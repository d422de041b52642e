"""Opening a station's database file directly, as a person with a SQLite tool would, now that
it is encrypted: with the station's key (from the test credential store) through SQLCipher.

`Error`, `IntegrityError`… are the store's tuples (sqlcipher3's classes and sqlite3's).
"""

from __future__ import annotations

from pathlib import Path

from intake_app.paths import DATABASE_FILE
from intake_app.station_keys import load_station_keys
from intake_app.store import cipher
from intake_app.store.cipher import DatabaseError, Error, IntegrityError, OperationalError

__all__ = ["DatabaseError", "Error", "IntegrityError", "OperationalError", "open_db",
           "station_key"]


def station_key(data_dir: Path) -> bytes:
    """The database key of the data folder, from this PC's (the test run's) credential store."""
    return load_station_keys(Path(data_dir)).database_key


def open_db(where: Path, *, key: bytes | None = None, timeout: float = 5.0,
            isolation_level: str | None = "", plaintext: bool = False) -> cipher.Connection:
    """A connection to the database of a data folder (or to a database file, keyed with its
    folder's key unless `key` is given). Like `sqlite3.connect`: deferred transactions, and
    `with conn:` commits. `plaintext`: the file is an older version's, not encrypted (an
    encrypted one is still opened with its key)."""
    path = Path(where)
    if path.is_dir():
        path = path / DATABASE_FILE
    if plaintext and cipher.is_plaintext(path):
        key = None
    elif key is None:
        key = station_key(path.parent)
    return cipher.connect(path, key, timeout=timeout, isolation_level=isolation_level,
                          check_same_thread=True)


def attach(conn: cipher.Connection, path: Path, alias: str, key: bytes | None) -> None:
    """ATTACH another database file (keyed with `key`; None: a plaintext file)."""
    clause = f" KEY \"x'{key.hex()}'\"" if key is not None else " KEY ''"
    conn.execute(f"ATTACH DATABASE ? AS {alias}{clause}", [str(path)])


# ---- the file's pages, for tests that damage one on purpose ----------------------------------
# The SQLCipher build has neither `dbstat` nor `sqlite_dbpage`: the pages of a b-tree are found
# by decrypting them here (SQLCipher 4 with a raw key: AES-256-CBC under the key itself, each
# page's IV in the 80 bytes it reserves at its end; page 1 starts with the 16-byte salt).

RESERVE = 80


def decrypted_page(path: Path, key: bytes, number: int, page_size: int = 4096) -> bytes:
    """Page `number` of the encrypted database file, decrypted (page 1: from byte 16)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    with open(path, "rb") as handle:
        handle.seek((number - 1) * page_size)
        page = handle.read(page_size)
    start = 16 if number == 1 else 0
    iv = page[page_size - RESERVE:page_size - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return bytes(start) + decryptor.update(page[start:page_size - RESERVE]) + \
        decryptor.finalize()


def btree_pages(path: Path, key: bytes, name: str) -> dict[str, list[int]]:
    """The pages of the b-tree `name` (a table or an index), as dbstat would list them:
    {"internal": [...], "leaf": [...]}, in page order."""
    import contextlib

    with contextlib.closing(open_db(path, key=key)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            [name]).fetchone()[0]
    found: dict[str, list[int]] = {"internal": [], "leaf": []}
    pending = [root]
    while pending:
        number = pending.pop()
        page = decrypted_page(path, key, number)
        head = 100 if number == 1 else 0
        kind = page[head]
        if kind in (0x0D, 0x0A):
            found["leaf"].append(number)
            continue
        assert kind in (0x05, 0x02), (number, kind)
        found["internal"].append(number)
        cells = int.from_bytes(page[head + 3:head + 5], "big")
        pending.append(int.from_bytes(page[head + 8:head + 12], "big"))
        for index in range(cells):
            at = int.from_bytes(page[head + 12 + 2 * index:head + 14 + 2 * index], "big")
            pending.append(int.from_bytes(page[at:at + 4], "big"))
    return {kind: sorted(numbers) for kind, numbers in found.items()}


def kept_pdf(path: Path) -> bytes:
    """A PDF the app wrote, in the clear: unsealed with its data folder's key when it is kept
    sealed in a data folder (the folder above it that holds station-keys.json)."""
    from intake_app.documents import kept
    from intake_app.station_keys import KEYS_FILE

    content = Path(path).read_bytes()
    if not kept.is_sealed(content):
        return content
    folder = next(p for p in Path(path).resolve().parents if (p / KEYS_FILE).exists())
    return kept.unseal(kept.documents_key(station_key(folder)), content)

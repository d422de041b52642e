"""Opening the database: the connection settings, the FTS5 check and the schema migrations.

Opening reads the file first through a read-only connection: a file that is not a database,
or one a newer version of the app has migrated, is refused before anything is written to it
(`DatabaseDamaged`, `NewerDatabase`). Then SQLite's quick check runs (now, or in the
background for the window, see `store.health`), and only then are migrations applied.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .. import __version__
from ..paths import DATABASE_FILE
from . import cipher
from .encrypt_in_place import encrypt_in_place, finish_conversion
from .health import StoreHealth, health_of
from .problems import NewerDatabase, StoreError, WrongDatabaseKey, storage_problem
from .schema import (
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    applied_migrations,
    known_migrations,
    migration_files,
)

BUSY_TIMEOUT_S = 30.0
CACHE_KIB = 32 * 1024  # per connection, as SQLite fills it
FILE_MODE = 0o600  # the database (and so its -wal and -shm, which SQLite gives its mode)

Check = Literal["now", "background", "once", "skip"]

__all__ = ["DATABASE_FILE", "MIGRATIONS_TABLE", "MIGRATION_SET", "StationDatabase",
           "StoreError", "applied_migrations", "known_migrations", "open_database",
           "write_transaction"]


class StationDatabase(Database):
    """The station's database: a sqlite-utils `Database` that knows its file and its health.

    Every write transaction asks `health` first, so a database found damaged gets nothing
    new written into it.
    """

    def __init__(self, conn: cipher.Connection, path: Path, health: StoreHealth,
                 key: bytes | None = None):
        super().__init__(conn, execute_plugins=False)
        self.path = path
        self.health = health
        self._key = key

    def reconnect(self) -> None:
        """A new connection in place of this one: SQLCipher leaves a connection that met a
        page failing its authentication unable to read anything more, even once the damage
        is repaired (the search index rebuilt) by another connection."""
        with contextlib.suppress(*cipher.Error):
            self.conn.close()
        self.conn = _connection(self.path, self._key)


def _sql_statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if cipher.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise StoreError("Tệp nâng cấp cơ sở dữ liệu của bản cài này bị hỏng: hãy cài lại "
                         "ứng dụng.", f"incomplete SQL statement in migration: {pending[:80]!r}")
    return statements


def load_migrations(folder: Path | None = None) -> Migrations:
    """The numbered `db/NNNN_name.sql` files as a sqlite-utils migration set, in order."""
    migrations = Migrations(MIGRATION_SET)
    for path in migration_files(folder):
        statements = _sql_statements(path.read_text(encoding="utf-8"))

        def apply(db: Database, statements: list[str] = statements) -> None:
            for statement in statements:
                db.execute(statement)

        migrations(name=path.stem)(apply)
    return migrations


def _connection(path: Path, key: bytes | None) -> cipher.Connection:
    """A connection with the settings every connection needs (they are per connection)."""
    conn = cipher.connect(path, key, timeout=BUSY_TIMEOUT_S)
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed transaction survives a power cut (NORMAL may lose the last ones in WAL).
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    # SQLCipher decrypts a page each time SQLite reads it from the OS: a page cache of 32 MiB
    # (instead of SQLite's 2 MiB) keeps the search index's pages decrypted between searches.
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    return conn


def connect(path: Path, key: bytes | None) -> Database:
    """A connection with the station's settings and its key (tools and tests; the app opens
    the database with `open_database`)."""
    return Database(_connection(path, key), execute_plugins=False)


def require_fts5(db: Database) -> None:
    try:
        db.execute("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)")
        db.execute("DROP TABLE temp._fts5_probe")
    except cipher.OperationalError as exc:
        raise StoreError(
            "Bản SQLite của máy này không có chức năng tìm kiếm toàn văn (FTS5): hãy cài lại "
            "ứng dụng từ bộ cài chính thức.",
            "this Python's SQLite has no FTS5 full-text search; install the official "
            "Python build (python.org) whose SQLite includes it",
        ) from exc


def _problem(db: Database, exc: BaseException) -> StoreError | None:
    path = db.path if isinstance(db, StationDatabase) else None
    return storage_problem(exc, database=path, busy_timeout_s=BUSY_TIMEOUT_S)


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """BEGIN IMMEDIATE … COMMIT: takes the write lock first, so two processes never interleave.

    Everything a step writes (dossier, history, outbox event) goes through one of these. A
    database found damaged refuses it (`DatabaseDamaged`); a full disk, a read-only file, a
    lock held too long or damage met on the way become their `StorageProblem` (the English
    detail is kept on the error for the log).
    """
    if isinstance(db, StationDatabase):
        db.health.require_writable()
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except cipher.Error as exc:
        raise (_problem(db, exc) or exc) from exc
    try:
        yield db
    except BaseException as exc:
        if db.conn.in_transaction:
            with contextlib.suppress(*cipher.Error):
                db.conn.execute("ROLLBACK")
        if isinstance(exc, cipher.Error) and (problem := _problem(db, exc)) is not None:
            _note_damage(db, problem)
            raise problem from exc
        raise
    try:
        db.conn.execute("COMMIT")
    except cipher.Error as exc:
        if db.conn.in_transaction:
            with contextlib.suppress(*cipher.Error):
                db.conn.execute("ROLLBACK")
        problem = _problem(db, exc)
        if problem is None:
            raise
        _note_damage(db, problem)
        raise problem from exc


def _note_damage(db: Database, problem: StoreError) -> None:
    from .problems import DatabaseDamaged

    if isinstance(problem, DatabaseDamaged) and isinstance(db, StationDatabase):
        db.health.mark_damaged(problem.detail)


def probe_read_only(path: Path, known: list[str], key: bytes | None = None) -> list[str]:
    """Read the file (with the key) without writing to it: the migrations it has applied.

    Raises `NewerDatabase` when it has applied migrations this app does not know,
    `WrongDatabaseKey` when the key does not open it, and the `StorageProblem` of a file that
    is not a database (or cannot be read).
    """
    try:
        conn = cipher.connect(path, key, read_only=True, timeout=BUSY_TIMEOUT_S)
        try:
            applied = applied_migrations(conn)
        finally:
            conn.close()
    except cipher.Error as exc:
        problem = storage_problem(exc, database=path, busy_timeout_s=BUSY_TIMEOUT_S)
        if key is not None and "not a database" in str(exc).lower():
            problem = WrongDatabaseKey(path, f"{type(exc).__name__}: {exc}")
        raise problem or StoreError(
            f"Không đọc được cơ sở dữ liệu {path}.", f"cannot read {path}: {exc}") from exc
    unknown = [name for name in applied if name not in set(known)]
    if unknown:
        raise NewerDatabase(path, app_level=known[-1] if known else "(không có)",
                            file_level=applied[-1], unknown=unknown, app_version=__version__)
    return applied


def _create_private(path: Path) -> None:
    """Create the database file readable by its owner only (SQLite gives -wal and -shm the
    database's mode)."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))


def open_database(path: Path, key: bytes | None, *, check: Check = "now",
                  before_migrating: Callable[[list[str]], None] | None = None
                  ) -> StationDatabase:
    """Open (creating if needed) the station database and bring its schema up to date, all
    pending migrations in one transaction (a failure leaves the file at its old level).

    `key`: the station's database key (SQLCipher); None only for a plaintext file (the
    bench's comparison, tools). A plaintext file of an older version opened with a key is
    first converted in place (`store.encrypt_in_place`, crash-safe).

    `before_migrating(pending)` is called first when an existing station database has
    migrations to apply (the desk takes a backup there; if it raises, nothing is migrated).

    `check`: "now" runs SQLite's quick check before anything is written (the command line);
    "background" runs it in a thread while the caller goes on (the window: writes wait for
    it), unless a migration is due, in which case it runs now; "once" checks now unless this
    process has already checked the file (the window's sync thread and background jobs, and
    tests); "skip" does not check. The result is shared by every connection of the process
    to the same file (`health_of`).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        known = known_migrations()
        health = health_of(path, key)
        existed = path.exists() and path.stat().st_size > 0
        if key is not None:
            if existed and cipher.is_plaintext(path):
                probe_read_only(path, known)  # a newer app's plaintext file is refused as is
                encrypt_in_place(path, key)
            finish_conversion(path, key)
        applied = probe_read_only(path, known, key) if existed else []
        pending = [name for name in known if name not in set(applied)]
        checked = health.last is not None or health.running
        if existed and (check == "now" or (check in ("background", "once") and pending)
                        or (check == "once" and not checked)):
            health.check()
        if pending and health.problem is not None:
            raise health.problem  # a damaged file is not migrated
        _create_private(path)
        db = StationDatabase(_connection(path, key), path, health, key)
    except cipher.Error as exc:
        raise storage_problem(exc, database=path, busy_timeout_s=BUSY_TIMEOUT_S) or StoreError(
            f"Không mở được cơ sở dữ liệu {path}.", f"cannot open {path}: {exc}") from exc
    except OSError as exc:
        raise storage_problem(exc, database=path) or StoreError(
            f"Không mở được cơ sở dữ liệu {path}.", f"cannot open {path}: {exc}") from exc
    try:
        require_fts5(db)
        if pending and applied and before_migrating is not None:
            before_migrating(pending)
        if pending:
            migrations = load_migrations()
            with write_transaction(db):
                migrations.apply(db)  # applies only what is still pending under the lock
    except BaseException:
        db.close()
        raise
    if existed and check == "background" and not pending:
        health.check_in_background()
    return db

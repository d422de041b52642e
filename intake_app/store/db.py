"""Opening the database: the connection settings, the FTS5 check and the schema migrations."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..domain.errors import StorageProblem
from ..paths import migrations_dir

DATABASE_FILE = "intake.sqlite3"
BUSY_TIMEOUT_S = 30.0


class StoreError(StorageProblem):
    """The database cannot be used (missing FTS5, newer schema, unreadable file)."""


def _sql_statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise StoreError("Tệp nâng cấp cơ sở dữ liệu của bản cài này bị hỏng: hãy cài lại "
                         "ứng dụng.", f"incomplete SQL statement in migration: {pending[:80]!r}")
    return statements


def load_migrations(folder: Path | None = None) -> Migrations:
    """The numbered `db/NNNN_name.sql` files as a sqlite-utils migration set, in order."""
    migrations = Migrations("intake_app")
    for path in sorted((folder or migrations_dir()).glob("[0-9][0-9][0-9][0-9]_*.sql")):
        statements = _sql_statements(path.read_text(encoding="utf-8"))

        def apply(db: Database, statements: list[str] = statements) -> None:
            for statement in statements:
                db.execute(statement)

        migrations(name=path.stem)(apply)
    return migrations


def connect(path: Path) -> Database:
    """A connection with the settings every connection needs (they are per connection)."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed transaction survives a power cut (NORMAL may lose the last ones in WAL).
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    return Database(conn, execute_plugins=False)


def require_fts5(db: Database) -> None:
    try:
        db.execute("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)")
        db.execute("DROP TABLE temp._fts5_probe")
    except sqlite3.OperationalError as exc:
        raise StoreError(
            "Bản SQLite của máy này không có chức năng tìm kiếm toàn văn (FTS5): hãy cài lại "
            "ứng dụng từ bộ cài chính thức.",
            "this Python's SQLite has no FTS5 full-text search; install the official "
            "Python build (python.org) whose SQLite includes it",
        ) from exc


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """BEGIN IMMEDIATE … COMMIT: takes the write lock first, so two processes never interleave.

    Everything a step writes (dossier, history, outbox event) goes through one of these.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def open_database(path: Path) -> Database:
    """Open (creating if needed) the station database and bring its schema up to date."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    require_fts5(db)
    migrations = load_migrations()
    with write_transaction(db):
        migrations.apply(db)
    return db

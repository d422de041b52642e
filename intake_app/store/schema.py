"""Which schema migrations the app carries and which a database file has applied.

Read with the standard library only (no sqlite-utils), so the window can look at a data
folder before opening its store (`store.peek`), as the store does before it opens a file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..paths import migrations_dir

MIGRATION_SET = "intake_app"
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_FILES = "[0-9][0-9][0-9][0-9]_*.sql"  # the only names the loader reads


def migration_files(folder: Path | None = None) -> list[Path]:
    """The numbered `db/NNNN_name.sql` files, in order."""
    return sorted((folder or migrations_dir()).glob(MIGRATION_FILES))


def known_migrations(folder: Path | None = None) -> list[str]:
    """The migrations this app carries (`db/NNNN_name.sql`), in order."""
    return [path.stem for path in migration_files(folder)]


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the file, in the order they were applied."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    [MIGRATIONS_TABLE]).fetchone() is None:
        return []
    return [name for (name,) in conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET])]

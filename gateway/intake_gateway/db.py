"""Database connections by URL: SQLite (embedded default) or PostgreSQL (psycopg 3).

One small interface over both: `?` placeholders in SQL (turned into `%s` for PostgreSQL), a
bounded connection pool, `read()` for autocommit reads and `write(fn)` for one transaction
that is retried when PostgreSQL reports a deadlock or a lost race (`Retry`).
SQLite writes use BEGIN IMMEDIATE (one writer at a time, others wait up to busy_timeout).
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

T = TypeVar("T")
log = logging.getLogger("intake_gateway.db")

DEFAULT_DATABASE_URL = "sqlite:///gateway-data/gateway.sqlite3"
BUSY_TIMEOUT_MS = 30_000
POOL_TIMEOUT_S = 30.0
WRITE_ATTEMPTS = 30


class Unavailable(RuntimeError):
    """The database cannot be reached or stayed busy: answer 503 and let the client retry."""


class Retry(Exception):  # noqa: N818 - a signal, not an error
    """Raised inside a write transaction when a concurrent writer won a race: roll back, redo."""


@dataclass(frozen=True)
class DatabaseUrl:
    backend: Literal["sqlite", "postgres"]
    target: str  # file path for SQLite, conninfo URL for PostgreSQL


def parse_database_url(url: str) -> DatabaseUrl:
    """`sqlite:///relative/path`, `sqlite:////absolute/path` or `postgresql://…`."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if not path or path == ":memory:":
            raise ValueError("SQLite needs a file path: sqlite:///path/gateway.sqlite3")
        return DatabaseUrl("sqlite", path)
    if url.startswith(("postgresql://", "postgres://")):
        return DatabaseUrl("postgres", url)
    raise ValueError(
        f"unsupported database URL {url!r}: use sqlite:///path/gateway.sqlite3 "
        "or postgresql://user:password@host/database"
    )


# An ever-increasing key: the updates feed's order and cursor.
SERIAL_KEY = {
    "sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT",
    "postgres": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
}


def schema_sql(backend: str) -> str:
    script = resources.files(__package__).joinpath("schema.sql").read_text("utf-8")
    return script.replace("{serial_key}", SERIAL_KEY[backend])


class Connection:
    """A DB-API connection with `?` placeholders on both backends."""

    def __init__(self, raw: Any, backend: str):
        self.raw = raw
        self.backend = backend
        self._pg = backend == "postgres"

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self._pg else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(self._sql(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> int:
        """Run `sql` for each row; returns how many rows it changed in all."""
        if not rows:
            return 0
        cursor = self.raw.cursor()
        try:
            cursor.executemany(self._sql(sql), rows)
            return cursor.rowcount
        finally:
            cursor.close()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        return self.execute(sql, params).fetchone()

    def count(self, sql: str, params: Sequence[Any] = ()) -> int:
        """The number a query of one row and one column gives (`SELECT count(*) …`)."""
        row = self.one(sql, params)
        if row is None:
            raise RuntimeError(f"the query gave no row: {sql}")
        return int(row[0])

    def in_list(self, column: str) -> str:
        """SQL for `column IN <one parameter holding a list>`; pass `self.list_param(values)`."""
        if self._pg:
            return f"{column} = ANY(?)"
        return f"{column} IN (SELECT value FROM json_each(?))"

    def list_param(self, values: Sequence[Any]) -> Any:
        if self._pg:
            return list(values)
        import json

        return json.dumps(list(values))


class Database:
    """A pool of connections to one database, with the schema created on first open."""

    def __init__(self, url: str, *, pool_size: int | None = None):
        self.url = parse_database_url(url)
        self.backend = self.url.backend
        size = pool_size or (10 if self.backend == "postgres" else 8)
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[Connection] = []
        self._lock = threading.Lock()
        self.retries = 0  # transactions redone after losing a race (a measure, not an error)
        if self.backend == "sqlite":
            Path(self.url.target).parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as conn:
            self._create_schema(conn)

    # ---- connections ---------------------------------------------------------------------------

    def _connect(self) -> Connection:
        if self.backend == "sqlite":
            lite = sqlite3.connect(self.url.target, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
            lite.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            lite.execute("PRAGMA journal_mode = WAL")
            lite.execute("PRAGMA synchronous = FULL")  # an answered batch survives a power cut
            lite.execute("PRAGMA foreign_keys = ON")
            return Connection(lite, "sqlite")
        import psycopg

        try:
            pg = psycopg.connect(self.url.target, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise Unavailable(f"cannot connect to PostgreSQL: {exc}") from exc
        return Connection(pg, "postgres")

    def _usable(self, conn: Connection) -> bool:
        if self.backend == "sqlite":
            return not conn.raw.in_transaction
        from psycopg.pq import TransactionStatus

        return not conn.raw.closed and conn.raw.info.transaction_status == TransactionStatus.IDLE

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        if not self._slots.acquire(timeout=POOL_TIMEOUT_S):
            raise Unavailable("every database connection stayed busy")
        conn: Connection | None = None
        try:
            with self._lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None:
                conn = self._connect()
            yield conn
        finally:
            if conn is not None:
                if self._usable(conn):
                    with self._lock:
                        self._idle.append(conn)
                else:
                    _close_quietly(conn)
            self._slots.release()

    def close(self) -> None:
        """Close the idle connections (a later use opens new ones)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            _close_quietly(conn)

    # ---- work ----------------------------------------------------------------------------------

    def read(self, fn: Callable[[Connection], T]) -> T:
        """Run `fn` with autocommit statements (each sees committed data)."""
        with self._errors(), self._connection() as conn:
            return fn(conn)

    def write(self, fn: Callable[[Connection], T]) -> T:
        """Run `fn` in one transaction, committed before this returns; retried on races."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._errors(), self._connection() as conn:
                    return self._transaction(conn, fn)
            except Retry:
                self.retries += 1
                time.sleep(random.uniform(0, 0.005 * (attempt + 1)))
        raise Unavailable("too many concurrent writers; try again")

    def _transaction(self, conn: Connection, fn: Callable[[Connection], T]) -> T:
        if self.backend == "sqlite":
            conn.raw.execute("BEGIN IMMEDIATE")
            try:
                result = fn(conn)
            except BaseException:
                conn.raw.execute("ROLLBACK")
                raise
            conn.raw.execute("COMMIT")
            return result
        import psycopg.errors as pg_errors

        try:
            with conn.raw.transaction():
                return fn(conn)
        except (pg_errors.DeadlockDetected, pg_errors.SerializationFailure) as exc:
            log.info("PostgreSQL %s: redoing the transaction", type(exc).__name__)
            raise Retry() from exc

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn 'cannot reach or lock the database' into Unavailable."""
        if self.backend == "sqlite":
            try:
                yield
            except sqlite3.OperationalError as exc:
                message = str(exc)
                if "locked" in message or "busy" in message or "unable to open" in message:
                    raise Unavailable(f"SQLite: {message}") from exc
                raise
            return
        import psycopg

        try:
            yield
        except psycopg.OperationalError as exc:
            raise Unavailable(f"PostgreSQL: {exc}") from exc

    def _create_schema(self, conn: Connection) -> None:
        script = schema_sql(self.backend)
        if self.backend == "sqlite":
            conn.raw.executescript(script)
            return
        with conn.raw.transaction():
            # Several workers may start at once: one creates the schema, the others wait.
            conn.raw.execute("SELECT pg_advisory_xact_lock(7423001)")
            conn.raw.execute(script)


def _close_quietly(conn: Connection) -> None:
    with suppress(Exception):  # closing a broken connection must not raise
        conn.raw.close()

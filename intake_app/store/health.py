"""SQLite's own checks of the station database, and the repair of a damaged search index.

`check_database(path)` runs `PRAGMA quick_check` (every page's structure, in about 6 ms per
1,000 dossiers) and the full-text index's `integrity-check` on a connection of its own, so it
can run beside the app's connection (the window runs it in the background at start and once a
day). What it finds:

- nothing: the file is sound;
- damage confined to the search index (`dossiers_fts`: every other table passes its own quick
  check): the index is rebuilt from the dossiers, which are the source of truth; when its
  pages themselves are broken, its entries are removed from the schema, `VACUUM` rewrites
  the file without the broken pages, and the index is created again;
- anything else: the file is damaged. `StoreHealth` then refuses every write transaction with
  a `DatabaseDamaged`, so nothing new goes into a damaged file.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import cipher
from .problems import DatabaseDamaged, StoreError, is_corruption, storage_problem

log = logging.getLogger(__name__)

FTS_TABLE = "dossiers_fts"
FTS_SHADOW_PREFIX = f"{FTS_TABLE}_"
# The index's check is an INSERT: it waits this long for another writer, then is skipped (a
# busy counter is not a damaged index; the next check runs it).
INDEX_CHECK_TIMEOUT_S = 1.0


@dataclass(frozen=True)
class CheckResult:
    """What one check of the database found."""

    ok: bool
    problems: tuple[str, ...] = ()  # SQLite's own words (English), for the log
    index_rebuilt: bool = False  # the search index was damaged and has been rebuilt
    seconds: float = 0.0


def summary(problems: tuple[str, ...] | list[str], lines: int = 8) -> str:
    """SQLite's findings, shortened for the log (a damaged file can list thousands of pages)."""
    found = [line for problem in problems for line in problem.splitlines() if line.strip()]
    more = f" … ({len(found) - lines} more)" if len(found) > lines else ""
    return "; ".join(found[:lines]) + more


def _connect(path: Path, key: bytes | None, *, read_only: bool,
             timeout: float) -> cipher.Connection:
    return cipher.connect(path, key, read_only=read_only, timeout=timeout)


def quick_check(conn: cipher.Connection, table: str | None = None) -> list[str]:
    """`PRAGMA quick_check`: [] when sound, else SQLite's lines (an error counts as one)."""
    sql = f'PRAGMA quick_check("{table}")' if table else "PRAGMA quick_check"
    try:
        lines = [str(row[0]) for row in conn.execute(sql)]
    except cipher.DatabaseError as exc:
        if not is_corruption(exc):
            raise
        return [f"{type(exc).__name__}: {exc}"]
    return [] if lines == ["ok"] else lines


def search_index_sound(conn: cipher.Connection) -> bool:
    """FTS5's own `integrity-check`: the index matches the dossiers' search text.

    The check is an INSERT statement, so it needs a connection that may write (it changes
    nothing). Only damage counts: a check that cannot run (a read-only file, a lock held
    too long, no index yet) says nothing against the index and is logged.
    """
    try:
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')")
    except cipher.DatabaseError as exc:
        if not is_corruption(exc):
            log.info("search index integrity-check not run: %s", exc)
            return True
        log.warning("search index integrity-check failed: %s", exc)
        return False
    return True


def _tables(conn: cipher.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]


def damage_confined_to_index(connect: Callable[[], cipher.Connection]) -> bool:
    """Every table but the search index's passes its own quick check.

    Each table is checked on a new connection from `connect`: SQLCipher puts a connection
    that met a page failing its authentication into an error state where every later read
    fails too, so one damaged table would hide the soundness of all the others.
    """
    def sound(name: str | None) -> bool:
        conn = connect()
        try:
            return not quick_check(conn, name) if name else True
        finally:
            conn.close()

    try:
        conn = connect()
        try:
            tables = _tables(conn)
        finally:
            conn.close()
    except cipher.DatabaseError:
        return False  # the schema itself cannot be read
    return all(sound(name) for name in tables
               if name != FTS_TABLE and not name.startswith(FTS_SHADOW_PREFIX))


def rebuild_search_index(conn: cipher.Connection) -> None:
    """Rebuild the index from the dossiers (its pages are sound, its content is not)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def recreate_search_index(conn: cipher.Connection,
                          blank: Callable[[list[int]], None] | None = None) -> None:
    """The index's own pages are broken: take it out of the schema, let VACUUM drop the
    broken pages, then create the index and its triggers again and fill it from the dossiers.

    Only the index's entries are removed from `sqlite_master` (SQLite's documented way out
    when a table's pages cannot be read); the dossiers, their history and their events are
    copied by VACUUM as they are.
    """
    objects = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name = ? OR name LIKE ? "
        "OR (type = 'trigger' AND sql LIKE ?) ORDER BY rowid",
        [FTS_TABLE, f"{FTS_SHADOW_PREFIX}%", f"%{FTS_TABLE}%"]).fetchall()
    recreate = [sql for kind, name, sql in objects
                if sql and (name == FTS_TABLE or kind == "trigger")]
    if not any(name == FTS_TABLE for _, name, _ in objects):
        raise RuntimeError("no search index in the schema to recreate")
    names = [name for _, name, _ in objects]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"DELETE FROM sqlite_master WHERE name IN "
                         f"({', '.join('?' for _ in names)})", names)
            version = conn.execute("PRAGMA schema_version").fetchone()[0]
            conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    if blank is not None:  # SQLCipher: VACUUM reads every page, the orphans included
        orphans = [int(number) for line in quick_check(conn) for number in
                   re.findall(r"Page (\d+): never used", line)]
        if orphans:
            blank(orphans)
    conn.execute("VACUUM")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for sql in recreate:
            conn.execute(sql)
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def check_database(path: Path, key: bytes | None = None, *, repair: bool = True,
                   timeout: float = 30.0) -> CheckResult:
    """Check the database at `path` (and repair its search index if that is all that is
    damaged and `repair` is set). Raises a `StoreError` when the file cannot be read at all.
    """
    started = time.perf_counter()
    try:
        conn = _connect(path, key, read_only=True, timeout=timeout)
        try:
            problems = quick_check(conn)
        finally:
            conn.close()
        confined = bool(problems) and damage_confined_to_index(
            lambda: _connect(path, key, read_only=True, timeout=timeout))
        index_sound = True
        if not problems:
            conn = _connect(path, key, read_only=False, timeout=min(timeout, INDEX_CHECK_TIMEOUT_S))
            try:
                index_sound = search_index_sound(conn)
            finally:
                conn.close()
    except cipher.Error as exc:
        raise storage_problem(exc, database=path) or StoreError(
            f"Không đọc được cơ sở dữ liệu {path}.", str(exc)) from exc
    if not problems and index_sound:
        return CheckResult(True, seconds=time.perf_counter() - started)
    if problems and not confined:
        return CheckResult(False, tuple(problems), seconds=time.perf_counter() - started)
    if not repair:
        return CheckResult(False, tuple(problems) or ("search index damaged",),
                           seconds=time.perf_counter() - started)
    log.warning("the search index of %s is damaged (%s); rebuilding it from the dossiers",
                path, summary(problems) or "integrity-check failed")
    try:
        conn = _connect(path, key, read_only=False, timeout=timeout)
        try:
            if problems:
                page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
                recreate_search_index(conn, None if key is None else (
                    lambda pages: cipher.blank_pages(path, key, pages, page_size)))
            else:
                rebuild_search_index(conn)
            after = quick_check(conn)
            sound = not after and search_index_sound(conn)
        finally:
            conn.close()
    except cipher.Error as exc:
        problem = storage_problem(exc, database=path)
        if problem is not None and not isinstance(problem, DatabaseDamaged):
            raise problem from exc
        log.error("could not rebuild the search index of %s: %s", path, exc)
        return CheckResult(False, (*problems, f"rebuild failed: {exc}"),
                           seconds=time.perf_counter() - started)
    if not sound:
        return CheckResult(False, (*problems, *after, "still damaged after the rebuild"),
                           seconds=time.perf_counter() - started)
    log.warning("search index of %s rebuilt; the database passes its quick check", path)
    return CheckResult(True, tuple(problems), index_rebuilt=True,
                       seconds=time.perf_counter() - started)


_registry: dict[str, StoreHealth] = {}
_registry_lock = threading.Lock()


def health_of(path: Path, key: bytes | None = None) -> StoreHealth:
    """The one `StoreHealth` of the database file at `path` in this process (every Desk of
    the window, its sync thread and its background jobs share it: damage found by one is
    refused to all). `key`: the database key its checks open the file with (kept from the
    store's opening; a later call without one keeps it)."""
    name = str(Path(path).resolve())
    with _registry_lock:
        health = _registry.get(name)
        if health is None:
            health = _registry[name] = StoreHealth(Path(path))
        if key is not None:
            health.key = key
        return health


class StoreHealth:
    """The latest check of one database, shared by its connections in this process.

    `require_writable()` is called before every write transaction: it waits for a check still
    running (in the background) and raises `DatabaseDamaged` when the last check failed.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.key: bytes | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._done.set()
        self._problem: StoreError | None = None
        self.last: CheckResult | None = None
        self.checked_at: float | None = None  # time.monotonic() of the last finished check

    @property
    def problem(self) -> StoreError | None:
        """The problem found by the last finished check (None: sound or not checked)."""
        return self._problem

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def mark_damaged(self, detail: str) -> DatabaseDamaged:
        problem = DatabaseDamaged(self.path, detail)
        self._problem = problem
        return problem

    def check(self) -> CheckResult:
        """Check now (in this thread); the result applies to every later write."""
        with self._lock:
            self._done.clear()
            try:
                try:
                    result = check_database(self.path, self.key)
                except StoreError as exc:
                    self._problem = exc
                    raise
                self.last = result
                self.checked_at = time.monotonic()
                if result.ok:
                    self._problem = None
                else:
                    log.error("database check of %s failed (quick check): %s", self.path,
                              summary(result.problems, 40))
                    self._problem = DatabaseDamaged(self.path, summary(result.problems))
                return result
            finally:
                self._done.set()

    def check_in_background(self) -> threading.Thread:
        """Start a check in a thread of its own; writes wait for it (`require_writable`)."""
        self._done.clear()  # from now: a write started before the thread runs waits too

        def run() -> None:
            try:
                self.check()
            except Exception:  # noqa: BLE001 - logged; the problem is kept for the writes
                log.exception("background database check of %s failed", self.path)
                self._done.set()

        thread = threading.Thread(target=run, name="store-check", daemon=True)
        thread.start()
        return thread

    def require_writable(self) -> None:
        """Raise the problem of the last check (waiting for one that is running)."""
        self._done.wait()
        if self._problem is not None:
            raise self._problem

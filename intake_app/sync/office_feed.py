"""A counter in an office without its window (`intake-app office run`): the sync runner
against the hub, woken within a quarter second of every local commit (docs/office-hub.md §2.3:
a headless counter polls `PRAGMA data_version`; the window nudges its runner directly)."""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path

from .runner import SyncRunner

log = logging.getLogger(__name__)

HUB_INTERVAL_S = 5.0  # between full syncs with the hub while all is calm
WATCH_S = 0.25


def watch_commits(data_dir: Path, on_change, stop: threading.Event) -> None:
    """Call `on_change()` whenever another connection commits to the station's database."""
    import sqlite3

    from ..store.db import DATABASE_FILE

    conn = sqlite3.connect(data_dir / DATABASE_FILE, check_same_thread=False)
    try:
        last = conn.execute("PRAGMA data_version").fetchone()[0]
        while not stop.wait(WATCH_S):
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version != last:
                last = version
                on_change()
    finally:
        conn.close()


def run_counter(data_dir: Path) -> int:
    """Sync with the hub until SIGTERM/SIGINT; returns the exit status."""
    stop = threading.Event()
    runner = SyncRunner(data_dir, interval=HUB_INTERVAL_S, probe_interval=5.0,
                        backoff_base=1.0, backoff_cap=30.0)

    def finish(*_: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    runner.start()
    watcher = threading.Thread(target=watch_commits, args=(data_dir, runner.nudge, stop),
                               name="commit-watch", daemon=True)
    watcher.start()
    stop.wait()
    runner.stop()
    return 0

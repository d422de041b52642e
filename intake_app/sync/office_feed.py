"""A counter's side of the office feed (docs/office-hub.md §2.3, §6.3), and a counter without
its window (`intake-app office run`).

`OfficeFeed` long-polls `GET /office/v1/feed` in its own thread (its own Desk), so a 25 s
wait never delays a push; each page is applied in one transaction together with the new
cursor. `run_counter` runs it beside the sync runner against the hub, the runner woken within
a tenth of a second of every local commit (a headless counter polls `PRAGMA data_version`; the
window nudges its runner directly).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.clock import iso
from ..domain.office import FEED_CURSOR, FEED_STATE, HUB_URL_KEY, PIN_PEM_KEY
from ..store import office as office_store
from ..store import sync_state
from ..store.db import write_transaction
from .client import GatewayClient, NoAnswer
from .runner import SyncRunner

log = logging.getLogger(__name__)

HUB_INTERVAL_S = 5.0  # between full syncs with the hub while all is calm
WATCH_S = 0.1
FEED_WAIT_S = 25.0
FEED_PAGE = 500
BACKOFF_BASE_S, BACKOFF_CAP_S = 1.0, 30.0


class OfficeFeed:
    """The feed thread of one counter's data folder."""

    def __init__(self, data_dir: Path, *, wait_s: float = FEED_WAIT_S,
                 desk_factory: Callable[[], Any] | None = None,
                 on_applied: Callable[[office_store.FeedApplied], None] | None = None,
                 only_if_joined: bool = False):
        self.data_dir = Path(data_dir)
        self.only_if_joined = only_if_joined  # the window's: ends at once outside an office
        self.wait_s = wait_s
        self.desk_factory = desk_factory
        self.on_applied = on_applied
        self.pages = 0
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="office-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)  # a long-poll in flight ends with the process

    def _open_desk(self) -> Any:
        if self.desk_factory is not None:
            return self.desk_factory()
        from ..desk import Desk

        return Desk(self.data_dir)

    def _run(self) -> None:
        try:
            desk = self._open_desk()
        except Exception:
            log.exception("office feed: cannot open %s", self.data_dir)
            return
        delay = BACKOFF_BASE_S
        try:
            if self.only_if_joined and not desk.setting(HUB_URL_KEY):
                return
            while not self._stop.is_set():
                try:
                    self._follow(desk)
                    delay = BACKOFF_BASE_S
                except (NoAnswer, FeedRefused) as exc:
                    self.last_error = str(exc)
                    log.info("office feed: %s; again in %.0f s", exc, delay)
                    if self._stop.wait(delay):
                        return
                    delay = min(BACKOFF_CAP_S, delay * 2)
                except Exception as exc:  # a bug must not stop the feed for good
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    log.exception("office feed failed")
                    if self._stop.wait(BACKOFF_CAP_S):
                        return
        finally:
            desk.close()

    def _follow(self, desk: Any) -> None:
        """Read and apply pages until stopped or the hub fails (raises)."""
        url = desk.setting(HUB_URL_KEY)
        if not url:
            self._stop.wait(5.0)
            return
        token = desk.sync.token()
        if not token:
            raise FeedRefused("no LAN token in the credential store")
        resumed = desk.office.handover.resume_releases()
        if resumed:
            log.info("office feed: releases resumed at start: %s", resumed)
        with GatewayClient(url, token, pinned_pem=desk.setting(PIN_PEM_KEY),
                           read_timeout=self.wait_s + 10) as client:
            while not self._stop.is_set():
                self.read_page(desk, client, self.wait_s)

    def read_page(self, desk: Any, client: GatewayClient, wait: float) -> int:
        """One page: asked, applied with the cursor in one transaction; entries applied."""
        db = desk.db
        cursor = int(sync_state.get(db, FEED_CURSOR) or 0)
        answer = client.office_feed(cursor, FEED_PAGE, wait)
        data = answer.json()
        if answer.status != 200 or not isinstance(data, dict):
            raise FeedRefused(f"the hub's feed answered {answer.status}: {answer.text(200)}")
        entries = data.get("entries") or []
        with write_transaction(db):
            applied = office_store.apply_entries(db, entries)
            next_cursor = int(data.get("next") or cursor)
            sync_state.put(db, FEED_CURSOR, next_cursor)
            sync_state.put(db, FEED_STATE, {"at": iso(desk.clock()), "head": data.get("head"),
                                            "cursor": next_cursor})
        self.pages += 1
        self._hand_over(desk, applied)
        if self.on_applied is not None and applied.codes:
            self.on_applied(applied)
        return len(entries)

    @staticmethod
    def _hand_over(desk: Any, applied: office_store.FeedApplied) -> None:
        """After the page's commit: release what the hub asks this counter to release, and
        write the hand-over event of a grant to this counter that its claimant did not
        write (it was killed after the grant, §7.2)."""
        if not (applied.release_requests or applied.grants or applied.configs):
            return
        from ..domain.errors import DeskError

        for section, version in applied.configs:
            try:
                desk.office.shared.refresh(section, version)
            except DeskError as exc:
                log.warning("the office's %s not copied yet: %s", section, exc.detail)
        handover = desk.office.handover
        for request in applied.release_requests:
            try:
                outcome = handover.release(request)
            except DeskError as exc:
                log.warning("release of %s failed: %s", request.get("dossier_id"), exc.detail)
                continue
            if outcome != "not_asked":
                log.info("release of %s: %s", request.get("dossier_id"), outcome)
        for grant in applied.grants:
            try:
                handover.write_handover(grant, clerk=str(grant.get("actor") or ""))
            except DeskError as exc:
                log.info("hand-over event of %s not written yet: %s", grant.get("dossier_id"),
                         exc.detail)


class FeedRefused(Exception):
    """The hub answered the feed with an error (401 after a revocation, 5xx)."""


def watch_commits(data_dir: Path, on_change: Callable[[], None], stop: threading.Event) -> None:
    """Call `on_change()` whenever another connection commits a new outbox event (the sync's
    and the feed's own commits change `data_version` too, but add no event). Its own Desk:
    the database is encrypted, only the store's door opens it."""
    from ..desk import Desk

    desk = Desk(data_dir)

    def newest() -> int:
        return int(desk.db.execute("SELECT coalesce(max(id), 0) FROM outbox").fetchone()[0])

    try:
        last = desk.db.execute("PRAGMA data_version").fetchone()[0]
        seen = newest()
        while not stop.wait(WATCH_S):
            version = desk.db.execute("PRAGMA data_version").fetchone()[0]
            if version == last:
                continue
            last = version
            if (top := newest()) > seen:
                seen = top
                on_change()
    finally:
        desk.close()


def run_counter(data_dir: Path) -> int:
    """Sync with the hub and follow its feed until SIGTERM/SIGINT; the exit status."""
    stop = threading.Event()
    runner = SyncRunner(data_dir, interval=HUB_INTERVAL_S, probe_interval=5.0,
                        backoff_base=1.0, backoff_cap=30.0)
    feed = OfficeFeed(data_dir)

    def finish(*_: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    runner.start()
    feed.start()
    watcher = threading.Thread(target=watch_commits, args=(data_dir, runner.nudge, stop),
                               name="commit-watch", daemon=True)
    watcher.start()
    stop.wait()
    feed.stop()
    runner.stop()
    return 0

"""The background runner: syncs in its own thread (its own Desk), never blocking the window.

It runs a full sync at start, then:
- every `interval` while all is well (sooner when nudged after a new event);
- when the gateway's health fails (offline): probes again with back-off, at most every
  `probe_interval`, and syncs at once when it answers;
- after a failed sync (5xx, broken or timed-out connection, unusable answer): waits the
  exponential back-off with jitter (5 s → 15 min), probing health meanwhile: when health comes
  back after failing, it restarts at once;
- after 429/503: waits Retry-After;
- after 401/403 or without settings: waits for a new token or settings, or "Sync now";
- "Sync now" wakes it at once and lifts a 401/403 or 422 stop for one try.

`stop()` wakes it and joins with a timeout; the thread is a daemon, so a request stuck in the
network never keeps the app from closing. The wait is injectable (`wait(event, seconds)`), so
tests never sleep for real minutes.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from ..domain.clock import iso, now_vn
from ..domain.sync_rules import BACKOFF_BASE_S, BACKOFF_CAP_S, backoff_delay
from .engine import ClientFactory, Syncer, SyncResult, TokenProvider, default_client

log = logging.getLogger(__name__)

INTERVAL_S = 60.0  # between syncs while all is well
PROBE_INTERVAL_S = 60.0  # longest gap between health probes while offline or backing off
IDLE_INTERVAL_S = 300.0  # re-check of settings/token while not configured or refused

WAIT_FOR_PERSON = ("not_configured", "no_token", "auth")
CALM = (None, "envelope", "envelope_held", "busy")


def _wait(event: threading.Event, seconds: float) -> bool:
    return event.wait(seconds)


KEPT_DELAYS = 1000


class SyncRunner:
    """One background sync thread for a data folder."""

    def __init__(self, data_dir: Path, *,
                 on_status: Callable[[Any], None] | None = None,
                 on_result: Callable[[SyncResult], None] | None = None,
                 token_provider: TokenProvider | None = None,
                 client_factory: ClientFactory = default_client,
                 interval: float = INTERVAL_S, probe_interval: float = PROBE_INTERVAL_S,
                 idle_interval: float = IDLE_INTERVAL_S,
                 backoff_base: float = BACKOFF_BASE_S, backoff_cap: float = BACKOFF_CAP_S,
                 rng: Callable[[], float] = random.random,
                 wait: Callable[[threading.Event, float], bool] = _wait,
                 desk_factory: Callable[[], Any] | None = None,
                 max_events: int | None = None):
        self.data_dir = Path(data_dir)
        self.on_status = on_status
        self.on_result = on_result
        self.token_provider = token_provider
        self.client_factory = client_factory
        self.interval = interval
        self.probe_interval = probe_interval
        self.idle_interval = idle_interval
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.rng = rng
        self.wait = wait
        self.desk_factory = desk_factory
        self.max_events = max_events
        # (why, seconds) of the last waits, newest last; trimmed: the thread runs for days.
        self.delays: list[tuple[str, float]] = []
        self.last_result: SyncResult | None = None
        self.online: bool | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._forced = False
        self._calm = False
        self._nudged = False
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # ---- control, from any thread ------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask the thread to stop and wait up to `timeout`; True if it has stopped."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def sync_now(self) -> None:
        """"Sync now": at once, and past a 401/403 or 422 stop for one try."""
        with self._lock:
            self._forced = True
        self._wake.set()
        if not self.running and not self._stop.is_set():
            self.start()

    def nudge(self) -> None:
        """Something new to send: sync soon if all is calm (never cuts a back-off short); a
        nudge during a sync makes the next one start as soon as that one ends calmly."""
        if self._calm:
            self._wake.set()
        else:
            self._nudged = True

    # ---- the thread --------------------------------------------------------------------------

    def _open_desk(self) -> Any:
        if self.desk_factory is not None:
            return self.desk_factory()
        from ..desk import Desk

        return Desk(self.data_dir)

    def _run(self) -> None:
        try:
            desk = self._open_desk()
        except Exception:
            log.exception("sync: cannot open the data folder %s", self.data_dir)
            return
        try:
            syncer = Syncer(desk, token_provider=self.token_provider,
                            client_factory=self.client_factory, max_events=self.max_events)
            attempt = 0
            while not self._stop.is_set():
                with self._lock:
                    forced, self._forced = self._forced, False
                self._wake.clear()
                self._calm = False
                self._nudged = False
                self._publish(desk, syncing=True)
                try:
                    result = syncer.run(forced=forced)
                except Exception as exc:  # a bug must not kill the thread for good
                    log.exception("sync failed")
                    result = SyncResult(stopped="crash", error=f"{type(exc).__name__}: {exc}")
                self.last_result = result
                if result.online is not None:
                    self.online = result.online
                if self.on_result is not None and not self._stop.is_set():
                    self.on_result(result)
                why, delay, probing, attempt = self.next_wait(result, attempt)
                self._calm = result.stopped in CALM
                if self._calm and self._nudged:
                    self._wake.set()  # something new came while it was sending
                self.delays.append((why, delay))
                del self.delays[:-KEPT_DELAYS]
                self._publish(desk, next_attempt_at=iso(now_vn() + timedelta(seconds=delay)))
                self._sleep(delay, probing, syncer, desk)
        finally:
            desk.close()

    def next_wait(self, result: SyncResult, attempt: int) -> tuple[str, float, bool, int]:
        """(why, seconds, probe health meanwhile, next attempt number) after `result`."""
        stopped = result.stopped
        if result.ok or stopped in CALM:
            return stopped if stopped and not result.ok else "ok", self.interval, False, 0
        if stopped in WAIT_FOR_PERSON:
            return stopped, self.idle_interval, False, 0
        attempt += 1
        if stopped == "throttled" and result.retry_after is not None:
            return "retry_after", result.retry_after, False, attempt
        delay = backoff_delay(attempt, self.rng(), base=self.backoff_base,
                              cap=self.backoff_cap)
        if stopped == "offline":
            return "offline", min(delay, self.probe_interval), False, attempt
        return "backoff", delay, True, attempt

    def _sleep(self, delay: float, probing: bool, syncer: Syncer, desk: Any) -> None:
        """Wait `delay` seconds unless woken; while backing off, probe health at least every
        `probe_interval` and end the wait when it answers again after failing."""
        remaining = delay
        health_failed = False
        while remaining > 0 and not self._stop.is_set():
            step = min(remaining, self.probe_interval) if probing else remaining
            if self.wait(self._wake, step):
                return  # "Sync now", a nudge, or stop
            remaining -= step
            if remaining <= 0 or not probing or self._stop.is_set():
                return
            online = syncer.probe()
            if online is not None and online != self.online:
                self.online = online
                self._publish(desk)
            if online is False:
                health_failed = True
            elif online and health_failed:
                log.info("sync: the gateway answers again; syncing now")
                return

    def _publish(self, desk: Any, **live: Any) -> None:
        if self.on_status is None or self._stop.is_set():
            return  # stopping: the window may be going away
        try:
            status = desk.sync.status().live(online=self.online, **live)
        except Exception:
            log.exception("sync: cannot read the sync status")
            return
        self.on_status(status)

"""The hub's forwarder (docs/office-hub.md §4): every event the counters sent, to the province,
exactly once, under the token of the station whose code the dossier carries.

It is the station's own `Sender` run per owner station on the hub's forward queue: batches of
at most 500 events and 5 MiB, the batch id committed before the post, `duplicate` counted as
delivered, 409 resent under a new id, 413 halved, 401/403 stop that station, 429/503 wait
Retry-After, everything else backs off (5 s doubling to 15 min, with jitter). The province's
idempotency by `event_id` makes every resend safe: at least once from the hub + `duplicate` =
exactly once at the province.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..domain.clock import iso, now_vn
from ..domain.sync_rules import (
    BACKOFF_BASE_S,
    BACKOFF_CAP_S,
    MAX_BATCH_EVENTS,
    EventResult,
    backoff_delay,
)
from ..sync.client import GatewayClient
from ..sync.sender import Identity, Sender

log = logging.getLogger(__name__)

IDLE_S = 30.0  # longest sleep when nothing is due (a new event wakes it at once)
UPDATES_EVERY_S = 30.0  # the province's updates are asked for this often per station
AUTH_WAIT_S = 300.0  # a refused token is tried again after this (or a new token)


class HubQueue:
    """One owner station's part of the hub's forward queue, as the sender's queue."""

    def __init__(self, store: Any, station_no: int):
        self.store = store
        self.station_no = station_no

    def pending_rows(self, limit: int) -> list[tuple[int, str, str]]:
        return self.store.forward_pending(self.station_no, limit)

    def audit_head(self) -> dict[str, Any] | None:
        return None  # the counters' audit heads are not passed on yet (§4)

    def claim(self, ids: list[int], batch_id: str, at: str) -> None:
        self.store.forward_claim(ids, batch_id)

    def release(self, batch_id: str, at: str) -> None:
        self.store.forward_release(batch_id)

    def apply_results(self, batch_id: str, results: list[EventResult],
                      audit_head: dict[str, Any] | None, at: str) -> None:
        self.store.forward_results(batch_id, [(r.event_id, r.state, r.code, r.message)
                                              for r in results])
        for result in [r for r in results if r.status == "rejected"][:50]:
            self.log(at, "warning", "rejected",
                     f"event {result.event_id} rejected by the province: {result.code}",
                     {"message": result.message, "batch_id": batch_id})

    def park(self, event_id: str, code: str, message: str, at: str, why: str) -> None:
        self.store.forward_park(event_id, code, message)
        self.log(at, "error", code, f"event {event_id} parked: {why}", None)

    def hold_envelope(self, error: dict[str, Any], at: str) -> None:
        self.log(at, "error", "envelope", f"the province refused the batch envelope (422): "
                 f"{error['error']} {error['message']}", error)

    def log(self, at: str, level: str, kind: str, message: str,
            detail: dict[str, Any] | None) -> None:
        self.store.forward_log(self.station_no, level, kind, message, detail)


@dataclass(frozen=True)
class Province:
    gateway_url: str
    ca_file: str | None = None


@dataclass
class StationState:
    attempt: int = 0
    next_try: float = 0.0
    last_error: str | None = None
    last_success: float | None = None


class Forwarder:
    """One thread forwarding every owner station's queue to the province."""

    def __init__(self, store: Any, unit_code: str, *,
                 province: Callable[[], Province | None],
                 token_for: Callable[[int], str | None],
                 backoff_base: float = BACKOFF_BASE_S, backoff_cap: float = BACKOFF_CAP_S,
                 max_events: int = MAX_BATCH_EVENTS, updates_every: float = UPDATES_EVERY_S,
                 rng: Callable[[], float] = random.random):
        self.store = store
        self.unit_code = unit_code
        self.province = province
        self.token_for = token_for
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.rng = rng
        self.max_events = max_events
        self.updates_every = updates_every
        self.states: dict[int, StationState] = {}
        self.updates_due: dict[int, float] = {}  # station → when to ask for updates next
        self.last_success_at: str | None = None  # ISO, the last pass that emptied a queue
        self.last_failure_at: str | None = None
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="hub-forwarder", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self.store.changed:
            self.store.changed.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        reset = self.store.forward_reset_sending()
        if reset:
            self.store.forward_log(None, "info", "reset",
                                   f"{reset} events left sending went back to pending")
        while not self._stop.is_set():
            generation = self.store.generation
            try:
                wait = self.pass_once()
            except Exception:  # a bug must not stop forwarding for good
                log.exception("forwarder pass failed")
                wait = self.backoff_base
            if self._stop.is_set():
                return
            self.store.wait_change(generation, wait)

    def province_state(self) -> dict[str, Any]:
        """For the hub's health: whether the province answered the last forwarding."""
        reachable = None
        if self.last_success_at or self.last_failure_at:
            reachable = (self.last_failure_at or "") <= (self.last_success_at or "")
        return {"reachable": reachable, "last_success": self.last_success_at,
                "last_failure": self.last_failure_at, "error": self.last_error}

    def pass_once(self) -> float:
        """Forward every station that is due; seconds until the next one is due."""
        now = time.monotonic()
        stations = self.store.forward_stations()
        for station_no in stations:
            state = self.states.setdefault(station_no, StationState())
            if state.next_try <= now and not self._stop.is_set():
                self._forward(station_no, state)
        self._pull_updates()
        now = time.monotonic()
        due = [self.states[k].next_try - now for k in stations if k in self.states]
        due += [when - now for when in self.updates_due.values()]
        return max(0.05, min([IDLE_S, *due]))

    def _pull_updates(self) -> None:
        """The province's updates for each counter station (under its token), kept at the
        hub for every counter; at most every UPDATES_EVERY_S per station, never while that
        station's forwarding backs off."""
        from ..domain.sync_rules import UPDATES_PAGE_LIMIT
        from ..sync.client import NoAnswer

        province = self.province()
        if province is None:
            return
        for counter in self.store.counters():
            station_no = int(counter["station_no"])
            now = time.monotonic()
            state = self.states.get(station_no)
            if self.updates_due.get(station_no, 0.0) > now or (
                    state is not None and state.next_try > now):
                continue
            self.updates_due[station_no] = now + self.updates_every
            token = self.token_for(station_no)
            if not token:
                continue
            try:
                with GatewayClient(province.gateway_url, token, ca_file=province.ca_file,
                                   user_agent=f"intake-hub/{__version__}") as client:
                    for _ in range(100):
                        answer = client.updates(self.store.province_cursor(station_no),
                                                UPDATES_PAGE_LIMIT)
                        data = answer.json()
                        if answer.status != 200 or not isinstance(data, dict):
                            break
                        page = [u for u in data.get("updates") or [] if isinstance(u, dict)]
                        self.store.add_province_updates(station_no, page,
                                                        data.get("next_cursor"))
                        if not page:
                            break
            except NoAnswer as exc:
                log.info("province updates for station %s: %s", station_no, exc)

    def _forward(self, station_no: int, state: StationState) -> None:
        province = self.province()
        token = self.token_for(station_no)
        if province is None or not token:
            state.last_error = "no province gateway" if province is None else "no province token"
            self.last_failure_at, self.last_error = iso(now_vn()), state.last_error
            state.next_try = time.monotonic() + AUTH_WAIT_S
            return
        client = GatewayClient(province.gateway_url, token, ca_file=province.ca_file,
                               user_agent=f"intake-hub/{__version__}")
        with client:
            sender = Sender(None, client, Identity(self.unit_code, station_no, __version__),
                            clock=now_vn, queue=HubQueue(self.store, station_no),
                            max_events=self.max_events)
            report = sender.send_all()
        if report.complete or report.stopped is None:
            state.attempt, state.next_try, state.last_error = 0, 0.0, None
            state.last_success = time.time()
            self.last_success_at = iso(now_vn())
            return
        state.last_error = report.error
        self.last_failure_at, self.last_error = iso(now_vn()), report.error
        if report.stopped == "auth":
            state.next_try = time.monotonic() + AUTH_WAIT_S
            return
        if report.stopped == "throttled" and report.retry_after is not None:
            state.next_try = time.monotonic() + report.retry_after
            return
        state.attempt += 1
        state.next_try = time.monotonic() + backoff_delay(
            state.attempt, self.rng(), base=self.backoff_base, cap=self.backoff_cap)

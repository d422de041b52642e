"""Sending the outbox: pending events in id order, in batches of at most 500 events and 5 MiB.

For each batch: the events are marked `sending` under a new `batch_id` and that is committed;
the gzipped body is posted; then the answer decides (docs/sync-protocol.md, `POST /v1/batches`):

- 200: every result applied in one transaction (accepted/duplicate → delivered, rejected →
  parked with its code and message, shown to a person, never resent by itself);
- 401/403: events back to pending, sync stops and says so (the state keeps it for the window);
- 409: the batch_id was already used for other events: the fault is logged and the events are
  sent again at once under a new batch_id;
- 413: the batch is halved (a single event too large is parked as `too_large`);
- 422: events back to pending, the envelope error kept for the supervisor, no resend until
  "Sync now";
- 429/503: events back to pending, wait Retry-After; other answers, broken or timed-out
  connections: events back to pending, back off. An answer that never came is not the events'
  failure: they are sent again, and the gateway answers a repeat as `duplicate`.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlite_utils import Database

from ..domain.clock import iso
from ..domain.events import new_uuid
from ..domain.sync_rules import (
    MAX_BATCH_EVENTS,
    MAX_BODY_BYTES,
    TOO_LARGE_CODE,
    Answer,
    EventResult,
    ProtocolError,
    classify,
    events_that_fit,
    parse_results,
    parse_server_time,
    retry_after_seconds,
)
from ..store import outbox, sync_state
from ..store.db import write_transaction
from . import audit_head
from .client import GatewayClient, NoAnswer, Response

log = logging.getLogger(__name__)

MAX_REPLAYS = 3  # 409s in a row before the sender gives up for this pass
GZIP_LEVEL = 5


@dataclass(frozen=True)
class Identity:
    unit_code: str
    station_no: int
    app_version: str


@dataclass
class SendReport:
    sent: int = 0  # events in batches that got a 200 answer
    accepted: int = 0
    duplicate: int = 0
    rejected: int = 0
    batches: int = 0
    replays: int = 0  # 409 answers
    halvings: int = 0  # 413 answers
    stopped: str | None = None  # why sending stopped before the queue was empty
    error: str | None = None  # English, for the log and the status
    retry_after: float | None = None  # seconds, from Retry-After
    auth_status: int | None = None  # 401 or 403
    auth_message: str | None = None
    complete: bool = False  # no pending event was left
    # (server_time, station clock) of every 200 answer, for the clock check
    server_times: list[tuple[datetime, datetime]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"sent": self.sent, "accepted": self.accepted, "duplicate": self.duplicate,
                "rejected": self.rejected, "batches": self.batches, "replays": self.replays,
                "halvings": self.halvings, "stopped": self.stopped, "error": self.error,
                "complete": self.complete}


@dataclass
class _Batch:
    batch_id: str
    rows: list[tuple[int, str, str]]  # (outbox id, event_id, payload)
    body: bytes  # gzipped
    audit_head: dict[str, Any] | None = None  # the audit chain head the envelope carried

    @property
    def event_ids(self) -> list[str]:
        return [row[1] for row in self.rows]


def envelope(batch_id: str, identity: Identity, sent_at: str) -> dict[str, Any]:
    return {"batch_id": batch_id, "unit_code": identity.unit_code,
            "station_no": identity.station_no, "app_version": identity.app_version,
            "sent_at": sent_at}


def body_bytes(head: dict[str, Any], payloads: list[str]) -> bytes:
    """The batch body: the envelope and the events exactly as stored, as UTF-8 JSON."""
    start = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    return (start + ',"events":[' + ",".join(payloads) + "]}").encode("utf-8")


def envelope_size(head: dict[str, Any]) -> int:
    return len(body_bytes(head, []))


class SendQueue(Protocol):
    """What the sender sends from: the station's outbox, or the hub's forward queue of one
    owner station (docs/office-hub.md §4). Each call is its own committed transaction."""

    def pending_rows(self, limit: int) -> list[tuple[int, str, str]]: ...

    def audit_head(self) -> dict[str, Any] | None: ...

    def claim(self, ids: list[int], batch_id: str, at: str) -> None: ...

    def release(self, batch_id: str, at: str) -> None: ...

    def apply_results(self, batch_id: str, results: list[EventResult],
                      audit_head: dict[str, Any] | None, at: str) -> None: ...

    def park(self, event_id: str, code: str, message: str, at: str, why: str) -> None: ...

    def hold_envelope(self, error: dict[str, Any], at: str) -> None: ...

    def log(self, at: str, level: str, kind: str, message: str,
            detail: dict[str, Any] | None) -> None: ...


class OutboxQueue:
    """The station's outbox as the sender's queue."""

    def __init__(self, db: Database, *, office: bool = False):
        self.db = db
        self.office = office  # to an office hub: each event with its `office` block

    def pending_rows(self, limit: int) -> list[tuple[int, str, str]]:
        if self.office:
            return outbox.pending_rows_for_hub(self.db, limit)
        return outbox.pending_rows(self.db, limit)

    def audit_head(self) -> dict[str, Any] | None:
        return audit_head.current(self.db)

    def claim(self, ids: list[int], batch_id: str, at: str) -> None:
        with write_transaction(self.db):
            outbox.claim(self.db, ids, batch_id, at)

    def release(self, batch_id: str, at: str) -> None:
        with write_transaction(self.db):
            outbox.release(self.db, batch_id, at)

    def apply_results(self, batch_id: str, results: list[EventResult],
                      audit_head_sent: dict[str, Any] | None, at: str) -> None:
        rejected = [r for r in results if r.status == "rejected"]
        with write_transaction(self.db):
            outbox.apply_batch_results(self.db, batch_id, results, at)
            audit_head.acknowledge(self.db, audit_head_sent)
            for result in rejected[:50]:
                sync_state.log(self.db, at, "warning", "rejected",
                               f"event {result.event_id} rejected: {result.code}",
                               {"message": result.message, "batch_id": batch_id})

    def park(self, event_id: str, code: str, message: str, at: str, why: str) -> None:
        with write_transaction(self.db):
            outbox.park(self.db, event_id, code, message, at)
            sync_state.log(self.db, at, "error", code, f"event {event_id} parked: {why}")

    def hold_envelope(self, error: dict[str, Any], at: str) -> None:
        with write_transaction(self.db):
            sync_state.put(self.db, sync_state.ENVELOPE_ERROR, error)
            sync_state.log(self.db, at, "error", "envelope",
                           f"the gateway refused the batch envelope (422): "
                           f"{error['error']} {error['message']}", error)

    def log(self, at: str, level: str, kind: str, message: str,
            detail: dict[str, Any] | None) -> None:
        with write_transaction(self.db):
            sync_state.log(self.db, at, level, kind, message, detail)


class Sender:
    """Sends every pending event of one queue (by default the data folder's outbox) through
    one gateway client."""

    def __init__(self, db: Database | None, client: GatewayClient, identity: Identity, *,
                 clock: Callable[[], datetime],
                 keep_lease: Callable[[], bool] = lambda: True,
                 max_events: int = MAX_BATCH_EVENTS, max_bytes: int = MAX_BODY_BYTES,
                 queue: SendQueue | None = None):
        if queue is None:
            assert db is not None, "a sender needs a database or a queue"
            queue = OutboxQueue(db)
        self.queue = queue
        self.client = client
        self.identity = identity
        self.clock = clock
        self.keep_lease = keep_lease
        self.max_events = max(1, min(max_events, MAX_BATCH_EVENTS))
        self.max_bytes = max_bytes

    def _now(self) -> str:
        return iso(self.clock())

    def _log(self, level: str, kind: str, message: str, **detail: Any) -> None:
        log.log(logging.ERROR if level == "error" else logging.WARNING if level == "warning"
                else logging.INFO, message)
        self.queue.log(self._now(), level, kind, message, detail or None)

    def send_all(self, *, max_batches: int | None = None) -> SendReport:
        """Send until the queue is empty or an answer says to stop.

        One batch is in flight at a time, in id order; while the gateway works on it, the
        results of the previous batch are applied and the next batch is claimed and built
        (a worker thread waits for the answer; every database write stays on this thread).
        """
        report = SendReport()
        self._size = self.max_events
        self._open: dict[str, _Batch] = {}  # claimed, answer not applied: released on exit
        replays_in_a_row = 0
        done: tuple[_Batch, list[EventResult]] | None = None  # answered, not yet applied
        upcoming: _Batch | None = None
        answered = 0  # batches answered 200 (applied now or with the next one)
        with ThreadPoolExecutor(1, thread_name_prefix="sync-post") as pool:
            try:
                while max_batches is None or answered < max_batches:
                    if not self.keep_lease():
                        report.stopped, report.error = "lease", "another sender took over"
                        return report
                    batch, upcoming = upcoming or self._prepare(), None
                    if batch is None:
                        report.complete = True
                        return report
                    future = pool.submit(self._post, batch.body)
                    if done is not None:
                        self._apply(*done, report)
                        done = None
                    if max_batches is None or answered + 1 < max_batches:
                        upcoming = self._prepare()
                    answer = future.result()
                    if isinstance(answer, NoAnswer):
                        report.stopped, report.error = "network", f"no answer to batch: {answer}"
                        return report
                    kind = classify(answer.status)
                    if kind is Answer.OK:
                        try:
                            data = answer.json()
                            results = parse_results(batch.event_ids, data)
                        except ProtocolError as exc:
                            report.stopped = "protocol"
                            report.error = f"unusable 200 answer to batch {batch.batch_id}: {exc}"
                            self._log("error", "protocol", report.error, batch_id=batch.batch_id)
                            return report
                        done = (batch, results)
                        answered += 1
                        server_time = parse_server_time(data.get("server_time"))
                        if server_time is not None:
                            report.server_times.append((server_time, self.clock()))
                        replays_in_a_row = 0
                        continue
                    # Not taken: this batch and the one prepared after it go back to pending,
                    # so that the queue is sent again in order.
                    self._release(batch)
                    if upcoming is not None:
                        self._release(upcoming)
                        upcoming = None
                    stop = self._refused(batch, answer, kind, report, replays_in_a_row)
                    if kind is Answer.REPLAY:
                        replays_in_a_row += 1
                    if stop:
                        return report
                report.complete = not self.queue.pending_rows(1)
                return report
            finally:
                if done is not None:
                    self._apply(*done, report)
                for batch in list(self._open.values()):
                    self._release(batch)

    def _post(self, body: bytes) -> Response | NoAnswer:
        try:
            return self.client.post_batch(body)
        except NoAnswer as exc:
            return exc

    def _prepare(self) -> _Batch | None:
        """Claim the next pending events under a new batch_id (committed) and build their
        gzipped body; None when nothing is pending."""
        while True:
            rows = self.queue.pending_rows(self._size)
            if not rows:
                return None
            batch_id = new_uuid()
            head = envelope(batch_id, self.identity, self._now())
            chain = self.queue.audit_head()
            if chain is not None:
                head["audit_head"] = chain
            count = events_that_fit([len(p.encode("utf-8")) for _, _, p in rows],
                                    envelope_bytes=envelope_size(head),
                                    max_events=self._size, max_bytes=self.max_bytes)
            if count == 0:
                self._park_too_large(rows[0][1], "the event alone is larger than 5 MiB")
                continue
            rows = rows[:count]
            self.queue.claim([row[0] for row in rows], batch_id, self._now())
            batch = _Batch(batch_id, rows,
                           gzip.compress(body_bytes(head, [row[2] for row in rows]), GZIP_LEVEL),
                           chain)
            self._open[batch_id] = batch
            return batch

    def _apply(self, batch: _Batch, results: list[EventResult], report: SendReport) -> None:
        """A 200 answer: all its results in one transaction."""
        rejected = [r for r in results if r.status == "rejected"]
        self.queue.apply_results(batch.batch_id, results, batch.audit_head, self._now())
        self._open.pop(batch.batch_id, None)
        report.batches += 1
        report.sent += len(results)
        report.accepted += sum(r.status == "accepted" for r in results)
        report.duplicate += sum(r.status == "duplicate" for r in results)
        report.rejected += len(rejected)

    def _refused(self, batch: _Batch, answer: Response, kind: Answer, report: SendReport,
                 replays_in_a_row: int) -> bool:
        """Any answer but 200 (the batch is already back to pending); True: stop sending."""
        count = len(batch.rows)
        if kind is Answer.AUTH:
            report.stopped = "auth"
            report.error = f"the gateway refused the station token ({answer.status})"
            report.auth_status, report.auth_message = answer.status, _message(answer)
            return True
        if kind is Answer.REPLAY:
            report.replays += 1
            self._log("warning", "batch_replay",
                      f"batch_id {batch.batch_id} was already used for other events (409); "
                      "sending them again under a new batch_id",
                      batch_id=batch.batch_id, events=count, answer=answer.text())
            if replays_in_a_row + 1 >= MAX_REPLAYS:
                report.stopped = "replay"
                report.error = f"{replays_in_a_row + 1} batch replay refusals (409) in a row"
                return True
            return False
        if kind is Answer.TOO_LARGE:
            report.halvings += 1
            if count == 1:
                self._park_too_large(batch.event_ids[0],
                                     "the gateway refused it alone as too large")
            else:
                self._size = max(1, count // 2)
                self._log("warning", "too_large",
                          f"batch of {count} events refused as too large (413); "
                          f"sending {self._size} at a time", batch_id=batch.batch_id)
            return False
        if kind is Answer.ENVELOPE and self._drop_unreadable(batch.rows):
            return False  # a stored event was not JSON and spoiled the body: parked, go on
        if kind is Answer.ENVELOPE:
            data = answer.json() if isinstance(answer.json(), dict) else {}
            error = {"at": self._now(), "batch_id": batch.batch_id, "status": answer.status,
                     "error": str(data.get("error") or ""),
                     "message": str(data.get("message") or answer.text())}
            self.queue.hold_envelope(error, self._now())
            report.stopped = "envelope"
            report.error = f"batch envelope refused (422): {error['error']} {error['message']}"
            return True
        if kind is Answer.THROTTLED:
            report.stopped = "throttled"
            report.retry_after = retry_after_seconds(answer.headers.get("retry-after"))
            report.error = f"the gateway is busy ({answer.status})"
            return True
        report.stopped = "server"
        report.error = f"the gateway answered {answer.status}: {answer.text(200)}"
        return True

    def _release(self, batch: _Batch) -> None:
        self.queue.release(batch.batch_id, self._now())
        self._open.pop(batch.batch_id, None)

    def _park_too_large(self, event_id: str, why: str) -> None:
        message = f"Sự kiện quá lớn, máy chủ không nhận ({why})."
        self.queue.park(event_id, TOO_LARGE_CODE, message, self._now(), why)

    def _drop_unreadable(self, rows: list[tuple[int, str, str]]) -> int:
        """After a 422: park any event whose stored JSON cannot be read (it spoils the whole
        body, so the batch would be refused for ever); returns how many were parked."""
        parked = 0
        for _, event_id, payload in rows:
            try:
                json.loads(payload)
            except ValueError:
                self.queue.park(event_id, "malformed",
                                "Dữ liệu sự kiện trong máy bị hỏng (không đọc được JSON).",
                                self._now(), "its stored JSON is unreadable")
                parked += 1
        return parked


def _message(answer: Any) -> str:
    data = answer.json()
    if isinstance(data, dict):
        return str(data.get("message") or data.get("error") or data.get("detail") or "")
    return answer.text(200)

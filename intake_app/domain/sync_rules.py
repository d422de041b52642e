"""Pure rules of the station's side of sync (docs/sync-protocol.md): what to do with each answer,
how long to wait, how many events fit in a batch, and what the results and counts mean.

>>> [classify(s).value for s in (200, 401, 403, 409, 413, 422)]
['ok', 'auth', 'auth', 'replay', 'too_large', 'envelope']
>>> [classify(s).value for s in (429, 503, 500, 502, 404)]
['throttled', 'throttled', 'retry', 'retry', 'retry']
>>> backoff_delay(1, 0.0), backoff_delay(1, 1.0), backoff_delay(3, 0.0), backoff_delay(30, 1.0)
(5.0, 5.0, 10.0, 900.0)
>>> retry_after_seconds("7"), retry_after_seconds(" 0 "), retry_after_seconds("soon")
(7.0, 1.0, None)
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

MAX_BATCH_EVENTS = 500
MAX_BODY_BYTES = 5 * 1024 * 1024  # 5 MiB after decompression
BACKOFF_BASE_S = 5.0
BACKOFF_CAP_S = 15 * 60.0
CLOCK_SKEW_LIMIT_S = 5 * 60.0
UPDATES_PAGE_LIMIT = 500  # the contract allows at most 1000
MAX_UPDATES_LIMIT = 1000

# Station-side reject code for one event that alone is larger than the gateway accepts (a 413
# for a batch of one): it can never be sent, so it is parked like a rejection.
TOO_LARGE_CODE = "too_large"

EVENT_STATES = ("pending", "sending", "delivered", "rejected")


class Answer(StrEnum):
    """What the sender does with an HTTP status of `POST /v1/batches`."""

    OK = "ok"  # 200: apply the per-event results
    AUTH = "auth"  # 401/403: stop syncing and tell the person
    REPLAY = "replay"  # 409: resend those events under a new batch_id, log the fault
    TOO_LARGE = "too_large"  # 413: halve the batch
    ENVELOPE = "envelope"  # 422: show to the supervisor, no resend until "Sync now"
    THROTTLED = "throttled"  # 429/503: wait Retry-After
    RETRY = "retry"  # any other answer (5xx, unexpected): back off and retry


def classify(status: int) -> Answer:
    if status == 200:
        return Answer.OK
    if status in (401, 403):
        return Answer.AUTH
    if status == 409:
        return Answer.REPLAY
    if status == 413:
        return Answer.TOO_LARGE
    if status == 422:
        return Answer.ENVELOPE
    if status in (429, 503):
        return Answer.THROTTLED
    return Answer.RETRY


def backoff_delay(attempt: int, jitter: float, *, base: float = BACKOFF_BASE_S,
                  cap: float = BACKOFF_CAP_S) -> float:
    """Seconds to wait before retry number `attempt` (1 = the first retry).

    The nominal delay doubles from `base` up to `cap`; `jitter` in [0, 1] (a random draw) picks
    a point between half the nominal delay and the whole of it, never below `base`, so that many
    stations failing together do not retry together. Always within [base, cap].
    """
    attempt = max(1, attempt)
    nominal = cap if attempt > 40 else min(cap, base * 2 ** (attempt - 1))
    jitter = min(1.0, max(0.0, jitter))
    low = max(base, nominal / 2)
    return min(cap, low + (nominal - low) * jitter)


def retry_after_seconds(header: str | None, *, cap: float = BACKOFF_CAP_S) -> float | None:
    """`Retry-After` in whole seconds (the contract's form), kept within [1 s, cap]; None if
    missing or not a number (the caller then backs off as for any failure)."""
    if header is None:
        return None
    try:
        seconds = float(header.strip())
    except ValueError:
        return None
    if math.isnan(seconds) or seconds < 0:
        return None
    return min(cap, max(1.0, seconds))


def events_that_fit(sizes: Sequence[int], *, envelope_bytes: int,
                    max_events: int = MAX_BATCH_EVENTS,
                    max_bytes: int = MAX_BODY_BYTES) -> int:
    """How many of the first events (their JSON sizes in bytes) fit in one batch body.

    The body is the envelope plus the events joined by commas; 0 means the first event alone
    is too large.

    >>> events_that_fit([100, 100, 100], envelope_bytes=50, max_bytes=260)
    2
    >>> events_that_fit([300], envelope_bytes=50, max_bytes=260)
    0
    """
    total = envelope_bytes
    count = 0
    for size in sizes[:max_events]:
        extra = size + (1 if count else 0)
        if total + extra > max_bytes:
            break
        total += extra
        count += 1
    return count


class ProtocolError(ValueError):
    """The gateway answered 200 with something that is not the contract's answer."""


@dataclass(frozen=True)
class EventResult:
    event_id: str
    status: str  # accepted | duplicate | rejected
    code: str | None = None
    message: str | None = None

    @property
    def state(self) -> str:
        """The outbox state this result puts the event in."""
        return "rejected" if self.status == "rejected" else "delivered"


def parse_results(sent: Sequence[str], answer: Any) -> list[EventResult]:
    """The per-event results of a 200 answer, checked: one per event, in the order sent.

    >>> parse_results(["a", "b"], {"results": [{"event_id": "a", "status": "accepted"},
    ...     {"event_id": "b", "status": "rejected", "code": "not_nfc", "message": "TenTTHC"}]})
    ... # doctest: +NORMALIZE_WHITESPACE
    [EventResult(event_id='a', status='accepted', code=None, message=None),
     EventResult(event_id='b', status='rejected', code='not_nfc', message='TenTTHC')]
    """
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list):
        raise ProtocolError("the answer has no list of results")
    if len(results) != len(sent):
        raise ProtocolError(f"{len(results)} results for {len(sent)} events")
    parsed = []
    for event_id, raw in zip(sent, results, strict=True):
        parsed.append(parse_result(raw))
        if parsed[-1].event_id != event_id:
            raise ProtocolError(f"result for {parsed[-1].event_id} where {event_id} was sent")
    return parsed


def parse_result(raw: Any) -> EventResult:
    if not isinstance(raw, dict) or not isinstance(raw.get("event_id"), str):
        raise ProtocolError(f"a result without event_id: {str(raw)[:200]}")
    status = raw.get("status")
    if status not in ("accepted", "duplicate", "rejected"):
        raise ProtocolError(f"unknown result status {status!r}")
    if status != "rejected":
        return EventResult(raw["event_id"], status)
    code = raw.get("code")
    message = raw.get("message")
    return EventResult(raw["event_id"], status,
                       str(code) if code is not None else "rejected",
                       str(message) if message is not None else "")


def event_ids_digest(event_ids: Sequence[str]) -> str:
    """The sha256 (hex) of a batch's event_ids in order: what a batch file carried, kept to
    check that a result file answers exactly those events.

    >>> event_ids_digest(["a", "b"]) == event_ids_digest(["a", "b"]) != event_ids_digest(["b", "a"])
    True
    """
    return hashlib.sha256(json.dumps(list(event_ids), separators=(",", ":")).encode()).hexdigest()


def parse_server_time(text: Any) -> datetime | None:
    """`server_time` as an aware instant; None when missing, unreadable or without an offset."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def clock_skew_seconds(server_time: datetime, station_time: datetime) -> float:
    """How far the station's clock is behind (+) or ahead (−) of the server's, in seconds."""
    return (server_time - station_time).total_seconds()


def clock_is_wrong(skew_seconds: float, *, limit: float = CLOCK_SKEW_LIMIT_S) -> bool:
    """More than five minutes apart: the PC clock is wrong (receipts carry its time).

    >>> clock_is_wrong(300), clock_is_wrong(-301)
    (False, True)
    """
    return abs(skew_seconds) > limit


def skew_minutes(skew_seconds: float) -> int:
    """Whole minutes of a skew, rounded, for the warning text.

    >>> skew_minutes(-430), skew_minutes(3601)
    (7, 60)
    """
    return round(abs(skew_seconds) / 60)


@dataclass(frozen=True)
class CountMismatch:
    """The station's delivered events and dossiers against the gateway's summary."""

    station_events: int
    station_dossiers: int
    gateway_events: int
    gateway_dossiers: int

    def as_dict(self) -> dict[str, int]:
        return {"station_events": self.station_events,
                "station_dossiers": self.station_dossiers,
                "gateway_events": self.gateway_events,
                "gateway_dossiers": self.gateway_dossiers}


def compare_counts(station_events: int, station_dossiers: int,
                   summary: Any) -> CountMismatch | None:
    """None when the gateway's summary agrees with the station's delivered counts.

    >>> compare_counts(3, 2, {"events": 3, "dossiers": 2}) is None
    True
    >>> compare_counts(3, 2, {"events": 4, "dossiers": 2}).gateway_events
    4
    """
    if not isinstance(summary, dict):
        raise ProtocolError("the summary is not an object")
    events, dossiers = summary.get("events"), summary.get("dossiers")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (events, dossiers)):
        raise ProtocolError("the summary has no whole numbers `events` and `dossiers`")
    assert isinstance(events, int) and isinstance(dossiers, int)  # checked just above
    if (events, dossiers) == (station_events, station_dossiers):
        return None
    return CountMismatch(station_events, station_dossiers, events, dossiers)

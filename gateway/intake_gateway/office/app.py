"""The hub's HTTP routes: the gateway's v1 routes plus the office's (docs/office-hub.md §2.4).

`GET /v1/health` gains the `office` block; `/office/v1/pair/*` pair a counter with a code;
`GET /office/v1/feed` is the long-poll feed every counter reads. TLS is the caller's (uvicorn
with the hub's certificate: `intake_app/hub/`).
"""

from __future__ import annotations

import binascii
import hashlib
import ssl
import time
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ..app import StationOf, _build_app, _drain
from ..bodies import content_coding, read_capped
from ..errors import GatewayError, Unprocessable
from ..feed import DEFAULT_LIMIT, MAX_LIMIT, decode_cursor, encode_cursor
from ..timeutil import server_time
from .ingest import receive_office
from .store import OfficeStore

FEED_LIMIT = 500
MAX_WAIT_S = 25.0
TOUCH_EVERY_S = 5.0


class ClaimRequest(BaseModel):
    dossier_id: str = Field(max_length=64)
    clerk: str = Field(default="", max_length=200)


class ReleaseRequest(BaseModel):
    claim_id: str = Field(max_length=64)
    dossier_id: str = Field(max_length=64)
    version: int = Field(ge=1)


class TakeoverRequest(BaseModel):
    dossier_id: str = Field(max_length=64)
    expected_writer: int = Field(ge=1, le=9)
    expected_version: int = Field(ge=1)
    reason: str = Field(max_length=500)
    actor: str = Field(max_length=200)


class ResolveRequest(BaseModel):
    resolution: str = Field(pattern="^(redone|dropped)$")
    reason: str = Field(default="", max_length=500)
    actor: str = Field(max_length=200)


class ConfigRequest(BaseModel):
    base_version: int = Field(ge=0)
    content: Any
    actor: str = Field(max_length=200)


class PairRequest(BaseModel):
    nonce: str = Field(max_length=64, description="16 random bytes, hex")
    counter_proof: str = Field(max_length=64)
    machine: str = Field(default="", max_length=100)
    app_version: str = Field(default="", max_length=40)
    has_dossiers: bool = False
    station_no: int | None = Field(default=None, ge=1, le=9)
    unit_code: str | None = Field(default=None, max_length=100)


def certificate_pin(pem: str) -> bytes:
    """P: SHA-256 of the certificate's DER."""
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).digest()


def create_office_app(store: OfficeStore, certificate_pem: str) -> FastAPI:
    """The hub as an ASGI app on `store`, presenting `certificate_pem` at pairing."""
    app = _build_app(store, None)
    app.title = "Intake office hub"
    app.router.routes = [route for route in app.router.routes
                         if getattr(route, "path", None) not in ("/v1/health", "/v1/batches",
                                                                 "/v1/updates")]
    pin = certificate_pin(certificate_pem)
    touched: dict[int, float] = {}

    def touch(request: Request, station_no: int) -> None:
        now = time.monotonic()
        outbox = request.headers.get("x-intake-outbox")
        if now - touched.get(station_no, -TOUCH_EVERY_S) < TOUCH_EVERY_S and outbox is None:
            return
        touched[station_no] = now
        address = request.client.host if request.client else None
        store.touch_counter(station_no, address, outbox)

    @app.middleware("http")
    async def seen(request: Request, call_next: Any) -> Any:
        """Every authenticated request tells when the counter was last seen and, with its
        X-Intake-Outbox header, what it has not sent yet (the hub's counters list, §9)."""
        response = await call_next(request)
        bearer = request.headers.get("authorization", "")
        if bearer.startswith("Bearer ") and request.url.path != "/office/v1/feed":
            station = await run_in_threadpool(store.station_for_token, bearer[7:])
            if station is not None:
                await run_in_threadpool(touch, request, station.station_no)
        return response

    @app.get("/v1/health", tags=["sync"])
    def health() -> dict[str, Any]:
        """The contract's health, plus who this office is and where its feed stands."""
        store.ping()
        meta = store.meta()
        counts = store.forward_counts()
        pending = sum(c.get("pending", 0) + c.get("sending", 0) for c in counts.values())
        parked = sum(c.get("rejected", 0) for c in counts.values())
        return {"status": "ok", "server_time": server_time(), "office": {
            "office_id": meta.get("office_id"), "epoch": meta.get("epoch"),
            "head": store.head(), "time_source": "local",
            "province": {"pending": pending, "parked": parked,
                         **(store.province_state() if store.province_state else {})}}}

    @app.post("/v1/batches", tags=["sync"])
    async def post_batch(request: Request, station: StationOf) -> dict[str, Any]:
        """The contract's batch, judged by the office rule (§7.3): an event may be about any
        dossier of the unit; `not_writer` when its counter may not write that version."""
        chunks = request.stream()
        try:
            coding = content_coding(request.headers.get("content-encoding"))
            raw = await read_capped(chunks, coding, request.headers.get("content-length"))
        except GatewayError:
            await _drain(chunks)
            raise
        return await run_in_threadpool(receive_office, store, station, raw)

    @app.get("/v1/updates", tags=["sync"])
    def updates(
        station: StationOf,
        after: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1)] = DEFAULT_LIMIT,
    ) -> dict[str, Any]:
        """The province's updates of every dossier of the office (relayed by the hub), so that
        every counter's copy moves alike; the contract's shape and cursor."""
        after = after or None
        try:
            position = decode_cursor(after)
        except ValueError as exc:
            raise Unprocessable(f"after: {exc}", code="bad_cursor") from exc
        page = store.office_updates_after(position, min(limit, MAX_LIMIT))
        return {"updates": [update for _, update in page],
                "next_cursor": encode_cursor(page[-1][0]) if page else after}

    @app.post("/office/v1/claims", status_code=202, tags=["office"])
    def claim(body: ClaimRequest, station: StationOf) -> dict[str, Any]:
        """Ask for the right to write a dossier; its writer is asked through the feed."""
        return store.claim(station.station_no, body.dossier_id, body.clerk)

    @app.get("/office/v1/claims/{claim_id}", tags=["office"])
    async def claim_state(claim_id: str, station: StationOf,
                          wait: Annotated[float, Query(ge=0, le=15)] = 0) -> dict[str, Any]:
        """The claim's state; with `wait`, answered when it is decided or after `wait` s."""
        deadline = time.monotonic() + wait
        while True:
            generation = store.generation
            answer = await run_in_threadpool(store.claim_state, claim_id)
            left = deadline - time.monotonic()
            if answer["state"] != "waiting" or left <= 0:
                return answer
            await run_in_threadpool(store.wait_change, generation, min(left, 1.0))

    @app.post("/office/v1/releases", tags=["office"])
    def release(body: ReleaseRequest, station: StationOf) -> dict[str, Any]:
        """The writer hands the dossier over: the signed grant (the same one if repeated)."""
        return {"grant": store.release(station.station_no, body.claim_id, body.dossier_id,
                                       body.version)}

    @app.post("/office/v1/takeovers", tags=["office"])
    def takeover(body: TakeoverRequest, station: StationOf) -> dict[str, Any]:
        """A supervisor takes over a dossier whose writer is not connected (§7.4)."""
        return {"grant": store.take_over(station.station_no, body.dossier_id,
                                         body.expected_writer, body.expected_version,
                                         body.reason, body.actor)}

    @app.get("/office/v1/conflicts", tags=["office"])
    def conflicts(station: StationOf,
                  all: Annotated[bool, Query(description="resolved ones too")] = False,
                  ) -> dict[str, Any]:
        """Events refused `not_writer` or `version_conflict`, kept whole (§7.5)."""
        return {"conflicts": store.conflicts(open_only=not all)}

    @app.post("/office/v1/conflicts/{event_id}/resolve", tags=["office"])
    def resolve(event_id: str, body: ResolveRequest, station: StationOf) -> dict[str, Any]:
        """A supervisor closes a conflict: the step was redone, or is dropped with a reason."""
        return store.resolve_conflict(event_id, body.resolution, body.reason, body.actor,
                                      station.station_no)

    @app.get("/office/v1/config/{section}", tags=["office"])
    def get_config(section: str, station: StationOf) -> dict[str, Any]:
        """A section of the office's shared data: `{section, version, content}`."""
        return store.config(section)

    @app.put("/office/v1/config/{section}", tags=["office"])
    def put_config(section: str, body: ConfigRequest, station: StationOf) -> dict[str, Any]:
        """The whole section's next version; `409 stale_version` if `base_version` is old."""
        return store.put_config(section, body.base_version, body.content, body.actor,
                                station.station_no)

    @app.get("/office/v1/pair/hello", tags=["office"])
    def hello() -> dict[str, Any]:
        """The hub's certificate and who it is: the first step of pairing (§3.3)."""
        meta = store.meta()
        return {"certificate": certificate_pem, "office_id": meta.get("office_id"),
                "unit_code": meta.get("unit_code"), "unit_name": meta.get("unit_name"),
                "office_name": meta.get("office_name")}

    @app.post("/office/v1/pair", tags=["office"])
    def pair(body: PairRequest) -> dict[str, Any]:
        """A counter's proof of the code over this certificate → its number and LAN token."""
        try:
            nonce = binascii.unhexlify(body.nonce)
        except (binascii.Error, ValueError) as exc:
            raise Unprocessable("nonce must be hex", code="invalid_request") from exc
        return store.pair(pin, nonce, body.counter_proof, body.model_dump())

    @app.get("/office/v1/feed", tags=["office"])
    async def feed(
        request: Request, station: StationOf,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=FEED_LIMIT)] = FEED_LIMIT,
        wait: Annotated[float, Query(ge=0, le=MAX_WAIT_S)] = 0,
    ) -> dict[str, Any]:
        """The office feed after `after`: at once when there is something, else when something
        is appended or after `wait` seconds (long-poll)."""
        await run_in_threadpool(touch, request, station.station_no)
        deadline = time.monotonic() + wait
        while True:
            generation = store.generation
            entries = await run_in_threadpool(store.feed_after, after, limit)
            left = deadline - time.monotonic()
            if entries or left <= 0 or await request.is_disconnected():
                break
            await run_in_threadpool(store.wait_change, generation, min(left, 5.0))
        head = await run_in_threadpool(store.head)
        meta = await run_in_threadpool(store.meta)
        return {"epoch": meta.get("epoch"), "head": head,
                "next": entries[-1]["seq"] if entries else after, "entries": entries}

    @app.get("/office/v1/counters", tags=["office"])
    def counters(station: StationOf) -> dict[str, Any]:
        """The paired counters, when each was last seen and what it has not sent (§9)."""
        return {"counters": store.counters(), "forward": {
            str(k): v for k, v in store.forward_counts().items()}}

    return app

"""The gateway's HTTP routes (sync protocol v1). The work is done in ingest, store and feed."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .bodies import content_coding, read_capped
from .db import Unavailable
from .errors import Forbidden, GatewayError, ServiceUnavailable, Unauthorized, Unprocessable
from .feed import DEFAULT_LIMIT, MAX_LIMIT, decode_cursor, encode_cursor
from .ingest import receive_bytes
from .models import (
    AuditFlags,
    BatchEnvelope,
    BatchResult,
    Error,
    Health,
    Summary,
    UpdatePosted,
    UpdateRequest,
    UpdatesPage,
)
from .store import Station, Store, open_store
from .timeutil import server_time
from .tokens import same_secret

log = logging.getLogger("intake_gateway")

_DRAIN_LIMIT = 16 * 1024 * 1024  # read and drop this much of a refused body so the client hears


def _error(status: int, text: str, headers: dict | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"model": Error, "description": text}
    if headers:
        entry["headers"] = headers
    return entry


_RETRY_AFTER = {
    "Retry-After": {"description": "whole seconds to wait", "schema": {"type": "integer"}}
}
_COMMON = {
    401: _error(401, "missing, unknown or revoked station token"),
    422: _error(422, "the request is unusable (not JSON, missing fields, bad parameters)"),
    429: _error(429, "too many requests: retry after Retry-After seconds", _RETRY_AFTER),
    503: _error(503, "the gateway or its database is unavailable: retry after Retry-After",
                _RETRY_AFTER),
}
_BATCH_BODY = {
    "requestBody": {
        "required": True,
        "description": "The batch; may be sent with Content-Encoding: gzip; at most 5 MiB "
                       "(5,242,880 bytes) after decompression, at most 500 events.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchEnvelope"}}},
    }
}


def create_app(database_url: str, *, admin_token: str | None = None) -> FastAPI:
    """The gateway as an ASGI app on the database at `database_url`.

    `admin_token` enables POST /v1/admin/updates for the province (never a station token).
    """
    return _build_app(open_store(database_url), admin_token or None)


def openapi_document() -> dict[str, Any]:
    """The gateway's OpenAPI document, built without opening a database."""
    return _build_app(_NoDatabase(), None).openapi()  # type: ignore[arg-type]


class _NoDatabase:
    def __getattr__(self, name: str) -> Any:
        raise RuntimeError("this app was built only for its OpenAPI document")


def _build_app(store: Store, admin_token: str | None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Intake provincial gateway",
        version=__version__,
        summary="Receives the dossier events of commune intake stations: sync protocol v1.",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.admin_token = admin_token
    _install_error_handlers(app)
    _install_routes(app, store)
    _install_openapi(app)
    return app


# ---- authentication ----------------------------------------------------------------------------

_station_bearer = HTTPBearer(auto_error=False, scheme_name="StationToken",
                             description="the station's token issued by the province")
_admin_bearer = HTTPBearer(auto_error=False, scheme_name="AdminToken",
                           description="the province's admin token (INTAKE_GATEWAY_ADMIN_TOKEN)")
StationCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_station_bearer)]
AdminCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_admin_bearer)]


def station_of(request: Request, credentials: StationCredentials) -> Station:
    """The station whose token the request carries (401 otherwise)."""
    if credentials is None or not credentials.credentials:
        raise Unauthorized("send Authorization: Bearer <station token>")
    station = request.app.state.store.station_for_token(credentials.credentials)
    if station is None:
        raise Unauthorized("unknown or revoked token")
    return station


def admin(request: Request, credentials: AdminCredentials) -> None:
    """Only the province's admin token passes (401), and only when one is set (403)."""
    expected = request.app.state.admin_token
    if expected is None:
        raise Forbidden("the admin endpoint is off: set INTAKE_GATEWAY_ADMIN_TOKEN",
                        code="admin_disabled")
    if credentials is None or not same_secret(credentials.credentials, expected):
        raise Unauthorized("send Authorization: Bearer <admin token>")


StationOf = Annotated[Station, Depends(station_of)]


def _install_routes(app: FastAPI, store: Store) -> None:
    @app.get("/v1/health", response_model=Health, tags=["sync"],
             responses={503: _COMMON[503]})
    def health() -> dict[str, str]:
        """Whether the gateway and its database answer; no token needed."""
        store.ping()
        return {"status": "ok", "server_time": server_time()}

    @app.post(
        "/v1/batches", response_model=BatchResult, tags=["sync"], openapi_extra=_BATCH_BODY,
        responses={
            401: _COMMON[401],
            403: _error(403, "the batch names another unit or station than the token's"),
            409: _error(409, "this batch_id was already used with other events"),
            413: _error(413, "the body is over 5 MiB after decompression: halve the batch"),
            415: _error(415, "a Content-Encoding other than gzip or identity"),
            422: _error(422, "the envelope is unusable: not JSON, batch_id or events missing, "
                             "more than 500 events"),
            429: _COMMON[429], 503: _COMMON[503],
        },
    )
    async def post_batch(request: Request, station: StationOf) -> JSONResponse:
        """Deliver events: one result per event, in the order sent, committed before the answer.

        Checked in order: token (401), station (403), size (413), envelope (422), batch replay
        (409), then each event (`duplicate` first, then the rejection codes). An event speaks
        only for the batch's station: its MaHoSo must be a code of that station (`malformed`
        otherwise) and its dossier must not be another station's (`foreign_dossier`).
        """
        chunks = request.stream()
        try:
            coding = content_coding(request.headers.get("content-encoding"))
            raw = await read_capped(chunks, coding, request.headers.get("content-length"))
        except GatewayError:
            await _drain(chunks)
            raise
        answer = await run_in_threadpool(receive_bytes, store, station, raw)
        return JSONResponse(answer)

    @app.get("/v1/updates", response_model=UpdatesPage, tags=["sync"],
             responses={401: _COMMON[401], 422: _COMMON[422], 429: _COMMON[429],
                        503: _COMMON[503]})
    def updates(
        station: StationOf,
        after: Annotated[str | None, Query(
            max_length=200, description="next_cursor of the previous page; absent: start")] = None,
        limit: Annotated[int, Query(
            ge=1, description=f"page size; above {MAX_LIMIT} is read as {MAX_LIMIT}")
        ] = DEFAULT_LIMIT,
    ) -> dict[str, Any]:
        """What the province changed for the dossiers this station owns, oldest first."""
        after = after or None
        try:
            position = decode_cursor(after)
        except ValueError as exc:
            raise Unprocessable(f"after: {exc}", code="bad_cursor") from exc
        page = store.updates_after(station, position, min(limit, MAX_LIMIT))
        next_cursor = encode_cursor(page[-1][0]) if page else after
        return {"updates": [update for _, update in page], "next_cursor": next_cursor}

    @app.get("/v1/stations/{unit_code}/{station_no}/summary", response_model=Summary,
             response_model_exclude_none=True, tags=["sync"],
             responses={401: _COMMON[401], 403: _error(403, "another station's summary"),
                        422: _COMMON[422], 429: _COMMON[429], 503: _COMMON[503]})
    def summary(
        unit_code: Annotated[str, Path(examples=["000.00.12.H56"])],
        station_no: Annotated[int, Path(ge=1, le=9)],
        station: StationOf,
        codes: Annotated[bool, Query(description="also the highest code per day")] = False,
    ) -> dict[str, Any]:
        """How many events of this station the gateway accepted, for how many of the dossiers
        it owns; with `codes=true` also the highest daily sequence per day."""
        if (unit_code, station_no) != tuple(station):
            raise Forbidden("only the station itself may read its summary", code="wrong_station")
        events, dossiers = store.count_accepted(unit_code, station_no)
        answer: dict[str, Any] = {"events": events, "dossiers": dossiers}
        if codes:
            answer["highest_by_day"] = store.highest_codes(unit_code, station_no)
        return answer

    @app.post("/v1/admin/updates", response_model=UpdatePosted, status_code=201, tags=["admin"],
              dependencies=[Depends(admin)],
              responses={401: _error(401, "missing or wrong admin token"),
                         403: _error(403, "the admin endpoint is off (no admin token set)"),
                         404: _error(404, "no dossier with this MaHoSo was received"),
                         422: _COMMON[422], 503: _COMMON[503]})
    def post_update(update: UpdateRequest) -> dict[str, str]:
        """The province posts an update for a dossier; its station reads it from /v1/updates."""
        try:
            update_id = store.post_update(update.MaHoSo, update.TrangThaiHoSo, update.note,
                                          update.by)
        except ValueError as exc:
            raise Unprocessable(str(exc), code="invalid_update") from exc
        return {"update_id": update_id}


    @app.get("/v1/admin/audit-flags", response_model=AuditFlags, tags=["admin"],
             dependencies=[Depends(admin)],
             responses={401: _error(401, "missing or wrong admin token"),
                        403: _error(403, "the admin endpoint is off (no admin token set)"),
                        422: _COMMON[422], 503: _COMMON[503]})
    def audit_flags(
        unit_code: Annotated[str | None, Query(max_length=100)] = None,
        station_no: Annotated[int | None, Query(ge=1, le=9)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
    ) -> dict[str, Any]:
        """Stations whose audit chain was rewritten or shortened after a sync, newest first."""
        return {"flags": store.audit_flags(unit_code, station_no, limit)}


async def _drain(chunks: AsyncIterator[bytes]) -> None:
    """Read (and drop) the rest of a refused body, so that the client reads our answer."""
    drained = 0
    try:
        async for chunk in chunks:
            drained += len(chunk)
            if drained > _DRAIN_LIMIT:
                return
    except Exception:  # noqa: BLE001 - the client went away: nothing to drain
        return


# ---- errors ------------------------------------------------------------------------------------


def _body(code: str, message: str) -> dict[str, str]:
    return {"error": code, "message": message}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(GatewayError)
    async def gateway_error(_: Request, exc: GatewayError) -> JSONResponse:
        return JSONResponse(_body(exc.code, exc.message), exc.status, headers=exc.headers)

    @app.exception_handler(Unavailable)
    async def unavailable(_: Request, exc: Unavailable) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        error = ServiceUnavailable(str(exc))
        return JSONResponse(_body(error.code, error.message), 503, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for problem in exc.errors():
            where = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "body"
            parts.append(f"{where}: {problem.get('msg', 'invalid')}")
        return JSONResponse(_body("invalid_request", "; ".join(parts) or "invalid request"), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, "http_error")
        return JSONResponse(_body(code, str(exc.detail)), exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def crashed(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return JSONResponse(_body("internal", "the gateway failed; try again later"), 500)


# ---- OpenAPI -----------------------------------------------------------------------------------


def _install_openapi(app: FastAPI) -> None:
    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, summary=app.summary,
                                 routes=app.routes, tags=[
                                     {"name": "sync", "description": "sync protocol v1"},
                                     {"name": "admin", "description": "the province's tools"},
                                 ])
            _, definitions = models_json_schema(
                [(BatchEnvelope, "validation")], ref_template="#/components/schemas/{model}"
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(
                definitions["$defs"]
            )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]

"""A counter's batch at the hub (docs/office-hub.md §7.3): the gateway's checks, except that an
event may be about any dossier of the office's unit (the writer rule replaces the contract's
"only your own station's codes"): who may write which version is the hub's to judge."""

from __future__ import annotations

import re
from typing import Any

from ..contract import (
    MAX_EVENTS,
    all_text_nfc,
    check_envelope,
    check_event,
    event_id_of,
    station_mismatch,
)
from ..errors import Forbidden, Unprocessable
from ..ingest import parse_json
from ..judging import Item
from ..store import Station
from ..timeutil import server_time

_STATION_IN_CODE = re.compile(r"-[0-9]{6}-(?P<station>[1-9])[0-9]{3}$")


def code_station(event: Any, own: int) -> int:
    """The station in the event's MaHoSo, or `own` when it has none (then the contract's check
    names what is wrong)."""
    try:
        found = _STATION_IN_CODE.search(event["dossier"]["MaHoSo"])
    except (TypeError, KeyError):
        return own
    return int(found["station"]) if found else own


def receive_office(store: Any, station: Station, raw: bytes) -> dict[str, Any]:
    """The answer to a counter's POST /v1/batches body."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unprocessable(f"the body is not UTF-8: {exc}", code="not_json") from exc
    body = parse_json(text)
    if station_mismatch(body, station.unit_code, station.station_no):
        raise Forbidden("the batch names another counter than the token's", code="wrong_station")
    problem = check_envelope(body, max_events=MAX_EVENTS)
    if problem is not None:
        raise Unprocessable(problem.message, code=problem.code)
    known_nfc = all_text_nfc(text)
    items = [Item(event, event_id_of(event), check_event(
        event, known_nfc=known_nfc,
        station=(station.unit_code, code_station(event, station.station_no))))
        for event in body["events"]]
    answer = store.process_batch(station, body["batch_id"], items, via="http",
                                 audit_head=body.get("audit_head"))
    return {"batch_id": body["batch_id"], "server_time": server_time(), "results": answer.results}

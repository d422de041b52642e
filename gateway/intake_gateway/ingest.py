"""A batch from its bytes to its answer, the same for POST /v1/batches and for batch files.

Order of the checks (docs/sync-protocol.md): token (401, done by the caller), station (403),
size (413, done while reading the body), envelope (422), batch replay (409), then each event.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .batchfile import BatchFileError, read_batch_file, signature_ok, signed_result
from .contract import (
    MAX_EVENTS,
    all_text_nfc,
    check_envelope,
    check_event,
    event_id_of,
    is_int,
    station_mismatch,
)
from .errors import Forbidden, Unprocessable
from .judging import Item
from .store import Station, Store
from .timeutil import server_time


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(raw: bytes | str) -> Any:
    """The JSON document in `raw` (strict UTF-8, no NaN/Infinity), else 422 not_json."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text, parse_constant=_no_constants)
    except UnicodeDecodeError as exc:
        raise Unprocessable(f"the body is not UTF-8: {exc}", code="not_json") from exc
    except RecursionError as exc:
        raise Unprocessable("the body is nested too deeply", code="not_json") from exc
    except ValueError as exc:
        raise Unprocessable(f"the body is not JSON: {exc}", code="not_json") from exc


def receive(store: Store, station: Station, body: Any, *, max_events: int | None = MAX_EVENTS,
            via: str = "http", known_nfc: bool = False) -> dict[str, Any]:
    """Judge a parsed batch body sent with `station`'s token; the 200 answer's body.

    `known_nfc`: the body's JSON text was seen to hold only NFC text (`all_text_nfc`).
    """
    if station_mismatch(body, station.unit_code, station.station_no):
        raise Forbidden(
            f"this token belongs to station {station.station_no} of unit {station.unit_code}; "
            "the batch names another station",
            code="wrong_station",
        )
    problem = check_envelope(body, max_events=max_events)
    if problem is not None:
        raise Unprocessable(problem.message, code=problem.code)
    own = (station.unit_code, station.station_no)
    items = [Item(event, event_id_of(event), check_event(event, known_nfc=known_nfc, station=own))
             for event in body["events"]]
    answer = store.process_batch(station, body["batch_id"], items, via=via,
                                 audit_head=body.get("audit_head"))
    return {"batch_id": body["batch_id"], "server_time": server_time(), "results": answer.results}


def receive_bytes(store: Store, station: Station, raw: bytes) -> dict[str, Any]:
    """The answer to a POST /v1/batches body (already decompressed and within the size cap)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unprocessable(f"the body is not UTF-8: {exc}", code="not_json") from exc
    return receive(store, station, parse_json(text), known_nfc=all_text_nfc(text))


class ImportRefused(Exception):  # noqa: N818 - the refusal shown to the operator
    pass


def import_batch_file(store: Store, path: Path) -> dict[str, Any]:
    """Import a station's batch file: the same judging as online, with no limit on events.

    Returns the result file's document: the answer a POST would have had, with the station's
    `unit_code` and `station_no`, signed with its result key. Raises ImportRefused (unreadable
    file, unknown station, bad signature) and the same GatewayErrors as a POST would get (403
    never: the signature names the station).
    """
    try:
        body = read_batch_file(path, store.signing_key)  # a sealed file: the station's key
    except BatchFileError as exc:
        raise ImportRefused(str(exc)) from exc
    unit, number = body.get("unit_code"), body.get("station_no")
    if not isinstance(unit, str) or not is_int(number):
        raise ImportRefused(f"{path} does not name its unit_code and station_no")
    key = store.signing_key(unit, number)
    if key is None:
        raise ImportRefused(f"station {number} of unit {unit} has no live token on this gateway")
    if not signature_ok(body, key):
        raise ImportRefused(
            f"the signature of {path} does not match station {number} of unit {unit}: the file "
            "was changed, or signed with a token this gateway no longer holds"
        )
    unsigned = {name: value for name, value in body.items() if name != "signature"}
    answer = receive(store, Station(unit, number), unsigned, max_events=None, via="file")
    return signed_result(answer, unit, number, key)

"""The OpenAPI document describes the contract, and no generated request makes the running
gateway fail with a 5xx (schemathesis against a live server on loopback, SQLite).
"""

from __future__ import annotations

import copy
import re
import uuid

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from intake_gateway.app import create_app, openapi_document
from intake_gateway.contract import is_uuid
from intake_gateway.ingest import receive
from intake_gateway.store import Station
from schemathesis.checks import not_a_server_error

from .gateway_helpers import ADMIN_TOKEN, STATION, UNIT, code, sample_event
from .gateway_testing import batch_body, serve_in_thread


@pytest.fixture(scope="module")
def live_gateway(tmp_path_factory):
    """A gateway on a free loopback port with one station, one dossier and one update."""
    folder = tmp_path_factory.mktemp("openapi")
    app = create_app(f"sqlite:///{folder}/gateway.sqlite3", admin_token=ADMIN_TOKEN)
    store = app.state.store
    token = store.issue_token(UNIT, STATION)
    receive(store, Station(UNIT, STATION), batch_body(UNIT, STATION, [sample_event(code=code(1))]))
    store.post_update(code(1), 9, "Đã xử lý xong", "province")
    with serve_in_thread(app) as base_url:
        yield base_url, token




def _for_our_station(document: dict) -> dict:
    """The served document with the test station's unit and number as the only values, so that
    generated batches reach the event judging instead of stopping at 403.
    """
    document = copy.deepcopy(document)
    envelope = document["components"]["schemas"]["BatchEnvelope"]["properties"]
    envelope["unit_code"] = {"type": "string", "enum": [UNIT]}
    envelope["station_no"] = {"type": "integer", "enum": [STATION]}
    # Codes of this station on real days, so that generated events can be accepted.
    snapshot = document["components"]["schemas"]["Snapshot"]["properties"]
    snapshot["MaHoSo"] = {"type": "string", "pattern": (
        f"^{re.escape(UNIT)}-2[0-9](0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])-{STATION}"
        "(00[1-9]|0[1-9][0-9]|[1-9][0-9][0-9])$")}
    summary = document["paths"]["/v1/stations/{unit_code}/{station_no}/summary"]["get"]
    for parameter in summary["parameters"]:
        parameter["schema"] = {"type": "string", "enum": [UNIT]} \
            if parameter["name"] == "unit_code" else {"type": "integer", "enum": [STATION]}
    return document


# Loaded at import (schemathesis's lazy `from_fixture` does not work with pytest 9.2) from the
# same document the running gateway serves at /openapi.json (checked below).
schema = schemathesis.openapi.from_dict(_for_our_station(openapi_document()))


@schema.parametrize()
@settings(max_examples=25, derandomize=True, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_no_request_makes_the_gateway_fail(case, live_gateway):
    base_url, token = live_gateway
    if isinstance(case.body, dict) and is_uuid(case.body.get("batch_id")):
        case.body["batch_id"] = str(uuid.uuid4())  # reach the events, not the replay's 409
    admin = case.path.startswith("/v1/admin/")
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN if admin else token}"}
    case.call_and_validate(base_url=base_url, headers=headers, checks=[not_a_server_error])


def test_the_document_names_every_endpoint_and_answer(live_gateway):
    import httpx

    base_url, _ = live_gateway
    document = httpx.get(f"{base_url}/openapi.json").json()
    assert document == openapi_document()
    paths = document["paths"]
    assert set(paths) == {"/v1/health", "/v1/batches", "/v1/updates",
                          "/v1/stations/{unit_code}/{station_no}/summary", "/v1/admin/updates",
                          "/v1/admin/audit-flags"}
    batches = paths["/v1/batches"]["post"]
    assert "foreign_dossier" in batches["description"] and "MaHoSo" in batches["description"]
    schemas = document["components"]["schemas"]
    assert "batch's own station" in schemas["Snapshot"]["properties"]["MaHoSo"]["description"]
    assert "foreign_dossier" in schemas["EventResult"]["properties"]["code"]["description"]
    assert {"200", "401", "403", "409", "413", "422", "429", "503"} <= set(batches["responses"])
    assert batches["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/BatchEnvelope"}
    assert "Retry-After" in batches["responses"]["503"]["headers"]
    components = document["components"]["schemas"]
    for name in ("BatchEnvelope", "Event", "Snapshot", "Progress", "BatchResult", "EventResult",
                 "UpdatesPage", "Update", "Summary", "Error", "Health"):
        assert name in components, name
    assert set(components["Snapshot"]["required"]) >= {"MaHoSo", "TaiLieuNop", "DanhSachLePhi"}
    assert {"StationToken", "AdminToken"} <= set(document["components"]["securitySchemes"])

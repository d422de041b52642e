"""Constants and small helpers shared by the gateway's tests."""

from __future__ import annotations

import gzip
import json
import warnings
from typing import Any

from .gateway_testing import batch_body, sample_event

with warnings.catch_warnings():  # Starlette asks for `httpx2`; httpx is what we have and test
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

UNIT = "000.00.12.H56"
STATION = 2
ADMIN_TOKEN = "admin-secret-for-tests"


def code(n: int, station: int = STATION, unit: str = UNIT) -> str:
    """The n-th dossier code of the station on 23/11/2025."""
    return f"{unit}-251123-{station}{n:03d}"


def body(events: list[dict[str, Any]], **kwargs: Any) -> dict[str, Any]:
    return batch_body(UNIT, STATION, events, **kwargs)


def post(client: Any, auth: dict[str, str], events: list[dict[str, Any]], **kwargs: Any) -> Any:
    """POST a batch of `events`; returns the response."""
    return client.post("/v1/batches", json=body(events, **kwargs), headers=auth)


def statuses(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [r["status"] if r["status"] != "rejected" else r["code"]
            for r in response.json()["results"]]


def gzipped(document: Any) -> bytes:
    return gzip.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"))


__all__ = ["ADMIN_TOKEN", "STATION", "UNIT", "TestClient", "body", "code", "gzipped", "post",
           "sample_event", "statuses"]

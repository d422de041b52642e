"""Judging a batch's events against what the gateway already holds: pure, no database.

The store reads what matters for the batch (`Known`), `judge` decides each event in the order
sent (one result per event), and the store writes the `Verdict`'s accepted events, snapshots
and dossier codes in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .contract import Problem


@dataclass
class DossierState:
    unit_code: str
    station_no: int
    version: int  # highest accepted version
    ma_tthc: str
    is_new: bool = False  # first accepted in this batch


@dataclass
class Known:
    """What the database holds that concerns the batch's events."""

    accepted_ids: set[str]  # event_ids of the batch that were accepted before
    dossiers: dict[str, DossierState]  # by dossier_id
    versions: set[tuple[str, int]]  # (dossier_id, version) accepted before
    code_owner: dict[str, str]  # MaHoSo -> dossier_id
    procedures: set[str] | None  # known MaTTHC among the batch's; None: catalogue empty, any goes


@dataclass(frozen=True)
class Item:
    """One event as sent, with its contract check done beforehand."""

    event: Any
    event_id: str | None
    problem: Problem | None


@dataclass
class Verdict:
    results: list[dict[str, Any]] = field(default_factory=list)
    accepted: list[dict[str, Any]] = field(default_factory=list)  # events, in the order sent
    snapshots: dict[str, dict[str, Any]] = field(default_factory=dict)  # dossier_id -> event
    new_codes: dict[str, str] = field(default_factory=dict)  # MaHoSo -> dossier_id


def rejected(event_id: str | None, problem: Problem) -> dict[str, Any]:
    return {"event_id": event_id, "status": "rejected", "code": problem.code,
            "message": problem.message}


def judge(items: list[Item], unit_code: str, station_no: int, known: Known) -> Verdict:
    """Decide each event in order. `known` is updated with what this batch accepts."""
    verdict = Verdict()
    for item in items:
        event_id = item.event_id
        if event_id is not None and event_id in known.accepted_ids:
            verdict.results.append({"event_id": event_id, "status": "duplicate"})
            continue
        problem = item.problem or _conflict(item.event, unit_code, station_no, known)
        if problem is not None:
            verdict.results.append(rejected(event_id, problem))
            continue
        _accept(item.event, unit_code, station_no, known, verdict)
        verdict.results.append({"event_id": event_id, "status": "accepted"})
    return verdict


def _conflict(event: dict, unit_code: str, station_no: int, known: Known) -> Problem | None:
    dossier_id = event["dossier_id"]
    version = event["version"]
    snapshot = event["dossier"]
    state = known.dossiers.get(dossier_id)
    if state is not None and (state.unit_code, state.station_no) != (unit_code, station_no):
        return Problem(
            "foreign_dossier",
            f"dossier {dossier_id} belongs to station {state.station_no} of unit "
            f"{state.unit_code}; only that station may send its events",
        )
    if (dossier_id, version) in known.versions:
        return Problem(
            "version_conflict",
            f"another event was already accepted as version {version} of dossier {dossier_id}",
        )
    code = snapshot["MaHoSo"]
    owner = known.code_owner.get(code)
    if owner is not None and owner != dossier_id:
        return Problem("code_conflict", f"MaHoSo {code} already belongs to dossier {owner}")
    procedure = snapshot["MaTTHC"]
    if (
        known.procedures is not None
        and procedure not in known.procedures
        and not (state is not None and state.ma_tthc == procedure)
    ):
        return Problem(
            "unknown_procedure",
            f"MaTTHC {procedure} is not in the province's procedure catalogue",
        )
    return None


def _accept(event: dict, unit_code: str, station_no: int, known: Known, verdict: Verdict) -> None:
    dossier_id = event["dossier_id"]
    version = event["version"]
    snapshot = event["dossier"]
    known.accepted_ids.add(event["event_id"])
    known.versions.add((dossier_id, version))
    if snapshot["MaHoSo"] not in known.code_owner:
        known.code_owner[snapshot["MaHoSo"]] = dossier_id
        verdict.new_codes[snapshot["MaHoSo"]] = dossier_id
    verdict.accepted.append(event)
    state = known.dossiers.get(dossier_id)
    if state is None:
        known.dossiers[dossier_id] = DossierState(
            unit_code, station_no, version, snapshot["MaTTHC"], is_new=True
        )
        verdict.snapshots[dossier_id] = event
    elif version > state.version:
        state.version = version
        state.ma_tthc = snapshot["MaTTHC"]
        verdict.snapshots[dossier_id] = event

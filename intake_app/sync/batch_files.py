"""Batch files for a USB stick, and the gateway's result files (docs/sync-protocol.md,
"Without a network: batch files").

Export: every pending event in one gzip JSON file, the body of `POST /v1/batches` plus its
HMAC `signature` (`domain.sync_signing`), with no limit on the number of events, sealed for the
province's gateway (`sealed_batch`: AES-256-GCM under a key derived from the token). The events
stay `pending`: the file may be lost on the way, and whatever reached the gateway by file comes
back `delivered` when its result file is imported here, or as `duplicate` at the next online
sync. Each export is recorded (its batch_id and a digest of its event ids, db/0005) and logged.

Import of a result file: the gateway's signed gzip JSON `{"batch_id", "unit_code",
"station_no", "server_time", "results", "signature"}`. It is taken only when it names this
station, its signature verifies with this station's result key (derived from the token), its
`batch_id` is one this station exported, and its results answer exactly that file's events;
anything else changes nothing and says why in Vietnamese (`BatchFileError`). A file taken is
applied as a 200 answer would be (accepted/duplicate → delivered; rejected → parked while
still pending), in one transaction; its digest is recorded: importing it again changes nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .. import __version__
from ..domain.clock import iso
from ..domain.errors import InvalidInput
from ..domain.events import new_uuid
from ..domain.sync_rules import EventResult, ProtocolError, event_ids_digest, parse_result
from ..domain.sync_signing import SIGNATURE_KEY, sign_body, verify_result
from ..store import outbox, sync_state
from ..store.db import write_transaction
from . import audit_head, sealed_batch

GZIP_MAGIC = b"\x1f\x8b"
MAX_RESULT_FILE_BYTES = 1024 * 1024 * 1024  # decompressed; a guard against a zip bomb
NOTHING_CHANGED = "Không có gì thay đổi."


class BatchFileError(InvalidInput):
    """A batch or result file that cannot be used: the message says why, in Vietnamese."""


AuditHook = Callable[[str, str, dict[str, Any]], Any]
"""Records one audit record (action, target, detail) inside the caller's transaction."""


def export_pending(db: Database, out: Path, *, token: str, unit_code: str, station_no: int,
                   clock: Callable[[], datetime], audit: AuditHook | None = None,
                   ) -> dict[str, Any]:
    """Write every pending event to `out` as a signed batch file; returns what was written.

    The export is recorded before the file is written: a result file can only answer a batch
    this station knows it exported (a record whose file failed to be written is harmless).
    """
    from ..documents.files import write_atomically

    events = [json.loads(payload) for _, _, payload in outbox.iter_pending(db)]
    batch_id = new_uuid()
    body = {"batch_id": batch_id, "unit_code": unit_code, "station_no": station_no,
            "app_version": __version__, "sent_at": iso(clock()), "events": events}
    chain = audit_head.current(db)
    if chain is not None:
        body["audit_head"] = chain
    signed = sign_body(body, token)
    raw = json.dumps(signed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out = Path(out)
    summary = {"batch_id": batch_id, "events": len(events), "file": str(out),
               "dossiers": len({e.get("dossier_id") for e in events})}
    with write_transaction(db):
        sync_state.record_export(db, batch_id, iso(clock()), len(events),
                                 event_ids_digest([e["event_id"] for e in events]), str(out))
        audit_head.remember_export(db, batch_id, chain)
        if audit is not None:
            audit("sync.exported", batch_id, {"events": len(events), "file": str(out)})
    out.parent.mkdir(parents=True, exist_ok=True)
    # Sealed for the province's gateway: a lost stick gives no citizen away (sealed_batch.py).
    write_atomically(out, sealed_batch.seal(gzip.compress(raw, 6), token, unit_code, station_no))
    with write_transaction(db):
        sync_state.log(db, iso(clock()), "info", "export",
                       f"exported {len(events)} pending events to {out}", summary)
    return summary


def read_json_file(path: Path) -> tuple[Any, str]:
    """A gzip (or plain) JSON file: its content and the sha256 of its decompressed bytes."""
    try:
        raw = Path(path).read_bytes()
        if raw[:2] == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
                raw = stream.read(MAX_RESULT_FILE_BYTES + 1)
            if len(raw) > MAX_RESULT_FILE_BYTES:
                raise BatchFileError(f"Tệp {path} quá lớn sau khi giải nén. {NOTHING_CHANGED}",
                                     f"{path} is too large once decompressed")
        return json.loads(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()
    except OSError as exc:
        raise BatchFileError(f"Không đọc được tệp {path}: {exc.strerror or exc}.",
                             f"cannot read {path}: {exc}") from exc
    except (UnicodeDecodeError, ValueError, EOFError, RecursionError) as exc:
        raise BatchFileError(
            f"Tệp {path} không phải tệp kết quả của máy chủ tỉnh (JSON nén gzip). "
            f"{NOTHING_CHANGED}", f"{path} is not a gzip JSON file: {exc}") from exc


def import_results(db: Database, path: Path, *, token: str, unit_code: str, station_no: int,
                   clock: Callable[[], datetime], audit: AuditHook | None = None,
                   ) -> dict[str, Any]:
    """Apply a gateway result file meant for this station, once; a second import of the same
    file changes nothing. BatchFileError (and nothing changed) for any other file."""
    data, digest = read_json_file(path)
    results, batch_id = _trusted_results(db, path, data, token=token, unit_code=unit_code,
                                         station_no=station_no)
    with write_transaction(db):
        earlier = sync_state.result_file_imported(db, digest)
        if earlier is not None:
            return {**earlier, "batch_id": batch_id, "already_imported": True,
                    "delivered": 0, "rejected": 0, "changed": 0}
        counts = outbox.apply_file_results(db, results, iso(clock()))
        audit_head.acknowledge_export(db, batch_id)
        if audit is not None:
            audit("sync.results_imported", batch_id, {"file": str(path), **counts})
        summary = {"batch_id": batch_id, "results": len(results), **counts}
        sync_state.record_result_file(db, digest, batch_id, iso(clock()), summary)
        sync_state.log(db, iso(clock()), "info", "import",
                       f"imported result file {path}: {counts['delivered']} delivered, "
                       f"{counts['rejected']} rejected", summary)
    return {**summary, "already_imported": False,
            "changed": counts["delivered"] + counts["rejected"]}


def _trusted_results(db: Database, path: Path, data: Any, *, token: str, unit_code: str,
                     station_no: int) -> tuple[list[EventResult], str]:
    """The results of a result file this station may take, and its batch_id; else
    BatchFileError saying why (in the order a person can act on)."""
    if not isinstance(data, dict) or not isinstance(data.get("results"), list) \
            or not isinstance(data.get("batch_id"), str):
        raise BatchFileError(
            f"Tệp {path} không phải tệp kết quả của máy chủ tỉnh. {NOTHING_CHANGED}",
            f"{path} has no batch_id and list `results`: not a gateway result file")
    batch_id: str = data["batch_id"]
    unit, number = data.get("unit_code"), data.get("station_no")
    if unit is None and number is None:
        raise BatchFileError(
            f"Tệp kết quả không ghi đơn vị và số quầy nên không biết dành cho quầy nào. "
            f"{NOTHING_CHANGED}", f"{path} names no unit_code and station_no")
    if (unit, number) != (unit_code, station_no):
        raise BatchFileError(
            f"Tệp kết quả này không dành cho quầy này: tệp ghi quầy số {number} của đơn vị "
            f"{unit}, còn đây là quầy số {station_no} của đơn vị {unit_code}. {NOTHING_CHANGED}",
            f"{path} names unit {unit!r} station {number!r}, not this station "
            f"({unit_code}, {station_no})")
    if not isinstance(data.get(SIGNATURE_KEY), str):
        raise BatchFileError(
            f"Tệp kết quả không có chữ ký của máy chủ tỉnh nên không thể tin được. "
            f"{NOTHING_CHANGED}", f"{path} has no signature")
    if not verify_result(data, token):
        raise BatchFileError(
            "Chữ ký của tệp kết quả không khớp với mã truy cập của quầy này: tệp đã bị sửa, "
            "không do máy chủ tỉnh lập cho quầy này, hoặc được ký khi quầy còn dùng mã truy "
            f"cập cũ. {NOTHING_CHANGED}",
            f"the signature of {path} does not verify with this station's result key")
    exported = sync_state.exported_batch(db, batch_id)
    if exported is None:
        raise BatchFileError(
            f"Tệp kết quả trả lời lô {batch_id}, nhưng quầy này chưa từng xuất lô đó ra tệp. "
            f"{NOTHING_CHANGED}", f"{path} answers batch {batch_id}, which was not exported here")
    try:
        results = [parse_result(raw) for raw in data["results"]]
    except ProtocolError as exc:
        raise BatchFileError(
            f"Tệp kết quả {path} có kết quả không đúng quy định. {NOTHING_CHANGED}",
            f"{path}: {exc}") from exc
    if event_ids_digest([r.event_id for r in results]) != exported["event_ids_sha256"]:
        raise BatchFileError(
            f"Tệp kết quả của lô {batch_id} không khớp với {exported['events']} sự kiện quầy đã "
            f"xuất trong lô đó. {NOTHING_CHANGED}",
            f"{path}: its {len(results)} results do not answer the {exported['events']} events "
            f"exported in batch {batch_id}, in order")
    return results, batch_id


def read_batch_file(path: Path, token: str) -> dict[str, Any]:
    """A batch file this station exported, opened with its token (support and tests: the
    gateway opens it with the key it keeps for the station)."""
    raw = Path(path).read_bytes()
    envelope = sealed_batch.envelope_of(raw)
    if envelope is not None:
        raw = sealed_batch.open_sealed(envelope, token)
    return json.loads(gzip.decompress(raw).decode("utf-8"))

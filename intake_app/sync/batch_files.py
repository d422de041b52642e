"""Batch files for a USB stick (sync-protocol.md, "Without a network").

Export: every pending event in one gzip JSON file, the body of `POST /v1/batches` plus its
HMAC `signature` (`domain.sync_signing`), with no limit on the number of events. The events
stay `pending`: the file may be lost on the way, and whatever reached the gateway by file comes
back `delivered` when its result file is imported here, or as `duplicate` at the next online
sync. Each export is recorded in the sync log (batch_id, count, file).

Import of a result file: the gateway's gzip JSON `{"batch_id", "server_time", "results"}`,
applied as a 200 answer would be (accepted/duplicate → delivered; rejected → parked while
still pending), in one transaction. The file's digest is recorded: importing it again changes
nothing.
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
from ..domain.events import new_uuid
from ..domain.sync_rules import ProtocolError, parse_result
from ..domain.sync_signing import sign_body
from ..store import outbox, sync_state
from ..store.db import write_transaction

GZIP_MAGIC = b"\x1f\x8b"
MAX_RESULT_FILE_BYTES = 1024 * 1024 * 1024  # decompressed; a guard against a zip bomb


class BatchFileError(ValueError):
    """A file that cannot be used; `vi` is the message for the window."""

    def __init__(self, message: str, vi: str):
        super().__init__(message)
        self.vi = vi


def export_pending(db: Database, out: Path, *, token: str, unit_code: str, station_no: int,
                   clock: Callable[[], datetime]) -> dict[str, Any]:
    """Write every pending event to `out` as a signed batch file; returns what was written."""
    from ..documents.files import write_atomically

    events = [json.loads(payload) for _, _, payload in outbox.iter_pending(db)]
    batch_id = new_uuid()
    body = {"batch_id": batch_id, "unit_code": unit_code, "station_no": station_no,
            "app_version": __version__, "sent_at": iso(clock()), "events": events}
    signed = sign_body(body, token)
    raw = json.dumps(signed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, gzip.compress(raw, 6))
    summary = {"batch_id": batch_id, "events": len(events), "file": str(out),
               "dossiers": len({e.get("dossier_id") for e in events})}
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
                raise BatchFileError("the file is too large once decompressed",
                                     "Tệp quá lớn sau khi giải nén.")
        return json.loads(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()
    except OSError as exc:
        raise BatchFileError(f"cannot read {path}: {exc}",
                             f"Không đọc được tệp {path}: {exc}") from exc
    except (UnicodeDecodeError, ValueError, EOFError) as exc:
        raise BatchFileError(f"{path} is not a gzip JSON file: {exc}",
                             f"Tệp {path} không phải tệp kết quả (JSON nén gzip).") from exc


def import_results(db: Database, path: Path, *,
                   clock: Callable[[], datetime]) -> dict[str, Any]:
    """Apply a gateway result file once; a second import of the same file changes nothing."""
    data, digest = read_json_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise BatchFileError(f"{path} has no list `results`: not a gateway result file",
                             f"Tệp {path} không phải tệp kết quả của máy chủ tỉnh.")
    try:
        results = [parse_result(raw) for raw in data["results"]]
    except ProtocolError as exc:
        raise BatchFileError(f"{path}: {exc}", f"Tệp kết quả {path} bị lỗi: {exc}") from exc
    batch_id = data.get("batch_id") if isinstance(data.get("batch_id"), str) else None
    with write_transaction(db):
        earlier = sync_state.result_file_imported(db, digest)
        if earlier is not None:
            return {**earlier, "batch_id": batch_id, "already_imported": True,
                    "delivered": 0, "rejected": 0, "changed": 0}
        counts = outbox.apply_file_results(db, results, iso(clock()))
        summary = {"batch_id": batch_id, "results": len(results), **counts}
        sync_state.record_result_file(db, digest, batch_id, iso(clock()), summary)
        sync_state.log(db, iso(clock()), "info", "import",
                       f"imported result file {path}: {counts['delivered']} delivered, "
                       f"{counts['rejected']} rejected", summary)
    return {**summary, "already_imported": False,
            "changed": counts["delivered"] + counts["rejected"]}

"""USB batch files and their result files: gzip-compressed JSON, each signed.

A station's batch file is signed with its signing key, the gateway's result file with the
result key derived from it (`tokens.result_key`). Either signature is HMAC-SHA256(key,
canonical body) in hex, where the canonical body is the document without "signature",
serialised with sorted keys, no whitespace, non-ASCII characters as themselves, in UTF-8
(docs/sync-protocol.md, "Without a network: batch files").
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from .tokens import result_key, signing_key


class BatchFileError(ValueError):
    """The file cannot be read as a batch file (not gzip, not JSON, no signature)."""


def canonical_body(body: dict[str, Any]) -> bytes:
    unsigned = {key: value for key, value in body.items() if key != "signature"}
    return json.dumps(
        unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def sign(body: dict[str, Any], key: bytes) -> str:
    return hmac.new(key, canonical_body(body), hashlib.sha256).hexdigest()


def signature_ok(body: dict[str, Any], key: bytes) -> bool:
    given = body.get("signature")
    if not isinstance(given, str):
        return False
    return hmac.compare_digest(given.lower().encode("ascii", "replace"), sign(body, key).encode())


def signed_result(answer: dict[str, Any], unit_code: str, station_no: int,
                  station_signing_key: bytes) -> dict[str, Any]:
    """The result file's document for a batch file's answer: `batch_id`, `unit_code`,
    `station_no`, `server_time`, `results`, signed with the station's result key."""
    document = {"batch_id": answer["batch_id"], "unit_code": unit_code,
                "station_no": station_no, "server_time": answer["server_time"],
                "results": answer["results"]}
    return {**document, "signature": sign(document, result_key(station_signing_key))}


def read_batch_file(path: Path) -> dict[str, Any]:
    """The signed body in a batch file (signature not yet checked)."""
    try:
        raw = gzip.decompress(Path(path).read_bytes())
    except (OSError, EOFError) as exc:
        raise BatchFileError(f"{path} is not a gzip file: {exc}") from exc
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BatchFileError(f"{path} does not hold UTF-8 JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise BatchFileError(f"{path} does not hold a JSON object")
    if not isinstance(body.get("signature"), str):
        raise BatchFileError(f"{path} has no signature")
    return body


def write_json_gz(path: Path, document: dict[str, Any]) -> None:
    """Write gzip JSON (UTF-8, non-ASCII as itself), replacing the file atomically."""
    path = Path(path)
    data = gzip.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"))
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)


def read_json_gz(path: Path) -> Any:
    return json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))


def write_batch_file(path: Path, body: dict[str, Any], token: str) -> None:
    """What a station does: sign `body` with the key derived from its token and write the file."""
    signed = {**body, "signature": sign(body, signing_key(token))}
    write_json_gz(path, signed)

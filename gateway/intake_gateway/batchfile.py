"""USB batch files and their result files: gzip-compressed JSON, each signed.

A station's batch file is signed with its signing key, the gateway's result file with the
result key derived from it (`tokens.result_key`). Either signature is HMAC-SHA256(key,
canonical body) in hex, where the canonical body is the document without "signature",
serialised with sorted keys, no whitespace, non-ASCII characters as themselves, in UTF-8
(docs/sync-protocol.md, "Without a network: batch files").

Since the revision of 2026-12-b a station seals its batch file for this gateway: a JSON
envelope naming the station, around the gzip JSON sealed with AES-256-GCM under
`file_key = HMAC-SHA256(signing_key, b"intake batch file encryption v1")`. The gateway opens
it with the signing key it keeps for the station; an unsealed (older) file is still read.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import json
from collections.abc import Callable
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


SEALED_FORMAT = "intake-sealed-batch/1"
ENCRYPTION_CONTEXT = b"intake batch file encryption v1"


def file_key(station_signing_key: bytes) -> bytes:
    """The key a station seals its batch files with, derived from its signing key."""
    return hmac.new(station_signing_key, ENCRYPTION_CONTEXT, hashlib.sha256).digest()


def _sealed_aad(unit_code: str, station_no: int) -> bytes:
    return f"{SEALED_FORMAT}|{unit_code}|{station_no}".encode()


def seal_batch(inner: bytes, station_signing_key: bytes, unit_code: str,
               station_no: int) -> bytes:
    """A sealed batch file around `inner` (gzip JSON), as a station writes it."""
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(file_key(station_signing_key)).encrypt(
        nonce, inner, _sealed_aad(unit_code, station_no))
    return json.dumps({"format": SEALED_FORMAT, "unit_code": unit_code,
                       "station_no": station_no, "cipher": "AES-256-GCM",
                       "nonce": base64.b64encode(nonce).decode("ascii"),
                       "sealed": base64.b64encode(sealed).decode("ascii")}).encode("utf-8")


def _unseal(path: Path, raw: bytes,
            key_for: Callable[[str, int], bytes | None] | None) -> tuple[bytes, tuple | None]:
    """(the gzip bytes of the file, (unit_code, station_no) of its envelope or None)."""
    if raw.lstrip()[:1] != b"{":
        return raw, None
    try:
        envelope = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BatchFileError(f"{path} is neither a gzip file nor a sealed batch file") from exc
    if not isinstance(envelope, dict) or envelope.get("format") != SEALED_FORMAT:
        raise BatchFileError(f"{path} is not a sealed batch file ({SEALED_FORMAT})")
    unit, number = envelope.get("unit_code"), envelope.get("station_no")
    if not isinstance(unit, str) or not isinstance(number, int) or isinstance(number, bool):
        raise BatchFileError(f"{path} does not name its unit_code and station_no")
    key = key_for(unit, number) if key_for is not None else None
    if key is None:
        raise BatchFileError(f"station {number} of unit {unit} has no live token on this "
                             "gateway: its sealed batch file cannot be opened")
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        inner = AESGCM(file_key(key)).decrypt(base64.b64decode(envelope["nonce"]),
                                              base64.b64decode(envelope["sealed"]),
                                              _sealed_aad(unit, number))
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise BatchFileError(
            f"{path} does not open with the key of station {number} of unit {unit}: the file "
            "was changed, or sealed with a token this gateway no longer holds") from exc
    return inner, (unit, number)


def read_batch_file(path: Path, key_for: Callable[[str, int], bytes | None] | None = None
                    ) -> dict[str, Any]:
    """The signed body in a batch file (signature not yet checked). A sealed file is opened
    with `key_for(unit_code, station_no)`, the station's signing key."""
    try:
        packed, sealed_for = _unseal(path, Path(path).read_bytes(), key_for)
        raw = gzip.decompress(packed)
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
    if sealed_for is not None and (body.get("unit_code"), body.get("station_no")) != sealed_for:
        raise BatchFileError(f"{path} names another station inside than on its envelope")
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

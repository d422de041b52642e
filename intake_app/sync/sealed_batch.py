"""A USB batch file sealed for the province's gateway (docs/sync-protocol.md §5, revision of
2026-12-b): the events a stick carries hold citizens' names, ID numbers and phones, so a lost
stick must give nothing away.

The signed gzip JSON of an unsealed batch file is sealed with AES-256-GCM under
`file_key = HMAC-SHA256(key = signing_key, message = b"intake batch file encryption v1")`,
which the gateway derives from the `signing_key` it already keeps for the station (and the
station from its token): no new secret travels. The envelope is UTF-8 JSON naming only the
station, so the gateway knows whose key opens it:

    {"format": "intake-sealed-batch/1", "unit_code": "…", "station_no": 2,
     "cipher": "AES-256-GCM", "nonce": "<base64, 12 bytes>", "sealed": "<base64>"}

with `format|unit_code|station_no` as the associated data. Only the gateway that issued the
station's token (and the station itself) can open it; the signature inside is checked as for
an unsealed file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from typing import Any

from ..domain.sync_signing import signing_key

FORMAT = "intake-sealed-batch/1"
CIPHER = "AES-256-GCM"
ENCRYPTION_CONTEXT = b"intake batch file encryption v1"


class SealedBatchError(ValueError):
    """Not a sealed batch file, or one this station's key does not open."""


def file_key(token: str) -> bytes:
    return hmac.new(signing_key(token), ENCRYPTION_CONTEXT, hashlib.sha256).digest()


def _aad(unit_code: str, station_no: int) -> bytes:
    return f"{FORMAT}|{unit_code}|{station_no}".encode()


def seal(inner: bytes, token: str, unit_code: str, station_no: int) -> bytes:
    """The envelope's bytes for the unsealed file `inner` (gzip JSON)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(file_key(token)).encrypt(nonce, inner, _aad(unit_code, station_no))
    envelope = {"format": FORMAT, "unit_code": unit_code, "station_no": station_no,
                "cipher": CIPHER, "nonce": base64.b64encode(nonce).decode("ascii"),
                "sealed": base64.b64encode(sealed).decode("ascii")}
    return json.dumps(envelope).encode("utf-8")


def envelope_of(raw: bytes) -> dict[str, Any] | None:
    """The envelope of a sealed batch file (None: not one, e.g. an unsealed gzip file)."""
    if raw.lstrip()[:1] != b"{":
        return None
    try:
        envelope = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return envelope if isinstance(envelope, dict) and envelope.get("format") == FORMAT \
        else None


def open_sealed(envelope: dict[str, Any], token: str) -> bytes:
    """The unsealed file (gzip JSON) inside the envelope."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(file_key(token)).decrypt(
            base64.b64decode(envelope["nonce"]), base64.b64decode(envelope["sealed"]),
            _aad(str(envelope["unit_code"]), int(envelope["station_no"])))
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise SealedBatchError("the sealed batch file does not open with this key") from exc

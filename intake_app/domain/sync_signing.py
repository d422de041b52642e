"""Signing a batch file for a USB stick, and checking the gateway's result file
(docs/sync-protocol.md, "Without a network: batch files").

A signature covers the canonical body (the document without `signature`, keys sorted, no
whitespace, non-ASCII written as itself, UTF-8), keyed by a key derived from the station token:
`signing_key = HMAC-SHA256(token, b"intake batch file v1")` signs the station's batch file,
`result_key = HMAC-SHA256(signing_key, b"intake result file v1")` the gateway's result file;
`signature = hex(HMAC-SHA256(key, canonical body))`.

>>> body = {"b": "Đức", "a": [1, 2]}
>>> canonical_body(body)
b'{"a":[1,2],"b":"\\xc4\\x90\\xe1\\xbb\\xa9c"}'
>>> signed = sign_body(body, "token-1")
>>> verify_body(signed, "token-1"), verify_body(signed, "token-2")
(True, False)
>>> result = sign_result({"batch_id": "b", "results": []}, "token-1")
>>> verify_result(result, "token-1"), verify_result(result, "token-2")
(True, False)
>>> verify_body(result, "token-1")  # a result file is not signed with the batch file's key
False
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

SIGNING_CONTEXT = b"intake batch file v1"
RESULT_CONTEXT = b"intake result file v1"
SIGNATURE_KEY = "signature"


def canonical_body(body: dict[str, Any]) -> bytes:
    """The bytes the signature covers: `body` without `signature`, canonically serialised."""
    unsigned = {k: v for k, v in body.items() if k != SIGNATURE_KEY}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def signing_key(token: str) -> bytes:
    """The 32-byte key a gateway keeps for the station instead of the token itself."""
    return hmac.new(token.encode("utf-8"), SIGNING_CONTEXT, hashlib.sha256).digest()


def result_key(token: str) -> bytes:
    """The key of the gateway's result files for this station (revision of 2026-12)."""
    return hmac.new(signing_key(token), RESULT_CONTEXT, hashlib.sha256).digest()


def signature(body: dict[str, Any], key: bytes) -> str:
    return hmac.new(key, canonical_body(body), hashlib.sha256).hexdigest()


def sign_body(body: dict[str, Any], token: str) -> dict[str, Any]:
    """A copy of `body` with its `signature`."""
    return {**body, SIGNATURE_KEY: signature(body, signing_key(token))}


def verify_body(body: dict[str, Any], token: str) -> bool:
    """Whether `body` carries the signature of the station's batch-file key."""
    return _verify(body, signing_key(token))


def sign_result(document: dict[str, Any], token: str) -> dict[str, Any]:
    """A copy of a result file's `document` signed as the gateway signs it (for tests)."""
    return {**document, SIGNATURE_KEY: signature(document, result_key(token))}


def verify_result(document: dict[str, Any], token: str) -> bool:
    """Whether a result file's `document` carries the signature of the station's result key."""
    return _verify(document, result_key(token))


def _verify(document: dict[str, Any], key: bytes) -> bool:
    given = document.get(SIGNATURE_KEY)
    if not isinstance(given, str) or not given.isascii():
        return False
    return hmac.compare_digest(given.lower(), signature(document, key))

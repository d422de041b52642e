"""Signing a batch file for a USB stick (sync-protocol.md, "Without a network").

The signature covers the canonical body (the body without `signature`, keys sorted, no
whitespace, non-ASCII written as itself, UTF-8), keyed by a key derived from the station token:
`signing_key = HMAC-SHA256(token, b"intake batch file v1")`, and
`signature = hex(HMAC-SHA256(signing_key, canonical body))`.

>>> body = {"b": "Đức", "a": [1, 2]}
>>> canonical_body(body)
b'{"a":[1,2],"b":"\\xc4\\x90\\xe1\\xbb\\xa9c"}'
>>> signed = sign_body(body, "token-1")
>>> verify_body(signed, "token-1"), verify_body(signed, "token-2")
(True, False)
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

SIGNING_CONTEXT = b"intake batch file v1"
SIGNATURE_KEY = "signature"


def canonical_body(body: dict[str, Any]) -> bytes:
    """The bytes the signature covers: `body` without `signature`, canonically serialised."""
    unsigned = {k: v for k, v in body.items() if k != SIGNATURE_KEY}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def signing_key(token: str) -> bytes:
    """The 32-byte key a gateway keeps for the station instead of the token itself."""
    return hmac.new(token.encode("utf-8"), SIGNING_CONTEXT, hashlib.sha256).digest()


def signature(body: dict[str, Any], key: bytes) -> str:
    return hmac.new(key, canonical_body(body), hashlib.sha256).hexdigest()


def sign_body(body: dict[str, Any], token: str) -> dict[str, Any]:
    """A copy of `body` with its `signature`."""
    return {**body, SIGNATURE_KEY: signature(body, signing_key(token))}


def verify_body(body: dict[str, Any], token: str) -> bool:
    given = body.get(SIGNATURE_KEY)
    if not isinstance(given, str):
        return False
    return hmac.compare_digest(given, signature(body, signing_key(token)))

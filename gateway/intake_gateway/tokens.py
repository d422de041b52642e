"""Station tokens: made once, shown once, kept only as a SHA-256 digest and a file-signing key."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SIGNING_CONTEXT = b"intake batch file v1"
RESULT_CONTEXT = b"intake result file v1"


def new_token() -> str:
    """A fresh station token (43 URL-safe characters, 256 bits)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the gateway stores to recognise a token: hex SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def signing_key(token: str) -> bytes:
    """The station's batch-file key: HMAC-SHA256(key=token, message=b"intake batch file v1")."""
    return hmac.new(token.encode("utf-8"), SIGNING_CONTEXT, hashlib.sha256).digest()


def result_key(station_signing_key: bytes) -> bytes:
    """The key of the station's result files (revision of 2026-12):
    HMAC-SHA256(key=signing_key, message=b"intake result file v1")."""
    return hmac.new(station_signing_key, RESULT_CONTEXT, hashlib.sha256).digest()


def same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison of two secrets (the admin token)."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))

"""Pairing proofs (docs/office-hub.md §3.3): a short code authenticates the certificate.

The same arithmetic lives on the counter's side in `intake_app/domain/office.py` (the gateway
imports nothing from the app); a test checks that the two agree.

    code C: 10 symbols of Crockford base32 (no I, L, O, U), shown as K7QM-2XHD-9F (50 bits)
    K = scrypt(normalise(C), salt="intake office pairing v1", n=2**14, r=8, p=1)
    counter_proof = HMAC(K, "counter" || P || n)        P: SHA-256 of the certificate's DER
    hub_proof     = HMAC(K, "hub" || P || n || SHA-256(canonical answer))
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Any

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
SALT = b"intake office pairing v1"
CODE_LIFETIME_S = 600.0
MAX_TRIES = 5


def new_code() -> str:
    """A fresh pairing code as shown: `K7QM-2XHD-9F`."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise(code: str) -> str | None:
    """Upper case, no dashes or spaces, O→0, I/L→1; None when it is not a code."""
    text = code.upper().replace("-", "").replace(" ", "")
    text = text.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(text) != CODE_LENGTH or any(c not in ALPHABET for c in text):
        return None
    return text


def code_key(normalised: str) -> bytes:
    """K: scrypt of the normalised code (about 40 ms)."""
    return hashlib.scrypt(normalised.encode("ascii"), salt=SALT, n=2**14, r=8, p=1,
                          maxmem=64 * 1024 * 1024, dklen=32)


def counter_proof(key: bytes, pin: bytes, nonce: bytes) -> str:
    return hmac.new(key, b"counter" + pin + nonce, hashlib.sha256).hexdigest()


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def hub_proof(key: bytes, pin: bytes, nonce: bytes, answer: dict[str, Any]) -> str:
    digest = hashlib.sha256(canonical(answer)).digest()
    return hmac.new(key, b"hub" + pin + nonce + digest, hashlib.sha256).hexdigest()


def same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("ascii", "replace"), expected.encode("ascii"))

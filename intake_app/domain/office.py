"""Office mode's pure rules (docs/office-hub.md): the pairing proofs, the hub's address.

The arithmetic of the pairing proofs is the hub's (`gateway/intake_gateway/office/pairing.py`;
the gateway imports nothing from the app, so it is written twice and a test checks both agree):

    K = scrypt(normalise(code), salt="intake office pairing v1", n=2**14, r=8, p=1)
    counter_proof = HMAC-SHA256(K, "counter" || P || nonce)
    hub_proof = HMAC-SHA256(K, "hub" || P || nonce || SHA-256(canonical answer))

>>> normalise_code("k7qm-2xhd-9f")
'K7QM2XHD9F'
>>> normalise_code("K7QM-2XHD-9O") == "K7QM2XHD90"  # O read as zero
True
>>> normalise_code("K7QM-2XHD") is None
True
>>> hub_url("192.168.1.10")
'https://192.168.1.10:47470'
>>> hub_url("https://hub.local:8443/")
'https://hub.local:8443'
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from urllib.parse import urlsplit

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
SALT = b"intake office pairing v1"
DEFAULT_PORT = 47470

# Settings of a counter that joined an office (none of them is a secret).
HUB_URL_KEY = "office.hub_url"
PIN_PEM_KEY = "office.certificate"  # the hub's certificate, the only trust anchor
OFFICE_KEY = "office.office"  # {office_id, epoch, unit_name, office_name, joined_at}
# In sync_state: the feed's cursor (the last seq applied) and where the feed stood.
FEED_CURSOR = "office.feed_cursor"
FEED_STATE = "office.feed"  # {at, head, cursor}
OFFICE_HUB = "office.hub"  # the hub's last health: {at, head, province: {...}}


def behind(feed: dict | None) -> int:
    """How many feed entries this counter has not applied yet (0 when unknown).

    >>> behind({"head": 120, "cursor": 100}), behind(None)
    (20, 0)
    """
    if not feed:
        return 0
    return max(0, int(feed.get("head") or 0) - int(feed.get("cursor") or 0))


def normalise_code(code: str) -> str | None:
    """Upper case, no dashes or spaces, O→0, I/L→1; None when it is not a pairing code."""
    text = code.upper().replace("-", "").replace(" ", "")
    text = text.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(text) != CODE_LENGTH or any(c not in ALPHABET for c in text):
        return None
    return text


def code_key(normalised: str) -> bytes:
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


def hub_proof_ok(key: bytes, pin: bytes, nonce: bytes, answer: dict[str, Any]) -> bool:
    given = answer.get("hub_proof")
    rest = {k: v for k, v in answer.items() if k != "hub_proof"}
    return isinstance(given, str) and hmac.compare_digest(
        given.encode("ascii", "replace"), hub_proof(key, pin, nonce, rest).encode("ascii"))


def hub_url(address: str) -> str:
    """The hub's base URL from what IT typed: an address, address:port, or a URL."""
    text = address.strip().rstrip("/")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.hostname or ""
    port = parts.port or DEFAULT_PORT
    if ":" in host:
        host = f"[{host}]"
    return f"https://{host}:{port}"


def grant_signature_ok(grant: dict[str, Any], public_key_b64: str) -> bool:
    """Whether the office hub signed this grant (Ed25519 over its canonical form without
    `signature`, docs/office-hub.md §7.2)."""
    import base64
    import binascii

    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    body = {k: v for k, v in grant.items() if k != "signature"}
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64))
        key.verify(base64.b64decode(str(grant.get("signature") or "")), canonical(body))
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True

"""The station token, kept where the station keeps every secret (`station_keys.SecretStore`).

That is the OS credential store (Windows Credential Manager, macOS Keychain, a Linux desktop's
Secret Service), or, only if the administrator explicitly chose it on a PC without one, the
data folder's unprotected key file. A PC with neither cannot keep it: the person is told so
plainly (`NoCredentialStore`), and the token is not written anywhere else.
"""

from __future__ import annotations

import contextlib

from ..station_keys import NoCredentialStore, SecretStore

# The name the sync screens and commands catch; the same error as every other secret's.
CredentialStoreUnavailable = NoCredentialStore


def username(unit_code: str, station_no: int) -> str:
    """The credential's user name: one token per unit and station."""
    return f"{unit_code}/{station_no}"


def store_token(store: SecretStore, unit_code: str, station_no: int, token: str) -> None:
    """Keep the token; NoCredentialStore if the store cannot (checked by reading it back)."""
    store.set(username(unit_code, station_no), token)


def load_token(store: SecretStore, unit_code: str, station_no: int) -> str | None:
    """The stored token, or None when there is none or no store to ask."""
    try:
        return store.get(username(unit_code, station_no))
    except NoCredentialStore:
        return None


def delete_token(store: SecretStore, unit_code: str, station_no: int) -> bool:
    return store.delete(username(unit_code, station_no))


def _gateway_name(unit_code: str, station_no: int) -> str:
    return f"{username(unit_code, station_no)}#gateway"


def bind_token(store: SecretStore, unit_code: str, station_no: int, gateway_url: str) -> None:
    """Record, beside the token and out of the data folder's reach, the gateway address the
    token was entered for: it is only ever sent there (issue 12, point 4)."""
    store.set(_gateway_name(unit_code, station_no), gateway_url)


def token_gateway(store: SecretStore, unit_code: str, station_no: int) -> str | None:
    """The address the stored token was entered for (None: a token of an older version)."""
    try:
        return store.get(_gateway_name(unit_code, station_no))
    except NoCredentialStore:
        return None


def forget_token(store: SecretStore, unit_code: str, station_no: int) -> bool:
    """Delete the token and its address (the gateway's address changed)."""
    gone = delete_token(store, unit_code, station_no)
    with contextlib.suppress(NoCredentialStore):
        store.delete(_gateway_name(unit_code, station_no))
    return gone

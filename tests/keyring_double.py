"""An OS credential store for tests: the station keys and the sync token are kept in it.

One store per test run stands for "this PC" (stations that a module sets up once are kept
there), and each test gets a store of its own on top of it: it reads through to the run's
store and writes only to its own, and `clear()` turns it into a new PC's empty store.
Child processes (crash children, the command line in a subprocess) share the files named by
`$INTAKE_TEST_KEYRING` and `$INTAKE_TEST_KEYRING_BASE`; they find this backend through
`PYTHON_KEYRING_BACKEND=keyring_double.SharedTestKeyring` (conftest sets all three and puts
`tests/` on `PYTHONPATH`).
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "INTAKE_TEST_KEYRING"
BASE_ENV = "INTAKE_TEST_KEYRING_BASE"
BACKEND = "keyring_double.SharedTestKeyring"
_lock = threading.Lock()

Passwords = dict[tuple[str, str], str]


def _load(path: Path) -> tuple[Passwords, bool]:
    """The entries of a store file, and whether it reads through to the run's store."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, True
    return {(s, u): v for s, u, v in data["entries"]}, data["inherit"]


def _save(path: Path, passwords: Passwords, inherit: bool) -> None:
    temp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temp.write_text(json.dumps({"entries": [[s, u, v] for (s, u), v in passwords.items()],
                                "inherit": inherit}), encoding="utf-8")
    os.replace(temp, path)


class SharedTestKeyring(KeyringBackend):
    """A credential store in a JSON file: what Windows' Credential Manager is to one Windows
    account, minus the protection."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path | None = None, base: Path | None = None) -> None:
        super().__init__()
        self.path = Path(path or os.environ[FILE_ENV])
        base = base or (Path(os.environ[BASE_ENV]) if os.environ.get(BASE_ENV) else None)
        self.base = base if base != self.path else None

    @property
    def passwords(self) -> Passwords:
        """What this store itself holds now (a copy; not what it reads through to)."""
        return _load(self.path)[0]

    def get_password(self, service: str, username: str) -> str | None:
        own, inherit = _load(self.path)
        if (service, username) in own:
            return own[(service, username)]
        if inherit and self.base is not None:
            return _load(self.base)[0].get((service, username))
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        with _lock:
            own, inherit = _load(self.path)
            own[(service, username)] = password
            _save(self.path, own, inherit)

    def delete_password(self, service: str, username: str) -> None:
        with _lock:
            own, inherit = _load(self.path)
            if own.pop((service, username), None) is None:
                raise PasswordDeleteError(username)
            _save(self.path, own, inherit)

    def clear(self) -> None:
        """A new PC, or another Windows account: a store that has never seen any station."""
        with _lock:
            _save(self.path, {}, inherit=False)

"""The station's secrets: made at set-up, kept in the OS credential store, wrapped for recovery.

One way for every secret of a station (the database key, the audit/seal key, the recovery key,
the sync token): a `SecretStore`. Normally that is the operating system's credential store
through keyring (Windows: Credential Manager, protected by DPAPI under the Windows account;
macOS: Keychain; Linux desktops: Secret Service). Nothing secret is ever written in the data
folder on such a PC.

At set-up (the first opening of a new data folder) `open_station_keys` makes 32 random bytes
for the database key and 32 for the audit key, and a **recovery key** (48 digits in 8 groups,
like BitLocker's: each group is a multiple of 11, so a mistyped group is named). The two keys
are also sealed under the recovery key (scrypt, then AES-256-GCM) into `station-keys.json` in
the data folder: that file is useless without the recovery key, and with it a new PC gets the
keys back into its own credential store (`restore_station_keys`, `intake-app keys restore`).

A PC with no usable credential store (a headless Linux: keyring's null or fail backend) gets
nothing written anywhere: opening a new or existing station there raises `NoCredentialStore`.
Only when the administrator explicitly chooses it (`intake-app init … --unprotected-key-file`,
or the button of the window's set-up) are the secrets kept in
`station-keys.unprotected.json`, protected only by the file's permissions (0600); the status
bar warns about it on every start, and `keys status` says so.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, Protocol

from .data_folder import fsync_folder
from .domain.errors import InvalidInput, NotFound, StorageProblem

SERVICE = "intake-app"
KEYS_FILE = "station-keys.json"
UNPROTECTED_FILE = "station-keys.unprotected.json"
KEYS_FORMAT = "intake-app/station-keys/1"
UNPROTECTED_FORMAT = "intake-app/unprotected-secrets/1"
KEY_BYTES = 32
# scrypt's interactive parameters (2^14, 8, 1: about 16 MB and 0.1 s here): the recovery key
# already has 128 random bits; the stretching only makes each guess cost. Kept in the file.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
RECOVERY_GROUPS = 8
GROUP_DIGITS = 6
# Characters a person may type between digits (spaces, dashes of any kind, dots…): ignored.
SEPARATORS = frozenset(" \t\r\n-‐‑‒–—―.,_/:;·•")

Protection = Literal["credential-store", "key-file"]


# ---- errors --------------------------------------------------------------------------------------

class NoCredentialStore(StorageProblem):
    """This PC has no usable OS credential store; nothing secret was written anywhere."""

    def __init__(self, detail: str = ""):
        english = ("this computer has no usable credential store (keyring); no secret was "
                   "stored anywhere. Use a Windows/macOS account or a Linux desktop session "
                   "with a Secret Service (GNOME Keyring, KWallet), or explicitly choose an "
                   "unprotected key file (`intake-app init … --unprotected-key-file`)")
        super().__init__(
            "Máy tính này không có kho lưu mật khẩu của hệ điều hành nên không thể giữ khóa "
            "và mã truy cập của quầy; chưa có gì được lưu ở đâu cả. Hãy đăng nhập Windows "
            "bằng tài khoản người dùng thông thường, hoặc nhờ bộ phận CNTT cài kho lưu mật "
            "khẩu (Secret Service). Nếu quản trị viên chấp nhận rủi ro, có thể giữ khóa trong "
            "một tệp chỉ được bảo vệ bằng quyền truy cập tệp (`intake-app init … "
            "--unprotected-key-file`).",
            f"{english} ({detail})" if detail else english,
        )

    @property
    def vi(self) -> str:
        """The Vietnamese message (the name the sync screens used before)."""
        return self.message


class KeysMissing(StorageProblem):
    """The data folder's keys are not in this PC's credential store (a new PC, a lost profile)."""

    def __init__(self, key_id: str):
        super().__init__(
            "Khóa mã hóa của thư mục dữ liệu này không có trong kho lưu mật khẩu của máy tính "
            "này (máy mới, hoặc tài khoản Windows khác). Hãy dùng phiếu khôi phục: `intake-app "
            "keys restore`, hoặc mở ứng dụng và nhập khóa khôi phục.",
            f"the keys {key_id} of this data folder are not in this PC's credential store; "
            "restore them with the recovery key (`intake-app keys restore`)",
        )
        self.key_id = key_id


class WrongRecoveryKey(InvalidInput):
    """The recovery key typed is malformed or does not open this data folder's keys."""


class KeysFileDamaged(StorageProblem):
    """`station-keys.json` cannot be read."""


# ---- the recovery key ------------------------------------------------------------------------

def _random_bytes(count: int) -> bytes:
    # secrets (hmac, OpenSSL's hashlib) is imported when keys are made: the window's start,
    # which only reads them, goes without it.
    import secrets

    return secrets.token_bytes(count)


def new_recovery_secret() -> bytes:
    return _random_bytes(2 * RECOVERY_GROUPS)


def format_recovery_key(secret: bytes) -> str:
    """16 bytes as 8 groups of 6 digits, each group 11 × a 16-bit number (BitLocker's way).

    >>> format_recovery_key(bytes(15) + b"\\x01")
    '000000-000000-000000-000000-000000-000000-000000-000011'
    """
    if len(secret) != 2 * RECOVERY_GROUPS:
        raise ValueError("a recovery secret is 16 bytes")
    groups = [int.from_bytes(secret[i:i + 2], "big") * 11 for i in range(0, len(secret), 2)]
    return "-".join(f"{group:0{GROUP_DIGITS}d}" for group in groups)


def parse_recovery_key(text: str) -> bytes:
    """The secret of a typed recovery key; separators and full-width digits are forgiven.

    >>> key = format_recovery_key(bytes(range(16)))
    >>> parse_recovery_key(key.replace("-", " ")) == bytes(range(16))
    True
    >>> parse_recovery_key(key[:-1] + "2")
    Traceback (most recent call last):
    ...
    intake_app.station_keys.WrongRecoveryKey: Nhóm thứ 8 của khóa khôi phục (...
    """
    digits: list[str] = []
    for char in unicodedata.normalize("NFKC", text or ""):
        if char in SEPARATORS or char.isspace():
            continue
        if not char.isdecimal():
            raise WrongRecoveryKey(
                f"Khóa khôi phục chỉ gồm chữ số; ký tự “{char}” không hợp lệ.",
                "the recovery key holds a character that is not a digit",
                {"recovery_key": "chỉ gồm chữ số"})
        digits.append(str(unicodedata.decimal(char)))
    wanted = RECOVERY_GROUPS * GROUP_DIGITS
    if len(digits) != wanted:
        raise WrongRecoveryKey(
            f"Khóa khôi phục gồm {wanted} chữ số ({RECOVERY_GROUPS} nhóm, mỗi nhóm "
            f"{GROUP_DIGITS} chữ số); đã nhập {len(digits)} chữ số.",
            f"the recovery key has {len(digits)} digits, not {wanted}",
            {"recovery_key": f"cần {wanted} chữ số"})
    secret = b""
    for index in range(RECOVERY_GROUPS):
        group = "".join(digits[index * GROUP_DIGITS:(index + 1) * GROUP_DIGITS])
        value = int(group)
        if value % 11 or value // 11 > 0xFFFF:
            raise WrongRecoveryKey(
                f"Nhóm thứ {index + 1} của khóa khôi phục ({group}) không đúng: hãy đối chiếu "
                "lại với phiếu khôi phục.",
                f"group {index + 1} of the recovery key fails its check",
                {"recovery_key": f"nhóm thứ {index + 1} sai"})
        secret += (value // 11).to_bytes(2, "big")
    return secret


# ---- where secrets are kept --------------------------------------------------------------------

class SecretStore(Protocol):
    """Where a station keeps its secrets, by name."""

    protection: Protection

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> bool: ...


def _usable_keyring():  # the keyring module, once we know its backend can keep something
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, null.Keyring | fail.Keyring):
        raise NoCredentialStore(type(backend).__module__)
    return keyring


def credential_store_available() -> bool:
    try:
        _usable_keyring()
    except NoCredentialStore:
        return False
    return True


class CredentialStore:
    """The OS credential store (keyring), under the service name `intake-app`."""

    protection: Protection = "credential-store"

    def get(self, name: str) -> str | None:
        """The stored value; None if none. NoCredentialStore if the store cannot be asked."""
        from keyring.errors import KeyringError

        keyring = _usable_keyring()
        try:
            return keyring.get_password(SERVICE, name)
        except KeyringError as exc:
            raise NoCredentialStore(f"{type(exc).__name__}: {exc}") from exc

    def set(self, name: str, value: str) -> None:
        """Keep it; checked by reading it back (a store that silently drops it counts as none)."""
        from keyring.errors import KeyringError

        keyring = _usable_keyring()
        try:
            keyring.set_password(SERVICE, name, value)
            kept = keyring.get_password(SERVICE, name)
        except KeyringError as exc:
            raise NoCredentialStore(f"{type(exc).__name__}: {exc}") from exc
        if kept != value:
            raise NoCredentialStore("the store did not keep it")

    def delete(self, name: str) -> bool:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            _usable_keyring().delete_password(SERVICE, name)
        except (NoCredentialStore, PasswordDeleteError, KeyringError):
            return False
        return True


class KeyFileStore:
    """The administrator's explicit choice on a PC without a credential store: a JSON file in
    the data folder readable only by its owner (0600). Anyone who can read the file can read
    the database: the status bar and `keys status` say so."""

    protection: Protection = "key-file"

    def __init__(self, path: Path):
        self.path = Path(path)

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise KeysFileDamaged(
                f"Không đọc được tệp khóa {self.path.name} của thư mục dữ liệu.",
                f"cannot read {self.path}: {exc}") from exc
        values = data.get("secrets") if isinstance(data, dict) else None
        return {k: v for k, v in values.items() if isinstance(v, str)} \
            if isinstance(values, dict) else {}

    def _write(self, values: dict[str, str]) -> None:
        body = {"format": UNPROTECTED_FORMAT,
                "warning": "Secrets kept in a file protected only by its permissions, by the "
                           "administrator's choice on a PC without a credential store.",
                "secrets": values}
        _write_private(self.path, json.dumps(body, indent=1).encode("utf-8"), exclusive=False)

    def get(self, name: str) -> str | None:
        return self._read().get(name)

    def set(self, name: str, value: str) -> None:
        values = self._read()
        values[name] = value
        self._write(values)

    def delete(self, name: str) -> bool:
        values = self._read()
        if values.pop(name, None) is None:
            return False
        self._write(values)
        return True


def secret_store(data_dir: Path) -> SecretStore:
    """The station's store: the unprotected key file if the administrator chose it (it is in
    the data folder), else the OS credential store."""
    path = Path(data_dir) / UNPROTECTED_FILE
    return KeyFileStore(path) if path.exists() else CredentialStore()


# ---- the station's keys ------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class StationKeys:
    """The keys of one data folder, as loaded from its store (never printed: repr hides them)."""

    key_id: str
    database_key: bytes  # SQLCipher's raw key
    audit_key: bytes  # HMAC key of the audit trail and the log's seals
    recovery_key: str  # the 48 digits, formatted, for the recovery sheet
    created_at: str
    store: SecretStore
    made_now: bool = False  # made by this opening (set-up): the recovery key is shown once

    @property
    def protection(self) -> Protection:
        return self.store.protection

    def __repr__(self) -> str:
        return f"StationKeys(key_id={self.key_id!r}, protection={self.protection!r})"


def entry_name(key_id: str) -> str:
    """The credential's name for the keys of one data folder (its key id, not its path: the
    folder may be moved or restored elsewhere)."""
    return f"station-keys/{key_id}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _kek(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def _aad(key_id: str) -> bytes:
    return f"{KEYS_FORMAT}|{key_id}".encode()


def _seal(key_id: str, database_key: bytes, audit_key: bytes, secret: bytes) -> dict:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = _random_bytes(16), _random_bytes(12)
    plain = json.dumps({"database_key": database_key.hex(), "audit_key": audit_key.hex()})
    sealed = AESGCM(_kek(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(
        nonce, plain.encode(), _aad(key_id))
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt),
            "cipher": "AES-256-GCM", "nonce": _b64(nonce), "sealed": _b64(sealed)}


def _unseal(key_id: str, recovery: dict, secret: bytes) -> tuple[bytes, bytes]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        kek = _kek(secret, base64.b64decode(recovery["salt"]), int(recovery["n"]),
                   int(recovery["r"]), int(recovery["p"]))
        plain = AESGCM(kek).decrypt(base64.b64decode(recovery["nonce"]),
                                    base64.b64decode(recovery["sealed"]), _aad(key_id))
    except InvalidTag as exc:
        raise WrongRecoveryKey(
            "Khóa khôi phục này không mở được khóa của thư mục dữ liệu này: hãy kiểm tra "
            "đúng phiếu khôi phục của quầy này.",
            "the recovery key does not open this data folder's keys",
            {"recovery_key": "không đúng với thư mục dữ liệu này"}) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise KeysFileDamaged(f"Tệp {KEYS_FILE} của thư mục dữ liệu bị hỏng.",
                              f"{KEYS_FILE} is damaged: {exc}") from exc
    keys = json.loads(plain)
    return bytes.fromhex(keys["database_key"]), bytes.fromhex(keys["audit_key"])


def _write_private(path: Path, content: bytes, *, exclusive: bool) -> bool:
    """Write a file readable by its owner only, whole or not at all (temporary file, fsync,
    then one rename). `exclusive`: never replace an existing file; False if one was there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        if not exclusive:
            os.replace(temp, path)
        elif os.name == "nt":  # Windows' rename never replaces an existing file
            try:
                os.rename(temp, path)
            except FileExistsError:
                return False
        else:  # a hard link appears whole, and fails if the name is taken
            try:
                os.link(temp, path)
            except FileExistsError:
                return False
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    fsync_folder(path.parent)
    return True


def read_keys_file(data_dir: Path) -> dict | None:
    """The data folder's `station-keys.json` (no secret in it), or None if it has none."""
    path = Path(data_dir) / KEYS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise KeysFileDamaged(f"Không đọc được tệp {KEYS_FILE} của thư mục dữ liệu.",
                              f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != KEYS_FORMAT \
            or not isinstance(data.get("key_id"), str) or not isinstance(data.get("recovery"),
                                                                           dict):
        raise KeysFileDamaged(f"Tệp {KEYS_FILE} của thư mục dữ liệu không đúng dạng.",
                              f"{path} is not a {KEYS_FORMAT} file")
    return data


def _entry_value(database_key: bytes, audit_key: bytes, recovery_key: str) -> str:
    return json.dumps({"database_key": database_key.hex(), "audit_key": audit_key.hex(),
                       "recovery_key": recovery_key})


def _store_for_new_keys(data_dir: Path, allow_key_file: bool) -> SecretStore:
    store = secret_store(data_dir)
    if store.protection == "credential-store" and not credential_store_available():
        if not allow_key_file:
            raise NoCredentialStore("no store to keep a new station's keys")
        store = KeyFileStore(Path(data_dir) / UNPROTECTED_FILE)
    return store


def create_station_keys(data_dir: Path, *, allow_key_file: bool = False) -> StationKeys:
    """Make a data folder's keys: kept in the store first, then sealed into `station-keys.json`.

    If another process published the folder's keys first, theirs are loaded instead.
    """
    data_dir = Path(data_dir)
    store = _store_for_new_keys(data_dir, allow_key_file)
    import uuid  # with `platform`: only when keys are made

    key_id = str(uuid.uuid4())
    database_key = _random_bytes(KEY_BYTES)
    audit_key = _random_bytes(KEY_BYTES)
    secret = new_recovery_secret()
    recovery_key = format_recovery_key(secret)
    created_at = datetime.now(UTC).isoformat(timespec="seconds")
    # The store first: a keys file on disk always has its keys in the store (or the sheet).
    store.set(entry_name(key_id), _entry_value(database_key, audit_key, recovery_key))
    body = {"format": KEYS_FORMAT, "key_id": key_id, "created_at": created_at,
            "about": "The station's database and audit keys, sealed under its recovery key "
                     "(printed on the recovery sheet). Useless without it.",
            "recovery": _seal(key_id, database_key, audit_key, secret)}
    published = _write_private(data_dir / KEYS_FILE, json.dumps(body, indent=1).encode(),
                               exclusive=True)
    if not published:  # another process set the folder up at the same moment
        store.delete(entry_name(key_id))
        return load_station_keys(data_dir)
    return StationKeys(key_id, database_key, audit_key, recovery_key, created_at, store,
                       made_now=True)


def load_station_keys(data_dir: Path) -> StationKeys:
    """The keys of a data folder that has them; KeysMissing if this PC's store lacks them."""
    data_dir = Path(data_dir)
    data = read_keys_file(data_dir)
    if data is None:
        raise NotFound(f"Thư mục dữ liệu {data_dir} chưa có khóa.", f"no {KEYS_FILE} in "
                       f"{data_dir}")
    key_id = data["key_id"]
    store = secret_store(data_dir)
    value = store.get(entry_name(key_id))
    if value is None:
        raise KeysMissing(key_id)
    try:
        entry = json.loads(value)
        return StationKeys(key_id, bytes.fromhex(entry["database_key"]),
                           bytes.fromhex(entry["audit_key"]), entry["recovery_key"],
                           str(data.get("created_at", "")), store)
    except (KeyError, TypeError, ValueError) as exc:
        raise KeysFileDamaged(
            "Khóa của quầy trong kho lưu mật khẩu bị hỏng: hãy khôi phục bằng phiếu khôi phục "
            "(`intake-app keys restore`).",
            f"the credential {entry_name(key_id)} is not readable: {exc}") from exc


def open_station_keys(data_dir: Path, *, allow_key_file: bool = False) -> StationKeys:
    """The keys of a data folder, made first if it has none (set-up of a new station, or the
    first start of this version on an older, unencrypted one)."""
    if (Path(data_dir) / KEYS_FILE).exists():
        return load_station_keys(data_dir)
    return create_station_keys(data_dir, allow_key_file=allow_key_file)


def restore_station_keys(data_dir: Path, recovery_text: str, *,
                         allow_key_file: bool = False) -> StationKeys:
    """On a new PC (or after the credential store was lost): the recovery key opens the keys
    sealed in `station-keys.json`, and they are kept in this PC's store."""
    data_dir = Path(data_dir)
    data = read_keys_file(data_dir)
    if data is None:
        raise NotFound(
            f"Thư mục dữ liệu {data_dir} không có tệp {KEYS_FILE}: hãy chép lại toàn bộ thư "
            "mục dữ liệu (hoặc bản sao lưu) trước khi khôi phục khóa.",
            f"no {KEYS_FILE} in {data_dir}")
    secret = parse_recovery_key(recovery_text)
    database_key, audit_key = _unseal(data["key_id"], data["recovery"], secret)
    store = _store_for_new_keys(data_dir, allow_key_file)
    recovery_key = format_recovery_key(secret)
    store.set(entry_name(data["key_id"]), _entry_value(database_key, audit_key, recovery_key))
    return StationKeys(data["key_id"], database_key, audit_key, recovery_key,
                       str(data.get("created_at", "")), store)


def unseal_keys_file(folder: Path, recovery_text: str) -> tuple[str, bytes, bytes]:
    """(key id, database key, audit key) sealed in the `station-keys.json` of `folder` (a
    backup's or a station file's, unpacked), opened with the recovery key; nothing is stored."""
    data = read_keys_file(folder)
    if data is None:
        raise NotFound(f"Không có tệp {KEYS_FILE} đi kèm.", f"no {KEYS_FILE} in {folder}")
    database_key, audit_key = _unseal(data["key_id"], data["recovery"],
                                      parse_recovery_key(recovery_text))
    return data["key_id"], database_key, audit_key


def stored_keys(key_id: str, store: SecretStore) -> tuple[bytes, bytes] | None:
    """(database key, audit key) of a key id, if this PC's store holds them (else None)."""
    try:
        value = store.get(entry_name(key_id))
    except NoCredentialStore:
        return None
    if value is None:
        return None
    try:
        entry = json.loads(value)
        return bytes.fromhex(entry["database_key"]), bytes.fromhex(entry["audit_key"])
    except (KeyError, TypeError, ValueError):
        return None


def has_station_files(data_dir: Path, database_file: str) -> bool:
    """Whether the folder holds a station (its keys file or its database) at all."""
    folder = Path(data_dir)
    return (folder / KEYS_FILE).exists() or (folder / database_file).exists()

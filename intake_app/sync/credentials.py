"""The station token in the operating system's credential store (keyring), never in a file.

Windows keeps it in the Credential Manager, macOS in the Keychain, Linux desktops in the
Secret Service. A PC without any (a headless Linux, keyring's null or fail backend) cannot
keep it: the person is told so plainly, and the token is not written anywhere else.
"""

from __future__ import annotations

SERVICE = "intake-app"


class CredentialStoreUnavailable(RuntimeError):
    """No usable credential store on this PC; `vi` is the message for the window."""

    def __init__(self, detail: str = ""):
        message = ("this computer has no credential store (keyring) to keep the station token; "
                   "the token was not stored anywhere. Use a Windows/macOS account or a Linux "
                   "desktop session with a Secret Service (GNOME Keyring, KWallet)")
        super().__init__(f"{message} ({detail})" if detail else message)
        self.vi = ("Máy tính này không có kho lưu mật khẩu của hệ điều hành nên không thể lưu "
                   "mã truy cập của quầy; mã chưa được lưu ở đâu cả. Hãy đăng nhập Windows bằng "
                   "tài khoản người dùng thông thường, hoặc nhờ bộ phận CNTT cài kho lưu mật "
                   "khẩu (Secret Service), rồi nhập lại mã.")


def username(unit_code: str, station_no: int) -> str:
    """The credential's user name: one token per unit and station."""
    return f"{unit_code}/{station_no}"


def _usable_keyring():
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, null.Keyring | fail.Keyring):
        raise CredentialStoreUnavailable(type(backend).__module__)
    return keyring


def store_token(unit_code: str, station_no: int, token: str) -> None:
    """Keep the token; CredentialStoreUnavailable if the store cannot (checked by reading it
    back: a store that silently drops it counts as none)."""
    from keyring.errors import KeyringError

    keyring = _usable_keyring()
    user = username(unit_code, station_no)
    try:
        keyring.set_password(SERVICE, user, token)
        kept = keyring.get_password(SERVICE, user)
    except KeyringError as exc:
        raise CredentialStoreUnavailable(f"{type(exc).__name__}: {exc}") from exc
    if kept != token:
        raise CredentialStoreUnavailable("the store did not keep it")


def load_token(unit_code: str, station_no: int) -> str | None:
    """The stored token, or None when there is none or no store to ask."""
    from keyring.errors import KeyringError

    try:
        keyring = _usable_keyring()
        return keyring.get_password(SERVICE, username(unit_code, station_no))
    except (CredentialStoreUnavailable, KeyringError):
        return None


def delete_token(unit_code: str, station_no: int) -> bool:
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring = _usable_keyring()
        keyring.delete_password(SERVICE, username(unit_code, station_no))
    except (CredentialStoreUnavailable, PasswordDeleteError, KeyringError):
        return False
    return True


def store_available() -> bool:
    try:
        _usable_keyring()
    except CredentialStoreUnavailable:
        return False
    return True

"""Which gateway addresses and tokens the station accepts (docs/sync-protocol.md, Transport).

HTTPS always; plain `http://` only to this PC itself (127.0.0.0/8, ::1, localhost), for a test
gateway or a local relay. Every refusal is a `SyncConfigError` (`InvalidInput`): its message in
Vietnamese for the window and the command line, its detail in English for the log file.

>>> check_gateway_url(" https://gw.tinh.gov.vn/ ")
'https://gw.tinh.gov.vn'
>>> check_gateway_url("http://127.0.0.5:8080/api")
'http://127.0.0.5:8080/api'
>>> check_gateway_url("http://10.0.0.2")
Traceback (most recent call last):
...
intake_app.domain.sync_config.SyncConfigError: Chỉ được dùng http:// (không mã hóa) với chính \
máy này (127.0.0.1, localhost); với 10.0.0.2 hãy dùng https://.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from .errors import InvalidInput


class SyncConfigError(InvalidInput):
    """A setting of sync that cannot be used (the gateway address, the CA file, the token)."""

    @property
    def vi(self) -> str:
        """The Vietnamese message (the name the settings page reads it by)."""
        return self.message


def is_loopback_host(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost.

    >>> [is_loopback_host(h) for h in ("localhost", "127.1.2.3", "::1", "192.168.1.1", "")]
    [True, True, True, False, False]
    """
    host = host.strip().strip("[]").lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_gateway_url(url: str) -> str:
    """The gateway's base URL, without a trailing slash; SyncConfigError if it cannot be used."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError as exc:
        raise SyncConfigError(f"Địa chỉ máy chủ không hợp lệ: {text}",
                              f"not a URL: {text!r} ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not host:
        raise SyncConfigError(
            f"Địa chỉ máy chủ phải bắt đầu bằng https:// và có tên máy chủ: {text}",
            f"the gateway address must start with https:// and name a host: {text!r}")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise SyncConfigError(
            "Địa chỉ máy chủ không được chứa tên đăng nhập, mật khẩu, tham số (?) hoặc dấu #.",
            "the gateway address must not carry a user name, a password, a query or a fragment")
    if scheme == "http" and not is_loopback_host(host):
        raise SyncConfigError(
            "Chỉ được dùng http:// (không mã hóa) với chính máy này (127.0.0.1, localhost); "
            f"với {host} hãy dùng https://.",
            "plain http:// is allowed only to this computer (127.0.0.0/8, ::1, localhost); "
            f"use https:// for {host}")
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def check_token(token: str) -> str:
    """A station token as typed or piped: surrounding white space removed, nothing inside.

    >>> check_token("  abc.DEF-123\\n")
    'abc.DEF-123'
    """
    cleaned = (token or "").strip()
    if not cleaned:
        raise SyncConfigError("Mã truy cập đang để trống.", "the token is empty")
    if any(ch.isspace() or not ch.isprintable() for ch in cleaned) or not cleaned.isascii():
        raise SyncConfigError(
            "Mã truy cập chỉ gồm chữ, số và ký hiệu, không có dấu cách.",
            "the token must be one word of printable ASCII characters")
    return cleaned

"""The HTTP client of the gateway (docs/sync-protocol.md, Transport), over httpx.

httpx is imported when the first client is made, never at the window's start. TLS is always
verified (against the configured CA file when there is one); plain http:// is accepted only
for this PC itself (`domain.sync_config`). An answer is returned whatever its status; only an
answer that never came (refused, broken, timed out) raises `NoAnswer`.
"""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from ..domain.sync_config import check_gateway_url, is_loopback_host

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 120.0  # a gateway commits 500 events before it answers
HEALTH_TIMEOUT_S = 10.0


class NoAnswer(Exception):
    """The request got no answer: connection refused or broken, timeout, TLS failure."""


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        """The body as JSON, or None when it is not JSON."""
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None

    def text(self, limit: int = 300) -> str:
        return self.body[:limit].decode("utf-8", "replace")


def pinned_context(pem: str) -> ssl.SSLContext:
    """TLS that trusts exactly one certificate, the office hub's, pinned at pairing
    (docs/office-hub.md §3.2): the system's CAs are not loaded and the host name is not
    checked (the hub's address may change with DHCP; the pin names one key). Strict X.509
    checks are on, as Python 3.13 makes them by default."""
    context = ssl.create_default_context(cadata=pem)
    context.check_hostname = False
    context.verify_flags |= getattr(ssl, "VERIFY_X509_STRICT", 0)
    return context


class GatewayClient:
    """One gateway, one station token; not thread-safe (one per sync thread)."""

    def __init__(self, base_url: str, token: str | None, *, ca_file: str | None = None,
                 pinned_pem: str | None = None, connect_timeout: float = CONNECT_TIMEOUT_S,
                 read_timeout: float = READ_TIMEOUT_S, user_agent: str = "intake-app"):
        import httpx  # lazily: the window's start-up must not pay for it

        self._httpx = httpx
        self.base_url = check_gateway_url(base_url)
        self.token = token
        verify: ssl.SSLContext | bool = True
        if pinned_pem:
            verify = pinned_context(pinned_pem)
        elif ca_file:
            verify = ssl.create_default_context(cafile=ca_file)
        loopback = is_loopback_host(urlsplit(self.base_url).hostname or "")
        self._timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self._client = httpx.Client(
            verify=verify, timeout=self._timeout, follow_redirects=False,
            trust_env=not loopback,  # an office proxy, but never for this PC itself
            headers={"User-Agent": user_agent, "Accept": "application/json"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> GatewayClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def set_header(self, name: str, value: str) -> None:
        """A header sent with every request from now on."""
        self._client.headers[name] = value

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _send(self, method: str, path: str, *, params: dict[str, Any] | None = None,
              content: bytes | None = None, headers: dict[str, str] | None = None,
              timeout: float | None = None) -> Response:
        httpx = self._httpx
        try:
            answer = self._client.request(
                method, self.base_url + path, params=params, content=content,
                headers=headers,
                timeout=httpx.Timeout(timeout, connect=timeout) if timeout else self._timeout,
            )
            body = answer.read()
        except (httpx.TransportError, ssl.SSLError, OSError) as exc:
            raise NoAnswer(f"{type(exc).__name__}: {exc}") from exc
        except httpx.DecodingError as exc:  # a body that claims gzip but is not: no answer
            raise NoAnswer(f"unreadable answer: {exc}") from exc
        return Response(answer.status_code, body, {k.lower(): v for k, v in answer.headers.items()})

    def health(self, timeout: float = HEALTH_TIMEOUT_S) -> Response:
        return self._send("GET", "/v1/health", timeout=timeout)

    def post_batch(self, body: bytes, *, gzipped: bool = True) -> Response:
        headers = {"Content-Type": "application/json; charset=utf-8", **self._auth()}
        if gzipped:
            headers["Content-Encoding"] = "gzip"
        return self._send("POST", "/v1/batches", content=body, headers=headers)

    def updates(self, after: str | None, limit: int) -> Response:
        params: dict[str, Any] = {"limit": limit}
        if after is not None:
            params["after"] = after
        return self._send("GET", "/v1/updates", params=params, headers=self._auth())

    def office_feed(self, after: int, limit: int, wait: float) -> Response:
        """The office hub's feed after `after` (a long-poll of up to `wait` seconds)."""
        return self._send("GET", "/office/v1/feed", headers=self._auth(), timeout=wait + 10,
                          params={"after": after, "limit": limit, "wait": wait})

    def summary(self, unit_code: str, station_no: int, *, codes: bool = False,
                timeout: float | None = None) -> Response:
        """The station's counts at the gateway; `codes`: also its highest code per day."""
        path = f"/v1/stations/{quote(unit_code, safe='')}/{int(station_no)}/summary"
        return self._send("GET", path, params={"codes": "true"} if codes else None,
                          headers=self._auth(), timeout=timeout)

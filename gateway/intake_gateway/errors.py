"""Refusals of a whole request, each with its HTTP status and the contract's error body."""

from __future__ import annotations


class GatewayError(Exception):
    """Answered as `{"error": code, "message": message}` with `status`."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.headers = headers or {}


class Unauthorized(GatewayError):
    status, code = 401, "unauthorized"

    def __init__(self, message: str = "missing, unknown or revoked token", **kwargs):
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"}, **kwargs)


class Forbidden(GatewayError):
    status, code = 403, "forbidden"


class NotFound(GatewayError):
    status, code = 404, "not_found"


class BatchConflict(GatewayError):
    status, code = 409, "batch_conflict"


class TooLarge(GatewayError):
    status, code = 413, "too_large"


class UnsupportedEncoding(GatewayError):
    status, code = 415, "unsupported_encoding"


class Unprocessable(GatewayError):
    status, code = 422, "invalid_envelope"


class ServiceUnavailable(GatewayError):
    status, code = 503, "unavailable"

    def __init__(self, message: str, *, retry_after: int = 5):
        super().__init__(message, headers={"Retry-After": str(retry_after)})

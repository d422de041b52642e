"""Request bodies read with a cap: at most 5 MiB after decompression, gzip bombs refused early."""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

from .errors import TooLarge, Unprocessable, UnsupportedEncoding

MAX_BODY = 5 * 1024 * 1024  # 5,242,880 bytes after decompression (docs/sync-protocol.md)
_GZIP_SLACK = 64 * 1024  # gzip of incompressible data is slightly larger than the data


def _too_large(limit: int) -> TooLarge:
    return TooLarge(f"the body is larger than {limit:,} bytes after decompression; "
                    "send fewer events per batch")


class BoundedGunzip:
    """Gunzip that stops as soon as the output would pass `limit` bytes."""

    def __init__(self, limit: int):
        self.limit = limit
        self.out = bytearray()
        self._inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)

    def feed(self, chunk: bytes) -> None:
        while chunk:
            if self._inflater.eof:  # a further gzip member follows
                self._inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            try:
                data = self._inflater.decompress(chunk, self.limit + 1 - len(self.out))
            except zlib.error as exc:
                raise Unprocessable(f"the gzip body is corrupt: {exc}", code="bad_gzip") from exc
            self.out += data
            if len(self.out) > self.limit:
                raise _too_large(self.limit)
            chunk = self._inflater.unconsumed_tail or self._inflater.unused_data

    def finish(self) -> bytes:
        if not self._inflater.eof:
            raise Unprocessable("the gzip body is truncated", code="bad_gzip")
        return bytes(self.out)


def content_coding(header: str | None) -> str:
    coding = (header or "identity").strip().lower()
    if coding not in ("identity", "gzip", "x-gzip"):
        raise UnsupportedEncoding(f"Content-Encoding {header!r} is not supported; use gzip")
    return "gzip" if coding == "x-gzip" else coding


async def read_capped(chunks: AsyncIterator[bytes], coding: str, declared_length: str | None,
                      limit: int = MAX_BODY) -> bytes:
    """The whole (decompressed) body, or TooLarge as soon as it passes `limit`."""
    wire_limit = limit + (_GZIP_SLACK if coding == "gzip" else 0)
    if declared_length is not None and declared_length.strip().isdigit() \
            and int(declared_length) > wire_limit:
        raise _too_large(limit)
    received = 0
    if coding == "gzip":
        gunzip = BoundedGunzip(limit)
        async for chunk in chunks:
            received += len(chunk)
            if received > wire_limit:
                raise _too_large(limit)
            gunzip.feed(chunk)
        return gunzip.finish()
    body = bytearray()
    async for chunk in chunks:
        received += len(chunk)
        if received > limit:
            raise _too_large(limit)
        body += chunk
    return bytes(body)

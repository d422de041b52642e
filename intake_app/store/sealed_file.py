"""A file sealed under the station's recovery key: AES-256-GCM in chunks, for station files.

A station file (moving a station to a new PC) holds the database, the kept receipts and the
settings: it must be unreadable without the recovery key printed on the set-up sheet, and a
cut or edited file must be refused, not half imported. The layout:

    b"INTAKE-SEALED\\n"                magic (14 bytes)
    u32 big-endian, then that many     header: JSON (format, what it holds, scrypt parameters
    bytes                              and salt, nonce prefix, chunk size); not secret
    chunks: u32 length + ciphertext    AES-256-GCM of ≤ 1 MiB of the payload each, with its tag

Each chunk's nonce is the header's 7 random bytes, the chunk's number (u32) and a last-chunk
flag byte, and every chunk authenticates the header (associated data): chunks cannot be
reordered, dropped, repeated or cut off at the end, and the header cannot be changed, without
the decryption failing (the usual "STREAM" construction of online authenticated encryption).
The key is scrypt(recovery secret, salt) with the parameters of `station_keys`.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..domain.errors import InvalidInput

MAGIC = b"INTAKE-SEALED\n"
FORMAT = "intake-app/sealed-file/1"
CHUNK = 1 << 20
MAX_HEADER = 64 * 1024
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


class SealedFileRefused(InvalidInput):
    """Not a sealed file, a wrong recovery key, or a file cut or changed after sealing."""


def _key(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


def seal(source: Path, out: Path, secret: bytes, about: dict[str, Any]) -> None:
    """Encrypt the file `source` into the new file `out` under `secret` (the recovery key's
    16 bytes); `about` goes into the readable header (no personal data)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix = os.urandom(16), os.urandom(7)
    header = json.dumps({
        "format": FORMAT, **about, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R,
        "p": SCRYPT_P, "salt": salt.hex(), "cipher": "AES-256-GCM", "nonce_prefix":
        prefix.hex(), "chunk": CHUNK}, ensure_ascii=False).encode("utf-8")
    aead = AESGCM(_key(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    size = source.stat().st_size
    with open(source, "rb") as plain, open(out, "xb") as sealed:
        sealed.write(MAGIC + struct.pack(">I", len(header)) + header)
        index, done = 0, 0
        while True:
            block = plain.read(CHUNK)
            done += len(block)
            last = done >= size
            cipher = aead.encrypt(_nonce(prefix, index, last), block, header)
            sealed.write(struct.pack(">I", len(cipher)) + cipher)
            index += 1
            if last:
                break
        sealed.flush()
        os.fsync(sealed.fileno())


def _refused(detail: str) -> SealedFileRefused:
    return SealedFileRefused(
        "Tệp này không phải tệp chuyển quầy của ứng dụng, hoặc đã bị cắt, bị sửa sau khi "
        "tạo: không nhập gì.", detail, {"file": "không đọc được"})


def read_header(path: Path) -> tuple[dict[str, Any], bytes]:
    """The readable header of a sealed file (and its bytes): no key needed."""
    with open(path, "rb") as handle:
        return _header(handle)


def _header(handle: IO[bytes]) -> tuple[dict[str, Any], bytes]:
    if handle.read(len(MAGIC)) != MAGIC:
        raise _refused("no sealed-file magic")
    raw_length = handle.read(4)
    if len(raw_length) != 4:
        raise _refused("cut inside the header length")
    length = struct.unpack(">I", raw_length)[0]
    if length > MAX_HEADER:
        raise _refused("header too large")
    raw = handle.read(length)
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refused(f"header is not JSON: {exc}") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _refused("not a sealed file of this format")
    return header, raw


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    while True:
        raw_length = handle.read(4)
        if not raw_length:
            return
        if len(raw_length) != 4:
            raise _refused("cut inside a chunk length")
        length = struct.unpack(">I", raw_length)[0]
        if length > CHUNK + 16:
            raise _refused("a chunk too large")
        cipher = handle.read(length)
        if len(cipher) != length:
            raise _refused("cut inside a chunk")
        yield cipher


def unseal(path: Path, out: Path, secret: bytes) -> dict[str, Any]:
    """Decrypt the sealed file `path` into the new file `out`; its header. A wrong key, a cut,
    reordered or edited file raises SealedFileRefused (and `out` is removed)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    with open(path, "rb") as handle:
        header, raw = _header(handle)
        try:
            key = _key(secret, bytes.fromhex(header["salt"]), int(header["n"]),
                       int(header["r"]), int(header["p"]))
            prefix = bytes.fromhex(header["nonce_prefix"])
        except (KeyError, TypeError, ValueError) as exc:
            raise _refused(f"header fields: {exc}") from exc
        aead = AESGCM(key)
        ended = False
        try:
            with open(out, "xb") as plain:
                for index, cipher in enumerate(_chunks(handle)):
                    if ended:
                        raise _refused("data after the last chunk")
                    try:
                        block = aead.decrypt(_nonce(prefix, index, False), cipher, raw)
                    except InvalidTag:
                        try:
                            block = aead.decrypt(_nonce(prefix, index, True), cipher, raw)
                        except InvalidTag as exc:
                            if index == 0:
                                raise SealedFileRefused(
                                    "Khóa khôi phục này không mở được tệp chuyển quầy: hãy "
                                    "dùng phiếu khôi phục của đúng quầy đã xuất tệp.",
                                    "wrong recovery key (first chunk)",
                                    {"recovery_key": "không mở được tệp"}) from exc
                            raise _refused(f"chunk {index} fails its tag") from exc
                        ended = True
                    plain.write(block)
                if not ended:
                    raise _refused("the last chunk is missing (file cut)")
                plain.flush()
                os.fsync(plain.fileno())
        except BaseException:
            out.unlink(missing_ok=True)
            raise
    return header

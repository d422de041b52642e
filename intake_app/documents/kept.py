"""The PDFs the app keeps in the data folder, sealed: unreadable without the station's key.

Receipts kept as originals (`receipts/<yyyy>/<mm>/<code>.pdf`), the copies and slips the
window writes into the data folder to preview and print them (`reprints/`, `slips/`) hold a
citizen's name, ID number, phone and address. Each is kept sealed with AES-256-GCM under a key
derived from the station's database key (HKDF-SHA256, its own purpose string), so a copied data
folder, a stolen PC or a lost disk gives nothing away; the file keeps its name, which carries
the dossier's code (the restore reads the codes from the names). A PDF is opened in the clear
only in memory, to be drawn, previewed and printed, or written where a person chose
(`--out`, the preview's "save").

A sealed file starts with `MAGIC`, then the 12-byte nonce, then the ciphertext and its tag;
the magic is the associated data. A file without the magic is a PDF an older version kept in
the clear: it reads as it is, and `seal_folder` seals it at the first start of this version.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = b"intake-app/sealed-pdf/1\n"
NONCE_BYTES = 12
KEPT_FOLDERS = ("receipts", "reprints", "slips")


class SealedFileDamaged(ValueError):
    """A sealed file that does not open with this key (another station's, or damaged)."""


def documents_key(database_key: bytes) -> bytes:
    """The key of the kept documents, derived from the database key (never stored)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"intake-app kept documents v1").derive(database_key)


def is_sealed(content: bytes) -> bool:
    return content.startswith(MAGIC)


def seal(key: bytes, content: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, content, MAGIC)


def unseal(key: bytes, content: bytes) -> bytes:
    """The PDF inside `content` (a PDF kept in the clear by an older version is returned)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not is_sealed(content):
        return content
    body = content[len(MAGIC):]
    try:
        return AESGCM(key).decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], MAGIC)
    except (InvalidTag, ValueError) as exc:
        raise SealedFileDamaged("the sealed file does not open with this station's key") \
            from exc


def read(key: bytes, path: Path) -> bytes:
    return unseal(key, Path(path).read_bytes())


def kept_files(data_dir: Path) -> Iterable[Path]:
    for folder in KEPT_FOLDERS:
        for path in (Path(data_dir) / folder).rglob("*.pdf"):
            if path.is_file() and not path.name.startswith("."):
                yield path


def seal_folder(data_dir: Path, key: bytes) -> int:
    """Seal every PDF an older version kept in the clear in the data folder (each replaced
    whole: a cut leaves it sealed or as it was). Returns how many were sealed."""
    from .files import write_atomically

    count = 0
    for path in kept_files(data_dir):
        try:
            with open(path, "rb") as handle:
                if is_sealed(handle.read(len(MAGIC))):
                    continue
            write_atomically(path, seal(key, path.read_bytes()))
            count += 1
        except OSError as exc:  # one unreadable file does not stop the others
            log.warning("could not seal the kept file %s: %s", path, exc)
    if count:
        log.warning("sealed %d PDF files kept in the clear in %s", count, data_dir)
    return count


def inside(folder: Path, path: Path) -> bool:
    """Whether `path` is inside `folder` (both resolved; a path not yet made counts by its
    folder)."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except OSError:
        return False

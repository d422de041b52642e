"""Choosing an output format by the file name a person gave."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import InvalidInput


class UnknownFormat(InvalidInput):
    """The file name ends in a format this document is not made in (message in Vietnamese)."""


def format_of(path: Path, allowed: tuple[str, ...]) -> str:
    """'pdf', 'csv' or 'xlsx' from the file's suffix, or UnknownFormat."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in allowed:
        choices = ", ".join(f".{a}" for a in allowed)
        raise UnknownFormat(f"Tên tệp phải có đuôi {choices} (đã nhập: '{path.name}').")
    return suffix

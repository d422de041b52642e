"""Reading the JSON files a person hands the app: intake requests and catalogue files.

Reads at most the file's limit (plus one byte, to know it is over), then leaves the rest to
`domain.json_input.parse_json_bytes`: UTF-8 with or without a byte-order mark, the size and
nesting limits, a Vietnamese message for anything else.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

from .domain.json_input import FileRefused, parse_json_bytes, too_big
from .domain.limits import CATALOGUE_FILE_BYTES, REQUEST_FILE_BYTES

REQUEST = ("Tệp yêu cầu tiếp nhận", REQUEST_FILE_BYTES)
CATALOGUE = ("Tệp danh mục thủ tục", CATALOGUE_FILE_BYTES)


def read_json_file(path: Path, kind: tuple[str, int]) -> Any:
    """The JSON document of the file at `path` (`kind`: REQUEST or CATALOGUE)."""
    what, max_bytes = kind
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_big(what, max_bytes, size)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise FileRefused(f"Không tìm thấy {what.lower()} '{path}'.",
                          f"no such file: {path}") from None
    except IsADirectoryError:
        raise FileRefused(f"'{path}' là một thư mục, không phải {what.lower()}.",
                          f"is a directory: {path}") from None
    except PermissionError:
        raise FileRefused(f"Không có quyền đọc {what.lower()} '{path}'.",
                          f"permission denied: {path}") from None
    except OSError as exc:
        raise FileRefused(f"Không đọc được {what.lower()} '{path}' ({exc.strerror}).",
                          f"cannot read {path}: {exc}") from None
    return parse_json_bytes(data, what=what, max_bytes=max_bytes)


def read_json_stream(stream: IO[Any] | None, kind: tuple[str, int]) -> Any:
    """The JSON document on standard input (or `stream`), read as bytes when it can be."""
    what, max_bytes = kind
    source = stream if stream is not None else sys.stdin
    binary = getattr(source, "buffer", None)
    if binary is not None:
        data = binary.read(max_bytes + 1)
    else:  # a text stream (tests): its text as UTF-8
        data = source.read(max_bytes + 1).encode("utf-8", "surrogatepass")
    return parse_json_bytes(data, what=f"{what} (đầu vào chuẩn)", max_bytes=max_bytes)

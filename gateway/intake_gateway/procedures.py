"""The province's procedure catalogue file: the station's catalogue JSON format.

`{"source": "…", "procedures": [{"code": "1.001193", "name": "…", …}, …]}` (the other keys of
each procedure are kept as they are); a bare list of procedures is accepted too.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any


class CatalogueError(ValueError):
    pass


def parse_catalogue(raw: Any) -> list[dict[str, Any]]:
    entries = raw.get("procedures") if isinstance(raw, dict) else raw
    if not isinstance(entries, list):
        raise CatalogueError('the file must hold {"procedures": [...]} or a list of procedures')
    problems: list[str] = []
    seen: set[str] = set()
    procedures = []
    for index, entry in enumerate(entries):
        where = f"procedures[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where} is not an object")
            continue
        code, name = entry.get("code"), entry.get("name")
        if not isinstance(code, str) or not code.strip():
            problems.append(f"{where}.code must be non-empty text")
            continue
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}.name must be non-empty text")
            continue
        code = code.strip()
        if code in seen:
            problems.append(f"{where}.code {code} appears twice")
            continue
        seen.add(code)
        procedures.append({**entry, "code": code, "name": unicodedata.normalize("NFC", name)})
    if problems:
        raise CatalogueError("; ".join(problems))
    return procedures


def read_catalogue_file(path: Path) -> list[dict[str, Any]]:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CatalogueError(f"cannot read {path} as UTF-8 JSON: {exc}") from exc
    return parse_catalogue(raw)

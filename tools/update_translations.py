"""Refresh `resources/translations/intake_en.ts` from the `tr()` strings of `intake_app/ui`.

    .venv/bin/python tools/update_translations.py

Runs Qt's `lupdate` (from the PySide6 wheel): new strings are added as unfinished, strings
no longer in the code are dropped, finished translations are kept. Then translate the new
entries (Qt Linguist: `pyside6-linguist resources/translations/intake_en.ts`, or any editor);
the window compiles the `.ts` to `.qm` at start (`intake_app/ui/i18n.py`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "intake_app" / "ui"
TARGETS = [ROOT / "resources" / "translations" / "intake_en.ts"]


def lupdate() -> Path:
    exe = ".exe" if sys.platform == "win32" else ""
    for candidate in (Path(PySide6.__file__).parent / f"lupdate{exe}",
                      Path(sys.executable).parent / f"pyside6-lupdate{exe}"):
        if candidate.is_file():
            return candidate
    raise SystemExit("lupdate not found: install PySide6 (pip install -e '.[test]')")


def main() -> int:
    files = sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))
    for target in TARGETS:
        target.parent.mkdir(parents=True, exist_ok=True)
        command = [str(lupdate()), "-no-obsolete", "-source-language", "vi_VN",
                   "-target-language", "en_US", *files, "-ts", str(target.relative_to(ROOT))]
        status = subprocess.run(command, cwd=ROOT).returncode
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())

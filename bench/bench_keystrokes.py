"""Keystroke count (issue 11): the keys a clerk presses beyond the typed data for a
certification dossier, from an empty form to the printed receipt, in the real window
(offscreen), with a scanned chip ID card and with the card typed by hand.

Runs the counting tests (`tests/test_ui_keystrokes.py`) and prints their counts and the keys,
one by one. The goal: ≤ 20 with a scanned card (the issue measured 26 before).

    .venv/bin/python bench/bench_keystrokes.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    import pytest

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return pytest.main(["-q", "-s", "-p", "no:cacheprovider", "--no-header",
                        str(ROOT / "tests" / "test_ui_keystrokes.py")])


if __name__ == "__main__":
    sys.exit(main())

"""A window's single-instance guard in its own process (the first window), for the tests.

    python instance_child.py DATA_DIR    prints "ready" once it holds the folder's lock, then
                                         "shown" each time a second start asks it to come
                                         forward; runs until killed
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from intake_app.ui.single_instance import InstanceGuard  # noqa: E402


def main() -> int:
    app = QApplication([])
    guard = InstanceGuard(Path(sys.argv[1]))
    if not guard.acquire():
        print("refused", flush=True)
        return 1
    guard.show_requested.connect(lambda: print("shown", flush=True))
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":  # pytest imports every module of tests/ for its doctests
    sys.exit(main())

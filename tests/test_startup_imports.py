"""What the window's start imports, and what it leaves for later (bench/bench_startup.py).

Each check runs in a fresh interpreter, as a clerk's start does: what an earlier test imported
would hide what the start itself costs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_fresh(code: str, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_reading_the_keys_leaves_what_makes_them(tmp_path) -> None:
    """The start reads the station's keys: `secrets` (with OpenSSL's hashlib) and `uuid` (with
    `platform`) are only for making keys."""
    run_fresh("import sys\n"
              "from pathlib import Path\n"
              "from intake_app.station_keys import create_station_keys\n"
              "create_station_keys(Path(sys.argv[1]), allow_key_file=True)\n", str(tmp_path))
    out = run_fresh(
        "import sys\n"
        "from pathlib import Path\n"
        "from intake_app.station_keys import load_station_keys\n"
        "assert load_station_keys(Path(sys.argv[1])).database_key\n"
        "print(sorted({'secrets', 'uuid', 'hmac'} & set(sys.modules)))\n", str(tmp_path))
    assert out == "[]"


def test_pyside_does_not_read_the_app_modules_source() -> None:
    """PySide reads the source of every module imported after it (its `__feature__` check):
    the app's modules are answered without it, any other module as before."""
    out = run_fresh(
        "from PySide6 import QtWidgets\n"
        "from shibokensupport import feature\n"
        "read = []\n"
        "original = feature._mod_uses_pyside\n"
        "feature._mod_uses_pyside = lambda module: read.append(module.__name__) or "
        "original(module)\n"
        "import intake_app.ui.app\n"
        "import intake_app.ui.intake.screen\n"
        "import xml.dom.minidom\n"
        "print(sorted(n for n in read if n.startswith('intake_app.ui.')))\n"
        "print('xml.dom.domreg' in read, feature.pyside_feature_dict['xml.dom.domreg'],\n"
        "      feature.pyside_feature_dict['intake_app.ui.intake.screen'])\n")
    # Only the module that answers for the others is read (imported before it answers).
    assert out.splitlines() == ["['intake_app.ui.pyside_imports']", "True -1 0"]

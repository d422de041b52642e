"""Start-up benchmark: how long from launching the process until the clerk can type.

Each run is a fresh Python process (`QT_QPA_PLATFORM=offscreen`), timed by this script from
just before it is spawned until the child prints a line, so interpreter start, imports and
Qt's start are all counted. Runs of the two kinds are interleaved after a warm-up run each,
so both see the same CPU and disk cache; medians and p95 are printed in ms:

(a) bare     a bare QApplication + QMainWindow, shown, `processEvents()` once: Qt's floor.
(b) frame    our main window shown (fonts, desk opened, language, status bar): the frame,
             with "Đang tải…" placeholders where the screens will be.
(c) usable   (b), then the intake screen built, shown and `processEvents()`: the form usable.
             If the intake screen cannot be built (not in this build), (c) is not reported.

The child of (b)/(c) also prints its own clock after each phase (importing Qt, the desk,
the window code; the window shown; the intake screen built), to show where the time goes.

The goal is (c)/(a) ≤ 2 (the issue: usable intake form within twice a bare window's start).
The data folder is a temporary, set-up station with a few dossiers; the clerk is given (the
clerk dialog waits for a person, so it is not part of the measure).

    .venv/bin/python bench/bench_startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Throwaway data folders: their keys go to a key file inside them, never into this PC's
# credential store (docs/encryption.md); child processes inherit the setting.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

ROOT = Path(__file__).resolve().parent.parent
GOAL = 2.0

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 720)
window.show()
app.processEvents()
print("usable", flush=True)
"""

OURS = """
import time
T0 = time.perf_counter()
import sys

def mark(name):
    print(f"mark {name} {(time.perf_counter() - T0) * 1000:.1f}", flush=True)

from pathlib import Path
import shiboken6
from PySide6 import QtWidgets
mark("import PySide6.QtWidgets")
import intake_app.desk
mark("import intake_app.desk")
from intake_app.ui.app import create_application, start
mark("import intake_app.ui.app")
app = create_application()
window = start(app, Path(sys.argv[1]), "Bench", lazy=True)
mark("window shown")
print("frame", flush=True)

def loaded(name):
    if name != "intake":
        return
    screen = window.built_screen("intake")
    if screen is not None and screen.isVisible():
        app.processEvents()
        mark("intake screen built and shown")
        print("usable", flush=True)
    else:
        print("missing", flush=True)
    app.exit(0)

window.screen_loaded.connect(loaded)
status = app.exec()
window.close()
shiboken6.delete(window)  # as run_app does: never leave the window to the interpreter's exit
sys.exit(status)
"""


def make_station(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import UNIT, intake_request

    from intake_app.desk import Desk

    with Desk(folder, allow_key_file=True) as desk:
        desk.init_station(**UNIT)
        for _ in range(3):
            desk.receive(intake_request(), clerk="Bench")
    return folder


def run_once(script: str, *args: str, phases: dict[str, list[float]] | None = None,
             ) -> dict[str, float]:
    """Spawn a child; the time (ms) from spawning to each line it prints.

    Lines `mark <phase> <ms>` are the child's own clock since its first line; they go to
    `phases` and tell where the time goes.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    marks: dict[str, float] = {}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("mark "):
            name, _, value = line[5:].strip().rpartition(" ")
            if phases is not None:
                phases.setdefault(name, []).append(float(value))
            continue
        marks[line.strip()] = (time.perf_counter() - started) * 1000
    if child.wait(timeout=60) != 0:
        raise SystemExit(f"the child failed (exit {child.returncode}): {marks}")
    return marks


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        station = str(make_station(Path(tmp) / "station"))
        run_once(BARE)
        run_once(OURS, station)  # warm-up: disk cache, .pyc files
        bare, frame, usable, missing = [], [], [], 0
        phases: dict[str, list[float]] = {}
        for _ in range(args.runs):
            bare.append(run_once(BARE)["usable"])
            marks = run_once(OURS, station, phases=phases)
            frame.append(marks["frame"])
            if "usable" in marks:
                usable.append(marks["usable"])
            else:
                missing += 1
    print(f"{args.runs} runs each, fresh processes, QT_QPA_PLATFORM=offscreen, "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"{'':10} {'median':>8} {'p95':>8}  (ms from spawn)")
    for name, values in (("(a) bare", bare), ("(b) frame", frame), ("(c) usable", usable)):
        if values:
            print(f"{name:10} {statistics.median(values):8.0f} {p95(values):8.0f}")
    base = statistics.median(bare)
    print(f"frame/bare  = {statistics.median(frame) / base:.2f}")
    if usable:
        ratio = statistics.median(usable) / base
        verdict = "meets" if ratio <= GOAL else "misses"
        print(f"usable/bare = {ratio:.2f}  ({verdict} the goal ≤ {GOAL:g}×)")
    if missing:
        print(f"the intake screen could not be built in {missing} runs: (c) not measured")
    print("where (b) and (c) spend their time (median ms, the child's clock, cumulative):")
    for name, values in phases.items():
        print(f"  {statistics.median(values):7.0f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

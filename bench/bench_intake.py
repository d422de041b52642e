"""Intake benchmark: what a clerk waits for between "Tiếp nhận" and the printed receipt.

Timed in one process, interleaved run by run (a, a0, b, c, d, d3, e, a, …) after a warm-up, so
that all share the same CPU and disk conditions; medians and p95 are printed in ms:

(a) store    `Desk.receive` with the receipt PDF skipped: the request check, the station,
             catalogue and calendar look-ups, and the one write transaction (dossier, history
             entry, outbox event; COMMIT under synchronous=FULL, i.e. a WAL fsync). The PDF is
             skipped by shadowing `write_receipt` on that Desk instance with a no-op, so every
             other line of `receive` runs as in the app. (Timing `check_intake` and the
             transaction as separate pieces would leave out the look-ups `receive` does between
             them, and would copy the transaction body into the benchmark.)
(b) pdf      `build_receipt_pdf` of the receipt just stamped in (a), in memory.
(c) receive  `Desk.receive` as the clerk sees it: (a) and (b), then the PDF written to the data
             folder with `write_atomically` (file fsync, rename, folder fsync).
(d) bare     the reference: a one-page reportlab `SimpleDocTemplate` with one Paragraph in the
             bundled Tinos font, built in memory (reportlab's floor for a page that embeds a
             TrueType subset).

The goal is (c)/(d) ≤ 1.3. The other lines explain the gap:

(a0)  (a) on a second connection switched to synchronous=OFF: (a) − (a0) is the commit fsync;
(d3)  the bare page with one Paragraph in each of the three faces the receipt embeds (regular,
      bold, italic): every embedded face costs its own TrueType subset;
(e)   `write_atomically` of the receipt bytes alone (file fsync, rename, folder fsync);
      the first receive of a new process, timed once in a subprocess: the app imports
      reportlab and registers the fonts only when it writes its first receipt.

fsync latency differs 10-100x between an SSD, a laptop HDD, tmpfs and a network share, so the
script prints the file system of its temporary folder and a raw "append 4 KiB + fsync" probe.
Choose the folder with `--dir`.

Requests are varied: applicants from `vn_people` (weighted Vietnamese names, valid CCCD
numbers, mobile numbers), procedures from the starter catalogue in counter proportions.

    .venv/bin/python bench/bench_intake.py [--runs 200] [--warmup 20] [--dir /path]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import vn_people
from bench_accounts import as_clerk, set_up_accounts
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from intake_app.desk import Desk
from intake_app.documents.files import write_atomically
from intake_app.documents.fonts import BOLD, FAMILY, ITALIC, register_fonts
from intake_app.documents.receipt_pdf import build_receipt_pdf
from intake_app.domain.clock import VN_TZ
from intake_app.domain.receipt import ReceiptData

# Throwaway data folders: their keys go to a key file inside them, never into this PC's
# credential store (docs/encryption.md); child processes inherit the setting.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

STATION = dict(
    unit_code="000.00.12.H56", unit_name="UBND phường Phong Quảng", province_code="46",
    commune_code="19873", station_no=2,
)
CLERK = "Lê Thị Thu Hà"
GOAL_RATIO = 1.3
FIRST_DAY = date(2026, 3, 2)  # a Monday with no holiday nearby
STEP = timedelta(seconds=40)  # between two readings of the clock


class CounterClock:
    """Office hours only: 07:30–11:30 and 13:00–17:00, Monday to Friday, 40 s per reading.

    Keeps every station-day far below the 999 dossiers a dossier code allows.
    """

    def __init__(self, day: date = FIRST_DAY):
        self.now = datetime(day.year, day.month, day.day, 7, 30, tzinfo=VN_TZ)

    def __call__(self) -> datetime:
        current = self.now
        following = current + STEP
        if following.hour == 11 and following.minute >= 30:
            following = following.replace(hour=13, minute=0, second=0)
        elif following.hour >= 17:
            day = following.date() + timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            following = datetime(day.year, day.month, day.day, 7, 30, tzinfo=VN_TZ)
        self.now = following
        return current


# ---- what is timed -------------------------------------------------------------------------

def bare_reportlab_page() -> bytes:
    """(d): one Paragraph in Tinos on an A4 page, as small as a reportlab document gets."""
    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName=FAMILY, fontSize=12, leading=14.5)
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    doc.build([Paragraph("Giấy tiếp nhận hồ sơ và hẹn trả kết quả – Nguyễn Văn Đức", style)])
    return buffer.getvalue()


def bare_page_three_faces() -> bytes:
    """(d3): one Paragraph in each face the receipt embeds."""
    buffer = io.BytesIO()
    text = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả – Nguyễn Văn Đức"
    faces = (FAMILY, BOLD, ITALIC)
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Paragraph(text, ParagraphStyle(face, fontName=face, fontSize=12)) for face in faces]
    )
    return buffer.getvalue()


def store_only_desk(data_dir: Path, clock: CounterClock) -> Desk:
    """A Desk whose `receive` does everything but write the receipt PDF ((a))."""
    desk = as_clerk(Desk(data_dir, clock=clock, allow_key_file=True))
    desk.write_receipt = lambda receipt: None  # shadows the method on this instance only
    return desk


class Requests:
    """Endless varied intake requests for the starter catalogue."""

    def __init__(self, desk: Desk, seed: int):
        self.rng = random.Random(seed)
        self.people = vn_people.People(self.rng, FIRST_DAY)
        self.procedures = {code: desk.procedure(code) for code, _ in vn_people.PROCEDURE_MIX}

    def next(self) -> dict:
        procedure = self.procedures[vn_people.pick_procedure_code(self.rng)]
        return vn_people.intake_request(self.rng, self.people, procedure)


# ---- measuring -----------------------------------------------------------------------------

def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter_ns()
    result = action()
    return (time.perf_counter_ns() - start) / 1e6, result


COLD_RECEIVE = """
import json, sys, time
from pathlib import Path
from intake_app.desk import Desk

desk = Desk(Path(sys.argv[1]), allow_key_file=True)
desk.act_as("canbo.do")
request = json.loads(sys.argv[2])
start = time.perf_counter_ns()
result = desk.receive(request)
print((time.perf_counter_ns() - start) / 1e6, result.receipt_path is not None)
"""


def cold_first_receive(data_dir: Path, request: dict) -> float:
    """Milliseconds of the first `receive` in a new process whose Desk is already open."""
    out = subprocess.run(
        [sys.executable, "-c", COLD_RECEIVE, str(data_dir), json.dumps(request)],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    if out[1] != "True":
        raise RuntimeError("the cold receive wrote no receipt")
    return float(out[0])


class Desks:
    """The Desks of one benchmark, all on the same data folder and clock."""

    def __init__(self, data_dir: Path, clock: CounterClock):
        self.store = store_only_desk(data_dir, clock)
        self.no_fsync = store_only_desk(data_dir, clock)
        self.no_fsync.db.execute("PRAGMA synchronous=OFF")
        self.clerk = as_clerk(Desk(data_dir, clock=clock, allow_key_file=True))
        self.scratch = data_dir / "scratch"
        self.scratch.mkdir()

    def close(self) -> None:
        for desk in (self.store, self.no_fsync, self.clerk):
            desk.close()


def one_round(desks: Desks, requests: Requests) -> dict[str, float]:
    """One run of every measure, in the order of LABELS; milliseconds by label."""
    ms_a, stamped = timed(lambda: desks.store.receive(requests.next()))
    ms_a0, _ = timed(lambda: desks.no_fsync.receive(requests.next()))
    receipt: ReceiptData = desks.store.receipt(stamped.dossier.code)
    ms_b, content = timed(lambda: build_receipt_pdf(receipt))
    ms_c, result = timed(lambda: desks.clerk.receive(requests.next()))
    if result.receipt_path is None:
        raise RuntimeError(result.receipt_error)
    ms_d, _ = timed(bare_reportlab_page)
    ms_d3, _ = timed(bare_page_three_faces)
    target = desks.scratch / f"{receipt.code}.pdf"
    ms_e, _ = timed(lambda: write_atomically(target, content))
    return {"a": ms_a, "a0": ms_a0, "b": ms_b, "c": ms_c, "d": ms_d, "d3": ms_d3, "e": ms_e}


def fsync_probe(folder: Path, runs: int = 50) -> list[float]:
    """Milliseconds to append 4 KiB to a file and fsync it, in `folder`."""
    times = []
    with open(folder / "fsync-probe.bin", "wb") as handle:
        for _ in range(runs):
            start = time.perf_counter_ns()
            handle.write(b"\0" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
            times.append((time.perf_counter_ns() - start) / 1e6)
    return times


def filesystem_of(path: Path) -> str:
    """'ext4 on /dev/vda, mounted at / (rw,relatime)' from /proc/self/mounts (Linux)."""
    try:
        lines = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return "unknown (no /proc/self/mounts on this system)"
    target = str(path.resolve())
    best: list[str] | None = None
    for line in lines:
        device, mount, fstype, options = line.split()[:4]
        mount = mount.replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and (best is None or len(mount) >= len(best[1])):
            best = [device, mount, fstype, options]
    if best is None:
        return "unknown"
    device, mount, fstype, options = best
    return f"{fstype} on {device}, mounted at {mount} ({options})"


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


# ---- report --------------------------------------------------------------------------------

LABELS = {
    "a": "(a) receive, PDF skipped (check + 1 txn)",
    "a0": "(a0) same, synchronous=OFF (no fsync)",
    "b": "(b) receipt PDF build (in memory)",
    "c": "(c) receive as the clerk sees it",
    "d": "(d) bare reportlab page (Tinos)",
    "d3": "(d3) bare page, the receipt's 3 faces",
    "e": "(e) write_atomically of the receipt",
}


def report(samples: dict[str, list[float]], probe: list[float], cold: float) -> None:
    print(f"first receive of a new process (reportlab import, font registration): {cold:.1f} ms")
    print(f"fsync probe (append 4 KiB + fsync): median {statistics.median(probe):.2f} ms, "
          f"p95 {p95(probe):.2f} ms")
    print()
    print(f"{'':44}{'median':>9}{'p95':>9}   ms")
    for key, label in LABELS.items():
        print(f"{label:44}{statistics.median(samples[key]):9.2f}{p95(samples[key]):9.2f}")
    medians = {key: statistics.median(values) for key, values in samples.items()}
    print()
    ratio = medians["c"] / medians["d"]
    ratio_p95 = p95(samples["c"]) / p95(samples["d"])
    verdict = "met" if ratio <= GOAL_RATIO else "MISSED"
    print(f"(c)/(d) = {ratio:.2f} on medians, {ratio_p95:.2f} on p95 "
          f"(goal ≤ {GOAL_RATIO}): {verdict}")
    print(f"for context: (c)/(d3) = {medians['c'] / medians['d3']:.2f}, "
          f"(b)/(d3) = {medians['b'] / medians['d3']:.2f} on medians")


def profile_receive(clerk: Desk, requests: Requests, runs: int) -> None:
    """`--profile`: where (c) spends its time, by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        clerk.receive(requests.next())
    profiler.disable()
    print(f"\ncProfile of {runs} × (c), top 30 by cumulative time:")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def run(args: argparse.Namespace, folder: Path) -> None:
    data_dir = folder / "station"
    clock = CounterClock()
    with Desk(data_dir, clock=clock, allow_key_file=True) as setup:
        setup.init_station(**STATION)
        set_up_accounts(setup)
    desks = Desks(data_dir, clock)
    try:
        requests = Requests(desks.store, args.seed)
        print(f"intake benchmark: {args.runs} runs after {args.warmup} warm-up, seed {args.seed}")
        print(f"temporary folder {folder}: {filesystem_of(folder)}")
        # The child stamps on the real clock: on a copy of the station, so the benchmark's
        # own clock (March 2026) is not "set back" behind it (the station's clock check).
        cold_dir = folder / "cold-station"
        shutil.copytree(data_dir, cold_dir)
        cold = cold_first_receive(cold_dir, requests.next())
        register_fonts()
        for _ in range(args.warmup):
            one_round(desks, requests)
        samples: dict[str, list[float]] = {key: [] for key in LABELS}
        for _ in range(args.runs):
            for key, ms in one_round(desks, requests).items():
                samples[key].append(ms)
        report(samples, fsync_probe(folder), cold)
        if args.profile:
            profile_receive(desks.clerk, requests, args.profile)
    finally:
        desks.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None,
                        help="where to create the temporary data folder (default: system temp)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also print a cProfile of N receives")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-intake-", dir=args.dir))
    try:
        run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Sync benchmark: a backlog of 50,000 outbox events sent to the real gateway on loopback.

Goals (issue 5): the whole backlog synced in ≤ 30 s, the station's sender peaking at ≤ 150 MB
of memory. Baseline: one POST per dossier (its four events), the way a naive sender would do it.

The station's data folder is built once and kept under `bench/.cache/` (git-ignored;
`--rebuild` builds it again): 12,500 dossiers received through the real `Desk.receive`, each
followed by three real `Desk.step`s (handed over, handed over again, done), so the outbox holds
50,000 events made by the app's own code; applicants from `vn_people`, procedures in counter
proportions. Receipt PDFs are skipped and that build does not fsync: only the build.

Each run copies that folder, starts the gateway (`python -m intake_gateway serve`, one
uvicorn worker, SQLite in a temporary folder, durable defaults), issues the station's token,
and runs one full sync (health → send all → pull updates → count check) in a child process,
which reports its wall time and its peak resident memory (`ru_maxrss`). An idle child (the
same imports, the desk opened, no sync) gives the memory floor. The baseline sends the same
events the naive way: one plain-JSON POST per dossier (its four events), one after the other,
each answer applied before the next; by default it is timed on the first `--baseline-dossiers`
dossiers and extrapolated to all (say `--baseline-dossiers 12500` for the whole backlog).

    .venv/bin/python bench/bench_sync.py [--rebuild] [--events 50000] [--baseline-dossiers 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

# Throwaway data folders: their keys go to a key file inside them, never into this PC's
# credential store (docs/encryption.md); child processes inherit the setting.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "gateway"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CACHE = Path(__file__).resolve().parent / ".cache"
UNIT = dict(unit_code="000.00.12.H56", unit_name="UBND phường Phong Quảng",
            province_code="46", commune_code="19873", station_no=2)
SEED = 20261123
STEPS = 3  # events per dossier: received + 3 steps


# ---- the station's backlog -------------------------------------------------------------------

def build(folder: Path, events: int) -> None:
    import vn_people

    from intake_app.desk import Desk
    from intake_app.domain.clock import VN_TZ
    from intake_app.domain.lifecycle import StepRequest
    from intake_app.domain.status import DossierStatus

    shutil.rmtree(folder, ignore_errors=True)
    rng = random.Random(SEED)
    moment = [datetime(2026, 1, 5, 7, 30, tzinfo=VN_TZ)]
    from bench_accounts import set_up_accounts

    desk = Desk(folder, clock=lambda: moment[0], allow_key_file=True)
    desk.init_station(**UNIT)
    set_up_accounts(desk)  # the clerk acts from here on
    desk.write_receipt = lambda receipt: None
    desk.db.execute("PRAGMA synchronous=OFF")
    people = vn_people.People(rng, date(2026, 1, 1))
    procedures = {p.code: p for p in desk.procedures()}
    dossiers = events // (1 + STEPS)
    started = time.perf_counter()
    units = ("Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội")
    for n in range(dossiers):
        moment[0] = datetime(2026, 1, 5, 7, 30, tzinfo=VN_TZ) + timedelta(
            days=n // 400, seconds=(n % 400) * 60)
        procedure = procedures[vn_people.pick_procedure_code(rng)]
        code = desk.receive(vn_people.intake_request(rng, people, procedure)).dossier.code
        desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa", to_unit=units[0]))
        desk.step(code, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa", to_unit=units[1]))
        desk.step(code, StepRequest(DossierStatus.DONE, "Lê Thị Hoa"))
        if n and n % 2500 == 0:
            print(f"  … {n:,} dossiers ({time.perf_counter() - started:.0f} s)", flush=True)
    desk.db.execute("PRAGMA synchronous=FULL")
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = desk.outbox_counts()
    desk.close()
    (folder / "complete").write_text(json.dumps(counts))


def station_folder(events: int, rebuild: bool) -> Path:
    folder = CACHE / f"sync-{events}"
    if rebuild or not (folder / "complete").exists():
        print(f"building the station's backlog of {events:,} events (once) …", flush=True)
        build(folder, events)
    return folder


# ---- the gateway -----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gateway:
    def __init__(self, folder: Path):
        self.url = f"sqlite:///{folder}/gateway.sqlite3"
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gateway:
        from intake_gateway.store import open_store

        with open_store(self.url) as store:
            self.token = store.issue_token(UNIT["unit_code"], UNIT["station_no"])
        env = {**os.environ, "PYTHONPATH": str(ROOT / "gateway")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "intake_gateway", "--database", self.url, "serve",
             "--port", str(self.port), "--log-level", "warning"], env=env)
        import urllib.request

        for _ in range(400):
            try:
                with urllib.request.urlopen(f"{self.base_url}/v1/health", timeout=1):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the gateway did not start")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self) -> tuple[int, int]:
        from intake_gateway.store import open_store

        with open_store(self.url) as store:
            return store.count_accepted(UNIT["unit_code"], UNIT["station_no"])

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)


# ---- the child: one full sync, measured ------------------------------------------------------

def child(args: argparse.Namespace) -> None:
    token = sys.stdin.readline().strip()  # never on the command line
    from intake_app.desk import Desk
    from intake_app.sync.engine import Syncer

    desk = Desk(Path(args.child), allow_key_file=True)
    if args.idle:
        import httpx  # noqa: F401 (the same imports as a sync)

        from intake_app.sync import client, sender  # noqa: F401

        desk.outbox_counts()
        result = None
        seconds = 0.0
    else:
        syncer = Syncer(desk, token_provider=lambda: token,
                        max_events=args.max_events or None)
        started = time.perf_counter()
        if args.naive:
            result = naive_send(desk, token, args.naive)
        else:
            outcome = syncer.run(forced=True)
            result = outcome.as_dict()
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": seconds, "maxrss_mb": usage.ru_maxrss / 1024,
                      "cpu_seconds": usage.ru_utime + usage.ru_stime,
                      "result": result, "counts": desk.outbox_counts()}))


def naive_send(desk, token: str, dossiers: int) -> dict:
    """The baseline: one plain-JSON POST per dossier (its events), one after the other, each
    answer applied before the next POST."""
    from intake_app.domain.clock import iso
    from intake_app.domain.events import new_uuid
    from intake_app.store.db import write_transaction
    from intake_app.sync.client import GatewayClient

    station = desk.station
    posts = sent = 0
    with GatewayClient(desk.sync.config().gateway_url, token) as http:
        rows = desk.db.execute(
            "SELECT group_concat(payload, ',') FROM (SELECT id, dossier_id, payload "
            "FROM outbox WHERE state = 'pending' ORDER BY id) GROUP BY dossier_id "
            "ORDER BY min(id) LIMIT ?", [dossiers]).fetchall()
        for (payloads,) in rows:
            head = json.dumps({"batch_id": new_uuid(), "unit_code": station.unit_code,
                               "station_no": station.station_no, "app_version": "naive",
                               "sent_at": iso(desk.clock())}, ensure_ascii=False)[:-1]
            body = (head + ',"events":[' + payloads + "]}").encode("utf-8")
            answer = http.post_batch(body, gzipped=False)
            assert answer.status == 200, answer.text()
            results = answer.json()["results"]
            with write_transaction(desk.db):
                desk.db.conn.executemany(
                    "UPDATE outbox SET state = 'delivered', updated_at = ? WHERE event_id = ?",
                    [(iso(desk.clock()), r["event_id"]) for r in results])
            posts += 1
            sent += len(results)
    return {"sent": sent, "batches": posts, "ok": True}


def run_child(folder: Path, token: str, *extra: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(folder), *extra],
                          input=token + "\n", capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def copy_station(source: Path, target: Path, gateway_url: str) -> Path:
    shutil.copytree(source, target)
    from bench_accounts import ADMIN

    from intake_app.desk import Desk

    with Desk(target, allow_key_file=True) as desk:
        desk.act_as(ADMIN)
        desk.sync.configure(gateway_url)
    return target


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--baseline-dossiers", type=int, default=2000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--child")
    parser.add_argument("--idle", action="store_true")
    parser.add_argument("--max-events", type=int, default=0)
    parser.add_argument("--naive", type=int, default=0, help="(child) baseline on N dossiers")
    args = parser.parse_args()
    if args.child:
        child(args)
        return 0

    source = station_folder(args.events, args.rebuild)
    dossiers = args.events // (1 + STEPS)
    print(f"backlog: {args.events:,} events of {dossiers:,} dossiers "
          f"({(source / 'intake.sqlite3').stat().st_size / 1e6:.0f} MB station database)")
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "gw1").mkdir()
        with Gateway(tmp_path / "gw1") as gateway:
            station = copy_station(source, tmp_path / "station1", gateway.base_url)
            idle = run_child(station, gateway.token, "--idle")
            run = run_child(station, gateway.token)
            accepted = gateway.count()
        result = run["result"]
        print(f"\nbatched sync (≤500 events, ≤5 MiB, gzip): {run['seconds']:.1f} s "
              f"for {result['sent']:,} events in {result['batches']} POSTs "
              f"({result['sent'] / run['seconds']:,.0f} events/s)   goal ≤ 30 s")
        print(f"  station CPU: {run['cpu_seconds']:.1f} s (the next batch is prepared while the "
              "gateway works on the current one)")
        print(f"  station peak memory (child maxrss): {run['maxrss_mb']:.0f} MB "
              f"(idle child with the same imports: {idle['maxrss_mb']:.0f} MB)   goal ≤ 150 MB")
        print(f"  gateway accepted: {accepted[0]:,} events of {accepted[1]:,} dossiers; "
              f"station: {run['counts']}; mismatch: {result['mismatch']}")

        (tmp_path / "gw2").mkdir()
        with Gateway(tmp_path / "gw2") as gateway:
            station = copy_station(source, tmp_path / "station2", gateway.base_url)
            limit = min(args.baseline_dossiers, dossiers)
            base = run_child(station, gateway.token, "--naive", str(limit))
        per_post = base["seconds"] / max(1, base["result"]["batches"])
        whole = per_post * dossiers
        measured = "measured" if limit == dossiers else f"measured on {limit:,} dossiers"
        print(f"\nbaseline, one plain POST per dossier ({1 + STEPS} events): "
              f"{base['seconds']:.1f} s for {base['result']['sent']:,} events ({measured}); "
              f"{per_post * 1000:.1f} ms per POST → {whole:.0f} s for all {dossiers:,} dossiers")
        print(f"  batched / baseline: {run['seconds'] / whole:.2f}× the time "
              f"({whole / run['seconds']:.1f}× faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Gateway throughput: many stations posting batches of 500 events at once.

Starts `intake-gateway serve` (uvicorn, N workers) on loopback over SQLite and/or a throwaway
PostgreSQL cluster (durable defaults: fsync on), issues one token per station, pre-builds every
batch, then lets all stations post at once (threads in a few client processes) and prints the
accepted events per second. Everything stays on this machine.

    .venv/bin/python gateway/bench/bench_gateway.py                 # both backends
    .venv/bin/python gateway/bench/bench_gateway.py --backend postgres --workers 2
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

GATEWAY_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(GATEWAY_DIR))

from intake_gateway.store import open_store  # noqa: E402
from tests.gateway_testing import (  # noqa: E402
    TempPostgres,
    batch_body,
    free_port,
    new_id,
    sample_event,
)


def unit_of(index: int) -> str:
    return f"000.00.{index:02d}.H56"


def build_batches(index: int, batches: int, size: int, compress: bool) -> list[bytes]:
    """Station `index`'s batches: new dossiers (version 1) and their next steps (version 2)."""
    unit, bodies, serial = unit_of(index), [], 0
    pending_steps: list[dict] = []
    for _ in range(batches):
        events = []
        while len(events) < size:
            if pending_steps and len(events) % 3 == 2:
                events.append(pending_steps.pop())
                continue
            serial += 1
            day, seq = divmod(serial - 1, 999)
            code = f"{unit}-2511{day % 28 + 1:02d}-1{seq + 1:03d}"
            first = sample_event(code=code)
            events.append(first)
            pending_steps.append(sample_event(dossier_id=first["dossier_id"], version=2,
                                              code=code))
        body = json.dumps(batch_body(unit, 1, events, batch_id=new_id()),
                          ensure_ascii=False).encode()
        bodies.append(gzip.compress(body, 1) if compress else body)
    return bodies


def client_process(base_url: str, jobs: list[tuple[int, str]], batches: int, size: int,
                   compress: bool, ready, go, results) -> None:
    """Post every station's batches (one thread per station) once `go` is set."""
    import httpx

    prepared = {index: build_batches(index, batches, size, compress) for index, _ in jobs}
    ready.put(len(jobs))
    go.wait()
    latencies: list[float] = []
    counts = {"accepted": 0, "other": 0}
    lock = threading.Lock()

    def station(index: int, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        if compress:
            headers["Content-Encoding"] = "gzip"
        with httpx.Client(base_url=base_url, headers=headers, timeout=300) as http:
            for body in prepared[index]:
                started = time.perf_counter()
                answer = http.post("/v1/batches", content=body)
                answer.raise_for_status()
                statuses = [r["status"] for r in answer.json()["results"]]
                with lock:
                    latencies.append(time.perf_counter() - started)
                    counts["accepted"] += statuses.count("accepted")
                    counts["other"] += len(statuses) - statuses.count("accepted")

    threads = [threading.Thread(target=station, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put((time.perf_counter(), counts, latencies))


def wait_for_health(base_url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/v1/health", timeout=2):
                return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the gateway did not start") from None
            time.sleep(0.1)


def run(database_url: str, label: str, args: argparse.Namespace, workers: int) -> None:
    with open_store(database_url) as store:
        tokens = [(index, store.issue_token(unit_of(index), 1)) for index in range(args.stations)]
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(GATEWAY_DIR)}
    server = subprocess.Popen(
        [sys.executable, "-m", "intake_gateway", "serve", "--port", str(port), "--workers",
         str(workers), "--database", database_url, "--log-level", "warning"], env=env)
    try:
        wait_for_health(base_url, server)
        ctx = mp.get_context("spawn")
        ready, results, go = ctx.Queue(), ctx.Queue(), ctx.Event()
        shares = [tokens[i::args.client_processes] for i in range(args.client_processes)]
        procs = [ctx.Process(target=client_process, args=(
            base_url, share, args.batches, args.events, args.gzip, ready, go, results))
            for share in shares if share]
        for proc in procs:
            proc.start()
        for _ in procs:
            ready.get(timeout=600)
        started = time.perf_counter()
        go.set()
        finished = [results.get(timeout=1800) for _ in procs]
        for proc in procs:
            proc.join()
        elapsed = max(end for end, _, _ in finished) - started
        accepted = sum(c["accepted"] for _, c, _ in finished)
        other = sum(c["other"] for _, c, _ in finished)
        latencies = sorted(x for _, _, lat in finished for x in lat)
        with open_store(database_url) as store:
            stored = sum(store.count_accepted(unit_of(i), 1)[0] for i in range(args.stations))
        p95 = latencies[int(len(latencies) * 0.95) - 1]
        print(f"{label:<11} {workers} worker(s)  {args.stations} stations x {args.batches} "
              f"batches x {args.events} events{' (gzip)' if args.gzip else ''}: "
              f"{accepted:,} accepted ({other} other, {stored:,} stored) in {elapsed:.1f} s "
              f"= {accepted / elapsed:,.0f} events/s; batch latency median "
              f"{statistics.median(latencies):.2f} s, p95 {p95:.2f} s", flush=True)
        if accepted != stored or other:
            raise SystemExit("the gateway did not accept every event exactly once")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--stations", type=int, default=50)
    parser.add_argument("--batches", type=int, default=4, help="batches per station")
    parser.add_argument("--events", type=int, default=500, help="events per batch")
    parser.add_argument("--workers", type=int, help="uvicorn workers (default: 1 SQLite, 2 PG)")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--gzip", action="store_true", help="send gzip bodies")
    parser.add_argument("--pg-url", help="an empty PostgreSQL database instead of a temp cluster")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            run(f"sqlite:///{folder}/bench.sqlite3", "SQLite", args, args.workers or 1)
    if args.backend in ("postgres", "both"):
        if args.pg_url:
            run(args.pg_url, "PostgreSQL", args, args.workers or 2)
        else:
            cluster = TempPostgres(durable=True)
            try:
                cluster.start()
                url = cluster.create_database("gateway_bench")
                run(url, "PostgreSQL", args, args.workers or 2)
            finally:
                cluster.stop()


if __name__ == "__main__":
    main()

"""What SQLCipher costs the stamp and the search: the same station with and without the key.

One run, one machine, the same data: a station of `--size` dossiers (bench_search's generator,
with history and outbox rows, as bench_backup builds it), kept twice: encrypted under its key
(as the app keeps it) and the same database exported to plain SQLite. The same Desk code opens
both; for the plaintext twin its store is opened without a key (`open_database(path, None)`),
which only this bench does. Measured, interleaved (encrypted, plain, encrypted, …) so the
machine's load falls on both alike:

* stamp without PDF: `Desk.receive` with the receipt not drawn (the transaction: clock, codes,
  dossier, history, outbox, audit, search index, high-water file), median of `--stamps`;
* stamp with PDF: `Desk.receive` as the counter does it, the receipt PDF written;
* search: bench_search's mix of what clerks type (names with and without accents, ID numbers,
  phones, codes, misses), `find_dossiers(limit=50)`, median and p95 over `--rounds` passes.

Goal (issue 12): encrypted ≤ 1.2 × plain for the stamp and for the search.

    .venv/bin/python bench/bench_encryption.py [--size 20000] [--stamps 60] [--rounds 3]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import bench_backup  # noqa: E402
import bench_search  # noqa: E402
from conftest import intake_request  # noqa: E402

import intake_app.desk as desk_module  # noqa: E402
from intake_app.desk import Desk  # noqa: E402
from intake_app.store import catalogue, cipher, dossiers  # noqa: E402
from intake_app.store.db import DATABASE_FILE, write_transaction  # noqa: E402

GOAL = 1.2


def plaintext_twin(folder: Path, key: bytes, target: Path) -> Path:
    """The same station with its database exported to plain SQLite."""
    shutil.copytree(folder, target)
    database = target / DATABASE_FILE
    plain = target / "plain.sqlite3"
    conn = cipher.connect(database, key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(plain)])
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    for side in ("-wal", "-shm"):
        Path(f"{database}{side}").unlink(missing_ok=True)
    plain.replace(database)
    plain_conn = cipher.connect(database, None)
    plain_conn.execute("PRAGMA journal_mode=WAL")
    plain_conn.close()
    return target


@contextlib.contextmanager
def desk_without_key(folder: Path):
    """A Desk whose store is opened without a key (the plaintext twin, never converted)."""
    real = desk_module.open_database

    def plain(path, key, **options):
        return real(path, None, **options)

    desk_module.open_database = plain
    try:
        desk = Desk(folder, allow_key_file=True)
    finally:
        desk_module.open_database = real
    try:
        yield desk
    finally:
        desk.close()


def stamp_ms(desk: Desk) -> float:
    request = intake_request()
    started = time.perf_counter()
    desk.receive(request)
    return (time.perf_counter() - started) * 1000


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--stamps", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    libraries = cipher.library_versions()
    print(f"encryption bench: {args.size:,} dossiers, SQLCipher {libraries['sqlcipher']} on "
          f"SQLite {libraries['sqlite']}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-encryption-") as base_name:
        base = Path(base_name)
        encrypted = bench_backup.station_folder(args.size, base)
        with Desk(encrypted, allow_key_file=True) as desk:  # what the tests' request needs
            key = desk.keys.database_key
            desk.ensure_admin_units()
            with write_transaction(desk.db):
                catalogue.upsert_procedures(desk.db, catalogue.starter_catalogue())
        plain = plaintext_twin(encrypted, key, base / "plain")
        assert not cipher.is_plaintext(encrypted / DATABASE_FILE)
        assert cipher.is_plaintext(plain / DATABASE_FILE)
        sizes = {name: (folder / DATABASE_FILE).stat().st_size / 2**20
                 for name, folder in (("encrypted", encrypted), ("plain", plain))}
        print(f"files: encrypted {sizes['encrypted']:.1f} MiB, plain {sizes['plain']:.1f} MiB")

        figures: dict[str, dict[str, list[float]]] = {}
        with Desk(encrypted, allow_key_file=True) as on, desk_without_key(plain) as off:
            assert on.db.execute("PRAGMA cipher_version").fetchone()[0]
            for kind, with_pdf in (("stamp without PDF", False), ("stamp with PDF", True)):
                for desk in (on, off):
                    if not with_pdf:
                        desk.write_receipt = lambda receipt: receipt  # type: ignore
                    else:
                        with contextlib.suppress(AttributeError):
                            del desk.write_receipt  # the class's own again
                    stamp_ms(desk)  # warm-up (fonts, caches)
                times: dict[str, list[float]] = {"encrypted": [], "plain": []}
                for _ in range(args.stamps):
                    times["encrypted"].append(stamp_ms(on))
                    times["plain"].append(stamp_ms(off))
                figures[kind] = times
            rng = random.Random(args.size)
            mix = bench_search.queries(off.db, rng)
            pairs = [text for texts in mix.values() for text in texts]
            for desk in (on, off):
                for text in pairs:
                    dossiers.find_dossiers(desk.db, text, 50)
            search: dict[str, list[float]] = {"encrypted": [], "plain": []}
            for _ in range(args.rounds):
                rng.shuffle(pairs)
                for text in pairs:
                    for name, desk in (("encrypted", on), ("plain", off)):
                        started = time.perf_counter_ns()
                        dossiers.find_dossiers(desk.db, text, 50)
                        search[name].append((time.perf_counter_ns() - started) / 1e6)
            figures["search"] = search

        print(f"\n{'':20} {'encrypted':>11} {'plain':>11} {'ratio':>7}   (median; p95)")
        worst = 0.0
        for kind, times in figures.items():
            on_m, off_m = median(times["encrypted"]), median(times["plain"])
            ratio = on_m / off_m
            worst = max(worst, ratio)
            print(f"{kind:20} {on_m:8.2f} ms {off_m:8.2f} ms {ratio:6.2f}×   "
                  f"(p95 {p95(times['encrypted']):.2f} / {p95(times['plain']):.2f} ms, "
                  f"n={len(times['plain'])})")
        verdict = "within" if worst <= GOAL else "OVER"
        print(f"\nworst ratio {worst:.2f}× — {verdict} the goal of {GOAL}×")


if __name__ == "__main__":
    main()

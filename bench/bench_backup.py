"""Backup and restore at 10,000 and 100,000 dossiers: time and size.

The floor, measured in the same run on the same file: a plain copy of the database file with
an fsync (what a backup can never beat, and what it must never be: a file copy of a live
database misses its WAL). Then, each the median of `--rounds`:

* `backup`: `desk.backups.make()` as the window's daily backup runs it: the backup API's
  snapshot, `integrity_check` of the copy, the ZIP with its manifest and sealed keys (fsynced),
  and the packed bytes read back and compared;
* `verify`: `intake-app backup verify` (unpacked, opened, integrity_check, counted);
* `restore`: `intake-app restore` into the closed station (checks, old files set aside, the
  codes handed out found again, the report of dossiers to re-enter).

The dossiers come from bench_search's generator (cached in `bench/.cache/`), with a history
entry and a delivered outbox event each (the event's JSON about the size of the real one), so
the file is about what a counter's database holds after that many dossiers.

    .venv/bin/python bench/bench_backup.py [--sizes 10000 100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_search  # noqa: E402

from intake_app.desk import Desk  # noqa: E402
from intake_app.services.backups import human_size  # noqa: E402
from intake_app.services.restore import restore_station, verify_backup  # noqa: E402
from intake_app.station_keys import create_station_keys  # noqa: E402
from intake_app.store import settings  # noqa: E402
from intake_app.store.db import DATABASE_FILE, connect, write_transaction  # noqa: E402
from intake_app.store.encrypt_in_place import encrypt_in_place  # noqa: E402


def station_folder(size: int, base: Path) -> Path:
    """A station folder holding the generated dossiers, their history and their events."""
    if bench_search.cached_build(size) is None:
        print(f"building {size:,} dossiers (bench_search's generator, cached)…", flush=True)
        bench_search.build(size)
    source, _ = bench_search.cache_paths(size)
    folder = base / f"station-{size}"
    folder.mkdir(parents=True)
    shutil.copyfile(source, folder / DATABASE_FILE)
    keys = create_station_keys(folder, allow_key_file=True)
    db = connect(folder / DATABASE_FILE, None)  # the cached build is plaintext
    with write_transaction(db):
        settings.save_station(db, bench_search.station_settings(2))
        db.execute("INSERT INTO dossier_history (dossier, at, actor, action, status, note) "
                   "SELECT id, received_at, clerk, 'received', 2, procedure_name FROM dossiers")
        db.execute("INSERT INTO outbox (event_id, dossier, dossier_id, version, kind, "
                   "occurred_at, payload, state, updated_at) SELECT lower(hex(randomblob(16))), "
                   "id, dossier_id, 1, 'received', received_at, receipt, 'delivered', "
                   "received_at FROM dossiers")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    encrypt_in_place(folder / DATABASE_FILE, keys.database_key)  # as the app keeps it
    return folder


def copy_floor(database: Path, target: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(database, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    took = time.perf_counter() - started
    target.unlink()
    return took


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_size(size: int, rounds: int, base: Path) -> None:
    folder = station_folder(size, base)
    database = folder / DATABASE_FILE
    floors, backups, verifies = [], [], []
    made = None
    with Desk(folder, allow_key_file=True) as desk:
        from bench_accounts import ADMIN, set_up_accounts

        set_up_accounts(desk)
        desk.act_as(ADMIN)  # a backup by hand: the administrator's
        dossiers = desk.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        for _ in range(rounds):
            floors.append(copy_floor(database, base / "floor.sqlite3"))
            started = time.perf_counter()
            made = desk.backups.make(kind="manual")
            backups.append(time.perf_counter() - started)
    assert made is not None
    for _ in range(rounds):
        started = time.perf_counter()
        report = verify_backup(made.path, folder)
        verifies.append(time.perf_counter() - started)
        assert report["ok"], report
    started = time.perf_counter()
    result = restore_station(folder, made.path, ask_province=False)
    restore_s = time.perf_counter() - started
    assert result.dossiers == dossiers
    floor = median(floors)
    print(f"\n{dossiers:,} dossiers — database {human_size(database.stat().st_size)}, "
          f"backup file {human_size(made.size)}")
    print(f"  file copy + fsync (floor) {floor * 1000:8.0f} ms")
    for name, values in (("backup (checked)", backups), ("verify", verifies)):
        print(f"  {name:<25} {median(values) * 1000:8.0f} ms   ×{median(values) / floor:5.1f} "
              f"the floor")
    print(f"  {'restore (one run)':<25} {restore_s * 1000:8.0f} ms   ×{restore_s / floor:5.1f} "
          f"the floor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as temp:
        for size in args.sizes:
            bench_size(size, args.rounds, Path(temp))


if __name__ == "__main__":
    main()

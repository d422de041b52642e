"""Durability: what a clerk was told was stamped survives a crash, and numbering never breaks.

The crash and concurrency tests run `tests/crash_child.py` in real child processes on a real
data folder; the checks afterwards open the database with plain `sqlite3`, not the app.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import as_user, set_up_accounts
from crash_child import PAYLOAD
from station_db import IntegrityError, kept_pdf, open_db

from intake_app.desk import Desk
from intake_app.documents.receipt_pdf import build_receipt_pdf
from intake_app.domain.clock import VN_TZ
from intake_app.domain.dossier_code import DailyLimitReached
from intake_app.store.db import DATABASE_FILE, connect

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).with_name("crash_child.py")
UNIT = "000.00.12.H56"
STATION = 2
CLERK = "Lê Thị Hoa"
# A plain Tuesday morning: the child processes' clocks start here and run with the wall clock.
CLOCK_BASE = datetime(2026, 3, 10, 9, 0, tzinfo=VN_TZ)
LINE_TIMEOUT_S = 60.0
CLOCK_ORIGIN = time.time()  # shared by every child of this test run: their clocks agree


def set_up(data_dir: Path, clock=None) -> Desk:
    desk = Desk(data_dir) if clock is None else Desk(data_dir, clock=clock)
    desk.init_station(
        unit_code=UNIT, unit_name="UBND phường Phong Quảng", province_code="46",
        commune_code="19873", station_no=STATION,
    )
    set_up_accounts(desk)
    return as_user(desk)


def payload(note: str = "") -> dict:
    return {**PAYLOAD, "note": note}


def is_complete_pdf(path: Path) -> bool:
    """Whole: kept sealed, it opens with the station's key (its tag proves it whole), and
    inside is a PDF from its header to its end."""
    from intake_app.documents.kept import SealedFileDamaged

    try:
        content = kept_pdf(path)
    except SealedFileDamaged:
        return False
    return content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")


# ---- child processes -------------------------------------------------------------------------

class Lines:
    """The child's stdout, line by line, read on a thread so the parent can time its kill."""

    def __init__(self, stream) -> None:
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def next(self) -> str | None:
        """The next line; None at end of output (the child exited)."""
        return self._queue.get(timeout=LINE_TIMEOUT_S)

    def rest(self) -> list[str]:
        """Every line still to come, once the child has exited."""
        self._thread.join(LINE_TIMEOUT_S)
        assert not self._thread.is_alive(), "the child's stdout never closed"
        lines = []
        while (line := self._queue.get_nowait()) is not None:
            lines.append(line)
        return lines


def spawn(data_dir: Path, stderr, *args: str, stdin=None) -> subprocess.Popen:
    return subprocess.Popen(
        # The shared clock first: a round's own --clock-base after it wins (argparse keeps
        # the last), so each crash round really stamps on a day of its own.
        [sys.executable, str(CHILD), str(data_dir),
         "--clock-base", CLOCK_BASE.isoformat(), "--clock-origin", repr(CLOCK_ORIGIN), *args],
        stdin=stdin, stdout=subprocess.PIPE, stderr=stderr, text=True, encoding="utf-8",
        cwd=ROOT,
    )



def parse_stamped(lines: list[str]) -> list[tuple[str, str | None]]:
    """(code, receipt path or None) of every `code path` line, in the order printed."""
    out = []
    for line in lines:
        if line == "READY":
            continue
        code, path = line.split(" ", 1)
        out.append((code, None if path == "-" else path))
    return out


def err_text(err_path: Path) -> str:
    return err_path.read_text(encoding="utf-8", errors="replace")


def assert_killed(proc: subprocess.Popen, err_path: Path, context: str) -> None:
    """The child died of our SIGKILL, not of an error of its own before it."""
    killed = -signal.SIGKILL if os.name == "posix" else 1  # Windows: TerminateProcess(1)
    assert proc.returncode == killed, (
        f"{context}: child exited with {proc.returncode} before it was killed:\n"
        + err_text(err_path)
    )


# ---- what the database must look like ----------------------------------------------------------

def check_store(db_path: Path) -> dict[str, dict]:
    """Every invariant a clerk relies on, read with plain sqlite3; the dossiers by code."""
    con = open_db(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = con.execute(
            "SELECT id, dossier_id, code, station_no, day_key, day_seq, ledger_book, "
            "ledger_number, note, received_at, version, receipt FROM dossiers ORDER BY id"
        ).fetchall()
        dossiers = {
            r[2]: dict(zip(
                ("id", "dossier_id", "code", "station_no", "day_key", "day_seq", "ledger_book",
                 "ledger_number", "note", "received_at", "version", "receipt"), r, strict=True))
            for r in rows
        }
        assert len(dossiers) == len(rows)

        # The code says what the numbering columns say, and each day's numbers are 1..n.
        by_day: dict[tuple[int, str], list[int]] = defaultdict(list)
        by_book: dict[str, list[int]] = defaultdict(list)
        for d in dossiers.values():
            assert d["code"] == f"{UNIT}-{d['day_key']}-{d['station_no']}{d['day_seq']:03d}"
            local = datetime.fromisoformat(d["received_at"]).astimezone(VN_TZ)
            assert local.strftime("%y%m%d") == d["day_key"], d
            assert json.loads(d["receipt"])["code"] == d["code"]
            assert d["version"] == 1
            by_day[(d["station_no"], d["day_key"])].append(d["day_seq"])
            by_book[d["ledger_book"]].append(d["ledger_number"])
        for key, seqs in by_day.items():
            assert sorted(seqs) == list(range(1, len(seqs) + 1)), f"day {key}: {sorted(seqs)}"
        for book, numbers in by_book.items():
            assert sorted(numbers) == list(range(1, len(numbers) + 1)), f"ledger {book}"

        # Code order is receipt order (the clock is read under the write lock).
        in_code_order = sorted(dossiers.values(), key=lambda d: (d["day_key"], d["day_seq"]))
        times = [datetime.fromisoformat(d["received_at"]) for d in in_code_order]
        assert times == sorted(times)

        # One `received` history entry and one `received` outbox event (version 1) each.
        history = con.execute("SELECT dossier, action FROM dossier_history").fetchall()
        assert sorted(history) == sorted((d["id"], "received") for d in dossiers.values()), (
            "dossier_history: exactly one `received` entry per dossier, nothing else"
        )
        events = con.execute(
            "SELECT dossier, dossier_id, version, kind, state, "
            "json_extract(payload, '$.dossier.MaHoSo') FROM outbox"
        ).fetchall()
        assert sorted(events) == sorted(
            (d["id"], d["dossier_id"], 1, "received", "pending", d["code"])
            for d in dossiers.values()
        ), "outbox: exactly one pending `received` event, version 1, per dossier"

        # The search index holds exactly the saved dossiers (all have the same applicant).
        found = {r[0] for r in con.execute(
            "SELECT rowid FROM dossiers_fts WHERE dossiers_fts MATCH '\"nguyen\"*'")}
        assert found == {d["id"] for d in dossiers.values()}
    finally:
        con.close()
    return dossiers


def check_receipts(data_dir: Path, dossiers: dict[str, dict]) -> list[Path]:
    """Every receipt PDF at its final path is a whole PDF of a saved dossier."""
    pdfs = sorted((data_dir / "receipts").rglob("*.pdf"))
    for pdf in pdfs:
        assert pdf.stem in dossiers, f"receipt {pdf.name} of a dossier that was not saved"
        assert is_complete_pdf(pdf), f"half-written receipt at its final path: {pdf}"
    return pdfs


# ---- 1. killed at random moments ---------------------------------------------------------------

CRASH_ROUNDS = 25
FIRST_ROUND_DAY = datetime(2026, 1, 5, 8, 0, tzinfo=VN_TZ)  # a Monday morning


@pytest.mark.slow
def test_sigkill_loses_nothing_the_clerk_was_told_was_stamped(tmp_path):
    data_dir = tmp_path / "data"
    set_up(data_dir).close()
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    # How each round ends: a random delay after the desk is open, right after the child
    # reported its k-th stamp, or while it is still starting (imports, migrations).
    strategies = ["after_line"] * 8 + ["startup"] * 2
    strategies += ["delay"] * (CRASH_ROUNDS - len(strategies))
    rng.shuffle(strategies)

    printed: list[tuple[str, str, str | None]] = []  # (code, note it was sent with, pdf)
    for round_no, strategy in enumerate(strategies):
        context = f"seed={seed} round={round_no} strategy={strategy}"
        tag = f"R{round_no}"
        with_pdf = round_no % 3 == 0  # the others spend all their time in the database
        err_path = tmp_path / f"child{round_no}.err"
        with err_path.open("w", encoding="utf-8") as err:
            args = ["--tag", tag] + ([] if with_pdf else ["--no-pdf"])
            # Each round stamps on a day of its own: a fast machine would otherwise reach the
            # 999-a-day limit of the code format within the 25 rounds.
            day = (FIRST_ROUND_DAY + timedelta(days=round_no)).isoformat()
            args += ["--clock-base", day, "--clock-origin", str(time.time())]
            proc = spawn(data_dir, err, *args)
            lines = Lines(proc.stdout)
            seen: list[str] = []
            try:
                if strategy == "startup":
                    time.sleep(rng.uniform(0, 0.3))
                else:
                    seen.append(lines.next())
                    assert seen[0] == "READY", f"{context}: {seen[0]!r}\n" + err_text(err_path)
                    if strategy == "delay":
                        time.sleep(rng.uniform(0, 0.3))
                    else:
                        for _ in range(rng.randint(1, 4)):
                            seen.append(lines.next())
                            assert seen[-1] is not None, f"{context}: child exited\n" + (
                                err_text(err_path))
                proc.kill()
            finally:
                if proc.poll() is None:
                    proc.kill()
                proc.wait()
        assert_killed(proc, err_path, context)
        stamped = parse_stamped(seen + lines.rest())
        for index, (code, pdf) in enumerate(stamped, start=1):
            printed.append((code, f"{tag}-{index}", pdf))

    codes = [code for code, _, _ in printed]
    assert len(set(codes)) == len(codes), f"seed={seed}: a code was handed out twice"

    dossiers = check_store(data_dir / DATABASE_FILE)
    for code, note, pdf in printed:
        # Saved, and saved as the dossier the clerk was given this code for.
        assert code in dossiers, f"seed={seed}: {code} was printed but is not in the database"
        assert dossiers[code]["note"] == note
        if pdf is not None:  # receive() returned after writing it
            assert Path(pdf).is_file() and is_complete_pdf(Path(pdf)), pdf

    pdfs = check_receipts(data_dir, dossiers)
    leftovers = list((data_dir / "receipts").rglob("*.part"))  # allowed: never at a final path
    print(f"seed={seed}: {len(codes)} printed, {len(dossiers)} saved, {len(pdfs)} receipts, "
          f"{len(leftovers)} temp files left by kills")
    with Desk(data_dir) as desk:
        for pdf in pdfs:  # not merely framed like a PDF: exactly the receipt of that dossier
            assert desk.read_pdf(pdf) == build_receipt_pdf(desk.receipt(pdf.stem)), pdf.name

    # The folder still opens and the next dossier takes the next number of the last round's day.
    last_day = FIRST_ROUND_DAY + timedelta(days=CRASH_ROUNDS - 1, hours=9)
    day_key = last_day.strftime("%y%m%d")
    last = max((d["day_seq"] for d in dossiers.values() if d["day_key"] == day_key), default=0)
    origin = time.time()
    clock = lambda: last_day + timedelta(seconds=time.time() - origin)  # noqa: E731
    with as_user(Desk(data_dir, clock=clock)) as desk:
        result = desk.receive(payload("after the crashes"))
    assert result.dossier.code == f"{UNIT}-{day_key}-{STATION}{last + 1:03d}"
    assert result.receipt_path is not None and is_complete_pdf(result.receipt_path)
    assert len(check_store(data_dir / DATABASE_FILE)) == len(dossiers) + 1


# ---- 2. two processes on one folder ----------------------------------------------------------

PER_CHILD = 40


@pytest.mark.slow
def test_two_processes_stamping_at_once_share_one_gap_free_sequence(tmp_path):
    data_dir = tmp_path / "data"
    set_up(data_dir).close()
    procs: dict[str, tuple[subprocess.Popen, Path]] = {}
    try:
        for tag in ("A", "B"):
            err_path = tmp_path / f"child{tag}.err"
            with err_path.open("w", encoding="utf-8") as err:
                procs[tag] = (spawn(data_dir, err, "--tag", tag, "--count", str(PER_CHILD),
                                    "--wait-go", stdin=subprocess.PIPE), err_path)
        for proc, err_path in procs.values():
            ready = proc.stdout.readline()
            assert ready == "READY\n", err_text(err_path)
        for proc, _ in procs.values():  # start both together
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outputs = {}
        for tag, (proc, err_path) in procs.items():
            out, _ = proc.communicate(timeout=120)
            assert proc.returncode == 0, err_text(err_path)
            outputs[tag] = parse_stamped(out.splitlines())
    finally:
        for proc, _ in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    dossiers = check_store(data_dir / DATABASE_FILE)
    assert len(dossiers) == 2 * PER_CHILD
    day_key = CLOCK_BASE.strftime("%y%m%d")
    assert sorted(d["day_seq"] for d in dossiers.values() if d["day_key"] == day_key) == list(
        range(1, 2 * PER_CHILD + 1)
    )
    for tag, stamped in outputs.items():
        assert len(stamped) == PER_CHILD
        seqs = [dossiers[code]["day_seq"] for code, _ in stamped]
        assert seqs == sorted(set(seqs)), f"child {tag}'s codes are not strictly increasing"
        for index, (code, pdf) in enumerate(stamped, start=1):
            assert dossiers[code]["note"] == f"{tag}-{index}"
            assert pdf is not None and is_complete_pdf(Path(pdf))
    assert len(check_receipts(data_dir, dossiers)) == 2 * PER_CHILD

    # They really ran at once: the shared sequence alternates between them.
    owners = [d["note"].split("-")[0] for d in sorted(dossiers.values(),
                                                      key=lambda d: d["day_seq"])]
    switches = sum(a != b for a, b in zip(owners, owners[1:], strict=False))
    print(f"{switches} switches between the two children in the shared sequence")
    assert switches >= 2, f"the two children did not overlap: {owners}"


# ---- 3. connection settings --------------------------------------------------------------------

def test_store_connections_survive_a_power_cut(tmp_path):
    def pragma(db, name: str):
        return db.execute(f"PRAGMA {name}").fetchone()[0]

    db = connect(tmp_path / "store.sqlite3", os.urandom(32))  # keyed, as the app keys it
    try:
        assert pragma(db, "journal_mode") == "wal"
        assert pragma(db, "synchronous") == 2  # FULL: a commit is on disk before it returns
        assert pragma(db, "foreign_keys") == 1
        assert pragma(db, "busy_timeout") >= 5000  # a second process waits, it does not fail
    finally:
        db.close()

    with set_up(tmp_path / "data") as desk:  # the connection the app itself uses
        assert pragma(desk.db, "journal_mode") == "wal"
        assert pragma(desk.db, "synchronous") == 2
        assert pragma(desk.db, "foreign_keys") == 1
        with pytest.raises(IntegrityError):  # foreign keys are enforced, not just on
            desk.db.execute(
                "INSERT INTO dossier_history (dossier, at, actor, action) "
                "VALUES (12345, '2026-03-10T09:00:00+07:00', 'x', 'received')"
            )
    # WAL is a property of the file: any other connection to it uses WAL too.
    plain = open_db(tmp_path / "data" / DATABASE_FILE)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        plain.close()


# ---- 4. day rollover -------------------------------------------------------------------------

def test_sequence_restarts_at_local_midnight(tmp_path):
    now = [datetime(2026, 2, 12, 23, 59, 59, tzinfo=VN_TZ)]
    with set_up(tmp_path / "data", clock=lambda: now[0]) as desk:
        first = desk.receive(payload()).dossier
        second = desk.receive(payload()).dossier
        now[0] = datetime(2026, 2, 13, 0, 0, 0, tzinfo=VN_TZ)
        next_day = desk.receive(payload()).dossier
    assert [first.code, second.code, next_day.code] == [
        f"{UNIT}-260212-2001", f"{UNIT}-260212-2002", f"{UNIT}-260213-2001"
    ]
    check_store(tmp_path / "data" / DATABASE_FILE)


def test_a_utc_clock_is_coded_by_the_local_day(tmp_path):
    data_dir = tmp_path / "data"
    now = [datetime(2026, 2, 13, 9, 0, tzinfo=VN_TZ)]
    with set_up(data_dir, clock=lambda: now[0]) as desk:
        morning = desk.receive(payload()).dossier
        # 17:30 UTC on the 13th is 00:30 on the 14th at the counter.
        now[0] = datetime(2026, 2, 13, 17, 30, tzinfo=UTC)
        after_midnight = desk.receive(payload())
        assert morning.code == f"{UNIT}-260213-2001"
        assert after_midnight.dossier.code == f"{UNIT}-260214-2001"
        assert after_midnight.dossier.received_at == datetime(2026, 2, 14, 0, 30, tzinfo=VN_TZ)
        # The clerk carries on through the 14th.
        now[0] = datetime(2026, 2, 14, 8, 0, tzinfo=VN_TZ)
        assert desk.receive(payload()).dossier.code == f"{UNIT}-260214-2002"
        # New Year's Eve 18:00 UTC is 01:00 on 1 January at the counter: the 2027 ledger.
        now[0] = datetime(2026, 12, 31, 18, 0, tzinfo=UTC)
        new_year = desk.receive(payload())
    assert new_year.dossier.code == f"{UNIT}-270101-2001"
    assert new_year.dossier.ledger_book == "02/2027"
    assert new_year.dossier.ledger_number == 1
    assert new_year.receipt_path == (
        data_dir / "receipts" / "2027" / "01" / f"{UNIT}-270101-2001.pdf"
    )
    dossiers = check_store(data_dir / DATABASE_FILE)
    assert dossiers[after_midnight.dossier.code]["received_at"] == "2026-02-14T00:30:00+07:00"


# ---- 5. the 999 limit --------------------------------------------------------------------------

def copy_dossier(db_path: Path, code: str, seqs: range) -> None:
    """Insert copies of a saved dossier as day_seq `seqs` of its day (a busy day, quickly)."""
    con = open_db(db_path)
    try:
        columns = [r[1] for r in con.execute("PRAGMA table_info(dossiers)") if r[1] != "id"]
        changed = {
            "code": "?", "day_seq": "?", "dossier_id": "?", "ledger_number": "?",
            "receipt": "json_set(receipt, '$.code', ?)",
        }
        order = [c for c in columns if c in changed]
        select = ", ".join(changed.get(c, c) for c in columns)
        prefix = code[:-3]
        with con:
            con.executemany(
                f"INSERT INTO dossiers ({', '.join(columns)}) "
                f"SELECT {select} FROM dossiers WHERE code = ?",
                [
                    [{"code": f"{prefix}{seq:03d}", "day_seq": seq,
                      "dossier_id": f"00000000-0000-4000-8000-{seq:012d}",
                      "ledger_number": seq, "receipt": f"{prefix}{seq:03d}"}[c]
                     for c in order] + [code]
                    for seq in seqs
                ],
            )
    finally:
        con.close()


def count_rows(db_path: Path) -> tuple[int, int, int]:
    con = open_db(db_path)
    try:
        return tuple(
            con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("dossiers", "dossier_history", "outbox")
        )
    finally:
        con.close()


def test_the_thousandth_dossier_of_a_day_is_refused_and_nothing_is_saved(tmp_path):
    data_dir = tmp_path / "data"
    db_path = data_dir / DATABASE_FILE
    now = [datetime(2026, 3, 10, 10, 0, tzinfo=VN_TZ)]
    with set_up(data_dir, clock=lambda: now[0]) as desk:
        first = desk.receive(payload()).dossier
        copy_dossier(db_path, first.code, range(2, 999))
        last = desk.receive(payload("the 999th"))
        assert last.dossier.code == f"{UNIT}-260310-2999"
        assert last.dossier.ledger_number == 999
        assert last.receipt_path is not None and is_complete_pdf(last.receipt_path)

        before = count_rows(db_path)
        receipts_before = sorted((data_dir / "receipts").rglob("*"))
        with pytest.raises(DailyLimitReached):
            desk.receive(payload("the 1000th"))
        assert count_rows(db_path) == before
        assert sorted((data_dir / "receipts").rglob("*")) == receipts_before
        assert not desk.db.conn.in_transaction
        # The write lock was given back: another process can write at once.
        other = open_db(db_path, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        finally:
            other.close()

        now[0] = datetime(2026, 3, 11, 7, 30, tzinfo=VN_TZ)
        tomorrow = desk.receive(payload()).dossier
    assert tomorrow.code == f"{UNIT}-260311-2001"
    assert tomorrow.ledger_number == 1000
    con = open_db(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        seqs = [r[0] for r in con.execute(
            "SELECT day_seq FROM dossiers WHERE day_key = '260310' ORDER BY day_seq")]
        assert seqs == list(range(1, 1000))
        assert con.execute(
            "SELECT count(*) FROM dossiers WHERE note = 'the 1000th'").fetchone()[0] == 0
    finally:
        con.close()

"""A sender that died leaves nothing stuck (issue 9, point 12): the sync lease names its holder
(host, process id, process start token), so the next start takes over at once when the holder
is gone, and only then; events left `sending` go back to `pending`, and the sync log says so.

The sender killed is a real child process (`tests/sync_child.py`) killed with SIGKILL while
its batch is held in flight by the contract peer on loopback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ADMIN, SYNC_TOKEN, FakeClock, acting, at
from sync_peer import Fault, make_backlog

from intake_app.store import sync_state
from intake_app.store.db import write_transaction
from intake_app.sync.engine import LEASE_TTL, Syncer
from intake_app.sync.holder import holder_gone, process_start_token, this_process

CHILD = Path(__file__).resolve().parent / "sync_child.py"


@pytest.fixture
def desk(make_desk, peer):
    desk = make_desk()
    with acting(desk, ADMIN):
        desk.sync.configure(peer.url)
    return desk


def states(desk) -> dict[str, int]:
    return {k: v for k, v in desk.outbox_counts().items() if v}


def run(desk, **options):
    return Syncer(desk, token_provider=lambda: SYNC_TOKEN, **options).run(forced=True)


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_sender_killed_mid_batch_is_taken_over_at_once(desk, peer, data_dir) -> None:
    make_backlog(desk, 3, steps=1)
    release = threading.Event()
    held = Fault(hold=release)
    peer.script("POST /v1/batches", held)
    child = subprocess.Popen([sys.executable, str(CHILD), str(data_dir)],
                             env={**os.environ, "INTAKE_TEST_TOKEN": SYNC_TOKEN},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert held.arrived.wait(60), child.communicate(timeout=5)
        assert states(desk) == {"sending": 6}
        lease = sync_state.lease(desk.db)
        assert lease is not None and lease["pid"] == child.pid
        assert lease["started"] == process_start_token(child.pid)
        # While the sender lives, a new start waits for it and takes nothing back.
        assert run(desk).stopped == "busy" and states(desk) == {"sending": 6}

        child.send_signal(signal.SIGKILL)
        assert child.wait(30) == -signal.SIGKILL
        result = run(desk)
        assert result.ok, result.error
        assert states(desk) == {"delivered": 6}
        assert result.send.accepted == 6
        [entry] = [e for e in desk.sync.log(20) if e["kind"] == "takeover"]
        assert f"process {child.pid} on" in entry["message"]
        assert "no longer runs" in entry["message"]
        assert "6 events left sending went back to pending" in entry["message"]
        assert entry["detail"]["previous"]["pid"] == child.pid
        assert sync_state.lease(desk.db) is None  # released after the sync
    finally:
        release.set()
        if child.poll() is None:
            child.kill()
            child.wait()


def _plant_lease(desk, **holder) -> None:
    now = desk.clock()
    with write_transaction(desk.db):
        sync_state.put(desk.db, sync_state.LEASE, {
            "owner": "planted", "until": (now + LEASE_TTL).isoformat(), **holder})


def _claim_all(desk) -> None:
    from intake_app.store import outbox

    with write_transaction(desk.db):
        ids = [row[0] for row in outbox.pending_rows(desk.db, 1000)]
        outbox.claim(desk.db, ids, "batch-of-the-planted-holder", "2026-03-02T08:00:00+07:00")


def test_a_process_id_given_to_another_program_is_not_the_holder(desk, peer) -> None:
    """The lease names this very process id, but another start of it: its holder is gone."""
    make_backlog(desk, 2, steps=0)
    _claim_all(desk)
    me = this_process()
    _plant_lease(desk, host=me.host, pid=me.pid, started="an-earlier-start")
    result = run(desk)
    assert result.ok and states(desk) == {"delivered": 2}
    [entry] = [e for e in desk.sync.log(20) if e["kind"] == "takeover"]
    assert "now belongs to another program" in entry["message"]


def test_a_live_holder_on_this_host_is_waited_for(desk, peer) -> None:
    make_backlog(desk, 2, steps=0)
    _claim_all(desk)
    me = this_process()
    _plant_lease(desk, host=me.host, pid=me.pid, started=me.started)
    assert run(desk).stopped == "busy" and states(desk) == {"sending": 2}


def test_a_holder_on_another_host_waits_for_its_lease_to_run_out(make_desk, peer) -> None:
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    with acting(desk, ADMIN):
        desk.sync.configure(peer.url)
    make_backlog(desk, 2, steps=0)
    _claim_all(desk)
    _plant_lease(desk, host="another-pc", pid=os.getpid(), started=None)
    assert run(desk, clock=clock).stopped == "busy" and states(desk) == {"sending": 2}
    clock.advance(seconds=LEASE_TTL.total_seconds() + 1)
    assert run(desk, clock=clock).ok and states(desk) == {"delivered": 2}
    [entry] = [e for e in desk.sync.log(20) if e["kind"] == "takeover"]
    assert "its lease ran out" in entry["message"]


def test_holder_gone_reads_the_process_table() -> None:
    me = this_process()
    assert me.started and holder_gone(me.as_dict()) is None
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    pid = int(finished.stdout)
    if process_start_token(pid) is None:  # (the id was not given to a new process meanwhile)
        assert holder_gone({"host": me.host, "pid": pid, "started": "x"}) == (
            f"process {pid} no longer runs")
    assert holder_gone({"host": "another-pc", "pid": pid, "started": "x"}) is None
    assert holder_gone({"owner": "an older lease without a process"}) is None


def test_an_expired_lease_of_a_live_sender_is_still_taken_after_its_time(make_desk, peer) -> None:
    """A sender renews its lease before every request; one silent for longer than the lease
    (stuck) does not block the data folder for ever."""
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    with acting(desk, ADMIN):
        desk.sync.configure(peer.url)
    make_backlog(desk, 1, steps=0)
    me = this_process()
    _plant_lease(desk, host=me.host, pid=me.pid, started=me.started)
    assert run(desk, clock=clock).stopped == "busy"
    clock.advance(minutes=3, seconds=1)
    assert run(desk, clock=clock).ok and states(desk) == {"delivered": 1}

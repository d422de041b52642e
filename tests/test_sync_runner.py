"""The background runner: its waits (injected, so no test sleeps for real), health probing
while offline or backing off, "Sync now", and a clean stop."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import ADMIN, SYNC_TOKEN, acting, intake_request
from sync_peer import Fault, make_backlog

from intake_app.sync.runner import SyncRunner

TOKEN = SYNC_TOKEN


@pytest.fixture
def configured(make_desk, peer):
    desk = make_desk()
    with acting(desk, ADMIN):
        desk.sync.configure(peer.url)
    make_backlog(desk, 2, steps=0)
    return desk


def scripted_runner(data_dir, *, until_ok=True, max_waits=20, **options):
    """A runner whose waits return at once (recorded); it stops after the first calm result."""
    waits: list[float] = []

    def wait(event: threading.Event, seconds: float) -> bool:
        waits.append(seconds)
        result = runner.last_result
        if len(waits) >= max_waits or (until_ok and result is not None and result.ok):
            runner._stop.set()
            return True
        return False

    runner = SyncRunner(data_dir, token_provider=lambda: TOKEN, wait=wait, rng=lambda: 1.0,
                        **options)
    runner.waits = waits
    return runner


def run_to_end(runner) -> None:
    runner.start()
    runner._thread.join(20)
    assert not runner.running


def test_failures_back_off_exponentially_then_the_queue_drains(configured, peer,
                                                                data_dir) -> None:
    peer.script("POST /v1/batches", Fault(status=500), Fault(status=502),
                Fault(drop="before"))
    runner = scripted_runner(data_dir, probe_interval=10_000)
    run_to_end(runner)
    assert runner.delays == [("backoff", 5), ("backoff", 10), ("backoff", 20), ("ok", 60)]
    assert configured.outbox_counts()["delivered"] == 2


def test_offline_probes_health_then_syncs_at_once_when_it_answers(configured, peer,
                                                                   data_dir) -> None:
    peer.script("GET /v1/health", Fault(status=503), Fault(drop="before"), Fault(status=500))
    statuses = []
    runner = scripted_runner(data_dir, probe_interval=8, on_status=statuses.append)
    run_to_end(runner)
    assert runner.delays == [("offline", 5), ("offline", 8), ("offline", 8), ("ok", 60)]
    assert [s.online for s in statuses if s.next_attempt_at] == [False, False, False, True]
    assert configured.outbox_counts()["delivered"] == 2


def test_while_backing_off_health_coming_back_restarts_at_once(configured, peer,
                                                                data_dir) -> None:
    peer.script("POST /v1/batches", Fault(status=500))
    # During the 15-minute wait: a probe fails (network gone), the next one answers.
    peer.script("GET /v1/health", Fault(), Fault(status=503))
    runner = scripted_runner(data_dir, probe_interval=60, backoff_base=900)
    run_to_end(runner)
    assert runner.delays == [("backoff", 900), ("ok", 60)]
    assert runner.waits[:2] == [60, 60]  # woke after two probes, not after 900 s
    assert configured.outbox_counts()["delivered"] == 2


def test_retry_after_is_honoured(configured, peer, data_dir) -> None:
    peer.script("POST /v1/batches", Fault(status=429, headers={"Retry-After": "17"}))
    runner = scripted_runner(data_dir)
    run_to_end(runner)
    assert runner.delays == [("retry_after", 17), ("ok", 60)]


def test_a_refused_token_waits_for_a_person(configured, peer, data_dir) -> None:
    peer.token = "new-token"  # the station's token was revoked
    runner = scripted_runner(data_dir, until_ok=False, max_waits=2)
    run_to_end(runner)
    assert runner.delays == [("auth", 300), ("auth", 300)]
    assert [p for m, p, s in peer.requests if p == "/v1/batches"] == ["/v1/batches"]


def test_not_configured_waits_without_asking_anyone(make_desk, data_dir) -> None:
    make_desk()
    runner = scripted_runner(data_dir, until_ok=False, max_waits=1)
    run_to_end(runner)
    assert runner.delays == [("not_configured", 300)]


def test_sync_now_wakes_it_and_stop_is_prompt(configured, peer, data_dir) -> None:
    results = []
    runner = SyncRunner(data_dir, token_provider=lambda: TOKEN, interval=3600,
                        on_result=results.append)
    runner.start()
    deadline = time.monotonic() + 10
    while not results and time.monotonic() < deadline:
        time.sleep(0.02)
    assert results and results[0].ok
    configured.receive(intake_request())
    runner.sync_now()  # not waiting the hour
    while len(results) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(results) == 2 and results[1].send.accepted == 1
    started = time.monotonic()
    assert runner.stop(timeout=5)
    assert time.monotonic() - started < 1.0

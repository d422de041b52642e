"""Many stations posting overlapping batches at once to a running gateway (both backends)."""

from __future__ import annotations

import random
import threading
from collections import Counter

import httpx

from .gateway_helpers import UNIT, code
from .gateway_testing import batch_body, sample_event, serve_in_thread

THREADS = 20
STATIONS = (2, 3)
DOSSIERS = 40  # per station, each with versions 1..3
RIVALS = 8  # per station: a second event_id for version 2 of a dossier


def _pools() -> dict[int, list[dict]]:
    pools = {}
    for station in STATIONS:
        events = []
        for n in range(DOSSIERS):
            first = sample_event(code=code(n + 1, station=station))
            events.append(first)
            for version in (2, 3):
                events.append(sample_event(dossier_id=first["dossier_id"], version=version,
                                           code=code(n + 1, station=station)))
            if n < RIVALS:
                events.append(sample_event(dossier_id=first["dossier_id"], version=2,
                                           code=code(n + 1, station=station)))
        pools[station] = events
    return pools


def test_overlapping_batches_accept_each_event_exactly_once(app, store):
    pools = _pools()
    tokens = {station: store.issue_token(UNIT, station) for station in STATIONS}
    answers: list[tuple[dict | None, dict]] = []  # (batch sent, answer)
    lock = threading.Lock()
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def station_thread(index: int, base_url: str) -> None:
        station = STATIONS[index % len(STATIONS)]
        rng = random.Random(index)
        headers = {"Authorization": f"Bearer {tokens[station]}"}
        try:
            with httpx.Client(base_url=base_url, headers=headers, timeout=60) as http:
                start.wait()
                sent_before = None
                for _ in range(4):
                    events = rng.sample(pools[station], 50)
                    batch = batch_body(UNIT, station, events)
                    if sent_before is not None and rng.random() < 0.3:
                        batch = sent_before  # a lost answer: the same batch again
                    answer = http.post("/v1/batches", json=batch)
                    assert answer.status_code == 200, answer.text
                    with lock:
                        answers.append((batch, answer.json()))
                    sent_before = batch
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    with serve_in_thread(app) as base_url:
        threads = [threading.Thread(target=station_thread, args=(i, base_url))
                   for i in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors
        # Finally every station sends its whole pool once more: nothing new may be accepted
        # twice, and every slot ends up filled.
        for station in STATIONS:
            with httpx.Client(base_url=base_url, timeout=60) as http:
                answer = http.post("/v1/batches", json=batch_body(UNIT, station, pools[station]),
                                   headers={"Authorization": f"Bearer {tokens[station]}"})
                answers.append((None, answer.json()))

    accepted = Counter()
    by_batch: dict[str, list] = {}
    for _, answer in answers:
        by_batch.setdefault(answer["batch_id"], []).append(answer["results"])
    for results in by_batch.values():
        assert all(r == results[0] for r in results)  # a replay answers what the first got
        for result in results[0]:
            assert result["status"] in ("accepted", "duplicate") or \
                result["code"] == "version_conflict", result
            if result["status"] == "accepted":
                accepted[result["event_id"]] += 1
    assert all(count == 1 for count in accepted.values())
    for results in by_batch.values():
        assert all(r == results[0] for r in results)
    for station in STATIONS:
        assert store.count_accepted(UNIT, station) == (DOSSIERS * 3, DOSSIERS)
        for n in range(RIVALS):  # exactly one of the two version-2 events
            rival_pair = [e for e in pools[station] if e["dossier_id"] ==
                          pools[station][n * 4]["dossier_id"] and e["version"] == 2]
            assert sum(accepted[e["event_id"]] for e in rival_pair) == 1
    assert len(accepted) == len(STATIONS) * DOSSIERS * 3
    print(f"{store.backend}: {store.db.retries} transactions redone after a lost race")
    for event in pools[STATIONS[0]][:12]:
        assert store.dossier(event["dossier_id"])["version"] == 3

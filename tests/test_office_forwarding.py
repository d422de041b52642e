"""The hub forwards the office's events to the province exactly once (docs/office-hub.md §4):
a real hub process forwards to a real `intake-gateway serve` behind the sync tests' fault proxy
(dropped requests, dropped answers after the gateway committed, delays, 503 bursts with
Retry-After, the gateway killed mid-batch and restarted) and is itself killed and restarted
mid-forwarding. Every event the counters made reaches the province once, under the token of
the station whose code the dossier carries, without the hub's `office` blocks."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from conftest import join_office
from office_testing import HubProcess, hub_rows, init_hub, pair_code, wait_until
from sync_peer import make_backlog
from test_sync_end_to_end import FaultProxy, GatewayProcess, gateway_rows

from intake_app.desk import Desk
from intake_app.hub.server import set_province, set_province_token
from intake_app.sync.engine import Syncer

UNIT_CODE = "000.00.12.H56"


def push_all(desk: Desk) -> None:
    """The counter's ordinary sync with its hub, until its outbox is delivered."""
    for _ in range(20):
        result = Syncer(desk).run(forced=True)
        if result.ok and desk.outbox_counts()["pending"] == 0:
            return
    raise AssertionError(f"the counter could not push to its hub: {result.error}")


def forwarded_exactly_once(tmp_path, dossiers: int, batch: int) -> None:
    from intake_gateway.store import open_store

    gateway_url = f"sqlite:///{tmp_path}/province.sqlite3"
    province = open_store(gateway_url)
    tokens = {k: province.issue_token(UNIT_CODE, k) for k in (1, 2)}
    gateway = GatewayProcess(gateway_url)
    gateway.start()
    rng = random.Random(20261202)
    batches = Counter()

    def policy(method: str, path: str) -> str:
        if path != "/v1/batches":
            return rng.choices(["pass", "drop_answer"], [0.9, 0.1])[0]
        batches["n"] += 1
        forced = {2: "busy", 3: "kill", 4: "drop_answer", 5: "drop_request", 6: "busy",
                  9: "kill"}
        if batches["n"] in forced:
            return forced[batches["n"]]
        return rng.choices(["pass", "drop_request", "drop_answer", "delay", "busy"],
                           [0.45, 0.15, 0.2, 0.1, 0.1])[0]

    proxy = FaultProxy(gateway, policy)
    folder = tmp_path / "hub"
    init_hub(folder)
    hub = HubProcess(folder, "--retry-base", "0.2", "--retry-cap", "1",
                     "--batch-events", str(batch)).start()
    made: dict[int, set[str]] = {}
    try:
        with proxy.serve() as proxy_url:
            set_province(folder, proxy_url, None)
            for k in (1, 2):
                set_province_token(folder, k, tokens[k])
            for k in (1, 2):
                with Desk(tmp_path / f"counter{k}") as desk:
                    join_office(desk, hub.address, pair_code(folder, k))
                    make_backlog(desk, dossiers, steps=2)
                    made[k] = {r[0] for r in desk.db.execute("SELECT event_id FROM outbox")}
                    push_all(desk)
            total = sum(len(ids) for ids in made.values())

            def at_province() -> int:
                return gateway_rows(gateway_url, "SELECT count(*) FROM events")[0][0]

            wait_until(lambda: at_province() > total // 3, 120, 0.02, "a third forwarded")
            hub.restart()  # killed mid-forwarding: what was in flight is sent again
            wait_until(lambda: at_province() == total, 180, 0.1, "everything forwarded")
            wait_until(lambda: hub_rows(folder, "SELECT count(*) FROM office_forward WHERE "
                                        "state != 'delivered'")[0][0] == 0, 60, 0.1,
                       "the hub's queue delivered")
    finally:
        hub.kill()
        gateway.kill()

    assert gateway_rows(gateway_url, "SELECT count(*), count(DISTINCT event_id), "
                        "count(DISTINCT dossier_id || '/' || version) FROM events") == [
        (total, total, total)]
    assert {r[0] for r in gateway_rows(gateway_url, "SELECT event_id FROM events")} == (
        made[1] | made[2])
    for k in (1, 2):
        # Under station k's token exactly the events of dossiers coded k.
        assert province.count_accepted(UNIT_CODE, k) == (3 * dossiers, dossiers)
        assert {r[0] for r in gateway_rows(
            gateway_url, f"SELECT event_id FROM events WHERE station_no = {k}")} == made[k]
        # The hub's own summary for counter k (what the counter's check asks) agrees.
        assert hub_rows(folder, "SELECT count(*) FROM events WHERE station_no = ?",
                        [k])[0][0] == len(made[k])
    assert not any("office" in json.loads(p) for (p,) in gateway_rows(
        gateway_url, "SELECT payload FROM events"))
    assert hub_rows(folder, "SELECT count(*) FROM office_event_blocks")[0][0] == total
    duplicates = sum(r["status"] == "duplicate" for (results,) in gateway_rows(
        gateway_url, "SELECT results FROM batches") for r in json.loads(results))
    assert duplicates > 0  # answers lost after commit came back as duplicates, never twice
    assert gateway.restarts == 2
    assert proxy.actions["drop_request"] and proxy.actions["drop_answer"]
    assert proxy.actions["busy"]
    province.close()


def test_the_hub_forwards_exactly_once_under_faults_and_restarts(tmp_path) -> None:
    forwarded_exactly_once(tmp_path, dossiers=50, batch=30)


@pytest.mark.slow(only=True)  # the 50-dossier run above is its short version
def test_the_hub_forwards_6000_events_exactly_once_under_faults(tmp_path) -> None:
    forwarded_exactly_once(tmp_path, dossiers=1000, batch=100)

"""The station's sender and puller against a real HTTP peer on loopback that speaks the
contract (`tests/sync_peer.py`, `ContractPeer`) and answers every status of the contract:
401, 403, 409, 413, 422, 429/503 with Retry-After, 500, broken connections, late answers."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta

import pytest
from conftest import ADMIN, SUPERVISOR, SYNC_TOKEN, acting, intake_request
from sync_peer import ContractPeer, Fault, make_backlog

from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus
from intake_app.store import outbox, sync_state
from intake_app.store.db import write_transaction
from intake_app.sync.client import GatewayClient
from intake_app.sync.engine import Syncer
from intake_app.sync.sender import Identity, Sender

TOKEN = SYNC_TOKEN


@pytest.fixture
def desk(make_desk, peer):
    desk = make_desk()
    with acting(desk, ADMIN):
        desk.sync.configure(peer.url)
    return desk


def run(desk, *, forced=False, token=TOKEN, **options):
    return desk.sync.run(forced=forced, token_provider=lambda: token, **options)


def posts(peer) -> list[int]:
    return [status for method, path, status in peer.requests if path == "/v1/batches"]


def states(desk) -> dict[str, int]:
    return {k: v for k, v in desk.outbox_counts().items() if v}


def test_everything_is_sent_in_batches_of_at_most_500_and_counted(desk, peer) -> None:
    make_backlog(desk, 400, steps=2)  # 1,200 events
    result = run(desk)
    assert result.ok and result.exit_code == 0
    assert (result.send.sent, result.send.accepted, result.send.batches) == (1200, 1200, 3)
    assert peer.batch_sizes == [500, 500, 200]
    in_order = [row[0] for row in desk.db.execute("SELECT event_id FROM outbox ORDER BY id")]
    assert peer.received == in_order  # the next batch is prepared early, but sent in order
    assert states(desk) == {"delivered": 1200}
    assert len(peer.accepted) == 1200
    assert result.mismatch is None and desk.sync.status().mismatch is None
    assert desk.sync.status().last_success is not None
    again = run(desk)  # nothing left: no batch at all
    assert again.ok and again.send.sent == 0 and len(posts(peer)) == 3


def test_the_body_is_gzipped_json_with_the_contract_envelope(desk, peer) -> None:
    make_backlog(desk, 2, steps=0)
    seen = []

    class Recording(GatewayClient):
        def post_batch(self, body, *, gzipped=True):
            seen.append(json.loads(gzip.decompress(body)))
            return super().post_batch(body, gzipped=gzipped)

    result = run(desk, client_factory=lambda config, token: Recording(config.gateway_url, token))
    assert result.ok
    body = seen[0]
    assert set(body) == {"batch_id", "unit_code", "station_no", "app_version", "sent_at",
                         "events", "audit_head"}
    # The audit chain's head (optional in the contract): set-up and both receipts so far.
    assert body["audit_head"] == {"count": desk.audit.head().count,
                                  "hash": desk.audit.head().hash}
    assert body["audit_head"]["count"] >= 3
    assert (body["unit_code"], body["station_no"]) == ("000.00.12.H56", 2)
    assert len(body["batch_id"]) == 36 and body["batch_id"] == body["batch_id"].lower()
    assert [e["version"] for e in body["events"]] == [1, 1]
    assert body["events"][0]["dossier"]["ChuHoSo"] == "Nguyễn Văn Đức"


def test_a_body_over_5_mib_is_split(desk, peer) -> None:
    make_backlog(desk, 30, steps=0)
    station = desk.station
    with GatewayClient(peer.url, TOKEN) as client:
        report = Sender(desk.db, client, Identity(station.unit_code, station.station_no, "t"),
                        clock=desk.clock, max_bytes=12_000).send_all()
    assert report.complete and report.accepted == 30
    assert max(peer.batch_sizes) < 30 and sum(peer.batch_sizes) == 30


def test_a_limited_send_stops_after_that_many_batches(desk, peer) -> None:
    make_backlog(desk, 30, steps=0)
    station = desk.station
    with GatewayClient(peer.url, TOKEN) as client:
        sender = Sender(desk.db, client, Identity(station.unit_code, station.station_no, "t"),
                        clock=desk.clock, max_events=4)
        report = sender.send_all(max_batches=2)
    assert (report.batches, report.sent, report.complete) == (2, 8, False)
    assert peer.batch_sizes == [4, 4]
    assert states(desk) == {"delivered": 8, "pending": 22}  # nothing left sending


def test_401_and_403_stop_syncing_and_keep_the_state_for_the_window(desk, peer) -> None:
    make_backlog(desk, 3, steps=0)
    result = run(desk, token="revoked")
    assert (result.stopped, result.exit_code) == ("auth", 1)
    assert states(desk) == {"pending": 3}
    status = desk.sync.status()
    assert status.auth_error["status"] == 401
    # No more batches until a person acts: a plain retry does not even post.
    assert run(desk).stopped == "auth" and len(posts(peer)) == 1
    peer.script("POST /v1/batches", Fault(status=403, body={"error": "forbidden",
                                                              "message": "another station"}))
    forced = run(desk, forced=True)  # "Sync now" tries again once
    assert forced.stopped == "auth" and desk.sync.status().auth_error["status"] == 403
    assert desk.sync.status().auth_error["message"] == "another station"
    with acting(desk, SUPERVISOR):
        desk.sync.retry_events([])  # harmless
    assert run(desk, forced=True).ok and states(desk) == {"delivered": 3}
    assert desk.sync.status().auth_error is None


def test_409_resends_under_a_new_batch_id_and_logs_the_fault(desk, peer) -> None:
    make_backlog(desk, 5, steps=0)
    peer.script("POST /v1/batches", Fault(status=409, body={"error": "batch_replay"}))
    result = run(desk)
    assert result.ok and result.send.replays == 1
    assert posts(peer) == [409, 200]
    assert states(desk) == {"delivered": 5}
    assert sync_state.recent_log(desk.db, kind="batch_replay")[0]["level"] == "warning"


def test_409_every_time_gives_up_for_this_pass(desk, peer) -> None:
    make_backlog(desk, 1, steps=0)
    peer.script("POST /v1/batches", *[Fault(status=409)] * 3)
    result = run(desk)
    assert result.stopped == "replay" and states(desk) == {"pending": 1}


def test_413_halves_the_batch(desk, peer) -> None:
    make_backlog(desk, 200, steps=1)  # 400 events
    peer.script("POST /v1/batches", Fault(status=413), Fault(status=413))
    result = run(desk)
    assert result.ok and result.send.halvings == 2
    assert peer.batch_sizes == [100, 100, 100, 100]
    assert states(desk) == {"delivered": 400}


def test_413_for_a_single_event_parks_it_and_the_rest_flows(desk, peer) -> None:
    make_backlog(desk, 3, steps=0)
    peer.script("POST /v1/batches", Fault(status=413), Fault(status=413))  # 3 → 1 → parked
    result = run(desk)
    assert result.ok
    assert states(desk) == {"delivered": 2, "rejected": 1}
    assert desk.sync.parked()[0]["reject_code"] == "too_large"


def test_422_is_shown_and_not_resent_until_sync_now(desk, peer) -> None:
    make_backlog(desk, 2, steps=0)
    peer.script("POST /v1/batches", Fault(status=422, body={
        "error": "envelope", "message": "batch_id missing"}))
    result = run(desk)
    assert result.stopped == "envelope" and states(desk) == {"pending": 2}
    error = desk.sync.status().envelope_error
    assert (error["error"], error["message"]) == ("envelope", "batch_id missing")
    held = run(desk)  # the runner's next try: updates are still pulled, nothing sent
    assert held.stopped == "envelope_held" and posts(peer) == [422]
    assert held.pull is not None
    now = run(desk, forced=True)
    assert now.ok and states(desk) == {"delivered": 2}
    assert desk.sync.status().envelope_error is None


@pytest.mark.parametrize("status", [429, 503])
def test_429_and_503_give_retry_after(desk, peer, status) -> None:
    make_backlog(desk, 2, steps=0)
    peer.script("POST /v1/batches", Fault(status=status, headers={"Retry-After": "17"}))
    result = run(desk)
    assert (result.stopped, result.retry_after) == ("throttled", 17)
    assert states(desk) == {"pending": 2}
    assert [p for m, p, s in peer.requests if p == "/v1/updates"] == []  # left alone
    assert run(desk).ok and states(desk) == {"delivered": 2}


def test_a_refusal_mid_queue_puts_back_the_batch_prepared_after_it(desk, peer) -> None:
    make_backlog(desk, 400, steps=2)  # 1,200 events: three batches
    peer.script("POST /v1/batches", Fault(), Fault(status=503, headers={"Retry-After": "2"}))
    result = run(desk)
    assert result.stopped == "throttled" and result.send.accepted == 500
    assert states(desk) == {"delivered": 500, "pending": 700}  # the third was claimed, freed
    assert run(desk).ok and states(desk) == {"delivered": 1200}
    in_order = [row[0] for row in desk.db.execute("SELECT event_id FROM outbox ORDER BY id")]
    assert peer.received == in_order


def test_500_and_broken_connections_leave_the_events_pending(desk, peer) -> None:
    make_backlog(desk, 2, steps=0)
    peer.script("POST /v1/batches", Fault(status=500), Fault(drop="before"))
    assert run(desk).stopped == "server"
    assert states(desk) == {"pending": 2}
    broken = run(desk)
    assert broken.stopped == "network" and "no answer" in broken.error
    assert states(desk) == {"pending": 2}
    assert desk.sync.status().last_error["kind"] == "network"
    assert run(desk).ok and states(desk) == {"delivered": 2}


def test_an_answer_lost_after_the_gateway_committed_comes_back_as_duplicate(desk, peer) -> None:
    make_backlog(desk, 4, steps=0)
    peer.script("POST /v1/batches", Fault(drop="after"))
    assert run(desk).stopped == "network"
    assert len(peer.accepted) == 4 and states(desk) == {"pending": 4}
    result = run(desk)
    assert (result.send.duplicate, result.send.accepted) == (4, 0)
    assert states(desk) == {"delivered": 4} and len(peer.accepted) == 4
    assert result.mismatch is None


def test_a_late_answer_times_out_and_is_sent_again(desk, peer) -> None:
    make_backlog(desk, 2, steps=0)
    peer.script("POST /v1/batches", Fault(delay=1.0))

    def impatient(config, token):
        return GatewayClient(config.gateway_url, token, read_timeout=0.3)

    assert run(desk, client_factory=impatient).stopped == "network"
    assert states(desk) == {"pending": 2}
    result = run(desk)
    assert result.ok and states(desk) == {"delivered": 2}


def test_an_unusable_200_is_not_taken_for_results(desk, peer) -> None:
    make_backlog(desk, 2, steps=0)
    peer.script("POST /v1/batches", Fault(status=200, body={"results": []}))
    result = run(desk)
    assert result.stopped == "protocol" and states(desk) == {"pending": 2}


def test_a_rejected_event_is_parked_while_the_rest_flows(desk, peer) -> None:
    codes = make_backlog(desk, 5, steps=1)
    poison = desk.events(codes[2])[0]["event_id"]
    peer.reject = lambda e: (("unknown_procedure", "MaTTHC 2.000815 chưa có")
                             if e["event_id"] == poison else None)
    result = run(desk)
    assert result.ok and result.send.rejected == 1
    assert states(desk) == {"delivered": 9, "rejected": 1}
    parked = desk.sync.parked()
    assert [(p["code"], p["version"], p["kind"], p["reject_code"]) for p in parked] == [
        (codes[2], 1, "received", "unknown_procedure")]
    assert run(desk).send.sent == 0  # parked: never resent by itself
    peer.reject = None  # the province fixed its catalogue
    with acting(desk, SUPERVISOR):
        assert desk.sync.retry(codes[2]) == [poison]
    assert run(desk).send.accepted == 1 and states(desk) == {"delivered": 10}


def test_events_left_sending_go_back_to_pending_when_the_next_sender_starts(desk, peer) -> None:
    make_backlog(desk, 3, steps=0)
    with write_transaction(desk.db):
        ids = [row[0] for row in outbox.pending_rows(desk.db, 3)]
        outbox.claim(desk.db, ids, "crashed-batch", "2026-03-02T08:00:00+07:00")
    assert states(desk) == {"sending": 3}
    assert run(desk).ok and states(desk) == {"delivered": 3}


def test_one_sender_per_data_folder(desk, peer, make_desk) -> None:
    make_backlog(desk, 1, steps=0)
    other = make_desk()
    first = Syncer(desk, token_provider=lambda: TOKEN)
    assert first.take_lease()
    busy = Syncer(other, token_provider=lambda: TOKEN).run()
    assert busy.stopped == "busy" and states(desk) == {"pending": 1}
    first.drop_lease()
    assert Syncer(other, token_provider=lambda: TOKEN).run().ok


def test_the_clock_warning_when_server_time_is_more_than_5_minutes_away(desk, peer) -> None:
    peer.clock_offset = timedelta(minutes=-7, seconds=-10)
    result = run(desk)
    assert result.clock_warning and round(result.clock_skew_seconds / 60) == -7
    status = desk.sync.status()
    assert status.clock_warning and status.clock_skew_minutes == 7
    peer.clock_offset = timedelta(minutes=4)
    assert not run(desk).clock_warning and not desk.sync.status().clock_warning


def test_a_count_mismatch_is_stored_and_cleared(desk, peer) -> None:
    make_backlog(desk, 2, steps=0)
    assert run(desk).mismatch is None
    peer.accepted["foreign"] = {"dossier_id": "someone-else"}
    result = run(desk)
    assert result.ok and result.mismatch == {"station_events": 2, "station_dossiers": 2,
                                             "gateway_events": 3, "gateway_dossiers": 3}
    assert desk.sync.status().mismatch["gateway_events"] == 3
    del peer.accepted["foreign"]
    assert run(desk).mismatch is None and desk.sync.status().mismatch is None


def test_not_configured_or_no_token_is_a_configuration_fault(make_desk, peer) -> None:
    desk = make_desk()
    assert (run(desk).stopped, run(desk).exit_code) == ("not_configured", 2)
    with acting(desk, ADMIN):
        desk.sync.configure(peer.url)
    result = desk.sync.run(token_provider=lambda: None)
    assert (result.stopped, result.exit_code) == ("no_token", 2)


def test_offline_is_only_a_failed_health(make_desk) -> None:
    desk = make_desk()
    with acting(desk, ADMIN):
        desk.sync.configure("http://127.0.0.1:9")  # nothing listens there
    result = run(desk)
    assert (result.online, result.stopped, result.exit_code) == (False, "offline", 1)
    assert desk.sync.status().health["ok"] is False
    assert desk.sync.probe() is False


# ---- the province's updates ------------------------------------------------------------------

def test_updates_are_applied_once_each_with_the_cursor_stored(desk, peer) -> None:
    codes = make_backlog(desk, 3, steps=0)
    first, second = desk.dossier(codes[0]), desk.dossier(codes[1])
    peer.add_update(first.dossier_id, first.code, 4, "Đang thẩm định hồ sơ")
    peer.add_update(second.dossier_id, second.code, None, "Nhắc bổ sung ảnh")
    result = run(desk)
    assert result.pull.applied == 2 and result.changed_codes == [codes[0], codes[1]]
    assert sync_state.get(desk.db, sync_state.CURSOR) == "2"
    entry = desk.history(codes[0])[-1]
    assert (entry["action"], entry["actor"], entry["status"], entry["note"]) == (
        "province_update", "Phòng Tư pháp", 4, "Đang thẩm định hồ sơ")
    shown = desk.dossier(codes[0])
    assert shown.status == DossierStatus.IN_PROCESSING and shown.version == 1
    assert desk.find(codes[0])[0].status == DossierStatus.IN_PROCESSING  # the list shows it
    assert desk.dossier(codes[1]).status == DossierStatus.RECEIVED
    # Nothing goes back to the province for changes that came from it.
    assert states(desk) == {"delivered": 3}
    again = run(desk)
    assert again.pull.applied == 0 and len(desk.history(codes[0])) == 2
    # The feed resent from the start (a restored gateway): still applied once.
    with write_transaction(desk.db):
        sync_state.delete(desk.db, sync_state.CURSOR)
    replay = run(desk)
    assert (replay.pull.applied, replay.pull.skipped) == (0, 2)
    assert len(desk.history(codes[0])) == 2


def test_an_update_the_counter_cannot_take_is_history_only_and_flagged(desk, peer) -> None:
    code = make_backlog(desk, 1, steps=0)[0]
    desk.hand_back(code, receiver_name="Nguyễn Văn Đức", receiver_id_number=None)
    dossier = desk.dossier(code)
    peer.add_update(dossier.dossier_id, code, 4, "Chuyển phòng chuyên môn")
    peer.add_update("00000000-0000-4000-8000-000000000000", "X", 9, "")
    result = run(desk)
    assert (result.pull.history_only, result.pull.unknown_dossier) == (1, 1)
    assert desk.dossier(code).status == DossierStatus.RETURNED
    entry = desk.history(code)[-1]
    assert entry["action"] == "province_update" and entry["status"] is None
    assert entry["detail"]["province_status"] == 4 and entry["detail"]["flag"]
    assert desk.sync.status().flagged_updates == 2
    assert {f["outcome"] for f in desk.sync.flagged_updates()} == {"history_only",
                                                                   "unknown_dossier"}


def test_a_step_after_a_province_update_sends_the_next_version(desk, peer) -> None:
    code = make_backlog(desk, 1, steps=0)[0]
    dossier = desk.dossier(code)
    peer.add_update(dossier.dossier_id, code, 4, "")
    assert run(desk).ok
    desk.step(code, StepRequest(DossierStatus.DONE, "Hoa"))
    assert run(desk).send.accepted == 1
    versions = sorted(e["version"] for e in peer.accepted.values())
    assert versions == [1, 2]
    assert peer.snapshots[dossier.dossier_id][1]["TrangThaiHoSo"] == 9


def test_the_updates_feed_and_summary_answer_like_batches(desk, peer) -> None:
    peer.script("GET /v1/updates", Fault(status=503, headers={"Retry-After": "9"}))
    assert run(desk).stopped == "throttled"
    peer.script("GET /v1/updates", Fault(status=429, headers={"Retry-After": "9"}))
    throttled = run(desk)
    assert (throttled.stopped, throttled.retry_after) == ("throttled", 9)
    peer.script("GET /v1/updates", Fault(status=500), Fault(drop="before"))
    assert run(desk).stopped == "pull"
    assert run(desk).stopped == "network"
    peer.script("GET /v1/stations", Fault(status=403, body={"error": "wrong_station",
                                                             "message": "another station"}))
    refused = run(desk)
    assert refused.stopped == "auth" and desk.sync.status().auth_error["status"] == 403
    assert run(desk, forced=True).ok


def test_receiving_goes_on_while_syncing(desk, peer) -> None:
    """The outbox is written by the clerk's own transaction: a sync in between loses nothing."""
    desk.receive(intake_request())
    assert run(desk).ok
    desk.receive(intake_request())
    assert states(desk) == {"delivered": 1, "pending": 1}
    assert run(desk).ok and states(desk) == {"delivered": 2}


# ---- TLS ---------------------------------------------------------------------------------------

@pytest.fixture
def certificates(tmp_path):
    """A private CA and a certificate for 127.0.0.1 signed by it (openssl's command line)."""
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=tmp_path, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
            "ca.pem", "-days", "2", "-subj", "/CN=Test provincial CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "gw.key", "-out", "gw.csr",
            "-subj", "/CN=127.0.0.1")
    (tmp_path / "ext.cnf").write_text(
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid,issuer\nsubjectKeyIdentifier=hash\n")
    openssl("x509", "-req", "-in", "gw.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", "gw.pem", "-days", "2", "-extfile", "ext.cnf")
    return tmp_path


def test_tls_is_verified_against_the_configured_ca_file(make_desk, certificates) -> None:
    peer = ContractPeer(token=TOKEN)
    with peer.serve(certfile=str(certificates / "gw.pem"),
                    keyfile=str(certificates / "gw.key")) as url:
        desk = make_desk()
        make_backlog(desk, 2, steps=0)
        with acting(desk, ADMIN):
            desk.sync.configure(url)  # the system's CAs do not know the province's CA
        refused = run(desk)
        assert (refused.online, refused.stopped) == (False, "offline")
        assert "CERTIFICATE_VERIFY_FAILED" in refused.error
        assert peer.accepted == {}
        with acting(desk, ADMIN):
            desk.sync.configure(url, certificates / "ca.pem")
        assert desk.sync.config().ca_file == str(certificates / "ca.pem")
        result = run(desk)
        assert result.ok and len(peer.accepted) == 2
        with acting(desk, ADMIN):
            desk.sync.configure(url)  # left out: the CA file stays
        assert desk.sync.config().ca_file == str(certificates / "ca.pem")
        with acting(desk, ADMIN):
            desk.sync.configure(url, None)  # None: back to the system's CAs
        assert desk.sync.config().ca_file is None

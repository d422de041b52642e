"""The office hub, core (docs/office-hub.md §1–3): `intake-app hub serve` as a real process
with its own certificate, pairing by a short code, the certificate pinned at the counter, and
the counter's ordinary sync going to the hub."""

from __future__ import annotations

import hashlib
import ssl

import pytest
from conftest import intake_request, join_office
from office_testing import HubProcess, hub_rows, init_hub, pair_code
from sync_peer import ContractPeer

from intake_app.desk import Desk
from intake_app.domain import office as counter_side
from intake_app.domain.errors import InvalidInput
from intake_app.hub import ensure_gateway_importable
from intake_app.sync.engine import Syncer

ensure_gateway_importable()
from intake_gateway.office import pairing as hub_side  # noqa: E402


@pytest.fixture
def hub(tmp_path):
    folder = tmp_path / "hub"
    init_hub(folder)
    process = HubProcess(folder).start()
    yield process
    process.kill()


def test_the_two_sides_of_the_pairing_proofs_agree() -> None:
    code = hub_side.new_code()
    assert hub_side.normalise(code) == counter_side.normalise_code(code.lower())
    key = counter_side.code_key(counter_side.normalise_code(code))
    assert key == hub_side.code_key(hub_side.normalise(code))
    pin, nonce = b"p" * 32, b"n" * 16
    assert counter_side.counter_proof(key, pin, nonce) == hub_side.counter_proof(key, pin, nonce)
    answer = {"station_no": 3, "token": "t", "unit": {"unit_name": "UBND phường Kinh Bắc"}}
    proven = {**answer, "hub_proof": hub_side.hub_proof(key, pin, nonce, answer)}
    assert counter_side.hub_proof_ok(key, pin, nonce, proven)
    assert not counter_side.hub_proof_ok(key, b"q" * 32, nonce, proven)  # another certificate


def test_a_new_counter_joins_with_the_code_takes_its_number_and_syncs_to_the_hub(
        hub, tmp_path) -> None:
    code = pair_code(hub.folder, 3)
    with Desk(tmp_path / "counter") as desk:  # a new PC: nothing set up yet
        joined = join_office(desk, hub.address, code, actor="it")
        assert joined["station_no"] == 3 and desk.station.station_no == 3
        assert desk.station.unit_code == "000.00.12.H56"
        pem = (hub.folder / "hub-cert.pem").read_text()
        pin = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest().upper()
        assert joined["fingerprint"].replace(" ", "") == pin[:32]
        assert desk.sync.has_token()
        from conftest import ADMIN, CLERK, as_user

        from intake_app.domain.sync_config import SyncConfigError

        as_user(desk, ADMIN)
        with pytest.raises(SyncConfigError, match="đã tham gia văn phòng"):
            desk.sync.configure("https://motcua.tinh.gov.vn")  # the hub forwards, not it
        as_user(desk, CLERK)
        stamped = desk.receive(intake_request()).dossier
        result = Syncer(desk).run(forced=True)
        assert result.ok and result.send.accepted == 1, result.error
        assert result.mismatch is None  # the hub's summary for counter 3 agrees
        assert Syncer(desk).run(forced=True).ok
    # The hub's counters list: when each was last seen, what it said it has not sent.
    [(seen, address, outbox)] = hub_rows(hub.folder, "SELECT last_seen, last_address, outbox "
                                         "FROM office_counters WHERE station_no = 3")
    assert seen and address == "127.0.0.1" and outbox == "pending=0;parked=0"
    assert hub_rows(hub.folder, "SELECT e.station_no, b.station_no, f.owner_station "
                    "FROM events e JOIN office_event_blocks b USING (event_id) "
                    "JOIN office_forward f USING (event_id)") == [(3, 3, 3)]
    assert stamped.code.endswith("-3001")
    # The code is used up: a second PC cannot join with it.
    with Desk(tmp_path / "other") as other, pytest.raises(InvalidInput):
        join_office(other, hub.address, code)


def test_five_wrong_codes_void_the_live_code(hub, tmp_path) -> None:
    code = pair_code(hub.folder, 1)
    with Desk(tmp_path / "counter") as desk:
        for _ in range(5):
            with pytest.raises(InvalidInput, match="Mã ghép nối không đúng"):
                join_office(desk, hub.address, "K7QM-2XHD-9F")
        with pytest.raises(InvalidInput, match="Mã ghép nối không đúng"):
            join_office(desk, hub.address, code)  # right, but void now
        assert not desk.office.joined and not desk.is_set_up()


def test_a_rogue_hub_is_refused_at_join_and_after_it_never_hears_the_token(
        hub, tmp_path) -> None:
    from intake_app.hub.certificate import make_certificate
    from intake_app.store import settings
    from intake_app.store.db import write_transaction

    rogue_folder = tmp_path / "rogue"
    init_hub(rogue_folder)  # a hub of its own, with its own certificate and codes
    rogue = HubProcess(rogue_folder).start()
    try:
        code = pair_code(hub.folder, 2)
        with Desk(tmp_path / "counter") as desk:
            # The rogue answers at the address typed: it cannot prove the code.
            with pytest.raises(InvalidInput, match="Mã ghép nối không đúng"):
                join_office(desk, rogue.address, code)
            assert not desk.office.joined
            join_office(desk, hub.address, code)
            # Later the hub's address answers with another certificate (ARP spoofing, DHCP):
            # the pinned handshake fails before any request, so the token is never sent.
            pem, key = make_certificate("rogue")
            (tmp_path / "rogue.pem").write_text(pem)
            (tmp_path / "rogue.key").write_bytes(key)
            peer = ContractPeer(token="x", unit_code="000.00.12.H56", station_no=2)
            with peer.serve(certfile=str(tmp_path / "rogue.pem"),
                            keyfile=str(tmp_path / "rogue.key")) as url:
                with write_transaction(desk.db):
                    settings.set_value(desk.db, counter_side.HUB_URL_KEY,
                                       url)
                desk.receive(intake_request())
                result = Syncer(desk).run(forced=True)
            assert not result.ok and result.stopped == "offline"
            assert "CERTIFICATE_VERIFY_FAILED" in (result.error or "")
            assert peer.requests == []  # no request, no Authorization header, reached it
            assert desk.outbox_counts()["pending"] == 1
    finally:
        rogue.kill()


def test_a_counter_with_dossiers_keeps_its_number(hub, make_desk) -> None:
    desk = make_desk()  # station 2 of the unit, set up alone
    desk.receive(intake_request())
    with pytest.raises(InvalidInput, match="quầy khác"):
        join_office(desk, hub.address, pair_code(hub.folder, 3))
    joined = join_office(desk, hub.address, pair_code(hub.folder, 2))
    assert joined["station_no"] == 2
    result = Syncer(desk).run(forced=True)
    assert result.ok and result.send.accepted == 1


def test_a_revoked_counter_is_refused_and_says_so(hub, tmp_path) -> None:
    from intake_app.hub.server import revoke_counter

    with Desk(tmp_path / "counter") as desk:
        join_office(desk, hub.address, pair_code(hub.folder, 4))
        desk.receive(intake_request())
        revoke_counter(hub.folder, 4)
        result = Syncer(desk).run(forced=True)
        assert result.stopped == "auth" and desk.outbox_counts()["pending"] == 1
        assert hub_rows(hub.folder, "SELECT revoked_at IS NOT NULL FROM office_counters "
                        "WHERE station_no = 4") == [(1,)]
    # Its number is free for a new PC (no --replace needed); a live counter's is not.
    assert pair_code(hub.folder, 4)
    with Desk(tmp_path / "other") as other:
        join_office(other, hub.address, pair_code(hub.folder, 5))
    with pytest.raises(InvalidInput, match="đã ghép nối"):
        pair_code(hub.folder, 5)

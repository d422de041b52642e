"""One writer per dossier (docs/office-hub.md §7): the right to write moves through the hub.

A dossier stamped at counter 1 is handed back at counter 2 (claim → the writer sends what it
has and releases → signed grant → counter 2 writes the hand-over event, then the hand-back);
a supervisor takes over a dossier whose counter is off, and that counter's step made offline
is refused `not_writer`, kept at the hub and parked at the counter, never merged."""

from __future__ import annotations

import json

import pytest
from conftest import intake_request, join_office
from office_testing import HubProcess, hub_rows, init_hub, pair_code, wait_until

from intake_app.desk import Desk
from intake_app.domain.errors import NotAllowed
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus
from intake_app.sync.engine import Syncer
from intake_app.sync.office_feed import OfficeFeed


@pytest.fixture
def hub(tmp_path):
    folder = tmp_path / "hub"
    init_hub(folder)
    process = HubProcess(folder, "--connected-seconds", "3", "--updates-every", "0.5").start()
    yield process
    process.kill()


def joined(hub, folder, station: int) -> Desk:
    desk = Desk(folder)
    join_office(desk, hub.address, pair_code(hub.folder, station))
    return desk


def push(desk: Desk) -> None:
    result = Syncer(desk).run(forced=True)
    assert result.ok, result.error


def gateway_events(hub, dossier_id: str) -> list[tuple]:
    return hub_rows(hub.folder, "SELECT version, station_no, payload FROM events WHERE "
                    "dossier_id = ? ORDER BY version", [dossier_id])


@pytest.fixture
def province(tmp_path, hub):
    """The province's real gateway (in a thread), with the hub forwarding to it."""
    from intake_gateway.app import create_app
    from intake_gateway.store import open_store
    from tests.gateway_testing import serve_in_thread

    from intake_app.hub.server import set_province, set_province_token

    url = f"sqlite:///{tmp_path}/province.sqlite3"
    store = open_store(url)
    for k in (1, 2):
        set_province_token(hub.folder, k, store.issue_token("000.00.12.H56", k))
    with serve_in_thread(create_app(url)) as base:
        set_province(hub.folder, base, None)
        yield store
    store.close()


def test_hand_back_at_counter_2_a_dossier_stamped_at_counter_1(hub, province, tmp_path) -> None:
    one, two = joined(hub, tmp_path / "c1", 1), joined(hub, tmp_path / "c2", 2)
    feed = OfficeFeed(one.data_dir, wait_s=2.0)  # counter 1 is running: it follows the feed
    try:
        stamped = one.receive(intake_request()).dossier
        one.step(stamped.code, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa",
                                           to_unit="Phòng Tư pháp"))
        one.step(stamped.code, StepRequest(DossierStatus.DONE, "Lê Thị Hoa"))
        push(one)
        two.office.handover.catch_up()
        with pytest.raises(NotAllowed, match="Quầy 1"):
            two.hand_back(stamped.code, receiver_name="Nguyễn Văn Đức",
                          receiver_id_number=None)
        feed.start()
        wait_until(lambda: hub_rows(hub.folder, "SELECT last_seen FROM office_counters "
                                    "WHERE station_no = 1")[0][0], 30, 0.05, "counter 1 seen")
        grant = two.office.handover.claim(stamped.code, clerk="Trần Văn Bình")
        assert grant["from_station"] == 1 and grant["to_station"] == 2
        assert grant["version"] == 4 and grant["mode"] == "handover" and grant["signature"]
        returned = two.hand_back(stamped.code, receiver_name="Nguyễn Văn Đức",
                                 receiver_id_number=None)
        assert returned.status == DossierStatus.RETURNED and returned.version == 5
        push(two)
        events = gateway_events(hub, stamped.dossier_id)
        assert [(v, s) for v, s, _ in events] == [(1, 1), (2, 1), (3, 1), (4, 2), (5, 2)]
        handover = json.loads(events[3][2])
        assert handover["kind"] == "updated" and handover["handover"]["grant_id"] == \
            grant["grant_id"]
        assert handover["dossier"] == json.loads(events[2][2])["dossier"]  # snapshot unchanged
        assert "Chuyển quyền cập nhật hồ sơ từ Quầy 1 sang Quầy 2" in \
            handover["progress"]["NoiDungXuLy"]
        # Counter 1 now sees the dossier returned, written by counter 2, and may not write it.
        wait_until(lambda: one.dossier(stamped.code).version == 5, 30, 0.05, "counter 1 copy")
        assert one.dossier(stamped.code).status == DossierStatus.RETURNED
        with pytest.raises(NotAllowed, match="Quầy 2"):
            one.step(stamped.code, StepRequest(DossierStatus.IN_PROCESSING, "Hoa",
                                               to_unit="Phòng Tư pháp"))
        assert hub_rows(hub.folder, "SELECT count(*) FROM office_conflicts")[0][0] == 0
        assert [h["action"] for h in one.history(stamped.code)][-2:] == ["handover", "returned"]
        # The province got every version once, all under station 1 (the code's station),
        # the hand-over as an ordinary `updated` event that keeps its `handover` key.
        wait_until(lambda: (province.dossier(stamped.dossier_id) or {}).get("version") == 5,
                   60, 0.1, "the province has version 5")
        kept = province.dossier(stamped.dossier_id)
        assert kept["station_no"] == 1 and [e["version"] for e in kept["history"]] == [
            1, 2, 3, 4, 5]
        assert kept["history"][3]["handover"]["to_station"] == 2
        assert "office" not in kept["history"][3]
        assert province.count_accepted("000.00.12.H56", 1) == (5, 1)
        assert province.count_accepted("000.00.12.H56", 2) == (0, 0)
        # The province's remark reaches every counter's copy through the hub (counter 2 has
        # no province token and no route to the province).
        province.post_update(stamped.code, 10, "Đã lưu hồ sơ", "Phòng Tư pháp")
        wait_until(lambda: hub_rows(hub.folder, "SELECT count(*) FROM office_updates")[0][0],
                   60, 0.1, "the hub has the province's update")
        for desk in (one, two):  # each counter's ordinary pull, from its hub
            result = Syncer(desk).run(forced=True)
            assert result.ok and result.pull.applied + result.pull.history_only == 1
        notes = [h["note"] for h in two.history(stamped.code)]
        assert any("Đã lưu hồ sơ" in n for n in notes), notes
        assert any("Đã lưu hồ sơ" in h["note"] for h in one.history(stamped.code))
    finally:
        feed.stop()
        one.close()
        two.close()


def test_a_take_over_parks_the_old_writers_offline_step_and_shows_it(hub, tmp_path) -> None:
    one, two = joined(hub, tmp_path / "c1", 1), joined(hub, tmp_path / "c2", 2)
    try:
        stamped = one.receive(intake_request()).dossier
        push(one)
        # Counter 1 records a step and goes off before sending it.
        one.step(stamped.code, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa",
                                           to_unit="Phòng Kinh tế"))
        two.office.handover.catch_up()
        import time

        time.sleep(3.5)  # counter 1 silent longer than the hub's "connected"
        with pytest.raises(Exception, match="ít nhất 10"):
            two.office.handover.take_over(stamped.code, reason="tắt", actor="Trần Văn Bình")
        grant = two.office.handover.take_over(
            stamped.code, reason="Quầy 1 tắt máy, công dân chờ nhận kết quả",
            actor="Trần Văn Bình")
        assert grant["mode"] == "takeover" and grant["version"] == 2
        # Grants are signed by the office's key, which the counter got at pairing.
        from intake_app.domain.office import grant_signature_ok

        key = two.setting("office.office")["office_public_key"]
        assert grant_signature_ok(grant, key)
        assert not grant_signature_ok({**grant, "to_station": 3}, key)
        two.step(stamped.code, StepRequest(DossierStatus.IN_PROCESSING, "Trần Văn Bình",
                                           to_unit="Phòng Tư pháp"))
        push(two)
        # Counter 1 comes back: its step is refused, parked here, kept at the hub.
        result = Syncer(one).run(forced=True)
        assert result.send.rejected == 1
        parked = one.sync.parked()
        assert [p["reject_code"] for p in parked] == ["not_writer"]
        conflicts = one.office.handover.conflicts()
        assert [(c["station_no"], c["version"], c["code"]) for c in conflicts] == [
            (1, 2, "not_writer")]
        assert conflicts[0]["event"]["office"]["row"]["processing_unit"] == "Phòng Kinh tế"
        # Its copy becomes the office's (never merged); a line says why.
        one.office.handover.catch_up()
        copy = one.dossier(stamped.code)
        assert copy.version == 3 and copy.processing_unit == "Phòng Tư pháp"
        actions = [h["action"] for h in one.history(stamped.code)]
        assert "diverged" in actions and "takeover" in actions
        with pytest.raises(NotAllowed, match="Quầy 2"):
            one.step(stamped.code, StepRequest(DossierStatus.DONE, "Lê Thị Hoa"))
        versions = [(v, s) for v, s, _ in gateway_events(hub, stamped.dossier_id)]
        assert versions == [(1, 1), (2, 2), (3, 2)]  # gap-free, one writer per version
        # The supervisor closes it: dropping needs a reason; then it is listed as resolved.
        event_id = conflicts[0]["event_id"]
        with pytest.raises(Exception, match="ít nhất 10"):
            two.office.handover.resolve(event_id, redone=False, reason="không", actor="Bình")
        two.office.handover.resolve(event_id, redone=False, actor="Trần Văn Bình",
                                    reason="Quầy 2 đã chuyển hồ sơ cho Phòng Tư pháp")
        assert two.office.handover.conflicts() == []
        [closed] = two.office.handover.conflicts(resolved_too=True)
        assert closed["resolution"]["resolution"] == "dropped"
        assert closed["resolution"]["actor"] == "Trần Văn Bình"
    finally:
        one.close()
        two.close()


@pytest.fixture
def hub40(tmp_path):
    folder = tmp_path / "hub40"
    init_hub(folder)
    process = HubProcess(folder).start()  # a counter silent 40 s is off (the default)
    yield process
    process.kill()


def writer_killed_after_marking(hub, tmp_path, monkeypatch, *, restart_after: float) -> tuple:
    """Counter 2 claims; counter 1 marks the dossier as being handed over and is killed before
    it sends and releases; it restarts `restart_after` seconds later and resumes."""
    import threading
    import time

    from intake_app.services.office import RELEASES_KEY, HandOver
    from intake_app.store import sync_state
    from intake_app.sync.client import GatewayClient

    one = joined(hub, tmp_path / "c1", 1)
    joined(hub, tmp_path / "c2", 2).close()
    stamped = one.receive(intake_request()).dossier
    push(one)
    outcome: dict = {}

    def claim() -> None:
        with Desk(tmp_path / "c2") as two:
            two.office.handover.catch_up()
            try:
                outcome["grant"] = two.office.handover.claim(stamped.code, clerk="Bình")
            except Exception as exc:  # noqa: BLE001 - the test reads it
                outcome["error"] = exc
            outcome["version"] = two.dossier(stamped.code).version

    thread = threading.Thread(target=claim)
    thread.start()
    wait_until(lambda: hub_rows(hub.folder, "SELECT count(*) FROM office_claims WHERE "
                                "state = 'waiting'")[0][0] == 1, 30, 0.02, "the claim")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed after marking")

    monkeypatch.setattr(HandOver, "_finish_release", killed)
    with GatewayClient(one.office.info()["hub_url"], one.sync.token(),
                       pinned_pem=one.setting("office.certificate")) as client, \
            pytest.raises(KeyboardInterrupt):
        OfficeFeed(one.data_dir).read_page(one, client, 0)
    monkeypatch.undo()
    assert one.db.execute("SELECT handover_to FROM dossiers WHERE code = ?",
                          [stamped.code]).fetchone()[0] == 2
    assert list(sync_state.get(one.db, RELEASES_KEY)) == [stamped.dossier_id]
    with pytest.raises(NotAllowed, match="Quầy 2"):  # being handed over: nobody writes here
        one.step(stamped.code, StepRequest(DossierStatus.IN_PROCESSING, "Hoa",
                                           to_unit="Phòng Tư pháp"))
    time.sleep(restart_after)
    resumed = one.office.handover.resume_releases()  # what the restarted feed thread does
    thread.join(30)
    return one, stamped, resumed, outcome


def test_a_writer_killed_after_marking_finishes_the_hand_over_at_restart(
        hub40, tmp_path, monkeypatch) -> None:
    one, stamped, resumed, outcome = writer_killed_after_marking(hub40, tmp_path, monkeypatch,
                                                                restart_after=0)
    try:
        assert resumed == {stamped.dossier_id: "granted"}
        assert outcome["grant"]["to_station"] == 2 and outcome["version"] == 2
        assert one.db.execute("SELECT writer_station, handover_to FROM dossiers WHERE code = ?",
                              [stamped.code]).fetchone() == (2, None)
    finally:
        one.close()


@pytest.mark.slow
def test_a_writer_back_after_the_claim_expired_stays_the_writer(hub40, tmp_path,
                                                               monkeypatch) -> None:
    one, stamped, resumed, outcome = writer_killed_after_marking(hub40, tmp_path, monkeypatch,
                                                                restart_after=11)
    try:
        assert resumed == {stamped.dossier_id: "expired"}
        assert "không trả lời" in outcome["error"].message and outcome["version"] == 1
        assert one.db.execute("SELECT coalesce(writer_station, station_no), handover_to FROM "
                              "dossiers WHERE code = ?", [stamped.code]).fetchone() == (1, None)
        one.step(stamped.code, StepRequest(DossierStatus.IN_PROCESSING, "Hoa",
                                           to_unit="Phòng Tư pháp"))  # still its writer
    finally:
        one.close()

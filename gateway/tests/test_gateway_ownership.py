"""A token speaks only for its own station (docs/sync-protocol.md, revision of 2026-12), tested
on both backends.

The three attacks of issue 9, as they were run against the gateway: station 3's token sending
station 2's real event; a token of another unit squatting station 2's next code so that its real
dossier is refused as `code_conflict`; station 3 reading the province's update about station 2's
dossier from its own feed. And the same through a USB batch file.
"""

from __future__ import annotations

import pytest
from intake_gateway import contract
from intake_gateway.batchfile import write_batch_file
from intake_gateway.ingest import import_batch_file

from .gateway_helpers import STATION, UNIT, batch_body, code, sample_event, statuses

OTHER_UNIT = "000.00.99.H56"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def send(client, token: str, unit: str, station: int, events: list[dict]):
    return client.post("/v1/batches", json=batch_body(unit, station, events),
                       headers=bearer(token))


def test_station_3_cannot_send_station_2s_real_event(client, auth, store):
    station_3 = store.issue_token(UNIT, 3)
    real = sample_event(code=code(2))  # station 2's real dossier …-2002
    answer = send(client, station_3, UNIT, 3, [real])
    assert statuses(answer) == ["malformed"]
    message = answer.json()["results"][0]["message"]
    assert "MaHoSo" in message and code(2) in message and f"{UNIT}-<yyMMdd>-3<nnn>" in message
    assert store.dossier(real["dossier_id"]) is None
    assert store.count_accepted(UNIT, 3) == (0, 0)
    # Station 2 then sends its own event: it is taken as station 2's.
    assert statuses(send(client, auth["Authorization"][7:], UNIT, STATION, [real])) == [
        "accepted"]
    assert (store.dossier(real["dossier_id"])["station_no"]) == STATION


def test_another_unit_cannot_squat_a_code_and_block_the_real_dossier(client, auth, store):
    squatter = store.issue_token(OTHER_UNIT, STATION)
    fake = sample_event(code=code(3))  # 000.00.12.H56-…-2003: station 2's next code
    answer = send(client, squatter, OTHER_UNIT, STATION, [fake])
    assert statuses(answer) == ["malformed"]
    assert "MaHoSo" in answer.json()["results"][0]["message"]
    real = sample_event(code=code(3))
    answer = send(client, auth["Authorization"][7:], UNIT, STATION, [real])
    assert statuses(answer) == ["accepted"]  # not code_conflict
    assert store.dossier(real["dossier_id"])["snapshot"]["MaHoSo"] == code(3)
    assert store.count_accepted(OTHER_UNIT, STATION) == (0, 0)


def test_station_3_reads_nothing_of_station_2s_dossier(client, auth, store, admin_auth):
    station_3 = store.issue_token(UNIT, 3)
    real = sample_event(code=code(2))
    send(client, station_3, UNIT, 3, [real])  # the attempt of attack 1
    assert statuses(send(client, auth["Authorization"][7:], UNIT, STATION, [real])) == [
        "accepted"]
    posted = client.post("/v1/admin/updates", headers=admin_auth,
                         json={"MaHoSo": code(2), "TrangThaiHoSo": 9, "note": "Đã có kết quả"})
    assert posted.status_code == 201
    theirs = client.get("/v1/updates", headers=bearer(station_3)).json()
    assert theirs == {"updates": [], "next_cursor": None}
    mine = client.get("/v1/updates", headers=auth).json()["updates"]
    assert [(u["MaHoSo"], u["note"]) for u in mine] == [(code(2), "Đã có kết quả")]
    summary = client.get(f"/v1/stations/{UNIT}/3/summary", headers=bearer(station_3))
    assert summary.json() == {"events": 0, "dossiers": 0}
    assert client.get(f"/v1/stations/{UNIT}/{STATION}/summary", headers=auth).json() == {
        "events": 1, "dossiers": 1}


def test_a_correctly_coded_event_for_another_stations_dossier_is_foreign(client, auth, store):
    real = sample_event(code=code(1))
    send(client, auth["Authorization"][7:], UNIT, STATION, [real])
    station_3 = store.issue_token(UNIT, 3)
    step = sample_event(dossier_id=real["dossier_id"], version=2, code=code(1, station=3))
    answer = send(client, station_3, UNIT, 3, [step])
    assert statuses(answer) == ["foreign_dossier"]
    assert real["dossier_id"] in answer.json()["results"][0]["message"]
    assert store.dossier(real["dossier_id"])["version"] == 1


def test_a_usb_file_speaks_only_for_its_station_too(tmp_path, store):
    station_3 = store.issue_token(UNIT, 3)
    store.issue_token(UNIT, STATION)
    real = sample_event(code=code(2))
    own = sample_event(code=code(1, station=3))
    path = tmp_path / "station-3.json.gz"
    write_batch_file(path, batch_body(UNIT, 3, [real, own]), station_3)
    answer = import_batch_file(store, path)
    assert [r["status"] if r["status"] != "rejected" else r["code"]
            for r in answer["results"]] == ["malformed", "accepted"]
    assert store.dossier(real["dossier_id"]) is None
    assert store.count_accepted(UNIT, 3) == (1, 1)


@pytest.mark.parametrize("value, ok", [
    (f"{UNIT}-251123-2001", True),
    (f"{UNIT}-251123-2999", True),
    (f"{UNIT}-251123-3001", False),  # another station
    (f"{OTHER_UNIT}-251123-2001", False),  # another unit
    (f"X{UNIT}-251123-2001", False),
    (f"{UNIT}-251123-2000", False),  # nnn runs 001-999
    (f"{UNIT}-251323-2001", False),  # no 13th month
    (f"{UNIT}-250229-2001", False),  # 2025 is not a leap year
    (f"{UNIT}-251123-20012", False),
    (f"{UNIT}-251123-0001", False),  # the province's own (online) codes
])
def test_the_code_must_carry_the_batchs_unit_and_station(value, ok):
    assert (contract.dossier_code_problem(value, UNIT, STATION) is None) is ok
    problem = contract.check_event(sample_event(code=value), station=(UNIT, STATION))
    assert (problem is None) is ok
    if not ok:
        assert problem.code == "malformed" and "dossier.MaHoSo" in problem.message


def test_an_event_already_accepted_is_a_duplicate_before_its_code_is_looked_at(client, auth,
                                                                               store):
    event = sample_event(code=code(1))
    send(client, auth["Authorization"][7:], UNIT, STATION, [event])
    station_3 = store.issue_token(UNIT, 3)
    assert statuses(send(client, station_3, UNIT, 3, [event])) == ["duplicate"]
    assert store.count_accepted(UNIT, 3) == (0, 0)


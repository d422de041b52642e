"""POST /v1/batches on both backends: results, idempotency, rejections, refusals."""

from __future__ import annotations

import gzip
import json
import unicodedata

from .gateway_helpers import STATION, UNIT, body, code, gzipped, post, sample_event, statuses
from .gateway_testing import batch_body, sample_snapshot


def test_health(client):
    answer = client.get("/v1/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["server_time"].endswith("+07:00")


def test_accepted_events_are_stored_with_one_result_each_in_order(client, auth, store):
    first, second = sample_event(code=code(1)), sample_event(code=code(2))
    answer = post(client, auth, [first, second])
    assert answer.json()["results"] == [
        {"event_id": first["event_id"], "status": "accepted"},
        {"event_id": second["event_id"], "status": "accepted"},
    ]
    assert store.count_accepted(UNIT, STATION) == (2, 2)
    stored = store.dossier(first["dossier_id"])
    assert stored["snapshot"] == first["dossier"]
    assert stored["history"] == [first]


def test_duplicate_in_a_later_batch_and_within_a_batch(client, auth, store):
    event = sample_event()
    assert statuses(post(client, auth, [event])) == ["accepted"]
    assert statuses(post(client, auth, [event, sample_event(code=code(2))])) == [
        "duplicate", "accepted"]
    twice = sample_event(code=code(3))
    assert statuses(post(client, auth, [twice, twice])) == ["accepted", "duplicate"]
    assert store.count_accepted(UNIT, STATION) == (3, 3)


def test_duplicate_is_judged_before_anything_else(client, auth, store):
    event = sample_event()
    post(client, auth, [event])
    changed = {**event, "version": "garbage", "dossier": None}
    assert statuses(post(client, auth, [changed])) == ["duplicate"]


def test_replayed_batch_gets_the_stored_results_with_a_fresh_server_time(client, auth, store):
    events = [sample_event(code=code(1)), {"event_id": "not-a-uuid"}]
    sent = body(events)
    first = client.post("/v1/batches", json=sent, headers=auth).json()
    store.import_procedures([{"code": "other", "name": "x"}])  # would now reject the event
    again = client.post("/v1/batches", json=sent, headers=auth).json()
    assert again["results"] == first["results"]
    assert [r["status"] for r in again["results"]] == ["accepted", "rejected"]
    assert again["batch_id"] == sent["batch_id"]
    assert store.count_accepted(UNIT, STATION) == (1, 1)


def test_reused_batch_id_with_other_events_is_409(client, auth, store):
    sent = body([sample_event(code=code(1))])
    assert client.post("/v1/batches", json=sent, headers=auth).status_code == 200
    other = {**sent, "events": [sample_event(code=code(2))]}
    answer = client.post("/v1/batches", json=other, headers=auth)
    assert answer.status_code == 409
    assert answer.json()["error"] == "batch_conflict"
    reordered = body([sample_event(code=code(3)), sample_event(code=code(4))])
    client.post("/v1/batches", json=reordered, headers=auth)
    swapped = {**reordered, "events": reordered["events"][::-1]}
    assert client.post("/v1/batches", json=swapped, headers=auth).status_code == 409
    assert store.count_accepted(UNIT, STATION) == (3, 3)


def test_malformed_and_not_nfc(client, auth, store):
    bad_version = sample_event(code=code(1), version=0)
    decomposed = sample_event(code=code(2), snapshot=sample_snapshot(
        code(2), DiaChi=unicodedata.normalize("NFD", "Thôn Phước Yên")))
    answer = post(client, auth, [bad_version, decomposed, 17, {"event_id": None}])
    results = answer.json()["results"]
    assert [r["code"] for r in results] == ["malformed", "not_nfc", "malformed", "malformed"]
    assert "version" in results[0]["message"]
    assert results[1]["message"] == "dossier.DiaChi is not in Unicode NFC"
    assert results[0]["event_id"] == bad_version["event_id"]
    assert results[2]["event_id"] is None and results[3]["event_id"] is None
    assert store.count_accepted(UNIT, STATION) == (0, 0)


def test_not_nfc_is_found_whether_text_is_escaped_or_not(client, auth, store):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    for ensure_ascii in (True, False):
        event = sample_event(snapshot=sample_snapshot(ChuHoSo=decomposed))
        content = json.dumps(body([event]), ensure_ascii=ensure_ascii).encode()
        answer = client.post("/v1/batches", content=content, headers=auth)
        assert answer.json()["results"][0]["message"] == "dossier.ChuHoSo is not in Unicode NFC"
        escaped_ok = sample_event(code=code(1 + ensure_ascii))
        content = json.dumps(body([escaped_ok]), ensure_ascii=ensure_ascii).encode()
        assert statuses(client.post("/v1/batches", content=content, headers=auth)) == [
            "accepted"]


def test_unknown_procedure_only_with_a_catalogue_and_judged_anew_later(client, auth, store):
    event = sample_event()
    assert statuses(post(client, auth, [sample_event(code=code(9))])) == ["accepted"]  # any
    store.import_procedures([{"code": "1.001193", "name": "Đăng ký khai sinh"}])
    answer = post(client, auth, [event])
    assert statuses(answer) == ["unknown_procedure"]
    assert "2.000815" in answer.json()["results"][0]["message"]
    store.import_procedures([{"code": "2.000815", "name": "Chứng thực bản sao"}])
    assert statuses(post(client, auth, [event])) == ["accepted"]  # not remembered


def test_a_known_dossier_keeps_its_procedure_after_the_catalogue_drops_it(client, auth, store):
    first = sample_event()
    post(client, auth, [first])
    store.import_procedures([{"code": "1.001193", "name": "Đăng ký khai sinh"}])
    step = sample_event(dossier_id=first["dossier_id"], version=2)
    assert statuses(post(client, auth, [step])) == ["accepted"]


def test_code_conflict(client, auth):
    post(client, auth, [sample_event(code=code(1))])
    answer = post(client, auth, [sample_event(code=code(1))])
    assert statuses(answer) == ["code_conflict"]
    assert code(1) in answer.json()["results"][0]["message"]


def test_version_conflict_and_rejections_leave_no_hole(client, auth, store):
    first = sample_event()
    post(client, auth, [first])
    rival = sample_event(dossier_id=first["dossier_id"], version=1)
    assert statuses(post(client, auth, [rival])) == ["version_conflict"]
    bad = sample_event(dossier_id=first["dossier_id"], version=2, actor=None)
    fixed = sample_event(dossier_id=first["dossier_id"], version=3)
    assert statuses(post(client, auth, [bad, fixed])) == ["malformed", "accepted"]
    assert store.dossier(first["dossier_id"])["version"] == 3


def test_out_of_order_versions_keep_the_newest_snapshot(client, auth, store):
    v1 = sample_event()
    v2 = sample_event(dossier_id=v1["dossier_id"], version=2)
    assert statuses(post(client, auth, [v2])) == ["accepted"]
    assert statuses(post(client, auth, [v1])) == ["accepted"]
    stored = store.dossier(v1["dossier_id"])
    assert stored["version"] == 2
    assert stored["snapshot"] == v2["dossier"]
    assert [e["version"] for e in stored["history"]] == [1, 2]
    v3 = sample_event(dossier_id=v1["dossier_id"], version=3, kind="returned")
    post(client, auth, [v3])
    assert store.dossier(v1["dossier_id"])["snapshot"] == v3["dossier"]
    assert store.count_accepted(UNIT, STATION) == (3, 1)


def test_401_missing_bad_or_revoked_token(client, auth, store):
    sent = body([sample_event()])
    assert client.post("/v1/batches", json=sent).status_code == 401
    for header in ("Bearer nope", "Basic dXNlcjpwYXNz", "Bearer "):
        answer = client.post("/v1/batches", json=sent, headers={"Authorization": header})
        assert answer.status_code == 401
        assert answer.json()["error"] == "unauthorized"
        assert answer.headers["www-authenticate"] == "Bearer"
    store.revoke_token(UNIT, STATION)
    assert client.post("/v1/batches", json=sent, headers=auth).status_code == 401
    assert client.get("/v1/updates", headers=auth).status_code == 401
    assert store.count_accepted(UNIT, STATION) == (0, 0)


def test_a_new_token_replaces_the_old_one(client, auth, store):
    new = store.issue_token(UNIT, STATION)
    assert client.get("/v1/updates", headers=auth).status_code == 401
    assert client.get("/v1/updates", headers={"Authorization": f"Bearer {new}"}).status_code == 200


def test_403_another_unit_or_station_in_the_envelope(client, auth, store):
    for unit, station in ((UNIT, 3), ("000.00.13.H56", STATION)):
        sent = batch_body(unit, station, [sample_event()])
        answer = client.post("/v1/batches", json=sent, headers=auth)
        assert answer.status_code == 403
        assert answer.json()["error"] == "wrong_station"
    # 403 comes before the envelope's other faults (422)
    sent = {"unit_code": UNIT, "station_no": 5}
    assert client.post("/v1/batches", json=sent, headers=auth).status_code == 403
    assert store.count_accepted(UNIT, STATION) == (0, 0)


def _big_body(size: int) -> bytes:
    padding = "x" * size
    return json.dumps(body([sample_event(actor=padding)])).encode()


def test_413_over_5_mib_after_decompression(client, auth, store):
    limit = 5 * 1024 * 1024
    big = _big_body(limit)
    answer = client.post("/v1/batches", content=big, headers=auth)
    assert answer.status_code == 413
    assert answer.json()["error"] == "too_large"
    squeezed = gzip.compress(big)  # a few KiB on the wire, over 5 MiB inside
    assert len(squeezed) < 100_000
    answer = client.post("/v1/batches", content=squeezed,
                         headers={**auth, "Content-Encoding": "gzip"})
    assert answer.status_code == 413
    bomb = gzip.compress(b"[" * (50 * 1024 * 1024))
    answer = client.post("/v1/batches", content=bomb, headers={**auth, "Content-Encoding": "gzip"})
    assert answer.status_code == 413
    assert store.count_accepted(UNIT, STATION) == (0, 0)


def test_just_under_the_limit_is_taken_gzipped_or_not(client, auth, store):
    limit = 5 * 1024 * 1024
    plain = _big_body(0)
    content = _big_body(limit - len(plain) - 10)
    assert len(content) <= limit
    answer = client.post("/v1/batches", content=content, headers=auth)
    assert statuses(answer) == ["accepted"]
    again = json.loads(content)
    again["batch_id"] = body([])["batch_id"]
    answer = client.post("/v1/batches", content=gzipped(again),
                         headers={**auth, "Content-Encoding": "gzip"})
    assert statuses(answer) == ["duplicate"]


def test_gzip_body(client, auth, store):
    event = sample_event()
    answer = client.post("/v1/batches", content=gzipped(body([event])),
                         headers={**auth, "Content-Encoding": "gzip",
                                  "Content-Type": "application/json"})
    assert statuses(answer) == ["accepted"]


def test_422_unusable_envelope(client, auth, store):
    answer = client.post("/v1/batches", content=b"{not json", headers=auth)
    assert answer.status_code == 422
    assert answer.json()["error"] == "not_json" and answer.json()["message"]
    assert client.post("/v1/batches", content=b"\xff\xfe", headers=auth).status_code == 422
    assert client.post("/v1/batches", content=b"NaN", headers=auth).status_code == 422
    sent = body([sample_event()])
    del sent["batch_id"]
    answer = client.post("/v1/batches", json=sent, headers=auth)
    assert answer.status_code == 422
    assert answer.json() == {"error": "invalid_envelope", "message": "batch_id is missing"}
    sent = body([sample_event()])
    del sent["events"]
    assert client.post("/v1/batches", json=sent, headers=auth).status_code == 422
    many = body([sample_event(code=code(1))] * 501)
    answer = client.post("/v1/batches", json=many, headers=auth)
    assert answer.status_code == 422
    assert answer.json()["error"] == "too_many_events"
    answer = client.post("/v1/batches", content=b"\x1f\x8b garbage",
                         headers={**auth, "Content-Encoding": "gzip"})
    assert answer.status_code == 422
    assert answer.json()["error"] == "bad_gzip"
    assert store.count_accepted(UNIT, STATION) == (0, 0)


def test_500_events_are_taken(client, auth, store):
    events = [sample_event(code=code(n + 1)) for n in range(500)]
    answer = post(client, auth, events)
    assert statuses(answer) == ["accepted"] * 500
    assert store.count_accepted(UNIT, STATION) == (500, 500)


def test_unsupported_content_encoding_is_415(client, auth):
    answer = client.post("/v1/batches", content=b"{}", headers={**auth, "Content-Encoding": "br"})
    assert answer.status_code == 415


def test_checks_come_in_the_contracts_order(client, auth):
    wrong_station_too_big = json.dumps(batch_body(UNIT, 3, [])).encode() + b" " * 6_000_000
    assert client.post("/v1/batches", content=b"{not json").status_code == 401
    assert client.post("/v1/batches", content=wrong_station_too_big,
                       headers=auth).status_code == 413
    assert client.post("/v1/batches", json={"unit_code": UNIT, "station_no": 3, "events": 5},
                       headers=auth).status_code == 403
    replay = body([sample_event()])
    client.post("/v1/batches", json=replay, headers=auth)
    assert client.post("/v1/batches", json={**replay, "events": "x"},
                       headers=auth).status_code == 422
    assert client.post("/v1/batches", json={**replay, "events": []},
                       headers=auth).status_code == 409

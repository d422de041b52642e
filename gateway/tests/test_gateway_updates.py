"""The updates feed, the province's admin endpoint, and the station summary (both backends)."""

from __future__ import annotations

from intake_gateway.app import create_app

from .gateway_helpers import STATION, UNIT, TestClient, code, post, sample_event
from .gateway_testing import batch_body


def _receive(client, auth, count: int) -> list[dict]:
    events = [sample_event(code=code(n + 1)) for n in range(count)]
    post(client, auth, events)
    return events


def test_updates_feed_pages_in_order_with_a_cursor(client, auth, store):
    events = _receive(client, auth, 3)
    posted = [store.post_update(code(n % 3 + 1), 4 + n % 6, f"bước {n}", "Sở Tư pháp")
              for n in range(7)]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 3} | ({"after": cursor} if cursor else {})
        page = client.get("/v1/updates", params=params, headers=auth).json()
        pages += 1
        if not page["updates"]:
            assert page["next_cursor"] == cursor  # an empty page gives back the cursor sent
            break
        assert len(page["updates"]) <= 3
        seen += page["updates"]
        cursor = page["next_cursor"]
    assert pages == 4
    assert [u["update_id"] for u in seen] == posted
    first = seen[0]
    assert first == {"update_id": posted[0], "dossier_id": events[0]["dossier_id"],
                     "MaHoSo": code(1), "TrangThaiHoSo": 4, "at": first["at"],
                     "by": "Sở Tư pháp", "note": "bước 0"}
    store.post_update(code(2), 9, "Đã xử lý xong", "province")
    later = client.get("/v1/updates", params={"after": cursor}, headers=auth).json()
    assert [u["note"] for u in later["updates"]] == ["Đã xử lý xong"]


def test_an_empty_feed_without_a_cursor_gives_null(client, auth):
    assert client.get("/v1/updates", headers=auth).json() == {"updates": [], "next_cursor": None}
    assert client.get("/v1/updates?after=", headers=auth).json()["next_cursor"] is None


def test_limit_default_maximum_and_bad_values(client, auth, store):
    _receive(client, auth, 1)
    for n in range(105):
        store.post_update(code(1), 4, str(n), "x")
    assert len(client.get("/v1/updates", headers=auth).json()["updates"]) == 100
    assert len(client.get("/v1/updates?limit=5000", headers=auth).json()["updates"]) == 105
    for bad in ("0", "-1", "ten"):
        answer = client.get(f"/v1/updates?limit={bad}", headers=auth)
        assert answer.status_code == 422
        assert answer.json()["error"] == "invalid_request"
    answer = client.get("/v1/updates?after=not-ours", headers=auth)
    assert answer.status_code == 422
    assert answer.json()["error"] == "bad_cursor"


def test_a_station_sees_only_its_own_dossiers_updates(client, auth, store):
    _receive(client, auth, 1)
    other_token = store.issue_token(UNIT, 3)
    other = {"Authorization": f"Bearer {other_token}"}
    client.post("/v1/batches", json=batch_body(UNIT, 3, [sample_event(code=code(1, station=3))]),
                headers=other)
    store.post_update(code(1), 9, "mine", "x")
    store.post_update(code(1, station=3), 9, "theirs", "x")
    mine = client.get("/v1/updates", headers=auth).json()["updates"]
    theirs = client.get("/v1/updates", headers=other).json()["updates"]
    assert [u["note"] for u in mine] == ["mine"]
    assert [u["note"] for u in theirs] == ["theirs"]


def test_admin_endpoint(client, auth, admin_auth, store):
    events = _receive(client, auth, 1)
    update = {"MaHoSo": code(1), "TrangThaiHoSo": 9, "note": "Có kết quả", "by": "UBND"}
    assert client.post("/v1/admin/updates", json=update).status_code == 401
    assert client.post("/v1/admin/updates", json=update, headers=auth).status_code == 401
    answer = client.post("/v1/admin/updates", json=update, headers=admin_auth)
    assert answer.status_code == 201
    feed = client.get("/v1/updates", headers=auth).json()["updates"]
    assert feed[0]["update_id"] == answer.json()["update_id"]
    assert feed[0]["dossier_id"] == events[0]["dossier_id"]
    assert feed[0]["by"] == "UBND"
    unknown = client.post("/v1/admin/updates", json={**update, "MaHoSo": code(99)},
                          headers=admin_auth)
    assert unknown.status_code == 404
    assert unknown.json()["error"] == "unknown_dossier"
    bad = client.post("/v1/admin/updates", json={**update, "TrangThaiHoSo": 11},
                      headers=admin_auth)
    assert bad.status_code == 422
    # the admin token is not a station token
    assert client.get("/v1/updates", headers=admin_auth).status_code == 401


def test_admin_endpoint_is_off_without_an_admin_token(database_url):
    with TestClient(create_app(database_url)) as client:
        answer = client.post("/v1/admin/updates", json={"MaHoSo": code(1), "TrangThaiHoSo": 9},
                             headers={"Authorization": "Bearer anything"})
        assert answer.status_code == 403
        assert answer.json()["error"] == "admin_disabled"


def test_summary_counts_and_403_for_another_station(client, auth, store):
    summary = f"/v1/stations/{UNIT}/{STATION}/summary"
    assert client.get(summary, headers=auth).json() == {"events": 0, "dossiers": 0}
    first = sample_event(code=code(1))
    post(client, auth, [first, sample_event(code=code(2)),
                        sample_event(dossier_id=first["dossier_id"], version=2),
                        sample_event(code=code(1))])  # the last is a code_conflict
    assert client.get(summary, headers=auth).json() == {"events": 3, "dossiers": 2}
    assert store.count_accepted(UNIT, STATION) == (3, 2)
    # A restored station asks for the highest code per day it must continue above.
    post(client, auth, [sample_event(code=code(7)),
                        sample_event(code=f"{UNIT}-251124-{STATION}004")])
    assert client.get(summary, params={"codes": "true"}, headers=auth).json() == {
        "events": 5, "dossiers": 4, "highest_by_day": {"251123": 7, "251124": 4}}
    assert "highest_by_day" not in client.get(summary, headers=auth).json()
    for path in (f"/v1/stations/{UNIT}/3/summary", f"/v1/stations/000.00.13.H56/{STATION}/summary"):
        answer = client.get(path, params={"codes": "true"}, headers=auth)
        assert answer.status_code == 403
    assert client.get(summary).status_code == 401
    assert client.get(f"/v1/stations/{UNIT}/x/summary", headers=auth).status_code == 422


def test_unknown_paths_answer_with_the_error_body(client, auth):
    answer = client.get("/v1/nothing", headers=auth)
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found"
    assert client.get("/v1/batches", headers=auth).status_code == 405

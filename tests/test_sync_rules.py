"""Pure rules of sync: back-off, Retry-After, batch size, results, clock, URLs, signing,
and what the province's updates do to a dossier."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest
from conftest import FakeClock, at, intake_request
from hypothesis import given
from hypothesis import strategies as st

from intake_app.domain.calendar import WorkCalendar
from intake_app.domain.status import DossierStatus
from intake_app.domain.sync_config import SyncConfigError, check_gateway_url, check_token
from intake_app.domain.sync_rules import (
    BACKOFF_BASE_S,
    BACKOFF_CAP_S,
    Answer,
    ProtocolError,
    backoff_delay,
    classify,
    clock_is_wrong,
    compare_counts,
    events_that_fit,
    parse_results,
    retry_after_seconds,
)
from intake_app.domain.sync_signing import canonical_body, sign_body, signing_key, verify_body
from intake_app.domain.sync_updates import (
    APPLIED,
    HISTORY_ONLY,
    BadUpdate,
    parse_update,
    plan_province_update,
)


@given(st.integers(min_value=-5, max_value=10_000), st.floats(min_value=0, max_value=1))
def test_backoff_stays_between_5_seconds_and_15_minutes(attempt, jitter) -> None:
    assert BACKOFF_BASE_S <= backoff_delay(attempt, jitter) <= BACKOFF_CAP_S


def test_backoff_doubles_with_jitter_then_caps() -> None:
    lows = [backoff_delay(n, 0.0) for n in range(1, 12)]
    highs = [backoff_delay(n, 1.0) for n in range(1, 12)]
    assert highs == [5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900]
    assert lows == [5, 5, 10, 20, 40, 80, 160, 320, 450, 450, 450]
    rng = random.Random(7)
    spread = {round(backoff_delay(6, rng.random()), 3) for _ in range(50)}
    assert len(spread) > 40  # stations failing together do not retry together


def test_each_answer_of_the_contract_has_its_action() -> None:
    assert classify(200) is Answer.OK
    assert {classify(s) for s in (401, 403)} == {Answer.AUTH}
    assert classify(409) is Answer.REPLAY
    assert classify(413) is Answer.TOO_LARGE
    assert classify(422) is Answer.ENVELOPE
    assert {classify(s) for s in (429, 503)} == {Answer.THROTTLED}
    assert {classify(s) for s in (500, 502, 504, 400, 404, 302)} == {Answer.RETRY}


def test_retry_after_is_whole_seconds_within_limits() -> None:
    assert retry_after_seconds("30") == 30
    assert retry_after_seconds("0") == 1  # never a busy loop
    assert retry_after_seconds("86400") == BACKOFF_CAP_S
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("Wed, 21 Oct 2026 07:28:00 GMT") is None
    assert retry_after_seconds("-3") is None


def test_batches_respect_500_events_and_5_mib() -> None:
    assert events_that_fit([100] * 800, envelope_bytes=200) == 500
    big = 2 * 1024 * 1024
    assert events_that_fit([big, big, big], envelope_bytes=200) == 2
    assert events_that_fit([6 * 1024 * 1024], envelope_bytes=200) == 0
    exact = 5 * 1024 * 1024 - 200 - 1 - 100
    assert events_that_fit([100, exact], envelope_bytes=200) == 2  # the comma counts
    assert events_that_fit([100, exact + 1], envelope_bytes=200) == 1


def test_results_must_answer_each_event_in_order() -> None:
    ok = parse_results(["a"], {"results": [{"event_id": "a", "status": "duplicate"}]})
    assert ok[0].state == "delivered"
    with pytest.raises(ProtocolError, match="2 results for 1"):
        parse_results(["a"], {"results": [{"event_id": "a", "status": "accepted"}] * 2})
    with pytest.raises(ProtocolError, match="result for b where a"):
        parse_results(["a"], {"results": [{"event_id": "b", "status": "accepted"}]})
    with pytest.raises(ProtocolError, match="unknown result status"):
        parse_results(["a"], {"results": [{"event_id": "a", "status": "maybe"}]})
    with pytest.raises(ProtocolError):
        parse_results(["a"], ["not", "an", "object"])
    rejected = parse_results(["a"], {"results": [{"event_id": "a", "status": "rejected"}]})
    assert (rejected[0].state, rejected[0].code) == ("rejected", "rejected")


def test_clock_and_counts() -> None:
    assert not clock_is_wrong(299) and clock_is_wrong(-301)
    assert compare_counts(5, 2, {"events": 5, "dossiers": 2}) is None
    assert compare_counts(5, 2, {"events": 6, "dossiers": 2}).as_dict() == {
        "station_events": 5, "station_dossiers": 2, "gateway_events": 6, "gateway_dossiers": 2}
    with pytest.raises(ProtocolError):
        compare_counts(5, 2, {"events": "5", "dossiers": 2})


@pytest.mark.parametrize("url, expected", [
    ("https://gw.tinh.gov.vn", "https://gw.tinh.gov.vn"),
    ("HTTPS://gw.tinh.gov.vn:8443/base/", "https://gw.tinh.gov.vn:8443/base"),
    ("http://localhost:8000", "http://localhost:8000"),
    ("http://127.0.0.1:9", "http://127.0.0.1:9"),
    ("http://127.200.3.4", "http://127.200.3.4"),
    ("http://[::1]:8080", "http://[::1]:8080"),
])
def test_gateway_addresses_accepted(url, expected) -> None:
    assert check_gateway_url(url) == expected


@pytest.mark.parametrize("url, says", [
    ("http://10.1.2.3", "only to this computer"),
    ("http://192.168.1.10:8000", "only to this computer"),
    ("http://gw.tinh.gov.vn", "only to this computer"),
    ("http://128.0.0.1", "only to this computer"),
    ("ftp://gw.tinh.gov.vn", "must start with https://"),
    ("gw.tinh.gov.vn", "must start with https://"),
    ("https://user:pw@gw.tinh.gov.vn", "user name"),
    ("https://gw.tinh.gov.vn/?x=1", "query"),
    ("", "must start with https://"),
])
def test_gateway_addresses_refused_with_a_clear_message(url, says) -> None:
    with pytest.raises(SyncConfigError) as caught:
        check_gateway_url(url)
    assert says in caught.value.detail  # English, for the log file
    assert caught.value.message.startswith(("Địa chỉ máy chủ", "Chỉ được dùng http://"))
    assert caught.value.exit_code == 2  # InvalidInput


def test_tokens_are_one_printable_word() -> None:
    assert check_token("abc_DEF-123.xyz\n") == "abc_DEF-123.xyz"
    for bad in ("", "   ", "two words", "mã"):
        with pytest.raises(SyncConfigError):
            check_token(bad)


def test_signature_follows_the_contract_byte_for_byte() -> None:
    import hashlib
    import hmac
    import json

    body = {"batch_id": "b", "events": [{"ChuHoSo": "Nguyễn Văn Đức", "n": 1}], "station_no": 2}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False).encode()
    assert canonical_body({**body, "signature": "x"}) == canonical
    key = hmac.new(b"tok", b"intake batch file v1", hashlib.sha256).digest()
    assert signing_key("tok") == key and len(key) == 32
    signed = sign_body(body, "tok")
    assert signed["signature"] == hmac.new(key, canonical, hashlib.sha256).hexdigest()
    assert verify_body(signed, "tok")
    assert not verify_body({**signed, "station_no": 3}, "tok")
    assert not verify_body(body, "tok")


# ---- the province's updates ------------------------------------------------------------------

@pytest.fixture
def dossier(make_desk):
    desk = make_desk(FakeClock(at("2026-03-02 08:00")))
    return desk.receive(intake_request()).dossier


def update(dossier, status, **fields):
    return parse_update({"update_id": "u1", "dossier_id": dossier.dossier_id,
                         "MaHoSo": dossier.code, "TrangThaiHoSo": status,
                         "at": "2026-03-03T09:00:00+07:00", "by": "Phòng Tư pháp",
                         "note": "Đang thẩm định", **fields})


def test_a_legal_status_moves_the_dossier_but_not_its_version(dossier) -> None:
    plan = plan_province_update(dossier, update(dossier, 4), now=at("2026-03-03 10:00"),
                                calendar=WorkCalendar())
    assert plan.outcome == APPLIED
    assert plan.dossier.status == DossierStatus.IN_PROCESSING
    assert plan.dossier.version == dossier.version  # no outbox event: nothing to send back
    assert plan.history_status == 4 and plan.note == "Đang thẩm định"
    assert plan.detail["status_applied"] is True

    done = plan_province_update(dossier, update(dossier, 9), now=at("2026-03-03 10:00"),
                                calendar=WorkCalendar())
    assert done.dossier.status == DossierStatus.DONE
    assert done.dossier.finished_at == at("2026-03-03 09:00")  # when the province did it


def test_an_illegal_status_is_recorded_in_the_history_only_and_flagged(dossier) -> None:
    returned = replace(dossier, status=DossierStatus.RETURNED)
    plan = plan_province_update(returned, update(returned, 4), now=at("2026-03-03 10:00"),
                                calendar=WorkCalendar())
    assert plan.outcome == HISTORY_ONLY and plan.dossier is None
    assert plan.history_status is None
    assert "not a legal step" in plan.reason
    assert plan.detail["flag"].startswith("Không thể chuyển")


def test_a_remark_without_status_or_with_the_same_status_changes_nothing(dossier) -> None:
    for status in (None, 2):
        plan = plan_province_update(dossier, update(dossier, status), now=at("2026-03-03 10:00"),
                                    calendar=WorkCalendar())
        assert plan.outcome == APPLIED and plan.dossier is None
        assert plan.history_status == 2


def test_updates_are_checked_against_the_contract(dossier) -> None:
    with pytest.raises(BadUpdate, match="update_id"):
        parse_update({"dossier_id": "x"})
    with pytest.raises(BadUpdate, match="1-10"):
        update(dossier, 11)
    quiet = parse_update({"update_id": "u", "dossier_id": dossier.dossier_id.upper(),
                          "at": "garbage", "by": "  "})
    assert quiet.dossier_id == dossier.dossier_id and quiet.at is None
    assert quiet.by == "Hệ thống của tỉnh" and quiet.status is None
    late = plan_province_update(dossier, update(dossier, 9, at=None), now=at("2026-03-04 10:00"),
                                calendar=WorkCalendar())
    assert late.dossier.finished_at == at("2026-03-04 10:00")
    assert timedelta(0) < late.dossier.finished_at - dossier.received_at

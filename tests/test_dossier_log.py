"""The daily dossier log: row digests, the chain of day seals, and the printable model."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from intake_app.domain.clock import VN_TZ
from intake_app.domain.dossier_log import (
    GENESIS,
    DaySeal,
    LogRow,
    ProblemKind,
    build_log,
    day_hash,
    row_digest,
    rows_by_day,
    seal_day,
    verify_chain,
)

DAYS = [date(2026, 2, 11), date(2026, 2, 12), date(2026, 2, 13)]


def make_row(day: date = DAYS[2], seq: int = 1, number: int = 1, **changes: object) -> LogRow:
    received = datetime(day.year, day.month, day.day, 8, 0, tzinfo=VN_TZ) + timedelta(minutes=seq)
    row = LogRow(
        ledger_book="01/2026",
        ledger_number=number,
        code=f"000.00.12.H56-{day:%y%m%d}-2{seq:03d}",
        procedure_code="2.000815",
        procedure_name="Chứng thực bản sao từ bản chính",
        applicant_name="Nguyễn Văn Đức",
        address="Thôn Phước Yên, xã Ưu Điềm",
        phone="0912345678",
        sets=1,
        processing_unit="",
        received_at=received,
        due_at=received + timedelta(days=1),
        returned_at=None,
        delivery="counter",
        clerk="Trần Thị Mai",
        note="",
    )
    return replace(row, **changes)


def three_days() -> dict[date, list[LogRow]]:
    """Four dossiers a day over three days, ledger numbers running on across days."""
    rows: dict[date, list[LogRow]] = {}
    number = 0
    for day in DAYS:
        rows[day] = []
        for seq in range(1, 5):
            number += 1
            clerk = "Trần Thị Mai" if seq % 2 else "Lê Văn Hùng"
            rows[day].append(make_row(day, seq, number, clerk=clerk))
    return rows


def seal_all(rows: dict[date, list[LogRow]]) -> list[DaySeal]:
    seals: list[DaySeal] = []
    previous = GENESIS
    for day in sorted(rows):
        seal = seal_day(previous, day, rows[day])
        seals.append(seal)
        previous = seal.hash
    return seals


# --- digests -------------------------------------------------------------------------------


def test_digest_is_stable_hex() -> None:
    digest = row_digest(make_row())
    assert digest == row_digest(make_row())
    assert len(digest) == 64
    int(digest, 16)


SEALED_CHANGES = {
    "ledger_book": "02/2026",
    "ledger_number": 2,
    "code": "000.00.12.H56-260213-2999",
    "procedure_code": "2.000884",
    "procedure_name": "Chứng thực chữ ký",
    "applicant_name": "Nguyễn Văn Đúc",
    "address": "Thôn Đông Phú",
    "phone": "0987654321",
    "sets": 2,
    "received_at": datetime(2026, 2, 13, 8, 2, tzinfo=VN_TZ),
    "delivery": "post",
    "clerk": "Lê Văn Hùng",
}


@pytest.mark.parametrize("field", sorted(SEALED_CHANGES))
def test_digest_changes_with_every_sealed_fact(field: str) -> None:
    assert row_digest(make_row(**{field: SEALED_CHANGES[field]})) != row_digest(make_row())


@pytest.mark.parametrize(
    "changes",
    [
        {"due_at": datetime(2026, 2, 20, 8, 0, tzinfo=VN_TZ)},
        {"due_at": None},
        {"returned_at": datetime(2026, 2, 14, 9, 0, tzinfo=VN_TZ)},
        {"processing_unit": "Công chức Tư pháp - Hộ tịch"},
        {"note": "Đã bổ sung giấy ủy quyền"},
    ],
)
def test_digest_ignores_what_changes_after_closing(changes: dict[str, object]) -> None:
    assert row_digest(make_row(**changes)) == row_digest(make_row())


def test_composed_and_decomposed_names_give_the_same_digest() -> None:
    name = "Nguyễn Thị Hương Đào"
    nfd = unicodedata.normalize("NFD", name)
    assert nfd != name
    assert row_digest(make_row(applicant_name=nfd)) == row_digest(make_row(applicant_name=name))


def test_the_same_instant_in_another_zone_gives_the_same_digest() -> None:
    row = make_row()
    utc = row.received_at.astimezone(UTC)
    assert row_digest(replace(row, received_at=utc)) == row_digest(row)


def test_day_hash_depends_on_order_previous_and_day() -> None:
    digests = ["a" * 64, "b" * 64]
    base = day_hash(GENESIS, DAYS[0], digests)
    assert base == day_hash(GENESIS, DAYS[0], digests)
    assert day_hash(GENESIS, DAYS[0], digests[::-1]) != base
    assert day_hash("1" * 64, DAYS[0], digests) != base
    assert day_hash(GENESIS, DAYS[1], digests) != base


def test_seal_lists_codes_in_ledger_order() -> None:
    rows = three_days()[DAYS[0]]
    seal = seal_day(GENESIS, DAYS[0], list(reversed(rows)))
    assert list(seal.digests) == [row.code for row in rows]
    assert seal.count == 4
    assert seal.hash == day_hash(GENESIS, DAYS[0], [row_digest(row) for row in rows])


def test_seal_round_trips_through_its_dict_form() -> None:
    seal = seal_day(GENESIS, DAYS[0], three_days()[DAYS[0]])
    again = DaySeal.from_dict(seal.to_dict())
    assert again == seal
    assert list(again.digests) == list(seal.digests)


# --- the chain -----------------------------------------------------------------------------


def test_an_untouched_chain_verifies_clean() -> None:
    rows = three_days()
    assert verify_chain(seal_all(rows), rows) == []


def test_later_changes_to_unsealed_fields_verify_clean() -> None:
    rows = three_days()
    seals = seal_all(rows)
    first = rows[DAYS[1]][0]
    rows[DAYS[1]][0] = replace(
        first,
        returned_at=datetime(2026, 2, 14, 10, 0, tzinfo=VN_TZ),
        processing_unit="Phòng Kinh tế",
        note="Đã trả",
    )
    assert verify_chain(seals, rows) == []


def test_a_changed_applicant_name_is_named() -> None:
    rows = three_days()
    seals = seal_all(rows)
    target = rows[DAYS[1]][2]
    rows[DAYS[1]][2] = replace(target, applicant_name="Nguyễn Văn Đạt")
    problems = verify_chain(seals, rows)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.kind is ProblemKind.CHANGED
    assert problem.kind == "changed"
    assert problem.day == DAYS[1]
    assert problem.code == target.code
    assert problem.message == f"Ngày 12/02/2026: hồ sơ {target.code} đã bị sửa sau khi khóa sổ."


def test_a_removed_row_is_reported() -> None:
    rows = three_days()
    seals = seal_all(rows)
    gone = rows[DAYS[0]].pop(1)
    problems = verify_chain(seals, rows)
    assert [(p.kind, p.day, p.code) for p in problems] == [
        (ProblemKind.REMOVED, DAYS[0], gone.code)
    ]
    assert "11/02/2026" in problems[0].message


def test_an_added_row_is_reported() -> None:
    rows = three_days()
    seals = seal_all(rows)
    extra = make_row(DAYS[2], 9, 99)
    rows[DAYS[2]].append(extra)
    problems = verify_chain(seals, rows)
    assert [(p.kind, p.day, p.code) for p in problems] == [(ProblemKind.ADDED, DAYS[2], extra.code)]


def test_a_row_back_dated_into_an_unsealed_gap_is_reported() -> None:
    rows = three_days()
    seals = seal_all(rows)
    gap = date(2026, 2, 12)
    seals = [seal for seal in seals if seal.day != gap]
    # re-link the chain around the gap so only the back-dated rows can be blamed
    relinked = seal_day(seals[0].hash, DAYS[2], rows[DAYS[2]])
    rows.pop(gap)
    clean = {DAYS[0]: rows[DAYS[0]], DAYS[2]: rows[DAYS[2]]}
    assert verify_chain([seals[0], relinked], clean) == []
    back_dated = make_row(gap, 7, 50)
    problems = verify_chain([seals[0], relinked], {**clean, gap: [back_dated]})
    assert [(p.kind, p.day, p.code) for p in problems] == [
        (ProblemKind.ADDED, gap, back_dated.code)
    ]


def test_a_second_row_under_a_sealed_code_is_reported() -> None:
    rows = three_days()
    seals = seal_all(rows)
    copy = replace(rows[DAYS[0]][1], ledger_number=77)
    rows[DAYS[0]].append(copy)
    problems = verify_chain(seals, rows)
    assert [(p.kind, p.code) for p in problems] == [(ProblemKind.ADDED, copy.code)]


def test_a_tampered_previous_hash_breaks_the_link() -> None:
    rows = three_days()
    seals = seal_all(rows)
    seals[1] = replace(seals[1], previous_hash="f" * 64)
    problems = verify_chain(seals, rows)
    assert problems
    assert {p.kind for p in problems} == {ProblemKind.BROKEN_LINK}
    assert all(p.day == DAYS[1] and p.code is None for p in problems)


def test_a_reforged_seal_still_breaks_the_next_link() -> None:
    """Editing a row and re-sealing its day is caught by the following day's link."""
    rows = three_days()
    seals = seal_all(rows)
    rows[DAYS[0]][0] = replace(rows[DAYS[0]][0], applicant_name="Người Khác")
    seals[0] = seal_day(GENESIS, DAYS[0], rows[DAYS[0]])
    problems = verify_chain(seals, rows)
    assert [(p.kind, p.day) for p in problems] == [(ProblemKind.BROKEN_LINK, DAYS[1])]


def test_a_seal_with_edited_digests_does_not_match_its_hash() -> None:
    rows = three_days()
    seals = seal_all(rows)
    digests = dict(seals[2].digests)
    first = next(iter(digests))
    digests[first] = "0" * 64
    seals[2] = replace(seals[2], digests=digests)
    kinds = sorted(str(p.kind) for p in verify_chain(seals, rows))
    assert kinds == ["broken_link", "changed"]


def test_a_dropped_seal_breaks_the_link() -> None:
    rows = three_days()
    seals = seal_all(rows)
    del seals[1]
    problems = verify_chain(seals, rows)
    assert (ProblemKind.BROKEN_LINK, DAYS[2]) in [(p.kind, p.day) for p in problems]


def test_an_empty_day_is_sealed_too() -> None:
    seal = seal_day(GENESIS, DAYS[0], [])
    assert seal.count == 0
    assert verify_chain([seal], {}) == []
    late = make_row(DAYS[0], 1, 1)
    assert [p.kind for p in verify_chain([seal], {DAYS[0]: [late]})] == [ProblemKind.ADDED]


# --- the printable model -------------------------------------------------------------------


def build(rows: dict[date, list[LogRow]], seals: list[DaySeal], **changes: object):
    options: dict[str, object] = {
        "start": DAYS[0],
        "end": DAYS[2],
        "unit_name": "UBND xã Ưu Điềm",
        "place_name": "Ưu Điềm",
        "clerk": None,
        "today": DAYS[2],
    }
    options.update(changes)
    flat = [row for day_rows in rows.values() for row in day_rows]
    return build_log(flat, {seal.day: seal for seal in seals}, **options)


def test_log_groups_by_day_in_ledger_order_with_sealed_hashes() -> None:
    rows = three_days()
    seals = seal_all(rows)[:2]  # the last day is still open
    log = build(rows, seals)
    assert [group.day for group in log.days] == DAYS
    assert [group.count for group in log.days] == [4, 4, 4]
    assert [group.sealed for group in log.days] == [True, True, False]
    assert log.days[0].hash == seals[0].hash
    assert log.days[1].hash == seals[1].hash
    # the provisional hash is what sealing the day now would give
    assert log.days[2].hash == seal_day(seals[1].hash, DAYS[2], rows[DAYS[2]]).hash
    numbers = [row.ledger_number for row in log.rows]
    assert numbers == sorted(numbers) == list(range(1, 13))
    assert log.books == ("01/2026",)
    assert log.totals.rows == 12


def test_foot_lines() -> None:
    rows = three_days()
    seals = seal_all(rows)[:2]
    log = build(rows, seals)
    sealed, open_day = log.foot_line(log.days[0]), log.foot_line(log.days[2])
    assert sealed == f"Ngày 11/02/2026: 4 hồ sơ — Mã kiểm tra: {seals[0].hash[:16]}…"
    assert open_day.endswith("(tạm, ngày chưa khóa sổ)")
    assert log.days[2].hash in log.foot_line(log.days[2], full_hash=True)


def test_clerk_filter_keeps_the_whole_day_hash() -> None:
    rows = three_days()
    seals = seal_all(rows)
    whole = build(rows, seals)
    mine = build(rows, seals, clerk="Trần Thị Mai")
    assert mine.clerk == "Trần Thị Mai"
    assert [group.count for group in mine.days] == [2, 2, 2]
    assert [group.day_count for group in mine.days] == [4, 4, 4]
    assert [g.hash for g in mine.days] == [g.hash for g in whole.days]
    assert all(row.clerk == "Trần Thị Mai" for row in mine.rows)
    line = mine.foot_line(mine.days[0])
    assert "2 hồ sơ (cả ngày: 4)" in line
    assert "Mã kiểm tra của cả ngày" in line


def test_provisional_hash_of_a_filtered_log_covers_every_clerk() -> None:
    rows = three_days()
    seals = seal_all(rows)[:2]
    whole = build(rows, seals)
    mine = build(rows, seals, clerk="Lê Văn Hùng")
    assert mine.days[2].hash == whole.days[2].hash
    assert not mine.days[2].sealed


def test_range_and_totals() -> None:
    rows = three_days()
    rows[DAYS[1]][0] = replace(
        rows[DAYS[1]][0], returned_at=datetime(2026, 2, 13, 9, 0, tzinfo=VN_TZ)
    )
    rows[DAYS[1]][1] = replace(rows[DAYS[1]][1], delivery="post")
    log = build(rows, seal_all(rows), start=DAYS[1], end=DAYS[1])
    assert [group.day for group in log.days] == [DAYS[1]]
    assert log.totals.rows == 4
    assert log.totals.returned == 1
    assert (log.totals.at_counter, log.totals.by_post) == (3, 1)
    assert log.range_text == "Từ ngày 12/02/2026 đến ngày 12/02/2026"


def test_previous_hash_of_an_open_day_comes_from_the_callback() -> None:
    rows = three_days()
    seals = seal_all(rows)[:2]
    asked: list[date] = []

    def previous_for(day: date) -> str:
        asked.append(day)
        return seals[1].hash

    log = build(rows, [], start=DAYS[2], end=DAYS[2], previous_hash_for=previous_for)
    assert asked == [DAYS[2]]
    assert log.days[0].hash == seal_day(seals[1].hash, DAYS[2], rows[DAYS[2]]).hash


def test_rows_by_day_uses_the_local_day() -> None:
    late = make_row(received_at=datetime(2026, 2, 12, 17, 30, tzinfo=UTC))
    assert list(rows_by_day([late])) == [date(2026, 2, 13)]

"""The audit trail on a real data folder: every write records itself in the same transaction,
and a record edited, removed or inserted with sqlite3 (by someone without the key, which lives
in the OS credential store) is named by `intake-app audit verify`, which exits 1. The daily
log's seals are keyed and copied into the trail, so deleting them no longer hides an edit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import (
    SUPERVISOR,
    FakeClock,
    acting,
    as_user,
    at,
    gateway_time_seen,
    intake_request,
    rows,
    run_cli,
)
from station_db import open_db

from intake_app.desk import Desk
from intake_app.domain.calendar import CalendarOverride, OverrideKind
from intake_app.domain.dossier_log import GENESIS, seal_day
from intake_app.domain.errors import StorageProblem
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.slips import SlipKind
from intake_app.domain.status import DossierStatus
from intake_app.store import ledger
from intake_app.store.db import DATABASE_FILE, write_transaction


def sql(data_dir: Path, *statements: str) -> None:
    """What a person with a SQLite tool does to the file (no key: it is not in the folder)."""
    with open_db(data_dir / DATABASE_FILE) as conn:
        for statement in statements:
            conn.execute(statement)


def verify(capsys, data_dir: Path) -> tuple[int, dict, str]:
    status, output, err = run_cli(capsys, data_dir, "audit", "verify", user=SUPERVISOR)
    return status, output, err


@pytest.fixture
def worked(make_desk, tmp_path) -> Desk:
    """A station after a morning's work: receipts, steps, a slip, a reprint, a calendar day."""
    desk = make_desk(FakeClock(at("2026-03-02 08:00")))
    first = desk.receive(intake_request()).dossier.code
    second = desk.receive(intake_request()).dossier.code
    desk.step(first, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa", to_unit="Tư pháp"))
    desk.step(first, StepRequest(DossierStatus.SUPPLEMENT_REQUESTED, "Lê Thị Hoa",
                                 note="Thiếu giấy", documents=("Giấy chứng sinh",)))
    desk.issue_slip(first, SlipKind.SUPPLEMENT, tmp_path / "slip.pdf")
    desk.reprint_receipt(second, tmp_path / "copy.pdf")
    with acting(desk, SUPERVISOR):
        desk.set_calendar_day(CalendarOverride(at("2026-03-06 00:00").date(),
                                               OverrideKind.DAY_OFF, "Nghỉ"))
        desk.set_setting("contact_phone", "0233 3850 111")
    desk.codes = (first, second)  # type: ignore[attr-defined]
    return desk


def test_every_write_appends_its_record(worked) -> None:
    first, second = worked.codes
    with acting(worked, SUPERVISOR):
        records = list(reversed(worked.audit.records()))
    assert [(r.action, r.target) for r in records] == [
        ("station.set_up", "000.00.12.H56/2"), ("account.created", "quantri"),
        ("account.created", "hoa.lt"), ("account.created", "nam.tv"),
        ("dossier.received", first), ("dossier.received", second),
        ("dossier.handed_over", first), ("dossier.supplement_requested", first),
        ("slip.printed", first), ("receipt.reprinted", second),
        ("calendar.set", "2026-03-06"), ("setting.changed", "contact_phone"),
    ]
    received = records[4]
    assert received.actor == "hoa.lt" and received.at == "2026-03-02T08:00:00+07:00"
    assert [r.actor for r in records[-2:]] == ["nam.tv", "nam.tv"]  # the account, by login
    ((event_id,),) = rows(worked.data_dir, "SELECT event_id FROM outbox ORDER BY id LIMIT 1")
    assert received.detail["event_id"] == event_id
    with acting(worked, SUPERVISOR):
        assert worked.audit.verify().ok
    assert worked.audit.head().count == len(records)


def test_a_printed_report_is_recorded_by_its_account(make_desk, tmp_path) -> None:
    desk = make_desk(FakeClock(at("2026-03-02 08:00")), user=SUPERVISOR)
    desk.receive(intake_request())
    printed = desk.reports.print_06a(at("2026-03-01 00:00").date(),
                                     at("2026-03-31 00:00").date(), tmp_path / "06a.pdf")
    (record,) = [r for r in desk.audit.records() if r.action == "report.printed"]
    assert record.actor == SUPERVISOR and record.detail["print_id"] == printed.print_id
    assert record.detail["file"] == "06a.pdf"


def test_a_write_whose_record_cannot_be_made_is_not_saved(worked, monkeypatch) -> None:
    from intake_app.store import audit as audit_store
    from intake_app.store import cipher

    before = rows(worked.data_dir, "SELECT count(*) FROM dossiers")
    events = rows(worked.data_dir, "SELECT count(*) FROM outbox")

    def broken(*args, **kwargs):
        raise cipher.driver.OperationalError("disk I/O error")  # as SQLCipher raises it

    monkeypatch.setattr(audit_store, "append", broken)
    with pytest.raises(StorageProblem):  # the disk's error, said as the data folder's problem
        worked.receive(intake_request())
    assert rows(worked.data_dir, "SELECT count(*) FROM dossiers") == before
    assert rows(worked.data_dir, "SELECT count(*) FROM outbox") == events


def test_a_clean_trail_verifies(worked, capsys) -> None:
    status, output, _ = verify(capsys, worked.data_dir)
    assert status == 0 and output["ok"] and output["records"] == 12  # set-up, 3 accounts, 8


def _seq_of(data_dir: Path, action: str) -> int:
    return rows(data_dir, "SELECT seq FROM audit_log WHERE action = ? ORDER BY seq LIMIT 1",
                [action])[0][0]


def test_an_edited_record_is_named(worked, capsys) -> None:
    seq = _seq_of(worked.data_dir, "dossier.supplement_requested")
    sql(worked.data_dir, f"UPDATE audit_log SET actor = 'Trưởng bộ phận' WHERE seq = {seq}")
    status, output, err = verify(capsys, worked.data_dir)
    assert status == 1 and not output["ok"]
    assert [(p["kind"], p["seq"]) for p in output["problems"]] == [("edited", seq)]
    assert f"Bản ghi số {seq} (dossier.supplement_requested" in err and "đã bị sửa" in err


def test_a_removed_record_is_named_and_so_is_a_removed_tail(worked, capsys) -> None:
    seq = _seq_of(worked.data_dir, "dossier.supplement_requested")
    sql(worked.data_dir, f"DELETE FROM audit_log WHERE seq = {seq}")
    status, output, err = verify(capsys, worked.data_dir)
    assert status == 1 and [(p["kind"], p["seq"]) for p in output["problems"]] == [
        ("removed", seq)]
    assert f"Bản ghi số {seq} đã bị xóa" in err

    sql(worked.data_dir, "DELETE FROM audit_log WHERE seq >= 11")  # and the last two
    status, output, err = verify(capsys, worked.data_dir)
    assert status == 1 and ("removed", 11) in [(p["kind"], p["seq"]) for p in output["problems"]]
    assert "từ số 11 đến số 12" in err


def test_an_inserted_record_is_named_in_the_middle_and_at_the_end(worked, capsys) -> None:
    data_dir = worked.data_dir
    ((previous,),) = rows(data_dir, "SELECT hash FROM audit_log WHERE seq = 3")
    # Make room after record 3 (as a tamperer must) and slip a forged record in.
    sql(data_dir, "UPDATE audit_log SET seq = seq + 100 WHERE seq > 3",
        "UPDATE audit_log SET seq = seq - 99 WHERE seq > 100",
        "INSERT INTO audit_log (seq, at, actor, action, target, detail, previous, hash) "
        f"VALUES (4, '2026-03-02T08:01:00+07:00', 'Lê Thị Hoa', 'dossier.voided', 'X', '{{}}', "
        f"'{previous}', '{'ab' * 32}')")
    status, output, err = verify(capsys, data_dir)
    assert status == 1 and [(p["kind"], p["seq"]) for p in output["problems"]] == [
        ("inserted", 4)]
    assert "Bản ghi số 4 (dossier.voided X, Lê Thị Hoa" in err and "chèn thêm" in err

    sql(data_dir, "DELETE FROM audit_log WHERE seq = 4",
        "UPDATE audit_log SET seq = seq - 1 WHERE seq > 4")
    assert verify(capsys, data_dir)[0] == 0  # back as it was
    sql(data_dir, "INSERT INTO audit_log (seq, at, actor, action, target, detail, previous, "
        f"hash) SELECT 13, at, 'admin', 'account.role', 'hoa.lt', '{{}}', hash, '{'cd' * 32}' "
        "FROM audit_log WHERE seq = 12")
    status, output, _ = verify(capsys, data_dir)
    assert status == 1 and [(p["kind"], p["seq"]) for p in output["problems"]] == [
        ("inserted", 13)]


def test_the_head_cannot_be_moved_back_without_the_key(worked, capsys) -> None:
    sql(worked.data_dir, "DELETE FROM audit_log WHERE seq = 12",
        "UPDATE audit_head SET count = 11, hash = (SELECT hash FROM audit_log WHERE seq = 11)")
    status, output, err = verify(capsys, worked.data_dir)
    assert status == 1 and output["problems"][0]["kind"] == "head"
    assert "Dấu cuối của nhật ký kiểm toán đã bị sửa" in err


def test_without_the_key_nothing_is_verified_or_written(worked, capsys,
                                                        station_credentials) -> None:
    station_credentials.clear()  # a PC whose credential store never held this station's keys
    status, _, err = verify(capsys, worked.data_dir)
    assert status == 4 and "keys restore" in err


def test_another_stations_key_is_told_from_tampering(worked, capsys) -> None:
    sql(worked.data_dir, "UPDATE audit_head SET key_id = 'ffffffffffffffff'")
    status, output, err = verify(capsys, worked.data_dir)  # same key, edited key id: reported
    assert status == 1 and "Mã khóa ghi ở dấu cuối" in err
    sql(worked.data_dir, f"UPDATE audit_head SET mac = '{'0' * 64}'")
    status, _, err = verify(capsys, worked.data_dir)  # now nothing says this key signed it
    assert status == 4 and "không phải khóa đã ký nhật ký" in err


def test_audit_list_filters(worked, capsys) -> None:
    first, second = worked.codes
    status, listed, _ = run_cli(capsys, worked.data_dir, "audit", "list", "--dossier", first,
                                user=SUPERVISOR)
    assert status == 0
    assert [r["action"] for r in listed] == ["slip.printed", "dossier.supplement_requested",
                                             "dossier.handed_over", "dossier.received"]
    status, listed, _ = run_cli(capsys, worked.data_dir, "audit", "list", "--user",
                                "nam.tv", user=SUPERVISOR)
    assert [r["action"] for r in listed] == ["setting.changed", "calendar.set"]
    status, listed, _ = run_cli(capsys, worked.data_dir, "audit", "list", "--from",
                                "2026-03-03", "--to", "2026-03-31", user=SUPERVISOR)
    assert listed == []
    status, listed, _ = run_cli(capsys, worked.data_dir, "audit", "list", "--from",
                                "2026-03-02", "--to", "2026-03-02", user=SUPERVISOR)
    assert len(listed) == 8  # all but the set-up and its accounts, made on the real day


# ---- the daily log's seals ----------------------------------------------------------------------

@pytest.fixture
def sealed(make_desk):
    """Two days of dossiers, sealed (keyed seals): 2 March by the first stamp of 3 March,
    3 March at the start of the fourth, once the gateway's time has been seen."""
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock, user=SUPERVISOR)
    codes = [desk.receive(intake_request()).dossier.code for _ in range(2)]
    clock.now = at("2026-03-03 08:00")
    codes += [desk.receive(intake_request()).dossier.code for _ in range(2)]
    clock.now = at("2026-03-04 08:00")
    gateway_time_seen(desk, clock.now)  # a trusted clock has seen 3 March end
    assert [d.isoformat() for d in desk.ledger.seal_closed_days()] == ["2026-03-03"]
    assert [seal.day.isoformat() for seal in ledger.seals(desk.db)] == ["2026-03-02",
                                                                         "2026-03-03"]
    desk.codes = codes  # type: ignore[attr-defined]
    return desk


def _rename(data_dir: Path, code: str, name: str) -> None:
    ((applicant,),) = rows(data_dir, "SELECT applicant FROM dossiers WHERE code = ?", [code])
    party = json.loads(applicant)
    party["name"] = name
    with open_db(data_dir / DATABASE_FILE) as conn:
        conn.execute("UPDATE dossiers SET applicant = ? WHERE code = ?",
                     [json.dumps(party, ensure_ascii=False), code])


def test_seals_are_keyed_and_copied_into_the_audit_trail(sealed) -> None:
    seals = ledger.seals(sealed.db)
    assert [s.scheme for s in seals] == ["hmac", "hmac"]
    copies = [r for r in sealed.audit.records() if r.action == "log.sealed"]
    assert sorted(r.detail["hash"] for r in copies) == sorted(s.hash for s in seals)
    # Anyone can compute a plain seal; the keyed one is not it.
    plain = seal_day(GENESIS, seals[0].day, ledger.log_rows(sealed.db, seals[0].day,
                                                            seals[0].day))
    assert plain.hash != seals[0].hash
    assert sealed.ledger.verify() == []


def test_deleting_the_seals_no_longer_hides_an_edit(sealed, capsys) -> None:
    data_dir = sealed.data_dir
    _rename(data_dir, sealed.codes[1], "Nguyễn Văn Sửa")
    sql(data_dir, "DELETE FROM log_seals")
    status, output, _ = run_cli(capsys, data_dir, "log", "verify", user=SUPERVISOR)
    assert status == 1
    messages = [p["message"] for p in output["problems"]]
    assert "Ngày 02/03/2026: dấu khóa sổ đã bị xóa khỏi cơ sở dữ liệu (nhật ký kiểm toán còn " \
           "giữ bản sao)." in messages
    assert f"Ngày 02/03/2026: hồ sơ {sealed.codes[1]} đã bị sửa sau khi khóa sổ." in messages
    assert [p["code"] for p in output["problems"] if p["kind"] == "changed"] == [
        sealed.codes[1]]
    # The day was not sealed again over the edited rows.
    assert rows(data_dir, "SELECT day FROM log_seals WHERE day <= '2026-03-03'") == []


def test_a_seal_recomputed_without_the_key_is_found(sealed, capsys) -> None:
    data_dir = sealed.data_dir
    _rename(data_dir, sealed.codes[2], "Nguyễn Văn Sửa")
    day = at("2026-03-03 00:00").date()
    with open_db(data_dir / DATABASE_FILE) as conn:
        ((previous,),) = conn.execute("SELECT previous_hash FROM log_seals WHERE day = ?",
                                      [day.isoformat()]).fetchall()
    forged = seal_day(previous, day, ledger.log_rows(sealed.db, day, day))
    sql(data_dir, f"UPDATE log_seals SET hash = '{forged.hash}', digests = "
        f"'{json.dumps(forged.to_dict()['digests'])}', scheme = 'sha256' "
        f"WHERE day = '{day.isoformat()}'")
    status, output, _ = run_cli(capsys, data_dir, "log", "verify", user=SUPERVISOR)
    assert status == 1
    messages = [p["message"] for p in output["problems"]]
    assert "Ngày 03/03/2026: dấu khóa sổ đã bị thay, khác bản sao trong nhật ký kiểm toán." \
        in messages
    assert f"Ngày 03/03/2026: hồ sơ {sealed.codes[2]} đã bị sửa sau khi khóa sổ." in messages


def test_plain_seals_of_an_older_version_still_verify_and_are_anchored(make_desk,
                                                                       capsys) -> None:
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    code = desk.receive(intake_request()).dossier.code
    day = clock.now.date()
    # What the previous version did when it closed 2 March: a plain SHA-256 seal, no audit.
    with write_transaction(desk.db):
        ledger.insert_seal(desk.db, seal_day(GENESIS, day, ledger.log_rows(desk.db, day, day)),
                           "2026-03-03T07:00:00+07:00")
    clock.now = at("2026-03-04 08:00")
    gateway_time_seen(desk, clock.now)  # a trusted clock has seen 3 March end
    assert desk.ledger.verify() == []  # the plain seal still verifies; 3 March is keyed
    anchor = [r for r in as_user(desk, SUPERVISOR).audit.records()
              if r.action == "log.anchored"]
    assert len(anchor) == 1 and anchor[0].detail["day"] == "2026-03-02"
    assert [s.scheme for s in ledger.seals(desk.db)] == ["sha256", "hmac"]

    # A tamperer edits the old day and recomputes its plain seal (anyone can): the anchor tells.
    _rename(desk.data_dir, code, "Nguyễn Văn Sửa")
    forged = seal_day(GENESIS, day, ledger.log_rows(desk.db, day, day))
    sql(desk.data_dir, f"UPDATE log_seals SET hash = '{forged.hash}', digests = "
        f"'{json.dumps(forged.to_dict()['digests'])}' WHERE day = '2026-03-02'")
    status, output, _ = run_cli(capsys, desk.data_dir, "log", "verify", user=SUPERVISOR)
    assert status == 1
    messages = [p["message"] for p in output["problems"]]
    assert "Ngày 02/03/2026: các dấu khóa sổ cũ (trước khi có nhật ký kiểm toán) đã bị sửa " \
           "hoặc xóa." in messages

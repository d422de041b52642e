"""Calendar notices: the shipped ones against their documents, and signed notice files.

The table `DOCUMENTS` below is typed from the documents themselves (docs/official-sources.md
§2): each day with the weekday the document names and what it makes of the day. A wrong date
in the shipped file shows up as a wrong weekday or a missing day.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import (
    PROVINCE_NOTICE,
    SUPERVISOR,
    FakeClock,
    as_user,
    at,
    intake_request,
    rows,
    run_cli,
    write_signed,
)
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from intake_app.domain.calendar import DaySource, OverrideKind, WorkCalendar
from intake_app.domain.calendar_notices import (
    BadNotice,
    BadSignature,
    NoticeNotForThisUnit,
    TrustedKey,
    open_signed_notice,
    parse_notice,
    public_key_bytes,
    sign_notice,
)
from intake_app.paths import resources_dir
from intake_app.store.calendar import shipped_notices

OFF, WORK = OverrideKind.DAY_OFF, OverrideKind.WORKING_DAY
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

DOCUMENTS = {
    # Văn phòng Chính phủ, Công văn 2450/VPCP-KGVX ngày 12/4/2024: holiday Sat 27/4 – Wed 1/5,
    # Monday 29/4 swapped with Saturday 4/5.
    "2450/VPCP-KGVX": (date(2024, 4, 12), "Văn phòng Chính phủ", {
        date(2024, 4, 29): ("thứ Hai", OFF),
        date(2024, 5, 4): ("thứ Bảy", WORK),
    }),
    # Công văn 8726/VPCP-KGVX ngày 26/11/2024 (announced by Thông báo 6150/TB-BLĐTBXH): Tết
    # Sat 25/1 – Sun 2/2/2025; Friday 2/5/2025 swapped with Saturday 26/4/2025.
    "8726/VPCP-KGVX": (date(2024, 11, 26), "Văn phòng Chính phủ", {
        date(2025, 1, 27): ("thứ Hai", OFF),
        date(2025, 1, 28): ("thứ Ba", OFF),
        date(2025, 1, 29): ("thứ Tư", OFF),
        date(2025, 1, 30): ("thứ Năm", OFF),
        date(2025, 1, 31): ("thứ Sáu", OFF),
        date(2025, 4, 26): ("thứ Bảy", WORK),
        date(2025, 5, 2): ("thứ Sáu", OFF),
    }),
    # Bộ Nội vụ, Thông báo 9441/TB-BNV ngày 16/10/2025: Tết Mon 16/2 – Fri 20/2/2026; National
    # Day 1–2/9, Monday 31/8 swapped with Saturday 22/8/2026.
    "9441/TB-BNV": (date(2025, 10, 16), "Bộ Nội vụ", {
        date(2026, 2, 16): ("thứ Hai", OFF),
        date(2026, 2, 17): ("thứ Ba", OFF),
        date(2026, 2, 18): ("thứ Tư", OFF),
        date(2026, 2, 19): ("thứ Năm", OFF),
        date(2026, 2, 20): ("thứ Sáu", OFF),
        date(2026, 8, 22): ("thứ Bảy", WORK),
        date(2026, 8, 31): ("thứ Hai", OFF),
    }),
    # Công văn 12729/VPCP-KGVX ngày 25/12/2025: off Thu 1/1 – Sun 4/1/2026, Friday 2/1
    # swapped with Saturday 10/1/2026.
    "12729/VPCP-KGVX": (date(2025, 12, 25), "Văn phòng Chính phủ", {
        date(2026, 1, 2): ("thứ Sáu", OFF),
        date(2026, 1, 10): ("thứ Bảy", WORK),
    }),
}

NOTICES = shipped_notices()
CAL = WorkCalendar(notices=NOTICES)


# ---- the shipped notices against their documents -----------------------------------------


def test_shipped_notices_are_the_documents() -> None:
    shipped = {n.number: n for n in NOTICES}
    assert set(shipped) == set(DOCUMENTS)
    for number, (issued_on, issuer, days) in DOCUMENTS.items():
        notice = shipped[number]
        assert (notice.issued_on, notice.issuer) == (issued_on, issuer), number
        assert {d.day: d.kind for d in notice.days} == {day: kind for day, (_, kind)
                                                         in days.items()}, number
        assert notice.province_code is None
        assert notice.sources and all(s.startswith("http") for s in notice.sources)
        assert notice.title and all(d.reason for d in notice.days)


@pytest.mark.parametrize("number", sorted(DOCUMENTS))
def test_each_day_of_each_notice_is_in_force_with_its_document(number: str) -> None:
    issued_on, _issuer, days = DOCUMENTS[number]
    for day, (weekday, kind) in days.items():
        assert WEEKDAYS[day.weekday()] == weekday, f"{day} is not a {weekday}"
        assert CAL.is_working_day(day) is (kind == WORK)
        info = CAL.day_info(day)
        assert info is not None and info.source == DaySource.NOTICE
        assert info.document.startswith(f"{number} ngày {issued_on:%d/%m/%Y}")
        # What the notice changes is a real change against the statute alone.
        assert WorkCalendar.statute_is_working_day(day) is (kind == OFF) or \
            day.month in (1, 2)  # the Tết days are statutory too: the notice fixes which


def test_a_swap_gives_back_as_many_days_as_it_takes() -> None:
    for number in ("2450/VPCP-KGVX", "12729/VPCP-KGVX"):
        days = DOCUMENTS[number][2]
        assert sum(k == OFF for _, k in days.values()) == sum(k == WORK for _, k in days.values())


def test_what_could_not_be_confirmed_is_not_shipped() -> None:
    """The 23/11 ↔ 28/11/2026 swap was only proposed; 2027 has no notice yet."""
    raw = json.loads((resources_dir() / "calendar" / "vn-notices.json").read_text("utf-8"))
    assert len(raw["not_shipped"]) == 3
    assert CAL.is_working_day(date(2026, 11, 23))
    assert not CAL.is_working_day(date(2026, 11, 28))
    assert not CAL.is_working_day(date(2026, 11, 24))  # statutory from 2026 (Resolution 80)
    assert all(n.issued_on.year < 2026 for n in NOTICES)
    assert {info.source for info in CAL.year_days(2027)} == {DaySource.STATUTE}


# ---- signed notice files -----------------------------------------------------------------


def test_the_shipped_vendor_key_is_a_real_ed25519_key() -> None:
    from intake_app.store.calendar import trusted_keys

    keys = trusted_keys()
    assert keys["vendor-2026"].scope == "all"
    assert len(keys["vendor-2026"].public_key) == 32


def test_tampered_or_foreign_files_are_refused() -> None:
    vendor, stranger = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    keys = {"v": TrustedKey("v", "Vendor", "all", public_key_bytes(vendor)),
            "p": TrustedKey("p", "Tỉnh 01", "01", public_key_bytes(stranger))}
    signed = sign_notice(PROVINCE_NOTICE, vendor, "v")
    assert open_signed_notice(signed, keys).notice.number == "3120/TB-UBND"
    changed = json.loads(json.dumps(signed))
    changed["notice"]["days"][1]["kind"] = "off"
    with pytest.raises(BadSignature):
        open_signed_notice(changed, keys)
    with pytest.raises(BadSignature, match="không có trong danh sách"):
        open_signed_notice({**signed, "key_id": "someone"}, keys)
    with pytest.raises(BadSignature):  # signed by another key than the one it names
        open_signed_notice({**sign_notice(PROVINCE_NOTICE, stranger, "v")}, keys)
    with pytest.raises(NoticeNotForThisUnit, match="tỉnh mã 01"):  # province 01 signs for 46
        open_signed_notice(sign_notice(PROVINCE_NOTICE, stranger, "p"), keys)
    with pytest.raises(BadNotice):
        open_signed_notice({"format": "something else"}, keys)


def test_a_bad_notice_names_each_wrong_field() -> None:
    body = {**PROVINCE_NOTICE, "issued_on": "2026-13-01", "number": "x" * 61,
            "days": [{"day": "2026-12-31", "kind": "holiday", "reason": "Nghỉ"},
                     {"day": "2026-12-31", "kind": "off", "reason": ""}]}
    with pytest.raises(BadNotice) as caught:
        parse_notice(body)
    assert set(caught.value.problems) == {
        "notice.issued_on", "notice.number", "notice.days[0].kind", "notice.days[1].reason"}
    with pytest.raises(BadNotice):
        parse_notice({**PROVINCE_NOTICE, "days": []})


def test_import_from_the_command_line(data_dir, capsys, signing) -> None:
    """A province's notice: preview, apply, days in force with the number, open dossiers kept."""
    from intake_app.desk import Desk

    clock = FakeClock(at("2026-12-28 09:00"))  # a Monday
    with as_user(Desk(data_dir, clock=clock)) as desk:
        # Chứng thực hợp đồng (2 working days): Mon 28/12 09:00 → Wed 30/12 09:00.
        early = desk.receive(intake_request(procedure="2.001035")).dossier
        clock.advance(days=1)  # Tue 29/12 09:00 → due Thu 31/12 09:00, a day the notice closes
        late = desk.receive(intake_request(procedure="2.001035")).dossier
    assert late.due_at == at("2026-12-31 09:00")
    path = write_signed(signing["folder"], "tb-3120.json", PROVINCE_NOTICE, signing["province"],
                        "tinh-46")

    status, preview, _ = run_cli(capsys, data_dir, "calendar", "import", str(path), "--dry-run",
                                 user=SUPERVISOR)
    assert status == 0 and preview["applied"] is False
    assert [d["day"] for d in preview["days"]] == ["2026-12-31", "2027-01-09"]
    assert preview["days"][0]["worked_before"] and not preview["days"][0]["worked_after"]
    concerned = {d["code"]: d for d in preview["dossiers_concerned"]}
    # The early one is due on Wed 30/12: untouched. The late one's appointment falls on 31/12,
    # now a day off; under the new calendar its due time would be Mon 4/1/2027 09:00.
    assert set(concerned) == {late.code}
    assert concerned[late.code]["appointment_on_day_off"] is True
    assert concerned[late.code]["due_with_notice"] == "2027-01-04T09:00:00+07:00"
    assert concerned[late.code]["days_moved"] == 4
    assert rows(data_dir, "SELECT count(*) FROM calendar_notices") == [(0,)]

    status, done, _ = run_cli(capsys, data_dir, "calendar", "import", str(path), user=SUPERVISOR)
    assert status == 0 and done["applied"] is True
    assert rows(data_dir, "SELECT number, key_id, imported_by FROM calendar_notices") == [
        ("3120/TB-UBND", "tinh-46", "Trần Văn Nam")]  # the supervisor logged in
    # Open dossiers keep the appointment printed on their receipt.
    assert rows(data_dir, "SELECT due_at, statutory_due_at FROM dossiers WHERE code = ?",
                (late.code,)) == [("2026-12-31T09:00:00+07:00",) * 2]

    status, again, _ = run_cli(capsys, data_dir, "calendar", "import", str(path), user=SUPERVISOR)
    assert status == 0 and again["already_imported"] is True and again["applied"] is False
    assert rows(data_dir, "SELECT count(*) FROM calendar_notices") == [(1,)]

    status, days, _ = run_cli(capsys, data_dir, "calendar", "days", "2026")
    by_day = {d["day"]: d for d in days}
    assert by_day["2026-12-31"]["source"] == "notice"
    assert by_day["2026-12-31"]["document"] == "3120/TB-UBND ngày 01/12/2026 (UBND tỉnh Quảng Trị)"
    assert by_day["2026-01-10"]["document"].startswith("12729/VPCP-KGVX")
    assert by_day["2026-11-24"]["source"] == "statute"
    status, due, _ = run_cli(capsys, data_dir, "calendar", "due", "--procedure", "2.001035",
                             "--at", "2026-12-30T09:00:00+07:00")
    # Wed 30/12 09:00 + 16 working hours: 6h30 that day, 31/12 and 1/1 off, the weekend,
    # 8h on Mon 4/1, 1h30 on Tue 5/1 → 09:00. Saturday 9/1 is worked but comes later.
    assert due["due_at"] == "2027-01-05T09:00:00+07:00"

    # A local override still wins over the notice.
    assert run_cli(capsys, data_dir, "calendar", "set-work", "2026-12-31", user=SUPERVISOR)[0] == 0
    status, days, _ = run_cli(capsys, data_dir, "calendar", "days", "2026")
    assert {d["day"]: d["source"] for d in days}["2026-12-31"] == "local"

    status, listed, _ = run_cli(capsys, data_dir, "calendar", "notices")
    assert [(n["number"], n["origin"]) for n in listed][-1] == ("3120/TB-UBND", "imported")
    assert early.code not in concerned


def test_refused_files_change_nothing(data_dir, capsys, signing) -> None:
    folder = signing["folder"]
    good = write_signed(folder, "ok.json", PROVINCE_NOTICE, signing["province"], "tinh-46")
    tampered = folder / "tampered.json"
    raw = json.loads(good.read_text("utf-8"))
    raw["notice"]["days"][0]["day"] = "2026-12-30"
    tampered.write_text(json.dumps(raw), encoding="utf-8")
    status, out, err = run_cli(capsys, data_dir, "calendar", "import", str(tampered),
                               user=SUPERVISOR)
    assert status == 2 and out is None and "Chữ ký của tệp thông báo không đúng" in err

    other = write_signed(folder, "hn.json", {**PROVINCE_NOTICE, "province_code": "01"},
                         signing["vendor"], "vendor-test")
    status, _, err = run_cli(capsys, data_dir, "calendar", "import", str(other), user=SUPERVISOR)
    assert status == 3 and "tỉnh mã 01" in err  # a valid notice, but for Hà Nội

    garbage = folder / "garbage.json"
    garbage.write_bytes(b"\xff\xfe not json")
    status, _, err = run_cli(capsys, data_dir, "calendar", "import", str(garbage), user=SUPERVISOR)
    assert status == 2 and "không phải tệp JSON" in err
    big = folder / "big.json"
    big.write_bytes(b" " * (256 * 1024 + 1))
    assert run_cli(capsys, data_dir, "calendar", "import", str(big),
                   user=SUPERVISOR)[0] == 2
    assert run_cli(capsys, data_dir, "calendar", "import", str(folder / "none.json"),
                   user=SUPERVISOR)[0] == 2
    assert rows(data_dir, "SELECT count(*) FROM calendar_notices") == [(0,)]


# ---- the vendor's tool and the shipped key ---------------------------------------------------

SAMPLE = Path(__file__).parent / "data" / "12729-VPCP-KGVX.vendor-2026.signed.json"


def load_tool():
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "tools" / "calendar_notice.py"
    spec = importlib.util.spec_from_file_location("calendar_notice_tool", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_vendor_key_verifies_a_notice_signed_with_its_private_half(
        data_dir, capsys) -> None:
    """The sample was signed with the vendor's private key (kept outside the repository): the
    public key the app ships is the one that key matches. Importing it changes nothing (it
    restates the shipped 12729/VPCP-KGVX)."""
    status, result, _ = run_cli(capsys, data_dir, "calendar", "import", str(SAMPLE),
                                user=SUPERVISOR)
    assert status == 0 and result["applied"] is True
    assert result["signed_by"].startswith("vendor-2026")
    assert [d["worked_before"] == d["worked_after"] for d in result["days"]] == [True, True]
    assert result["dossiers_concerned"] == []


def test_the_vendor_tool_makes_a_key_signs_and_verifies(tmp_path, capsys) -> None:
    tool = load_tool()
    private = tmp_path / "offline" / "tinh.pem"
    assert tool.main(["keygen", "--key-id", "tinh-46-t", "--owner", "UBND tỉnh", "--scope",
                      "46", "--private-key", str(private)]) == 0
    entry = json.loads(capsys.readouterr().out)
    assert private.stat().st_mode & 0o777 == 0o600
    assert tool.main(["keygen", "--key-id", "x", "--owner", "x", "--private-key",
                      str(private)]) == 1  # never overwrites a private key
    notice = tmp_path / "notice.json"
    notice.write_text(json.dumps(PROVINCE_NOTICE, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "signed.json"
    assert tool.main(["sign", str(notice), "--key-id", "tinh-46-t", "--private-key",
                      str(private), "--out", str(out)]) == 0
    import base64

    key = TrustedKey(entry["key_id"], entry["owner"], entry["scope"],
                     base64.b64decode(entry["public_key"]))
    opened = open_signed_notice(json.loads(out.read_text("utf-8")), {key.key_id: key})
    assert opened.notice.number == "3120/TB-UBND"
    capsys.readouterr()
    assert tool.main(["verify", str(SAMPLE)]) == 0
    assert "OK: 12729/VPCP-KGVX" in capsys.readouterr().out
    assert tool.main(["verify", str(out)]) == 2  # the test key is not one the app ships

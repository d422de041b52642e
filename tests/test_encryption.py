"""Encrypted at rest (issue 12.3): the database is SQLCipher under the station's key, and an
older version's plaintext data folder is converted in place at the first start, safely.

Real files, real processes: a child process is killed after each step of the conversion and
the next start must find every dossier, in an encrypted file, with nothing plaintext left.
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SUPERVISOR, UNIT, FakeClock, as_user, at, intake_request, set_up_accounts
from station_db import open_db, station_key

from intake_app.desk import Desk
from intake_app.paths import DATABASE_FILE
from intake_app.store import cipher
from intake_app.store.encrypt_in_place import STEPS, aside_file, new_file
from intake_app.store.problems import WrongDatabaseKey

ROOT = Path(__file__).resolve().parent.parent
ID_NUMBER = intake_request()["applicant"]["id_number"]


def stamped_station(folder: Path, count: int = 5) -> list[str]:
    with Desk(folder, clock=FakeClock(at("2026-03-02 09:00"))) as desk:
        desk.init_station(**UNIT)
        set_up_accounts(desk)
        as_user(desk)
        desk.write_receipt = lambda receipt: receipt  # type: ignore[method-assign]
        return [desk.receive(intake_request()).dossier.code for _ in range(count)]


def make_plaintext(folder: Path) -> None:
    """The data folder as a version before encryption left it: the same database, plain."""
    database = folder / DATABASE_FILE
    plain = folder / "plain.sqlite3"
    with contextlib.closing(open_db(folder, isolation_level=None)) as conn:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(plain)])
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    for side in ("-wal", "-shm"):
        Path(f"{database}{side}").unlink(missing_ok=True)
    plain.replace(database)
    assert cipher.is_plaintext(database)


def codes_in(folder: Path) -> list[str]:
    with contextlib.closing(open_db(folder, plaintext=True)) as conn:
        return [code for (code,) in conn.execute("SELECT code FROM dossiers ORDER BY id")]


@pytest.fixture(scope="module")
def plaintext_station(tmp_path_factory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("plain") / "station"
    codes = stamped_station(folder)
    make_plaintext(folder)
    return folder, codes


def copy_station(source: Path, target: Path) -> Path:
    import shutil

    return Path(shutil.copytree(source, target))


def test_the_database_is_unreadable_without_the_key(data_dir):
    database = data_dir / DATABASE_FILE
    assert not cipher.is_plaintext(database)
    assert b"SQLite format 3" not in database.read_bytes()
    plain = sqlite3.connect(database)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT count(*) FROM sqlite_master")
    plain.close()
    assert not cipher.opens_with(database, None)
    assert not cipher.opens_with(database, bytes(32))  # nor with another key
    assert cipher.opens_with(database, station_key(data_dir))


def test_fts5_and_wal_work_encrypted(data_dir):
    with as_user(Desk(data_dir), SUPERVISOR) as desk:
        code = desk.receive(intake_request()).dossier.code
        assert [d.code for d in desk.find("nguyen van duc")] == [code]
        assert desk.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert desk.db.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    assert ID_NUMBER.encode() not in (data_dir / DATABASE_FILE).read_bytes()


def test_a_database_opened_with_another_key_is_refused_and_untouched(data_dir, tmp_path):
    other = tmp_path / "other"
    stamped_station(other, 1)
    (other / DATABASE_FILE).unlink()
    import shutil

    shutil.copy(data_dir / DATABASE_FILE, other / DATABASE_FILE)  # a file of another station
    before = (other / DATABASE_FILE).read_bytes()
    with pytest.raises(WrongDatabaseKey) as refused:
        Desk(other)
    assert "khóa" in refused.value.message and "bản sao lưu" in refused.value.message
    assert (other / DATABASE_FILE).read_bytes() == before


def test_a_plaintext_folder_is_encrypted_at_its_first_start(plaintext_station, tmp_path):
    source, codes = plaintext_station
    folder = copy_station(source, tmp_path / "station")
    with as_user(Desk(folder), SUPERVISOR) as desk:
        assert sorted(d.code for d in desk.find("nguyen van duc", limit=100)) == sorted(codes)
        new = desk.receive(intake_request()).dossier.code
        assert desk.audit.verify().ok
    database = folder / DATABASE_FILE
    assert not cipher.is_plaintext(database)
    assert ID_NUMBER.encode() not in database.read_bytes()
    assert codes_in(folder) == [*codes, new]
    assert not new_file(database).exists() and not aside_file(database).exists()
    assert sorted(p.name for p in folder.iterdir() if "sqlite3" in p.name) == [
        DATABASE_FILE, *[n for n in (f"{DATABASE_FILE}-shm", f"{DATABASE_FILE}-wal")
                         if (folder / n).exists()]]


@pytest.mark.parametrize("step", STEPS)
def test_a_conversion_cut_at_any_step_loses_nothing(plaintext_station, tmp_path, step):
    """The process dies right after `step`; the next start finishes the work."""
    source, codes = plaintext_station
    folder = copy_station(source, tmp_path / "station")
    database = folder / DATABASE_FILE
    import os

    child = ("import os, sys\n"
             "from intake_app.store import encrypt_in_place\n"
             "from intake_app.desk import Desk\n"
             "encrypt_in_place.after_step = "
             "lambda done: os._exit(77) if done == sys.argv[2] else None\n"
             "Desk(sys.argv[1]).close()\n")
    done = subprocess.run([sys.executable, "-c", child, str(folder), step], cwd=ROOT,
                          env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert done.returncode == 77, done.stderr  # killed there
    # Cut: the database in place is whole, plaintext (before the rename) or encrypted.
    assert codes_in(folder) == codes
    assert cipher.is_plaintext(database) == (STEPS.index(step) < STEPS.index("replace"))
    with as_user(Desk(folder), SUPERVISOR) as desk:  # the next start
        assert len(desk.find("nguyen van duc", limit=100)) == len(codes)
    assert not cipher.is_plaintext(database)
    assert codes_in(folder) == codes
    assert not new_file(database).exists() and not aside_file(database).exists()
    leftovers = [p.name for p in folder.iterdir()
                 if p.is_file() and p.name != DATABASE_FILE and ID_NUMBER.encode() in
                 p.read_bytes()]
    assert leftovers == []


# ---- what a copied data folder gives away -----------------------------------------------------

NEEDLES = {"ID number": ID_NUMBER, "phone": intake_request()["applicant"]["phone"],
           "name": intake_request()["applicant"]["name"],
           "address": intake_request()["applicant"]["address"]}


def readable_forms(path: Path) -> list[bytes]:
    """The file's bytes, and what a person gets from them without any key: a gzip file's
    content, each member of a ZIP (backups)."""
    import gzip
    import zipfile

    data = path.read_bytes()
    forms = [data]
    if data[:2] == b"\x1f\x8b":
        forms.append(gzip.decompress(data))
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            forms += [archive.read(name) for name in archive.namelist()]
    return forms


def leaks(path: Path) -> list[str]:
    import unicodedata

    found = []
    for form in readable_forms(path):
        for what, text in NEEDLES.items():
            for variant in {unicodedata.normalize("NFC", text), unicodedata.normalize("NFD",
                                                                                     text)}:
                for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                    if variant.encode(encoding) in form:
                        found.append(what)
    return sorted(set(found))


def test_strings_over_the_data_folder_backups_and_usb_file_finds_no_citizen(
        make_desk, capsys, monkeypatch):
    """`strings` (a byte search, UTF-8 and UTF-16, NFC and NFD) over every file of the data
    folder (database, WAL, keys, high-water file, kept receipts), of the backup place (every
    member of each backup) and a USB batch file (also gunzipped) finds no ID number, name,
    phone or address of a stamped dossier."""
    desk = make_desk(FakeClock(at("2026-03-02 09:00")))
    desk.receive(intake_request())
    as_user(desk, "quantri").backups.make(kind="manual")
    as_user(desk)
    import json

    from conftest import run_cli

    refused = intake_request()
    refused["applicant"]["phone"] = NEEDLES["phone"] + "x"  # a refusal is logged
    for request in (intake_request(), refused):  # the command line logs into the folder
        run_cli(capsys, desk.data_dir, "receive", "--json", "-",
                stdin=json.dumps(request, ensure_ascii=False), monkeypatch=monkeypatch)
    usb = desk.data_dir.parent / "usb" / "dong-bo.json.gz"
    assert desk.sync.export(usb, token="the-station-token")["events"] == 2
    files = [p for p in desk.data_dir.parent.rglob("*") if p.is_file()]
    assert usb in files
    assert any(p.name.endswith(".intake-backup") for p in files)
    assert any(p.name.endswith("-wal") for p in files)
    assert any(p.suffix == ".log" for p in files)
    assert {p.name: leaks(p) for p in files if leaks(p)} == {}


def test_the_kept_pdfs_do_not_show_the_citizen_without_the_key(make_desk, tmp_path):
    """The receipt kept as the original, a copy and a slip the window writes into the data
    folder are sealed (a PDF reader cannot open them; their text is not there to extract);
    with the station's key they are the PDFs; a copy written where a person chose is a PDF."""
    from conftest import pdf_text

    from intake_app.domain.slips import SlipKind

    desk = make_desk(FakeClock(at("2026-03-02 09:00")))
    result = desk.receive(intake_request())
    code = result.dossier.code
    inside = [result.receipt_path,
              desk.reprint_receipt(code, desk.data_dir / "reprints" / "copy.pdf"),
              desk.issue_slip(code, SlipKind.CONTROL, desk.data_dir / "slips" / "s.pdf")]
    for path in inside:
        assert path is not None and not path.read_bytes().startswith(b"%PDF")
        assert leaks(path) == []
        assert desk.read_pdf(path).startswith(b"%PDF")
    assert ID_NUMBER in pdf_text(result.receipt_path)  # read with the key
    chosen = desk.reprint_receipt(code, tmp_path / "for-the-citizen.pdf")
    assert chosen.read_bytes().startswith(b"%PDF")  # where the person chose: a PDF


def test_pdfs_an_older_version_kept_plain_are_sealed_at_the_first_start(plaintext_station,
                                                                        tmp_path):
    source, codes = plaintext_station
    folder = copy_station(source, tmp_path / "station")
    receipt = folder / "receipts" / "2026" / "03" / f"{codes[0]}.pdf"
    receipt.parent.mkdir(parents=True, exist_ok=True)
    from intake_app.documents.receipt_pdf import build_receipt_pdf

    with as_user(Desk(folder), SUPERVISOR) as desk:  # (converts it; made plaintext again below)
        plain_pdf = build_receipt_pdf(desk.receipt(codes[0]))
    receipt.write_bytes(plain_pdf)  # as an older version kept it
    database = folder / DATABASE_FILE
    make_plaintext(folder)
    assert cipher.is_plaintext(database)
    with as_user(Desk(folder), SUPERVISOR) as desk:
        assert not receipt.read_bytes().startswith(b"%PDF")
        assert desk.read_pdf(receipt) == plain_pdf


# ---- the recovery sheet -------------------------------------------------------------------------

def test_the_recovery_sheet_brings_a_copied_folder_back_on_a_new_pc(
        capsys, monkeypatch, make_desk, tmp_path, station_credentials):
    """The administrator prints the recovery sheet; the PC's credential store is lost; the
    data folder (copied) and its backup open again with the key read off the printed sheet:
    the database, the kept receipt and the backup."""
    import re
    import shutil

    from conftest import pdf_text, run_cli

    from intake_app.domain.clock import now_vn

    desk = make_desk(FakeClock(at("2026-03-02 09:00")))
    result = desk.receive(intake_request())
    backup = as_user(desk, "quantri").backups.make(kind="manual",
                                                  out=tmp_path / "b.intake-backup").path
    as_user(desk)
    folder, receipt = desk.data_dir, result.receipt_path
    assert receipt is not None
    desk.close()

    status, _, err = run_cli(capsys, folder, "keys", "recovery-sheet", "--out",
                             str(folder / "phieu.pdf"))
    assert status == 2 and "thư mục dữ liệu" in err  # never beside the data it opens
    sheet = tmp_path / "phieu-khoi-phuc.pdf"
    status, made, err = run_cli(capsys, folder, "keys", "recovery-sheet", "--out", str(sheet))
    assert status == 0, err
    printed = pdf_text(sheet)
    assert "PHIẾU KHÓA KHÔI PHỤC" in printed and UNIT["unit_code"] in printed
    assert "Quầy số: 2" in printed and f"{now_vn():%d/%m/%Y}" in printed  # printed today
    lines = re.findall(r"^\d{6}(?: - \d{6}){3}\s*$", printed, re.M)  # the boxed key
    key = "-".join(group for line in lines for group in re.findall(r"\d{6}", line))
    assert len(key.split("-")) == 8

    copy = Path(shutil.copytree(folder, tmp_path / "new-pc" / "station"))
    station_credentials.clear()  # the new PC: an empty credential store
    with pytest.raises(Exception) as missing:
        Desk(copy)
    assert missing.value.exit_code == 4 and "keys restore" in missing.value.message
    status, restored, err = run_cli(capsys, copy, "keys", "restore", stdin=key + "\n",
                                    monkeypatch=monkeypatch)
    assert status == 0 and restored["restored"], err
    kept_copy = copy / receipt.relative_to(folder)
    with as_user(Desk(copy), SUPERVISOR) as opened:
        assert [d.code for d in opened.find("nguyen van duc")] == [result.dossier.code]
        assert ID_NUMBER in pdf_text(kept_copy) and opened.audit.verify().ok
    status, checked, err = run_cli(capsys, copy, "backup", "verify", str(backup))
    assert status == 0 and checked["ok"], err


def test_the_quick_look_at_start_up_needs_the_key(data_dir):
    """The window reads the station's settings before opening the store (store/peek.py): with
    the key it reads them; without it, or with another, it answers None (the start-up desk
    then opens the store and asks for what is missing)."""
    from intake_app.store.peek import peek_settings

    seen = peek_settings(data_dir, database_key=station_key(data_dir))
    assert seen is not None and seen.station is not None
    assert seen.station.unit_code == UNIT["unit_code"]
    assert peek_settings(data_dir) is None
    assert peek_settings(data_dir, database_key=bytes(32)) is None

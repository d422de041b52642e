"""Schema migrations: numbered files in db/, applied once each on open, recorded in the file."""

from __future__ import annotations

import contextlib

from conftest import FakeClock, as_user, at, intake_request, set_up_accounts
from station_db import attach, open_db, station_key

from intake_app.desk import Desk
from intake_app.paths import migrations_dir
from intake_app.store.db import DATABASE_FILE, connect, load_migrations, write_transaction


def applied(path) -> list[str]:
    """The migrations the file applied (an older version's is still plaintext)."""
    with contextlib.closing(open_db(path, plaintext=True)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]


def names_on_disk() -> list[str]:
    return sorted(path.stem for path in migrations_dir().glob("[0-9][0-9][0-9][0-9]_*.sql"))


def test_every_migration_file_is_applied_once(data_dir):
    names = names_on_disk()
    assert names[:2] == ["0001_initial", "0002_fts_prefix"]
    assert applied(data_dir / DATABASE_FILE) == names
    Desk(data_dir).close()  # opening again applies nothing twice
    assert applied(data_dir / DATABASE_FILE) == names


DROPPED = {"applicant_name": "json_extract(applicant, '$.name')",
           "applicant_id_number": "json_extract(applicant, '$.id_number')",
           "applicant_phone": "json_extract(applicant, '$.phone')"}


def test_a_version_1_database_upgrades_and_keeps_its_dossiers(make_desk, tmp_path):
    current = make_desk(FakeClock(at("2026-03-02 08:00")))
    code = current.receive(intake_request()).dossier.code

    old_folder = tmp_path / "old"
    old_folder.mkdir()
    old = connect(old_folder / DATABASE_FILE, None)  # an older version's: plaintext
    with write_transaction(old):
        load_migrations().apply(old, stop_before="0002_fts_prefix")
    attach(old.conn, current.data_dir / DATABASE_FILE, "cur", station_key(current.data_dir))
    with write_transaction(old):
        for table in ("settings", "admin_provinces", "admin_communes", "procedures",
                      "dossiers", "dossier_history", "outbox"):
            names = [row[1] for row in old.execute(f"PRAGMA main.table_info({table})")]
            columns = ", ".join(names)
            # The columns 0008 dropped (one source per fact) come from the applicant JSON.
            values = ", ".join(DROPPED.get(name, name) for name in names)
            old.execute(f"INSERT INTO main.{table} ({columns}) SELECT {values} FROM cur.{table}")
    old.execute("DETACH DATABASE cur")
    old.close()
    assert applied(old_folder / DATABASE_FILE) == ["0001_initial"]

    with Desk(old_folder) as upgraded:
        set_up_accounts(upgraded)  # an older station has no account yet
        as_user(upgraded)
        assert applied(old_folder / DATABASE_FILE)[-1] == names_on_disk()[-1]
        assert [d.code for d in upgraded.find("nguyen van d")] == [code]
        kept = upgraded.dossier(code)
        assert kept.statutory_due_at == kept.due_at is not None  # 0003 fills the new column
        assert upgraded.receive(intake_request()).dossier.code != code
        assert len(upgraded.find("nguyen")) == 2


def test_0008_drops_the_unread_applicant_columns_and_keeps_search(make_desk, tmp_path):
    """A station's database from before 0008 (its applicant kept five ways): the three plain
    columns go, each fact has one source, the search index, its triggers and the indexes stay,
    and a correction afterwards is found by its new name."""
    current = make_desk(FakeClock(at("2026-03-02 08:00")))
    code = current.receive(intake_request()).dossier.code

    old_folder = tmp_path / "old"
    old_folder.mkdir()
    old = connect(old_folder / DATABASE_FILE, None)  # an older version's: plaintext
    with write_transaction(old):
        load_migrations().apply(old, stop_before="0008_counter_features")
    attach(old.conn, current.data_dir / DATABASE_FILE, "cur", station_key(current.data_dir))
    with write_transaction(old):
        for table in ("settings", "admin_provinces", "admin_communes", "procedures",
                      "dossiers", "dossier_history", "outbox"):
            names = [row[1] for row in old.execute(f"PRAGMA main.table_info({table})")]
            values = ", ".join(DROPPED.get(name, name) for name in names)
            old.execute(f"INSERT INTO main.{table} ({', '.join(names)}) "
                        f"SELECT {values} FROM cur.{table}")
    old.execute("DETACH DATABASE cur")
    before = {row[0] for row in old.execute(
        "SELECT name FROM sqlite_master WHERE tbl_name = 'dossiers' AND type IN ('index', "
        "'trigger')")}
    old.close()
    assert {"applicant_name", "applicant_phone"} <= {
        row[1] for row in open_db(old_folder, plaintext=True).execute(
            "PRAGMA table_info(dossiers)")}

    with Desk(old_folder) as upgraded:
        set_up_accounts(upgraded)  # an older station has no account yet
        as_user(upgraded)
        assert applied(old_folder / DATABASE_FILE)[-1] != "0007_calendar_reports"
        with contextlib.closing(open_db(old_folder)) as conn, conn:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(dossiers)")}
            after = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'dossiers' AND type IN "
                "('index', 'trigger')")}
            conn.execute("INSERT INTO dossiers_fts(dossiers_fts) VALUES ('integrity-check')")
        assert not {"applicant_name", "applicant_id_number", "applicant_phone"} & columns
        assert {"applicant", "search_text", "receipt"} <= columns
        later = {"dossiers_station_received"}  # 0011 (office hub) adds it
        assert after - later == before and {"dossiers_fts_update", "dossiers_received"} <= after
        assert [d.code for d in upgraded.find("nguyen van duc")] == [code]
        upgraded.correct(code, {"applicant": {"name": "Nguyễn Văn Phúc"}},
                         reason="Gõ sai tên")
        assert [d.code for d in upgraded.find("nguyen van phuc")] == [code]
        assert upgraded.find("nguyen van duc") == []

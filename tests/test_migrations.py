"""Schema migrations: numbered files in db/, applied once each on open, recorded in the file."""

from __future__ import annotations

import sqlite3

from conftest import FakeClock, at, intake_request

from intake_app.desk import Desk
from intake_app.paths import migrations_dir
from intake_app.store.db import DATABASE_FILE, connect, load_migrations, write_transaction


def applied(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]


def names_on_disk() -> list[str]:
    return sorted(path.stem for path in migrations_dir().glob("[0-9][0-9][0-9][0-9]_*.sql"))


def test_every_migration_file_is_applied_once(data_dir):
    names = names_on_disk()
    assert names[:2] == ["0001_initial", "0002_fts_prefix"]
    assert applied(data_dir / DATABASE_FILE) == names
    Desk(data_dir).close()  # opening again applies nothing twice
    assert applied(data_dir / DATABASE_FILE) == names


def test_a_version_1_database_upgrades_and_keeps_its_dossiers(make_desk, tmp_path):
    current = make_desk(FakeClock(at("2026-03-02 08:00")))
    code = current.receive(intake_request(), clerk="Hoa").dossier.code

    old_folder = tmp_path / "old"
    old_folder.mkdir()
    old = connect(old_folder / DATABASE_FILE)
    with write_transaction(old):
        load_migrations().apply(old, stop_before="0002_fts_prefix")
    old.execute("ATTACH DATABASE ? AS cur", [str(current.data_dir / DATABASE_FILE)])
    with write_transaction(old):
        for table in ("settings", "admin_provinces", "admin_communes", "procedures",
                      "dossiers", "dossier_history", "outbox"):
            columns = ", ".join(
                row[1] for row in old.execute(f"PRAGMA main.table_info({table})").fetchall()
            )
            old.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM cur.{table}")
    old.execute("DETACH DATABASE cur")
    old.close()
    assert applied(old_folder / DATABASE_FILE) == ["0001_initial"]

    with Desk(old_folder) as upgraded:
        assert applied(old_folder / DATABASE_FILE)[-1] == names_on_disk()[-1]
        assert [d.code for d in upgraded.find("nguyen van d")] == [code]
        kept = upgraded.dossier(code)
        assert kept.statutory_due_at == kept.due_at is not None  # 0003 fills the new column
        assert upgraded.receive(intake_request(), clerk="Hoa").dossier.code != code
        assert len(upgraded.find("nguyen")) == 2

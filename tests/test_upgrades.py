"""Upgrades (issue 13.5): from every earlier schema level, a backup first, then one transaction.

For each level of `db/` a data folder is built as the version of that level left it: the
migrations up to that level, then the rows that version wrote (dossiers received and moved
through their steps, history, outbox events, slips, seals, settings…), inserted with raw SQL,
column by column, from a station the current app filled. Today's app then opens it.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import SUPERVISOR, FakeClock, as_user, at, intake_request, set_up_accounts
from station_db import attach, open_db, station_key

from intake_app.desk import Desk
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.slips import SlipKind
from intake_app.domain.status import DossierStatus
from intake_app.paths import migrations_dir
from intake_app.station_keys import KEYS_FILE
from intake_app.store import backup as files
from intake_app.store.db import (
    DATABASE_FILE,
    connect,
    known_migrations,
    load_migrations,
    write_transaction,
)
from intake_app.store.problems import NewerDatabase

LEVELS = known_migrations()[:-1]  # every level before today's
# Columns an older version wrote that today's schema dropped, as that version filled them.
WRITTEN_THEN = {
    ("dossiers", "applicant_name"): "json_extract(applicant, '$.name')",
    ("dossiers", "applicant_id_number"): "json_extract(applicant, '$.id_number')",
    ("dossiers", "applicant_phone"): "json_extract(applicant, '$.phone')",
}
CLOCK = at("2026-03-02 08:00")


def applied(path: Path, key: bytes | None = None) -> list[str]:
    """The migrations the file applied (an older version's file is plaintext)."""
    with open_db(path, key=key, plaintext=True) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]


@pytest.fixture(scope="module")
def today_station(tmp_path_factory) -> tuple[Path, list[str]]:
    """A station today's app filled: dossiers received, moved through steps, a slip."""
    folder = tmp_path_factory.mktemp("today") / "station"
    clock = FakeClock(CLOCK)
    with Desk(folder, clock=clock) as desk:
        from conftest import UNIT

        desk.init_station(**UNIT)
        set_up_accounts(desk)
        as_user(desk)
        codes = [desk.receive(intake_request()).dossier.code for _ in range(4)]
        clock.advance(minutes=20)
        desk.step(codes[0], StepRequest(DossierStatus.IN_PROCESSING, "Hoa",
                                        to_unit="Công chức Tư pháp - Hộ tịch"))
        desk.step(codes[1], StepRequest(DossierStatus.SUPPLEMENT_REQUESTED, "Hoa",
                                        note="Thiếu giấy", documents=("Giấy chứng sinh",)))
        desk.issue_slip(codes[1], SlipKind.SUPPLEMENT, folder.parent / "slip.pdf")
        clock.advance(minutes=20)
        desk.step(codes[0], StepRequest(DossierStatus.DONE, "Hoa"))
    return folder, codes


def build_old_station(today: Path, level: str, target: Path) -> None:
    """The data folder as the version of `level` left it (plaintext: no version before this
    one encrypted its database)."""
    target.mkdir(parents=True)
    shutil.copy(today / KEYS_FILE, target / KEYS_FILE)  # the same keys (audit chain, seals)
    names = known_migrations()
    following = names[names.index(level) + 1]
    old = connect(target / DATABASE_FILE, None)
    with write_transaction(old):
        load_migrations().apply(old, stop_before=following)
    old.execute("PRAGMA foreign_keys = OFF")
    attach(old.conn, today / DATABASE_FILE, "cur", station_key(today))
    tables = [row[0] for row in old.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%fts%' AND name != '_sqlite_migrations'")]
    with write_transaction(old):
        for table in tables:
            mine = [r[1] for r in old.execute(f"PRAGMA main.table_info({table})")]
            theirs = {r[1] for r in old.execute(f"PRAGMA cur.table_info({table})")}
            columns = [c for c in mine if c in theirs or (table, c) in WRITTEN_THEN]
            if columns:
                values = ", ".join(WRITTEN_THEN.get((table, c), c) for c in columns)
                old.execute(f"INSERT OR REPLACE INTO main.{table} ({', '.join(columns)}) "
                            f"SELECT {values} FROM cur.{table}")
    old.execute("DETACH DATABASE cur")
    old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    old.close()


@pytest.mark.parametrize("level", LEVELS)
def test_an_older_station_upgrades_with_a_backup_first(today_station, tmp_path, level):
    today, codes = today_station
    folder = tmp_path / "old-station"
    build_old_station(today, level, folder)
    at_level = applied(folder / DATABASE_FILE)
    assert at_level[-1] == level

    clock = FakeClock(CLOCK)
    clock.advance(hours=2)
    with Desk(folder, clock=clock) as desk:
        set_up_accounts(desk)  # an older station has no account: its first administrator…
        as_user(desk, SUPERVISOR)
        assert applied(folder / DATABASE_FILE) == at_level + [
            name for name in known_migrations() if name not in at_level]
        # the backup was taken first, of the database as the old version left it
        backups = sorted(folder.with_name("old-station-backups").rglob("*.intake-backup"))
        assert len(backups) == 1 and backups[0].name.endswith("-pre-upgrade.intake-backup")
        manifest = files.read_manifest(backups[0])
        assert manifest["migrations"] == at_level and manifest["dossiers"] == 4
        with zipfile.ZipFile(backups[0]) as archive:
            old_copy = tmp_path / "copy.sqlite3"
            old_copy.write_bytes(archive.read(files.DATABASE_MEMBER))
        assert applied(old_copy, station_key(folder)) == at_level  # untouched by the migration
        assert manifest["encrypted"] is True  # converted first: no plaintext backup
        assert desk.backups.last_good().kind == "pre-upgrade"
        # every dossier, with its history and its events, is there
        assert sorted(d.code for d in desk.find("nguyen van duc")) == sorted(codes)
        assert desk.dossier(codes[0]).status == DossierStatus.DONE
        assert len(desk.history(codes[0])) >= 3 and len(desk.events(codes[0])) == 3
        assert desk.dossier(codes[1]).status == DossierStatus.SUPPLEMENT_REQUESTED
        new = desk.receive(intake_request()).dossier.code
        assert new not in codes and new.endswith("2005")
        if "0009_accounts_audit" in at_level:
            assert desk.audit.verify().ok


def test_a_failed_migration_changes_nothing_and_keeps_its_backup(today_station, tmp_path,
                                                                 monkeypatch):
    today, _ = today_station
    folder = tmp_path / "old-station"
    build_old_station(today, "0005_sync_trust", folder)
    migrations = tmp_path / "db"
    shutil.copytree(migrations_dir(), migrations)
    (migrations / "0099_broken.sql").write_text(
        "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n",
        encoding="utf-8")
    monkeypatch.setattr("intake_app.store.schema.migrations_dir", lambda: migrations)
    with pytest.raises(Exception):  # noqa: B017 - whatever SQLite says, nothing may change
        Desk(folder, clock=FakeClock(CLOCK))
    assert applied(folder / DATABASE_FILE)[-1] == "0005_sync_trust"  # all or nothing
    with open_db(folder / DATABASE_FILE, plaintext=True) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name IN "
                            "('half_done', 'backups', 'code_gaps')").fetchone() == (0,)
    assert len(list(folder.with_name("old-station-backups").rglob("*.intake-backup"))) == 1


def test_a_newer_database_is_refused_before_any_backup_or_write(data_dir):
    with open_db(data_dir / DATABASE_FILE) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('intake_app', '0099_from_the_future', '2027-01-01')")
    before = (data_dir / DATABASE_FILE).read_bytes()
    with pytest.raises(NewerDatabase) as refused:
        Desk(data_dir)
    assert "0099_from_the_future" in refused.value.message
    assert (data_dir / DATABASE_FILE).read_bytes() == before
    assert not data_dir.with_name("station-backups").exists()

"""Where the app finds its resources and migrations: the source checkout and a frozen bundle."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import UNIT, rows

from intake_app import paths
from intake_app.desk import Desk
from intake_app.store.catalogue import starter_catalogue

CHECKOUT = Path(__file__).resolve().parent.parent


def test_the_source_checkout_reads_its_own_resources_and_migrations(monkeypatch):
    monkeypatch.delenv(paths.RESOURCES_ENV, raising=False)
    assert paths.resources_dir() == CHECKOUT / "resources"
    assert (paths.resources_dir() / "catalogue" / "procedures.json").is_file()
    assert (paths.resources_dir() / "fonts" / "Tinos-Regular.ttf").is_file()
    assert (paths.migrations_dir() / "0001_initial.sql").is_file()


def make_bundle(internal: Path, catalogue: str | None = None) -> None:
    """The layout packaging/intake-app.spec gives: resources/ and db/ in `_internal`."""
    shutil.copytree(CHECKOUT / "resources", internal / "resources")
    shutil.copytree(CHECKOUT / "db", internal / "db")
    if catalogue is not None:
        (internal / "resources" / "catalogue" / "procedures.json").write_text(
            catalogue, encoding="utf-8")


def one_procedure_catalogue() -> str:
    """The starter catalogue cut to its first procedure: a bundle that is told apart."""
    path = CHECKOUT / "resources" / "catalogue" / "procedures.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["procedures"] = data["procedures"][:1]
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture
def frozen(monkeypatch, tmp_path: Path) -> Path:
    """This interpreter made to look like the frozen `intake-app` in `tmp_path/intake-app/`."""
    folder = tmp_path / "intake-app"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "intake-app"))
    monkeypatch.delenv(paths.RESOURCES_ENV, raising=False)
    return folder


def test_a_pyinstaller_bundle_reads_resources_and_migrations_from_meipass(
        frozen, monkeypatch, tmp_path):
    internal = frozen / "_internal"
    make_bundle(internal, catalogue=one_procedure_catalogue())
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)

    assert paths.resources_dir() == internal / "resources"
    assert paths.migrations_dir() == internal / "db"
    # A station set up by the frozen program gets the bundle's catalogue and schema.
    assert len(starter_catalogue()) == 1
    station = tmp_path / "station"
    with Desk(station) as desk:
        desk.init_station(**UNIT)
    assert rows(station, "SELECT count(*) FROM procedures") == [(1,)]
    migrations = sorted(path.stem for path in (CHECKOUT / "db").glob("*.sql"))
    assert [name for (name,) in rows(station, "SELECT name FROM _sqlite_migrations "
                                              "ORDER BY id")] == migrations


def test_a_frozen_program_without_meipass_reads_beside_its_executable(frozen, monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    make_bundle(frozen, catalogue=one_procedure_catalogue())

    assert paths.resources_dir() == frozen / "resources"
    assert paths.migrations_dir() == frozen / "db"
    assert len(starter_catalogue()) == 1


def test_the_resources_variable_wins_over_the_bundle(frozen, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(frozen / "_internal"), raising=False)
    monkeypatch.setenv(paths.RESOURCES_ENV, str(tmp_path / "mine"))
    assert paths.resources_dir() == tmp_path / "mine"
    assert paths.migrations_dir() == frozen / "_internal" / "db"

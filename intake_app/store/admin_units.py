"""Provinces and communes after the 2025 reform (resources/data, MIT licence), for look-ups."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ..domain.text import fold, nfc
from ..paths import resources_dir

ADMIN_UNITS_FILE = "data/vn-admin-units-2026-04-30.json"


@dataclass(frozen=True)
class AdminUnit:
    code: str
    name: str
    full_name: str
    province_code: str | None = None  # for a commune


def load_admin_units(db: Database, source: Path | None = None) -> tuple[int, int]:
    """Replace the administrative units with those of the bundled file; returns the counts."""
    path = source or resources_dir() / ADMIN_UNITS_FILE
    provinces = json.loads(path.read_text(encoding="utf-8"))
    province_rows, commune_rows = [], []
    for province in provinces:
        province_rows.append({
            "code": province["Code"], "name": nfc(province["Name"]),
            "full_name": nfc(province["FullName"]), "folded": fold(province["FullName"]),
        })
        for ward in province["Wards"]:
            commune_rows.append({
                "code": ward["Code"], "province_code": province["Code"],
                "name": nfc(ward["Name"]), "full_name": nfc(ward["FullName"]),
                "folded": fold(ward["FullName"]),
            })
    db.execute("DELETE FROM admin_communes")
    db.execute("DELETE FROM admin_provinces")
    db.table("admin_provinces").insert_all(province_rows)
    db.table("admin_communes").insert_all(commune_rows)
    return len(province_rows), len(commune_rows)


def get_province(db: Database, code: str) -> AdminUnit | None:
    row = db.execute(
        "SELECT code, name, full_name FROM admin_provinces WHERE code = ?", [code]
    ).fetchone()
    return AdminUnit(*row) if row else None


def get_commune(db: Database, code: str) -> AdminUnit | None:
    row = db.execute(
        "SELECT code, name, full_name, province_code FROM admin_communes WHERE code = ?", [code]
    ).fetchone()
    return AdminUnit(*row) if row else None


def provinces(db: Database) -> list[AdminUnit]:
    rows = db.execute("SELECT code, name, full_name FROM admin_provinces ORDER BY code")
    return [AdminUnit(*row) for row in rows]


def communes(db: Database, province_code: str, query: str = "") -> list[AdminUnit]:
    """The communes of a province whose accent-free name contains `query`."""
    rows = db.execute(
        "SELECT code, name, full_name, province_code FROM admin_communes "
        "WHERE province_code = ? AND folded LIKE ? ORDER BY name",
        [province_code, f"%{fold(query)}%"],
    )
    return [AdminUnit(*row) for row in rows]

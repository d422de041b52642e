"""Where the app finds its bundled resources and keeps its data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "INTAKE_APP_DATA_DIR"
RESOURCES_ENV = "INTAKE_APP_RESOURCES"


def resources_dir() -> Path:
    """The `resources/` folder: fonts, catalogue, administrative units, translations.

    Looked up in order: `INTAKE_APP_RESOURCES`, a PyInstaller bundle, the source checkout.
    """
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def migrations_dir() -> Path:
    """The `db/` folder with the numbered schema migrations."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "db"
    return Path(__file__).resolve().parent.parent / "db"


def default_data_dir() -> Path:
    """`INTAKE_APP_DATA_DIR`, else the platform's per-user data folder.

    Windows: %LOCALAPPDATA%\\IntakeApp\\intake-app; Linux: ~/.local/share/intake-app.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("intake-app", "IntakeApp"))

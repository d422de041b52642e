"""Where the app finds its bundled resources and keeps its data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "INTAKE_APP_DATA_DIR"
DATABASE_FILE = "intake.sqlite3"  # the station's database, in its data folder
RESOURCES_ENV = "INTAKE_APP_RESOURCES"


def app_root() -> Path:
    """The folder holding `resources/` and `db/`.

    - A PyInstaller bundle (packaging/intake-app.spec): its `sys._MEIPASS`, the `_internal`
      folder beside the executable (or the executable's own folder in an older layout);
    - another frozen program (`sys.frozen` without `_MEIPASS`): the executable's folder;
    - the source checkout (or an editable install): the folder above `intake_app/`.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The `resources/` folder: fonts, catalogue, administrative units, translations.

    `INTAKE_APP_RESOURCES` if set, else `resources/` in `app_root()`.
    """
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return app_root() / "resources"


def migrations_dir() -> Path:
    """The `db/` folder with the numbered schema migrations."""
    return app_root() / "db"


def default_data_dir() -> Path:
    """`INTAKE_APP_DATA_DIR`, else the platform's per-user data folder.

    Windows: %LOCALAPPDATA%\\IntakeApp\\intake-app; Linux: ~/.local/share/intake-app.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("intake-app", "IntakeApp"))

"""Setting a station up in one go (the set-up wizard), its set-up sheet, and undoing a set-up
that was cancelled before anything was configured.

`set_up` checks everything first (each problem names its field), then writes in an order that
never leaves a half-set-up station: the settings that do not make a station (backup place,
gateway address, printer), then the first administrator, and the station itself last. Until
that last write the folder is "not set up" and the wizard starts again at the next start,
with what was already saved kept (an administrator made is not asked for again).
"""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..domain.accounts import Role, check_display_name, check_login, require_good_password
from ..domain.clock import parse_iso, to_vn
from ..domain.errors import InvalidInput
from ..domain.office import HUB_URL_KEY
from ..domain.setup_sheet import PRINTER_KEY, SetupSheet, SheetAccount
from ..domain.station import StationSettings, station_problems
from ..domain.sync_config import check_gateway_url
from ..domain.text import nfc
from ..store import admin_units, dossiers

if TYPE_CHECKING:
    from ..desk import Desk
    from ..station_keys import StationKeys

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class AdminPlan:
    login: str
    display_name: str
    password: str


@dataclass(frozen=True)
class SetupPlan:
    """What the wizard collected; None: skipped (kept as it is, or the default)."""

    unit_code: str
    unit_name: str
    province_code: str
    commune_code: str
    station_no: int
    office_name: str = "Bộ phận Một cửa"
    admin: AdminPlan | None = None  # None: an administrator exists already
    gateway_url: str | None = None
    printer: str | None = None  # None: the system's default printer
    backup_folder: str | None = None  # None: the default place beside the data folder


def check_station(desk: Desk, plan: SetupPlan) -> dict[str, str]:
    """The unit page's problems, by field (Vietnamese)."""
    problems = station_problems(plan.unit_code, plan.unit_name, plan.station_no,
                                plan.office_name)
    if not plan.province_code:
        problems["province"] = "Hãy chọn tỉnh, thành phố."
    if not plan.commune_code:
        problems["commune"] = "Hãy chọn xã, phường."
    else:
        commune = admin_units.get_commune(desk.db, plan.commune_code)
        if commune is None:
            problems["commune"] = f"Không có xã, phường mã {plan.commune_code}."
        elif plan.province_code and commune.province_code != plan.province_code:
            problems["commune"] = (f"Xã, phường {commune.full_name} không thuộc tỉnh, thành "
                                   "phố đã chọn.")
    old = desk.station if desk.is_set_up() else None
    if old is not None and dossiers.count_dossiers(desk.db) > 0 and (
            (old.unit_code, old.station_no) != (plan.unit_code, plan.station_no)):
        problems["unit_code"] = (f"Thư mục dữ liệu này đã có hồ sơ của đơn vị {old.unit_code}, "
                                 f"quầy số {old.station_no}.")
    return problems


def check_admin(desk: Desk, admin: AdminPlan, repeated: str) -> dict[str, str]:
    """The administrator page's problems, by field (Vietnamese)."""
    problems: dict[str, str] = {}
    login = ""
    for field, check in (("login", lambda: check_login(admin.login)),
                         ("display_name", lambda: check_display_name(admin.display_name))):
        try:
            value = check()
        except InvalidInput as exc:
            problems[field] = exc.message
        else:
            login = value if field == "login" else login
    if "login" not in problems and any(a.login == login for a in desk.accounts.all()):
        problems["login"] = f"Đã có tài khoản tên đăng nhập {login}."
    try:
        require_good_password(admin.password, login=login or admin.login,
                              display_name=admin.display_name)
    except InvalidInput as exc:
        problems["password"] = exc.message
    else:
        if nfc(repeated) != nfc(admin.password):
            problems["password_again"] = "Hai lần nhập mật khẩu không giống nhau."
    return problems


def check_gateway(url: str) -> dict[str, str]:
    if not url.strip():
        return {}
    try:
        check_gateway_url(url)
    except InvalidInput as exc:
        return {"gateway_url": exc.message}
    return {}


def check_backup_folder(desk: Desk, folder: str) -> dict[str, str]:
    if not folder.strip():
        return {}
    try:
        desk.backups.check_place(folder)
    except InvalidInput as exc:
        return {"backup_folder": exc.message}
    return {}


def _all_problems(desk: Desk, plan: SetupPlan) -> dict[str, str]:
    problems = check_station(desk, plan)
    if plan.admin is not None:
        problems.update(check_admin(desk, plan.admin, plan.admin.password))
    problems.update(check_gateway(plan.gateway_url or ""))
    problems.update(check_backup_folder(desk, plan.backup_folder or ""))
    return problems


def set_up(desk: Desk, plan: SetupPlan) -> StationSettings:
    """Check the whole plan, then write it, the station itself last (see the module).

    The first administrator is made first and acts through the desk for the rest (the backup
    place, the gateway, the station are an administrator's: issue 12); on a station that has
    accounts already, the administrator logged in does it.
    """
    desk.ensure_admin_units()
    problems = _all_problems(desk, plan)
    if problems:
        raise InvalidInput(" ".join(dict.fromkeys(problems.values())),
                           f"set-up refused: {sorted(problems)}", problems)
    if plan.admin is not None:
        if desk.accounts.exist():
            desk.accounts.add(plan.admin.login, plan.admin.display_name, Role.ADMINISTRATOR,
                              plan.admin.password, temporary=False)
        else:
            desk.accounts.first_administrator(plan.admin.login, plan.admin.display_name,
                                              plan.admin.password)
    elif desk.user is None and not desk.is_set_up():
        # A set-up cut off after its administrator was made, resumed: the station is not set
        # up yet (nothing to protect), so it goes on as that administrator.
        made = [a for a in desk.accounts.active() if a.role == Role.ADMINISTRATOR]
        if made:
            desk.act_as(made[0].login)
    if plan.backup_folder:
        desk.backups.set_place(plan.backup_folder)
    if plan.gateway_url:
        desk.sync.configure(plan.gateway_url)
    if desk.setting(PRINTER_KEY) != plan.printer:
        desk.set_setting(PRINTER_KEY, plan.printer)
    return desk.init_station(unit_code=plan.unit_code, unit_name=plan.unit_name,
                             province_code=plan.province_code, commune_code=plan.commune_code,
                             station_no=plan.station_no, office_name=plan.office_name)


def administrators(desk: Desk) -> list[SheetAccount]:
    return [SheetAccount(a.login, a.display_name) for a in desk.accounts.active()
            if a.role == Role.ADMINISTRATOR]


def setup_sheet(desk: Desk) -> SetupSheet:
    """What the set-up sheet of this (set-up) station says, read from the station now."""
    from ..services.backups import same_disk

    station = desk.station
    province = admin_units.get_province(desk.db, station.province_code)
    commune = admin_units.get_commune(desk.db, station.commune_code)
    backups = desk.backups
    place = backups.place()
    last = backups.last_good()
    try:
        token_stored = desk.sync.has_token()
    except Exception:  # noqa: BLE001 - a store that cannot be asked: say "not stored"
        log.warning("could not ask the credential store for the sync token", exc_info=True)
        token_stored = False
    keys = desk.keys
    from ..sync.engine import GATEWAY_URL_KEY  # the province's (config() names the hub first)

    return SetupSheet(
        unit_code=station.unit_code, unit_name=station.unit_name,
        office_name=station.office_name,
        province_name=province.full_name if province else station.province_code,
        commune_name=commune.full_name if commune else station.commune_code,
        place_name=station.place_name, station_no=station.station_no,
        data_dir=str(desk.data_dir.absolute()), backup_place=str(place),
        backup_folder=str(backups.folder()),
        backup_same_disk=same_disk(place, desk.data_dir),
        gateway_url=desk.setting(GATEWAY_URL_KEY) or None,
        hub_url=desk.setting(HUB_URL_KEY) or None,
        token_stored=token_stored, printer=desk.setting(PRINTER_KEY) or None,
        administrators=tuple(administrators(desk)),
        keys_kept_in=keys.protection, key_id=keys.key_id,
        recovery_key=keys.recovery_key or None,
        computer=socket.gethostname(), app_version=__version__, made_at=desk.clock(),
        last_backup=_when(last.finished_at) if last else None,
    )


def write_setup_sheet(desk: Desk, out: Path, *, replace: bool = False) -> Path:
    """The set-up sheet as a PDF at `out` (a person's output: never in the data folder)."""
    from ..documents.files import write_atomically
    from ..documents.setup_sheet_pdf import build_setup_sheet_pdf

    path = desk.check_output_path(Path(out), replace=replace)
    write_atomically(path, build_setup_sheet_pdf(setup_sheet(desk)))
    from ..store.db import write_transaction

    try:
        with write_transaction(desk.db):
            desk.audit.record("station.setup_sheet", path.name, {}, actor="")
    except Exception:  # noqa: BLE001 - the sheet is written; the trail only notes it
        log.warning("could not record the set-up sheet in the audit trail", exc_info=True)
    return path


def _when(value: str) -> str:
    """An ISO instant as the sheet says it (local time), or as it is if it does not parse."""
    try:
        return f"{to_vn(parse_iso(value)):%H:%M %d/%m/%Y}"
    except (TypeError, ValueError):
        return value


# ---- a set-up cancelled ------------------------------------------------------------------------

STATION_FILES = ("station-keys.json", "station-keys.unprotected.json")


def untouched(desk: Desk) -> bool:
    """Whether this opening made the folder's keys and nothing was set up since: cancelling
    the wizard may then take away what the opening made."""
    return (desk.keys.made_now and not desk.is_set_up() and not desk.accounts.exist()
            and dossiers.count_dossiers(desk.db) == 0)


def discard_new_station(data_dir: Path, database_file: str, keys: StationKeys) -> list[str]:
    """Remove what opening a new data folder made (the database, its keys file and the keys
    in the credential store), the desk closed; the log folder stays. Returns what was
    removed (names)."""
    from ..station_keys import entry_name

    folder = Path(data_dir)
    removed: list[str] = []
    names = [database_file, f"{database_file}-wal", f"{database_file}-shm",
             f"{database_file}-journal", *STATION_FILES]
    for name in names:
        path = folder / name
        for attempt in range(5):  # Windows: a handle may take a moment to go
            try:
                path.unlink()
            except FileNotFoundError:
                break
            except PermissionError:
                time.sleep(0.1 * (attempt + 1))
                continue
            removed.append(name)
            break
    if keys.protection == "credential-store":
        keys.store.delete(entry_name(keys.key_id))
    log.info("set-up cancelled: removed %s from %s", ", ".join(removed) or "nothing", folder)
    return removed

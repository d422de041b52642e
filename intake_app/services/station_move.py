"""Moving a station to a new PC: one station file, sealed under the station's recovery key.

`export_station` (`intake-app station export --out FILE`) packs a consistent copy of the
database (with every setting in it), the PDFs kept in the data folder (receipts, slips,
reprints), the high-water
file and the sealed keys file into one file, encrypted under the recovery key printed on the
set-up sheet (`store.sealed_file`). No secret travels: not the credential store's entries, not
the unprotected key file, not the sync token. After an export the old PC stops stamping (a
station moved must never hand out the same codes twice from two PCs) until an administrator
says the move did not happen (`intake-app station reopen`).

`import_station` (`intake-app station import FILE`) on the new PC, into an empty data folder:
the recovery key opens the file and the keys inside it, the database is checked
(integrity_check, the station it names), the files are put in place and the keys are kept in
the new PC's credential store. The sync token is entered again (`intake-app sync set-token`);
the next sync asks the province for its highest codes before anything else could reuse one.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..data_folder import fsync_folder
from ..domain.accounts import Permission
from ..domain.clock import iso, now_vn
from ..domain.errors import InvalidInput, NotAllowed
from ..station_keys import (
    KEYS_FILE,
    has_station_files,
    parse_recovery_key,
    restore_station_keys,
    unseal_keys_file,
)
from ..store import backup as files
from ..store import cipher, high_water, sealed_file
from ..store.db import DATABASE_FILE, write_transaction
from ..store.schema import known_migrations

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

FORMAT = "intake-app/station-file/1"
SUFFIX = ".intake-station"
MOVED_KEY = "station.moved_out"
KEPT_FOLDERS = ("receipts", "slips", "reprints")  # the PDFs the app keeps in the data folder
MANIFEST = "manifest.json"


class StationMovedOut(NotAllowed):
    """This PC exported its station to another PC: it no longer stamps."""


class ImportRefused(InvalidInput):
    """The station file cannot be imported here."""


@dataclass(frozen=True)
class ExportResult:
    file: Path
    size: int
    dossiers: int
    receipts: int
    made_at: str
    stopped_here: bool

    def as_dict(self) -> dict[str, Any]:
        return {"file": str(self.file), "size": self.size, "dossiers": self.dossiers,
                "receipts": self.receipts, "made_at": self.made_at,
                "this_pc_stops_stamping": self.stopped_here}


@dataclass(frozen=True)
class ImportResult:
    data_dir: Path
    unit_code: str
    station_no: int
    dossiers: int
    receipts: int
    made_at: str
    token_needed: bool

    def as_dict(self) -> dict[str, Any]:
        return {"data_dir": str(self.data_dir), "unit_code": self.unit_code,
                "station": self.station_no, "dossiers": self.dossiers,
                "receipts": self.receipts, "exported_at": self.made_at,
                "next": (["intake-app sync set-token"] if self.token_needed else [])}


def check_not_moved(desk: Desk) -> None:
    """Refuse a stamp on a PC whose station was exported to another one."""
    moved = desk.setting(MOVED_KEY)
    if moved:
        raise StationMovedOut(
            f"Quầy này đã được chuyển sang máy khác (xuất tệp chuyển quầy lúc "
            f"{moved.get('at', '')}): máy này không tiếp nhận thêm để không cấp trùng mã hồ "
            "sơ. Nếu việc chuyển không thành, quản trị viên chạy `intake-app station reopen`.",
            f"the station was exported at {moved.get('at')} to {moved.get('file')}")


def export_station(desk: Desk, out: Path, *, replace: bool = False, keep_working: bool = False,
                   ) -> ExportResult:
    """Write the station file (see the module docstring). An administrator's."""
    desk.require(Permission.BACKUP)
    out = desk.check_output_path(Path(out), replace=replace).absolute()
    station = desk.station
    made_at = iso(desk.clock())
    secret = parse_recovery_key(desk.keys.recovery_key)
    kept = sorted(p for folder in KEPT_FOLDERS for p in (desk.data_dir / folder).rglob("*")
                  if p.is_file() and not p.name.startswith("."))
    receipts = [p for p in kept if p.relative_to(desk.data_dir).parts[0] == "receipts"]
    with files.private_temp_folder(desk.data_dir / "tmp") as temp:
        copy = temp / DATABASE_FILE
        files.snapshot(desk.data_dir / DATABASE_FILE, copy, desk.keys.database_key)
        facts = files.read_facts(copy, desk.keys.database_key)
        if not facts.sound:
            raise InvalidInput(
                "Bản sao của cơ sở dữ liệu không qua được kiểm tra toàn vẹn: chưa xuất được. "
                "Hãy chạy `intake-app doctor`.", f"integrity_check: {facts.integrity[:5]}")
        payload = temp / "payload.zip"
        manifest = {
            "format": FORMAT, "made_at": made_at, "app_version": __version__,
            "unit_code": station.unit_code, "unit_name": station.unit_name,
            "station_no": station.station_no, "key_id": desk.keys.key_id,
            "migrations": facts.migrations, "dossiers": facts.dossiers,
            "receipts": len(receipts), "kept_files": len(kept),
            "sha256": files.sha256_of(copy),
        }
        with zipfile.ZipFile(payload, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.write(desk.data_dir / KEYS_FILE, KEYS_FILE)
            archive.write(copy, DATABASE_FILE)
            mark = high_water.path_of(desk.data_dir)
            if mark.exists():
                archive.write(mark, high_water.HIGH_WATER_FILE)
            for path in kept:
                archive.write(path, path.relative_to(desk.data_dir).as_posix())
        part = out.with_name(f".{out.name}.part")
        part.unlink(missing_ok=True)
        try:
            sealed_file.seal(payload, part, secret, {
                "holds": "station", "unit_code": station.unit_code,
                "station_no": station.station_no, "made_at": made_at, "key_id":
                desk.keys.key_id})
            os.replace(part, out)
        finally:
            part.unlink(missing_ok=True)
    with write_transaction(desk.db):
        if not keep_working:
            from ..store import settings

            settings.set_value(desk.db, MOVED_KEY, {"at": made_at, "file": str(out)})
        desk.audit.record("station.exported", out.name, {
            "dossiers": facts.dossiers, "receipts": len(receipts),
            "stops_here": not keep_working})
    log.info("station exported to %s (%d dossiers, %d receipts)", out, facts.dossiers,
             len(receipts))
    return ExportResult(out, out.stat().st_size, facts.dossiers, len(receipts), made_at,
                        not keep_working)


def reopen_station(desk: Desk) -> bool:
    """The move did not happen: this PC may stamp again. False if it was not stopped.
    An administrator's."""
    desk.require(Permission.STATION_SETUP)
    if not desk.setting(MOVED_KEY):
        return False
    with write_transaction(desk.db):
        from ..store import settings

        settings.set_value(desk.db, MOVED_KEY, None)
        desk.audit.record("station.reopened", "", {})
    return True


def import_station(data_dir: Path, source: Path, recovery_text: str, *,
                   allow_key_file: bool = False, clock: Callable[[], datetime] = now_vn,
                   actor: str = "") -> ImportResult:
    """Put the station of a station file into the empty data folder `data_dir`."""
    from ..desk import Desk

    data_dir = Path(data_dir).absolute()
    if has_station_files(data_dir, DATABASE_FILE):
        raise ImportRefused(
            f"Thư mục dữ liệu {data_dir} đã có một quầy: hãy nhập vào một thư mục dữ liệu "
            "trống (hoặc dùng `intake-app restore` để khôi phục chính quầy này).",
            f"{data_dir} already holds a station", {"data_dir": "đã có quầy"})
    secret = parse_recovery_key(recovery_text)
    header, _ = sealed_file.read_header(source)
    if header.get("holds") != "station":
        raise ImportRefused("Tệp này không phải tệp chuyển quầy.", "not a station file",
                            {"file": "không phải tệp chuyển quầy"})
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    with files.private_temp_folder(data_dir / "tmp") as staging:
        payload = staging / "payload.zip"
        sealed_file.unseal(source, payload, secret)
        with zipfile.ZipFile(payload) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            unknown = [m for m in manifest.get("migrations", [])
                       if m not in set(known_migrations())]
            if unknown:
                raise ImportRefused(
                    "Tệp chuyển quầy do một phiên bản mới hơn của ứng dụng tạo: hãy cài phiên "
                    "bản mới nhất trên máy này rồi nhập lại.", f"unknown migrations {unknown}",
                    {"file": "phiên bản mới hơn"})
            unpacked = staging / "unpacked"
            unpacked.mkdir()
            for name in archive.namelist():
                target = (unpacked / name).resolve()
                if not target.is_relative_to(unpacked.resolve()):
                    raise ImportRefused("Tệp chuyển quầy có đường dẫn không hợp lệ.",
                                        f"member {name!r} escapes", {"file": "không hợp lệ"})
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(name) as member, open(target, "wb") as out:
                    shutil.copyfileobj(member, out)
        payload.unlink()
        key_id, database_key, _audit = unseal_keys_file(unpacked, recovery_text)
        if key_id != manifest.get("key_id"):
            raise ImportRefused("Tệp khóa trong tệp chuyển quầy không khớp.",
                                f"keys {key_id} vs manifest {manifest.get('key_id')}",
                                {"file": "tệp khóa không khớp"})
        database = unpacked / DATABASE_FILE
        if files.sha256_of(database) != manifest.get("sha256"):
            raise ImportRefused("Cơ sở dữ liệu trong tệp chuyển quầy đã bị hỏng.",
                                "sha256 differs", {"file": "bị hỏng"})
        try:
            facts = files.read_facts(
                database, None if cipher.is_plaintext(database) else database_key)
        except cipher.DatabaseError as exc:
            raise ImportRefused("Không mở được cơ sở dữ liệu trong tệp chuyển quầy.", str(exc),
                                {"file": "không mở được"}) from exc
        if not facts.sound or (facts.unit_code, facts.station_no) != (
                manifest.get("unit_code"), manifest.get("station_no")):
            raise ImportRefused("Cơ sở dữ liệu trong tệp chuyển quầy không toàn vẹn.",
                                f"integrity {facts.integrity[:3]}, station "
                                f"{facts.unit_code}/{facts.station_no}",
                                {"file": "không toàn vẹn"})
        for name in (KEYS_FILE, high_water.HIGH_WATER_FILE, DATABASE_FILE, *KEPT_FOLDERS):
            if (unpacked / name).exists():
                os.replace(unpacked / name, data_dir / name)
        fsync_folder(data_dir)
    restore_station_keys(data_dir, recovery_text, allow_key_file=allow_key_file)
    with Desk(data_dir, clock=clock, backup_before_upgrade=False) as desk:
        desk.catch_up_high_water()
        from ..store import sync_state
        from ..sync.engine import GATEWAY_URL_KEY
        from .restore import PROVINCE_PENDING

        configured = bool(desk.setting(GATEWAY_URL_KEY))
        with write_transaction(desk.db):
            if configured:
                sync_state.put(desk.db, PROVINCE_PENDING, {"since": iso(desk.clock())})
            desk.db.execute(
                "INSERT INTO station_restores (restored_at, source, source_made_at, set_aside, "
                "high_water, actor) VALUES (?, ?, ?, NULL, ?, ?)",
                [iso(desk.clock()), str(source), manifest.get("made_at"), json.dumps({
                    "station_file": True}), actor])
            desk.audit.record("station.imported", Path(source).name, {
                "exported_at": manifest.get("made_at"), "dossiers": facts.dossiers,
                "receipts": manifest.get("receipts")}, actor=actor)
        token_needed = configured and not desk.sync.has_token()
    log.info("station %s/%s imported into %s from %s", manifest.get("unit_code"),
             manifest.get("station_no"), data_dir, source)
    return ImportResult(data_dir, str(manifest.get("unit_code")),
                        int(manifest.get("station_no", 0)), facts.dossiers,
                        int(manifest.get("receipts", 0)), str(manifest.get("made_at")),
                        token_needed)

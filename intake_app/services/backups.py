"""Backups that work without thinking (`desk.backups`): where, when, how many, and whether the
last one worked.

- **Where.** A configured folder (`backup.folder`: a second disk or a USB stick); until IT
  chooses one, a folder beside the data folder (`<data folder>-backups`). That default is on
  the data folder's own disk, the weakest place (it survives a damaged database or a deleted
  file, not a dead disk): the status, `doctor` and the backup page say so until another place
  is chosen. Each station keeps its backups in a folder of its own inside the place
  (`<unit code>-quay-<n>`), so one USB stick may serve several counters.
- **When.** The window backs up when it starts on a day with no good backup yet (so a PC that
  was switched off at closing time is backed up the next morning), every day it stays open,
  and when it is closed; `intake-app backup` any time. A backup is skipped when nothing was
  written since the last good one (the audit trail's last record says so).
- **How many.** After each good backup the rotation keeps the newest of the last 7 days, 4
  weeks and 12 months (`domain.backup_rotation`); backups taken before an upgrade
  are kept apart (the last 3). Nothing else in the place is ever touched.
- **Whether it worked.** Each attempt is recorded (db/0010 `backups`); a failed one (USB stick
  missing, disk full) stays in the status bar until one succeeds.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..domain.accounts import Permission
from ..domain.backup_rotation import backups_to_keep
from ..domain.clock import iso, to_vn
from ..domain.errors import Failed, InvalidInput
from ..station_keys import KEYS_FILE
from ..store import backup as files
from ..store import cipher
from ..store.db import DATABASE_FILE, write_transaction

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

FOLDER_KEY = "backup.folder"
AUTOMATIC_KINDS = ("daily", "start", "exit")
KINDS = (*AUTOMATIC_KINDS, "manual", "pre-upgrade")
KIND_LABELS = {"daily": "hằng ngày", "start": "đầu ngày", "exit": "khi thoát",
               "manual": "theo yêu cầu", "pre-upgrade": "trước khi nâng cấp"}
SET_APART = ("pre-upgrade",)  # outside the rotation
SET_APART_KEEP = 3  # of each of these, the newest kept
STALE_AFTER = timedelta(days=2)  # doctor: the last good backup is too old
TEMP_FOLDER = "tmp"


class BackupFailed(Failed):
    """A backup could not be made; the message says why and what to do (Vietnamese)."""


class BackupPlaceRefused(InvalidInput):
    """The folder chosen for backups cannot be used."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, as its manifest describes it."""

    path: Path
    made_at: datetime
    kind: str
    size: int
    dossiers: int
    schema: str
    unit_code: str
    station_no: int
    last_code: str | None
    sha256: str
    changes: int

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def as_dict(self) -> dict[str, Any]:
        return {"file": str(self.path), "made_at": iso(self.made_at), "kind": self.kind,
                "size": self.size, "dossiers": self.dossiers, "schema": self.schema,
                "last_code": self.last_code}


@dataclass(frozen=True)
class BackupAttempt:
    """One row of the `backups` table."""

    started_at: str
    finished_at: str
    kind: str
    ok: bool
    path: str | None
    size: int | None
    dossiers: int | None
    changes: int | None
    error: str | None


@dataclass(frozen=True)
class BackupStatus:
    place: Path
    place_is_default: bool
    same_disk: bool  # the place is on the data folder's own disk
    last_good: BackupAttempt | None
    failing: BackupAttempt | None  # the last attempt, when it failed (no success after it)

    def as_dict(self) -> dict[str, Any]:
        return {"place": str(self.place), "place_is_default": self.place_is_default,
                "same_disk": self.same_disk,
                "last_good": self.last_good.__dict__ if self.last_good else None,
                "failing": self.failing.__dict__ if self.failing else None}


def default_place(data_dir: Path) -> Path:
    """Beside the data folder (never inside it: a restore sets the data folder's files aside)."""
    data_dir = Path(data_dir).absolute()
    return data_dir.with_name(data_dir.name + "-backups")


def station_folder_name(unit_code: str, station_no: int) -> str:
    return f"{unit_code}-quay-{station_no}"


def same_disk(a: Path, b: Path) -> bool:
    """Whether two existing paths (or their nearest existing parents) share a device."""
    def device(path: Path) -> int | None:
        for folder in (path, *path.parents):
            try:
                return os.stat(folder).st_dev
            except OSError:
                continue
        return None

    first, second = device(Path(a).absolute()), device(Path(b).absolute())
    return first is not None and first == second


def place_problem(exc: OSError, place: Path) -> str:
    """What to tell a person about a backup place that failed (Vietnamese)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        free = _free_text(place)
        return (f"Nơi sao lưu {place} đã đầy{free}: hãy xoá bớt tệp không cần trên ổ đó, "
                "hoặc chọn nơi sao lưu khác.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"Không ghi được vào nơi sao lưu {place} (ổ chỉ cho đọc, hoặc tài khoản này "
                "không có quyền ghi).")
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO):
        return (f"Không tìm thấy hoặc không đọc được nơi sao lưu {place}: ổ USB hoặc ổ đĩa "
                "thứ hai chưa được cắm, hoặc đã bị rút ra.")
    return f"Không sao lưu được vào {place}: {exc.strerror or exc}."


def _free_text(place: Path) -> str:
    for folder in (place, *place.parents):
        try:
            free = shutil.disk_usage(folder).free
        except OSError:
            continue
        return f" (còn trống {human_size(free)})"
    return ""


def human_size(size: int) -> str:
    """Bytes as a person reads them, Vietnamese decimal comma.

    >>> human_size(3_456_789)
    '3,3 MB'
    """
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            text = f"{value:.0f}" if unit == "B" else f"{value:.1f}"
            return f"{text.replace('.', ',')} {unit}"
        value /= 1024
    return f"{size} B"


@dataclass(frozen=True)
class StationId:
    """Whose backup it is (written in its manifest)."""

    unit_code: str
    unit_name: str
    station_no: int
    key_id: str


def write_backup(data_dir: Path, key: bytes | None, station: StationId, kind: str,
                 started: datetime, target: Path, place: Path, *,
                 replace: bool = False) -> BackupInfo:
    """Snapshot the station's database, check the copy, pack it into `target` and read the
    packed bytes back from the backup place; BackupFailed (Vietnamese) at any step."""
    data_dir = Path(data_dir)
    try:
        with files.private_temp_folder(data_dir / TEMP_FOLDER) as temp:
            copy = temp / DATABASE_FILE
            files.snapshot(data_dir / DATABASE_FILE, copy, key)
            facts = files.read_facts(copy, key)
            if not facts.sound:
                raise BackupFailed(
                    "Bản sao của cơ sở dữ liệu không qua được kiểm tra toàn vẹn, nên không "
                    "được lưu thành bản sao lưu: cơ sở dữ liệu có thể đã hỏng. Hãy chạy "
                    "`intake-app doctor` và báo bộ phận CNTT.",
                    f"integrity_check of the snapshot: {facts.integrity[:5]}")
            digest = files.sha256_of(copy)
            manifest = {
                "format": files.FORMAT, "kind": kind, "made_at": iso(started),
                "app_version": __version__, "unit_code": station.unit_code,
                "unit_name": station.unit_name, "station_no": station.station_no,
                "key_id": station.key_id, "encrypted": key is not None,
                "schema": facts.migrations[-1] if facts.migrations else "",
                "migrations": facts.migrations, "dossiers": facts.dossiers,
                "last_code": facts.last_code, "changes": facts.changes,
                "database_size": copy.stat().st_size, "sha256": digest, "integrity": "ok",
            }
            keys_file = data_dir / KEYS_FILE
            files.write_archive(target, manifest, copy,
                                keys_file if keys_file.exists() else None, replace=replace)
    except BackupFailed:
        raise
    except FileExistsError as exc:
        raise BackupFailed(f"Đã có tệp {target}: hãy chọn tên khác.", str(exc)) from exc
    except OSError as exc:
        failed_at = Path(exc.filename) if isinstance(exc.filename, str) else target
        where = place if failed_at.absolute().is_relative_to(place.absolute()) else data_dir
        raise BackupFailed(place_problem(exc, where), f"backup to {target}: {exc}") from exc
    except cipher.Error as exc:
        raise BackupFailed(
            "Không đọc được cơ sở dữ liệu để sao lưu (có thể đã hỏng, hoặc bị khoá quá lâu). "
            "Hãy chạy `intake-app doctor`.", f"snapshot failed: {exc}") from exc
    try:  # what lies on the backup place is what passed the check
        written = files.member_sha256(target)
    except (OSError, files.BackupFileProblem) as exc:
        raise BackupFailed(
            f"Không đọc lại được bản sao lưu vừa ghi vào {place}: ổ đĩa hoặc ổ USB có thể bị "
            "lỗi hoặc đã bị rút ra.", f"reading back {target}: {exc}") from exc
    if written != digest:
        target.unlink(missing_ok=True)
        raise BackupFailed(
            f"Bản sao lưu ghi ra {place} đọc lại không khớp với bản đã kiểm tra: ổ đĩa hoặc "
            "ổ USB có thể bị lỗi. Hãy thử ổ khác.",
            f"{target}: sha256 {written} read back, {digest} written")
    return info_of(target, manifest)


def info_of(path: Path, manifest: dict[str, Any]) -> BackupInfo:
    """A backup file as its manifest describes it."""
    made = files.made_at(manifest) or datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return BackupInfo(
        path=path, made_at=to_vn(made) if made.tzinfo else made,
        kind=str(manifest.get("kind", "")), size=path.stat().st_size,
        dossiers=int(manifest.get("dossiers", 0)), schema=str(manifest.get("schema", "")),
        unit_code=str(manifest.get("unit_code", "")),
        station_no=int(manifest.get("station_no", 0)),
        last_code=manifest.get("last_code"), sha256=str(manifest.get("sha256", "")),
        changes=int(manifest.get("changes", 0)))


def new_backup_name(folder: Path, station: StationId | Any, started: datetime,
                    kind: str) -> Path:
    """`<unit>-quay-<n>-<yyyymmdd-hhmmss>-<kind>.intake-backup`, never an existing name."""
    stem = f"{station.unit_code}-quay-{station.station_no}-{to_vn(started):%Y%m%d-%H%M%S}"
    target = folder / f"{stem}-{kind}{files.SUFFIX}"
    counter = 2
    while target.exists():
        target = folder / f"{stem}-{kind}-{counter}{files.SUFFIX}"
        counter += 1
    return target


def backup_before_upgrade(data_dir: Path, key: bytes | None, key_id: str,
                          started: datetime, pending: list[str]) -> BackupInfo | None:
    """Before this version migrates an older station's database: a backup of it as it is, in
    the configured backup place or else beside the data folder. BackupFailed if neither takes
    it (then nothing is migrated); None when the folder holds no station yet."""
    data_dir = Path(data_dir)
    conn = files.open_file(data_dir / DATABASE_FILE, key)
    try:
        values = dict(conn.execute(
            "SELECT key, value FROM settings WHERE key IN ('station', ?)", [FOLDER_KEY]))
    except cipher.Error:
        values = {}
    finally:
        conn.close()
    try:
        raw = json.loads(values.get("station", "null"))
        configured = json.loads(values.get(FOLDER_KEY, "null"))
    except ValueError:
        raw, configured = None, None
    if not isinstance(raw, dict):
        return None
    station = StationId(str(raw.get("unit_code", "")), str(raw.get("unit_name", "")),
                        int(raw.get("station_no", 0)), key_id)
    places = ([Path(configured)] if isinstance(configured, str) and configured else []) + \
        [default_place(data_dir)]
    failures: list[BackupFailed] = []
    for place in places:
        try:
            if place == default_place(data_dir):
                place.mkdir(parents=True, exist_ok=True, mode=0o700)
            folder = place / station_folder_name(station.unit_code, station.station_no)
            folder.mkdir(exist_ok=True)
            target = new_backup_name(folder, station, started, "pre-upgrade")
            info = write_backup(data_dir, key, station, "pre-upgrade", started, target, place)
        except OSError as exc:
            failures.append(BackupFailed(place_problem(exc, place), str(exc)))
        except BackupFailed as exc:
            failures.append(exc)
        else:
            log.info("backup before upgrading (%s): %s", ", ".join(pending), info.path)
            return info
    raise BackupFailed(
        "Phiên bản mới cần sao lưu dữ liệu trước khi nâng cấp cơ sở dữ liệu nhưng không sao "
        "lưu được, nên chưa nâng cấp gì (dữ liệu vẫn nguyên như cũ). " + failures[-1].message,
        "; ".join(f.detail for f in failures))


class Backups:
    """The backups of one open station."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.db = desk.db

    # ---- where -------------------------------------------------------------------------------

    def place(self) -> Path:
        configured = self.desk.setting(FOLDER_KEY)
        return Path(configured) if configured else default_place(self.desk.data_dir)

    def folder(self) -> Path:
        """This station's folder inside the place."""
        station = self.desk.station
        return self.place() / station_folder_name(station.unit_code, station.station_no)

    def kept_folders(self) -> list[Path]:
        """Where this station's backups are (no person's output may be written there): its
        folder in the configured place; the default place is kept whole (`data_folder`)."""
        if not self.desk.is_set_up():
            return []
        return [self.folder()]

    def set_place(self, folder: str | Path | None) -> Path:
        """Choose where backups go (None: back to the default); the folder must exist and take
        a file now, and must not be inside the data folder. An administrator's."""
        self.desk.require(Permission.BACKUP)
        if folder is None or str(folder).strip() == "":
            self.desk.set_setting(FOLDER_KEY, None)
            return self.place()
        place = self.check_place(folder)
        self.desk.set_setting(FOLDER_KEY, str(place))
        return place

    def check_place(self, folder: str | Path) -> Path:
        """The absolute folder if backups may go there (BackupPlaceRefused, naming the field
        `backup_folder`, if not); nothing is stored."""
        place = Path(folder).expanduser().absolute()
        data = self.desk.data_dir.absolute()
        if place == data or data in place.parents:
            raise BackupPlaceRefused(
                "Nơi sao lưu không được nằm trong thư mục dữ liệu: hãy chọn một ổ đĩa khác "
                "hoặc ổ USB.", f"backup place {place} is inside the data folder {data}",
                {"backup_folder": "nằm trong thư mục dữ liệu"})
        if not place.is_dir():
            raise BackupPlaceRefused(
                f"Không có thư mục {place}: hãy cắm ổ USB hoặc chọn một thư mục đã có.",
                f"backup place {place} does not exist", {"backup_folder": "không có"})
        probe = place / f".intake-app-probe-{secrets.token_hex(4)}"
        try:
            probe.write_bytes(b"probe")
            probe.unlink()
        except OSError as exc:
            raise BackupPlaceRefused(place_problem(exc, place), f"cannot write in {place}: {exc}",
                                     {"backup_folder": "không ghi được"}) from exc
        return place

    # ---- making one --------------------------------------------------------------------------

    def _database_key(self) -> bytes | None:
        """The key the database (and so each backup) is encrypted with."""
        return self.desk.keys.database_key

    def make(self, *, kind: str = "manual", out: Path | None = None, replace: bool = False,
             ) -> BackupInfo:
        """Take a backup now: into this station's backup folder (then rotate), or into `out`.

        Records the attempt either way; BackupFailed (Vietnamese) when it could not be made.
        A manual backup is an administrator's; the automatic ones are the app's.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown backup kind {kind!r}")
        actor = self.desk.require(Permission.BACKUP).login if kind == "manual" else ""
        started = self.desk.clock()
        try:
            info = self._make(kind, started, out, replace)
        except BackupFailed as exc:
            self._record(kind, started, None, exc.message, actor)
            raise
        self._record(kind, started, info, None, actor)
        if out is None:
            self.rotate()
        return info

    def _make(self, kind: str, started: datetime, out: Path | None,
              replace: bool) -> BackupInfo:
        station = self.desk.station
        target_folder = Path(out).absolute().parent if out is not None else self.folder()
        place = target_folder if out is not None else self.place()
        if out is None:
            if not self.desk.setting(FOLDER_KEY):  # the default place is made when first used
                try:
                    place.mkdir(parents=True, exist_ok=True, mode=0o700)
                except OSError as exc:
                    raise BackupFailed(place_problem(exc, place), str(exc)) from exc
            if not place.is_dir():
                raise BackupFailed(place_problem(OSError(errno.ENOENT, "missing"), place),
                                   f"backup place {place} is missing")
            try:
                target_folder.mkdir(exist_ok=True)
            except OSError as exc:
                raise BackupFailed(place_problem(exc, place), str(exc)) from exc
            target = new_backup_name(target_folder, station, started, kind)
        else:
            target = self.desk.check_output_path(Path(out), replace=replace).absolute()
            if not target_folder.is_dir():
                raise BackupFailed(f"Không có thư mục {target_folder}.",
                                   f"{target_folder} is missing")
        station_id = StationId(station.unit_code, station.unit_name, station.station_no,
                               self.desk.keys.key_id)
        return write_backup(self.desk.data_dir, self._database_key(), station_id, kind,
                            started, target, place, replace=replace)

    def record_made(self, info: BackupInfo) -> None:
        """Record a backup made before this desk was open (the one before an upgrade)."""
        self._record(info.kind, info.made_at, info, None, "")

    def _record(self, kind: str, started: datetime, info: BackupInfo | None,
                error: str | None, actor: str) -> None:
        """Remember the attempt (best effort: a database that cannot be written does not turn
        a made backup into a failure)."""
        finished = iso(self.desk.clock())
        try:
            with write_transaction(self.db):
                self.db.execute(
                    "INSERT INTO backups (started_at, finished_at, kind, ok, path, size, "
                    "dossiers, sha256, changes, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [iso(started), finished, kind, int(info is not None),
                     str(info.path) if info else None, info.size if info else None,
                     info.dossiers if info else None, info.sha256 if info else None,
                     info.changes if info else None, error])
                self.desk.audit.record(
                    "backup.made" if info else "backup.failed",
                    info.path.name if info else kind,
                    {"kind": kind, "size": info.size if info else None,
                     "dossiers": info.dossiers if info else None, "error": error},
                    actor=actor)
        except cipher.Error + (OSError, Failed) as exc:
            log.error("could not record the backup attempt (%s): %s", kind, exc)
        if info is not None:
            log.info("backup %s made: %s (%d bytes, %d dossiers)", kind, info.path, info.size,
                     info.dossiers)
        else:
            log.warning("backup %s failed: %s", kind, error)

    # ---- which there are ---------------------------------------------------------------------

    def listing(self) -> list[BackupInfo]:
        """This station's backups in its backup folder, newest first (files that are not
        backups, or another station's, are left out)."""
        folder = self.folder()
        station = self.desk.station
        found: list[BackupInfo] = []
        try:
            candidates = sorted(folder.glob(f"*{files.SUFFIX}"))
        except OSError:
            return []
        for path in candidates:
            try:
                manifest = files.read_manifest(path)
                info = info_of(path, manifest)
            except (files.BackupFileProblem, OSError, ValueError) as exc:
                log.warning("skipping %s in the backup folder: %s", path, exc)
                continue
            if (info.unit_code, info.station_no) == (station.unit_code, station.station_no):
                found.append(info)
        return sorted(found, key=lambda info: info.made_at, reverse=True)

    def rotate(self) -> list[Path]:
        """Delete the backups the rotation no longer keeps; returns what was deleted."""
        backups = self.listing()
        rotating = {b.path: b.made_at for b in backups if b.kind in (*AUTOMATIC_KINDS, "manual")}
        keep = backups_to_keep(rotating)
        for kind in SET_APART:
            keep |= {b.path for b in [b for b in backups if b.kind == kind][:SET_APART_KEEP]}
        removed = []
        for info in backups:
            if info.path in keep or info.kind not in KINDS:
                continue
            try:
                info.path.unlink()
                removed.append(info.path)
            except OSError as exc:
                log.warning("rotation could not delete %s: %s", info.path, exc)
        if removed:
            log.info("backup rotation removed %d old backups", len(removed))
        return removed

    # ---- is one due, did the last one work ---------------------------------------------------

    def attempts(self, limit: int = 20) -> list[BackupAttempt]:
        rows = self.db.execute(
            "SELECT started_at, finished_at, kind, ok, path, size, dossiers, changes, error "
            "FROM backups ORDER BY id DESC LIMIT ?", [limit]).fetchall()
        return [BackupAttempt(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7], r[8])
                for r in rows]

    def last_good(self) -> BackupAttempt | None:
        row = self.db.execute(
            "SELECT started_at, finished_at, kind, ok, path, size, dossiers, changes, error "
            "FROM backups WHERE ok = 1 ORDER BY id DESC LIMIT 1").fetchone()
        return BackupAttempt(row[0], row[1], row[2], True, *row[4:]) if row else None

    def status(self) -> BackupStatus:
        attempts = self.attempts(1)
        failing = attempts[0] if attempts and not attempts[0].ok else None
        place = self.place()
        return BackupStatus(place, not self.desk.setting(FOLDER_KEY),
                            same_disk(place, self.desk.data_dir), self.last_good(), failing)

    def changes(self) -> int:
        """The audit trail's last record that is not about backups: what a backup holds."""
        row = self.db.execute("SELECT max(seq) FROM audit_log WHERE action NOT LIKE "
                              "'backup.%'").fetchone()
        return int(row[0] or 0)

    def due(self) -> bool:
        """Whether an automatic backup should be taken now: none has worked yet, the last one
        failed, or today has none and something was written since the last good one."""
        last = self.last_good()
        if last is None:
            return True
        if self.status().failing is not None:
            return True
        made = to_vn(datetime.fromisoformat(last.started_at))
        if made.date() >= self.desk.clock().date():
            return False
        return self.changes() != (last.changes or 0)

    def changed_since_last(self) -> bool:
        last = self.last_good()
        return last is None or self.changes() != (last.changes or 0)

    def run_if_due(self, kind: str = "daily") -> BackupInfo | None:
        """The automatic backup: taken only when due (BackupFailed if it fails)."""
        if not self.due():
            return None
        return self.make(kind=kind)

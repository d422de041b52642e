"""Restoring a station from a backup, and never handing out a code twice.

**Restoring** (`restore_station`, `intake-app restore FILE`, the backup page) works on a closed
station: it refuses while another process has the database open (the window, a command, the
sync), checks the backup whole before anything is touched (it opens with the station's key or
the recovery key, passes `integrity_check`, matches its manifest, is this station's and not of
a newer version), then moves the database and its `-wal`/`-shm` files aside into a dated
folder (`set-aside/<time>-restore/`, never deleted; a stale WAL never meets the restored file),
and puts the backup's database in their place in one rename.

**Codes.** The restored database has forgotten what was stamped after the backup, and
citizens hold receipts with those codes. Before the station stamps again, the highest code it
ever handed out is found from everything that outlives the database:

- the high-water file (`store.high_water`), written with every stamp;
- the receipts kept in the data folder (`receipts/<yyyy>/<mm>/<code>.pdf`);
- the database set aside by this and earlier restores, when it still opens;
- the province's summary (`highest_by_day`), when sync is set up and the gateway answers;

and the high-water file is raised to it, so the next stamp continues above (the skipped codes
are recorded in `code_gaps` with the restore as their reason). The dossiers that now exist
only as a receipt, in the high-water mark, in a set-aside database or at the province are
listed (`missing_dossiers`, `intake-app restore --report`, the backup page) for the supervisor
to re-enter or recover.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..data_folder import fsync_folder
from ..domain.clock import iso, now_vn, to_vn
from ..domain.dossier_code import DOSSIER_CODE_RE
from ..domain.errors import InvalidInput, NotAllowed, NotFound
from ..station_keys import (
    KEYS_FILE,
    KeysMissing,
    read_keys_file,
    restore_station_keys,
    secret_store,
    stored_keys,
    unseal_keys_file,
)
from ..store import backup as files
from ..store import cipher, code_gaps, high_water
from ..store.db import DATABASE_FILE, write_transaction
from ..store.schema import known_migrations

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

SET_ASIDE_FOLDER = "set-aside"
RECEIPTS_FOLDER = "receipts"
DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal")


class StationInUse(NotAllowed):
    """Another process has the station's database open: a restore must wait."""

    def __init__(self, detail: str):
        super().__init__(
            "Cơ sở dữ liệu của quầy đang được mở (cửa sổ Tiếp nhận hồ sơ, một lệnh khác hoặc "
            "đồng bộ đang chạy). Hãy đóng mọi cửa sổ và chương trình của ứng dụng trên máy này "
            "rồi khôi phục lại; chưa có gì bị thay đổi.",
            f"the database is open in another process: {detail}")


class BackupRefused(InvalidInput):
    """The backup cannot be restored here (another station's, newer, damaged, wrong key)."""


# ---- what outlives the database ----------------------------------------------------------------

@dataclass(frozen=True)
class KeptReceipt:
    code: str
    path: Path


def kept_receipts(data_dir: Path, unit_code: str, station_no: int) -> dict[str, Path]:
    """The station's original receipts kept in the data folder, by code."""
    found: dict[str, Path] = {}
    folder = Path(data_dir) / RECEIPTS_FOLDER
    for path in folder.glob("*/*/*.pdf"):
        match = DOSSIER_CODE_RE.match(path.stem)
        if match and match["unit"] == unit_code and int(match["station"]) == station_no:
            found[path.stem] = path
    return found


def highest_by_day(codes: Iterable[str]) -> dict[str, int]:
    """The highest daily sequence per day among dossier codes.

    >>> highest_by_day(["000.00.12.H56-261202-2003", "000.00.12.H56-261202-2001"])
    {'261202': 3}
    """
    days: dict[str, int] = {}
    for code in codes:
        match = DOSSIER_CODE_RE.match(code)
        if match:
            days[match["day"]] = max(days.get(match["day"], 0), int(match["seq"]))
    return days


@dataclass(frozen=True)
class ReceiptFacts:
    """What a kept receipt says, read back from its PDF (best effort: None if not found)."""

    applicant: str | None = None
    procedure: str | None = None
    received: str | None = None
    ledger_book: str | None = None
    ledger_number: int | None = None


_APPLICANT = re.compile(r"Ông/Bà:\s*(.+?)(?:\s+Số định danh|\n|$)")
_PROCEDURE = re.compile(r"Nội dung yêu cầu giải quyết:\s*(.+?)\s*\(Mã TTHC")
_RECEIVED = re.compile(r"Thời gian nhận hồ sơ:\s*(\d+ giờ \d+ phút, ngày \d\d/\d\d/\d{4})")
_LEDGER = re.compile(r"Quyển số:\s*([^,\n]+),\s*Số thứ tự:\s*(\d+)")


def read_receipt(path: Path, key: bytes) -> ReceiptFacts:
    """The applicant, procedure, time and ledger entry printed on a kept receipt (unsealed in
    memory with the documents' `key`)."""
    try:
        import pypdfium2 as pdfium

        from ..documents import kept
        from ..domain.text import nfc

        document = pdfium.PdfDocument(kept.read(key, path))
        try:
            text = nfc("\n".join(page.get_textpage().get_text_range() for page in document))
        finally:
            document.close()
    except Exception as exc:  # noqa: BLE001 - an unreadable receipt is only less evidence
        log.warning("cannot read the kept receipt %s: %s", path, exc)
        return ReceiptFacts()
    flat = re.sub(r"[ \t]*\r?\n[ \t]*", "\n", text)

    def first(pattern: re.Pattern[str], source: str) -> str | None:
        match = pattern.search(source)
        return " ".join(match.group(1).split()) if match else None

    ledger = _LEDGER.search(flat)
    return ReceiptFacts(
        applicant=first(_APPLICANT, flat),
        procedure=first(_PROCEDURE, flat.replace("\n", " ")),
        received=first(_RECEIVED, flat.replace("\n", " ")),
        ledger_book=ledger.group(1).strip() if ledger else None,
        ledger_number=int(ledger.group(2)) if ledger else None)


def set_aside_databases(data_dir: Path) -> list[Path]:
    """The databases earlier restores set aside, newest first."""
    folder = Path(data_dir) / SET_ASIDE_FOLDER
    return sorted(folder.glob(f"*/{DATABASE_FILE}"), reverse=True)


def _codes_in_database(path: Path, key: bytes | None, unit_code: str,
                       station_no: int) -> tuple[set[str], dict[str, int]]:
    """(codes of the station, highest ledger number per book) in a database file; empty when it
    does not open (damaged, another key): logged."""
    try:
        conn = files.open_file(path, key)
        try:
            conn.execute("PRAGMA query_only = 1")
            codes = {code for (code,) in conn.execute(
                "SELECT code FROM dossiers WHERE station_no = ?", [station_no])
                if code.startswith(f"{unit_code}-")}
            books = {book: int(number) for book, number in conn.execute(
                "SELECT ledger_book, max(ledger_number) FROM dossiers GROUP BY ledger_book")}
        finally:
            conn.close()
    except cipher.Error as exc:
        log.warning("cannot read the codes of the set-aside database %s: %s", path, exc)
        return set(), {}
    return codes, books


@dataclass(frozen=True)
class MissingDossier:
    """A code this station handed out (or may have) that its database does not hold."""

    code: str
    day_key: str
    sequence: int
    evidence: tuple[str, ...]  # receipt, high-water, set-aside, province
    receipt: Path | None = None
    facts: ReceiptFacts = field(default_factory=ReceiptFacts)
    gap_reason: str | None = None  # the recorded gap that explains it ('restored', 'lost')

    @property
    def certainly_issued(self) -> bool:
        """A receipt, a set-aside database or the province proves it was handed out; the
        high-water file alone may also mean a stamp cut off before it was saved."""
        return bool({"receipt", "set-aside", "province"} & set(self.evidence))

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "evidence": list(self.evidence),
                "certainly_issued": self.certainly_issued,
                "receipt": str(self.receipt) if self.receipt else None,
                "applicant": self.facts.applicant, "procedure": self.facts.procedure,
                "received": self.facts.received, "gap": self.gap_reason}


@dataclass(frozen=True)
class CodeSources:
    """The highest daily sequence per day from each source that outlives the database."""

    database: dict[str, int]
    high_water: dict[str, int]
    receipts: dict[str, int]
    set_aside: dict[str, int]
    province: dict[str, int] | None  # None: not asked or no answer
    books: dict[str, int]  # highest ledger number per book from all of them
    receipt_files: dict[str, Path] = field(default_factory=dict)
    set_aside_codes: set[str] = field(default_factory=set)

    def highest(self) -> dict[str, int]:
        merged: dict[str, int] = {}
        for source in (self.database, self.high_water, self.receipts, self.set_aside,
                       self.province or {}):
            for day, seq in source.items():
                merged[day] = max(merged.get(day, 0), seq)
        return dict(sorted(merged.items()))

    def as_dict(self) -> dict[str, Any]:
        return {"highest": self.highest(), "database": self.database,
                "high_water": self.high_water, "receipts": self.receipts,
                "set_aside": self.set_aside, "province": self.province,
                "province_asked": self.province is not None}


def code_sources(desk: Desk, *, ask_province: bool = True) -> CodeSources:
    """Everything the station knows about the codes it has handed out."""
    station = desk.station
    unit, number = station.unit_code, station.station_no
    database = code_gaps.highest_by_day(desk.db, number)
    mark = high_water.read(desk.data_dir, unit, number)
    receipts = kept_receipts(desk.data_dir, unit, number)
    set_aside_codes: set[str] = set()
    books = dict(mark.books)
    for path in set_aside_databases(desk.data_dir):
        codes, aside_books = _codes_in_database(path, _database_key(desk), unit, number)
        set_aside_codes |= codes
        for book, value in aside_books.items():
            books[book] = max(books.get(book, 0), value)
    province = desk.sync.province_highest_codes() if ask_province else None
    return CodeSources(database, dict(mark.days), highest_by_day(receipts),
                       highest_by_day(set_aside_codes), province, books, receipts,
                       set_aside_codes)


def _database_key(desk: Desk) -> bytes | None:
    """The key of the station's database files (and of what it set aside)."""
    return desk.keys.database_key


def _folder_key(data_dir: Path) -> bytes | None:
    """The key of the database the data folder holds now, if this PC's store has it (None:
    a plaintext file of an older version, or keys this PC does not hold)."""
    data = read_keys_file(data_dir)
    if data is None or cipher.is_plaintext(Path(data_dir) / DATABASE_FILE):
        return None
    known = stored_keys(str(data["key_id"]), secret_store(data_dir))
    return known[0] if known else None


def missing_dossiers(desk: Desk, sources: CodeSources | None = None, *,
                     ask_province: bool = True) -> list[MissingDossier]:
    """Codes handed out (or perhaps handed out) that the database does not hold, with what
    proves each and what its kept receipt says."""
    sources = sources or code_sources(desk, ask_province=ask_province)
    station = desk.station
    held: dict[str, set[int]] = {}
    for day, seq in desk.db.execute(
            "SELECT day_key, day_seq FROM dossiers WHERE station_no = ?", [station.station_no]):
        held.setdefault(day, set()).add(int(seq))
    gaps = code_gaps.gaps(desk.db)
    missing: list[MissingDossier] = []
    for day, highest in sources.highest().items():
        for seq in range(1, highest + 1):
            if seq in held.get(day, set()):
                continue
            code = f"{station.unit_code}-{day}-{station.station_no}{seq:03d}"
            evidence = []
            receipt = sources.receipt_files.get(code)
            if receipt is not None:
                evidence.append("receipt")
            if sources.high_water.get(day, 0) >= seq:
                evidence.append("high-water")
            if code in sources.set_aside_codes:
                evidence.append("set-aside")
            if sources.province and sources.province.get(day, 0) >= seq:
                evidence.append("province")
            gap = next((g.reason for g in gaps if g.day_key == day
                        and g.first_seq <= seq <= g.last_seq), None)
            missing.append(MissingDossier(
                code, day, seq, tuple(evidence), receipt,
                read_receipt(receipt, desk.documents_key) if receipt is not None
                else ReceiptFacts(), gap))
    return missing


def raise_high_water(desk: Desk, sources: CodeSources, *, reason: str, note: str) -> dict[str,
                                                                                      int]:
    """Raise the high-water file to everything found and record, for each day, the codes the
    next stamps will skip (in one transaction with an audit record). Returns the new highest
    per day."""
    station = desk.station
    highest = sources.highest()
    books = dict(sources.books)  # ledger numbers: also from the receipts of missing dossiers
    now = desk.clock()
    missing = missing_dossiers(desk, sources)
    for item in missing:
        if item.facts.ledger_book and item.facts.ledger_number:
            book = item.facts.ledger_book
            books[book] = max(books.get(book, 0), item.facts.ledger_number)
    high_water.raise_to(desk.data_dir, station.unit_code, station.station_no, days=highest,
                        books=books)
    with write_transaction(desk.db):
        for day, top in highest.items():
            in_db = sources.database.get(day, 0)
            if top > in_db and not code_gaps.covered(desk.db, station.station_no, day,
                                                     in_db + 1, top):
                code_gaps.add_gap(desk.db, code_gaps.CodeGap(
                    station.station_no, day, in_db + 1, top, iso(now), reason, note))
        desk.audit.record("codes.high_water_raised", "", {
            "highest": highest, "missing": len(missing), "reason": reason}, actor="")
    return highest


PROVINCE_PENDING = "province_codes_pending"  # sync_state: a restore could not ask the province


def _gap_reason(desk: Desk) -> str:
    restored = desk.db.execute("SELECT 1 FROM station_restores LIMIT 1").fetchone()
    return code_gaps.RESTORED if restored else code_gaps.LOST


def recheck_codes(desk: Desk, *, ask_province: bool = True) -> tuple[CodeSources,
                                                                      list[MissingDossier]]:
    """Find again the highest code ever handed out (with the province when it answers), raise
    the high-water file to it and explain the gaps; the dossiers the database lacks."""
    from ..store import sync_state

    sources = code_sources(desk, ask_province=ask_province)
    raise_high_water(desk, sources, reason=_gap_reason(desk), note=(
        "Các mã này đã được cấp (theo giấy tiếp nhận còn lưu, tệp mốc mã hồ sơ, dữ liệu cũ "
        "đã để riêng hoặc hệ thống của tỉnh) nhưng không có trong cơ sở dữ liệu; không cấp "
        "lại."))
    if sources.province is not None:
        with write_transaction(desk.db):
            sync_state.delete(desk.db, PROVINCE_PENDING)
    return sources, missing_dossiers(desk, sources)


def apply_province_codes(desk: Desk, highest: dict[str, int]) -> None:
    """The province's highest codes, learnt by a sync after a restore that could not ask."""
    from ..store import sync_state

    station = desk.station
    sources = CodeSources(code_gaps.highest_by_day(desk.db, station.station_no),
                          {}, {}, {}, dict(highest), {})
    raise_high_water(desk, sources, reason=_gap_reason(desk), note=(
        "Hệ thống của tỉnh đã nhận các mã này nhưng chúng không có trong cơ sở dữ liệu của "
        "quầy; không cấp lại."))
    with write_transaction(desk.db):
        sync_state.delete(desk.db, PROVINCE_PENDING)
    log.info("the province's highest codes applied after a restore: %s", highest)


# ---- restoring ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class RestoreResult:
    source: Path
    backup_made_at: str | None
    dossiers: int
    set_aside: Path | None
    sources: CodeSources
    missing: list[MissingDossier]

    def as_dict(self) -> dict[str, Any]:
        return {
            "restored_from": str(self.source), "backup_made_at": self.backup_made_at,
            "dossiers": self.dossiers,
            "old_files_set_aside_in": str(self.set_aside) if self.set_aside else None,
            "codes": self.sources.as_dict(),
            "missing": [m.as_dict() for m in self.missing],
        }


def _held_by_another_process(database: Path) -> bool:
    """Whether another process has the database open in WAL mode: every connection holds a
    shared lock on byte 128 of the `-shm` file (SQLite's "DMS" lock), on Linux and Windows."""
    shm = database.with_name(database.name + "-shm")
    if not shm.exists():
        return False
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import msvcrt

            os.lseek(fd, 128, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return True
            os.lseek(fd, 128, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            return False
        import fcntl

        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
        return False
    finally:
        os.close(fd)


def close_out(database: Path, key: bytes | None) -> None:
    """Make sure no other process has the database open, and fold its WAL into it so the file
    set aside is whole on its own. StationInUse if it is open elsewhere."""
    if not database.exists():
        return
    if _held_by_another_process(database):
        raise StationInUse("the -shm file is locked by another process")
    try:
        conn = files.open_file(database, key)
        conn.execute("PRAGMA busy_timeout = 2000")
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            conn.close()
    except cipher.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StationInUse(str(exc)) from exc
        log.warning("the database to set aside does not open (%s): moved as it is", exc)
        return
    except cipher.DatabaseError as exc:  # damaged, or not readable with this key
        log.warning("the database to set aside is not readable (%s): moved as it is", exc)
        return
    if str(mode).lower() != "delete":
        raise StationInUse(f"journal mode stayed {mode}")


def set_aside(data_dir: Path, now: datetime, names: Iterable[str]) -> Path | None:
    """Move the named files of the data folder into a new dated folder (never deleted)."""
    present = [name for name in names if (Path(data_dir) / name).exists()]
    if not present:
        return None
    base = Path(data_dir) / SET_ASIDE_FOLDER
    base.mkdir(exist_ok=True, mode=0o700)
    folder = base / f"{to_vn(now):%Y%m%d-%H%M%S}-restore"
    counter = 2
    while folder.exists():
        folder = base / f"{to_vn(now):%Y%m%d-%H%M%S}-restore-{counter}"
        counter += 1
    folder.mkdir(mode=0o700)
    for name in present:
        os.replace(Path(data_dir) / name, folder / name)
    fsync_folder(folder)
    fsync_folder(Path(data_dir))
    return folder


def _station_of_folder(data_dir: Path, key: bytes | None) -> tuple[str, int] | None:
    """(unit code, station number) of the station the data folder holds now, if readable."""
    database = Path(data_dir) / DATABASE_FILE
    if not database.exists():
        return None
    with contextlib.suppress(*cipher.Error, ValueError, TypeError):
        facts = files.read_facts(database, key, full_check=False)
        if facts.unit_code and facts.station_no:
            return facts.unit_code, int(facts.station_no)
    return None


def _keys_for(manifest: dict[str, Any], data_dir: Path, staging: Path, recovery_key: str | None,
              ) -> tuple[bytes, bool]:
    """The backup's database key, and whether it came from the recovery key (and so must be
    stored on this PC)."""
    key_id = str(manifest.get("key_id", ""))
    known = stored_keys(key_id, secret_store(data_dir))
    if known is not None:
        return known[0], False
    if recovery_key is None:
        raise KeysMissing(key_id)
    if not (staging / KEYS_FILE).exists():
        raise BackupRefused(
            "Bản sao lưu không có tệp khóa đi kèm nên khóa khôi phục không mở được nó.",
            f"no {KEYS_FILE} in the backup", {"file": "thiếu tệp khóa"})
    unsealed_id, database_key, _audit = unseal_keys_file(staging, recovery_key)
    if unsealed_id != key_id:
        raise BackupRefused("Tệp khóa trong bản sao lưu không khớp với bản sao lưu.",
                            f"keys file {unsealed_id} vs manifest {key_id}",
                            {"file": "tệp khóa không khớp"})
    return database_key, True


def restore_station(data_dir: Path, source: Path, *, recovery_key: str | None = None,
                    allow_key_file: bool = False, ask_province: bool = True,
                    clock: Callable[[], datetime] = now_vn, actor: str = "") -> RestoreResult:
    """Restore the closed station of `data_dir` from the backup file `source` (see the module
    docstring); nothing in the data folder changes unless every check passed."""
    from ..desk import Desk

    data_dir = Path(data_dir).absolute()
    source = Path(source).absolute()
    if data_dir in source.parents:
        raise BackupRefused(
            "Hãy chép bản sao lưu ra ngoài thư mục dữ liệu trước khi khôi phục.",
            f"{source} is inside the data folder", {"file": "nằm trong thư mục dữ liệu"})
    manifest = files.read_manifest(source)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    unknown = [name for name in manifest.get("migrations", []) if name not in
               set(known_migrations())]
    if unknown:
        raise BackupRefused(
            f"Bản sao lưu do một phiên bản mới hơn của ứng dụng tạo (lược đồ "
            f"{manifest.get('schema')}); hãy cài phiên bản mới nhất rồi khôi phục.",
            f"backup schema has unknown migrations {unknown}", {"file": "phiên bản mới hơn"})
    current_keys = read_keys_file(data_dir)
    current_key_id = current_keys["key_id"] if current_keys else None
    with files.private_temp_folder(data_dir / "tmp") as staging:
        staged = staging / DATABASE_FILE
        if not files.extract_member(source, files.DATABASE_MEMBER, staged):
            raise BackupRefused("Tệp sao lưu không chứa cơ sở dữ liệu.",
                                f"no {files.DATABASE_MEMBER} in {source}",
                                {"file": "thiếu cơ sở dữ liệu"})
        has_keys = files.extract_member(source, files.KEYS_MEMBER, staging / KEYS_FILE)
        key, from_recovery = _keys_for(manifest, data_dir, staging, recovery_key)
        if files.sha256_of(staged) != manifest.get("sha256"):
            raise BackupRefused("Tệp sao lưu đã bị hỏng (không khớp với lúc tạo).",
                                f"{source}: sha256 differs from the manifest",
                                {"file": "bị hỏng"})
        try:
            # a backup of an older version is plaintext: the desk encrypts it once restored
            facts = files.read_facts(staged, None if cipher.is_plaintext(staged) else key)
        except cipher.DatabaseError as exc:
            raise BackupRefused(
                "Không mở được bản sao lưu bằng khóa của quầy (hoặc khóa khôi phục).",
                f"{source}: {exc}", {"file": "không mở được"}) from exc
        if not facts.sound:
            raise BackupRefused("Bản sao lưu không qua được kiểm tra toàn vẹn; hãy chọn bản "
                                "khác.", f"integrity_check: {facts.integrity[:5]}",
                                {"file": "không toàn vẹn"})
        folder_key = _folder_key(data_dir)
        here = _station_of_folder(data_dir, folder_key)
        theirs = (facts.unit_code, facts.station_no)
        if here is not None and here != theirs:
            raise BackupRefused(
                f"Bản sao lưu là của đơn vị {theirs[0]}, quầy số {theirs[1]}, còn thư mục dữ "
                f"liệu này là của {here[0]}, quầy số {here[1]}: hãy khôi phục vào một thư mục "
                "dữ liệu trống.", f"backup of {theirs}, folder of {here}",
                {"file": "của quầy khác"})
        # Every check passed: the old files go aside (WAL folded in, or moved with it).
        now = clock()
        database = data_dir / DATABASE_FILE
        close_out(database, folder_key)
        names = [DATABASE_FILE, *(DATABASE_FILE + suffix for suffix in DATABASE_SIDE_FILES)]
        replace_keys = has_keys and current_key_id != manifest.get("key_id")
        if replace_keys:
            names.append(KEYS_FILE)
        aside = set_aside(data_dir, now, names)
        os.replace(staged, database)
        if replace_keys:
            os.replace(staging / KEYS_FILE, data_dir / KEYS_FILE)
        fsync_folder(data_dir)
    if from_recovery:
        assert recovery_key is not None
        restore_station_keys(data_dir, recovery_key, allow_key_file=allow_key_file)
    log.info("restored %s from %s (%d dossiers); old files in %s", data_dir, source,
             facts.dossiers, aside)
    with Desk(data_dir, clock=clock, backup_before_upgrade=False) as desk:
        sources = code_sources(desk, ask_province=ask_province)
        note = (f"Khôi phục từ bản sao lưu {source.name} (lúc {manifest.get('made_at')}); các "
                "mã này đã được cấp sau thời điểm đó nên không cấp lại.")
        raise_high_water(desk, sources, reason=code_gaps.RESTORED, note=note)
        with write_transaction(desk.db):
            from ..store import sync_state
            from ..sync.engine import GATEWAY_URL_KEY

            if sources.province is None and desk.setting(GATEWAY_URL_KEY):
                sync_state.put(desk.db, PROVINCE_PENDING, {"since": iso(desk.clock())})
            desk.db.execute(
                "INSERT INTO station_restores (restored_at, source, source_made_at, set_aside, "
                "high_water, actor) VALUES (?, ?, ?, ?, ?, ?)",
                [iso(desk.clock()), str(source), manifest.get("made_at"),
                 str(aside) if aside else None, json.dumps(sources.as_dict()), actor])
            desk.audit.record("station.restored", source.name, {
                "backup_made_at": manifest.get("made_at"), "dossiers": facts.dossiers,
                "set_aside": str(aside) if aside else None}, actor=actor)
        missing = missing_dossiers(desk, sources)
    return RestoreResult(source, manifest.get("made_at"), facts.dossiers, aside, sources,
                         missing)


def verify_backup(source: Path, data_dir: Path, *, recovery_key: str | None = None
                  ) -> dict[str, Any]:
    """Open a backup file fully (with this PC's key for it, or the recovery key) and check it:
    its manifest with integrity_check, counts and SHA-256; nothing is changed."""
    manifest = files.read_manifest(source)
    with files.private_temp_folder(Path(data_dir) / "tmp") as staging:
        staged = staging / DATABASE_FILE
        if not files.extract_member(source, files.DATABASE_MEMBER, staged):
            raise NotFound("Tệp sao lưu không chứa cơ sở dữ liệu.", "no database member")
        files.extract_member(source, files.KEYS_MEMBER, staging / KEYS_FILE)
        key, _ = _keys_for(manifest, Path(data_dir), staging, recovery_key)
        digest = files.sha256_of(staged)
        facts = files.read_facts(staged, None if cipher.is_plaintext(staged) else key)
    return {"file": str(source), "made_at": manifest.get("made_at"),
            "kind": manifest.get("kind"), "unit_code": manifest.get("unit_code"),
            "station_no": manifest.get("station_no"), "integrity": facts.integrity,
            "dossiers": facts.dossiers, "schema": facts.migrations[-1] if facts.migrations
            else "", "sha256_matches": digest == manifest.get("sha256"),
            "ok": facts.sound and digest == manifest.get("sha256")
            and facts.dossiers == manifest.get("dossiers")}


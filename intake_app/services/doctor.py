"""`intake-app doctor` and the "Kiểm tra hệ thống" page: what is wrong with this station, and
what to do, in Vietnamese.

Each check says ok, a warning (works, but IT should act) or a problem (something a clerk
relies on is broken), with one sentence of what it found, what to do, and an English detail
for support. The doctor works on a broken station too: a check that cannot run says why, the
others still run. It changes nothing a clerk relies on: an older database is not upgraded (the
checks that need today's schema say so) and a damaged one is only read; a sound station is
opened as any command opens it (the daily log's closed days get their seals, as `log verify`
does).

`bundle(report, data_dir, out)` packs the report and the logs, with every citizen's name, ID
number, phone, e-mail and address taken out, into one ZIP file to send to support.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import re
import shutil
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..domain.clock import iso, now_vn, parse_iso, to_vn
from ..domain.errors import DeskError
from ..domain.text import fold
from ..station_keys import KEYS_FILE, UNPROTECTED_FILE, has_station_files, read_keys_file
from ..store import backup as files
from ..store import cipher, code_gaps, high_water
from ..store.db import DATABASE_FILE
from ..store.schema import known_migrations

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

OK, WARNING, PROBLEM, SKIPPED = "ok", "warning", "problem", "skipped"
MARKS = {OK: "✔", WARNING: "⚠", PROBLEM: "✖", SKIPPED: "–"}
LOW_SPACE = 2 * 1024**3  # warn under 2 GB free
VERY_LOW_SPACE = 200 * 1024**2  # a problem under 200 MB
BACKUP_STALE = timedelta(days=2)
PENDING_STALE = timedelta(days=3)
GATEWAY_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Check:
    key: str
    title: str  # Vietnamese
    status: str  # ok, warning, problem, skipped
    summary: str  # Vietnamese: what was found
    advice: str = ""  # Vietnamese: what to do
    detail: str = ""  # English, for support
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DoctorReport:
    checked_at: str
    data_dir: str
    app_version: str
    station: str | None
    checks: list[Check]
    seconds: float

    @property
    def ok(self) -> bool:
        return not any(check.status == PROBLEM for check in self.checks)

    def count(self, status: str) -> int:
        return sum(check.status == status for check in self.checks)

    def check(self, key: str) -> Check:
        return next(check for check in self.checks if check.key == key)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "checked_at": self.checked_at, "data_dir": self.data_dir,
                "app_version": self.app_version, "station": self.station,
                "problems": self.count(PROBLEM), "warnings": self.count(WARNING),
                "seconds": round(self.seconds, 2),
                "checks": [asdict(check) for check in self.checks]}

    def as_text(self) -> str:
        when = to_vn(parse_iso(self.checked_at))
        lines = [f"Kiểm tra hệ thống – {self.station or self.data_dir} – {when:%d/%m/%Y %H:%M}",
                 ""]
        for check in self.checks:
            lines.append(f"{MARKS[check.status]} {check.title}: {check.summary}")
            if check.advice and check.status != OK:
                lines.append(f"    → {check.advice}")
        problems, warnings = self.count(PROBLEM), self.count(WARNING)
        lines += ["", "Kết quả: mọi mục đều ổn." if not problems and not warnings else
                  f"Kết quả: {problems} lỗi, {warnings} cảnh báo."]
        return "\n".join(lines)


# ---- the checks --------------------------------------------------------------------------------

def _free(path: Path) -> int | None:
    for folder in (path, *path.parents):
        try:
            return shutil.disk_usage(folder).free
        except OSError:
            continue
    return None


def _size(size: int | None) -> str:
    from .backups import human_size

    return human_size(size) if size is not None else "?"


def check_data_folder(data_dir: Path) -> Check:
    title = "Thư mục dữ liệu"
    if not data_dir.is_dir():
        return Check("data_folder", title, PROBLEM, f"Không có thư mục {data_dir}.",
                     "Kiểm tra đường dẫn thư mục dữ liệu (--data-dir).", f"{data_dir} missing")
    probe = data_dir / f".doctor-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return Check("data_folder", title, PROBLEM, f"Không ghi được vào {data_dir}.",
                     "Cấp quyền ghi cho tài khoản này; không để thư mục dữ liệu trên ổ mạng.",
                     str(exc))
    if os.name == "posix" and data_dir.stat().st_mode & 0o077:
        return Check("data_folder", title, WARNING,
                     f"{data_dir} ghi được, nhưng tài khoản khác trên máy này cũng đọc được.",
                     "Mở ứng dụng một lần (tự thu hẹp quyền), hoặc chmod 700 thư mục này.",
                     f"mode {oct(data_dir.stat().st_mode & 0o777)}")
    return Check("data_folder", title, OK, f"{data_dir} (chỉ tài khoản này truy cập được).")


def check_keys(data_dir: Path) -> Check:
    from ..station_keys import KeysMissing, credential_store_available, load_station_keys

    title = "Khóa của quầy và kho lưu mật khẩu"
    if (data_dir / UNPROTECTED_FILE).exists():
        return Check("keys", title, WARNING,
                     "Khóa mã hóa nằm trong tệp station-keys.unprotected.json, chỉ được bảo vệ "
                     "bằng quyền truy cập tệp (máy này không có kho lưu mật khẩu).",
                     "Dùng một tài khoản Windows thông thường (Credential Manager) rồi khôi "
                     "phục khóa bằng phiếu khôi phục (`intake-app keys restore`).",
                     "keys kept in the unprotected key file")
    if read_keys_file(data_dir) is None:
        return Check("keys", title, PROBLEM, f"Thư mục dữ liệu không có tệp {KEYS_FILE}.",
                     "Chép lại toàn bộ thư mục dữ liệu hoặc khôi phục từ bản sao lưu.",
                     f"no {KEYS_FILE}")
    if not credential_store_available():
        return Check("keys", title, PROBLEM, "Máy này không có kho lưu mật khẩu của hệ điều "
                     "hành nên không lấy được khóa của quầy.",
                     "Đăng nhập Windows bằng tài khoản người dùng thông thường.",
                     "no usable keyring backend")
    try:
        keys = load_station_keys(data_dir)
    except KeysMissing as exc:
        return Check("keys", title, PROBLEM, exc.message,
                     "Nhập khóa khôi phục in trên phiếu thiết lập: `intake-app keys restore`.",
                     exc.detail)
    except DeskError as exc:
        return Check("keys", title, PROBLEM, exc.message, "", exc.detail)
    store = "Windows Credential Manager" if sys.platform == "win32" else \
        "Keychain" if sys.platform == "darwin" else "Secret Service"
    return Check("keys", title, OK, "Khóa của quầy nằm trong kho lưu mật khẩu của hệ điều "
                 f"hành ({store}).", data={"key_id": keys.key_id})


def database_key(data_dir: Path) -> bytes | None:
    """The key the doctor opens the database with: None for an older version's plaintext file
    (or when this PC's store does not hold the keys: the file then does not open, and the
    keys' check says why)."""
    from ..station_keys import load_station_keys

    if cipher.is_plaintext(data_dir / DATABASE_FILE):
        return None
    try:
        return load_station_keys(data_dir).database_key
    except DeskError:
        return None


def check_database_file(data_dir: Path) -> tuple[Check, bool]:
    """(the check, whether today's app may open the database without migrating it)."""
    title = "Cơ sở dữ liệu"
    path = data_dir / DATABASE_FILE
    if not path.exists():
        return Check("database", title, PROBLEM, f"Không có tệp {DATABASE_FILE}.",
                     "Khôi phục từ bản sao lưu (`intake-app restore TỆP`).", "missing"), False
    known = known_migrations()
    try:
        facts = files.read_facts(path, database_key(data_dir))
    except cipher.Error as exc:
        return Check("database", title, PROBLEM,
                     "Không mở được cơ sở dữ liệu (tệp hỏng, hoặc không mở được bằng khóa của "
                     "quầy).", "Khôi phục từ bản sao lưu gần nhất (`intake-app restore TỆP`).",
                     f"{type(exc).__name__}: {exc}"), False
    newer = [m for m in facts.migrations if m not in set(known)]
    pending = [m for m in known if m not in set(facts.migrations)]
    size = path.stat().st_size
    data = {"schema": facts.migrations[-1] if facts.migrations else None,
            "app_schema": known[-1], "dossiers": facts.dossiers, "size": size,
            "integrity": facts.integrity, "encrypted": not cipher.is_plaintext(path)}
    if not facts.sound:
        return Check("database", title, PROBLEM,
                     f"Cơ sở dữ liệu bị hỏng: SQLite kiểm tra thấy lỗi ({len(facts.integrity)} "
                     "chỗ). Ứng dụng ngừng ghi vào đó.",
                     "Khôi phục từ bản sao lưu gần nhất (`intake-app restore TỆP`), rồi chạy "
                     "`intake-app restore --report`.", "; ".join(facts.integrity[:5]),
                     data), False
    if newer:
        return Check("database", title, PROBLEM,
                     f"Cơ sở dữ liệu do phiên bản mới hơn tạo (lược đồ {data['schema']}), bản "
                     f"này ({__version__}) chỉ đến {known[-1]}.",
                     "Cài phiên bản mới nhất của ứng dụng.", f"unknown migrations {newer}",
                     data), False
    if pending or not data["encrypted"]:
        return Check("database", title, WARNING,
                     f"Nguyên vẹn, {facts.dossiers} hồ sơ; " + (
                         f"lược đồ {data['schema']} cũ hơn bản này: sẽ được sao lưu rồi nâng "
                         "cấp" if pending else "chưa được mã hóa: sẽ được mã hóa") +
                     " khi mở ứng dụng.",
                     "Mở ứng dụng (hoặc chạy một lệnh bất kỳ) để nâng cấp.",
                     f"pending migrations {pending}, encrypted {data['encrypted']}", data), False
    return Check("database", title, OK,
                 f"Nguyên vẹn (integrity_check: ok), {facts.dossiers} hồ sơ, "
                 f"{_size(size)}, lược đồ {data['schema']}, mã hóa (SQLCipher).", data=data), True


def check_disk_space(data_dir: Path, backup_place: Path | None) -> Check:
    title = "Dung lượng ổ đĩa"
    data_free, backup_free = _free(data_dir), _free(backup_place) if backup_place else None
    database = data_dir / DATABASE_FILE
    need = max(LOW_SPACE, 3 * database.stat().st_size) if database.exists() else LOW_SPACE
    data = {"data_free": data_free, "backup_free": backup_free}
    words = f"thư mục dữ liệu còn {_size(data_free)}" + (
        f", nơi sao lưu còn {_size(backup_free)}" if backup_place else "")
    lowest = min(v for v in (data_free, backup_free) if v is not None) \
        if data_free is not None or backup_free is not None else None
    if lowest is None:
        return Check("disk", title, SKIPPED, "Không đo được dung lượng còn trống.")
    if lowest < VERY_LOW_SPACE:
        return Check("disk", title, PROBLEM, f"Sắp hết chỗ: {words}.",
                     "Giải phóng dung lượng ngay (xoá tệp không cần, dọn Thùng rác), hoặc "
                     "chọn nơi sao lưu khác.", "", data)
    if lowest < need:
        return Check("disk", title, WARNING, f"Còn ít chỗ: {words}.",
                     "Giải phóng dung lượng trong tuần này.", "", data)
    return Check("disk", title, OK, f"Đủ chỗ: {words}.", data=data)


def check_backups(desk: Desk, now: datetime) -> Check:
    title = "Sao lưu"
    status = desk.backups.status()
    last = status.last_good
    data = {**status.as_dict()}
    if status.failing is not None:
        return Check("backup", title, PROBLEM,
                     f"Lần sao lưu gần nhất không làm được: {status.failing.error}",
                     "Cắm lại ổ USB hoặc chọn nơi sao lưu khác, rồi bấm Sao lưu ngay "
                     "(`intake-app backup`).", "", data)
    if last is None:
        return Check("backup", title, PROBLEM, "Quầy này chưa có bản sao lưu nào.",
                     "Chọn nơi sao lưu (ổ đĩa thứ hai hoặc ổ USB) và sao lưu ngay "
                     "(`intake-app backup place THƯ_MỤC`, `intake-app backup`).", "", data)
    made = to_vn(datetime.fromisoformat(last.started_at))
    summary = f"Bản tốt gần nhất lúc {made:%H:%M %d/%m/%Y}, {last.dossiers} hồ sơ, " \
              f"tại {status.place}."
    if now - made > BACKUP_STALE:
        return Check("backup", title, WARNING, summary + " Đã quá 2 ngày.",
                     "Sao lưu ngay (`intake-app backup`) và kiểm tra vì sao việc sao lưu tự "
                     "động không chạy (máy không mở ứng dụng?).", "", data)
    if status.same_disk:
        return Check("backup", title, WARNING, summary + " Bản sao lưu nằm cùng ổ đĩa với "
                     "dữ liệu: hỏng ổ là mất cả hai.",
                     "Chọn nơi sao lưu trên ổ đĩa thứ hai hoặc ổ USB "
                     "(`intake-app backup place THƯ_MỤC`).", "", data)
    return Check("backup", title, OK, summary, data=data)


def check_clock(desk: Desk, now: datetime) -> Check:
    from ..store import sync_state

    title = "Đồng hồ máy tính"
    problem = desk.station_clock.problem()
    if problem is not None:
        return Check("clock", title, PROBLEM, problem.message, "", problem.detail)
    reading = sync_state.get(desk.db, sync_state.CLOCK)
    if not isinstance(reading, dict) or reading.get("skew_seconds") is None:
        return Check("clock", title, SKIPPED, f"Đồng hồ đang chỉ {now:%H:%M %d/%m/%Y}; chưa "
                     "có giờ của máy chủ tỉnh để đối chiếu (chưa đồng bộ lần nào).")
    skew = float(reading["skew_seconds"])
    from ..domain.sync_rules import clock_is_wrong, skew_minutes

    data = {"skew_seconds": skew, "measured_at": reading.get("at")}
    if clock_is_wrong(skew):
        return Check("clock", title, WARNING, f"Đồng hồ lệch {skew_minutes(skew)} phút so với "
                     "giờ của máy chủ tỉnh (lần đồng bộ gần nhất).",
                     "Chỉnh lại ngày giờ của máy tính (đồng bộ giờ Internet).", "", data)
    return Check("clock", title, OK, f"Khớp với giờ của máy chủ tỉnh (lệch {abs(skew):.0f} "
                 "giây lần đồng bộ gần nhất).", data=data)


def check_fonts() -> Check:
    title = "Phông chữ"
    try:
        from ..documents.fonts import fonts_dir, register_fonts

        register_fonts()
    except Exception as exc:  # noqa: BLE001 - any failure is the check's finding
        return Check("fonts", title, PROBLEM, "Thiếu phông chữ tiếng Việt đi kèm ứng dụng: "
                     "không in được giấy tiếp nhận.", "Cài lại ứng dụng từ bộ cài chính thức.",
                     f"{type(exc).__name__}: {exc}")
    return Check("fonts", title, OK, f"Phông Tinos đi kèm đủ (thư mục {fonts_dir()}).")


def check_printer(probe: Callable[[], tuple[str | None, list[str]] | None] | None) -> Check:
    title = "Máy in mặc định"
    result = probe() if probe is not None else None
    if result is None:
        return Check("printer", title, SKIPPED, "Không kiểm tra được máy in (chạy không có "
                     "màn hình).", "Chạy lại trong phiên làm việc có màn hình, hoặc mở trang "
                     "Kiểm tra hệ thống trong ứng dụng.")
    default, printers = result
    if not default:
        return Check("printer", title, WARNING,
                     "Chưa có máy in mặc định" + (f" (có {len(printers)} máy in)" if printers
                                                  else " (không có máy in nào)") + ".",
                     "Chọn máy in mặc định trong Windows (Cài đặt → Máy in), rồi in thử từ "
                     "bước thiết lập.", "", {"printers": printers})
    return Check("printer", title, OK, f"{default}.", data={"printers": printers})


def check_gateway(desk: Desk, network: bool) -> Check:
    title = "Kết nối máy chủ tỉnh"
    try:
        config = desk.sync.config()
    except DeskError as exc:
        return Check("gateway", title, PROBLEM, exc.message, "", exc.detail)
    if config is None:
        return Check("gateway", title, SKIPPED, "Chưa cài đặt đồng bộ với hệ thống của tỉnh.",
                     "Nhập địa chỉ máy chủ và mã truy cập (`intake-app sync configure`).")
    if not desk.sync.has_token():
        return Check("gateway", title, WARNING, f"Chưa có mã truy cập cho {config.gateway_url}.",
                     "Nhập lại mã truy cập của quầy: `intake-app sync set-token`.")
    if not network:
        return Check("gateway", title, SKIPPED, f"Không thử kết nối ({config.gateway_url}).")
    from ..sync.client import GatewayClient, NoAnswer

    started = time.monotonic()
    try:
        with GatewayClient(config.gateway_url, None, ca_file=config.ca_file,
                           connect_timeout=GATEWAY_TIMEOUT_S) as client:
            answer = client.health(timeout=GATEWAY_TIMEOUT_S)
    except NoAnswer as exc:
        return Check("gateway", title, WARNING, f"Không kết nối được {config.gateway_url}.",
                     "Kiểm tra mạng Internet; hồ sơ vẫn tiếp nhận bình thường và sẽ gửi sau.",
                     str(exc))
    took = time.monotonic() - started
    if answer.status != 200:
        return Check("gateway", title, WARNING, f"{config.gateway_url} trả lời lỗi "
                     f"{answer.status}.", "Báo bộ phận CNTT của tỉnh.", answer.text())
    return Check("gateway", title, OK, f"{config.gateway_url} trả lời sau {took:.1f} giây.")


def check_outbox(desk: Desk, now: datetime) -> Check:
    title = "Sự kiện chờ gửi tỉnh"
    counts = desk.outbox_counts()
    waiting = counts.get("pending", 0) + counts.get("sending", 0)
    parked = counts.get("rejected", 0)
    row = desk.db.execute("SELECT min(updated_at) FROM outbox WHERE state IN "
                          "('pending', 'sending')").fetchone()
    oldest = parse_iso(row[0]) if row and row[0] else None
    data = {**counts, "oldest_waiting": row[0] if row else None}
    summary = f"{waiting} chờ gửi, {parked} bị tỉnh từ chối, {counts.get('delivered', 0)} " \
              "đã gửi."
    if parked:
        return Check("outbox", title, WARNING, summary, "Xem màn hình Đồng bộ (F6): sửa hoặc "
                     "gửi lại các sự kiện bị từ chối (`intake-app sync parked`).", "", data)
    if oldest is not None and now - oldest > PENDING_STALE:
        return Check("outbox", title, WARNING, summary + f" Sự kiện cũ nhất từ "
                     f"{to_vn(oldest):%d/%m/%Y}.", "Kiểm tra kết nối và mã truy cập; hoặc gửi "
                     "bằng tệp USB (`intake-app sync export`).", "", data)
    return Check("outbox", title, OK, summary, data=data)


def check_seals(desk: Desk) -> Check:
    title = "Dấu khóa sổ và nhật ký kiểm toán"
    try:
        log_problems = desk.ledger.verify()
        audit = desk.audit.verify()
    except DeskError as exc:
        return Check("seals", title, PROBLEM, exc.message, "", exc.detail)
    if log_problems or not audit.ok:
        count = len(log_problems) + len(audit.problems)
        return Check("seals", title, PROBLEM, f"{count} chỗ bị sửa sau khi khóa sổ hoặc ghi "
                     "kiểm toán.", "Chạy `intake-app log verify` và `intake-app audit verify` "
                     "để xem từng chỗ, báo người phụ trách.", "",
                     {"log": len(log_problems), "audit": len(audit.problems)})
    return Check("seals", title, OK, f"Sổ theo dõi và {audit.count} bản ghi kiểm toán khớp "
                 "dấu khóa.")


def check_codes(desk: Desk) -> Check:
    from ..store import sync_state
    from .restore import PROVINCE_PENDING

    title = "Mã hồ sơ đã cấp"
    station = desk.station
    mark = high_water.read(desk.data_dir, station.unit_code, station.station_no)
    held = code_gaps.highest_by_day(desk.db, station.station_no)
    behind = [day for day, seq in held.items() if mark.day(day) < seq]
    unexplained = explained = 0
    for day, top in mark.days.items():
        if top <= held.get(day, 0) and top == len(code_gaps.sequences_of_day(
                desk.db, station.station_no, day)):
            continue  # the usual day: 1..top all held
        have = code_gaps.sequences_of_day(desk.db, station.station_no, day)
        for seq in set(range(1, top + 1)) - have:
            if code_gaps.covered(desk.db, station.station_no, day, seq, seq):
                explained += 1
            else:
                unexplained += 1
    data = {"days_behind": behind, "missing_unexplained": unexplained,
            "missing_explained": explained}
    if unexplained:
        return Check("codes", title, PROBLEM, f"{unexplained} mã hồ sơ đã cấp (theo tệp mốc mã "
                     "hồ sơ) không có trong cơ sở dữ liệu (mất dữ liệu gần đây?); quầy sẽ không "
                     "cấp lại các mã này.", "Xem danh sách và nhập lại hồ sơ: `intake-app "
                     "restore --report`.", "", data)
    if explained:
        return Check("codes", title, WARNING, f"{explained} mã hồ sơ đã cấp trước lần khôi phục "
                     "hoặc sự cố không có trong cơ sở dữ liệu (đã ghi lý do, không cấp lại).",
                     "Nhập lại các hồ sơ này theo danh sách `intake-app restore --report`.", "",
                     data)
    if sync_state.get(desk.db, PROVINCE_PENDING) is not None:
        return Check("codes", title, WARNING, "Sau khi khôi phục chưa hỏi được hệ thống của "
                     "tỉnh về các mã đã cấp.", "Nhập mã truy cập rồi đồng bộ, hoặc chạy "
                     "`intake-app restore --report`.", "", data)
    if behind:
        return Check("codes", title, WARNING, "Tệp mốc mã hồ sơ chưa theo kịp cơ sở dữ liệu "
                     f"({len(behind)} ngày); sẽ được cập nhật ở lần tiếp nhận sau.",
                     "Kiểm tra quyền ghi thư mục dữ liệu nếu cảnh báo còn lặp lại.", "", data)
    return Check("codes", title, OK, "Tệp mốc mã hồ sơ khớp với cơ sở dữ liệu.", data=data)


def check_logs(data_dir: Path) -> Check:
    from ..logs import log_path

    path = log_path(data_dir)
    if not path.exists():
        return Check("logs", "Nhật ký ứng dụng", WARNING, "Chưa có tệp nhật ký.",
                     "Kiểm tra quyền ghi thư mục logs.")
    total = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return Check("logs", "Nhật ký ứng dụng", OK, f"{path} ({_size(total)} kể cả các tệp cũ).")


# ---- running them ------------------------------------------------------------------------------

def run_doctor(data_dir: Path, *, clock: Callable[[], datetime] = now_vn, network: bool = True,
               printer: Callable[[], tuple[str | None, list[str]] | None] | None = None
               ) -> DoctorReport:
    """Every check, on whatever of the station can be opened."""
    from ..desk import Desk

    started = time.monotonic()
    data_dir = Path(data_dir)
    now = to_vn(clock())
    checks = [check_data_folder(data_dir)]
    station_text = None
    desk: Desk | None = None
    needs_desk = ("backup", "Sao lưu"), ("clock", "Đồng hồ máy tính"), \
        ("gateway", "Kết nối máy chủ tỉnh"), ("outbox", "Sự kiện chờ gửi tỉnh"), \
        ("seals", "Dấu khóa sổ và nhật ký kiểm toán"), ("codes", "Mã hồ sơ đã cấp")
    if not has_station_files(data_dir, DATABASE_FILE):
        checks.append(Check("database", "Cơ sở dữ liệu", PROBLEM, "Thư mục này chưa có quầy "
                            "nào.", "Cài đặt quầy (`intake-app init`) hoặc khôi phục "
                            "(`intake-app restore TỆP`).", "no station files"))
        keys_ok, openable = False, False
    else:
        keys = check_keys(data_dir)
        database, openable = check_database_file(data_dir)
        checks += [keys, database]
        keys_ok = keys.status != PROBLEM
    reason = ""
    if keys_ok and openable:
        try:
            desk = Desk(data_dir, clock=clock, check_store="skip")
            if not desk.is_set_up():
                reason = "thư mục dữ liệu chưa được cài đặt cho quầy nào"
                desk.close()
                desk = None
        except DeskError as exc:
            reason = exc.message
        except cipher.Error + (OSError,) as exc:
            reason = f"không mở được ({type(exc).__name__})"
    elif keys_ok and checks[-1].status == WARNING:
        reason = "cơ sở dữ liệu cần được nâng cấp trước (mở ứng dụng một lần)"
    else:
        reason = "cơ sở dữ liệu hoặc khóa của quầy đang có lỗi (xem trên)"
    backup_place = None
    try:
        if desk is not None:
            station = desk.station
            station_text = f"{station.unit_name} ({station.unit_code}), quầy số " \
                           f"{station.station_no}"
            backup_place = desk.backups.place()
            for run in (lambda: check_backups(desk, now), lambda: check_clock(desk, now),
                        lambda: check_gateway(desk, network), lambda: check_outbox(desk, now),
                        lambda: check_seals(desk), lambda: check_codes(desk)):
                try:
                    checks.append(run())
                except Exception as exc:  # noqa: BLE001 - one check failing is its finding
                    log.exception("doctor check failed")
                    checks.append(Check("error", "Kiểm tra", PROBLEM, "Một mục kiểm tra bị lỗi.",
                                        "Gửi gói hỗ trợ (`intake-app doctor --bundle`).",
                                        f"{type(exc).__name__}: {exc}"))
        else:
            checks += [Check(key, title, SKIPPED, f"Không kiểm tra được: {reason}.")
                       for key, title in needs_desk]
        checks.append(check_disk_space(data_dir, backup_place))
        checks += [check_fonts(), check_printer(printer), check_logs(data_dir)]
    finally:
        if desk is not None:
            desk.close()
    return DoctorReport(iso(now), str(data_dir), __version__, station_text, checks,
                        time.monotonic() - started)


# ---- the bundle for support --------------------------------------------------------------------

_DIGITS = re.compile(r"(?<!\d)(?:\+?84|0)?\d{8,11}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CODE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # words and numbers ("Tổ 7")
SURNAMES = frozenset(fold(name) for name in (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Mai", "Trịnh", "Đào", "Cao", "Hà", "Lương",
    "Tạ", "Văn", "Thị", "Quách", "Tôn", "Châu", "Trương", "La", "Kiều", "Thái"))
REDACTED = "[đã ẩn]"


class Redactor:
    """Takes citizens' data out of a text: the names and addresses the database holds, any
    run of two or more capitalised Vietnamese words (a name or a place), e-mails, and ID
    numbers or phone numbers (8–12 digits); dossier codes are kept (they name no one)."""

    def __init__(self, names: set[str]):
        phrases = set()
        for name in names:  # an address is also hidden part by part ("…, thôn Hương Sơ")
            for part in [name, *name.split(",")]:
                phrase = " ".join(_WORD.findall(fold(part)))
                if len(phrase) >= 4:
                    phrases.add(phrase)
        self.names = phrases
        self.longest = max((len(name.split()) for name in self.names), default=0)

    @classmethod
    def for_station(cls, data_dir: Path) -> Redactor:
        names: set[str] = set()
        try:
            conn = files.open_file(Path(data_dir) / DATABASE_FILE, database_key(Path(data_dir)))
            try:
                for parties in conn.execute("SELECT applicant, owner FROM dossiers"):
                    for raw in parties:
                        party = json.loads(raw) if raw else {}
                        for key in ("name", "address"):
                            if isinstance(party.get(key), str):
                                names.add(party[key])
                for (detail,) in conn.execute(  # who took a result, on hand-back
                        "SELECT detail FROM dossier_history WHERE detail LIKE '%receiver_name%'"):
                    value = json.loads(detail).get("receiver_name")
                    if isinstance(value, str):
                        names.add(value)
            finally:
                conn.close()
        except cipher.Error + (ValueError, OSError) as exc:
            log.warning("support bundle: could not read the names to hide: %s", exc)
        return cls(names)

    def _capitalised_run(self, words: list[re.Match[str]], start: int, line: str) -> int:
        """How many words from `start` form a run of capitalised words to hide (0: none)."""
        end = start
        while end < len(words) and words[end].group()[0].isalpha() and \
                words[end].group()[0].isupper() and (
                end == start or line[words[end - 1].end():words[end].start()].strip() == ""):
            end += 1
        run = [w.group() for w in words[start:end]]
        if len(run) >= 2 and (any(not word.isascii() for word in run)
                              or fold(run[0]) in SURNAMES):
            return len(run)
        return 0

    def line(self, text: str) -> str:
        kept_codes = {match.group(): f"\x00{i}\x00" for i, match in
                      enumerate(_CODE.finditer(text))}
        for code, token in kept_codes.items():
            text = text.replace(code, token)
        text = _EMAIL.sub(REDACTED, text)
        text = _DIGITS.sub(REDACTED, text)
        words = list(_WORD.finditer(text))
        hide: list[tuple[int, int]] = []
        index = 0
        while index < len(words):
            taken = 0
            for size in range(min(self.longest, len(words) - index), 0, -1):
                phrase = fold(" ".join(w.group() for w in words[index:index + size]))
                if phrase in self.names:
                    taken = size
                    break
            taken = taken or self._capitalised_run(words, index, text)
            if taken:
                hide.append((words[index].start(), words[index + taken - 1].end()))
                index += taken
            else:
                index += 1
        for start, end in reversed(hide):
            text = text[:start] + REDACTED + text[end:]
        for code, token in kept_codes.items():
            text = text.replace(token, code)
        return text

    def text(self, text: str) -> str:
        return "\n".join(self.line(line) for line in text.split("\n"))


def bundle(report: DoctorReport, data_dir: Path, out: Path) -> dict[str, Any]:
    """The support bundle: the doctor's report, the logs and the sync log, without personal
    data; written whole to `out` (a new file)."""
    from ..logs import log_path

    redactor = Redactor.for_station(data_dir)
    logs = sorted(log_path(data_dir).parent.glob("intake-app.log*"))
    environment = {
        "app_version": __version__, "python": sys.version.split()[0],
        "platform": platform.platform(), "frozen": bool(getattr(sys, "frozen", False)),
        **cipher.library_versions(), "made_at": report.checked_at,
    }
    part = out.with_name(f".{out.name}.part")
    part.unlink(missing_ok=True)
    try:
        with zipfile.ZipFile(part, "x", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("doctor.json", redactor.text(json.dumps(
                report.as_dict(), ensure_ascii=False, indent=1)))
            archive.writestr("doctor.txt", redactor.text(report.as_text()))
            archive.writestr("environment.json", json.dumps(environment, indent=1))
            for path in logs:
                archive.writestr(f"logs/{path.name}", redactor.text(
                    path.read_text(encoding="utf-8", errors="replace")))
            sync_log = _sync_log(data_dir)
            if sync_log:
                archive.writestr("sync-log.json", redactor.text(json.dumps(
                    sync_log, ensure_ascii=False, indent=1)))
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return {"file": str(out), "size": out.stat().st_size, "logs": [p.name for p in logs]}


def _sync_log(data_dir: Path, limit: int = 500) -> list[dict[str, Any]]:
    try:
        conn = files.open_file(Path(data_dir) / DATABASE_FILE, database_key(Path(data_dir)))
        try:
            rows = conn.execute("SELECT at, level, kind, message FROM sync_log ORDER BY id DESC "
                                "LIMIT ?", [limit]).fetchall()
        finally:
            conn.close()
    except cipher.Error:
        return []
    return [{"at": r[0], "level": r[1], "kind": r[2], "message": r[3]} for r in rows]

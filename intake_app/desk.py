"""The intake desk: one station's data folder and every action a clerk or an IT person takes.

The command line and the window both call this class and nothing below it; it joins the pure
rules (`domain`), the store (`store`) and the printed documents (`documents`) in one place.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data_folder import check_output_path, make_private, make_private_folder
from .documents import kept
from .domain import stamping
from .domain.accounts import Account, NotLoggedIn, Permission
from .domain.calendar import CalendarOverride, WorkCalendar
from .domain.clock import iso, now_vn, parse_iso, to_vn
from .domain.corrections import (
    CorrectionError,
    CorrectionOutcome,
    FieldChange,
    changes_between,
    check_patch,
    corrected_receipt,
    plan_correction,
    replaced_copy,
)
from .domain.dossier import Dossier, Party
from .domain.dossier_code import day_key, next_sequence, parse_dossier_code
from .domain.errors import (
    DeskError,
    Failed,
    InvalidInput,
    NotAllowed,
    NotFound,
    WrittenElsewhere,
)
from .domain.events import EventKind, make_event, new_uuid, progress_entry
from .domain.fees import FeeResult
from .domain.formatting import full_address
from .domain.id_numbers import normalize_id_number
from .domain.intake import IntakeDraft, IntakeError, References, parse_documents, parse_intake
from .domain.lifecycle import (
    StepOutcome,
    StepRequest,
    check_step_request,
    next_statuses,
    plan_extension,
    plan_step,
)
from .domain.limits import checked_text
from .domain.procedures import Procedure
from .domain.receipt import ReceiptData, ReceiptDocument, ReceiptIssue
from .domain.setup_sheet import SetupSheet
from .domain.slip_content import (
    DEFAULT_SIGNER_TITLE,
    build_slip,
    last_step,
    slip_from_dict,
    slip_to_dict,
)
from .domain.slips import Slip, SlipKind
from .domain.station import StationSettings, check_station_settings
from .domain.status import DossierStatus
from .domain.text import nfc
from .station_keys import StationKeys, open_station_keys
from .store import (
    admin_units,
    catalogue,
    cipher,
    code_gaps,
    dossiers,
    high_water,
    outbox,
    settings,
    slips,
)
from .store import ledger as ledger_store
from .store import office as office_store
from .store.admin_units import AdminUnit
from .store.calendar import clear_override, set_override, work_calendar
from .store.db import DATABASE_FILE, Check, StationDatabase, open_database, write_transaction
from .store.health import CheckResult
from .store.high_water import HighWater
from .store.problems import DatabaseDamaged, StoreError, storage_problem

if TYPE_CHECKING:
    from .services.accounts import Accounts
    from .services.audit import AuditTrail
    from .services.backups import Backups
    from .services.calendar_notices import CalendarNotices
    from .services.fees import CashSheets, ProvincialFees
    from .services.ledger import Ledger
    from .services.office import Office
    from .services.receipt_prints import ReceiptPrints
    from .services.reports import Reports
    from .services.station_clock import StationClock
    from .services.station_setup import SetupPlan
    from .sync.service import SyncService

log = logging.getLogger(__name__)

RECEIPTS_FOLDER = "receipts"
STALE_PART_S = 15 * 60  # a half-written receipt older than this was left by a cut


class SetupError(InvalidInput):
    """The station cannot be set up as asked; the message is for the IT person (Vietnamese)."""


class NotSetUp(Failed):
    """The data folder has no station settings yet: run `intake-app init`."""

    def __init__(self) -> None:
        super().__init__(
            "Thư mục dữ liệu này chưa được cài đặt cho quầy nào: hãy chạy `intake-app init` "
            "(hoặc mở ứng dụng để cài đặt).",
            "this data folder is not set up: run `intake-app init` first",
        )


class PasswordChangeNeeded(NotAllowed):
    """The account logged in with a temporary password: it must choose its own first."""

    def __init__(self) -> None:
        super().__init__(
            "Tài khoản đang dùng mật khẩu tạm: hãy đổi mật khẩu trước khi làm việc "
            "(`intake-app --user TÊN user password`, hoặc trên màn hình đăng nhập).",
            "temporary password must be changed first")


class UnknownDossier(NotFound):
    """No dossier has this code."""

    def __init__(self, code: str) -> None:
        super().__init__(f"Không có hồ sơ nào mã {code}.", f"no dossier with code {code}")
        self.code = code


@dataclass(frozen=True)
class Quote:
    """What a request would cost and when it would be due if stamped now (`Desk.quote`)."""

    procedure: Procedure
    fee: FeeResult | None  # None while the document lines are not valid yet
    due_at: datetime | None  # None: the procedure has no appointment date


@dataclass(frozen=True)
class CorrectionResult:
    """What `Desk.correct` did: the corrected dossier, each change, the receipt issued again."""

    dossier: Dossier
    changes: tuple[FieldChange, ...]
    receipt: ReceiptData  # the new original (issue 2, 3, …)
    receipt_path: Path | None  # None if writing the PDF failed; the correction is saved anyway
    receipt_error: str | None = None
    superseded: int = 0  # parked events of the dossier the new version replaces
    log_corrected: bool = False  # the row's day was sealed: recorded beside the seal
    fee_before: int | None = None  # the fee before (the dossier holds the fee after)


@dataclass(frozen=True)
class StampResult:
    """A stamped dossier: it is saved, whatever happened to its receipt afterwards."""

    dossier: Dossier
    receipt_path: Path | None  # None if the PDF failed after the commit; the dossier is saved
    receipt_error: str | None = None  # why, in Vietnamese (the log has the traceback)


@dataclass(frozen=True)
class ReceiptRecovery:
    """What `recover_receipts` did: receipts rebuilt, and those it could not rebuild (code →
    the reason in Vietnamese; each is logged with its traceback)."""

    rebuilt: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def failure_vi(exc: BaseException) -> str:
    """A failure after a commit (PDF layout, fonts, disk, printer), as a clerk is told it."""
    if isinstance(exc, DeskError):
        return exc.message
    problem = storage_problem(exc)
    if problem is not None:
        return problem.message
    if isinstance(exc, OSError):
        return f"lỗi khi ghi tệp ({exc.strerror or type(exc).__name__})"
    return (f"lỗi khi dựng tệp PDF ({type(exc).__name__}); chi tiết đã được ghi vào nhật ký "
            "của ứng dụng")


class Desk:
    """A station's data folder, opened. Not thread-safe: one Desk per thread.

    Opening makes the folder private to this account, loads (or makes) its keys, refuses a
    database of a newer version and checks it (`check_store`: "now" for the command line,
    "background" for the window, "once" per process by default, or "skip"; see
    `store.db.open_database`).
    """

    def __init__(self, data_dir: Path, *, clock: Callable[[], datetime] = now_vn,
                 allow_key_file: bool = False, check_store: Check = "once",
                 backup_before_upgrade: bool = True):
        """Open (setting up, the first time) the station of `data_dir`.

        Its keys are loaded from this PC's credential store, or made there for a new folder;
        `allow_key_file` is the administrator's explicit choice, on a PC without a credential
        store, to keep them in an unprotected key file (`station_keys`). A database of an
        older version is backed up before it is migrated (`backup_before_upgrade`; a restore
        turns it off: what it opens is a backup already).
        """
        self.data_dir = Path(data_dir)
        try:
            make_private(self.data_dir, DATABASE_FILE)
        except OSError as exc:
            raise storage_problem(exc, database=self.data_dir) or StoreError(
                f"Không dùng được thư mục dữ liệu {self.data_dir}.", str(exc)) from exc
        self.keys: StationKeys = open_station_keys(self.data_dir, allow_key_file=allow_key_file)
        # Every reading is local (Asia/Ho_Chi_Minh) time, whatever zone the given clock uses.
        self.clock: Callable[[], datetime] = lambda: to_vn(clock())
        self.high_water_problem: str | None = None  # the last high-water write failed: why
        upgrade_backups: list[Any] = []

        def before_migrating(pending: list[str]) -> None:
            from .services.backups import backup_before_upgrade as backup

            upgrade_backups.append(backup(self.data_dir, self.keys.database_key,
                                          self.keys.key_id, self.clock(), pending))

        was_plaintext = cipher.is_plaintext(self.data_dir / DATABASE_FILE)
        self.user: Account | None = None  # who acts through this desk (`act_as`, `log_in`)
        self.db: StationDatabase = open_database(
            self.data_dir / DATABASE_FILE, self.keys.database_key, check=check_store,
            before_migrating=before_migrating if backup_before_upgrade else None)
        if upgrade_backups and upgrade_backups[0] is not None:
            self.backups.record_made(upgrade_backups[0])
        if was_plaintext:  # an older version's folder: its kept PDFs are sealed too
            kept.seal_folder(self.data_dir, self.documents_key)

    @cached_property
    def documents_key(self) -> bytes:
        """The key the PDFs kept in the data folder are sealed with (documents/kept.py)."""
        return kept.documents_key(self.keys.database_key)

    def read_pdf(self, path: Path) -> bytes:
        """A PDF the desk wrote, in the clear (in memory): unsealed if kept in the data
        folder. SealedFileDamaged if it does not open with this station's key."""
        return kept.read(self.documents_key, path)

    def _write_document(self, out: Path, content: bytes) -> None:
        """Write a finished PDF to `out` whole: sealed when `out` is in the data folder (a
        copy or a slip the window writes there to print it), as it is where a person chose."""
        from .documents.files import write_atomically

        if kept.inside(self.data_dir, out):
            content = kept.seal(self.documents_key, content)
        write_atomically(out, content)

    # ---- who acts -----------------------------------------------------------------------------

    def act_as(self, login: str | None) -> Account | None:
        """From now on this desk acts for the account `login`, already authenticated by this
        process (the window's log-in, the command line's `--user`), or for nobody (None).

        The account is read again, so a role changed or an account disabled since the log-in
        takes effect at once; a disabled or unknown account acts for nobody.
        """
        if login is None:
            self.user = None
            return None
        account = self.accounts.get(login)
        if account.disabled:
            self.user = None
            raise NotLoggedIn()
        self.user = account
        return account

    def log_in(self, login: str, password: str, *, audit: bool = True) -> Account:
        """Check the password (`accounts.authenticate`: wrong tries, lock-out, audited) and act
        for the account. A temporary password still logs in, and `require` then refuses
        everything until it is changed (`accounts.change_password`). `audit` False: the
        success is not recorded (a command that only reads; a wrong password always is)."""
        result = self.accounts.authenticate(login, password, audit_success=audit)
        self.user = result.account
        return result.account

    def may(self, permission: Permission) -> bool:
        """Whether the account acting now may do it (the window hides what it may not)."""
        return self.user is not None and self.user.may(permission) \
            and not self.user.must_change_password

    def require(self, permission: Permission) -> Account:
        """The account acting now, if its role may do it; NotLoggedIn, NotPermitted (both
        NotAllowed: exit 3, Vietnamese) or PasswordChangeNeeded otherwise."""
        account = self.user
        if account is None:
            raise NotLoggedIn(permission)
        if account.must_change_password:
            raise PasswordChangeNeeded()
        account.require(permission)
        return account

    def may_read(self, permission: Permission = Permission.VIEW_DOSSIERS) -> None:
        """A read by the account acting now, refused if its role may not; with nobody logged
        in a read is the command line's (which asked the folder's owner: `cli.reads`)."""
        if self.user is not None:
            self.require(permission)

    @property
    def actor_login(self) -> str:
        """The login recorded in the audit trail ('' for the app itself)."""
        return self.user.login if self.user else ""

    @cached_property
    def audit(self) -> AuditTrail:
        """The audit trail: every write below records itself in it, in its own transaction."""
        from .services.audit import AuditTrail

        return AuditTrail(self)

    @cached_property
    def accounts(self) -> Accounts:
        """The station's accounts: create, change, log in."""
        from .services.accounts import Accounts

        return Accounts(self)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- set-up ------------------------------------------------------------------------------

    @property
    def station(self) -> StationSettings:
        station = settings.load_station(self.db)
        if station is None:
            raise NotSetUp()
        return station

    def is_set_up(self) -> bool:
        return settings.load_station(self.db) is not None

    def init_station(
        self, *, unit_code: str, unit_name: str, province_code: str, commune_code: str,
        station_no: int, office_name: str = "Bộ phận Một cửa",
    ) -> StationSettings:
        """Set the station up, loading the administrative units and the starter catalogue.

        Re-running it with the same identity is harmless; changing the unit or the station of
        a folder that already holds dossiers is refused, because their codes would lie. Once
        the station has accounts, only an administrator may run it again.
        """
        if self.accounts.exist():
            self.require(Permission.STATION_SETUP)
        problems = check_station_settings(unit_code, unit_name, station_no, office_name)
        with write_transaction(self.db):
            self._load_admin_units_if_missing()
            province = admin_units.get_province(self.db, province_code)
            commune = admin_units.get_commune(self.db, commune_code)
            if province is None:
                problems.append(f"Không có tỉnh, thành phố mã {province_code}.")
            if commune is None:
                problems.append(f"Không có xã, phường mã {commune_code}.")
            elif commune.province_code != province_code:
                problems.append(
                    f"Xã, phường mã {commune_code} ({commune.full_name}) không thuộc tỉnh, "
                    f"thành phố mã {province_code}."
                )
            if problems or commune is None:
                raise SetupError(" ".join(problems))
            new = StationSettings(
                unit_code=unit_code, unit_name=nfc(unit_name), province_code=province_code,
                commune_code=commune_code, station_no=station_no,
                place_name=commune.name, office_name=nfc(office_name),
            )
            old = settings.load_station(self.db)
            if old is not None and dossiers.count_dossiers(self.db) > 0 and (
                (old.unit_code, old.station_no) != (new.unit_code, new.station_no)
            ):
                raise SetupError(
                    f"Thư mục dữ liệu này đã có hồ sơ của đơn vị {old.unit_code}, quầy số "
                    f"{old.station_no}; không thể đổi sang {new.unit_code}, quầy số "
                    f"{new.station_no}. Hãy dùng một thư mục dữ liệu khác."
                )
            if old is not None:
                new = StationSettings(**{**new.__dict__, "periods": old.periods})
            settings.save_station(self.db, new)
            if not self.db.execute("SELECT 1 FROM procedures LIMIT 1").fetchone():
                catalogue.upsert_procedures(self.db, catalogue.starter_catalogue())
            self.audit.record("station.set_up", f"{new.unit_code}/{new.station_no}", {
                "unit_code": new.unit_code, "unit_name": new.unit_name,
                "province_code": new.province_code, "commune_code": new.commune_code,
                "station_no": new.station_no, "office_name": new.office_name,
                "first": old is None})
        return new

    def set_up(self, plan: SetupPlan) -> StationSettings:
        """The set-up wizard's plan, checked whole then written, the station last
        (`services.station_setup`): InvalidInput names each wrong field."""
        from .services.station_setup import set_up

        return set_up(self, plan)

    def setup_sheet(self) -> SetupSheet:
        """What the set-up sheet says (the station, its folders, the recovery key)."""
        from .services.station_setup import setup_sheet

        return setup_sheet(self)

    def write_setup_sheet(self, out: Path, *, replace: bool = False) -> Path:
        """The set-up sheet as a PDF (outside the data folder)."""
        from .services.station_setup import write_setup_sheet

        return write_setup_sheet(self, out, replace=replace)

    def write_recovery_sheet(self, out: Path, *, replace: bool = False,
                             actor: str = "") -> Path:
        """The recovery sheet (the recovery key, the unit and station, the date) as a PDF at
        `out`, a person's output (never in the data folder); recorded in the audit trail."""
        from . import __version__
        from .documents.files import write_atomically
        from .documents.recovery_sheet_pdf import RecoverySheet, build_recovery_sheet_pdf

        station = self.station
        path = self.check_output_path(Path(out), replace=replace)
        sheet = RecoverySheet(
            unit_code=station.unit_code, unit_name=station.unit_name,
            office_name=station.office_name, place_name=station.place_name,
            station_no=station.station_no, key_id=self.keys.key_id,
            keys_created_at=self.keys.created_at, recovery_key=self.keys.recovery_key,
            made_at=self.clock(), app_version=__version__)
        write_atomically(path, build_recovery_sheet_pdf(sheet))
        with write_transaction(self.db):
            self.audit.record("keys.recovery_sheet", path.name, {}, actor=actor)
        return path

    # ---- reference data ----------------------------------------------------------------------

    def _load_admin_units_if_missing(self) -> None:
        if not admin_units.provinces(self.db):
            admin_units.load_admin_units(self.db)

    def _publish_to_office(self, section: str, actor: str) -> None:
        """In an office the catalogue and the calendar are the office's: inside the edit's
        transaction, the hub takes the whole section as its next version, or the edit is
        rolled back (docs/office-hub.md §5)."""
        if office_store.office_mode(self.db):
            self.office.shared.publish(section, actor=actor)

    def ensure_admin_units(self) -> None:
        """Load the bundled administrative units if this data folder has none yet."""
        with write_transaction(self.db):
            self._load_admin_units_if_missing()

    def provinces(self) -> list[AdminUnit]:
        return admin_units.provinces(self.db)

    def province(self, code: str) -> AdminUnit | None:
        return admin_units.get_province(self.db, code)

    def communes(self, province_code: str, query: str = "") -> list[AdminUnit]:
        """The communes of a province whose name contains `query`, accents optional."""
        return admin_units.communes(self.db, province_code, query)

    def procedures(self, search: str = "") -> list[Procedure]:
        """Catalogue procedures whose code or name contains every word of `search`."""
        return catalogue.list_procedures(self.db, search)

    def import_catalogue(self, path: Path) -> tuple[int, int]:
        """Add or replace procedures from a catalogue file; returns (added, replaced).

        The whole file is checked first (CatalogueError lists every fault): a bad file changes
        nothing.
        """
        actor = self.require(Permission.CATALOGUE_IMPORT).display_name
        procedures = catalogue.read_catalogue_file(path)
        with write_transaction(self.db):
            added, replaced = catalogue.upsert_procedures(self.db, procedures)
            self._publish_to_office("catalogue", actor)
            self.audit.record("catalogue.imported", Path(path).name, {
                "added": added, "replaced": replaced,
                "codes": sorted(p.code for p in procedures)[:500]})
            return added, replaced

    def set_calendar_day(self, override: CalendarOverride) -> None:
        """A supervisor's extra day off or extra working day (replaces one for the same day)."""
        account = self.require(Permission.CALENDAR)
        with write_transaction(self.db):
            set_override(self.db, override, account.display_name)
            self._publish_to_office("calendar", account.display_name)
            self.audit.record("calendar.set", override.day.isoformat(), {
                "kind": str(override.kind), "note": override.note})

    def clear_calendar_day(self, day: date) -> bool:
        actor = self.require(Permission.CALENDAR).display_name
        with write_transaction(self.db):
            cleared = clear_override(self.db, day)
            if cleared:
                self._publish_to_office("calendar", actor)
                self.audit.record("calendar.cleared", day.isoformat(), {})
            return cleared

    # ---- preferences of this PC (language, clerks' names) ------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        return settings.get_value(self.db, key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Set a setting of this station (the caller checks who may: a screen's preference
        is anyone's, the backup place an administrator's)."""
        with write_transaction(self.db):
            settings.set_value(self.db, key, value)
            self.audit.record("setting.changed", key, {"value": value})

    def calendar(self) -> WorkCalendar:
        """The calendar in force: statute, shipped and imported notices, local overrides."""
        return work_calendar(self.db, settings.load_station(self.db))

    @cached_property
    def calendar_notices(self) -> CalendarNotices:
        """Where each day off comes from; previewing and importing a signed notice file."""
        from .services.calendar_notices import CalendarNotices

        return CalendarNotices(self)

    def procedure(self, code: str) -> Procedure | None:
        return catalogue.get_procedure(self.db, code)

    def references(self) -> References:
        return References(
            has_procedure=lambda code: catalogue.has_procedure(self.db, code),
            has_province=lambda code: admin_units.get_province(self.db, code) is not None,
            commune_province=lambda code: (
                unit.province_code if (unit := admin_units.get_commune(self.db, code)) else None
            ),
        )

    def check_intake(self, payload: dict[str, Any]) -> IntakeDraft:
        """Check an intake request; raises IntakeError naming every wrong field."""
        return parse_intake(payload, self.references(), today=self.clock().date())

    def quote(self, payload: dict[str, Any]) -> Quote | None:
        """The fee and appointment a request would get if stamped now, for a live display.

        Reads only the procedure, the document lines and `pages`, so it answers while the rest
        of the form is still being typed; None when no known procedure is chosen. The fee is
        None while the document lines cannot be read (the same check `receive` makes).
        """
        code = payload.get("procedure") if isinstance(payload, dict) else None
        procedure = self.procedure(code.strip()) if isinstance(code, str) else None
        if procedure is None:
            return None
        problems: dict[str, str] = {}
        documents = parse_documents(payload.get("documents"), problems)
        pages = payload.get("pages", 1)
        fee = None
        if not problems and isinstance(pages, int) and not isinstance(pages, bool) and pages > 0:
            fee = stamping.fee_for_documents(procedure, documents, pages)
        due_at = stamping.due_for(self.calendar(), procedure, self.clock())
        return Quote(procedure, fee, due_at)

    # ---- receiving ---------------------------------------------------------------------------

    def receive(self, payload: dict[str, Any]) -> StampResult:
        """Check, stamp and save a dossier, then write its receipt PDF.

        The dossier, its history entry and its `received` outbox event are one transaction;
        the PDF is written after the commit, so a failed PDF never loses the dossier (the
        receipt can be rebuilt byte-identically from what was saved).
        """
        clerk = self.require(Permission.RECEIVE).display_name
        draft = self.check_intake(payload)
        station = self.station
        procedure = catalogue.get_procedure(self.db, draft.procedure_code)
        if procedure is None:  # removed from the catalogue since the check, by another process
            raise IntakeError({"procedure": f"Thủ tục mã {draft.procedure_code} không có trong "
                                            "danh mục."})
        calendar = self.calendar()
        from .services.station_move import check_not_moved

        check_not_moved(self)  # a station moved to another PC no longer hands out codes here
        try:
            dossier, receipt, new_day = self._stamp(draft, procedure, station, calendar, clerk)
        except DatabaseDamaged:
            # Damage met while writing: if it was only the search index, it is rebuilt from
            # the dossiers and the stamp is tried once more; otherwise writes stay refused.
            if not self.check_store().ok:
                raise
            self.db.reconnect()  # SQLCipher: a connection that met damage reads no more
            dossier, receipt, new_day = self._stamp(draft, procedure, station, calendar, clerk)
        # Committed: from here on nothing may say the dossier was not saved.
        self._keep_high_water(station, dossier)
        if new_day:
            self._seal_quietly()
        try:
            path = self.write_receipt(receipt)
        except Exception as exc:  # noqa: BLE001 - any failure after the commit is reported
            log.exception("dossier %s is saved but its receipt could not be written",
                          dossier.code)
            return StampResult(dossier, None, failure_vi(exc))
        return StampResult(dossier, path)

    def _stamp(self, draft: IntakeDraft, procedure: Procedure, station: StationSettings,
               calendar: WorkCalendar, clerk: str) -> tuple[Dossier, ReceiptData, bool]:
        """The one write transaction of `receive`: (dossier, receipt, first of a new day)."""
        with write_transaction(self.db):
            # The clock is read and checked under the write lock, so code order is receipt
            # order, and never earlier than the last instant recorded.
            instant = self.station_clock.take_instant()
            received_at = instant.at
            key = day_key(received_at)
            book = stamping.ledger_book(station, received_at)
            # Above everything ever handed out: the database and the high-water file, which
            # outlives a restore or a lost WAL (store/high_water.py).
            mark = high_water.read(self.data_dir, station.unit_code, station.station_no)
            in_database = dossiers.last_day_sequence(self.db, station.station_no, key) or 0
            day_seq = next_sequence(max(in_database, mark.day(key)))
            ledger_number = max(dossiers.last_ledger_number(self.db, book), mark.book(book)) + 1
            if day_seq > in_database + 1:
                self._explain_gap(station.station_no, key, in_database + 1, day_seq - 1,
                                  received_at)
            dossier = stamping.stamp(
                draft, procedure, station,
                dossier_id=new_uuid(), received_at=received_at, day_seq=day_seq,
                ledger_number=ledger_number, calendar=calendar, clerk=clerk,
            )
            receipt = stamping.build_receipt(dossier, procedure, station, self.address_of)
            row = dossiers.insert_dossier(self.db, dossier, receipt, key, day_seq)
            at = iso(received_at)
            dossiers.add_history(
                self.db, row, at=at, actor=clerk, action="received",
                status=int(dossier.status), note=dossier.procedure_name,
            )
            event = make_event(dossier, EventKind.RECEIVED, occurred_at=received_at, actor=clerk)
            outbox.add_event(self.db, row, event, at)
            self.audit.record("dossier.received", dossier.code, {
                "procedure": dossier.procedure_code, "status": int(dossier.status),
                "event_id": event["event_id"]})
        return dossier, receipt, instant.new_day

    def _seal_quietly(self) -> None:
        """The first stamp of a day seals the days before it (the trusted clock says they
        ended); a failure is logged and left to the next start or `log` command."""
        try:
            self.ledger.seal_closed_days()
        except Exception:  # noqa: BLE001 - the stamp is saved; sealing is retried later
            log.exception("could not seal the closed days of the dossier log")

    def _keep_high_water(self, station: StationSettings, dossier: Dossier) -> None:
        """Right after the stamp's commit, before the clerk is told its code or its receipt is
        written: raise the high-water file to it (store/high_water.py).

        After the commit, so a stamp cut off before it leaves no mark and no gap; under the
        database's write lock again, so two counters raising it at once never lower it. A
        write that fails does not undo the saved dossier: it is logged, and the next stamp
        or start raises the file from the database.
        """
        code = parse_dossier_code(dossier.code)
        key = day_key(dossier.received_at)
        marks = {"days": {key: code.sequence},
                 "books": {dossier.ledger_book: dossier.ledger_number}}
        try:
            try:
                with write_transaction(self.db):  # the lock only: nothing is written here
                    high_water.raise_to(self.data_dir, station.unit_code, station.station_no,
                                        **marks)
            except StoreError:  # the database refuses writes now: the file all the same
                high_water.raise_to(self.data_dir, station.unit_code, station.station_no,
                                    **marks)
        except OSError as exc:
            self.high_water_problem = f"{type(exc).__name__}: {exc}"
            log.error("dossier %s is saved but the high-water file could not be raised: %s",
                      dossier.code, exc)
        else:
            self.high_water_problem = None

    def _explain_gap(self, station_no: int, key: str, first: int, last: int,
                     now: datetime) -> None:
        """Inside the stamp's transaction: record why the codes first..last of the day are
        skipped (handed out before, not in this database), unless a restore already did."""
        if code_gaps.covered(self.db, station_no, key, first, last):
            return
        code_gaps.add_gap(self.db, code_gaps.CodeGap(
            station_no, key, first, last, iso(now), code_gaps.LOST,
            "Các mã này đã được cấp hoặc giữ chỗ trước đây nhưng không còn trong cơ sở dữ liệu "
            "(mất dữ liệu gần đây, ví dụ sau sự cố máy tính); không cấp lại."))
        self.audit.record("codes.skipped", key, {"first": first, "last": last,
                                                 "reason": code_gaps.LOST}, actor="")
        log.warning("codes %s/%d..%d were handed out before but are not in the database: "
                    "skipped", key, first, last)

    def catch_up_high_water(self) -> HighWater | None:
        """Raise the high-water file to what the database holds (after a failed write, or a
        data folder of an older version); None if the station is not set up or the file
        cannot be written (logged)."""
        station = settings.load_station(self.db)
        if station is None:
            return None
        try:
            return high_water.raise_to(
                self.data_dir, station.unit_code, station.station_no,
                days=code_gaps.highest_by_day(self.db, station.station_no),
                books=code_gaps.highest_by_book(self.db))
        except OSError as exc:
            log.error("could not raise the high-water file: %s", exc)
            return None

    # ---- steps after receipt -----------------------------------------------------------------

    def hand_back(
        self, code: str, *, receiver_name: str, receiver_id_number: str | None,
    ) -> Dossier:
        """Record that the result was handed to `receiver_name`: the dossier becomes returned.

        An empty name is an InvalidInput (a form mistake), not an IllegalStep (a state problem).
        """
        if not nfc(receiver_name):
            message = "Họ tên người nhận kết quả không được để trống."
            raise InvalidInput(message, "the receiver's name is empty",
                               problems={"receiver_name": message})
        return self.step(code, StepRequest(
            DossierStatus.RETURNED, receiver_name=receiver_name,
            receiver_id_number=normalize_id_number(receiver_id_number or "") or "",
        ))

    def step(self, code: str, request: StepRequest) -> Dossier:
        """Move a dossier to `request.target`: the new state, its history entry and its outbox
        event are one transaction. Raises IllegalStep (Vietnamese message) when not allowed.
        """
        account = self.require(Permission.HAND_BACK if request.target == DossierStatus.RETURNED
                               else Permission.STEP)
        request = check_step_request(replace(request, actor=account.display_name))
        with write_transaction(self.db):
            dossier = self.dossier(code)
            self._writable_row(code)  # another counter's dossier: said before any rule
            now = self.station_clock.take_instant().at
            outcome = plan_step(dossier, request, at=now, calendar=self.calendar())
            self._record_step(outcome, request.actor, now)
        return outcome.dossier

    def extend_due(
        self, code: str, *, new_due: datetime, reason: str, responsible: str,
    ) -> Dossier:
        """Set a new appointment for a late dossier (the apology slip, Mẫu 04)."""
        clerk = self.require(Permission.STEP).display_name
        with write_transaction(self.db):
            dossier = self.dossier(code)
            now = self.station_clock.take_instant().at
            outcome = plan_extension(dossier, new_due=to_vn(new_due), reason=reason,
                                     responsible=responsible, at=now)
            self._record_step(outcome, clerk, now)
        return outcome.dossier

    def next_statuses(self, code: str) -> list[DossierStatus]:
        return sorted(next_statuses(self.dossier(code).status))

    def _record_step(self, outcome: StepOutcome, clerk: str, now: datetime) -> None:
        """Inside the caller's transaction: save the step, its history entry, its event."""
        dossier = outcome.dossier
        row = self._writable_row(dossier.code)
        dossiers.update_progress(self.db, dossier)
        at = iso(now)
        dossiers.add_history(self.db, row, at=at, actor=clerk, action=outcome.action,
                             status=int(dossier.status), note=outcome.note,
                             detail=outcome.detail)
        progress = progress_entry(clerk, now, outcome.note, int(dossier.status))
        event = make_event(dossier, outcome.event_kind, occurred_at=now, actor=clerk,
                           progress=progress)
        outbox.add_event(self.db, row, event, at)
        self.audit.record(f"dossier.{outcome.action}", dossier.code, {
            "status": int(dossier.status), "note": outcome.note,
            "event_id": event["event_id"]})

    # ---- correcting ----------------------------------------------------------------------------

    def check_correction(self, code: str, patch: dict[str, Any]) -> CorrectionOutcome | None:
        """What `correct` would do with `patch`, without saving anything: every change, the fee
        before and after (the window shows them, and what the citizen is told, before the clerk
        saves); None when the patch changes nothing. CorrectionError / CorrectionNotAllowed as
        `correct` would raise them."""
        dossier = self.dossier(code)
        draft = check_patch(dossier, patch, self.references(), today=self.clock().date())
        procedure = self.procedure(dossier.procedure_code)
        fee = (stamping.fee_for_documents(procedure, draft.documents, draft.pages)
               if procedure is not None else None)
        if not changes_between(dossier, draft):
            return None  # the form says what is stored: nothing to correct (yet)
        return plan_correction(dossier, draft, reason="", fee=fee)

    def correct(self, code: str, patch: dict[str, Any], *, reason: str) -> CorrectionResult:
        """Correct a stamped dossier by `patch` (`domain.corrections`: what may change in which
        status, what follows), for `reason`.

        One transaction: the corrected facts at the next version, a history entry with every
        field before → after and the reason, the `updated` event with the whole dossier, the
        receipt issued again as the current original (the one it replaces kept in the receipt
        history), parked events of the dossier superseded by the new one, and, when the row's
        day is sealed, the correction recorded beside the seal. The new original's PDF is
        written after the commit (a failure there loses nothing: it is rebuilt from the data).
        """
        clerk = self.require(Permission.CORRECT).display_name
        reason = checked_text("correction.reason", reason)
        if not reason:
            raise CorrectionError({"reason": "Hãy ghi lý do sửa thông tin hồ sơ."})
        station = self.station
        self._seal_quietly()  # a closed day is sealed before one of its rows changes
        with write_transaction(self.db):
            dossier = self.dossier(code)
            code = dossier.code
            now = self.station_clock.take_instant().at
            draft = check_patch(dossier, patch, self.references(), today=now.date())
            procedure = self.procedure(dossier.procedure_code)
            fee = (stamping.fee_for_documents(procedure, draft.documents, draft.pages)
                   if procedure is not None else None)
            outcome = plan_correction(dossier, draft, reason=reason, fee=fee)
            corrected = outcome.dossier
            row = self._writable_row(code)
            logged_before = ledger_store.log_row_of(self.db, code)
            previous = self.receipt(code)
            issues = dossiers.receipt_issues(self.db, row)
            previous_issued_at = parse_iso(issues[-1][2]) if issues else dossier.received_at
            receipt = corrected_receipt(
                previous, corrected, station=station, address_of=self.address_of, at=now,
                previous_issued_at=previous_issued_at, fee_before=dossier.fee_total,
                delivery_changed=corrected.delivery != dossier.delivery)
            at = iso(now)
            step = dossiers.add_history(
                self.db, row, at=at, actor=clerk, action="corrected",
                status=int(corrected.status), note=outcome.note,
                detail=outcome.detail(receipt.issue))
            dossiers.keep_replaced_receipt(self.db, row, previous,
                                           issued_at=iso(previous_issued_at), replaced_at=at,
                                           replaced_by=step)
            dossiers.update_corrected(self.db, corrected, receipt)
            progress = progress_entry(clerk, now, outcome.note, int(corrected.status))
            event = make_event(corrected, EventKind.UPDATED, occurred_at=now, actor=clerk,
                               progress=progress)
            outbox.add_event(self.db, row, event, at)
            superseded = outbox.supersede_parked(self.db, row, event["event_id"])
            sealed = (self.ledger.record_correction(logged_before, at=at, by=clerk,
                                                    reason=reason, step=step)
                      if logged_before is not None else None)
            self.audit.record("dossier.corrected", code, {
                "version": corrected.version, "reason": reason,
                "changes": [change.as_dict() for change in outcome.changes],
                "fee_before": outcome.fee_before, "fee_after": outcome.fee_after,
                "receipt_issue": receipt.issue, "event_id": event["event_id"],
                "superseded": superseded, "sealed_row": sealed is not None})
        result = CorrectionResult(corrected, outcome.changes, receipt, None, None, superseded,
                                  sealed is not None, outcome.fee_before)
        # Committed: from here on nothing may say the correction was not saved.
        try:
            return replace(result, receipt_path=self.write_receipt(receipt))
        except Exception as exc:  # noqa: BLE001 - any failure after the commit is reported
            log.exception("the correction of %s is saved but its receipt could not be written",
                          code)
            return replace(result, receipt_error=failure_vi(exc))

    # ---- slips -------------------------------------------------------------------------------

    def issue_slip(self, code: str, kind: SlipKind, out: Path) -> Path:
        """Write the slip of `kind` for the dossier to `out` and record it in the history.

        A numbered slip answers the dossier's latest matching step; the first print takes the
        next number of its kind in the year and freezes what it says, later prints repeat it
        marked BẢN SAO. The control sheet is rebuilt each time from the hand-overs so far.
        Raises NoSuchStep (Vietnamese message) when the step never happened.
        """
        from .documents.slips_pdf import build_slip_pdf

        clerk = self.require(Permission.PRINT_SLIP).display_name
        with write_transaction(self.db):
            self._writable_row(code)  # another counter's slips are not copied here
            now = self.station_clock.take_instant().at
            slip, reprint = self._slip_record(code, kind, clerk, now)
            content = build_slip_pdf(slip)
            row = self._row(code)
            note = f"In {kind.title.capitalize()}" + (" (bản sao)" if reprint else "")
            dossiers.add_history(
                self.db, row, at=iso(now), actor=clerk, action="slip_printed",
                note=note, detail={"kind": kind.value, "number": slip.header.number,
                                   "file": str(out)},
            )
            self.audit.record("slip.printed", code, {
                "kind": kind.value, "number": slip.header.number, "copy": reprint,
                "file": str(out)})
        self._make_folder_for(out)
        self._write_document(out, content)
        return out

    def _slip_record(self, code: str, kind: SlipKind, clerk: str,
                     now: datetime) -> tuple[Slip, bool]:
        """Inside the caller's transaction: the slip to print, and whether it is a reprint."""
        dossier = self.dossier(code)
        row = self._row(code)
        history = dossiers.history(self.db, row)
        station = self.station
        commune = admin_units.get_commune(self.db, station.commune_code)
        options = {"phone": self.setting("contact_phone", "") or "",
                   "signer_title": self.setting("signer_title", DEFAULT_SIGNER_TITLE),
                   "address_of": self.address_of,
                   "committee_name": commune.full_name if commune else ""}
        if kind == SlipKind.CONTROL:
            slip = build_slip(kind, dossier, self.station, history, issued_at=now, number="",
                              clerk=clerk, **options)
            return slip, False
        step = last_step(history, kind)
        issued = slips.slip_for_step(self.db, kind.value, step["id"])
        if issued is not None:
            slip = slip_from_dict(kind, issued["data"])
            return replace(slip, header=replace(slip.header, is_copy=True)), True
        year = to_vn(parse_iso(step["at"])).year  # the slip is dated by its step
        number = slips.next_number(self.db, kind.value, year)
        slip = build_slip(
            kind, dossier, self.station, history, issued_at=now,
            number=f"{number}/{kind.number_suffix}", clerk=clerk,
            known_documents=self._known_documents(dossier), **options,
        )
        slips.insert_slip(
            self.db, dossier_row=row, kind=kind.value, step=step["id"], year=year,
            number=number, issued_at=iso(now), issued_by=clerk, data=slip_to_dict(slip),
        )
        return slip, False

    def address_of(self, party: Party) -> str:
        """A party's full address: what was typed, then the commune and province picked."""
        commune = admin_units.get_commune(self.db, party.commune_code) if party.commune_code \
            else None
        province = admin_units.get_province(self.db, party.province_code) \
            if party.province_code else None
        return full_address(party.address, commune.full_name if commune else None,
                            province.full_name if province else None)

    def _known_documents(self, dossier: Dossier) -> dict[str, ReceiptDocument]:
        """The procedure's papers by name, with their usual form, for the supplement table."""
        procedure = self.procedure(dossier.procedure_code)
        if procedure is None:
            return {}
        return {doc.name: doc for doc in stamping.component_documents(procedure)}

    # ---- receipts ----------------------------------------------------------------------------

    def receipt_path(self, receipt: ReceiptData) -> Path:
        """Where the original of this issue of the receipt is kept: a receipt issued again
        after a correction gets a file of its own, the earlier original stays."""
        stamp = receipt.received_at
        name = receipt.code if receipt.issue == 1 else f"{receipt.code}-lan{receipt.issue}"
        return (self.data_dir / RECEIPTS_FOLDER / f"{stamp:%Y}" / f"{stamp:%m}" / f"{name}.pdf")

    def write_receipt(self, receipt: ReceiptData) -> Path:
        """Write the original receipt as it was handed out."""
        from .documents.files import write_atomically
        from .documents.receipt_pdf import build_receipt_pdf

        path = self.receipt_path(receipt)
        content = build_receipt_pdf(receipt)
        make_private_folder(path.parent)
        write_atomically(path, kept.seal(self.documents_key, content))  # kept sealed
        return path

    def receipt(self, code: str) -> ReceiptData:
        receipt = dossiers.get_receipt(self.db, code)
        if receipt is None:
            raise UnknownDossier(code)
        return receipt

    def receipt_issues(self, code: str) -> list[ReceiptIssue]:
        """Every receipt handed out for the dossier, oldest first, the current original last."""
        dossier = self.dossier(code)
        replaced = dossiers.receipt_issues(self.db, self._row(dossier.code))
        issues = [ReceiptIssue(receipt, parse_iso(issued), parse_iso(replaced_at))
                  for receipt, issued, replaced_at in replaced]
        current_since = issues[-1].replaced_at if issues else dossier.received_at
        assert current_since is not None
        return [*issues, ReceiptIssue(self.receipt(dossier.code), current_since, None)]

    def reprint_receipt(self, code: str, out: Path, *, issue: int | None = None) -> Path:
        """Write a copy (marked BẢN SAO) of the receipt and record the reprint in the history.

        `issue` prints a copy of an earlier receipt a correction replaced (to compare with the
        paper a citizen brings), saying under its title that it was replaced; by default the
        current original.
        """
        from .documents.receipt_pdf import build_receipt_pdf

        clerk = self.require(Permission.PRINT_SLIP).display_name
        receipt = self.receipt(code)
        self.db.health.require_writable()  # the reprint is recorded: refused before any work
        self.station_clock.require_trusted()
        if issue is not None and issue != receipt.issue:
            receipt = replaced_copy(self.receipt_issues(code), issue)
        content = build_receipt_pdf(receipt.as_copy())
        self._make_folder_for(out)
        self._write_document(out, content)
        row = self._row(code)
        with write_transaction(self.db):
            now = self.station_clock.take_instant().at
            note = "In lại giấy tiếp nhận (bản sao)" + (
                f" cấp lần {receipt.issue}" if receipt.issue > 1 or issue is not None else "")
            dossiers.add_history(
                self.db, row, at=iso(now), actor=clerk, action="receipt_reprinted",
                note=note, detail={"file": str(out), "issue": receipt.issue},
            )
            self.audit.record("receipt.reprinted", code, {"file": str(out),
                                                          "issue": receipt.issue})
        current = self.receipt(code)
        if not self.receipt_path(current).exists():
            self.write_receipt(current)  # the original was lost (power cut before it was written)
        return out

    @cached_property
    def provincial_fees(self) -> ProvincialFees:
        """The amounts the provincial council set, entered by the supervisor."""
        from .services.fees import ProvincialFees

        return ProvincialFees(self)

    @cached_property
    def cash_sheets(self) -> CashSheets:
        """The cash hand-over sheet per day and per clerk."""
        from .services.fees import CashSheets

        return CashSheets(self)

    @cached_property
    def receipt_prints(self) -> ReceiptPrints:
        """Printing the receipt: the original until its print succeeded, copies after."""
        from .services.receipt_prints import ReceiptPrints

        return ReceiptPrints(self)

    def recover_receipts(self, days: int = 7) -> ReceiptRecovery:
        """After a crash or power cut: rebuild missing originals of recent dossiers.

        A dossier is committed before its PDF is written, so a cut in between leaves a stamped
        dossier without its file; half-written temporary files left by a cut are removed (only
        stale ones: the window stamps while this runs, and another program may be writing
        one now). One receipt that cannot be rebuilt (its layout, a font, the disk) is logged
        with its traceback and listed, and the others are still rebuilt: start-up never stops
        on one dossier.
        """
        kept.seal_folder(self.data_dir, self.documents_key)  # any an older version left plain
        folder = self.data_dir / RECEIPTS_FOLDER
        stale = time.time() - STALE_PART_S
        for leftover in folder.glob("*/*/.*.part"):
            with contextlib.suppress(OSError):  # gone meanwhile: its writer finished
                if leftover.stat().st_mtime < stale:
                    leftover.unlink(missing_ok=True)
        since = iso(self.clock() - timedelta(days=days))
        recovery = ReceiptRecovery()
        own = self.station.station_no if self.is_set_up() else None
        for code in dossiers.codes_received_since(self.db, since, own):
            try:
                receipt = self.receipt(code)
                if self.receipt_path(receipt).exists():
                    continue
                self.write_receipt(receipt)
            except Exception as exc:  # noqa: BLE001 - one dossier never stops the others
                log.exception("could not rebuild the receipt of %s", code)
                recovery.failed[code] = failure_vi(exc)
            else:
                recovery.rebuilt.append(code)
        return recovery

    def _make_folder_for(self, out: Path) -> None:
        """The folder of a file the app writes: private inside the data folder."""
        try:
            inside = out.resolve().is_relative_to(self.data_dir.resolve())
        except OSError:
            inside = False
        if inside:
            make_private_folder(out.parent)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)

    # ---- outputs a person asks for -----------------------------------------------------------

    def check_output_path(self, path: Path, *, replace: bool = False) -> Path:
        """The one guard for a file a person asks the app to write (`--out`, a save dialog).

        Refuses (`InvalidInput`, Vietnamese) a path inside the data folder, the database and
        its `-wal`/`-shm`, any receipt, slip or backup the app keeps, a folder, and an
        existing file unless `replace` (`--force`; a save dialog passes True because the
        system's dialog has already asked "replace?"). Returns the path to write.
        """
        return check_output_path(Path(path), data_dir=self.data_dir,
                                 database_file=DATABASE_FILE, replace=replace,
                                 also_kept=self.backups.kept_folders())

    # ---- the store's health ------------------------------------------------------------------

    def check_store(self) -> CheckResult:
        """SQLite's quick check now (and the search index rebuilt if only it is damaged).
        The window calls it once a day; a failure makes every later write refused."""
        result = self.db.health.check()
        if result.index_rebuilt:  # this desk's connection may have met the damaged pages
            self.db.reconnect()
        return result

    @property
    def store_problem(self) -> StoreError | None:
        """The problem the last check of the database found (None: sound, or still checking)."""
        return self.db.health.problem

    # ---- looking up --------------------------------------------------------------------------

    def find(self, text: str, limit: int = 50) -> list[Dossier]:
        self.may_read()
        return dossiers.find_dossiers(self.db, text, limit)

    def day_list(self, day: date, *, status: DossierStatus | None = None,
                 procedure: str | None = None, clerk: str | None = None,
                 limit: int = 500) -> list[Dossier]:
        """The dossiers received on `day`, newest first; only those of `status`, `procedure`
        (its code) and receiving `clerk` when given (Tra cứu's day list)."""
        return dossiers.day_list(self.db, day, status=None if status is None else int(status),
                                 procedure=procedure or None, clerk=clerk or None, limit=limit)

    def day_clerks(self, day: date) -> list[str]:
        """The clerks who received dossiers on `day`, and those named in the settings."""
        named = self.setting("clerks") or []
        found = dossiers.day_clerks(self.db, day)
        return sorted({*found, *(name for name in named if isinstance(name, str))})

    def dossier(self, code: str) -> Dossier:
        dossier = dossiers.get_dossier(self.db, code)
        if dossier is None:
            raise UnknownDossier(code)
        return dossier

    def _row(self, code: str) -> int:
        """The dossier's row id (the key of its history, events and slips)."""
        row = dossiers.row_id_of(self.db, code)
        if row is None:
            raise UnknownDossier(code)
        return row

    def _writable_row(self, code: str) -> int:
        """The row id of a dossier this counter may write (docs/office-hub.md §6.1): in an
        office, another counter's dossier, or one being handed over, is read-only here."""
        row = self._row(code)
        writer = office_store.writer_of(self.db, code)
        own = self.station.station_no
        if writer is not None and (writer[0] != own or writer[1] is not None):
            who = writer[1] if writer[1] is not None else writer[0]
            raise WrittenElsewhere(f"Hồ sơ này do Quầy {who} đang cập nhật.",
                                   f"dossier {code} is written by counter {who}, not {own}",
                                   writer=int(who))
        return row

    def history(self, code: str) -> list[dict[str, Any]]:
        self.may_read()
        return dossiers.history(self.db, self._row(code))

    def events(self, code: str) -> list[dict[str, Any]]:
        return outbox.events_of(self.db, self._row(code))

    def outbox_counts(self) -> dict[str, int]:
        return outbox.count_by_state(self.db)

    def outbox_dossier_counts(self) -> dict[str, int]:
        """Dossiers whose updates wait, were refused, or were all accepted by the province."""
        return outbox.dossier_counts(self.db)

    # ---- supervision -------------------------------------------------------------------------

    @cached_property
    def ledger(self) -> Ledger:
        """The daily dossier log: seal closed days, print, verify."""
        from .services.ledger import Ledger

        return Ledger(self)

    @cached_property
    def station_clock(self) -> StationClock:
        """The station's trusted clock: the PC clock checked before an instant is recorded."""
        from .services.station_clock import StationClock

        return StationClock(self)

    @cached_property
    def reports(self) -> Reports:
        """The supervisor's overview and the periodic report 06a."""
        from .services.reports import Reports

        return Reports(self)

    # ---- IT: backups -------------------------------------------------------------------------

    @cached_property
    def backups(self) -> Backups:
        """Backups: where they go, taking one, the rotation, whether the last one worked."""
        from .services.backups import Backups

        return Backups(self)

    # ---- the office hub ----------------------------------------------------------------------

    @cached_property
    def office(self) -> Office:
        """This counter's office hub, if it joined one (docs/office-hub.md)."""
        from .services.office import Office

        return Office(self)

    # ---- sync --------------------------------------------------------------------------------

    @cached_property
    def sync(self) -> SyncService:
        """Sync with the provincial gateway: settings, token, status, parked events, USB files,
        one full sync (imported when first used)."""
        from .sync.service import SyncService

        return SyncService(self)

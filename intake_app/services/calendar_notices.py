"""Calendar notices: the days in force and where each comes from; importing a signed notice.

`desk.calendar_notices.preview(FILE)` checks a signed notice file and says what it would
change (days; open dossiers whose due time would move, appointments now on a day off) without
changing anything; `apply(FILE)` does the same checks and records the notice. Appointments of
open dossiers are never recomputed (`domain/calendar_impact.py` says why).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.accounts import Permission
from ..domain.calendar import CalendarNotice, DayInfo
from ..domain.calendar_impact import NoticeImpact, OpenDossierTimes, notice_impact
from ..domain.calendar_notices import (
    MAX_FILE_BYTES,
    BadNotice,
    NoticeNotForThisUnit,
    SignedNotice,
    open_signed_notice,
)
from ..domain.clock import iso
from ..domain.dossier_history import supplement_spans
from ..domain.procedures import ProcessingTime
from ..store import calendar as calendar_store
from ..store import catalogue, dossiers, settings
from ..store.db import write_transaction

if TYPE_CHECKING:
    from ..desk import Desk

# A preview computes the notice as the newest edition of its number.
PREVIEW_EDITION = 10**9


@dataclass(frozen=True)
class NoticeImport:
    """A signed notice file checked: what it says, who signed it, what it changes."""

    signed: SignedNotice
    file_sha256: str
    impact: NoticeImpact
    already_imported: bool
    applied: bool = False

    @property
    def notice(self) -> CalendarNotice:
        return self.signed.notice


@dataclass(frozen=True)
class NoticeInForce:
    """A notice the calendar uses, and whether it came with the app or was imported."""

    notice: CalendarNotice
    imported: bool


class CalendarNotices:
    def __init__(self, desk: Desk):
        self.desk = desk

    # ---- what is in force --------------------------------------------------------------------

    def days(self, year: int) -> list[DayInfo]:
        """The exceptions to the plain week in `year`, each with its source and document."""
        return self.desk.calendar().year_days(year)

    def notices(self) -> list[NoticeInForce]:
        """The notices in force here: shipped first, then imported, oldest first."""
        station = settings.load_station(self.desk.db)
        province = station.province_code if station is not None else None
        shipped = calendar_store.notices_for(calendar_store.shipped_notices(), province)
        imported = calendar_store.notices_for(calendar_store.imported_notices(self.desk.db),
                                              province)
        return ([NoticeInForce(n, False) for n in shipped]
                + [NoticeInForce(n, True) for n in imported])

    # ---- importing a signed notice -----------------------------------------------------------

    def _read(self, path: Path) -> tuple[SignedNotice, str]:
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise BadNotice(
                    f"Tệp {path.name} quá lớn ({size:,} byte) cho một thông báo lịch làm việc "
                    f"(tối đa {MAX_FILE_BYTES:,} byte).", f"notice file too large: {size}")
            content = path.read_bytes()
        except FileNotFoundError:
            raise BadNotice(f"Không tìm thấy tệp {path}.", f"no file {path}") from None
        except OSError as exc:
            raise BadNotice(f"Không đọc được tệp {path}: {exc.strerror or exc}.",
                            f"cannot read {path}: {exc}") from None
        try:
            raw = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadNotice(f"Tệp {path.name} không phải tệp JSON của một thông báo lịch làm "
                            "việc.", f"{path}: not JSON: {exc}") from None
        signed = open_signed_notice(raw, calendar_store.trusted_keys())
        station = settings.load_station(self.desk.db)
        province = signed.notice.province_code
        if province is not None and station is not None and province != station.province_code:
            raise NoticeNotForThisUnit(
                f"Thông báo {signed.notice.number} áp dụng cho tỉnh mã {province}, không phải "
                f"tỉnh của đơn vị này (mã {station.province_code}).",
                f"notice for province {province}, station in {station.province_code}")
        return signed, hashlib.sha256(content).hexdigest()

    def _impact(self, notice: CalendarNotice) -> NoticeImpact:
        db = self.desk.db
        station = settings.load_station(db)
        before = calendar_store.work_calendar(db, station)
        after = calendar_store.work_calendar(
            db, station, extra_notices=[replace(notice, edition=PREVIEW_EDITION)])
        return notice_impact(notice, before, after, self._open_dossier_times())

    def _open_dossier_times(self) -> list[OpenDossierTimes]:
        db = self.desk.db
        times = []
        procedure_times: dict[str, ProcessingTime | None] = {}
        for dossier in dossiers.open_dossiers(db):
            code = dossier.procedure_code
            if code not in procedure_times:
                procedure = catalogue.get_procedure(db, code)
                procedure_times[code] = procedure.time if procedure is not None else None
            row = dossiers.row_id_of(db, dossier.code)
            steps = dossiers.history_steps(db, row) if row is not None else []
            times.append(OpenDossierTimes(
                code=dossier.code, applicant_name=dossier.applicant.name,
                procedure_name=dossier.procedure_name, received_at=dossier.received_at,
                processing_time=procedure_times[code],
                appointment=dossier.due_at, supplements=tuple(supplement_spans(steps)),
            ))
        return times

    def preview(self, path: Path) -> NoticeImport:
        """Check `path` and say what it would change; nothing is written."""
        signed, sha = self._read(path)
        known = calendar_store.imported_file_known(self.desk.db, sha)
        return NoticeImport(signed, sha, self._impact(signed.notice), already_imported=known)

    def apply(self, path: Path) -> NoticeImport:
        """Check `path`, then record its notice (once per file); returns what it changed.

        The impact is computed before the notice is recorded, in the same transaction.
        A supervisor's.
        """
        actor = self.desk.require(Permission.CALENDAR).display_name
        signed, sha = self._read(path)
        db = self.desk.db
        with write_transaction(db):
            if calendar_store.imported_file_known(db, sha):
                return NoticeImport(signed, sha, self._impact(signed.notice),
                                    already_imported=True)
            impact = self._impact(signed.notice)
            calendar_store.add_imported_notice(
                db, signed.notice, key_id=signed.key.key_id, file_sha256=sha, actor=actor,
                at=iso(self.desk.clock()))
            self.desk.audit.record("calendar.notice_imported", signed.notice.number, {
                "key_id": signed.key.key_id, "file_sha256": sha})
        return NoticeImport(signed, sha, impact, already_imported=False, applied=True)

"""The daily dossier log (sổ theo dõi hồ sơ): sealing closed days, printing, verifying.

Every closed day that has dossiers is sealed once, in order: its rows' digests and a hash
chained to the previous sealed day's. A day is closed when a trusted clock says it has ended
(`desk.station_clock`: a later recorded action, or the gateway's time), not when the PC clock
says so: a PC clock a day ahead must not seal the real today. The printed log carries each
day's hash at its foot, so a row changed or removed after printing is found by `verify`,
and the paper copy tells which hash the day had.

Seals are keyed with the audit key (HMAC-SHA256), and each seal is also written whole into
the audit trail in the same transaction (`log.sealed`). So a seal deleted or replaced in the
database is found, the audit's copy still names the rows changed since, and a day the audit
says was sealed is never sealed again silently. Seals made before keyed seals existed stay
plain SHA-256; the first keyed sealing anchors them by writing the last one's hash into the
audit trail (`log.anchored`), so they cannot be recomputed unnoticed either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.accounts import Permission
from ..domain.clock import iso, to_vn
from ..domain.dossier_log import (
    GENESIS,
    PLAIN,
    DaySeal,
    DossierLog,
    LogCorrection,
    LogProblem,
    LogRow,
    ProblemKind,
    build_log,
    row_digest,
    rows_by_day,
    seal_day,
    verify_chain,
)
from ..domain.formatting import date_vn
from ..store import audit as audit_store
from ..store import ledger
from ..store.db import write_transaction
from .exports import format_of

if TYPE_CHECKING:
    from ..desk import Desk

LOG_FORMATS = ("pdf", "csv", "xlsx")


@dataclass(frozen=True)
class LogCheck:
    """What `log verify` found: the problems (tampering), and the corrections of sealed rows
    that explain why those rows differ from their seal (who, when, why)."""

    problems: list[LogProblem]
    corrected: list[LogCorrection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Ledger:
    def __init__(self, desk: Desk):
        self.desk = desk

    @property
    def db(self):
        return self.desk.db

    @property
    def _own(self) -> int:
        """This counter's station: its book holds only the dossiers it received (the office's
        copy holds other counters' too, docs/office-hub.md §8)."""
        return self.desk.station.station_no

    def today(self) -> date:
        return to_vn(self.desk.clock()).date()

    def seal_closed_days(self) -> list[date]:
        """Seal every closed day not sealed yet, in order; returns those days.

        Closed: before the day of the station's trusted instant (its last recorded action or
        the gateway's last time), so the PC clock alone never closes a day. Days without
        dossiers are sealed too (count 0), from the first dossier's day on, so that nothing
        can be back-dated into an empty day unnoticed.
        """
        sealed: list[date] = []
        today = self.desk.station_clock.trusted_today()  # not the PC clock's own word
        first = ledger.first_day(self.db, self._own)
        last = ledger.last_seal(self.db)
        if first is None or today is None or (
                last is not None and last.day + timedelta(days=1) >= today):
            return sealed  # nothing to seal: no write, no key needed
        with write_transaction(self.db):
            last = ledger.last_seal(self.db)
            audited = _audited_last(self.db)
            # A day the audit trail says was sealed is never sealed again: if its seal is gone
            # from the table, `verify` says so instead.
            if audited is not None and (last is None or audited.day > last.day):
                last = audited
            day = last.day + timedelta(days=1) if last else ledger.first_day(self.db, self._own)
            previous = last.hash if last else GENESIS
            now = iso(self.desk.clock())
            if day is None or day >= today:
                return sealed
            key = self.desk.audit.key()
            self._anchor_plain_seals()
            while day < today:
                rows = ledger.log_rows(self.db, day, day, self._own)
                seal = seal_day(previous, day, rows, key)
                ledger.insert_seal(self.db, seal, now)
                self.desk.audit.record("log.sealed", day.isoformat(), seal.to_dict(),
                                       actor="")
                previous = seal.hash
                sealed.append(day)
                day += timedelta(days=1)
        return sealed

    def _anchor_plain_seals(self) -> None:
        """Once, inside the first keyed sealing: write the last plain seal into the audit."""
        if audit_store.last_of(self.db, "log.anchored") is not None:
            return
        plain = [seal for seal in ledger.seals(self.db) if seal.scheme == PLAIN]
        if plain:
            self.desk.audit.record("log.anchored", plain[-1].day.isoformat(),
                                   {"day": plain[-1].day.isoformat(), "hash": plain[-1].hash,
                                    "seals": len(plain)}, actor="")

    def build(self, start: date, end: date, clerk: str | None = None, *,
              counter: int | None = None, office: bool = False) -> DossierLog:
        """The log of `start`..`end`, this counter's book or one clerk's dossiers in it; closed
        days are sealed first. A clerk's own log is a clerk's; the whole book, another
        clerk's, another counter's or the office's, a supervisor's.

        In an office (docs/office-hub.md §8): `office` is the log of every counter's dossiers
        in this counter's copy, `counter` another counter's book as copied here. Neither is
        sealed here (each counter seals its own book; the office's day seals are still to
        come), so their days print as not sealed; each row keeps its counter's book number.
        """
        user = self.desk.user
        if user is not None and clerk is not None and clerk == user.display_name \
                and counter is None and not office:
            self.desk.require(Permission.OWN_LOG)
        else:
            self.desk.may_read(Permission.ALL_LOGS)
        if end < start:
            raise ValueError("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
        self.seal_closed_days()
        station = self.desk.station
        own = counter in (None, self._own) and not office
        seals = {seal.day: seal for seal in ledger.seals(self.db)} if own else {}
        rows_of = None if office else (self._own if own else counter)
        return build_log(
            ledger.log_rows(self.db, start, end, rows_of), seals, start=start, end=end,
            unit_name=station.unit_name, place_name=station.place_name,
            office_name=station.office_name.upper(), clerk=clerk or None, today=self.today(),
            key=self.desk.audit.key() if seals else None,
            previous_hash_for=None if own else (lambda _day: GENESIS),
        )

    def export(self, start: date, end: date, out: Path, clerk: str | None = None) -> Path:
        """Write the log as PDF, CSV or XLSX, chosen by `out`'s suffix."""
        format_of(out, LOG_FORMATS)  # a wrong name is refused before any work
        return self.write(self.build(start, end, clerk), out)

    def write(self, log: DossierLog, out: Path) -> Path:
        """Write a built log as PDF, CSV or XLSX, chosen by `out`'s suffix."""
        kind = format_of(out, LOG_FORMATS)
        out.parent.mkdir(parents=True, exist_ok=True)
        if kind == "pdf":
            from ..documents.files import write_atomically
            from ..documents.log_pdf import build_log_pdf

            write_atomically(out, build_log_pdf(log))
        elif kind == "csv":
            from ..documents.log_export import write_log_csv

            write_log_csv(log, out)
        else:
            from ..documents.log_export import write_log_xlsx

            write_log_xlsx(log, out)
        return out

    # ---- corrections of sealed rows -----------------------------------------------------------

    def is_sealed(self, day: date) -> bool:
        """Whether `day` has a seal (in the table, or a copy in the audit trail)."""
        if ledger.seal_of(self.db, day) is not None:
            return True
        return day in _audited_seals(self.db)

    def record_correction(self, before: LogRow, *, at: str, by: str, reason: str,
                          step: int) -> LogCorrection | None:
        """Inside a correction's transaction, after the row was updated: when the row's day is
        sealed and its sealed facts changed, record the correction beside the seal (signed with
        the audit key) and in the audit trail. None when the seal is not concerned."""
        after = ledger.log_row_of(self.db, before.code)
        if after is None or not self.is_sealed(before.day):
            return None
        old, new = row_digest(before), row_digest(after)
        if old == new:
            return None
        correction = LogCorrection(before.day, before.code, old, new, at, by,
                                   reason).signed(self.desk.audit.key())
        ledger.insert_correction(self.db, correction, step)
        self.desk.audit.record("log.corrected", before.code, correction.to_dict())
        return correction

    def verify(self) -> list[LogProblem]:
        """Recompute every sealed day from the rows as they are now; [] when nothing changed
        but by the corrections recorded beside the seals (`check` names those)."""
        return self.check().problems

    def check(self) -> LogCheck:
        """Recompute every sealed day from the rows as they are now.

        The audit trail's copy of each keyed seal is the reference: a seal missing from the
        table or different from its copy is reported, and the rows are checked against the
        copy, so an edit hidden by deleting the seals is still named. A sealed row that differs
        from its seal is a problem unless its recorded corrections (signed with the audit key)
        lead to it; those are returned as `corrected`.
        """
        self.seal_closed_days()
        table = {seal.day: seal for seal in ledger.seals(self.db)}
        audited = _audited_seals(self.db)
        problems: list[LogProblem] = []
        for day, copy in audited.items():
            stored = table.get(day)
            if stored is None:
                problems.append(_seal_problem(day, "dấu khóa sổ đã bị xóa khỏi cơ sở dữ liệu "
                                                   "(nhật ký kiểm toán còn giữ bản sao)."))
            elif stored != copy:
                problems.append(_seal_problem(day, "dấu khóa sổ đã bị thay, khác bản sao trong "
                                                   "nhật ký kiểm toán."))
        for day, stored in table.items():
            if stored.scheme != PLAIN and day not in audited:
                problems.append(_seal_problem(day, "dấu khóa sổ không có trong nhật ký kiểm "
                                                   "toán (đã bị thêm vào hoặc bản ghi kiểm toán "
                                                   "đã bị xóa)."))
        anchor = audit_store.last_of(self.db, "log.anchored")
        if anchor is not None:
            day = date.fromisoformat(str(anchor.detail.get("day")))
            stored = table.get(day)
            if stored is None or stored.hash != anchor.detail.get("hash"):
                problems.append(_seal_problem(day, "các dấu khóa sổ cũ (trước khi có nhật ký "
                                                   "kiểm toán) đã bị sửa hoặc xóa."))
        corrections, correction_problems = self._corrections()
        problems += correction_problems
        merged = {**table, **audited}
        if not merged:
            return LogCheck(problems)
        chain = [merged[day] for day in sorted(merged)]
        rows = rows_by_day(ledger.log_rows(self.db, chain[0].day, chain[-1].day,
                                           self._own))
        key = (self.desk.audit.key() if corrections or any(s.scheme != PLAIN for s in chain)
               else None)
        corrected: list[LogCorrection] = []
        problems += verify_chain(chain, rows, key=key, corrections=corrections,
                                 corrected=corrected)
        problems.sort(key=lambda problem: problem.day)
        return LogCheck(problems, corrected)

    def _corrections(self) -> tuple[dict[str, list[LogCorrection]], list[LogProblem]]:
        """The corrections of sealed rows by code (the table's and the audit trail's copies,
        in the order they were made), and each copy missing from one side, as a problem."""
        table = ledger.corrections(self.db)
        audited = _audited_corrections(self.db)
        problems = [
            LogProblem(c.day, c.code, ProblemKind.FORGED,
                       f"Ngày {date_vn(c.day)}: bản ghi sửa thông tin hồ sơ {c.code} lúc {c.at} "
                       "không có trong nhật ký kiểm toán (đã bị thêm vào).")
            for c in table if c not in audited
        ] + [
            LogProblem(c.day, c.code, ProblemKind.REMOVED,
                       f"Ngày {date_vn(c.day)}: bản ghi sửa thông tin hồ sơ {c.code} lúc {c.at} "
                       "đã bị xóa khỏi cơ sở dữ liệu (nhật ký kiểm toán còn giữ bản sao).")
            for c in audited if c not in table
        ]
        return _by_code([*audited, *(c for c in table if c not in audited)]), problems


def _audited_seals(db) -> dict[date, DaySeal]:
    """The seals the audit trail holds a copy of (the last copy of each day)."""
    copies: dict[date, DaySeal] = {}
    for record in audit_store.of_action(db, "log.sealed"):
        try:
            seal = DaySeal.from_dict(record.detail)
        except (KeyError, TypeError, ValueError):
            continue  # an edited record: `audit verify` names it
        copies[seal.day] = seal
    return copies


def _audited_corrections(db) -> list[LogCorrection]:
    """The corrections of sealed rows the audit trail holds a copy of, oldest first."""
    copies: list[LogCorrection] = []
    for record in audit_store.of_action(db, "log.corrected"):
        try:
            copies.append(LogCorrection.from_dict(record.detail))
        except (KeyError, TypeError, ValueError):
            continue  # an edited record: `audit verify` names it
    return copies


def _by_code(corrections: Iterable[LogCorrection]) -> dict[str, list[LogCorrection]]:
    grouped: dict[str, list[LogCorrection]] = {}
    for correction in sorted(corrections, key=lambda c: c.at):
        grouped.setdefault(correction.code, []).append(correction)
    return grouped


def _audited_last(db) -> DaySeal | None:
    record = audit_store.last_of(db, "log.sealed")
    if record is None:
        return None
    try:
        return DaySeal.from_dict(record.detail)
    except (KeyError, TypeError, ValueError):
        return None


def _seal_problem(day: date, what: str) -> LogProblem:
    return LogProblem(day, None, ProblemKind.BROKEN_LINK, f"Ngày {date_vn(day)}: {what}")

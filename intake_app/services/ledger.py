"""The daily dossier log (sổ theo dõi hồ sơ): sealing closed days, printing, verifying.

Every closed day (before today, local time) that has dossiers is sealed once, in order: its
rows' digests and a hash chained to the previous sealed day's. The printed log carries each
day's hash at its foot, so a row changed or removed after printing is found by `verify`,
and the paper copy tells which hash the day had.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.clock import iso, to_vn
from ..domain.dossier_log import (
    GENESIS,
    DossierLog,
    LogProblem,
    build_log,
    rows_by_day,
    seal_day,
    verify_chain,
)
from ..store import ledger
from ..store.db import write_transaction
from .exports import format_of

if TYPE_CHECKING:
    from ..desk import Desk

LOG_FORMATS = ("pdf", "csv", "xlsx")


class Ledger:
    def __init__(self, desk: Desk):
        self.desk = desk

    @property
    def db(self):
        return self.desk.db

    def today(self) -> date:
        return to_vn(self.desk.clock()).date()

    def seal_closed_days(self) -> list[date]:
        """Seal every closed day (before today) not sealed yet, in order; returns those days.

        Days without dossiers are sealed too (count 0), from the first dossier's day on, so
        that nothing can be back-dated into an empty day unnoticed.
        """
        sealed: list[date] = []
        with write_transaction(self.db):
            last = ledger.last_seal(self.db)
            day = last.day + timedelta(days=1) if last else ledger.first_day(self.db)
            previous = last.hash if last else GENESIS
            now = iso(self.desk.clock())
            today = self.today()
            while day is not None and day < today:
                seal = seal_day(previous, day, ledger.log_rows(self.db, day, day))
                ledger.insert_seal(self.db, seal, now)
                previous = seal.hash
                sealed.append(day)
                day += timedelta(days=1)
        return sealed

    def build(self, start: date, end: date, clerk: str | None = None) -> DossierLog:
        """The log of `start`..`end`, whole unit or one clerk; closed days are sealed first."""
        if end < start:
            raise ValueError("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
        self.seal_closed_days()
        seals = {seal.day: seal for seal in ledger.seals(self.db)}
        station = self.desk.station
        return build_log(
            ledger.log_rows(self.db, start, end), seals, start=start, end=end,
            unit_name=station.unit_name, place_name=station.place_name,
            office_name=station.office_name.upper(), clerk=clerk or None, today=self.today(),
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

    def verify(self) -> list[LogProblem]:
        """Recompute every sealed day from the rows as they are now; [] when nothing changed."""
        self.seal_closed_days()
        seals = ledger.seals(self.db)
        if not seals:
            return []
        rows = rows_by_day(ledger.log_rows(self.db, seals[0].day, seals[-1].day))
        return verify_chain(seals, rows)

"""The high-water file: the highest code and ledger number this station ever handed out.

A restore of an older backup, or a WAL file lost after a crash, gives the station a database
that has forgotten its last dossiers. Codes are counted from the database, so it would hand out
again codes that citizens already hold (`…-2001` twice, the first receipt overwritten). The
high-water file outlives the database: `<data folder>/high-water.json` holds, per local day,
the highest daily sequence stamped, and per ledger book the highest number, and is written with
every stamp (temporary file, fsync, one rename, the folder fsynced). The desk always continues
above max(database, high-water file).

Order and failure (what `Desk.receive` relies on):

- written right after the stamp's transaction commits, before the clerk is told the code and
  before the receipt is printed, under the database's write lock (so two counters raising it
  at once never lower it): every code a citizen can hold is in the file. A stamp cut off
  before its commit leaves no mark, so the day's numbering has no gap (the contract's
  001, 002, … without gaps);
- a failed write (disk full, read-only file) does not undo the saved dossier: the failure is
  logged, and the file is raised again by the next stamp or start (`catch_up`); `doctor`
  names a file that lags behind the database. Only a stamp whose write failed *and* whose
  database then lost it too could be reused: its kept receipt (and the province) still count
  in a restore's search;
- a damaged file reads as empty (logged); it is rewritten whole by the next stamp.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

HIGH_WATER_FILE = "high-water.json"
FORMAT = "intake-app/high-water/1"
FILE_MODE = 0o600


@dataclass(frozen=True)
class HighWater:
    """The highest daily sequence per day (`yyMMdd`) and number per ledger book."""

    unit_code: str
    station_no: int
    days: Mapping[str, int] = field(default_factory=dict)
    books: Mapping[str, int] = field(default_factory=dict)

    def day(self, day_key: str) -> int:
        return int(self.days.get(day_key, 0))

    def book(self, ledger_book: str) -> int:
        return int(self.books.get(ledger_book, 0))

    def raised(self, *, days: Mapping[str, int] | None = None,
               books: Mapping[str, int] | None = None) -> HighWater:
        """This mark, each entry raised to the given value where that is higher.

        >>> HighWater("U", 2, {"261202": 5}).raised(days={"261202": 3, "261203": 1}).days
        {'261202': 5, '261203': 1}
        """
        new_days = dict(self.days)
        for key, value in (days or {}).items():
            if int(value) > new_days.get(key, 0):
                new_days[key] = int(value)
        new_books = dict(self.books)
        for key, value in (books or {}).items():
            if int(value) > new_books.get(key, 0):
                new_books[key] = int(value)
        return HighWater(self.unit_code, self.station_no, dict(sorted(new_days.items())),
                         dict(sorted(new_books.items())))

    def covers(self, other: HighWater) -> bool:
        """Whether every entry of `other` is at or below this mark's."""
        return all(self.day(k) >= v for k, v in other.days.items()) and \
            all(self.book(k) >= v for k, v in other.books.items())

    def as_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "unit_code": self.unit_code, "station_no": self.station_no,
                "days": dict(self.days), "books": dict(self.books)}


def path_of(data_dir: Path) -> Path:
    return Path(data_dir) / HIGH_WATER_FILE


def _from_dict(data: Any) -> HighWater | None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    days, books = data.get("days"), data.get("books")
    if not isinstance(days, dict) or not isinstance(books, dict):
        return None
    return HighWater(
        str(data.get("unit_code", "")), int(data.get("station_no", 0)),
        {str(k): int(v) for k, v in days.items() if isinstance(v, int) and v > 0},
        {str(k): int(v) for k, v in books.items() if isinstance(v, int) and v > 0})


def read(data_dir: Path, unit_code: str, station_no: int) -> HighWater:
    """The station's mark (empty if there is no file yet, or it belongs to another station).

    A damaged or unreadable file is logged and read as empty: it must never stop a stamp.
    """
    empty = HighWater(unit_code, station_no)
    path = path_of(data_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return empty
    except OSError as exc:
        log.error("cannot read the high-water file %s: %s", path, exc)
        return empty
    try:
        mark = _from_dict(json.loads(raw.decode("utf-8")))
    except (ValueError, TypeError) as exc:
        log.error("the high-water file %s is damaged (%s); read as empty", path, exc)
        return empty
    if mark is None:
        log.error("the high-water file %s is not a %s file; read as empty", path, FORMAT)
        return empty
    if (mark.unit_code, mark.station_no) != (unit_code, station_no):
        log.error("the high-water file %s belongs to %s/%s, not %s/%s; ignored", path,
                  mark.unit_code, mark.station_no, unit_code, station_no)
        return empty
    return mark


def write(data_dir: Path, mark: HighWater) -> None:
    """Replace the file with `mark`, durably (OSError if it cannot be written)."""
    path = path_of(data_dir)
    content = json.dumps(mark.as_dict(), indent=1, sort_keys=True).encode("utf-8")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temp, FILE_MODE)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if os.name != "nt":  # the rename itself must survive a power cut
        with contextlib.suppress(OSError):
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def raise_to(data_dir: Path, unit_code: str, station_no: int, *,
             days: Mapping[str, int] | None = None,
             books: Mapping[str, int] | None = None) -> HighWater:
    """Read, raise and (if anything rose) write the mark; returns it. OSError if the write
    fails (the caller decides whether that may stop it)."""
    current = read(data_dir, unit_code, station_no)
    raised = current.raised(days=days, books=books)
    if raised != current or not path_of(data_dir).exists():
        write(data_dir, raised)
    return raised

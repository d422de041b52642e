"""The daily dossier log (Sổ theo dõi hồ sơ): its rows, the end-of-day seal, and the printed log.

Each dossier enters the log with the facts fixed at the counter (who, what, when, which book
and number). Closing a day (khóa sổ) seals those facts: every row gets a SHA-256 digest, and
the day gets a hash over the previous day's hash, the date, the count and the row digests in
ledger order. Each seal names the hash of the seal before it, so the sealed days form a
chain: a row edited, deleted or back-dated after closing shows up in `verify_chain`, and so
does a seal that was edited or dropped.

What legitimately changes after the day is closed (the appointment, the return, the unit
that handles the dossier, the note) is not sealed.

A sealed fact may still be corrected by a clerk (`corrections`: a typo in the applicant's
name, a wrong phone). The correction is recorded beside the seal as a `LogCorrection`: the row's
digest before and after, who, when and why, keyed (HMAC-SHA256) with the station's audit key.
`verify_chain` follows a sealed row's corrections from its sealed digest: a row whose digest is
where its corrections lead is *corrected* (reported as such, not as a problem); any other
difference, a correction whose key does not verify, or a row put back to an earlier state, is
tampering.

Pure logic: no Qt, no SQL. The store reads rows and seals; `build_log` shapes what the PDF,
CSV and XLSX documents print.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from .clock import to_vn
from .formatting import date_vn, full_address
from .text import nfc

GENESIS = "0" * 64
"""The previous hash of the first sealed day."""

SHORT_HASH = 16
"""How many hex digits of a day hash the printed log shows."""

COUNTER = "counter"
POST = "post"
DELIVERY_TEXT = {COUNTER: "Tại Bộ phận Một cửa", POST: "Qua bưu chính"}

REFUSED, WITHDRAWN, STOPPED = 3, 7, 8
#: The log's outcome of a dossier that ended without a result (national status codes).
OUTCOMES = {REFUSED: "Từ chối tiếp nhận", WITHDRAWN: "Công dân rút hồ sơ",
            STOPPED: "Dừng giải quyết"}


@dataclass(frozen=True)
class LogRow:
    """One dossier as the log prints it."""

    ledger_book: str  # "01/2026" (Quyển số)
    ledger_number: int  # Số thứ tự in that book
    code: str  # mã hồ sơ
    procedure_code: str
    procedure_name: str
    applicant_name: str
    address: str  # applicant address ("" if none)
    phone: str  # "" if none
    sets: int  # số lượng hồ sơ (bộ)
    processing_unit: str  # cơ quan chủ trì giải quyết ("" until handed over)
    received_at: datetime  # aware +07:00
    due_at: datetime | None  # appointment in force
    returned_at: datetime | None
    delivery: str  # "counter" | "post"
    clerk: str  # người tiếp nhận
    note: str
    # Printed, not sealed (a seal covers what the row held when the day was closed):
    commune: str = ""  # the applicant's commune and province as the admin units name them
    province: str = ""
    lead_unit: str = ""  # cơ quan chủ trì giải quyết ("" for dossiers stamped before it)
    status: int = 2  # the national status now (domain.md §3)
    finished_at: datetime | None = None  # when processing ended (refused, stopped, done, …)

    @property
    def full_address(self) -> str:
        """The address as printed: the street part, the commune and the province."""
        return full_address(self.address, self.commune, self.province)

    @property
    def outcome(self) -> str:
        """What became of a dossier that ended without its result being handed back:
        'Từ chối tiếp nhận', 'Dừng giải quyết', 'Công dân rút hồ sơ' ("" otherwise)."""
        return OUTCOMES.get(self.status, "")

    @property
    def shows_appointment(self) -> bool:
        """A dossier refused at the counter was never given an appointment to keep."""
        return self.status != REFUSED

    @property
    def day(self) -> date:
        """The local (Asia/Ho_Chi_Minh) day the dossier was received."""
        return to_vn(self.received_at).date()

    @property
    def order(self) -> tuple[str, int]:
        """Ledger order: book, then number in the book."""
        return (nfc(self.ledger_book), self.ledger_number)

    @property
    def delivery_text(self) -> str:
        """'Tại Bộ phận Một cửa' or 'Qua bưu chính' (Phương thức nhận kết quả)."""
        return DELIVERY_TEXT.get(str(self.delivery), str(self.delivery))


# --- sealing -------------------------------------------------------------------------------


def _canonical(value: Mapping[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sealed_facts(row: LogRow) -> dict[str, Any]:
    """The facts fixed at receipt, in their canonical form (NFC text, ISO local time)."""
    return {
        "ledger_book": nfc(row.ledger_book),
        "ledger_number": int(row.ledger_number),
        "code": nfc(row.code),
        "procedure_code": nfc(row.procedure_code),
        "procedure_name": nfc(row.procedure_name),
        "applicant_name": nfc(row.applicant_name),
        "address": nfc(row.address),
        "phone": nfc(row.phone),
        "sets": int(row.sets),
        "received_at": to_vn(row.received_at).isoformat(),
        "delivery": str(row.delivery),
        "clerk": nfc(row.clerk),
    }


def row_digest(row: LogRow) -> str:
    """SHA-256 hex of the row's sealed facts as canonical UTF-8 JSON (sorted keys, NFC).

    The appointment, the return time, the processing unit and the note are left out: they
    legitimately change after the day is closed.
    """
    return hashlib.sha256(_canonical(sealed_facts(row))).hexdigest()


PLAIN = "sha256"
"""Seals made before accounts and the audit trail: anyone can recompute them."""
KEYED = "hmac"
"""Seals keyed with the station's audit key (HMAC-SHA256): only the app can make them."""


def day_hash(previous_hash: str, day: date, digests: Sequence[str],
             key: bytes | None = None) -> str:
    """The day's hash over the previous day's hash, the ISO day, the count and the row digests:
    HMAC-SHA256 under `key` (keyed seals), or plain SHA-256 without one (older seals).

    `digests` are in ledger order; their order is part of what is sealed.
    """
    payload = {
        "previous": previous_hash,
        "day": day.isoformat(),
        "count": len(digests),
        "digests": list(digests),
    }
    if key is not None:
        return hmac.new(key, b"intake log seal v1\n" + _canonical(payload),
                        hashlib.sha256).hexdigest()
    return hashlib.sha256(_canonical(payload)).hexdigest()


def in_ledger_order(rows: Iterable[LogRow]) -> list[LogRow]:
    return sorted(rows, key=lambda row: row.order)


@dataclass(frozen=True)
class DaySeal:
    """A closed day: its rows' digests (code → digest, in ledger order) and its chained hash."""

    day: date
    count: int
    digests: dict[str, str]
    previous_hash: str
    hash: str
    scheme: str = PLAIN

    def expected_hash(self, key: bytes | None = None) -> str | None:
        """The hash these stored contents should have; None for a keyed seal without the key."""
        if self.scheme == KEYED:
            if key is None:
                return None
            return day_hash(self.previous_hash, self.day, list(self.digests.values()), key)
        return day_hash(self.previous_hash, self.day, list(self.digests.values()))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form; the digests become a list of [code, digest] pairs so that no
        JSON writer (sort_keys) can lose their ledger order."""
        return {
            "day": self.day.isoformat(),
            "count": self.count,
            "digests": [[code, digest] for code, digest in self.digests.items()],
            "previous_hash": self.previous_hash,
            "hash": self.hash,
            "scheme": self.scheme,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DaySeal:
        return cls(
            day=date.fromisoformat(data["day"]),
            count=int(data["count"]),
            digests={str(code): str(digest) for code, digest in data["digests"]},
            previous_hash=str(data["previous_hash"]),
            hash=str(data["hash"]),
            scheme=str(data.get("scheme", PLAIN)),
        )


@dataclass(frozen=True)
class LogCorrection:
    """A sealed row changed by a correction: its digest before and after, who, when and why,
    with a MAC under the audit key so that only the app can write one."""

    day: date
    code: str
    before: str
    after: str
    at: str  # ISO 8601 instant of the correction
    by: str  # who corrected it
    reason: str
    mac: str = ""

    def payload(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "code": nfc(self.code), "before": self.before,
                "after": self.after, "at": self.at, "by": nfc(self.by),
                "reason": nfc(self.reason)}

    def expected_mac(self, key: bytes) -> str:
        return hmac.new(key, b"intake log correction v1\n" + _canonical(self.payload()),
                        hashlib.sha256).hexdigest()

    def signed(self, key: bytes) -> LogCorrection:
        return replace(self, mac=self.expected_mac(key))

    def verifies(self, key: bytes | None) -> bool:
        return key is not None and hmac.compare_digest(self.mac, self.expected_mac(key))

    def to_dict(self) -> dict[str, Any]:
        return {**self.payload(), "mac": self.mac}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogCorrection:
        return cls(day=date.fromisoformat(str(data["day"])), code=str(data["code"]),
                   before=str(data["before"]), after=str(data["after"]), at=str(data["at"]),
                   by=str(data["by"]), reason=str(data["reason"]), mac=str(data.get("mac", "")))


def seal_day(previous_hash: str, day: date, rows: Iterable[LogRow],
             key: bytes | None = None) -> DaySeal:
    """Close `day`: the digests of its rows in ledger order and the hash chained on
    `previous_hash` (the hash of the last sealed day, or GENESIS), keyed when `key` is given.
    A day without dossiers is sealed too, with count 0: then nothing can be back-dated into it
    unnoticed."""
    ordered = in_ledger_order(rows)
    digests = {nfc(row.code): row_digest(row) for row in ordered}
    return DaySeal(
        day=day,
        count=len(digests),
        digests=digests,
        previous_hash=previous_hash,
        hash=day_hash(previous_hash, day, list(digests.values()), key),
        scheme=KEYED if key is not None else PLAIN,
    )


def rows_by_day(rows: Iterable[LogRow]) -> dict[date, list[LogRow]]:
    """Rows grouped by the local day they were received, each group in ledger order."""
    groups: dict[date, list[LogRow]] = {}
    for row in rows:
        groups.setdefault(row.day, []).append(row)
    return {day: in_ledger_order(groups[day]) for day in sorted(groups)}


# --- verifying -----------------------------------------------------------------------------


class ProblemKind(StrEnum):
    CHANGED = "changed"  # a sealed row's facts differ from its digest (and its corrections)
    REMOVED = "removed"  # a sealed row is missing
    ADDED = "added"  # a row on a sealed day (or a skipped day inside the chain) was not sealed
    BROKEN_LINK = "broken_link"  # a seal does not follow the one before it, or was edited
    FORGED = "forged_correction"  # a correction record the audit key did not sign


@dataclass(frozen=True)
class LogProblem:
    day: date
    code: str | None
    kind: ProblemKind
    message: str  # Vietnamese, for the supervisor


def _problem(day: date, code: str | None, kind: ProblemKind, what: str) -> LogProblem:
    return LogProblem(day, code, kind, f"Ngày {date_vn(day)}: {what}")


def follow_corrections(sealed: str, corrections: Iterable[LogCorrection],
                       key: bytes | None) -> tuple[str, list[LogCorrection]]:
    """Where a sealed digest leads through the signed corrections that start from it, in order:
    the last digest reached and the corrections taken."""
    digest, taken = sealed, []
    for correction in corrections:
        if correction.before == digest and correction.verifies(key):
            digest = correction.after
            taken.append(correction)
    return digest, taken


def verify_chain(
    seals: Sequence[DaySeal],
    rows_by_day: Mapping[date, Sequence[LogRow]],
    *,
    previous_hash: str = GENESIS,
    key: bytes | None = None,
    corrections: Mapping[str, Sequence[LogCorrection]] | None = None,
    corrected: list[LogCorrection] | None = None,
) -> list[LogProblem]:
    """Recompute every sealed day, oldest first, against the rows as they are now.

    `seals` is the whole chain (or its tail, with `previous_hash` the hash of the seal
    before it). Rows on a day that has no seal but lies between two sealed days are reported
    as `added`: every closed day is sealed, so they were back-dated. Days after the last seal
    are not closed yet and are not checked. Keyed seals are checked with `key` (the audit
    key); without it a keyed seal cannot be trusted and is reported. An empty list means the
    log is intact.

    `corrections` (code → the corrections of that row, in the order they were made) explain a
    sealed row that no longer matches its digest: when its signed corrections lead from the
    sealed digest to the row as it is now, the row is not a problem and the corrections taken
    are appended to `corrected`. A correction whose MAC does not verify is reported as forged.
    """
    corrections = corrections or {}
    problems: list[LogProblem] = []
    chain = sorted(seals, key=lambda seal: seal.day)
    expected_previous = previous_hash
    for seal in chain:
        day = seal.day
        if seal.previous_hash != expected_previous:
            problems.append(
                _problem(
                    day,
                    None,
                    ProblemKind.BROKEN_LINK,
                    "dấu khóa sổ không nối tiếp dấu khóa sổ của ngày trước "
                    "(có ngày đã bị xóa, thêm hoặc sửa dấu khóa sổ).",
                )
            )
        if seal.hash != seal.expected_hash(key) or seal.count != len(seal.digests):
            problems.append(
                _problem(
                    day,
                    None,
                    ProblemKind.BROKEN_LINK,
                    "dấu khóa sổ không khớp với nội dung đã lưu (dấu khóa sổ đã bị sửa).",
                )
            )
        expected_previous = seal.hash

        current: dict[str, LogRow] = {}
        for row in in_ledger_order(rows_by_day.get(day, ())):
            code = nfc(row.code)
            if code in current:  # a second row under a sealed code cannot have been sealed
                problems.append(
                    _problem(
                        day,
                        code,
                        ProblemKind.ADDED,
                        f"hồ sơ {code} được ghi thêm một lần nữa sau khi khóa sổ.",
                    )
                )
                continue
            current[code] = row
        for code, digest in seal.digests.items():
            sealed_row = current.get(code)
            if sealed_row is None:
                problems.append(
                    _problem(
                        day,
                        code,
                        ProblemKind.REMOVED,
                        f"hồ sơ {code} đã khóa sổ nhưng nay không còn trong sổ.",
                    )
                )
            else:
                made = [c for c in corrections.get(code, ()) if c.day == day]
                for forged in (c for c in made if not c.verifies(key)):
                    problems.append(
                        _problem(
                            day,
                            code,
                            ProblemKind.FORGED,
                            f"bản ghi sửa thông tin hồ sơ {code} lúc {forged.at} không do ứng "
                            "dụng ký (bản ghi giả).",
                        )
                    )
                leads_to, taken = follow_corrections(digest, made, key)
                if row_digest(sealed_row) != leads_to:
                    after = " (kể cả sau các lần sửa thông tin đã ghi)" if taken else ""
                    problems.append(
                        _problem(
                            day,
                            code,
                            ProblemKind.CHANGED,
                            f"hồ sơ {code} đã bị sửa sau khi khóa sổ{after}.",
                        )
                    )
                elif corrected is not None:
                    corrected.extend(taken)
        for code in current:
            if code not in seal.digests:
                problems.append(
                    _problem(
                        day,
                        code,
                        ProblemKind.ADDED,
                        f"hồ sơ {code} được thêm vào sau khi khóa sổ.",
                    )
                )

    if chain:
        sealed_days = {seal.day for seal in chain}
        first, last = chain[0].day, chain[-1].day
        for day in sorted(rows_by_day):
            if first < day < last and day not in sealed_days:
                for row in in_ledger_order(rows_by_day[day]):
                    code = nfc(row.code)
                    problems.append(
                        _problem(
                            day,
                            code,
                            ProblemKind.ADDED,
                            f"hồ sơ {code} được ghi vào ngày không có dấu khóa sổ, "
                            "giữa các ngày đã khóa sổ.",
                        )
                    )
        problems.sort(key=lambda problem: problem.day)
    return problems


# --- the printed log -----------------------------------------------------------------------


@dataclass(frozen=True)
class DayGroup:
    """The rows of one day as printed, and the day's hash."""

    day: date
    rows: tuple[LogRow, ...]  # in ledger order; only the clerk's when the log is filtered
    day_count: int  # dossiers of the whole day (all clerks)
    hash: str  # the sealed hash, or a provisional one from the rows as they are now
    sealed: bool

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def short_hash(self) -> str:
        return self.hash[:SHORT_HASH]


@dataclass(frozen=True)
class LogTotals:
    rows: int
    returned: int  # đã trả kết quả
    at_counter: int  # nhận kết quả tại Bộ phận Một cửa
    by_post: int  # nhận kết quả qua bưu chính


@dataclass(frozen=True)
class DossierLog:
    unit_name: str  # "UBND xã Ưu Điềm"
    place_name: str  # "Ưu Điềm"
    start: date
    end: date
    clerk: str | None  # the log shows only this clerk's dossiers
    printed_on: date
    days: tuple[DayGroup, ...]
    books: tuple[str, ...]  # ledger books covered, e.g. ("01/2026",)
    totals: LogTotals
    office_name: str = ""  # "BỘ PHẬN MỘT CỬA"; printed under the unit when given

    @property
    def rows(self) -> tuple[LogRow, ...]:
        """Every printed row, day by day in ledger order."""
        return tuple(row for group in self.days for row in group.rows)

    @property
    def books_text(self) -> str:
        return ", ".join(self.books) if self.books else "……"

    @property
    def range_text(self) -> str:
        return f"Từ ngày {date_vn(self.start)} đến ngày {date_vn(self.end)}"

    def foot_line(self, group: DayGroup, *, full_hash: bool = False) -> str:
        """'Ngày 13/02/2026: 23 hồ sơ — Mã kiểm tra: 3f2a…' (+ whole-day and provisional notes).

        The printed log shows the first 16 hex digits; `full_hash` gives all 64 (spreadsheets).
        """
        count = f"{group.count} hồ sơ"
        label = "Mã kiểm tra"
        if self.clerk is not None:
            count += f" (cả ngày: {group.day_count})"
            label = "Mã kiểm tra của cả ngày"
        shown = group.hash if full_hash else f"{group.short_hash}…"
        line = f"Ngày {date_vn(group.day)}: {count} — {label}: {shown}"
        return line if group.sealed else f"{line} (tạm, ngày chưa khóa sổ)"


def build_log(
    rows: Iterable[LogRow],
    seals: Mapping[date, DaySeal],
    *,
    start: date,
    end: date,
    unit_name: str,
    place_name: str,
    clerk: str | None,
    today: date,
    previous_hash_for: Callable[[date], str] | None = None,
    office_name: str = "",
    key: bytes | None = None,
) -> DossierLog:
    """The log of `start`..`end` (inclusive), optionally only one clerk's dossiers.

    `rows` must hold every clerk's rows of those days (the day hash covers the whole day);
    rows outside the range are ignored. A sealed day prints its sealed hash. A day without a
    seal prints a provisional hash of its rows as they are now, chained on
    `previous_hash_for(day)` (the hash of the last seal before that day; by default looked up
    in `seals`, which then must hold the seals before `start` too), and marked `sealed=False`.
    `today` is the printing date. With `key` the provisional hash is the keyed one that
    sealing the day now would give.
    """
    by_day = rows_by_day(row for row in rows if start <= row.day <= end)
    wanted = nfc(clerk) if clerk is not None else None

    def last_seal_before(day: date) -> str:
        earlier = [d for d in seals if d < day]
        return seals[max(earlier)].hash if earlier else GENESIS

    lookup = previous_hash_for or last_seal_before
    groups: list[DayGroup] = []
    provisional: str | None = None  # chains consecutive unsealed days on each other
    for day, day_rows in by_day.items():
        seal = seals.get(day)
        if seal is not None:
            digest_hash, sealed = seal.hash, True
            provisional = None
        else:
            previous = provisional if provisional is not None else lookup(day)
            digest_hash = day_hash(previous, day, [row_digest(row) for row in day_rows], key)
            sealed = False
            provisional = digest_hash
        # A dossier stamped before its lead unit was kept is handled by the unit itself.
        shown = [row if row.lead_unit else replace(row, lead_unit=nfc(unit_name))
                 for row in day_rows if wanted is None or nfc(row.clerk) == wanted]
        if shown:
            groups.append(DayGroup(day, tuple(shown), len(day_rows), digest_hash, sealed))

    printed = [row for group in groups for row in group.rows]
    post = sum(1 for row in printed if str(row.delivery) == POST)
    totals = LogTotals(
        rows=len(printed),
        returned=sum(1 for row in printed if row.returned_at is not None),
        at_counter=len(printed) - post,
        by_post=post,
    )
    return DossierLog(
        unit_name=nfc(unit_name),
        place_name=nfc(place_name),
        start=start,
        end=end,
        clerk=wanted,
        printed_on=today,
        days=tuple(groups),
        books=tuple(sorted({nfc(row.ledger_book) for row in printed if nfc(row.ledger_book)})),
        totals=totals,
        office_name=nfc(office_name),
    )

"""The station's trusted clock (`desk.station_clock`): check the PC clock before recording an
instant, record it, and a supervisor's confirmation. The rules are `domain.clock_trust`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..domain.accounts import Permission
from ..domain.clock import iso, to_vn
from ..domain.clock_trust import (
    AHEAD_MARGIN,
    BEHIND_MARGIN,
    ClockNotTrusted,
    ClockState,
    ServerReading,
    clock_set_back_since,
    instant_to_record,
    judge,
    reading_ignored,
    trusted_instant,
)
from ..domain.errors import InvalidInput
from ..domain.text import nfc
from ..store import station_clock
from ..store.db import write_transaction

if TYPE_CHECKING:
    from ..desk import Desk

REASON_MAX = 500


@dataclass(frozen=True)
class Instant:
    """The instant to record for an action, and whether it began a new trusted day."""

    at: datetime
    new_day: bool


class StationClock:
    def __init__(self, desk: Desk):
        self.desk = desk

    @property
    def db(self):
        return self.desk.db

    def _state(self) -> tuple[ClockState, ServerReading | None]:
        return station_clock.load(self.db), station_clock.last_reading(self.db)

    def problem(self) -> ClockNotTrusted | None:
        """Why the PC clock may not stamp now (None: it may). Reads only."""
        state, reading = self._state()
        return judge(self.desk.clock(), state, reading)

    def require_trusted(self) -> None:
        """Raise `ClockNotTrusted` (exit 3) when the PC clock may not stamp now."""
        problem = self.problem()
        if problem is not None:
            raise problem

    def take_instant(self) -> Instant:
        """Inside the caller's write transaction: check the PC clock, and return (and keep as
        trusted) the instant to record; never earlier than the last one recorded."""
        now = self.desk.clock()
        state, reading = self._state()
        if reading is not None and not reading_ignored(state, reading) \
                and clock_set_back_since(now, reading) and -reading.skew_seconds > 0:
            # The clock measured fast has been set back since: that measurement is past.
            station_clock.ignore_reading(self.db, reading.station_at)
            state = ClockState(state.trusted_at, state.trusted_source, reading.station_at)
        problem = judge(now, state, reading)
        if problem is not None:
            raise problem
        at = instant_to_record(now, state)
        previous = state.trusted_at
        station_clock.raise_to(self.db, at)
        return Instant(at, previous is None or to_vn(previous).date() < at.date())

    def trusted(self) -> datetime | None:
        """The latest instant the station trusts (its own last action, or the gateway's)."""
        state, reading = self._state()
        return trusted_instant(state, reading)

    def trusted_today(self) -> date | None:
        """The day of the trusted instant: every day before it has ended by a trusted clock."""
        trusted = self.trusted()
        return None if trusted is None else to_vn(trusted).date()

    # ---- a supervisor's confirmation ---------------------------------------------------------

    def confirm(self, *, reason: str) -> dict[str, Any]:
        """A supervisor confirms the PC clock as it reads now: it becomes the trusted instant
        and the gateway's last measurement is set aside. Recorded with who (the logged-in
        account) and why. Nothing is recorded when the clock is not in doubt."""
        confirmed_by = self.desk.require(Permission.CONFIRM_CLOCK).display_name
        reason = nfc(reason)
        if not reason:
            raise InvalidInput("Cần ghi lý do xác nhận đồng hồ (--reason).",
                               "clock confirmation without a reason",
                               {"reason": "Lý do không được để trống."})
        if len(reason) > REASON_MAX:
            raise InvalidInput(f"Lý do xác nhận đồng hồ dài quá {REASON_MAX} ký tự.",
                               "clock confirmation reason too long",
                               {"reason": f"Tối đa {REASON_MAX} ký tự."})
        with write_transaction(self.db):
            now = to_vn(self.desk.clock())
            state, reading = self._state()
            problem = judge(now, state, reading)
            if problem is None:
                return {"confirmed": False, "clock": iso(now),
                        "message": "Đồng hồ máy tính không có gì bất thường: không cần xác nhận."}
            number = station_clock.confirm(
                self.db, now=now, trusted_before=trusted_instant(state, reading),
                problem=problem.message, reading=reading, confirmed_by=nfc(confirmed_by),
                reason=reason)
            self.desk.audit.record("clock.confirmed", iso(now), {
                "id": number, "overrode": iso(problem.trusted), "problem": problem.message,
                "reason": reason})
        return {"confirmed": True, "id": number, "clock": iso(now),
                "overrode": iso(problem.trusted), "problem": problem.message,
                "confirmed_by": nfc(confirmed_by), "reason": reason}

    def status(self) -> dict[str, Any]:
        """What the station trusts and what it thinks of the PC clock now (for IT)."""
        state, reading = self._state()
        now = to_vn(self.desk.clock())
        problem = judge(now, state, reading)
        return {
            "clock": iso(now),
            "trusted_at": iso(trusted_instant(state, reading)),
            "last_recorded": iso(state.trusted_at),
            "source": state.trusted_source,
            "server_reading": None if reading is None else {
                "station_at": iso(reading.station_at), "server_at": iso(reading.server_at),
                "skew_seconds": reading.skew_seconds,
                "set_aside": reading_ignored(state, reading)},
            "margins_minutes": {"behind": BEHIND_MARGIN.total_seconds() / 60,
                                "ahead": AHEAD_MARGIN.total_seconds() / 60},
            "ok": problem is None,
            "problem": problem.message if problem else None,
            "confirmations": station_clock.confirmations(self.db),
        }

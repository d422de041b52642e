"""Whether the PC clock can be trusted to stamp: the station's trusted instant and its margins.

A dossier's code carries its day and its received time is printed on the receipt, so a PC
clock set back would back-date receipts and put a code of 01/12 after one of 02/12, and a
clock set ahead would seal the real today in the daily log. The station keeps the latest
instant it has trusted: its last recorded action (a stamp, a step, a slip) and the
`server_time` the provincial gateway last gave (with the PC clock's reading at that moment).

Rules, checked every time an instant is recorded:

- **Behind.** The PC clock may not read more than `BEHIND_MARGIN` (5 minutes) before the
  trusted instant. Five minutes is the sync contract's own tolerance for a PC clock, and
  covers the small corrections Windows' time service makes; within it, an instant to record
  is raised to the trusted one (`instant_to_record`), so codes and received times never go
  backwards.
- **Ahead.** When the gateway last measured the PC clock more than `AHEAD_MARGIN`
  (15 minutes) ahead of its own, stamping stops until a later measurement says otherwise,
  the clock is set back, or a supervisor confirms. The sync warns from 5 minutes; stamping
  stops only at 15 so a PC a few minutes fast keeps serving its queue, while a wrong hour or
  date (what moves a stamp to another day, or seals a day) is stopped. Every stamp made at a
  fast clock raises the trusted instant, so the margin is also the longest a corrected clock
  can be refused by the behind rule afterwards (15 − 5 = 10 minutes), short of a supervisor.
- Without any measurement (a station that never synced) a clock running ahead cannot be
  told from time passing; that case is caught when the clock is put right (behind rule).

A supervisor's confirmation (`intake-app clock confirm`) makes the current reading the
trusted instant and accepts the gateway's last measurement; it is recorded with who, why,
the clock's reading and what it overrode.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .clock import to_vn
from .errors import NotAllowed
from .formatting import datetime_vn

BEHIND_MARGIN = timedelta(minutes=5)
AHEAD_MARGIN = timedelta(minutes=15)


@dataclass(frozen=True)
class ServerReading:
    """The gateway's `server_time` and the PC clock's reading when it arrived."""

    station_at: datetime
    skew_seconds: float  # server − station: positive when the PC clock is behind

    @property
    def server_at(self) -> datetime:
        return self.station_at + timedelta(seconds=self.skew_seconds)


@dataclass(frozen=True)
class ClockState:
    """What the station trusts (store: `station_clock`)."""

    trusted_at: datetime | None  # latest recorded action, or the last confirmation
    trusted_source: str = "stamp"  # stamp | confirmed
    ignored_reading: datetime | None = None  # `station_at` of a measurement set aside


class ClockNotTrusted(NotAllowed):
    """The PC clock disagrees with what the station trusts: nothing is stamped."""

    def __init__(self, message: str, detail: str, *, reading: datetime,
                 trusted: datetime | None, kind: str):
        super().__init__(message, detail)
        self.reading = reading
        self.trusted = trusted
        self.kind = kind  # behind | ahead


WHAT_TO_DO = ("Hãy chỉnh lại ngày giờ của máy tính cho đúng (hoặc nhờ bộ phận công nghệ thông "
              "tin), rồi làm lại; nếu đồng hồ đã đúng, cán bộ phụ trách xác nhận bằng lệnh "
              "`intake-app clock confirm --reason \"…\"`.")


def trusted_instant(state: ClockState, reading: ServerReading | None) -> datetime | None:
    """The latest instant the station trusts: its own, or the gateway's last time."""
    candidates = [state.trusted_at] if state.trusted_at is not None else []
    if reading is not None and not reading_ignored(state, reading):
        candidates.append(reading.server_at)
    return max(candidates, default=None)


def reading_ignored(state: ClockState, reading: ServerReading) -> bool:
    return state.ignored_reading is not None and state.ignored_reading == reading.station_at


def clock_set_back_since(now: datetime, reading: ServerReading) -> bool:
    """The PC clock now reads before the moment of the measurement: it was set back since."""
    return now < reading.station_at - BEHIND_MARGIN


def judge(now: datetime, state: ClockState,
          reading: ServerReading | None) -> ClockNotTrusted | None:
    """The reason the PC clock may not stamp now, or None.

    >>> from .clock import VN_TZ
    >>> t = datetime(2026, 12, 2, 10, 0, tzinfo=VN_TZ)
    >>> judge(t - timedelta(minutes=4), ClockState(t), None) is None
    True
    >>> judge(t - timedelta(days=1), ClockState(t), None).kind
    'behind'
    >>> fast = ServerReading(t, -3600)  # the gateway saw the PC one hour fast
    >>> judge(t + timedelta(minutes=1), ClockState(None), fast).kind
    'ahead'
    >>> judge(t - timedelta(minutes=50), ClockState(None), fast) is None  # set back since
    True
    """
    now = to_vn(now)
    trusted = trusted_instant(state, reading)
    if trusted is not None and now < trusted - BEHIND_MARGIN:
        source = ("giờ của máy chủ tỉnh" if reading is not None
                  and not reading_ignored(state, reading) and trusted == reading.server_at
                  else "lần ghi nhận cuối cùng của quầy")
        return ClockNotTrusted(
            f"Đồng hồ máy tính đang chỉ {datetime_vn(now)}, sớm hơn {source} "
            f"({datetime_vn(to_vn(trusted))}) quá {_minutes(BEHIND_MARGIN)} phút: "
            "ứng dụng không đóng dấu hồ sơ để không ghi lùi ngày giờ và số hồ sơ. "
            + WHAT_TO_DO,
            f"PC clock {now.isoformat()} is behind the trusted instant {trusted.isoformat()} "
            f"by more than {BEHIND_MARGIN}", reading=now, trusted=trusted, kind="behind")
    if reading is not None and not reading_ignored(state, reading) \
            and -reading.skew_seconds > AHEAD_MARGIN.total_seconds() \
            and not clock_set_back_since(now, reading):
        ahead = round(-reading.skew_seconds / 60)
        return ClockNotTrusted(
            f"Đồng hồ máy tính đang chỉ {datetime_vn(now)}, nhưng lần đồng bộ gần nhất "
            f"(lúc {datetime_vn(to_vn(reading.server_at))} theo giờ máy chủ tỉnh) cho "
            f"thấy đồng hồ này nhanh hơn {_duration_vn(ahead)}: ứng dụng không đóng dấu hồ "
            "sơ để không ghi sai ngày giờ. " + WHAT_TO_DO,
            f"PC clock {now.isoformat()} was measured {-reading.skew_seconds:.0f} s ahead of the "
            f"gateway at {reading.station_at.isoformat()}", reading=now,
            trusted=reading.server_at, kind="ahead")
    return None


def instant_to_record(now: datetime, state: ClockState) -> datetime:
    """The instant to record for an action now: never before the trusted instant.

    >>> from .clock import VN_TZ
    >>> t = datetime(2026, 12, 2, 10, 0, tzinfo=VN_TZ)
    >>> instant_to_record(t - timedelta(minutes=2), ClockState(t)) == t
    True
    """
    now = to_vn(now)
    if state.trusted_at is not None and now < state.trusted_at:
        return to_vn(state.trusted_at)
    return now


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _duration_vn(minutes: int) -> str:
    """A duration in words, for the message.

    >>> _duration_vn(1500), _duration_vn(75)
    ('1 ngày 1 giờ', '1 giờ 15 phút')
    """
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} ngày"] if days else []
    parts += [f"{hours} giờ"] if hours else []
    parts += [f"{mins} phút"] if mins and not days else []
    return " ".join(parts) or "0 phút"

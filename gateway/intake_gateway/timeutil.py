"""The gateway's clock: ISO 8601 instants in Vietnam's time (UTC+07:00, no daylight saving)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "+07:00")


def server_time() -> str:
    """Now, e.g. `2025-11-23T09:41:07+07:00`: what `server_time` and update stamps carry."""
    return datetime.now(VN_TZ).isoformat(timespec="seconds")

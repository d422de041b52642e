"""Shared test set-up: no screen, no credential store, real files in temporary folders."""

from __future__ import annotations

import os

# Qt aborts the whole process without a display unless this is set before a QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Headless Linux has no credential store; tests that need one install an in-memory backend.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from intake_app.desk import Desk  # noqa: E402
from intake_app.domain.clock import VN_TZ  # noqa: E402

UNIT = dict(
    unit_code="000.00.12.H56",
    unit_name="UBND xã Phong Quảng",
    province_code="46",
    commune_code="19873",
    station_no=2,
)


def intake_request(**overrides) -> dict:
    """The issue's example intake request; keyword arguments replace top-level keys."""
    request = {
        "procedure": "2.000815",
        "applicant": {
            "name": "Nguyễn Văn Đức", "id_number": "046095001234", "birth_date": "1995-03-02",
            "gender": "nam", "phone": "0912345678", "email": None,
            "address": "Thôn Phước Yên", "province_code": "46", "commune_code": "19873",
        },
        "owner": None,
        "documents": [{"name": "Giấy khai sinh", "form": "ban_sao", "copies": 2}],
        "pages": 3, "channel": 1, "delivery": "counter", "note": "",
    }
    request.update(overrides)
    return request


class FakeClock:
    """A clock the test sets: stamping happens at `now`."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A set-up station data folder (real SQLite file) with the starter catalogue."""
    folder = tmp_path / "station"
    with Desk(folder) as desk:
        desk.init_station(**UNIT)
    return folder


@pytest.fixture
def make_desk(data_dir: Path) -> Iterator[Callable[..., Desk]]:
    opened: list[Desk] = []

    def factory(clock: Callable[[], datetime] | None = None) -> Desk:
        desk = Desk(data_dir, clock=clock) if clock else Desk(data_dir)
        opened.append(desk)
        return desk

    yield factory
    for desk in opened:
        desk.close()


def at(text: str) -> datetime:
    """A local (+07:00) instant from 'YYYY-MM-DD HH:MM[:SS]'."""
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)

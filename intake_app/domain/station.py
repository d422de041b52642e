"""Who this station is: its unit, its commune and its counter number."""

from __future__ import annotations

from dataclasses import dataclass, field

from .calendar import DEFAULT_PERIODS, WorkingPeriod
from .dossier_code import UNIT_CODE_RE
from .limits import check_text, label


@dataclass(frozen=True)
class StationSettings:
    unit_code: str  # mã định danh điện tử of the receiving agency, e.g. 000.00.12.H56
    unit_name: str  # e.g. "UBND xã Ưu Điềm"
    province_code: str  # GSO 2-digit
    commune_code: str  # GSO 5-digit
    station_no: int  # 1-9, one per counter PC of the unit
    place_name: str = ""  # the commune's short name, for "<place>, ngày … tháng … năm …"
    office_name: str = "Bộ phận Một cửa"
    periods: tuple[WorkingPeriod, ...] = field(default=DEFAULT_PERIODS)


def station_problems(unit_code: str, unit_name: str, station_no: int,
                     office_name: str = "Bộ phận Một cửa") -> dict[str, str]:
    """Vietnamese problems by field (`unit_code`, `unit_name`, `station_no`, `office_name`)."""
    problems: dict[str, str] = {}
    for name, path, value in (("unit_name", "station.unit_name", unit_name),
                              ("office_name", "station.office_name", office_name)):
        _, problem = check_text(path, value)
        if problem:
            problems[name] = f"{label(path)}: {problem}"
    if not UNIT_CODE_RE.match(unit_code):
        problems["unit_code"] = (
            f"Mã định danh đơn vị '{unit_code}' không đúng dạng NNN.NN.NN.XNN "
            "(ví dụ 000.00.12.H56)."
        )
    if "unit_name" not in problems and not unit_name.strip():
        problems["unit_name"] = "Tên đơn vị không được để trống."
    if not 1 <= station_no <= 9:
        problems["station_no"] = "Số quầy (station) phải từ 1 đến 9."
    return problems


def check_station_settings(unit_code: str, unit_name: str, station_no: int,
                           office_name: str = "Bộ phận Một cửa") -> list[str]:
    """Vietnamese problems with what `init` was given (the admin units are checked by the store)."""
    problems = station_problems(unit_code, unit_name, station_no, office_name)
    order = ("unit_name", "office_name", "unit_code", "station_no")
    return [problems[field] for field in order if field in problems]

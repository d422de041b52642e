"""What a station's set-up sheet says: what was configured, where the data and backups are, and
the recovery key where there is one (printed at the end of the set-up wizard, and by
`intake-app setup-sheet`). Pure data: the service fills it, the document draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

PRINTER_KEY = "printer.name"  # the setting: the printer chosen at set-up (None: the default)


@dataclass(frozen=True)
class SheetAccount:
    """An administrator named on the sheet (never a password)."""

    login: str
    display_name: str


@dataclass(frozen=True)
class SetupSheet:
    unit_code: str
    unit_name: str
    office_name: str
    province_name: str
    commune_name: str
    place_name: str
    station_no: int
    data_dir: str
    backup_place: str
    backup_folder: str  # this station's folder inside the place
    backup_same_disk: bool  # the place is on the data folder's disk: a disk failure takes both
    gateway_url: str | None  # None: no province gateway configured
    hub_url: str | None  # the office hub this counter joined; None: none
    token_stored: bool
    printer: str | None  # None: the system's default printer
    administrators: tuple[SheetAccount, ...]
    keys_kept_in: str  # "credential-store" | "key-file" | "" (no keys)
    key_id: str
    recovery_key: str | None  # the 48 digits; None: this station has none
    computer: str
    app_version: str
    made_at: datetime
    last_backup: str | None = None  # when the last good backup was made, as said
    notes: tuple[str, ...] = field(default=())

    @property
    def keys_kept_text(self) -> str:
        """Where the keys are kept, in Vietnamese."""
        return KEYS_KEPT_TEXT.get(self.keys_kept_in, "Không có khóa mã hóa")


KEYS_KEPT_TEXT = {
    "credential-store": "Kho lưu mật khẩu của hệ điều hành (Windows: Credential Manager)",
    "key-file": "Tệp station-keys.unprotected.json trong thư mục dữ liệu (chỉ được bảo vệ "
                "bằng quyền truy cập tệp)",
}

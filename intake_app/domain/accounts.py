"""Accounts and roles: who may do what, the password policy and the lock-out rule.

Three roles (issue 12): a *clerk* receives and works on dossiers; a *supervisor* does all a
clerk does and also runs the office (calendar, fees, catalogue, everyone's log and reports,
parked sync events, a wrong clock); an *administrator* is IT (accounts, sync settings and the
station token, backups, station set-up) and does not work on citizens' dossiers. The table
`ROLE_PERMISSIONS` is the one source of who may do what: the desk refuses, the window hides.

Passwords follow what an office can live with (NIST SP 800-63B): at least 10 characters (a
passphrase of a few words is welcome, accents and spaces included), no forced expiry, no
composition rules; refused are the login name itself, well-known passwords and one character
repeated. Five wrong tries in a row lock the account for 15 minutes.

Pure rules: no Qt, no SQL, no hashing (the store hashes with argon2id).

>>> check_password("mùa thu hà nội", login="hoa.lt")
[]
>>> check_password("123456789", login="hoa.lt")[0]
'Mật khẩu phải có ít nhất 10 ký tự (có thể là một câu ngắn dễ nhớ).'
>>> allowed(Role.CLERK, Permission.CALENDAR), allowed(Role.SUPERVISOR, Permission.CALENDAR)
(False, True)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .common_passwords import COMMON_PASSWORDS
from .errors import InvalidInput, NotAllowed
from .limits import PERSON_NAME_CHARS
from .text import fold, nfc


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        """The role's Vietnamese name, as the window and the messages say it."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.CLERK: "Cán bộ tiếp nhận",
    Role.SUPERVISOR: "Lãnh đạo, giám sát",
    Role.ADMINISTRATOR: "Quản trị hệ thống",
}


class Permission(StrEnum):
    """Each thing the desk guards; the value is stable (it is written in the audit trail)."""

    VIEW_DOSSIERS = "view_dossiers"
    RECEIVE = "receive"
    CORRECT = "correct"
    STEP = "step"
    PRINT_SLIP = "print_slip"
    HAND_BACK = "hand_back"
    OWN_LOG = "own_log"
    SYNC_NOW = "sync_now"
    ALL_LOGS = "all_logs"
    CALENDAR = "calendar"
    FEES = "fees"
    CATALOGUE_IMPORT = "catalogue_import"
    SYNC_RETRY = "sync_retry"
    CONFIRM_CLOCK = "confirm_clock"
    AUDIT_VIEW = "audit_view"
    ACCOUNTS = "accounts"
    SYNC_SETTINGS = "sync_settings"
    BACKUP = "backup"
    STATION_SETUP = "station_setup"

    @property
    def doing(self) -> str:
        """What the permission allows, as the end of "… không được <doing>." (Vietnamese)."""
        return PERMISSION_TEXT[self]


PERMISSION_TEXT = {
    Permission.VIEW_DOSSIERS: "xem, tra cứu hồ sơ của công dân",
    Permission.RECEIVE: "tiếp nhận hồ sơ",
    Permission.CORRECT: "sửa thông tin hồ sơ",
    Permission.STEP: "chuyển bước xử lý hồ sơ",
    Permission.PRINT_SLIP: "in phiếu, giấy tiếp nhận",
    Permission.HAND_BACK: "trả kết quả",
    Permission.OWN_LOG: "in sổ theo dõi, báo cáo của mình",
    Permission.SYNC_NOW: "đồng bộ với hệ thống của tỉnh",
    Permission.ALL_LOGS: "xem sổ theo dõi và báo cáo của mọi cán bộ",
    Permission.CALENDAR: "sửa lịch làm việc",
    Permission.FEES: "sửa mức phí, lệ phí của tỉnh",
    Permission.CATALOGUE_IMPORT: "nhập danh mục thủ tục",
    Permission.SYNC_RETRY: "gửi lại sự kiện đồng bộ bị từ chối",
    Permission.CONFIRM_CLOCK: "xác nhận đồng hồ máy tính",
    Permission.AUDIT_VIEW: "xem và kiểm tra nhật ký kiểm toán",
    Permission.ACCOUNTS: "quản lý tài khoản người dùng",
    Permission.SYNC_SETTINGS: "thay đổi cài đặt đồng bộ và mã truy cập của quầy",
    Permission.BACKUP: "sao lưu, khôi phục dữ liệu",
    Permission.STATION_SETUP: "cài đặt quầy",
}

_CLERK = frozenset({
    Permission.VIEW_DOSSIERS, Permission.RECEIVE, Permission.CORRECT, Permission.STEP,
    Permission.PRINT_SLIP, Permission.HAND_BACK, Permission.OWN_LOG, Permission.SYNC_NOW,
})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CLERK,
    Role.SUPERVISOR: _CLERK | {
        Permission.ALL_LOGS, Permission.CALENDAR, Permission.FEES, Permission.CATALOGUE_IMPORT,
        Permission.SYNC_RETRY, Permission.CONFIRM_CLOCK, Permission.AUDIT_VIEW,
    },
    Role.ADMINISTRATOR: frozenset({
        Permission.ACCOUNTS, Permission.SYNC_SETTINGS, Permission.BACKUP,
        Permission.STATION_SETUP, Permission.AUDIT_VIEW, Permission.SYNC_NOW,
    }),
}
"""The one table of who may do what."""


def allowed(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def roles_allowed(permission: Permission) -> list[Role]:
    """The roles that may do it, in the order clerk, supervisor, administrator."""
    return [role for role in Role if permission in ROLE_PERMISSIONS[role]]


class NotPermitted(NotAllowed):
    """The logged-in account's role may not do this (exit 3); the message names both."""

    def __init__(self, role: Role, permission: Permission, who: str = ""):
        holders = " hoặc ".join(r.label for r in roles_allowed(permission))
        person = f" ({who})" if who else ""
        super().__init__(
            f"Tài khoản vai trò {role.label}{person} không được {permission.doing}; việc này "
            f"cần tài khoản {holders}.",
            f"role {role.value} may not {permission.value}",
        )
        self.role = role
        self.permission = permission


class NotLoggedIn(NotAllowed):
    def __init__(self, permission: Permission | None = None):
        what = f" để {permission.doing}" if permission else ""
        super().__init__(f"Cần đăng nhập{what}.",
                         f"not logged in ({permission.value if permission else 'any'})")


# ---- names ------------------------------------------------------------------------------------

LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MAX_DISPLAY_NAME = PERSON_NAME_CHARS  # printed on slips and in the log as the clerk's name


def normalize_login(text: str) -> str:
    """Login names are lowercase ASCII: 'Hoa.LT ' → 'hoa.lt' (accents are not allowed)."""
    return nfc(text).lower()


def check_login(text: str) -> str:
    """The login name to store, or InvalidInput naming the field (Vietnamese)."""
    login = normalize_login(text)
    if not LOGIN_RE.match(login):
        raise InvalidInput(
            "Tên đăng nhập phải dài 2–32 ký tự, chỉ gồm chữ cái không dấu, chữ số và các dấu "
            ". _ - (ví dụ: hoa.lt).",
            f"login name {text!r} is not 2-32 of [a-z0-9._-]",
            {"login": "Tên đăng nhập không hợp lệ."},
        )
    return login


def check_display_name(text: str) -> str:
    name = nfc(text)
    if not name:
        raise InvalidInput("Họ và tên người dùng không được để trống.", "empty display name",
                           {"display_name": "Không được để trống."})
    if len(name) > MAX_DISPLAY_NAME:
        raise InvalidInput(f"Họ và tên người dùng dài quá {MAX_DISPLAY_NAME} ký tự.",
                           "display name too long",
                           {"display_name": f"Tối đa {MAX_DISPLAY_NAME} ký tự."})
    if any(unicodedata.category(char).startswith("C") for char in name):
        raise InvalidInput("Họ và tên người dùng có ký tự điều khiển.", "control characters",
                           {"display_name": "Có ký tự không in được."})
    return name


def display_key(name: str) -> str:
    """Two accounts may not share a name that reads the same without accents and case."""
    return fold(name)


def check_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"Không có vai trò {text!r}: chọn clerk (cán bộ tiếp nhận), supervisor (lãnh đạo, "
            "giám sát) hoặc administrator (quản trị hệ thống).",
            f"unknown role {text!r}", {"role": "Vai trò không hợp lệ."}) from None


# ---- passwords --------------------------------------------------------------------------------

MIN_PASSWORD = 10
MAX_PASSWORD = 128


def normalize_password(password: str) -> str:
    """NFC: a passphrase typed with Unikey or IBus must hash the same whichever form it sent."""
    return unicodedata.normalize("NFC", password)


def _is_sequence(text: str) -> bool:
    """'0123456789', 'abcdefghij', '9876543210': each character one above (below) the last."""
    if len(text) < 3:
        return False
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return steps in ({1}, {-1})


def check_password(password: str, *, login: str, display_name: str = "") -> list[str]:
    """What is wrong with a new password (Vietnamese sentences); [] when it is acceptable."""
    text = normalize_password(password)
    problems: list[str] = []
    if len(text) < MIN_PASSWORD:
        problems.append(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự (có thể là một câu "
                        "ngắn dễ nhớ).")
    if len(text) > MAX_PASSWORD:
        problems.append(f"Mật khẩu dài quá {MAX_PASSWORD} ký tự.")
    folded = fold(text).replace(" ", "")
    if text and len(set(text)) == 1:
        problems.append("Mật khẩu không được chỉ lặp lại một ký tự.")
    elif _is_sequence(folded):
        problems.append("Mật khẩu không được là một dãy liên tiếp như 1234567890 hay abcdef.")
    names = {fold(login).replace(" ", "")}
    if display_name:
        names.add(fold(display_name).replace(" ", ""))
    if any(name and (folded == name or folded in {name + name, name[::-1]}) for name in names):
        problems.append("Mật khẩu không được trùng với tên đăng nhập hay họ tên.")
    if folded in COMMON_PASSWORDS or text.lower() in COMMON_PASSWORDS:
        problems.append("Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.")
    return problems


def require_good_password(password: str, *, login: str, display_name: str = "") -> str:
    """The NFC password, or InvalidInput with every problem in one message."""
    problems = check_password(password, login=login, display_name=display_name)
    if problems:
        raise InvalidInput(" ".join(problems), "password refused by the policy",
                           {"password": problems[0]})
    return normalize_password(password)


# ---- lock-out ---------------------------------------------------------------------------------

MAX_FAILED_TRIES = 5
LOCK_DURATION = timedelta(minutes=15)

IDLE_KEY = "ui.idle_lock_minutes"  # the window locks itself after this many idle minutes
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 240


@dataclass(frozen=True)
class LockState:
    """A counter's record of wrong passwords for one account."""

    failed_tries: int = 0
    locked_until: datetime | None = None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> LockState:
        """One more wrong password; the 5th in a row locks the account for 15 minutes (and
        the count starts again, so the next wrong try after the lock locks it again)."""
        if self.locked_until is not None and now >= self.locked_until:
            tries = 1  # the lock ran out: a new series of tries
        else:
            tries = self.failed_tries + 1
        if tries >= MAX_FAILED_TRIES:
            return LockState(tries, now + LOCK_DURATION)
        return LockState(tries, None)


def locked_message(until: datetime) -> str:
    return (f"Tài khoản đang bị khóa tạm thời do nhập sai mật khẩu {MAX_FAILED_TRIES} lần; "
            f"hãy thử lại sau {until:%H:%M} hoặc nhờ quản trị hệ thống đặt lại mật khẩu.")


# ---- the account ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Account:
    """An account as the desk and the window see it (never with its password hash)."""

    login: str
    display_name: str
    role: Role
    must_change_password: bool = False
    disabled: bool = False
    created_at: str = ""
    updated_at: str = ""
    version: int = 1

    def may(self, permission: Permission) -> bool:
        return not self.disabled and allowed(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise NotPermitted(self.role, permission, self.display_name)

    @property
    def label(self) -> str:
        """'Lê Thị Hoa (hoa.lt)'."""
        return f"{self.display_name} ({self.login})"

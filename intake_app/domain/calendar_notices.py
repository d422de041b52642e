"""Calendar notices as data: the shipped list, a signed notice file, the keys that may sign one.

A notice (`CalendarNotice`) is the government's (or a province's) word on which days civil
servants are off or at work: "hoán đổi ngày làm việc" swaps, the Tết days the Prime Minister
fixes, a province's own day off. The app ships the notices known when it was built
(`resources/calendar/vn-notices.json`); a province or the vendor issues a later one as a small
**signed** file that `intake-app calendar import FILE` (or the settings window's "Lịch làm
việc…") applies. docs/calendar-notices.md says how a vendor signs one.

A signed file is JSON::

    {"format": "intake-app/calendar-notice-signed/1",
     "key_id": "vendor-2026",
     "notice": {"number": "…", "issued_on": "YYYY-MM-DD", "issuer": "…", "title": "…",
                "province_code": null, "sources": ["…"],
                "days": [{"day": "YYYY-MM-DD", "kind": "off" | "work", "reason": "…"}]},
     "signature": "<base64 Ed25519 signature>"}

The signature covers the file without `signature` in the canonical form the batch files use
(`sync_signing.canonical_body`: keys sorted, no whitespace, UTF-8), made with the private key
whose public half is listed under `key_id` in `resources/calendar/trusted-keys.json`. A key's
`scope` is "all" (the vendor) or one province code: a province's key signs only notices for
that province.

>>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
>>> private = Ed25519PrivateKey.generate()
>>> key = TrustedKey("test", "Thử", "all", public_key_bytes(private))
>>> body = {"number": "1/TB-T", "issued_on": "2026-12-01", "issuer": "UBND tỉnh",
...         "title": "Nghỉ bù", "days": [{"day": "2026-12-31", "kind": "off", "reason": "Nghỉ"}]}
>>> signed = sign_notice(body, private, "test")
>>> open_signed_notice(signed, {"test": key}).notice.days[0].day
datetime.date(2026, 12, 31)
>>> signed["notice"]["days"][0]["day"] = "2026-12-30"
>>> open_signed_notice(signed, {"test": key})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
intake_app.domain.calendar_notices.BadSignature: Chữ ký của tệp thông báo không đúng: ...
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .calendar import CalendarNotice, NoticeDay, OverrideKind
from .errors import InvalidInput, NotAllowed
from .sync_signing import canonical_body
from .text import nfc

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SIGNED_FORMAT = "intake-app/calendar-notice-signed/1"
SHIPPED_FORMAT = "intake-app/calendar-notices/1"
KEYS_FORMAT = "intake-app/calendar-keys/1"
ALL_PROVINCES = "all"

# Limits of a notice (a real one names a handful of days).
MAX_NUMBER = 60
MAX_ISSUER = 200
MAX_TITLE = 300
MAX_REASON = 200
MAX_DAYS = 60
MAX_SOURCES = 10
MAX_SOURCE = 500
MAX_FILE_BYTES = 256 * 1024
FIRST_YEAR, LAST_YEAR = 2000, 2100


class BadNotice(InvalidInput):
    """A notice file that cannot be read as a notice; `problems` names each wrong field."""


class BadSignature(InvalidInput):
    """A signed notice whose signature does not verify, or is made by an unknown key."""


class NoticeNotForThisUnit(NotAllowed):
    """A valid notice that this station may not apply (another province, a key's scope)."""


@dataclass(frozen=True)
class TrustedKey:
    """A public key allowed to sign notices: the vendor's ("all") or one province's."""

    key_id: str
    owner: str
    scope: str  # "all" or a 2-digit province code
    public_key: bytes  # raw 32-byte Ed25519 public key


@dataclass(frozen=True)
class SignedNotice:
    """A notice whose signature verified, and the key that signed it."""

    notice: CalendarNotice
    key: TrustedKey


def _text(raw: Mapping[str, Any], name: str, limit: int, problems: dict[str, str],
          where: str, *, required: bool = True) -> str:
    value = raw.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not nfc(value).strip():
        problems[f"{where}.{name}"] = f"Thiếu “{name}” (chuỗi ký tự)."
        return ""
    text = nfc(value).strip()
    if len(text) > limit:
        problems[f"{where}.{name}"] = f"“{name}” dài quá {limit} ký tự."
    return text


def _day(value: Any, field: str, problems: dict[str, str]) -> date | None:
    if not isinstance(value, str):
        problems[field] = "Ngày phải ghi dạng YYYY-MM-DD."
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        problems[field] = f"Ngày “{value}” không hợp lệ (YYYY-MM-DD)."
        return None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        problems[field] = f"Năm {day.year} nằm ngoài {FIRST_YEAR}–{LAST_YEAR}."
        return None
    return day


def parse_notice(raw: Any, *, where: str = "notice", edition: int = 0) -> CalendarNotice:
    """One notice object, checked field by field; BadNotice names every wrong field."""
    if not isinstance(raw, dict):
        raise BadNotice("Tệp không chứa một thông báo lịch làm việc.", f"{where} is not an object")
    problems: dict[str, str] = {}
    number = _text(raw, "number", MAX_NUMBER, problems, where)
    issuer = _text(raw, "issuer", MAX_ISSUER, problems, where)
    title = _text(raw, "title", MAX_TITLE, problems, where)
    issued_on = _day(raw.get("issued_on"), f"{where}.issued_on", problems)
    province = raw.get("province_code")
    if province is not None and (not isinstance(province, str) or not province.isdigit()
                                 or len(province) != 2):
        problems[f"{where}.province_code"] = "Mã tỉnh phải là 2 chữ số, hoặc null (toàn quốc)."
        province = None
    sources_raw = raw.get("sources", [])
    if not isinstance(sources_raw, list) or len(sources_raw) > MAX_SOURCES or not all(
            isinstance(s, str) and len(s) <= MAX_SOURCE for s in sources_raw):
        problems[f"{where}.sources"] = (f"“sources” là danh sách tối đa {MAX_SOURCES} địa chỉ, "
                                        f"mỗi địa chỉ tối đa {MAX_SOURCE} ký tự.")
        sources_raw = []
    days_raw = raw.get("days")
    days: list[NoticeDay] = []
    if not isinstance(days_raw, list) or not days_raw:
        problems[f"{where}.days"] = "Thông báo phải nêu ít nhất một ngày."
        days_raw = []
    elif len(days_raw) > MAX_DAYS:
        problems[f"{where}.days"] = f"Một thông báo nêu tối đa {MAX_DAYS} ngày."
        days_raw = []
    seen: set[date] = set()
    for index, entry in enumerate(days_raw):
        at = f"{where}.days[{index}]"
        if not isinstance(entry, dict):
            problems[at] = "Mỗi ngày là một đối tượng {day, kind, reason}."
            continue
        day = _day(entry.get("day"), f"{at}.day", problems)
        kind_raw = entry.get("kind")
        if kind_raw not in ("off", "work"):
            problems[f"{at}.kind"] = "“kind” phải là “off” (nghỉ) hoặc “work” (làm việc)."
        reason = _text(entry, "reason", MAX_REASON, problems, at)
        if day is None or kind_raw not in ("off", "work"):
            continue
        if day in seen:
            problems[f"{at}.day"] = f"Ngày {day:%d/%m/%Y} được nêu hai lần."
            continue
        seen.add(day)
        days.append(NoticeDay(day, OverrideKind(kind_raw), reason))
    if problems or issued_on is None:
        raise BadNotice(
            "Thông báo lịch làm việc không hợp lệ: " + "; ".join(problems.values()),
            f"invalid calendar notice: {sorted(problems)}", problems,
        )
    return CalendarNotice(
        number=number, issued_on=issued_on, issuer=issuer, title=title,
        days=tuple(sorted(days, key=lambda d: d.day)), province_code=province,
        sources=tuple(nfc(s) for s in sources_raw), edition=edition,
    )


def notice_to_dict(notice: CalendarNotice) -> dict[str, Any]:
    """The notice as the JSON object `parse_notice` reads (what is stored and signed)."""
    return {
        "number": notice.number,
        "issued_on": notice.issued_on.isoformat(),
        "issuer": notice.issuer,
        "title": notice.title,
        "province_code": notice.province_code,
        "sources": list(notice.sources),
        "days": [{"day": d.day.isoformat(), "kind": d.kind.value, "reason": d.reason}
                 for d in notice.days],
    }


def parse_shipped(raw: Any) -> tuple[CalendarNotice, ...]:
    """The notices shipped with the app (`resources/calendar/vn-notices.json`)."""
    if not isinstance(raw, dict) or raw.get("format") != SHIPPED_FORMAT:
        raise BadNotice("Tệp lịch làm việc kèm theo ứng dụng bị hỏng.",
                        f"shipped notices: format is not {SHIPPED_FORMAT}")
    notices = raw.get("notices")
    if not isinstance(notices, list):
        raise BadNotice("Tệp lịch làm việc kèm theo ứng dụng bị hỏng.",
                        "shipped notices: no list of notices")
    return tuple(parse_notice(item, where=f"notices[{i}]") for i, item in enumerate(notices))


def _b64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise binascii.Error(f"{what} is not a string")
    return base64.b64decode(value, validate=True)


def parse_trusted_keys(raw: Any) -> dict[str, TrustedKey]:
    """The keys allowed to sign notices (`resources/calendar/trusted-keys.json`)."""
    if not isinstance(raw, dict) or raw.get("format") != KEYS_FORMAT \
            or not isinstance(raw.get("keys"), list):
        raise BadNotice("Danh sách khóa tin cậy kèm theo ứng dụng bị hỏng.",
                        f"trusted keys: format is not {KEYS_FORMAT}")
    keys: dict[str, TrustedKey] = {}
    for entry in raw["keys"]:
        try:
            key = TrustedKey(
                key_id=str(entry["key_id"]), owner=nfc(str(entry["owner"])),
                scope=str(entry["scope"]), public_key=_b64(entry["public_key"], "public_key"),
            )
        except (KeyError, TypeError, binascii.Error) as exc:
            raise BadNotice("Danh sách khóa tin cậy kèm theo ứng dụng bị hỏng.",
                            f"trusted keys: bad entry {entry!r}: {exc}") from None
        if len(key.public_key) != 32:
            raise BadNotice("Danh sách khóa tin cậy kèm theo ứng dụng bị hỏng.",
                            f"trusted keys: {key.key_id} is not a 32-byte Ed25519 key")
        keys[key.key_id] = key
    return keys


def public_key_bytes(private: Ed25519PrivateKey) -> bytes:
    """The raw 32 bytes of the public half of `private` (what trusted-keys.json lists)."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign_notice(notice: Mapping[str, Any], private: Ed25519PrivateKey,
                key_id: str) -> dict[str, Any]:
    """A signed notice file for `notice` (checked first), as the vendor's tool writes it."""
    body = notice_to_dict(parse_notice(dict(notice)))
    unsigned = {"format": SIGNED_FORMAT, "key_id": key_id, "notice": body}
    signature = private.sign(canonical_body(unsigned))
    return {**unsigned, "signature": base64.b64encode(signature).decode("ascii")}


def open_signed_notice(raw: Any, keys: Mapping[str, TrustedKey]) -> SignedNotice:
    """Check a signed notice file: its form, its key, its signature, then the notice itself.

    BadNotice: not a signed notice file; BadSignature: unknown key or a signature that does
    not verify (the file was changed after signing, or signed by another key);
    NoticeNotForThisUnit: a province's key signing a notice of another province.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not isinstance(raw, dict) or raw.get("format") != SIGNED_FORMAT:
        raise BadNotice("Tệp này không phải tệp thông báo lịch làm việc có chữ ký.",
                        f"signed notice: format is not {SIGNED_FORMAT}")
    key_id = raw.get("key_id")
    key = keys.get(key_id) if isinstance(key_id, str) else None
    if key is None:
        raise BadSignature(
            f"Tệp thông báo được ký bằng khóa “{key_id}” không có trong danh sách khóa tin cậy "
            "của ứng dụng.", f"signed notice: unknown key {key_id!r}")
    try:
        signature = _b64(raw.get("signature"), "signature")
        Ed25519PublicKey.from_public_bytes(key.public_key).verify(signature, canonical_body(raw))
    except (binascii.Error, InvalidSignature, ValueError):
        raise BadSignature(
            "Chữ ký của tệp thông báo không đúng: tệp đã bị sửa sau khi ký, hoặc không do khóa "
            f"“{key.key_id}” ký.", f"signed notice: signature does not verify with {key.key_id}",
        ) from None
    notice = parse_notice(raw.get("notice"))
    if key.scope != ALL_PROVINCES and notice.province_code != key.scope:
        raise NoticeNotForThisUnit(
            f"Khóa “{key.key_id}” ({key.owner}) chỉ được ký thông báo của tỉnh mã {key.scope}.",
            f"signed notice: key {key.key_id} is scoped to province {key.scope}, the notice "
            f"is for {notice.province_code!r}",
        )
    return SignedNotice(notice, key)

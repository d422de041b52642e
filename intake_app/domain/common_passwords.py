"""Well-known passwords a new password may not be (compared folded: no accents, case, spaces).

A short list chosen for an office in Viet Nam: the top of public leak lists that are at least
10 characters long (shorter ones fail the length rule anyway), their Vietnamese favourites
(`matkhau…`, `anhyeuem…`, `vietnam…`), and words of the workplace (`motcua…`, `ubnd…`,
`tiepnhan…`). The policy also refuses one repeated character and plain sequences, so those
are not listed.
"""

from __future__ import annotations

_YEARS = range(2020, 2031)

_WORDS = (
    "password", "passw0rd", "matkhau", "matkhaumoi", "anhyeuem", "emyeuanh", "iloveyou",
    "motcua", "bophanmotcua", "ubnd", "ubndxa", "ubndphuong", "tiepnhan", "tiepnhanhoso",
    "hoso", "admin", "administrator", "quantri", "vietnam", "hanoi", "saigon", "hochiminh",
    "quangtri", "welcome", "letmein", "superman", "batman", "football", "sunshine",
    "princess", "monkey", "dragon", "master", "qwerty", "abc", "abcd", "changeme", "doimatkhau",
    "congchuc", "canbo", "giamsat", "thanhpho", "tinh", "xa", "phuong",
)

_SUFFIXES = ("", "1", "12", "123", "1234", "12345", "123456", "@123", "!", "2024", "2025",
             "2026", "2027", "0000", "111", "999", "888", "666", "68", "86")

_PLAIN = (
    "1234567890", "0123456789", "12345678910", "123123123123", "1231231230", "1122334455",
    "1234512345", "1234554321", "0987654321", "9876543210", "1212121212", "1357924680",
    "qwertyuiop", "qwertyuiop123", "asdfghjkl", "asdfghjkl;", "zxcvbnm123", "1q2w3e4r5t",
    "1q2w3e4r5t6y", "1qaz2wsx3edc", "1qaz2wsx", "zaq12wsx", "zaq12wsxcde3", "qazwsxedc",
    "qazwsxedcrfv", "abcdefghij", "abc1234567", "aa12345678", "a123456789", "123456789a",
    "123456789q", "q123456789", "11223344556677", "147258369", "1472583690", "159753123",
    "147852369", "1478963250", "iloveyou123", "passwordpassword", "trustno1234",
    "matkhaucuatoi", "toiyeuvietnam", "vietnamvodich", "khongcomatkhau", "motcuamotdau",
    "01234567890", "00000000001", "10000000000", "0912345678", "0123456789a",
)


def _build() -> frozenset[str]:
    words = {word + suffix for word in _WORDS for suffix in _SUFFIXES}
    words |= {f"{word}{year}" for word in _WORDS for year in _YEARS}
    words |= set(_PLAIN)
    return frozenset(words)


COMMON_PASSWORDS: frozenset[str] = _build()
"""Folded (lowercase, no accents, no spaces) passwords refused as too common."""

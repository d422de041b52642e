"""Accounts (`accounts`) and this counter's wrong-password counts (`account_lockouts`).

Passwords are hashed with argon2id (argon2-cffi): memory-hard, so a copied database does not
give its passwords away to a graphics card. The parameters below were measured on the
project's kind of PC (bench/bench_login.py): about 0.3–0.4 s to check one password, which a
person at log-in does not notice and which makes guessing offline slow. They live inside each
stored hash (PHC string), so changing them later only needs `needs_rehash` at the next
log-in.
"""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlite_utils import Database

from ..domain.accounts import Account, LockState, Role, display_key
from ..domain.clock import iso, parse_iso_or_none

TIME_COST = 2  # passes over the memory
MEMORY_KIB = 64 * 1024  # 64 MiB (RFC 9106's second recommendation; OWASP asks for ≥ 19 MiB)
PARALLELISM = 1  # one lane: an office PC has 2 cores, and the window keeps one

HASHER = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_KIB,
                        parallelism=PARALLELISM)
"""The hasher of new passwords (tests swap in a fast one; verifying reads each hash's own
parameters)."""

_COLUMNS = ("login, display_name, role, must_change_password, disabled, created_at, "
            "updated_at, version")


def _account(row: tuple) -> Account:
    login, name, role, must_change, disabled, created, updated, version = row
    return Account(login=login, display_name=name, role=Role(role),
                   must_change_password=bool(must_change), disabled=bool(disabled),
                   created_at=created, updated_at=updated, version=int(version))


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    try:
        return PasswordHasher().verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def get(db: Database, login: str) -> Account | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE login = ?", [login]).fetchone()
    return _account(row) if row else None


def password_hash(db: Database, login: str) -> str | None:
    row = db.execute("SELECT password_hash FROM accounts WHERE login = ?", [login]).fetchone()
    return str(row[0]) if row else None


def all_accounts(db: Database, *, include_disabled: bool = True) -> list[Account]:
    sql = f"SELECT {_COLUMNS} FROM accounts"
    if not include_disabled:
        sql += " WHERE disabled = 0"
    rows = db.execute(sql + " ORDER BY display_key, login")
    return [_account(row) for row in rows]


def count(db: Database, *, role: Role | None = None, active_only: bool = False) -> int:
    where, params = [], []
    if role is not None:
        where.append("role = ?")
        params.append(role.value)
    if active_only:
        where.append("disabled = 0")
    sql = "SELECT count(*) FROM accounts" + (" WHERE " + " AND ".join(where) if where else "")
    return int(db.execute(sql, params).fetchone()[0])


def name_taken(db: Database, display_name: str, *, other_than: str = "") -> str | None:
    """The login of another account whose name reads the same, or None."""
    row = db.execute("SELECT login FROM accounts WHERE display_key = ? AND login != ?",
                     [display_key(display_name), other_than]).fetchone()
    return str(row[0]) if row else None


def insert(db: Database, account: Account, password_hash_: str) -> None:
    db.execute(
        "INSERT INTO accounts (login, display_name, display_key, role, password_hash, "
        "must_change_password, disabled, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        [account.login, account.display_name, display_key(account.display_name),
         account.role.value, password_hash_, int(account.must_change_password),
         int(account.disabled), account.created_at, account.updated_at],
    )


def update(db: Database, login: str, at: str, **changes: object) -> None:
    """Change some columns of one account (role, disabled, password_hash,
    must_change_password, display_name); the version goes up by one."""
    allowed = {"role", "disabled", "password_hash", "must_change_password", "display_name"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not an account column: {sorted(unknown)}")
    values = {name: (value.value if isinstance(value, Role) else
                     int(value) if isinstance(value, bool) else value)
              for name, value in changes.items()}
    if "display_name" in values:
        values["display_key"] = display_key(str(values["display_name"]))
    sets = ", ".join(f"{name} = ?" for name in values)
    db.execute(f"UPDATE accounts SET {sets}, updated_at = ?, version = version + 1 "
               "WHERE login = ?", [*values.values(), at, login])


# ---- lock-out --------------------------------------------------------------------------------

def lock_state(db: Database, login: str) -> LockState:
    row = db.execute("SELECT failed_tries, locked_until FROM account_lockouts WHERE login = ?",
                     [login]).fetchone()
    if row is None:
        return LockState()
    return LockState(int(row[0]), parse_iso_or_none(row[1]))


def save_lock_state(db: Database, login: str, state: LockState, at: datetime | None) -> None:
    db.execute(
        "INSERT INTO account_lockouts (login, failed_tries, locked_until, last_failure_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(login) DO UPDATE SET "
        "failed_tries = excluded.failed_tries, locked_until = excluded.locked_until, "
        "last_failure_at = coalesce(excluded.last_failure_at, last_failure_at)",
        [login, state.failed_tries,
         iso(state.locked_until) if state.locked_until else None,
         iso(at) if at else None],
    )

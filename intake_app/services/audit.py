"""The station's audit trail (`desk.audit`): record inside each write, verify, list, the head.

Every write of the desk calls `record(...)` inside its own transaction, so the change and its
audit record are committed together or not at all. The key is the station's audit key
(`desk.keys.audit_key`, `intake_app.station_keys`): kept in the OS credential store, never in
the database; the head names it by a short public id, so a wrong key is told from a chain
that was tampered with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..domain.accounts import Permission
from ..domain.audit import (
    EMPTY_HEAD,
    AuditProblem,
    AuditRecord,
    ChainHead,
    Tamper,
    draft,
    key_id,
)
from ..domain.audit import verify_chain as verify_records
from ..domain.clock import iso
from ..domain.errors import StorageProblem
from ..store import audit as store

if TYPE_CHECKING:
    from ..desk import Desk



class WrongAuditKey(StorageProblem):
    """The key this PC holds is not the one the data folder's trail was written with."""

    def __init__(self) -> None:
        super().__init__(
            "Khóa của nhật ký kiểm toán trong kho mật khẩu của máy này không phải khóa đã ký "
            "nhật ký của thư mục dữ liệu này; ứng dụng không ghi gì. Hãy khôi phục đúng khóa "
            "bằng phiếu khôi phục (`intake-app keys restore`).",
            "the audit key of this PC's store is not the one the trail was written with")


@dataclass(frozen=True)
class AuditReport:
    """What `audit verify` found: the records checked and each problem, named."""

    count: int
    head: ChainHead
    problems: list[AuditProblem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "records": self.count, "head": {"count": self.head.count,
                                                               "hash": self.head.hash},
                "problems": [problem.as_dict() for problem in self.problems]}


class AuditTrail:
    def __init__(self, desk: Desk):
        self.desk = desk
        self._checked = False

    @property
    def db(self):
        return self.desk.db

    def key(self) -> bytes:
        """The station's audit key, checked once against the key id the head was written with
        (WrongAuditKey otherwise)."""
        key = self.desk.keys.audit_key
        if not self._checked:
            head = store.load_head(self.db)
            # Another key id *and* a head this key did not sign: another station's key. (A key
            # id edited by hand on a head this key signed is only reported by `verify`.)
            if head is not None and head.key_id != key_id(key) and head.mac != head.head.mac(key):
                raise WrongAuditKey()
            self._checked = True
        return key

    # ---- writing ------------------------------------------------------------------------------

    def record(self, action: str, target: str = "", detail: Mapping[str, Any] | None = None,
               *, actor: str | None = None) -> AuditRecord:
        """Append one record; call it inside the write transaction of the change it records.

        The actor is the account acting through the desk (its login; '' for the app itself),
        unless given (a log-in records the name that was tried).
        """
        if actor is None:
            actor = self.desk.actor_login
        key = self.key()
        entry = draft(iso(self.desk.clock()), actor, action, target, detail)
        return store.append(self.db, key, key_id(key), entry)

    # ---- reading ------------------------------------------------------------------------------

    def head(self) -> ChainHead:
        stored = store.load_head(self.db)
        return stored.head if stored else EMPTY_HEAD

    def hash_at(self, count: int) -> str | None:
        """The hash of record number `count` as the chain holds it now (what the gateway
        compares with what it was told before)."""
        return store.hash_at(self.db, count)

    def verify(self) -> AuditReport:
        """Check every record and the head with the key; each problem named."""
        self.desk.may_read(Permission.AUDIT_VIEW)
        records = list(store.all_records(self.db))
        stored = store.load_head(self.db)
        if not records and stored is None:
            return AuditReport(0, EMPTY_HEAD, [])
        key = self.key()
        problems = verify_records(key, records, head=stored.head if stored else None,
                                  head_mac_stored=stored.mac if stored else None)
        if stored is not None and stored.key_id != key_id(key):
            problems.append(AuditProblem(Tamper.HEAD, None, "Mã khóa ghi ở dấu cuối của nhật "
                                                            "ký kiểm toán đã bị sửa."))
        return AuditReport(len(records), stored.head if stored else EMPTY_HEAD, problems)

    def records(self, *, start: date | None = None, end: date | None = None,
             actor: str | None = None, dossier: str | None = None,
             limit: int | None = 1000) -> list[AuditRecord]:
        """Records of `start`..`end` (local days, inclusive), newest first."""
        self.desk.may_read(Permission.AUDIT_VIEW)
        return store.find(
            self.db, start=start.isoformat() if start else None,
            end=(end + timedelta(days=1)).isoformat() if end else None,
            actor=actor or None, target=dossier or None, limit=limit)

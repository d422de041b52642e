"""The audit trail: who did what, chained by hash and keyed, so that its rewriting tells.

Every write of the desk appends one record in the same transaction as the change. A record's
`hash` is HMAC-SHA256, under the station's audit key (kept in the OS credential store, never in
the database), of its canonical content and the hash of the record before it (`previous`).
Without the key nobody can make a record that verifies; with the chain, a record removed or
put in between breaks the link of the record after it. The store also keeps the chain's
*head* (the count and the last hash) with a MAC of its own, so the last records cannot be
cut off unnoticed either, and the head travels to the province with every sync batch, which
catches a chain rewritten after a sync even by someone who held the key.

`verify_chain` names each problem: a record *edited* (its MAC fails but the next record still
links to it), *inserted* (its MAC fails and the chain runs past it), *removed* (the next record
does not link to the one before it), or the tail cut off (the head says more).

Pure: no SQL, no I/O. The sequence number is not under the MAC, so that a record inserted
by renumbering the ones after it is named alone instead of every record after it.

>>> key = b"k" * 32
>>> first = seal_record(key, GENESIS, 1, draft("2026-01-05T08:00:00+07:00", "hoa.lt",
...                                            "dossier.received", "X-1"))
>>> second = seal_record(key, first.hash, 2, draft("2026-01-05T08:05:00+07:00", "hoa.lt",
...                                               "dossier.step", "X-1", {"to": 4}))
>>> verify_chain(key, [first, second], head=ChainHead(2, second.hash))
[]
>>> edited = AuditRecord(**{**first.__dict__, "actor": "ai.do"})
>>> [p.kind for p in verify_chain(key, [edited, second], head=ChainHead(2, second.hash))]
[<Tamper.EDITED: 'edited'>]
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64
KEY_ID_MESSAGE = b"intake audit key id v1"
HEAD_MESSAGE = b"intake audit head v1"


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def mac(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """A short public name of a key: tells a wrong key from a tampered chain."""
    return mac(key, KEY_ID_MESSAGE)[:16]


@dataclass(frozen=True)
class AuditDraft:
    """What a write records, before the chain gives it its place."""

    at: str  # ISO 8601 with offset, the station's clock
    actor: str  # the account's login name; "" for the app itself (start-up sealing, …)
    action: str  # dotted: "dossier.received", "account.created", "login.failed", …
    target: str = ""  # a dossier code, a login name, a setting key, a day
    detail: Mapping[str, Any] = field(default_factory=dict)


def draft(at: str, actor: str, action: str, target: str = "",
          detail: Mapping[str, Any] | None = None) -> AuditDraft:
    return AuditDraft(at, actor, action, target, dict(detail or {}))


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    detail: Mapping[str, Any]
    previous: str
    hash: str

    def content(self) -> dict[str, Any]:
        return {"at": self.at, "actor": self.actor, "action": self.action,
                "target": self.target, "detail": dict(self.detail), "previous": self.previous}

    def expected_hash(self, key: bytes) -> str:
        return record_hash(key, self.content())


def record_hash(key: bytes, content: Mapping[str, Any]) -> str:
    return mac(key, b"intake audit record v1\n" + _canonical(content))


def seal_record(key: bytes, previous: str, seq: int, entry: AuditDraft) -> AuditRecord:
    content = {"at": entry.at, "actor": entry.actor, "action": entry.action,
               "target": entry.target, "detail": dict(entry.detail), "previous": previous}
    return AuditRecord(seq, entry.at, entry.actor, entry.action, entry.target,
                       dict(entry.detail), previous, record_hash(key, content))


@dataclass(frozen=True)
class ChainHead:
    """The chain's length and last hash (GENESIS and 0 when empty)."""

    count: int
    hash: str

    def mac(self, key: bytes) -> str:
        return head_mac(key, self.count, self.hash)


EMPTY_HEAD = ChainHead(0, GENESIS)


def head_mac(key: bytes, count: int, last_hash: str) -> str:
    return mac(key, HEAD_MESSAGE + f"\n{count}\n{last_hash}".encode())


class Tamper(StrEnum):
    EDITED = "edited"
    INSERTED = "inserted"
    REMOVED = "removed"
    HEAD = "head"  # the stored head was changed or does not match the chain's end


@dataclass(frozen=True)
class AuditProblem:
    kind: Tamper
    seq: int | None  # the record named (for REMOVED: the first missing number, if known)
    message: str  # Vietnamese

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "seq": self.seq, "message": self.message}


def _describe(record: AuditRecord) -> str:
    what = f"{record.action}" + (f" {record.target}" if record.target else "")
    who = record.actor or "ứng dụng"
    return f"({what}, {who}, {record.at})"


def verify_chain(key: bytes, records: Sequence[AuditRecord], *,
                 head: ChainHead | None, head_mac_stored: str | None = None) -> list[AuditProblem]:
    """Every problem of the chain, oldest first; [] when nothing was changed.

    `records` in `seq` order. `head` is the stored head (None: the head row is missing),
    `head_mac_stored` its stored MAC (checked when given).
    """
    problems: list[AuditProblem] = []
    chain = sorted(records, key=lambda record: record.seq)
    ok = [record.hash == record.expected_hash(key) for record in chain]
    expected_previous = GENESIS
    previous_seq = 0
    links = 0  # records that are part of the chain (valid or edited in place)
    for index, record in enumerate(chain):
        following = chain[index + 1] if index + 1 < len(chain) else None
        if ok[index]:
            if record.previous != expected_previous:
                missing = list(range(previous_seq + 1, record.seq))
                if missing:
                    names = ", ".join(str(n) for n in missing[:10]) + (
                        "…" if len(missing) > 10 else "")
                    text = f"Bản ghi số {names} đã bị xóa khỏi nhật ký kiểm toán."
                else:
                    text = (f"Trước bản ghi số {record.seq} {_describe(record)} có bản ghi đã "
                            "bị xóa (các số thứ tự đã bị đánh lại).")
                problems.append(AuditProblem(Tamper.REMOVED,
                                             missing[0] if missing else record.seq, text))
            expected_previous = record.hash
            previous_seq = record.seq
            links += 1
            continue
        # The MAC fails: nobody with the key wrote this record as it is now.
        later_links_here = following is not None and following.previous == record.hash
        at_end_and_head = following is None and head is not None and head.hash == record.hash
        if later_links_here or at_end_and_head:
            problems.append(AuditProblem(
                Tamper.EDITED, record.seq,
                f"Bản ghi số {record.seq} {_describe(record)} đã bị sửa sau khi ghi."))
            expected_previous = record.hash
            previous_seq = record.seq
            links += 1
        elif record.previous == expected_previous or (
                following is not None and following.previous == expected_previous) or (
                following is None and head is not None and head.hash == expected_previous):
            problems.append(AuditProblem(
                Tamper.INSERTED, record.seq,
                f"Bản ghi số {record.seq} {_describe(record)} không do ứng dụng ghi: đã bị "
                "chèn thêm vào nhật ký kiểm toán."))
            previous_seq = record.seq
        else:
            problems.append(AuditProblem(
                Tamper.EDITED, record.seq,
                f"Bản ghi số {record.seq} {_describe(record)} đã bị sửa hoặc chèn thêm."))
            expected_previous = record.hash
            previous_seq = record.seq
            links += 1

    if head is None:
        if chain:
            problems.append(AuditProblem(Tamper.HEAD, None,
                                         "Dấu cuối của nhật ký kiểm toán đã bị xóa."))
        return problems
    if head_mac_stored is not None and head_mac_stored != head.mac(key):
        problems.append(AuditProblem(Tamper.HEAD, None,
                                     "Dấu cuối của nhật ký kiểm toán đã bị sửa."))
    elif head.count > links and head.hash != expected_previous:
        first = previous_seq + 1
        which = (f"Bản ghi cuối của nhật ký kiểm toán (số {first})" if first >= head.count
                 else f"Các bản ghi cuối của nhật ký kiểm toán (từ số {first} đến số "
                      f"{head.count})")
        problems.append(AuditProblem(Tamper.REMOVED, first, f"{which} đã bị xóa."))
    elif head.hash != expected_previous:
        problems.append(AuditProblem(
            Tamper.HEAD, None,
            "Bản ghi cuối của nhật ký kiểm toán không khớp với dấu cuối đã lưu."))
    return problems

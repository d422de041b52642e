"""The stations' audit chain heads (sync protocol, optional envelope field `audit_head`).

A station sends, with every batch, the head of its audit trail (its record count and latest
hash) and, once a batch was answered, the count the gateway acknowledged with the hash its
chain holds *now* at that count. The gateway keeps every head it was given, per station. A
station whose chain was rewritten after a sync gives itself away: another hash at a count the
gateway already holds (`rewritten`), or fewer records than the gateway saw (`shortened`).
Such a batch is flagged for the province (`intake-gateway audit flags`,
`GET /v1/admin/audit-flags`); its events are judged as always, never refused for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .contract import is_int

HEX64 = re.compile(r"^[0-9a-f]{64}$")
MAX_COUNT = 2**63 - 1


@dataclass(frozen=True)
class Head:
    count: int
    hash: str
    acknowledged: tuple[int, str] | None = None  # (count, hash at that count now)


@dataclass(frozen=True)
class Flag:
    kind: str  # malformed_head, rewritten, shortened, unknown_acknowledgement
    message: str
    detail: dict[str, Any] = field(default_factory=dict)


def _pair(value: Any, where: str) -> tuple[int, str] | str:
    if not isinstance(value, dict):
        return f"{where} must be an object"
    count, digest = value.get("count"), value.get("hash")
    if not is_int(count) or not 0 <= count <= MAX_COUNT:
        return f"{where}.count must be a whole number, 0 or more"
    if not isinstance(digest, str) or not HEX64.match(digest):
        return f"{where}.hash must be 64 lowercase hexadecimal digits"
    return count, digest


def parse_head(value: Any) -> Head | Flag:
    """The envelope's `audit_head`, or a `malformed_head` flag saying what is wrong."""
    head = _pair(value, "audit_head")
    if isinstance(head, str):
        return Flag("malformed_head", head)
    acknowledged = None
    if value.get("acknowledged") is not None:
        pair = _pair(value["acknowledged"], "audit_head.acknowledged")
        if isinstance(pair, str):
            return Flag("malformed_head", pair)
        acknowledged = pair
    return Head(head[0], head[1], acknowledged)


def counts_to_look_up(head: Head) -> list[int]:
    counts = [head.count]
    if head.acknowledged is not None:
        counts.append(head.acknowledged[0])
    return counts


def judge_head(head: Head, known: dict[int, str], highest: int | None) -> list[Flag]:
    """What is wrong with a head, given the hashes the gateway holds at its counts (`known`)
    and the highest count it was ever given (`highest`); [] when it fits."""
    flags: list[Flag] = []
    pairs = [("head", head.count, head.hash)]
    if head.acknowledged is not None:
        pairs.append(("acknowledged", *head.acknowledged))
    for name, count, digest in pairs:
        if count in known and known[count] != digest:
            flags.append(Flag(
                "rewritten",
                f"the station's audit chain has another hash at record {count} than it sent "
                "before: records up to there were changed after a sync",
                {"count": count, "was": known[count], "now": digest, "field": name}))
    if highest is not None and head.count < highest:
        flags.append(Flag(
            "shortened",
            f"the station's audit chain has {head.count} records, fewer than the {highest} it "
            "sent before: records were removed",
            {"count": head.count, "highest": highest}))
    if head.acknowledged is not None and highest is not None \
            and head.acknowledged[0] not in known:
        flags.append(Flag(
            "unknown_acknowledgement",
            f"the station says the gateway acknowledged its chain at record "
            f"{head.acknowledged[0]}, which this gateway never received",
            {"count": head.acknowledged[0]}))
    return flags

"""The audit chain's head in every batch the station sends (docs/sync-protocol.md, `audit_head`).

Each batch envelope (and each batch file) carries the station's audit chain head: its count and
latest hash, and, once the gateway has answered a batch, the count it acknowledged with the
hash the chain holds *now* at that count. The gateway keeps every head it was given; a chain
rewritten after a sync gives another hash at a count the gateway already knows, or fewer
records than it saw, and the gateway flags it for the province (it never refuses the events).

Read from the tables only: no key is needed to send the head.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from ..domain.audit import GENESIS
from ..store import audit, sync_state

ACKNOWLEDGED = "audit_acknowledged"  # sync_state: {"count", "hash"} the gateway answered last
EXPORTED_PREFIX = "audit_exported:"  # sync_state: the head written into an exported batch file


def current(db: Database) -> dict[str, Any] | None:
    """The envelope's `audit_head`, or None while the chain is empty."""
    stored = audit.load_head(db)
    if stored is None:
        return None
    head: dict[str, Any] = {"count": stored.head.count, "hash": stored.head.hash}
    acknowledged = sync_state.get(db, ACKNOWLEDGED)
    if isinstance(acknowledged, dict) and isinstance(acknowledged.get("count"), int):
        count = acknowledged["count"]
        # The hash at that count as the chain holds it now: a rewritten chain tells here.
        head["acknowledged"] = {"count": count, "hash": audit.hash_at(db, count) or GENESIS}
    return head


def acknowledge(db: Database, head: dict[str, Any] | None) -> None:
    """Inside the transaction that applies a gateway's answer to a batch that carried `head`."""
    if head is not None:
        sync_state.put(db, ACKNOWLEDGED, {"count": head["count"], "hash": head["hash"]})


def remember_export(db: Database, batch_id: str, head: dict[str, Any] | None) -> None:
    if head is not None:
        sync_state.put(db, EXPORTED_PREFIX + batch_id, head)


def acknowledge_export(db: Database, batch_id: str) -> None:
    """A result file of an exported batch was imported: the gateway stored that file's head."""
    acknowledge(db, sync_state.get(db, EXPORTED_PREFIX + batch_id))

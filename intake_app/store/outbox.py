"""The outbox: every event the province must receive, written with the change it records."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def add_event(db: Database, dossier_row: int, event: dict[str, Any], at: str) -> None:
    """Queue an event as `pending`; the caller's transaction also holds the change itself.

    A counter in an office also keeps the dossier's whole row and history at this version
    (the `office` block its hub passes to the other counters, docs/office-hub.md §2.2)."""
    from .office import office_block_json, office_mode

    block = office_block_json(db, dossier_row) if office_mode(db) else None
    db.execute(
        "INSERT INTO outbox (event_id, dossier, dossier_id, version, kind, occurred_at, payload, "
        "state, updated_at, office) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
        [event["event_id"], dossier_row, event["dossier_id"], event["version"], event["kind"],
         event["occurred_at"], json.dumps(event, ensure_ascii=False), at, block],
    )


def events_of(db: Database, dossier_row: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT payload, state FROM outbox WHERE dossier = ? ORDER BY version", [dossier_row]
    )
    return [{**json.loads(payload), "state": state} for payload, state in rows]


def count_by_state(db: Database) -> dict[str, int]:
    """Events per state; `rejected` counts only the parked events a person must look at, and
    `superseded` those a later version of their dossier replaced (a correction)."""
    counts = {"pending": 0, "sending": 0, "delivered": 0, "rejected": 0, "superseded": 0}
    for state, count in db.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        counts[state] = count  # read from the index on state alone
    if counts["rejected"]:
        (replaced,) = db.execute("SELECT count(*) FROM outbox WHERE state = 'rejected' "
                                 "AND superseded_by IS NOT NULL").fetchone()
        counts["rejected"] -= replaced
        counts["superseded"] = replaced
    return counts


def dossier_counts(db: Database) -> dict[str, int]:
    """Dossiers by where their information stands with the province, as people count them:
    `waiting` (an update not yet accepted), `rejected` (an update refused), `up_to_date`
    (every update accepted). A dossier waiting and refused counts in both."""
    row = db.execute(
        "SELECT count(DISTINCT CASE WHEN state IN ('pending', 'sending') THEN dossier END), "
        "count(DISTINCT CASE WHEN state = 'rejected' THEN dossier END), "
        "count(DISTINCT dossier) - count(DISTINCT CASE WHEN state != 'delivered' "
        "THEN dossier END) FROM outbox"
    ).fetchone()
    return {"waiting": row[0], "rejected": row[1], "up_to_date": row[2]}


# ---- sync (docs/sync-protocol.md, Station behaviour) ---------------------------------------------
# Writers here never commit: the sync engine wraps each change in `write_transaction`.

def reset_sending(db: Database, at: str) -> int:
    """On start: events left `sending` (an answer that never came) go back to `pending`."""
    return db.execute(
        "UPDATE outbox SET state = 'pending', batch_id = NULL, updated_at = ? "
        "WHERE state = 'sending'", [at],
    ).rowcount


def pending_rows(db: Database, limit: int) -> list[tuple[int, str, str]]:
    """The first `limit` pending events in id order: (id, event_id, payload as stored)."""
    return db.execute(
        "SELECT id, event_id, payload FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?",
        [limit],
    ).fetchall()


def pending_rows_for_hub(db: Database, limit: int) -> list[tuple[int, str, str]]:
    """`pending_rows` with each event's `office` block added, as sent to an office hub; an
    event made before the counter joined gets one built from the dossier's row now."""
    from .office import office_block_json, with_office_block

    rows = db.execute(
        "SELECT id, event_id, payload, office, dossier FROM outbox WHERE state = 'pending' "
        "ORDER BY id LIMIT ?", [limit],
    ).fetchall()
    return [(id_, event_id, with_office_block(payload, block or office_block_json(db, dossier)))
            for id_, event_id, payload, block, dossier in rows]


def iter_pending(db: Database, chunk: int = 1000):
    """Every pending event's (id, event_id, payload) in id order, read a chunk at a time."""
    last = 0
    while True:
        rows = db.execute(
            "SELECT id, event_id, payload FROM outbox WHERE state = 'pending' AND id > ? "
            "ORDER BY id LIMIT ?", [last, chunk],
        ).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def claim(db: Database, ids: list[int], batch_id: str, at: str) -> int:
    """Mark pending events `sending` in `batch_id`; returns how many were still pending."""
    claimed = 0
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ",".join("?" * len(part))
        claimed += db.execute(
            f"UPDATE outbox SET state = 'sending', batch_id = ?, updated_at = ? "
            f"WHERE state = 'pending' AND id IN ({marks})", [batch_id, at, *part],
        ).rowcount
    return claimed


def release(db: Database, batch_id: str, at: str) -> int:
    """The batch got no usable answer: its events go back to `pending` to be sent again."""
    return db.execute(
        "UPDATE outbox SET state = 'pending', batch_id = NULL, updated_at = ? "
        "WHERE state = 'sending' AND batch_id = ?", [at, batch_id],
    ).rowcount


def apply_batch_results(db: Database, batch_id: str, results: list[Any], at: str) -> int:
    """A 200 answer: each event of the batch delivered or parked (results are EventResults).

    Only events still `sending` in this batch change, so a late answer to a batch whose events
    were already taken back (restart, another sender) changes nothing.
    """
    return db.conn.executemany(
        "UPDATE outbox SET state = ?, reject_code = ?, reject_message = ?, updated_at = ? "
        "WHERE event_id = ? AND batch_id = ? AND state = 'sending'",
        [(r.state, r.code, r.message, at, r.event_id, batch_id) for r in results],
    ).rowcount


def apply_file_results(db: Database, results: list[Any], at: str) -> dict[str, int]:
    """A gateway result file: the same results, judged against the event's state now.

    accepted/duplicate: the gateway holds the event, so it is delivered whatever its state here.
    rejected: parks the event only if it is still pending (one in flight or delivered since is
    left alone). Returns how many events each way, and how many were unknown here.
    """
    counts = {"delivered": 0, "rejected": 0, "unchanged": 0, "unknown": 0}
    for result in results:
        row = db.execute("SELECT state FROM outbox WHERE event_id = ?",
                         [result.event_id]).fetchone()
        if row is None:
            counts["unknown"] += 1
            continue
        if result.state == "delivered" and row[0] != "delivered":
            db.execute(
                "UPDATE outbox SET state = 'delivered', reject_code = NULL, "
                "reject_message = NULL, updated_at = ? WHERE event_id = ?",
                [at, result.event_id],
            )
            counts["delivered"] += 1
        elif result.state == "rejected" and row[0] == "pending":
            db.execute(
                "UPDATE outbox SET state = 'rejected', reject_code = ?, reject_message = ?, "
                "updated_at = ? WHERE event_id = ?",
                [result.code, result.message, at, result.event_id],
            )
            counts["rejected"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def park(db: Database, event_id: str, code: str, message: str, at: str) -> int:
    """Park one event as if the gateway had rejected it (it can never be sent as it is)."""
    return db.execute(
        "UPDATE outbox SET state = 'rejected', batch_id = NULL, reject_code = ?, "
        "reject_message = ?, updated_at = ? WHERE event_id = ? AND state IN ('pending', 'sending')",
        [code, message, at, event_id],
    ).rowcount


def parked(db: Database) -> list[dict[str, Any]]:
    """Every rejected event with its dossier's code, oldest first, for the supervisor.

    An event a correction superseded is listed (with the newer version and its state) until
    that version is delivered: then the province has the corrected dossier and nothing is left
    to look at.
    """
    rows = db.execute(
        "SELECT o.id, o.event_id, d.code, o.version, o.kind, o.occurred_at, o.reject_code, "
        "o.reject_message, o.updated_at, o.superseded_by, n.version, n.state "
        "FROM outbox o JOIN dossiers d ON d.id = o.dossier "
        "LEFT JOIN outbox n ON n.event_id = o.superseded_by "
        "WHERE o.state = 'rejected' AND (n.state IS NULL OR n.state != 'delivered') "
        "ORDER BY o.id"
    )
    keys = ("id", "event_id", "code", "version", "kind", "occurred_at", "reject_code",
            "reject_message", "rejected_at", "superseded_by", "superseded_by_version",
            "superseded_by_state")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def retry_parked(db: Database, event_ids: list[str], at: str) -> int:
    """Put parked events back to `pending`; returns how many were parked."""
    changed = 0
    for event_id in event_ids:
        changed += db.execute(
            "UPDATE outbox SET state = 'pending', batch_id = NULL, reject_code = NULL, "
            "reject_message = NULL, updated_at = ? WHERE event_id = ? AND state = 'rejected'",
            [at, event_id],
        ).rowcount
    return changed


def parked_ids_of_dossier(db: Database, dossier_row: int) -> list[str]:
    return [row[0] for row in db.execute(
        "SELECT event_id FROM outbox WHERE dossier = ? AND state = 'rejected' "
        "AND superseded_by IS NULL ORDER BY id",
        [dossier_row],
    )]


def event_state(db: Database, event_id: str) -> str | None:
    row = db.execute("SELECT state FROM outbox WHERE event_id = ?", [event_id]).fetchone()
    return row[0] if row else None


def delivered_counts(db: Database) -> tuple[int, int]:
    """Delivered events, and the distinct dossiers they belong to (the gateway's summary)."""
    row = db.execute(
        "SELECT count(*), count(DISTINCT dossier_id) FROM outbox WHERE state = 'delivered'"
    ).fetchone()
    return row[0], row[1]


def supersede_parked(db: Database, dossier_row: int, event_id: str) -> int:
    """A newer version of the dossier (`event_id`, a correction's whole snapshot) replaces its
    parked events: they stay parked, as history, but are never to be sent; returns how many."""
    return db.execute(
        "UPDATE outbox SET superseded_by = ? "
        "WHERE dossier = ? AND state = 'rejected' AND superseded_by IS NULL",
        [event_id, dossier_row],
    ).rowcount

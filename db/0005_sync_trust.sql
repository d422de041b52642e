-- 0005: sync trust (docs/sync-protocol.md, revisions of 2026-12): the batch files this station
-- exported, so that it imports only a gateway result file that answers one of them.

CREATE TABLE sync_exported_batches (
    batch_id TEXT PRIMARY KEY,
    exported_at TEXT NOT NULL,
    events INTEGER NOT NULL,           -- how many events the file carried
    event_ids_sha256 TEXT NOT NULL,    -- sha256 of the JSON list of their event_ids, in order
    file TEXT NOT NULL                 -- where it was written (for the supervisor)
);

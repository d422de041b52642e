-- 0004: syncing with the provincial gateway (sync-protocol.md): the station's sync state,
-- the province's updates applied once each, result files imported once each, and a log.

-- One JSON value per key: `cursor` (the updates feed), `lease` (who is syncing now),
-- `last_success`, `last_error`, `auth_error`, `envelope_error`, `mismatch`, `clock`, `health`.
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL              -- JSON
);

-- Every update of the province's feed already applied here: each is applied once, by its id.
CREATE TABLE sync_applied_updates (
    update_id TEXT PRIMARY KEY,
    dossier_id TEXT,
    outcome TEXT NOT NULL,           -- applied | history_only | unknown_dossier
    reason TEXT,                     -- why it was not applied to the dossier's status
    applied_at TEXT NOT NULL
);
CREATE INDEX sync_applied_updates_outcome ON sync_applied_updates(outcome);

-- Gateway result files (USB) already imported: a second import of the same file changes nothing.
CREATE TABLE sync_result_files (
    digest TEXT PRIMARY KEY,         -- sha256 of the decompressed file
    batch_id TEXT,
    imported_at TEXT NOT NULL,
    summary TEXT NOT NULL            -- JSON counts
);

-- What sync did and what went wrong, newest last; for the supervisor and for support.
CREATE TABLE sync_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    level TEXT NOT NULL,             -- info | warning | error
    kind TEXT NOT NULL,              -- sent, batch_replay, envelope, auth, export, import, ...
    message TEXT NOT NULL,           -- English
    detail TEXT                      -- JSON
);

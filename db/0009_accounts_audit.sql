-- 0009: accounts and roles, the audit trail, keyed log seals (issue 12, points 1, 2 and 4).

-- The people who may use this station. Office data (docs/office-hub.md, section 5): the hub
-- will copy this table whole to every counter, so it holds only what an account *is*; what a
-- counter observes about it (wrong tries, lock-out) lives in account_lockouts.
CREATE TABLE accounts (
    login TEXT PRIMARY KEY,                -- lowercase ASCII, 2-32 of [a-z0-9._-]
    display_name TEXT NOT NULL,            -- NFC, printed on slips and in the log
    display_key TEXT NOT NULL UNIQUE,      -- the name folded (no accents, no case): one per person
    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'administrator')),
    password_hash TEXT NOT NULL,           -- argon2id, PHC string (parameters inside)
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1     -- +1 on every change of the row
);

-- This counter's count of wrong passwords per account (5 in a row: locked for 15 minutes).
CREATE TABLE account_lockouts (
    login TEXT PRIMARY KEY,
    failed_tries INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,                     -- ISO 8601 with offset; NULL: not locked
    last_failure_at TEXT
);

-- The audit trail: one record per write, in the same transaction as the write. `hash` is
-- HMAC-SHA256 under the station's audit key (never in this file) over the record's content and
-- `previous` (the hash of the record before it): see intake_app/domain/audit.py.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,               -- 1, 2, 3, … in chain order
    at TEXT NOT NULL,
    actor TEXT NOT NULL,                   -- login name; '' for the app itself
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}',     -- JSON
    previous TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_target ON audit_log (target);
CREATE INDEX audit_log_by_action ON audit_log (action);

-- The chain's head: its count and last hash, with a MAC under the same key, so that records
-- cut off the end are found too. One row.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    count INTEGER NOT NULL,
    hash TEXT NOT NULL,
    mac TEXT NOT NULL,
    key_id TEXT NOT NULL                   -- which key signs the chain (a short public name)
);

-- Seals made from now on are HMAC-SHA256 under the audit key ('hmac'); the seals made before
-- this version stay plain SHA-256 ('sha256') and still verify, anchored by the audit trail.
ALTER TABLE log_seals ADD COLUMN scheme TEXT NOT NULL DEFAULT 'sha256';

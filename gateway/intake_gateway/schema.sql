-- The gateway's tables, for SQLite and PostgreSQL alike; the serial key is filled in per
-- backend (db.schema_sql): the only column the two write differently.
-- Idempotency lives in the constraints: batch_id, event_id and (dossier_id, version) are unique,
-- and a MaHoSo belongs to one dossier_id.

CREATE TABLE IF NOT EXISTS gateway_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO gateway_meta (key, value) VALUES ('schema_version', '1') ON CONFLICT DO NOTHING;

-- One row per station ever issued a token; the token itself is never stored.
CREATE TABLE IF NOT EXISTS stations (
    unit_code TEXT NOT NULL,
    station_no INTEGER NOT NULL,
    token_sha256 TEXT UNIQUE,          -- hex SHA-256 of the token; NULL once revoked
    signing_key TEXT,                  -- hex HMAC-SHA256(token, "intake batch file v1"); NULL once revoked
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    PRIMARY KEY (unit_code, station_no)
);

-- Every batch answered with 200 (online or by file), with the results it was given.
CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY,
    unit_code TEXT NOT NULL,
    station_no INTEGER NOT NULL,
    event_ids TEXT NOT NULL,           -- JSON list of the event_ids in the order sent
    results TEXT NOT NULL,             -- JSON list of the results answered
    received_at TEXT NOT NULL,
    via TEXT NOT NULL                  -- 'http' or 'file'
);

-- Every accepted event: the dossiers' histories.
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    dossier_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    kind TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    station_no INTEGER NOT NULL,
    batch_id TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    payload TEXT NOT NULL,             -- the event as received, JSON
    UNIQUE (dossier_id, version)
);
CREATE INDEX IF NOT EXISTS events_by_station ON events (unit_code, station_no);

-- Per dossier, the snapshot of the highest accepted version.
CREATE TABLE IF NOT EXISTS dossiers (
    dossier_id TEXT PRIMARY KEY,
    unit_code TEXT NOT NULL,
    station_no INTEGER NOT NULL,
    ma_ho_so TEXT NOT NULL,
    ma_tthc TEXT NOT NULL,
    version BIGINT NOT NULL,
    snapshot TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dossiers_by_station ON dossiers (unit_code, station_no);

-- Which dossier_id each MaHoSo belongs to (code_conflict).
CREATE TABLE IF NOT EXISTS dossier_codes (
    ma_ho_so TEXT PRIMARY KEY,
    dossier_id TEXT NOT NULL
);

-- The province's procedure catalogue; empty means any MaTTHC is accepted.
CREATE TABLE IF NOT EXISTS procedures (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

-- What the province changed, fed to the owning station by GET /v1/updates.
CREATE TABLE IF NOT EXISTS updates (
    seq {serial_key},
    update_id TEXT NOT NULL UNIQUE,
    dossier_id TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    station_no INTEGER NOT NULL,
    ma_ho_so TEXT NOT NULL,
    status INTEGER NOT NULL,
    at TEXT NOT NULL,
    by_name TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_station ON updates (unit_code, station_no, seq);

-- The audit chain heads each station sent with its batches (envelope field `audit_head`):
-- the hash its chain had at each count. A later batch with another hash at a known count, or
-- fewer records, is flagged below (audit_heads.py); its events are judged as always.
CREATE TABLE IF NOT EXISTS station_audit_heads (
    unit_code TEXT NOT NULL,
    station_no INTEGER NOT NULL,
    count BIGINT NOT NULL,
    hash TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, station_no, count)
);

-- What the province must look at: a chain rewritten or shortened after a sync.
CREATE TABLE IF NOT EXISTS station_audit_flags (
    seq {serial_key},
    unit_code TEXT NOT NULL,
    station_no INTEGER NOT NULL,
    batch_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    detail TEXT NOT NULL,
    flagged_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS station_audit_flags_by_station
    ON station_audit_flags (unit_code, station_no, seq);

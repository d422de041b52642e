-- Office mode (docs/office-hub.md §1.3): the hub's own tables beside the gateway's.
-- SQLite only; created with IF NOT EXISTS on every start.

-- office_id, epoch, unit_code, unit_name, province_code, commune_code, office_name, pin.
CREATE TABLE IF NOT EXISTS office_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The paired counters (their LAN token is the gateway's `stations` token of their number).
CREATE TABLE IF NOT EXISTS office_counters (
    station_no INTEGER PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    app_version TEXT NOT NULL DEFAULT '',
    paired_at TEXT NOT NULL,
    revoked_at TEXT,
    last_seen TEXT,                    -- last request with its token
    last_address TEXT,
    outbox TEXT                        -- its self-reported X-Intake-Outbox
);

-- The live pairing code of a station: the scrypt key of the code (never the code itself),
-- its expiry (UNIX seconds) and the wrong tries so far (5 void it).
CREATE TABLE IF NOT EXISTS office_pairing_codes (
    station_no INTEGER PRIMARY KEY,
    code_key TEXT NOT NULL,
    expires_at REAL NOT NULL,
    tries INTEGER NOT NULL DEFAULT 0
);

-- The `office` block each accepted event came with (stripped from `events.payload`).
CREATE TABLE IF NOT EXISTS office_event_blocks (
    event_id TEXT PRIMARY KEY,
    station_no INTEGER NOT NULL,       -- the counter that sent it
    block TEXT                         -- JSON, NULL when the counter sent none
);

-- The office feed (§2.3): what every counter reads, in order.
CREATE TABLE IF NOT EXISTS office_feed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,                -- event | grant | release_request | update | counter
    ref TEXT NOT NULL,                 -- event_id, grant id, claim id, ...
    at TEXT NOT NULL
);

-- Every accepted event to forward to the province under its owner station's token (§4).
CREATE TABLE IF NOT EXISTS office_forward (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    owner_station INTEGER NOT NULL,    -- the station in the dossier's MaHoSo
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'delivered', 'rejected')),
    batch_id TEXT,
    reject_code TEXT,
    reject_message TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS office_forward_pending ON office_forward (owner_station, state, id);

-- What the forwarder did (per owner station), newest last.
CREATE TABLE IF NOT EXISTS office_forward_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    station_no INTEGER,
    level TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    detail TEXT
);

-- Who may write each dossier from which version on (§7): one row per grant. A dossier with
-- none is written by the station whose batch first brought it (its owner).
CREATE TABLE IF NOT EXISTS office_writers (
    dossier_id TEXT NOT NULL,
    from_version INTEGER NOT NULL,
    station_no INTEGER NOT NULL,
    grant_id TEXT NOT NULL,
    PRIMARY KEY (dossier_id, from_version)
);

-- Hand-over requests (§7.2): one live claim per dossier.
CREATE TABLE IF NOT EXISTS office_claims (
    claim_id TEXT PRIMARY KEY,
    dossier_id TEXT NOT NULL,
    claimant INTEGER NOT NULL,
    clerk TEXT NOT NULL,
    writer INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'granted', 'expired')),
    deadline REAL NOT NULL,            -- UNIX seconds
    grant_id TEXT,
    made_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS office_claims_live ON office_claims (dossier_id)
    WHERE state = 'waiting';

-- Signed grants (§7.2, §7.4): the right to write a dossier from `version` on.
CREATE TABLE IF NOT EXISTS office_grants (
    grant_id TEXT PRIMARY KEY,
    dossier_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    from_station INTEGER NOT NULL,
    to_station INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('handover', 'takeover')),
    body TEXT NOT NULL,                -- JSON, with its signature
    superseded_by TEXT
);

-- Every event refused `not_writer` or `version_conflict`, kept whole (§7.3, §7.5).
CREATE TABLE IF NOT EXISTS office_conflicts (
    event_id TEXT PRIMARY KEY,
    dossier_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    station_no INTEGER NOT NULL,       -- the counter that sent it
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    payload TEXT NOT NULL,             -- the event with its office block
    at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT
);

-- The office's shared data (§5): one linear version per section, edited only through the hub;
-- counters hold read-only copies. Sections: catalogue, calendar (accounts and fees to come).
CREATE TABLE IF NOT EXISTS office_config (
    section TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    content TEXT NOT NULL,             -- JSON, the whole section
    changed_by TEXT NOT NULL,
    changed_by_station INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);

-- The province's updates (GET /v1/updates of each counter station's token), relayed to every
-- counter: each counter applies every update of the office to its copy, in this order.
CREATE TABLE IF NOT EXISTS office_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    update_id TEXT NOT NULL UNIQUE,
    station_no INTEGER NOT NULL,       -- the token it came with (the dossier's owner)
    body TEXT NOT NULL,                -- the update exactly as the province gave it
    received_at TEXT NOT NULL
);

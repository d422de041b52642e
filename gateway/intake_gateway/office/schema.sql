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

-- 0006: the station's trusted clock (issue 9.8, domain/clock_trust.py).
--
-- `station_clock` is one row: the latest instant the station has recorded an action at (a
-- stamp, a step, a slip) or a supervisor confirmed, and the gateway measurement of the PC
-- clock that was set aside (confirmed, or the clock was set back after it). Every action
-- that records an instant checks the PC clock against it and raises it, in the action's own
-- transaction. It starts at the latest instant of the history already recorded.
CREATE TABLE station_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    trusted_at TEXT,                 -- ISO 8601 (+07:00)
    trusted_source TEXT NOT NULL DEFAULT 'stamp',   -- stamp | confirmed
    ignored_reading TEXT             -- station_at of the gateway measurement set aside
);
INSERT INTO station_clock (id, trusted_at)
    SELECT 1, (SELECT max(at) FROM dossier_history);

-- A supervisor's word that the PC clock is right although the station doubted it: who, why,
-- what the clock read and what it overrode. Kept forever (the explanation of any receipt
-- whose time is earlier than the one before it).
CREATE TABLE clock_confirmations (
    id INTEGER PRIMARY KEY,
    confirmed_at TEXT NOT NULL,      -- the PC clock's reading that was confirmed
    trusted_before TEXT,             -- the trusted instant it replaced
    problem TEXT NOT NULL,           -- what the station said was wrong (Vietnamese)
    reading TEXT,                    -- JSON {station_at, skew_seconds}: the gateway's last one
    confirmed_by TEXT NOT NULL,
    reason TEXT NOT NULL
);

-- 0010: backups, restores and the codes a station skipped (issue 13, for IT staff).

-- Every backup attempt of this station (automatic or asked for), made or failed: the status bar,
-- `backup list` and `doctor` read the last ones. The backup files themselves carry a manifest
-- of their own (intake_app/store/backup.py); this table only remembers the attempts.
CREATE TABLE backups (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    kind TEXT NOT NULL,              -- daily, start, exit, manual, pre-upgrade, before-restore
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    path TEXT,                       -- the backup file (NULL when none was made)
    size INTEGER,                    -- bytes of the file
    dossiers INTEGER,                -- dossiers it holds
    sha256 TEXT,                     -- of the database inside it
    changes INTEGER,                 -- the audit trail's last record (not counting backups) it holds
    error TEXT                       -- what went wrong (Vietnamese, for the status bar)
);
CREATE INDEX backups_by_time ON backups(finished_at);

-- Each restore of this data folder from a backup (or a station file from another PC), with
-- where the old files were set aside and what was found about the codes already handed out.
CREATE TABLE station_restores (
    id INTEGER PRIMARY KEY,
    restored_at TEXT NOT NULL,
    source TEXT NOT NULL,            -- the backup or station file
    source_made_at TEXT,             -- when that backup was taken
    set_aside TEXT,                  -- the dated folder holding the files it replaced
    high_water TEXT NOT NULL,        -- JSON: the highest code per day found, and where
    actor TEXT NOT NULL DEFAULT ''
);

-- Codes this station skipped on purpose: a stamp continued above the highest code it had ever
-- handed out (the high-water file, the receipts kept, the province), so a code a citizen holds
-- is never handed out again. Each row explains one gap in the day's sequence.
CREATE TABLE code_gaps (
    id INTEGER PRIMARY KEY,
    station_no INTEGER NOT NULL,
    day_key TEXT NOT NULL,           -- yyMMdd
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    found_at TEXT NOT NULL,
    reason TEXT NOT NULL,            -- 'restored' (after a restore) or 'lost' (recent data lost)
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX code_gaps_by_day ON code_gaps(day_key);

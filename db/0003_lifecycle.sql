-- 0003: the dossier's life after receipt (issue 4): supplement clock, end time, slips, log seals.

-- The appointment reports judge against: moved by supplement waits, never by an apology slip
-- (an apology sets a new appointment for the citizen but the dossier still counts as late).
ALTER TABLE dossiers ADD COLUMN statutory_due_at TEXT;
UPDATE dossiers SET statutory_due_at = due_at;
-- How many times a supplement was requested (more than one counts as late, domain.md §3).
ALTER TABLE dossiers ADD COLUMN supplement_count INTEGER NOT NULL DEFAULT 0;
-- Set while the dossier waits for the citizen's supplement (status 5): the clock is stopped.
ALTER TABLE dossiers ADD COLUMN supplement_requested_at TEXT;
-- When processing ended: first of done (9), returned (10), refused (3), withdrawn (7), stopped (8).
ALTER TABLE dossiers ADD COLUMN finished_at TEXT;
UPDATE dossiers SET finished_at = returned_at WHERE status = 10;
UPDATE dossiers SET finished_at = received_at
    WHERE finished_at IS NULL AND status IN (3, 7, 8, 9);
CREATE INDEX dossiers_finished ON dossiers(finished_at);

-- Every slip issued after receipt: its number per kind and year, and what it said (frozen JSON),
-- so that a reprint repeats the original. One slip per step (the history entry it answers).
CREATE TABLE slips (
    id INTEGER PRIMARY KEY,
    dossier INTEGER NOT NULL REFERENCES dossiers(id),
    kind TEXT NOT NULL,
    step INTEGER REFERENCES dossier_history(id),
    year INTEGER NOT NULL,
    number INTEGER,                  -- NULL for the control sheet, which has no number
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    data TEXT NOT NULL,              -- JSON of the slip record
    UNIQUE (kind, year, number),
    UNIQUE (kind, step)
);
CREATE INDEX slips_dossier ON slips(dossier);

-- The daily log's seals: per closed day, the digests of its rows and a hash chained to the
-- previous day's, so that a row changed or removed after printing is found by `log verify`.
CREATE TABLE log_seals (
    day TEXT PRIMARY KEY,            -- YYYY-MM-DD, local day of receipt
    count INTEGER NOT NULL,
    digests TEXT NOT NULL,           -- JSON {code: sha256 of the row's sealed facts}
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    sealed_at TEXT NOT NULL
);

-- 0008: counter features (issue 11): correcting a stamped dossier, identity documents.

-- One source per fact. The applicant was kept five ways in one row: the `applicant` JSON (what
-- every reader uses), three plain columns nothing read (a correction would have had to keep
-- them in step), the folded `search_text` (the search index's own copy, rewritten with every
-- change) and the `receipt` JSON (what the citizen was handed, issued again by a correction).
-- SQLite (3.35 and later; the app's SQLite and SQLCipher builds are newer) drops a column by
-- rewriting the table in place inside this migration's transaction, and refuses if an index,
-- a trigger, a view or a constraint used it: the search index, its triggers and every index of
-- the table stay as they are. (The twelve-step copy into a new table would need foreign keys
-- switched off, which cannot be done inside a transaction.)
ALTER TABLE dossiers DROP COLUMN applicant_name;
ALTER TABLE dossiers DROP COLUMN applicant_id_number;
ALTER TABLE dossiers DROP COLUMN applicant_phone;

-- Every receipt handed out before the dossier's current one (the `receipt` column): a
-- correction issues the receipt again as the current original and keeps here, as it was
-- handed out, the one it replaces, with when it was issued and the correction that replaced it.
CREATE TABLE receipt_history (
    id INTEGER PRIMARY KEY,
    dossier INTEGER NOT NULL REFERENCES dossiers(id),
    issue INTEGER NOT NULL,          -- 1: the receipt of the counter, 2: after one correction …
    issued_at TEXT NOT NULL,         -- when that receipt was handed out
    receipt TEXT NOT NULL,           -- JSON of the receipt as handed out
    replaced_at TEXT NOT NULL,
    replaced_by INTEGER NOT NULL REFERENCES dossier_history(id),  -- the correction's entry
    UNIQUE (dossier, issue)
);

-- A row of a sealed day changed by a correction: the row's digest before and after, who,
-- when and why, with a MAC under the station's audit key (`log verify` follows them from the
-- sealed digest, so a correction is told from an edit made behind the app's back). A copy of
-- each goes to the audit trail in the same transaction.
CREATE TABLE log_corrections (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,               -- YYYY-MM-DD, the sealed day of the row
    code TEXT NOT NULL,
    before_digest TEXT NOT NULL,
    after_digest TEXT NOT NULL,
    corrected_at TEXT NOT NULL,
    corrected_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    mac TEXT NOT NULL,
    step INTEGER NOT NULL REFERENCES dossier_history(id)
);
CREATE INDEX log_corrections_code ON log_corrections(code, id);

-- A parked (rejected) event that a later version of its dossier makes unnecessary: a
-- correction's `updated` event carries the whole dossier again, so the province gets the
-- corrected dossier from it and the parked one is never sent (docs/sync-protocol.md).
ALTER TABLE outbox ADD COLUMN superseded_by TEXT;  -- the event_id of the newer event

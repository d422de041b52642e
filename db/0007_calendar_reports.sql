-- 0007: calendar notices imported from signed files, and the reports printed (issue 10).

-- Every signed calendar notice applied here, kept as it was signed: never changed nor removed.
-- A later edition of the same notice (same number) replaces the earlier one as a whole; the
-- notices shipped with the app (resources/calendar) are the earliest edition.
CREATE TABLE calendar_notices (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL,            -- "12729/VPCP-KGVX"
    issued_on TEXT NOT NULL,         -- YYYY-MM-DD
    issuer TEXT NOT NULL,
    province_code TEXT,              -- NULL: national
    notice TEXT NOT NULL,            -- JSON of the notice as signed
    key_id TEXT NOT NULL,            -- the trusted key that signed it
    file_sha256 TEXT NOT NULL UNIQUE,-- the imported file, byte for byte: one import per file
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);
CREATE INDEX calendar_notices_number ON calendar_notices(number, id);

-- Every report printed (Biểu II.06a): the numbers it showed and the file's SHA-256, so that
-- a reprint of a closed period is checked against the first print of that period.
CREATE TABLE report_prints (
    id INTEGER PRIMARY KEY,
    form TEXT NOT NULL,              -- "06a"
    period_start TEXT NOT NULL,      -- YYYY-MM-DD
    period_end TEXT NOT NULL,        -- YYYY-MM-DD
    as_of TEXT NOT NULL,             -- the instant the numbers stand at (≤ end of period_end)
    closed INTEGER NOT NULL,         -- 1: printed after the period ended (as_of = its end)
    counts TEXT NOT NULL,            -- JSON: heading, one row per field, the total row
    counts_sha256 TEXT NOT NULL,
    file_format TEXT NOT NULL,       -- pdf | xlsx
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    issued_on TEXT NOT NULL,         -- the date printed above the signatures
    printed_at TEXT NOT NULL,
    printed_by TEXT NOT NULL,
    first_print INTEGER REFERENCES report_prints(id),  -- the print this one was checked against
    matches INTEGER                  -- NULL: nothing to check against; 1 same numbers; 0 not
);
CREATE INDEX report_prints_period ON report_prints(form, period_start, period_end, closed, id);

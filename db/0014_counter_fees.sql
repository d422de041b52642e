-- 0014: the counter and its fees (issue 11, points 5 and 7).

-- Each original receipt printed, recorded only once the print job succeeded. Until an issue
-- of a dossier's receipt has a row here, its original (unmarked) can be printed again; after,
-- a print is a copy (BẢN SAO).
CREATE TABLE receipt_prints (
    id INTEGER PRIMARY KEY,
    dossier INTEGER NOT NULL REFERENCES dossiers(id),
    issue INTEGER NOT NULL,          -- the receipt's issue (1, then one more per correction)
    printed_at TEXT NOT NULL,
    printed_by TEXT NOT NULL,
    copies INTEGER NOT NULL,         -- 0: printed before prints were recorded
    printer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX receipt_prints_dossier ON receipt_prints(dossier, issue);
-- Receipts handed out before this version: their print was never recorded. They count as
-- printed (as they were treated then), so a reprint stays a copy.
INSERT INTO receipt_prints (dossier, issue, printed_at, printed_by, copies, printer)
SELECT id, COALESCE(json_extract(receipt, '$.issue'), 1), received_at, '', 0, ''
FROM dossiers;

-- The amounts the provincial People's Council (HĐND tỉnh) set for the procedures whose fee
-- the province sets (fee kind "provincial"), entered by the supervisor: the fee of a dossier
-- stamped after it, on its receipt. Over the catalogue's amount, kept across catalogue imports.
CREATE TABLE provincial_fees (
    procedure_code TEXT PRIMARY KEY,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    basis TEXT NOT NULL,             -- the resolution, e.g. "Nghị quyết số 12/2025/NQ-HĐND"
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL
);
-- Every change of those amounts: before → after, the resolution, who and when.
CREATE TABLE provincial_fee_changes (
    id INTEGER PRIMARY KEY,
    procedure_code TEXT NOT NULL,
    amount_before INTEGER,           -- NULL: not set before
    amount_after INTEGER,            -- NULL: cleared (back to "theo Nghị quyết của HĐND tỉnh")
    basis TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);

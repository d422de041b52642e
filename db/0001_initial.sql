-- 0001: the station's first schema: settings, reference data, dossiers, history, outbox.
-- Times are ISO 8601 text with the +07:00 offset; money is whole VND.

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL              -- JSON
);

CREATE TABLE admin_provinces (
    code TEXT PRIMARY KEY,           -- GSO 2-digit code (Decision 19/2025/QĐ-TTg)
    name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    folded TEXT NOT NULL             -- accent-free, for type-ahead
);

CREATE TABLE admin_communes (
    code TEXT PRIMARY KEY,           -- GSO 5-digit code
    province_code TEXT NOT NULL REFERENCES admin_provinces(code),
    name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX admin_communes_province ON admin_communes(province_code);

CREATE TABLE procedures (
    code TEXT PRIMARY KEY,           -- national procedure code (mã TTHC)
    name TEXT NOT NULL,
    field_code TEXT NOT NULL,
    field_name TEXT NOT NULL,
    definition TEXT NOT NULL,        -- JSON, the catalogue-file form of the procedure
    folded TEXT NOT NULL,            -- accent-free code + name, for the picker
    updated_at TEXT NOT NULL
);

CREATE TABLE calendar_overrides (
    day TEXT PRIMARY KEY,            -- YYYY-MM-DD
    kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
    note TEXT NOT NULL DEFAULT '',
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);

CREATE TABLE dossiers (
    id INTEGER PRIMARY KEY,
    dossier_id TEXT NOT NULL UNIQUE, -- UUID, never changes
    code TEXT NOT NULL UNIQUE,       -- mã hồ sơ
    station_no INTEGER NOT NULL,
    day_key TEXT NOT NULL,           -- yyMMdd, local day of receipt
    day_seq INTEGER NOT NULL,        -- 1..999 per station per day, gap-free
    procedure_code TEXT NOT NULL,
    procedure_name TEXT NOT NULL,
    field_code TEXT NOT NULL,
    field_name TEXT NOT NULL,
    applicant TEXT NOT NULL,         -- JSON party
    applicant_name TEXT NOT NULL,
    applicant_id_number TEXT,
    applicant_phone TEXT,
    owner TEXT,                      -- JSON party, NULL when the applicant owns the dossier
    documents TEXT NOT NULL,         -- JSON list of document lines
    pages INTEGER NOT NULL,
    sets INTEGER NOT NULL,
    channel INTEGER NOT NULL,
    delivery TEXT NOT NULL,
    note TEXT NOT NULL,
    received_at TEXT NOT NULL,
    due_at TEXT,
    returned_at TEXT,
    status INTEGER NOT NULL,
    version INTEGER NOT NULL,
    clerk TEXT NOT NULL,
    fee_total INTEGER,
    fee_lines TEXT NOT NULL,         -- JSON list
    ledger_book TEXT NOT NULL,
    ledger_number INTEGER NOT NULL,
    processing_unit TEXT,
    receipt TEXT NOT NULL,           -- JSON: what the handed-out receipt says, frozen
    search_text TEXT NOT NULL,       -- accent-free code, names, ID numbers, phones
    UNIQUE (station_no, day_key, day_seq),
    UNIQUE (ledger_book, ledger_number)
);
CREATE INDEX dossiers_received ON dossiers(received_at);
CREATE INDEX dossiers_due ON dossiers(status, due_at);

CREATE TABLE dossier_history (
    id INTEGER PRIMARY KEY,
    dossier INTEGER NOT NULL REFERENCES dossiers(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,            -- received, receipt_reprinted, status_changed, returned, ...
    status INTEGER,
    note TEXT NOT NULL DEFAULT '',
    detail TEXT                      -- JSON
);
CREATE INDEX dossier_history_dossier ON dossier_history(dossier);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    dossier INTEGER NOT NULL REFERENCES dossiers(id),
    dossier_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    payload TEXT NOT NULL,           -- the whole event, JSON as sent
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'delivered', 'rejected')),
    batch_id TEXT,
    reject_code TEXT,
    reject_message TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (dossier_id, version)
);
CREATE INDEX outbox_state ON outbox(state, id);

-- Accent-free search over code, names, ID numbers and phones (engineering-notes: FTS5's
-- remove_diacritics never turns đ into d, so the folded text is stored and indexed instead).
CREATE VIRTUAL TABLE dossiers_fts USING fts5(
    search_text, content='dossiers', content_rowid='id', tokenize='unicode61'
);
CREATE TRIGGER dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
    INSERT INTO dossiers_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER dossiers_fts_delete AFTER DELETE ON dossiers BEGIN
    INSERT INTO dossiers_fts(dossiers_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER dossiers_fts_update AFTER UPDATE OF search_text ON dossiers BEGIN
    INSERT INTO dossiers_fts(dossiers_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    INSERT INTO dossiers_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;

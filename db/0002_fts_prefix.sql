-- 0002: prefix indexes for the search box. Without them FTS5 answers "h"* or
-- "nguyen"* by merging the doclists of every matching term in memory before the first row
-- comes out (hundreds of thousands of rowids at 1,000,000 dossiers); with them a prefix of 1-6
-- characters is one term of its own index, read lazily, newest first, and LIMIT stops early.
DROP TRIGGER dossiers_fts_insert;
DROP TRIGGER dossiers_fts_delete;
DROP TRIGGER dossiers_fts_update;
DROP TABLE dossiers_fts;
CREATE VIRTUAL TABLE dossiers_fts USING fts5(
    search_text, content='dossiers', content_rowid='id', tokenize='unicode61',
    prefix='1 2 3 4 5 6'
);
INSERT INTO dossiers_fts(dossiers_fts) VALUES ('rebuild');
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

-- The log's leaves kept in one b-tree keyed by (election, idx) (issue 19:
-- bytes per station). As a rowid table, log_entries kept its primary key in
-- a second b-tree besides the rows, about 30 bytes a leaf (30 MB for a
-- million stations) that no query needs: every read is by (election, idx).
-- The rows are copied in key order, so the new tree is filled densely.
CREATE TABLE log_entries_by_key (
    election TEXT    NOT NULL REFERENCES elections (id),
    idx      INTEGER NOT NULL CHECK (idx >= 0),
    leaf     BLOB    NOT NULL,
    hashes   BLOB    NOT NULL,
    PRIMARY KEY (election, idx)
) STRICT, WITHOUT ROWID;
INSERT INTO log_entries_by_key (election, idx, leaf, hashes)
    SELECT election, idx, leaf, hashes FROM log_entries ORDER BY election, idx;
DROP TABLE log_entries;
ALTER TABLE log_entries_by_key RENAME TO log_entries;

-- Refused submissions by their key (tally.Refusal: the SHA-256 of the
-- refusal without its time) with the leaf that logs each and its record
-- hash, so that the same refusal again appends nothing
-- (tally.Store.AppendRefusals).
CREATE TABLE refusals (
    election  TEXT    NOT NULL REFERENCES elections (id),
    key       BLOB    NOT NULL CHECK (length(key) = 32),
    log_index INTEGER NOT NULL CHECK (log_index >= 0),
    leaf_hash BLOB    NOT NULL CHECK (length(leaf_hash) = 32),
    PRIMARY KEY (election, key)
) STRICT, WITHOUT ROWID;

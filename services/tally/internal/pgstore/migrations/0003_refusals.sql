-- Refused submissions by their key (tally.Refusal: the SHA-256 of the
-- refusal without its time) with the leaf that logs each and its record
-- hash, so that the same refusal again appends nothing
-- (tally.Store.AppendRefusals).
CREATE TABLE refusals (
    election  text   NOT NULL REFERENCES elections (id),
    key       bytea  NOT NULL CHECK (length(key) = 32),
    log_index bigint NOT NULL CHECK (log_index >= 0),
    leaf_hash bytea  NOT NULL CHECK (length(leaf_hash) = 32),
    PRIMARY KEY (election, key)
);

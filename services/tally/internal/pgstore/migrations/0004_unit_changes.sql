-- Units added are a change of the results (decision 81): every batch that
-- added at least one unit has its results version, like a protocol version
-- or a phase change, so that the streams send it. Units added before this
-- migration keep no version (their log entries have format mandate-log/1).
CREATE TABLE unit_changes (
    election        text    NOT NULL REFERENCES elections (id),
    results_version bigint  NOT NULL CHECK (results_version >= 1),
    units           integer NOT NULL CHECK (units >= 1),
    at              bigint  NOT NULL, -- Unix nanoseconds, UTC
    log_index       bigint  NOT NULL,
    PRIMARY KEY (election, results_version)
);

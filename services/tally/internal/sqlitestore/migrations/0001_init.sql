-- Elections: the definition (contests, choices, forms) as JSON, and the
-- election's results-version counter, bumped by every accepted change.
CREATE TABLE elections (
    id              TEXT    NOT NULL PRIMARY KEY,
    definition      TEXT    NOT NULL,
    results_version INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE contests (
    election TEXT    NOT NULL REFERENCES elections (id),
    id       TEXT    NOT NULL,
    phase    INTEGER NOT NULL,
    PRIMARY KEY (election, id)
) STRICT, WITHOUT ROWID;

-- The unit hierarchy; the parent key is checked at commit so a batch may come
-- in any order.
CREATE TABLE units (
    election   TEXT    NOT NULL REFERENCES elections (id),
    id         TEXT    NOT NULL,
    parent     TEXT,
    name       TEXT    NOT NULL,
    level      TEXT    NOT NULL,
    registered INTEGER NOT NULL CHECK (registered >= 0),
    PRIMARY KEY (election, id),
    FOREIGN KEY (election, parent) REFERENCES units (election, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;

-- Every protocol version ever accepted. The constraints are the decisions:
-- one version n per station and contest, one use of an idempotency key per
-- election, one change per results version.
CREATE TABLE protocols (
    election        TEXT    NOT NULL,
    contest         TEXT    NOT NULL,
    station         TEXT    NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    results_version INTEGER NOT NULL CHECK (results_version >= 1),
    kind            INTEGER NOT NULL,
    idempotency_key TEXT    NOT NULL,
    content_hash    TEXT    NOT NULL,
    lines           TEXT    NOT NULL, -- JSON object line ID -> count
    votes           TEXT    NOT NULL, -- JSON object choice ID -> count
    warnings        TEXT    NOT NULL, -- JSON array of violations, '' for none
    reason          TEXT    NOT NULL,
    submitter       TEXT    NOT NULL,
    submitted_at    INTEGER NOT NULL, -- Unix nanoseconds, UTC
    UNIQUE (election, contest, station, version),
    UNIQUE (election, idempotency_key),
    UNIQUE (election, results_version),
    FOREIGN KEY (election, contest) REFERENCES contests (election, id),
    FOREIGN KEY (election, station) REFERENCES units (election, id)
) STRICT;

CREATE TABLE phase_changes (
    election        TEXT    NOT NULL,
    results_version INTEGER NOT NULL,
    contest         TEXT    NOT NULL,
    phase           INTEGER NOT NULL,
    reason          TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    PRIMARY KEY (election, results_version),
    FOREIGN KEY (election, contest) REFERENCES contests (election, id)
) STRICT, WITHOUT ROWID;

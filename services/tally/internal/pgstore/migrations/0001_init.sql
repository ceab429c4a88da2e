-- Elections: the definition (contests, choices, forms) as JSON; the
-- election's results-version counter, bumped by every accepted change; and
-- its number of units, so that a replica sees another one added some. Every
-- transaction that assigns results versions locks the election's row first,
-- so the versions of one election commit in order.
CREATE TABLE elections (
    id              text        NOT NULL PRIMARY KEY,
    definition      jsonb       NOT NULL,
    results_version bigint      NOT NULL DEFAULT 0,
    unit_count      integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contests (
    election text     NOT NULL REFERENCES elections (id),
    id       text     NOT NULL,
    phase    smallint NOT NULL,
    PRIMARY KEY (election, id)
);

-- The unit hierarchy; the parent key is checked at commit so a batch may come
-- in any order.
CREATE TABLE units (
    election   text   NOT NULL REFERENCES elections (id),
    id         text   NOT NULL,
    parent     text,
    name       text   NOT NULL,
    level      text   NOT NULL,
    registered bigint NOT NULL CHECK (registered >= 0),
    PRIMARY KEY (election, id),
    FOREIGN KEY (election, parent) REFERENCES units (election, id) DEFERRABLE INITIALLY DEFERRED
);

-- Every protocol version ever accepted. The constraints are the decisions:
-- one version n per station and contest, and only on top of version n-1;
-- one use of an idempotency key per election; one change per results version.
-- No foreign key to contests: every insert requires the contest's phase
-- (pgstore's phase guard), which a missing contest fails, and the check
-- would cost a quarter of a bulk insert.
CREATE TABLE protocols (
    election        text     NOT NULL,
    contest         text     NOT NULL,
    station         text     NOT NULL,
    version         integer  NOT NULL CHECK (version >= 1),
    replaces        integer  GENERATED ALWAYS AS (nullif(version - 1, 0)) STORED,
    results_version bigint   NOT NULL CHECK (results_version >= 1),
    kind            smallint NOT NULL,
    idempotency_key text     NOT NULL,
    content_hash    text     NOT NULL,
    lines           jsonb    NOT NULL, -- line ID -> count
    votes           jsonb    NOT NULL, -- choice ID -> count
    warnings        jsonb,             -- violations; NULL for none
    reason          text     NOT NULL,
    submitter       text     NOT NULL,
    submitted_at    bigint   NOT NULL, -- Unix nanoseconds: timestamptz keeps microseconds
    PRIMARY KEY (election, results_version),
    UNIQUE (election, contest, station, version),
    UNIQUE (election, idempotency_key),
    FOREIGN KEY (election, station) REFERENCES units (election, id),
    FOREIGN KEY (election, contest, station, replaces)
        REFERENCES protocols (election, contest, station, version)
);

CREATE TABLE phase_changes (
    election        text     NOT NULL,
    results_version bigint   NOT NULL CHECK (results_version >= 1),
    contest         text     NOT NULL,
    phase           smallint NOT NULL,
    reason          text     NOT NULL,
    at              bigint   NOT NULL, -- Unix nanoseconds
    PRIMARY KEY (election, results_version),
    FOREIGN KEY (election, contest) REFERENCES contests (election, id)
);

-- require_true aborts the transaction with SQLSTATE MD001 unless ok: a
-- bulk insert that did not store every row undoes itself with it, and the
-- store decides the batch again item by item.
CREATE FUNCTION require_true(ok boolean, message text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT ok THEN
        RAISE EXCEPTION '%', message USING ERRCODE = 'MD001';
    END IF;
    RETURN true;
END
$$;

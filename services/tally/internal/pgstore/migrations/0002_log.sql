-- The log of every election (see tally.Store): its leaves, numbered from 0
-- in commit order, each with the tree hashes appending it completed (its
-- record hash, then one per subtree it completed; 32 bytes each), so that
-- every hash of the tree is stored with the leaf that completed it.
CREATE TABLE log_entries (
    election text   NOT NULL REFERENCES elections (id),
    idx      bigint NOT NULL CHECK (idx >= 0),
    leaf     bytea  NOT NULL,
    hashes   bytea  NOT NULL,
    PRIMARY KEY (election, idx)
);

-- The leaf of each change; NULL for changes stored before the log existed.
ALTER TABLE protocols ADD COLUMN log_index bigint;
ALTER TABLE phase_changes ADD COLUMN log_index bigint;

-- log_append appends leaves to an election's log and returns the index of
-- the first. Each leaf is '{"sequence":' || its index || its tail (package
-- tallylog), hashed as RFC 6962 does: sha256(0x00 || leaf) for the leaf,
-- sha256(0x01 || left || right) for a node. The right edge of the tree (the
-- hash of each complete subtree, largest first) is read once, then every
-- leaf merges into it. The caller holds the election's row lock, as every
-- writer does, so the log grows by one transaction at a time.
CREATE FUNCTION log_append(e text, tails bytea[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    n      bigint;
    first  bigint;
    stack  bytea[] := '{}';
    levels int[]   := '{}';
    lvl    int;
    off    bigint;
    t      bytea;
    leaf   bytea;
    h      bytea;
    hs     bytea;
    top    int;
    idxs   bigint[] := '{}';
    leaves bytea[]  := '{}';
    blobs  bytea[]  := '{}';
BEGIN
    SELECT coalesce(max(idx) + 1, 0) INTO n FROM log_entries WHERE election = e;
    first := n;
    FOR lvl IN REVERSE 62..0 LOOP
        IF (n >> lvl) & 1 = 1 THEN
            off := (n >> (lvl + 1)) << (lvl + 1);
            SELECT substring(l.hashes FROM 32 * lvl + 1 FOR 32) INTO h
              FROM log_entries l WHERE l.election = e AND l.idx = off + (1::bigint << lvl) - 1;
            IF h IS NULL OR length(h) <> 32 THEN
                RAISE EXCEPTION 'log of % lacks the hash of level % at %', e, lvl, off;
            END IF;
            stack := stack || h;
            levels := levels || lvl;
        END IF;
    END LOOP;
    FOREACH t IN ARRAY tails LOOP
        leaf := convert_to('{"sequence":' || n::text, 'UTF8') || t;
        h := sha256('\x00'::bytea || leaf);
        hs := h;
        lvl := 0;
        top := coalesce(array_length(stack, 1), 0);
        WHILE top > 0 AND levels[top] = lvl LOOP
            h := sha256('\x01'::bytea || stack[top] || h);
            hs := hs || h;
            stack := stack[1:top - 1];
            levels := levels[1:top - 1];
            top := top - 1;
            lvl := lvl + 1;
        END LOOP;
        stack := stack || h;
        levels := levels || lvl;
        idxs := idxs || n;
        leaves := leaves || leaf;
        blobs := blobs || hs;
        n := n + 1;
    END LOOP;
    INSERT INTO log_entries (election, idx, leaf, hashes)
    SELECT e, u.i, u.l, u.h FROM unnest(idxs, leaves, blobs) AS u(i, l, h);
    RETURN first;
END
$$;
